"""Files the kit writes for a person (werkboek, plans, documents): whole or not at all.

The content goes to a temporary file in the same folder, is flushed to disk and then swapped
in with ``os.replace``. A write that fails (disk full, no permission) leaves the earlier file
as it was and raises a :class:`SamenschoolError` with a Dutch message.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from samenschool.errors import SamenschoolError


def schrijf_atomisch(pad: Path | str, inhoud: str | bytes) -> Path:
    """Write ``inhoud`` (text as UTF-8, or bytes) to ``pad`` atomically. Returns the path."""
    pad = Path(pad)
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else bytes(inhoud)
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    except OSError as exc:
        raise SamenschoolError(f"Kan {pad} niet schrijven: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, pad)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        oud = " Het vorige bestand is niet veranderd." if pad.exists() else ""
        raise SamenschoolError(f"Kan {pad} niet schrijven: {exc.strerror or exc}.{oud}") from exc
    return pad
