"""Files the kit writes for a person, written atomically (contract of issue 8).

Temporary stand-in on branch issue-10 until the core commit lands; main's version wins
at merge.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from samenschool.errors import SamenschoolError


def schrijf_atomisch(pad: Path | str, inhoud: str | bytes) -> Path:
    """Write to a temp file in the same folder, fsync, os.replace. On failure the old file
    stays and SamenschoolError carries a Dutch message."""
    path = Path(pad)
    raw = inhoud.encode("utf-8") if isinstance(inhoud, str) else bytes(inhoud)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise SamenschoolError(f"Kan {path} niet schrijven ({exc.strerror or exc}). "
                               "Het oude bestand is niet veranderd.") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return path
