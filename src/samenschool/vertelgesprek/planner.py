"""The step-by-step planner for the ouder-vertelgesprek: the model.

``PlannerModel`` is pure Python: the current step, the plan, the messages per step. Every
change is saved in the werkmap at once (one self-describing answer per part of the plan,
``plan.<sectie>``, with the labels the page shows; the current step is page state), so a page
reload or a new kernel comes back on the same step with the same values.

The steps and the field labels are data a facilitator edits: ``datasets/planner_stappen.csv``
and ``datasets/planner_velden.csv``. The view is ``samenschool.widgets.planner``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from samenschool.antwoord import Antwoord, ja_nee
from samenschool.vertelgesprek.model import ANTWOORD, KIND_AANWEZIG, PERSOONLIJK, TOLK, Melding, Plan, validate
from samenschool.werkmap import Werkmap

MODULE, SLEUTEL = "04_vertelgesprek", "plan"
@dataclass(frozen=True)
class Stap:
    id: str
    titel: str
    secties: tuple[str, ...]
    uitleg: str
    tip: str = ""


@lru_cache(maxsize=1)
def stappen() -> tuple[Stap, ...]:
    """The steps (datasets/planner_stappen.csv), in order."""
    from samenschool import data

    frame = data.load("planner_stappen").sort_values("volgorde")
    return tuple(Stap(r["id"], r["titel"], tuple(data.split_list(r["secties"])), r["uitleg"], r["tip"])
                 for _, r in frame.iterrows())


@lru_cache(maxsize=1)
def velden() -> dict[str, dict[str, str]]:
    """Per field path ("uitnodiging.tolk"): the label the page shows and the example."""
    from samenschool import data

    return {r["pad"]: {"label": r["label"], "voorbeeld": r["voorbeeld"]}
            for _, r in data.load("planner_velden").iterrows()}


def label(pad: str) -> str:
    return velden()[pad]["label"]


def voorbeeld(pad: str) -> str:
    return velden()[pad]["voorbeeld"]


SECTIE_TITELS = {"context": "Over de klas", "wanneer": "Wanneer", "uitnodiging": "Uitnodigen",
                 "vragen": "Vragen op voorhand", "setting": "Plaats", "aanwezigen": "Wie is erbij",
                 "leidraad": "Gespreksleidraad", "noteren": "Wat schrijf je op", "opvolging": "Opvolging"}
KEUZES = {"uitnodiging.persoonlijk": PERSOONLIJK, "uitnodiging.antwoord": ANTWOORD, "uitnodiging.tolk": TOLK,
          "setting.kind_aanwezig": KIND_AANWEZIG}


def _lees(pad: str, waarde: Any) -> str:
    keuzes = KEUZES.get(pad, {})
    if waarde is None or waarde in ("", []):
        return ""
    if isinstance(waarde, bool):
        return ja_nee(waarde)
    if isinstance(waarde, list):
        return ", ".join(str(keuzes.get(v, v)) for v in waarde)
    return str(keuzes.get(waarde, waarde))


def beschrijf_sectie(sectie: str, waarde: Any) -> list[tuple[str, str]]:
    """One part of the plan as (label as on the page, text) rows, for the werkboek."""
    if sectie == "vragen":
        return [(f"Vraag {i}", str(v.get("tekst", ""))) for i, v in enumerate(waarde or [], start=1)
                if isinstance(v, dict) and str(v.get("tekst", "")).strip()]
    if sectie == "leidraad":
        return [(f"{i}. {f.get('titel', '')} ({f.get('minuten', 0)} min)", str(f.get("tekst", "")))
                for i, f in enumerate(waarde or [], start=1) if isinstance(f, dict)]
    if sectie == "noteren":
        return [(label("noteren"), ", ".join(str(n) for n in waarde or []))] if waarde else []
    if not isinstance(waarde, dict):
        return [(SECTIE_TITELS.get(sectie, sectie), _lees(sectie, waarde))]
    rijen = []
    for pad in (p for p in velden() if p.startswith(sectie + ".")):
        tekst = _lees(pad, waarde.get(pad.split(".", 1)[1]))
        if tekst:
            rijen.append((label(pad), tekst))
    return rijen


class PlannerModel:
    """State of the planner. All changes go through ``zet``, ``volgende``, ``vorige``, ``ga_naar``."""

    def __init__(self, werkmap: Werkmap | None = None, module: str = MODULE, sleutel: str = SLEUTEL):
        self.werkmap = werkmap if werkmap is not None else Werkmap.default()
        self.module, self.sleutel = module, sleutel
        saved = self.werkmap.load(module)
        self.plan = Plan.from_dict({s: saved[self._key(s)] for s in Plan.SECTIES if self._key(s) in saved})
        stap = self.werkmap.toestand(module).get("stap", 1)  # 1-based, as the learner sees it ("Stap 3 van 9")
        self.stap = stap - 1 if isinstance(stap, int) and 1 <= stap <= len(stappen()) else 0
        self._links_cache: tuple[str, str] | None = None

    def _key(self, sectie: str) -> str:
        return f"{self.sleutel}.{sectie}"

    # -- steps ---------------------------------------------------------------------------
    @property
    def aantal(self) -> int:
        return len(stappen())

    @property
    def huidige(self) -> Stap:
        return stappen()[self.stap]

    @property
    def voortgang(self) -> str:
        return f"Stap {self.stap + 1} van {self.aantal}: {self.huidige.titel}"

    @property
    def is_eerste(self) -> bool:
        return self.stap == 0

    @property
    def is_laatste(self) -> bool:
        return self.stap == self.aantal - 1

    def ga_naar(self, stap: int) -> None:
        self.stap = max(0, min(self.aantal - 1, int(stap)))
        self.werkmap.zet_toestand(self.module, "stap", self.stap + 1)

    def volgende(self) -> None:
        if not self.is_laatste:
            self.ga_naar(self.stap + 1)

    def vorige(self) -> None:
        if not self.is_eerste:
            self.ga_naar(self.stap - 1)

    # -- values ---------------------------------------------------------------------------
    def waarde(self, pad: str) -> Any:
        value: Any = self.plan.to_dict()
        for part in pad.split("."):
            value = value[int(part)] if isinstance(value, list) else value[part]
        return value

    def zet(self, pad: str, waarde: Any) -> list[Melding]:
        """Change one field, save its part of the plan, return the messages of the current step."""
        self.plan.zet(pad, waarde)
        sectie = pad.split(".")[0]
        waarde = self.plan.sectie(sectie)
        self.werkmap.bewaar(self.module, Antwoord.nieuw(
            self.module, self._key(sectie), waarde, vraag=f"Vertelgesprek: {SECTIE_TITELS[sectie].lower()}",
            delen=beschrijf_sectie(sectie, waarde), volgorde=Plan.SECTIES.index(sectie) + 1))
        self._links_cache = None
        return self.meldingen()

    # -- messages -------------------------------------------------------------------------
    def meldingen(self, stap: int | None = None) -> list[Melding]:
        """Messages for one step (default: the current one). On the last step: the warnings of
        all steps; what still blocks the documents is listed once, by ``links_html``."""
        index = self.stap if stap is None else stap
        alle = validate(self.plan)
        secties = stappen()[index].secties
        if not secties:
            return [m for m in alle if not m.is_fout]
        return [m for m in alle if m.sectie in secties]

    def fouten(self) -> list[Melding]:
        return [m for m in validate(self.plan) if m.is_fout]

    def stap_van(self, melding: Melding) -> int:
        for i, stap in enumerate(stappen()):
            if melding.sectie in stap.secties:
                return i
        return self.aantal - 1
