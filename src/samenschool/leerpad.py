"""The learning path: the modules and exercises in order, each with the activities its notebook
declares once in ``metadata.samenschool``::

    "samenschool": {
        "titel": "Gelijke kansen",
        "tijd": {"uitleg": 10},
        "activiteiten": [
            {"sleutel": "scenario", "titel": "Scenariokaarten", "minuten": 10, "soort": "scenario",
             "optioneel": true},
            {"sleutel": "sorteer", "titel": "Citaten sorteren", "minuten": 10, "soort": "sorteer"}
        ]
    }

Progress, navigation, the werkboek's order, the schedules in ``facilitator_guide/`` and the
room's projector view all read this; nothing else lists activities or their minutes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from samenschool.errors import InhoudFout
from samenschool.paths import notebooks_dir, repo_root

_SLEUTEL = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Activiteit:
    sleutel: str
    titel: str
    minuten: int
    soort: str
    optioneel: bool
    nummer: int  # 1-based, in page order

    def past(self, sleutel: str) -> bool:
        """Does werkmap key ``sleutel`` belong to this activity (``x`` or ``x.deel``)?"""
        return sleutel == self.sleutel or sleutel.startswith(self.sleutel + ".")


@dataclass(frozen=True)
class Module:
    id: str                 # file stem, e.g. "01_gelijke_kansen" or "01_casusanalyse"
    titel: str
    uitleg_min: int         # teaching minutes
    activiteiten: tuple[Activiteit, ...]
    pad: Path
    werkmap_module: str     # where answers are saved: the id, or "oefening_<id>" for an exercise
    is_oefening: bool = False

    @property
    def bestand(self) -> str:
        return self.pad.name

    @property
    def activiteit_min(self) -> int:
        return sum(a.minuten for a in self.activiteiten)

    @property
    def totaal_min(self) -> int:
        return self.uitleg_min + self.activiteit_min

    def activiteit(self, sleutel: str) -> Activiteit | None:
        """The activity a werkmap key belongs to (``sorteer`` for ``sorteer.C012``)."""
        return next((a for a in self.activiteiten if a.past(sleutel)), None)


def _int(value, waar: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 600:
        raise InhoudFout(f"{waar}: het aantal minuten moet een geheel getal van 0 tot 600 zijn.")
    return value


def lees_metadata(pad: Path) -> dict | None:
    """``metadata.samenschool`` of a notebook (None when it has none)."""
    try:
        nb = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InhoudFout(f"{pad.name} is geen leesbaar notebook ({exc}).") from exc
    return nb.get("metadata", {}).get("samenschool")


def module_uit_metadata(pad: Path, meta: dict, *, is_oefening: bool = False) -> Module:
    """A module from its notebook metadata, checked: a clear message names what is wrong."""
    naam = pad.name
    if not isinstance(meta, dict) or not isinstance(meta.get("titel"), str) or not meta["titel"].strip():
        raise InhoudFout(f"{naam}: metadata.samenschool heeft een 'titel' nodig.")
    tijd = meta.get("tijd", {})
    if not isinstance(tijd, dict) or "activiteiten" in tijd:
        raise InhoudFout(f"{naam}: metadata.samenschool.tijd geeft alleen 'uitleg'; de minuten van de "
                               "activiteiten staan bij elke activiteit.")
    rijen = meta.get("activiteiten", [])
    if not isinstance(rijen, list):
        raise InhoudFout(f"{naam}: metadata.samenschool.activiteiten moet een lijst zijn.")
    activiteiten: list[Activiteit] = []
    for nummer, rij in enumerate(rijen, start=1):
        waar = f"{naam}, activiteit {nummer}"
        if not isinstance(rij, dict):
            raise InhoudFout(f"{waar}: verwacht een object met sleutel, titel, minuten en soort.")
        sleutel, titel, soort = rij.get("sleutel"), rij.get("titel"), rij.get("soort")
        if not isinstance(sleutel, str) or not _SLEUTEL.match(sleutel):
            raise InhoudFout(f"{waar}: 'sleutel' mag alleen kleine letters, cijfers en _ bevatten.")
        if sleutel in {a.sleutel for a in activiteiten}:
            raise InhoudFout(f"{waar}: de sleutel '{sleutel}' komt twee keer voor.")
        if not isinstance(titel, str) or not titel.strip() or not isinstance(soort, str) or not soort.strip():
            raise InhoudFout(f"{waar}: 'titel' en 'soort' zijn verplicht.")
        activiteiten.append(Activiteit(sleutel, titel.strip(), _int(rij.get("minuten"), waar), soort.strip(),
                                       bool(rij.get("optioneel", False)), nummer))
    werkmap_module = str(meta.get("werkmap_module") or pad.stem)
    return Module(pad.stem, meta["titel"].strip(), _int(tijd.get("uitleg", 0), naam), tuple(activiteiten),
                  pad, werkmap_module, is_oefening)


def _lees_map(folder: Path, is_oefening: bool) -> tuple[Module, ...]:
    found = []
    for pad in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        meta = lees_metadata(pad)
        if meta:
            found.append(module_uit_metadata(pad, meta, is_oefening=is_oefening))
    return tuple(found)


@lru_cache(maxsize=1)
def modules() -> tuple[Module, ...]:
    """Every notebook in notebooks/ that carries samenschool metadata, in file order."""
    return _lees_map(notebooks_dir(), False)


@lru_cache(maxsize=1)
def oefeningen() -> tuple[Module, ...]:
    """Every exercise (learner version in exercises/), in file order."""
    return _lees_map(repo_root() / "exercises", True)


@lru_cache(maxsize=1)
def extra_paginas() -> tuple[Module, ...]:
    """Pages in notebooks/ without a number (e.g. ``stemmen``) that learners use; pages for the
    facilitator (``"begeleider": true`` in their metadata) are not among them."""
    found = []
    for pad in sorted(notebooks_dir().glob("[a-z]*.ipynb")):
        meta = lees_metadata(pad)
        if meta and not meta.get("begeleider"):
            found.append(module_uit_metadata(pad, meta))
    return tuple(found)


def alles() -> tuple[Module, ...]:
    """Modules, then extra pages, then exercises: the kit's own order."""
    return modules() + extra_paginas() + oefeningen()


