"""The werkmap: where a learner's answers live, outside the kernel.

One JSON file per module (format in ``samenschool.antwoord``: every answer describes itself;
page state such as the current step is kept apart under ``toestand``) in a folder in the user's home (or ``$SAMENSCHOOL_WERKMAP``).
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
import weakref
from pathlib import Path
from typing import Any, Callable, Iterable

from samenschool import bestanden, deelnemer, validatie
from samenschool.antwoord import FORMAT_VERSIE, Antwoord, nu
from samenschool.errors import SamenschoolError


FORMAT_VERSION = FORMAT_VERSIE

# -- the one change signal: pages listen, every save, delete or wipe in this process fires --
ALLE = "*"  # listen to every module (e.g. the werkmap block on the start page)
_LUISTERAARS: dict[str, list] = {}
_LEZERS: list[set[str]] = []  # open records of what is read (noteer_lezen)


@contextlib.contextmanager
def noteer_lezen():
    """Record which modules are read while the block runs (``ALLE`` for a look at the whole
    werkmap). A page built before its participant is known uses it to build again only the
    views that read what that participant has saved (``widgets.plaatshouder``)."""
    gelezen: set[str] = set()
    _LEZERS.append(gelezen)
    try:
        yield gelezen
    finally:
        _LEZERS.remove(gelezen)


def _noteer(module: str) -> None:
    for gelezen in _LEZERS:
        gelezen.add(module)


def luister(module: str, callback: Callable[[], None]) -> None:
    """Call ``callback()`` after every change to ``module`` in this process (``ALLE``: any
    module; every listener hears a wipe). Bound methods are held weakly, so a view that is gone
    stops listening."""
    ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda cb=callback: cb)
    _LUISTERAARS.setdefault(module, []).append(ref)


def _roep(naam: str) -> None:
    alive = []
    for ref in _LUISTERAARS.get(naam, []):
        callback = ref()
        if callback is None:
            continue
        alive.append(ref)
        try:
            callback()
        except Exception:  # a listener (a page widget) must never break saving
            if strikt():
                raise
    _LUISTERAARS[naam] = alive


def meld(module: str | None) -> None:
    """Tell the listeners of ``module`` and of ALLE that it changed (None: everyone)."""
    if module is None:
        for naam in list(_LUISTERAARS):
            _roep(naam)
        return
    _roep(module)
    if module != ALLE:
        _roep(ALLE)


def strikt() -> bool:
    """Under tests (SAMENSCHOOL_STRIKT=1) errors are raised, never turned into a message."""
    return os.environ.get("SAMENSCHOOL_STRIKT") == "1"


def default_folder() -> Path:
    return deelnemer.default_folder()


def _check_name(name: str) -> str:
    if not name or not all(ch.isalnum() or ch in "_-" for ch in name):
        raise SamenschoolError(f"Ongeldige naam voor een module in de werkmap: {name!r}.")
    return name


APART_PREFIX = ".apart-"  # <werkmap>/.apart-<module>.txt: notices about set-aside files, not shown yet
NIET_BEWAARD = ("Niet bewaard: de kit kan niet schrijven in je werkmap ({map}): {reden}. Je tekst staat nog "
                "op deze pagina en deze browser onthoudt hem. Laat de begeleider dit oplossen (plaats "
                "vrijmaken of een andere werkmap kiezen). Daarna laad je de pagina opnieuw: dan wordt je "
                "tekst bewaard.")


def _leeg_bestand(module: str) -> dict:
    return {"module": module, "versie": FORMAT_VERSION, "antwoorden": {}, "toestand": {}}


class Werkmap:
    """Saved answers per module. All writes are atomic and immediate."""

    def __init__(self, folder: Path | str | None = None):
        self._folder = Path(folder) if folder is not None else None
        self.meldingen: list[str] = []  # Dutch messages for the learner (e.g. a file set aside)
        self.gelezen: set[str] = set()  # modules read through this object (their set-aside notices)

    @classmethod
    def default(cls) -> "Werkmap":
        return cls()

    @property
    def folder(self) -> Path:
        """The folder given, or else the default one, looked up each time: on a page built
        before its participant was known (room mode, preheated), it changes once they are."""
        return self._folder if self._folder is not None else default_folder()

    @folder.setter
    def folder(self, value: Path | str) -> None:
        self._folder = Path(value)

    def _wacht_op_eigenaar(self) -> None:
        """Before a write to the default folder: on a page built before its participant was
        known, wait until they are (the write goes to their folder, never to a stand-in)."""
        if self._folder is None:
            deelnemer.wacht_op_verzoek()

    # -- paths and locking -------------------------------------------------------------
    def path(self, module: str) -> Path:
        return self.folder / f"{_check_name(module)}.json"

    def _locked(self, module: str):
        """The module's lock (a werkmap that cannot be written is read without one)."""
        return bestanden.slot(self.folder / f".{_check_name(module)}.lock", alleen_als_schrijfbaar=True)

    # -- reading -------------------------------------------------------------------------
    def _read(self, module: str) -> dict:
        path = self.path(module)
        self.gelezen.add(module)
        _noteer(module)
        if not path.exists():
            return _leeg_bestand(module)
        try:
            if path.stat().st_size > validatie.MAX_WERKMAPBESTAND:  # the kit never writes such a file
                raise ValueError("te groot")
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("antwoorden"), dict):
                raise ValueError("geen geldige werkmap")
            if data.get("versie", 1) != FORMAT_VERSION:
                from samenschool import migratie

                data = migratie.naar_v2(module, data)
            for sleutel, antwoord in data["antwoorden"].items():
                Antwoord.from_dict(sleutel, antwoord)  # every answer must be readable
            if not isinstance(data.get("toestand", {}), dict):
                raise ValueError("ongeldige toestand")
        except (ValueError, UnicodeDecodeError, SamenschoolError, RecursionError):
            aside = path.with_name(f"{path.stem}.onleesbaar-{_dt.datetime.now():%Y%m%d-%H%M%S}.json")
            counter = 1
            while aside.exists():
                aside = aside.with_name(f"{aside.stem}-{counter}.json")
                counter += 1
            try:
                os.replace(path, aside)
            except OSError as exc:
                raise SamenschoolError(
                    f"Je bewaarde antwoorden voor '{module}' konden niet gelezen worden, en de kit kan het "
                    f"bestand niet apart zetten ({bestanden.reden(exc)}). Vraag hulp aan je begeleider.") from None
            melding = (f"Je bewaarde antwoorden voor '{module}' konden niet gelezen worden. "
                       f"Het bestand staat apart als {aside.name} in {self.folder}. "
                       "Je begint hier met een leeg blad.")
            self.meldingen.append(melding)
            self._noteer_apart(module, melding)
            return _leeg_bestand(module)
        data.setdefault("toestand", {})
        return data

    # -- set-aside files are announced on the page they belong to ---------------------------
    def _noteer_apart(self, module: str, melding: str) -> None:
        """Keep the notice in the werkmap until a page of ``module`` shows it (another page,
        such as the navigation reading the start page's name, may be the one that found it)."""
        with contextlib.suppress(OSError):
            with open(self.folder / f"{APART_PREFIX}{module}.txt", "a", encoding="utf-8") as handle:
                handle.write(melding.replace("\n", " ") + "\n")

    def apart_meldingen(self, module: str) -> list[str]:
        """The notices about set-aside files of ``module`` not shown yet; they count as shown now."""
        _noteer(module)
        path = self.folder / f"{APART_PREFIX}{_check_name(module)}.txt"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            path.unlink()
        except (OSError, UnicodeDecodeError):
            return []
        return list(dict.fromkeys(line for line in lines if line.strip()))

    def load(self, module: str) -> dict[str, Any]:
        """The raw values of one module's answers ({} when nothing is saved yet)."""
        with self._locked(module):
            return {k: v["waarde"] for k, v in self._read(module)["antwoorden"].items()}

    def get(self, module: str, key: str, default: Any = None) -> Any:
        return self.load(module).get(key, default)

    def antwoorden(self, module: str) -> list[Antwoord]:
        """One module's answers in page order (activity, then position inside it)."""
        with self._locked(module):
            data = self._read(module)
        return sorted((Antwoord.from_dict(k, v) for k, v in data["antwoorden"].items()), key=Antwoord.orde)

    def toestand(self, module: str) -> dict[str, Any]:
        """Page state of a module (current step, revealed, viewed): never part of the werkboek."""
        with self._locked(module):
            return dict(self._read(module)["toestand"])

    def modules(self) -> list[str]:
        _noteer(ALLE)
        if not self.folder.exists():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json") if ".onleesbaar-" not in p.name)

    # -- writing -------------------------------------------------------------------------
    def _write(self, module: str, data: dict) -> None:
        path = self.path(module)
        data["bijgewerkt"] = nu()
        data["versie"] = FORMAT_VERSION
        if not data.get("titel"):
            from samenschool import leerpad

            try:
                data["titel"] = leerpad.module(module).titel
            except (KeyError, SamenschoolError):
                pass
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{module}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except OSError as exc:  # read-only werkmap, disk full: say so, the text stays on the page
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise SamenschoolError(NIET_BEWAARD.format(map=self.folder, reden=bestanden.reden(exc))) from None
        except BaseException:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise

    def _wijzig(self, module: str, wijziging: Callable[[dict], None]) -> None:
        self._wacht_op_eigenaar()
        with self._locked(module):
            data = self._read(module)
            wijziging(data)
            self._write(module, data)
        meld(module)

    def bewaar(self, module: str, antwoorden: Antwoord | Iterable[Antwoord]) -> None:
        """Save one or several self-describing answers now (read-modify-write under the lock)."""
        items = [antwoorden] if isinstance(antwoorden, Antwoord) else list(antwoorden)
        payload = {}
        for antwoord in items:
            if not isinstance(antwoord, Antwoord):
                raise SamenschoolError("Alleen een Antwoord kan bewaard worden.")
            try:
                payload[antwoord.sleutel] = json.loads(json.dumps(antwoord.to_dict(), ensure_ascii=False))
            except (TypeError, ValueError) as exc:
                raise SamenschoolError(f"Dit antwoord kan niet bewaard worden: {exc}") from exc
        self._wijzig(module, lambda data: data["antwoorden"].update(payload))

    def zet_toestand(self, module: str, key: str, value: Any) -> None:
        """Save page state (e.g. the planner's current step)."""
        try:
            json.dumps(value)
        except (TypeError, ValueError) as exc:
            raise SamenschoolError(f"Deze toestand kan niet bewaard worden: {exc}") from exc
        self._wijzig(module, lambda data: data["toestand"].__setitem__(key, value))

    def delete(self, module: str, key: str) -> None:
        self._wijzig(module, lambda data: data["antwoorden"].pop(key, None))

    def _wis_map(self, folder: Path, overslaan: str | None = None) -> int:
        if not folder.exists():
            return 0
        removed = 0
        # Only the kit's own files (JSON answers, also in subfolders such as teamkaart/, and
        # lock files): the folder is configurable, so never delete anything else in it.
        def eigen(path: Path) -> bool:
            return overslaan is None or overslaan not in path.relative_to(folder).parts[:1]

        for path in ([p for p in folder.rglob("*.json") if eigen(p)] + [p for p in folder.rglob(".*.lock") if eigen(p)]
                     + list(folder.glob(f"{APART_PREFIX}*.txt"))):
            path.unlink(missing_ok=True)
            removed += path.suffix == ".json"
        for sub in sorted((p for p in folder.rglob("*") if p.is_dir() and eigen(p)), key=lambda p: -len(p.parts)):
            with contextlib.suppress(OSError):
                sub.rmdir()
        with contextlib.suppress(OSError):
            folder.rmdir()
        return removed

    def wis(self) -> int:
        """Delete this werkmap's own answers (never the participants' folders of room mode).
        Returns the number of files removed."""
        self._wacht_op_eigenaar()
        removed = self._wis_map(self.folder, overslaan=deelnemer.DEELNEMERS_MAP)
        meld(None)
        return removed

    def deelnemers(self) -> list[Path]:
        """Room mode: the participants' werkmap folders under this one."""
        _noteer(ALLE)
        root = self.folder / deelnemer.DEELNEMERS_MAP
        return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []

    def wis_klas(self) -> int:
        """Room mode: delete every participant's answers. Returns the number of files removed."""
        self._wacht_op_eigenaar()
        removed = self._wis_map(self.folder / deelnemer.DEELNEMERS_MAP)
        meld(None)
        return removed

    def alles(self) -> dict[str, dict]:
        """Every module's file (format v2), for the werkboek export."""
        result = {}
        for module in self.modules():
            with self._locked(module):
                data = self._read(module)
            result[module] = data
        return result
