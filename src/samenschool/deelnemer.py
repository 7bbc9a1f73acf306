"""Room mode: which participant a kernel serves, and where that participant's answers live.

``samenschool start --netwerk`` sets ``SAMENSCHOOL_KLASMODUS=1``; Voilà passes the browser's
Cookie header to the kernel (``HTTP_COOKIE``). A participant's answers live in
``<werkmap>/deelnemers/<id>/``; the facilitator's own answers in ``<werkmap>/``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

WERKMAP_ENV_VAR = "SAMENSCHOOL_WERKMAP"
KLAS_ENV_VAR = "SAMENSCHOOL_KLASMODUS"  # set by `samenschool start --netwerk`
DEELNEMERS_MAP = "deelnemers"
_DEELNEMER = re.compile(r"(?:^|;\s*)samenschool_deelnemer=([A-Za-z0-9]{16,40})(?:;|$)")


def deelnemer_id(cookie_header: str | None = None) -> str | None:
    """In room mode, the participant's id from the browser cookie; None elsewhere."""
    if os.environ.get(KLAS_ENV_VAR) != "1":
        return None
    match = _DEELNEMER.search(cookie_header if cookie_header is not None else os.environ.get("HTTP_COOKIE", ""))
    return match.group(1) if match else None


def basismap() -> Path:
    """The facilitator's (or the lone learner's) werkmap folder."""
    env = os.environ.get(WERKMAP_ENV_VAR)
    return Path(env).expanduser() if env else Path.home() / "SamenSchoolMaken" / "werkmap"


def default_folder() -> Path:
    """The werkmap of whoever this kernel serves: a participant's folder in room mode."""
    deelnemer = deelnemer_id()
    base = basismap()
    return base / DEELNEMERS_MAP / deelnemer if deelnemer else base
