"""Module 03: "Welke drempel zie je?" and the page blocks that show the barriers.

A parent's quote from the report (``datasets/citaten.csv``, section ``drempels_ouders``) is
shown; the learner ticks the barrier(s) they recognise and then sees where the report
places the quote, with that barrier's (neutral) description. There is no right/wrong: a quote often
shows more than one barrier, so every difference is explained, never marked as "fout".

Model: ``DrempelKeuze`` (pure Python, saved in the werkmap at every change).
View: ``DrempelKiezenView``; notebook: ``pagina.drempel_kiezen("drempel_kiezen", "C072", ...)``.
Page blocks: ``drempel_html(drempel_id)``, ``schoolkant_html()`` (``pagina.drempel``, ``pagina.schoolkant``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import pandas as pd

from samenschool import citaat
from samenschool.antwoord import Antwoord
from samenschool.drempels import (SECTIE_OUDERS, SECTIE_SCHOOL, citaat_rij, citaten_bij_drempel, drempel_rij,  # noqa: F401
                                  ouder_drempels, school_drempels, standaard_citaten)
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

MODULE = "03_drempels"
SLEUTEL = "drempel_kiezen"
# -- feedback (pure) ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Terugkoppeling:
    """How the learner's choice relates to where the report places the quote."""

    rapport: str                      # barrier id the report places the quote with
    gekozen: tuple[str, ...]
    samen: tuple[str, ...] = ()       # chosen and placed there by the report
    ook_gezien: tuple[str, ...] = ()  # chosen, the report places it elsewhere
    niet_gekozen: tuple[str, ...] = ()  # the report's barrier, not chosen
    zinnen: tuple[str, ...] = field(default_factory=tuple)  # Dutch explanation, in order


def terugkoppeling(gekozen: list[str] | tuple[str, ...], rapport: str, namen: dict[str, str]) -> Terugkoppeling:
    """Explain the difference between the learner's choice and the report. Never "fout"."""
    gekozen = tuple(dict.fromkeys(gekozen))
    naam = lambda i: namen.get(i, i)  # noqa: E731
    samen = tuple(i for i in gekozen if i == rapport)
    ook = tuple(i for i in gekozen if i != rapport)
    niet = () if samen else (rapport,)
    zinnen = [f"De kit plaatst dit citaat bij de drempel ‘{naam(rapport)}’. Het rapport zet de namen van de "
              "drempels in een zijkolom naast de citaten. Welk citaat bij welke drempel hoort, is de "
              "lezing van de kit (rapport, deel Drempels)."]
    if not gekozen:
        zinnen.append("Je koos nog geen drempel. Lees het citaat nog eens: welk woord raakt je het meest?")
    elif samen and not ook:
        zinnen.append("Jij zag dezelfde drempel als de kit.")
    elif samen and ook:
        zinnen.append(
            "Jij zag die drempel ook, en daarnaast nog "
            + _opsomming([naam(i) for i in ook])
            + ". Dat kan goed: één verhaal toont vaak meer dan één drempel."
        )
    else:
        zinnen.append(
            "Jij las er " + _opsomming([naam(i) for i in ook]) + " in. Ook dat kan in dit verhaal zitten: "
            "drempels lopen in elkaar over. Kijk nog eens naar het citaat: wat maakt dat de kit "
            f"het bij ‘{naam(rapport)}’ zet?"
        )
    return Terugkoppeling(rapport, gekozen, samen, ook, niet, tuple(zinnen))


