"""The werkmap: where a learner's answers live, outside the kernel.

One JSON file per module in a folder in the user's home (or ``$SAMENSCHOOL_WERKMAP``).
Every change is saved at once: read, update, write to a temporary file, ``os.replace``,
all under a file lock, so two open tabs (two kernels) never corrupt the file and never
lose each other's answers to different questions. A file that cannot be read is set
aside (renamed, never deleted) and the learner gets a message.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator

from samenschool.errors import SamenschoolError

try:  # POSIX; on Windows the lock is a no-op and os.replace still keeps files whole
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

ENV_VAR = "SAMENSCHOOL_WERKMAP"
FORMAT_VERSION = 1


_NA_WIJZIGING: list = []  # callbacks(module | None) after every save, delete or wipe in this process


def bij_wijziging(callback) -> None:
    """Call ``callback(module)`` after every change to any werkmap in this process
    (``module`` is None after a wipe). Registering the same callback twice has no effect."""
    if callback not in _NA_WIJZIGING:
        _NA_WIJZIGING.append(callback)


def _meld(module: str | None) -> None:
    for callback in list(_NA_WIJZIGING):
        try:
            callback(module)
        except Exception:  # a listener (a page widget) must never break saving
            pass


def default_folder() -> Path:
    """The facilitator's werkmap; in room mode a participant's own folder inside it
    (see samenschool.deelnemer)."""
    from samenschool import deelnemer

    base = deelnemer.basis_map()
    return deelnemer.deelnemer_map(base) or base


def _now() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _check_name(name: str) -> str:
    if not name or not all(ch.isalnum() or ch in "_-" for ch in name):
        raise SamenschoolError(f"Ongeldige naam voor een module in de werkmap: {name!r}.")
    return name


class Werkmap:
    """Saved answers per module. All writes are atomic and immediate."""

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder is not None else default_folder()
        self.meldingen: list[str] = []  # Dutch messages for the learner (e.g. a file set aside)

    @classmethod
    def default(cls) -> "Werkmap":
        return cls()

    # -- paths and locking -------------------------------------------------------------
    def path(self, module: str) -> Path:
        return self.folder / f"{_check_name(module)}.json"

    @contextlib.contextmanager
    def _locked(self, module: str) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        lock_path = self.folder / f".{_check_name(module)}.lock"
        with open(lock_path, "a+") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    # -- reading -------------------------------------------------------------------------
    def _read(self, module: str) -> dict:
        path = self.path(module)
        if not path.exists():
            return {"module": module, "versie": FORMAT_VERSION, "antwoorden": {}, "labels": {}}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("antwoorden"), dict):
                raise ValueError("geen geldige werkmap")
        except (ValueError, UnicodeDecodeError):
            aside = path.with_name(f"{path.stem}.onleesbaar-{_dt.datetime.now():%Y%m%d-%H%M%S}.json")
            counter = 1
            while aside.exists():
                aside = aside.with_name(f"{aside.stem}-{counter}.json")
                counter += 1
            os.replace(path, aside)
            self.meldingen.append(
                f"Je bewaarde antwoorden voor '{module}' konden niet gelezen worden. "
                f"Het bestand staat apart als {aside.name} in {self.folder}. "
                "Je begint hier met een leeg blad."
            )
            return {"module": module, "versie": FORMAT_VERSION, "antwoorden": {}, "labels": {}}
        data.setdefault("labels", {})
        return data

    def load(self, module: str) -> dict[str, Any]:
        """All saved answers of one module ({} when nothing is saved yet)."""
        with self._locked(module):
            return dict(self._read(module)["antwoorden"])

    def get(self, module: str, key: str, default: Any = None) -> Any:
        return self.load(module).get(key, default)

    def modules(self) -> list[str]:
        if not self.folder.exists():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json") if ".onleesbaar-" not in p.name)

    # -- writing -------------------------------------------------------------------------
    def _write(self, module: str, data: dict) -> None:
        path = self.path(module)
        data["bijgewerkt"] = _now()
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{module}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def update(self, module: str, values: dict[str, Any], labels: dict[str, str] | None = None) -> None:
        """Save several answers at once (read-modify-write under the lock)."""
        try:
            json.dumps(values, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise SamenschoolError(f"Dit antwoord kan niet bewaard worden: {exc}") from exc
        with self._locked(module):
            data = self._read(module)
            data["antwoorden"].update(values)
            if labels:
                data["labels"].update(labels)
            self._write(module, data)
        _meld(module)

    def set(self, module: str, key: str, value: Any, label: str | None = None) -> None:
        """Save one answer now. ``label`` is the question as the werkboek shows it."""
        self.update(module, {key: value}, {key: label} if label else None)

    def delete(self, module: str, key: str) -> None:
        with self._locked(module):
            data = self._read(module)
            data["antwoorden"].pop(key, None)
            data["labels"].pop(key, None)
            self._write(module, data)
        _meld(module)

    def labels(self, module: str) -> dict[str, str]:
        with self._locked(module):
            return dict(self._read(module).get("labels", {}))

    def wis(self) -> int:
        """Delete every saved answer (and set-aside files). Returns the number of files removed."""
        if not self.folder.exists():
            return 0
        removed = 0
        # Only the kit's own files (JSON answers, also in subfolders such as teamkaart/, and
        # lock files): the folder is configurable, so never delete anything else in it.
        for path in list(self.folder.rglob("*.json")) + list(self.folder.glob(".*.lock")):
            path.unlink(missing_ok=True)
            removed += path.suffix == ".json"
        for sub in sorted((p for p in self.folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            with contextlib.suppress(OSError):
                sub.rmdir()
        with contextlib.suppress(OSError):
            self.folder.rmdir()
        _meld(None)
        return removed

    def alles(self) -> dict[str, dict]:
        """Every module with its answers and labels, for the werkboek export."""
        result = {}
        for module in self.modules():
            with self._locked(module):
                data = self._read(module)
            result[module] = data
        return result
