"""The Klasse/Wablieft checklist for a letter to parents, as boxes to tick.

The points live in ``datasets/checklist_brief.csv`` (columns id, punt, uitleg, bron) so a
facilitator can edit them without touching code. What the learner ticks is saved in the
werkmap at once (key ``checklist_brief``) and comes back after a restart or reload.

``Checklist`` is the pure-Python model; ``ChecklistView`` is a thin ipywidgets view;
``toon()`` shows it in a notebook with one call.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from samenschool import data
from samenschool.errors import DataError
from samenschool.antwoord import Antwoord, ja_nee
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

MODULE = "05_heldere_taal"
SLEUTEL = "checklist_brief"
LABEL = "Checklist: toegankelijke brief voor ouders (aangevinkte punten)"
TABEL = "checklist_brief"
KOLOMMEN = ("id", "punt", "uitleg", "bron")

B1_NOOT = (
    "En taalniveau B1? Dat is een richtlijn, geen meting (zie de uitleg bij 'Wat maakt een brief "
    "moeilijk?'). Een brief is pas helder als ouders hem begrijpen. Vraag het hen."
)
"""Module 05 explains B1 once, early; this note only refers back to it."""


@dataclass(frozen=True)
class Punt:
    id: str
    punt: str
    uitleg: str
    bron: str


def laad_punten(pad: Path | str | None = None) -> tuple[Punt, ...]:
    """The checklist points: the kit's table, or a CSV of the school's own (``pad``), checked
    against the schema in datapackage.json. Raises DataError (Dutch) naming file and row."""
    frame = data.load(TABEL) if pad is None else data.load_file(TABEL, pad)
    punten = tuple(Punt(**{k: str(row[k]).strip() for k in KOLOMMEN}) for _, row in frame.iterrows()
                   if any(str(row[k]).strip() for k in KOLOMMEN))
    if not punten:
        raise DataError(f"{pad or TABEL} heeft geen punten.")
    return punten


class Checklist:
    """Which points are ticked. Every change is saved in the werkmap at once."""

    def __init__(self, werkmap: Werkmap | None = None, module: str = MODULE,
                 punten: tuple[Punt, ...] | None = None, sleutel: str = SLEUTEL):
        self.werkmap = werkmap if werkmap is not None else Werkmap.default()
        self.module = module
        self.sleutel = sleutel
        self.punten = punten if punten is not None else laad_punten()
        ids = {p.id for p in self.punten}
        saved = self.werkmap.get(module, sleutel, []) or []
        saved = saved if isinstance(saved, list) else []  # a damaged answer: nothing ticked
        # ids that no longer exist in the CSV are dropped silently
        self.aangevinkt: set[str] = {i for i in saved if isinstance(i, str) and i in ids}

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.punten]

    def vink(self, punt_id: str, aan: bool = True) -> None:
        if punt_id not in self.ids:
            raise KeyError(f"Het punt '{punt_id}' staat niet in de checklist.")
        if aan:
            self.aangevinkt.add(punt_id)
        else:
            self.aangevinkt.discard(punt_id)
        self.bewaar()

    def bewaar(self) -> None:
        ordered = [i for i in self.ids if i in self.aangevinkt]
        self.werkmap.bewaar(self.module, Antwoord.nieuw(
            self.module, self.sleutel, ordered, vraag=LABEL,
            delen=[(p.punt, ja_nee(p.id in self.aangevinkt)) for p in self.punten] if ordered else None))

    def is_aangevinkt(self, punt_id: str) -> bool:
        return punt_id in self.aangevinkt

    @property
    def telling(self) -> tuple[int, int]:
        return len(self.aangevinkt), len(self.punten)

    def samenvatting(self) -> str:
        klaar, totaal = self.telling
        zin = f"{klaar} van {totaal} punten in orde."
        if klaar == totaal:
            zin += " Knap! Laat de brief nu nog lezen door een ouder."
        elif klaar == 0:
            zin += " Lees je brief en vink aan wat al in orde is."
        return zin

    def open_punten(self) -> list[Punt]:
        return [p for p in self.punten if p.id not in self.aangevinkt]

    def bronnen(self) -> list[str]:
        seen: list[str] = []
        for p in self.punten:
            if p.bron not in seen:
                seen.append(p.bron)
        return seen


def samenvatting_html(model: Checklist) -> str:
    klaar, totaal = model.telling
    return (f'<p class="ss-checklist-telling" data-klaar="{klaar}" data-totaal="{totaal}">'
            f"<strong>{escape(model.samenvatting())}</strong></p>")


def noot_html(model: Checklist) -> str:
    bronnen = "; ".join(escape(b) for b in model.bronnen())
    return (f'<p class="ss-bron">Bron van de punten: {bronnen}. De uitleg bij elk punt is van deze kit.</p>'
            f'<p class="ss-opmerking">{escape(B1_NOOT)}</p>')


class ChecklistView:
    """Thin ipywidgets view: one checkbox per point, the count, the B1 note."""

    def __init__(self, model: Checklist):
        import ipywidgets as w

        self.model = model
        self.checkboxes: dict[str, w.Checkbox] = {}
        rows = []
        for punt in model.punten:
            box = w.Checkbox(value=model.is_aangevinkt(punt.id), description=punt.punt,
                             indent=False, layout=w.Layout(width="auto"))
            box.add_class("ss-checklist-punt")
            box.observe(self._on_change(punt.id), names="value")
            self.checkboxes[punt.id] = box
            uitleg = (w.HTML(f'<div class="ss-checklist-uitleg" style="margin: -0.3em 0 0.4em 1.9em; color: #555; '
                             f'font-size: 0.92em; line-height: 1.4">{escape(punt.uitleg)}</div>')
                      if punt.uitleg else None)
            rows.append(w.VBox([box] + ([uitleg] if uitleg else [])))
        self.telling = w.HTML(_ui.werkmap_meldingen_html(model.werkmap) + samenvatting_html(model))
        self.noot = w.HTML(noot_html(model))
        self.widget = w.VBox(rows + [self.telling, self.noot])
        self.widget.add_class("ss-checklist")

    def _on_change(self, punt_id: str):
        return lambda change: self._vink(punt_id, bool(change["new"]))

    @_ui.veilig("telling")
    def _vink(self, punt_id: str, aan: bool) -> None:
        self.model.vink(punt_id, aan)
        self.telling.value = samenvatting_html(self.model)


def maak(module: str = MODULE, werkmap: Werkmap | None = None, *, sleutel: str = SLEUTEL) -> ChecklistView:
    return ChecklistView(Checklist(werkmap, module, sleutel=sleutel))