def _opsomming(items: list[str]) -> str:
    items = [f"‘{i}’" for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


# -- model -------------------------------------------------------------------------------------
class DrempelKeuze:
    """One quote, the learner's choice of barriers, saved in the werkmap at every change."""

    def __init__(self, citaat_id: str, werkmap: Werkmap | None = None, module: str = MODULE, *,
                 citaten: pd.DataFrame | None = None, drempels: pd.DataFrame | None = None,
                 activiteit: str = SLEUTEL, volgorde: int = 0):
        self.citaat_id, self.activiteit, self.volgorde = citaat_id, activiteit, volgorde
        self.werkmap = werkmap if werkmap is not None else Werkmap.default()
        self.module = module
        self._citaten = citaten
        self._drempels = ouder_drempels(drempels)
        self.citaat = citaat_rij(citaat_id, citaten)
        self.rapport_drempel = str(self.citaat["drempel"])
        opgeslagen = self.werkmap.get(module, self.sleutel, {}) or {}
        geldig = set(self.drempel_ids)
        self.gekozen: list[str] = [i for i in opgeslagen.get("gekozen", []) if i in geldig]
        toestand = self.werkmap.toestand(module).get(self.sleutel, {})
        self.bekeken: bool = bool(isinstance(toestand, dict) and toestand.get("bekeken", False))

    @property
    def sleutel(self) -> str:
        return f"{self.activiteit}.{self.citaat_id}"

    @property
    def vraag(self) -> str:
        return f"Welke drempel(s) zie je in dit verhaal? {citaat.kort(self.citaat['tekst'], 70)}"

    @property
    def drempel_ids(self) -> list[str]:
        return list(self._drempels["id"])

    @property
    def namen(self) -> dict[str, str]:
        return dict(zip(self._drempels["id"], self._drempels["naam"]))

    def _save(self) -> None:
        namen = self.namen
        self.werkmap.bewaar(self.module, Antwoord.nieuw(
            self.module, self.sleutel, {"gekozen": self.gekozen}, vraag=self.vraag,
            tekst=", ".join(namen[i] for i in self.gekozen) or "nog geen drempel gekozen", volgorde=self.volgorde))

    def kies(self, drempel_ids) -> None:
        unknown = [i for i in drempel_ids if i not in self.drempel_ids]
        if unknown:
            raise KeyError(f"Onbekende drempel(s): {', '.join(unknown)}")
        order = self.drempel_ids
        self.gekozen = sorted(dict.fromkeys(drempel_ids), key=order.index)
        self._save()

    def bekijk(self) -> Terugkoppeling:
        self.bekeken = True
        self.werkmap.zet_toestand(self.module, self.sleutel, {"bekeken": True})
        return self.terugkoppeling()

    def terugkoppeling(self) -> Terugkoppeling:
        return terugkoppeling(self.gekozen, self.rapport_drempel, self.namen)

    def terugkoppeling_html(self) -> str:
        fb = self.terugkoppeling()
        rij = self._drempels[self._drempels["id"] == self.rapport_drempel]
        beschrijving = rij.iloc[0]["beschrijving"] if len(rij) else ""
        parts = ['<div class="ss-terugkoppeling">']
        parts += [f"<p>{escape(z)}</p>" for z in fb.zinnen]
        parts.append(f'<p><strong>{escape(self.namen.get(fb.rapport, fb.rapport))}</strong>: {escape(beschrijving)}</p>')
        for i in fb.ook_gezien:
            ex = self._drempels[self._drempels["id"] == i].iloc[0]
            parts.append(f'<p><strong>{escape(ex["naam"])}</strong> (jouw keuze): {escape(ex["beschrijving"])}</p>')
        parts.append("</div>")
        return "".join(parts)


# -- view --------------------------------------------------------------------------------------
class DrempelKiezenView:
    """Checkboxes for the nine barriers, a button, the report's reading."""

    def __init__(self, model: DrempelKeuze):
        import ipywidgets as w

        self.model = model
        self.citaat = w.HTML(citaat.html(model.citaat))
        self.vinkjes = {}
        for drempel_id, naam in model.namen.items():
            box = w.Checkbox(value=drempel_id in model.gekozen, description=naam, indent=False,
                             layout=w.Layout(width="100%"))
            box.add_class("ss-drempel-vinkje")
            box.observe(self._changed, names="value")
            self.vinkjes[drempel_id] = box
        self.knop = _ui.knop("Bekijk hoe het rapport dit plaatst", "ss-knop-bekijk", "info")
        self.knop.on_click(self._bekijk)
        self.uitleg = w.HTML(model.terugkoppeling_html() if model.bekeken else "")
        self.status = w.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        vraag = w.HTML("<p><strong>Welke drempel(s) zie je in dit verhaal?</strong> Je mag er meer dan één aanvinken.</p>")
        raster = w.GridBox(list(self.vinkjes.values()),
                           layout=w.Layout(grid_template_columns="repeat(auto-fill, minmax(26em, 1fr))"))
        self.widget = w.VBox([self.citaat, vraag, raster, self.knop, self.status, self.uitleg])
        self.widget.add_class("ss-drempel-kiezen")

    @_ui.veilig()
    def _changed(self, _change=None) -> None:
        self.model.kies([i for i, box in self.vinkjes.items() if box.value])
        self.status.value = _ui.bewaard_html()
        if self.model.bekeken:
            self.uitleg.value = self.model.terugkoppeling_html()

    @_ui.veilig()
    def _bekijk(self, _button=None) -> None:
        self.model.bekijk()
        self.status.value = _ui.bewaard_html()
        self.uitleg.value = self.model.terugkoppeling_html()


def maak(*citaat_ids: str, aantal: int = 3, werkmap: Werkmap | None = None, module: str = MODULE,
         sleutel: str = SLEUTEL):
    """The activity as a widget: one card per quote (default: a fixed spread of quotes)."""
    import ipywidgets as w

    ids = list(citaat_ids) or standaard_citaten(aantal)
    wm = werkmap if werkmap is not None else Werkmap.default()
    views = [DrempelKiezenView(DrempelKeuze(c, wm, module, activiteit=sleutel, volgorde=i))
             for i, c in enumerate(ids, start=1)]
    box = w.VBox([v.widget for v in views])
    box.add_class("ss-activiteit")
    box.views = views  # for tests
    return box



# -- page blocks -------------------------------------------------------------------------------
# A frame under a barrier that shows how *schools* see parents: it is the schools' view, not
# a fact about parents. Respectful, no blame; based on the report ("Ouders zijn betrokken op
# hun kind en willen ook betrokken worden in de school en schoolloopbaan van hun kind.").
KADER: dict[str, str] = {
    "school_drempels_bij_ouders": (
        "Zo zien sommige scholen het. Ouders zelf vertellen iets anders: ze willen graag betrokken "
        "zijn bij de school van hun kind. Wat hen tegenhoudt, lees je bij de negen drempels van ouders."
    ),
}


def drempel_html(drempel_id: str, *citaat_ids: str, max_citaten: int = 2, citaten=None, drempels=None) -> str:
    """One barrier: its name, a short neutral description (``beschrijving``: never a
    parent's words) and its quotes, each shown once as a quote with its source (the given
    ids, or the first ``max_citaten`` quotes the report places with it)."""
    rij = drempel_rij(drempel_id, drempels)
    ids = list(dict.fromkeys(citaat_ids)) or citaten_bij_drempel(drempel_id, citaten)[:max_citaten]
    kader = KADER.get(drempel_id)
    return (f'<section class="ss-drempel" data-drempel="{escape(drempel_id)}">'
            f'<h3>{escape(rij["naam"])}</h3><p class="ss-drempel-beschrijving">{escape(rij["beschrijving"])}</p>'
            + (f'<p class="ss-drempel-kader">{escape(kader)}</p>' if kader else "")
            + "".join(citaat.html(citaat_rij(c, citaten)) for c in ids) + "</section>")



def schoolkant_html(max_citaten: int = 1, *, citaten=None, drempels=None) -> str:
    """The schools' side (focus group, February 2020): each barrier with its quote(s)."""
    parts = ['<div class="ss-schoolkant">']
    for _, rij in school_drempels(drempels).iterrows():
        parts.append(drempel_html(rij["id"], max_citaten=max_citaten, citaten=citaten, drempels=drempels))
    parts.append("</div>")
    return "".join(parts)

