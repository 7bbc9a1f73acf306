"""Files the kit writes for a person (werkboek, planner documents, plans): written whole or not at all.

``schrijf_atomisch(pad, inhoud)`` writes to a temporary file in the same folder, flushes and
fsyncs it, then swaps it in with ``os.replace``. A failed write (disk full, no permission, a
folder where the file should be) leaves the old file as it was and raises SamenschoolError with
a Dutch message; the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from typing import Iterator

from samenschool.errors import SamenschoolError

try:  # POSIX; on Windows the lock is a no-op and os.replace still keeps files whole
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

_REDEN = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijf is vol (quota bereikt)",
    errno.EACCES: "geen toestemming om daar te schrijven",
    errno.EPERM: "geen toestemming om daar te schrijven",
    errno.EROFS: "die plek is alleen-lezen",
    errno.EISDIR: "daar staat een map met die naam",
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def reden(exc: OSError) -> str:
    """A short Dutch reason for an OS error ("de schijf is vol")."""
    return _REDEN.get(exc.errno, exc.strerror or str(exc) or "onbekende fout")


def schrijf_atomisch(pad: Path | str, inhoud: str | bytes) -> Path:
    """Write ``inhoud`` (str as UTF-8, or bytes) to ``pad`` atomically. Returns the path.

    The old file, if any, stays intact when anything goes wrong."""
    path = Path(pad)
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else bytes(inhoud)
    if path.is_dir():
        raise SamenschoolError(f"Niet geschreven: '{path}' is een map. Geef een bestandsnaam.")
    folder = path.parent
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):  # keep the old file's permissions when we replace it
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        oud = " Het vorige bestand is niet veranderd." if path.exists() else ""
        raise SamenschoolError(f"Kan {path} niet schrijven: {reden(exc)}.{oud}") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return path


@contextlib.contextmanager
def slot(pad: Path | str, *, alleen_als_schrijfbaar: bool = False) -> Iterator[None]:
    """An exclusive lock on the lock file ``pad`` (made when missing) while the block runs, so two
    processes (two tabs, two kernels) never read-modify-write the same file at once.

    ``alleen_als_schrijfbaar``: where the folder cannot be written, run the block without a lock
    (reading still works; a write says so itself)."""
    pad = Path(pad)
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        handle = open(pad, "a+")
    except OSError:
        if not alleen_als_schrijfbaar:
            raise
        yield
        return
    with handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