def module(module_id: str) -> Module:
    """A module by notebook id ("01_gelijke_kansen") or werkmap module ("oefening_01_casusanalyse")."""
    for item in alles():
        if module_id in (item.id, item.werkmap_module):
            return item
    raise KeyError(module_id)


def activiteit(module_id: str, sleutel: str) -> Activiteit:
    """The declared activity of a werkmap key; a Dutch error when the notebook does not declare it."""
    try:
        mod = module(module_id)
    except KeyError:
        raise InhoudFout(f"De module '{module_id}' bestaat niet of heeft geen metadata.samenschool.") from None
    gevonden = mod.activiteit(sleutel)
    if gevonden is None:
        bekend = ", ".join(a.sleutel for a in mod.activiteiten) or "geen"
        raise InhoudFout(f"'{sleutel}' is geen activiteit van {mod.bestand}. "
                               f"De metadata van die pagina noemt: {bekend}.")
    return gevonden


def buren(module_id: str) -> tuple[Module | None, Module | None]:
    """The previous and next module of ``module_id`` (numbered modules only)."""
    items = modules()
    ids = [m.id for m in items]
    if module_id not in ids:
        return None, None
    i = ids.index(module_id)
    return (items[i - 1] if i > 0 else None, items[i + 1] if i + 1 < len(items) else None)


def vergeet() -> None:
    """Read the notebooks again (after a notebook's metadata changed in this process)."""
    modules.cache_clear()
    oefeningen.cache_clear()
    extra_paginas.cache_clear()
