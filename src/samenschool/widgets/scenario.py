"""Scenario cards: a quote of the parent group (or a short situation, clearly labelled as
fictional) with a question; the learner pages through the set and may write an answer
per card (saved at once under ``<sleutel>.<kaart-id>``).

Also two read-only overviews built from the datasets: the values of partnership with the
quotes behind them (:func:`toon_waarden`) and the impact stories for child, parent and
teacher (:func:`toon_impact`).

Quotes always come from datasets/citaten.csv by id or by filter, never retyped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Sequence

import pandas as pd

from samenschool import data
from samenschool.antwoord import Antwoord
from samenschool.citaat import html as citaat_html, kort as kort_citaat
from samenschool.errors import SamenschoolError
from samenschool.invoer import controleer_tekst
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

SLEUTEL = "scenario"
FICTIE_LABEL = "Verzonnen situatie van de kit. Het is geen citaat uit het rapport."
STANDAARD_VRAAG = "Wat voelt deze ouder, denk je? Wat kan de school hier doen?"
MAX_TEKENS = 1500


@dataclass(frozen=True)
class Kaart:
    id: str
    vraag: str
    citaat_id: str | None = None   # a quote from citaten.csv …
    situatie: str = ""             # … or a short fictional situation (always labelled)
    titel: str = ""


def kaarten_uit_citaten(citaten: pd.DataFrame, ids: Sequence[str] | None = None, *, thema: str | None = None,
                        sectie: str | None = None, vraag: str = STANDAARD_VRAAG,
                        vragen: dict[str, str] | None = None, titels: dict[str, str] | None = None,
                        per_thema: int | None = None) -> list[Kaart]:
    """Cards from quotes, chosen by id (in that order) or by filter on thema / sectie.

    ``per_thema``: keep at most that many quotes per theme (the first in file order)."""
    if ids:
        rows = data.kies(citaten, ids)
    else:
        rows = citaten
        if thema is not None:
            rows = rows[rows["thema"] == thema]
        if sectie is not None:
            rows = rows[rows["sectie"] == sectie]
        if per_thema:
            rows = rows[rows["thema"].fillna("") != ""].groupby("thema", sort=False).head(per_thema)
    vragen, titels = vragen or {}, titels or {}
    return [Kaart(id=r["id"], citaat_id=r["id"], vraag=vragen.get(r.get("thema", ""), vraag),
                  titel=titels.get(r.get("thema", ""), "")) for _, r in rows.iterrows()]


class ScenarioReeks:
    """A set of cards, the current position, and the learner's answer per card."""

    def __init__(self, module: str, kaarten: Sequence[Kaart], werkmap: Werkmap | None = None,
                 sleutel: str = SLEUTEL, max_tekens: int = MAX_TEKENS):
        if not kaarten:
            raise SamenschoolError("Er zijn geen kaarten om te tonen.")
        ids = [k.id for k in kaarten]
        if len(set(ids)) != len(ids):
            raise SamenschoolError("Elke kaart heeft een eigen id nodig.")
        for k in kaarten:
            if not k.citaat_id and not k.situatie.strip():
                raise SamenschoolError(f"Kaart '{k.id}' heeft geen citaat en geen situatie.")
        self.module, self.sleutel, self.max_tekens = module, sleutel, max_tekens
        self.kaarten = list(kaarten)
        self.werkmap = _ui.werkmap_of(werkmap)
        saved = self.werkmap.load(module)
        self.antwoorden = {k.id: saved.get(self._key(k.id), "") for k in self.kaarten}
        self.index = 0
        self.melding = ""

    def _key(self, kaart_id: str) -> str:
        return f"{self.sleutel}.{kaart_id}"

    @property
    def huidige(self) -> Kaart:
        return self.kaarten[self.index]

    @property
    def positie(self) -> str:
        return f"Kaart {self.index + 1} van {len(self.kaarten)}"

    @property
    def heeft_vorige(self) -> bool:
        return self.index > 0

    @property
    def heeft_volgende(self) -> bool:
        return self.index < len(self.kaarten) - 1

    def volgende(self) -> Kaart:
        self.index = min(self.index + 1, len(self.kaarten) - 1)
        return self.huidige

    def vorige(self) -> Kaart:
        self.index = max(self.index - 1, 0)
        return self.huidige

    def ga_naar(self, index: int) -> Kaart:
        if not 0 <= index < len(self.kaarten):
            raise SamenschoolError(f"Er is geen kaart {index + 1}; kies 1 tot {len(self.kaarten)}.")
        self.index = index
        return self.huidige

    def label(self, kaart: Kaart) -> str:
        """The question as the card shows it: the quote's first words (or the situation), then the question."""
        if kaart.citaat_id:
            try:
                wat = kort_citaat(data.kies(data.citaten(), [kaart.citaat_id]).iloc[0]["tekst"], 70)
            except SamenschoolError:
                wat = kaart.citaat_id
        else:
            wat = kort_citaat(kaart.situatie, 70)
        return f"{kaart.titel + '. ' if kaart.titel else ''}{wat} {kaart.vraag}"

    def bewaar(self, tekst: object, kaart_id: str | None = None) -> bool:
        """Save the answer for a card (default: the current one). Empty text removes it."""
        kaart = self.huidige if kaart_id is None else next((k for k in self.kaarten if k.id == kaart_id), None)
        if kaart is None:
            raise SamenschoolError(f"Er is geen kaart '{kaart_id}'.")
        controle = controleer_tekst(tekst, max_tekens=self.max_tekens, verplicht=True, veld="Je antwoord")
        if controle.tekst:
            self.werkmap.bewaar(self.module, Antwoord.nieuw(
                self.module, self._key(kaart.id), controle.tekst, vraag=self.label(kaart), tekst=controle.tekst,
                volgorde=self.kaarten.index(kaart) + 1))
        else:
            self.werkmap.delete(self.module, self._key(kaart.id))
        self.antwoorden[kaart.id] = controle.tekst
        self.melding = controle.melding
        return controle.ok

    @property
    def aantal_beantwoord(self) -> int:
        return sum(1 for v in self.antwoorden.values() if v)

    def to_dict(self) -> dict:
        return {"index": self.index, "antwoorden": dict(self.antwoorden)}

    def kaart_html(self, citaten: pd.DataFrame | None = None) -> str:
        kaart = self.huidige
        parts = [f'<p class="ss-kaart-nummer">{escape(self.positie)}</p>']
        if kaart.titel:
            parts.append(f'<h4 class="ss-kaart-titel">{escape(kaart.titel)}</h4>')
        if kaart.citaat_id:
            rows = data.citaten() if citaten is None else citaten
            match = rows[rows["id"] == kaart.citaat_id]
            if match.empty:
                raise SamenschoolError(f"Citaat {kaart.citaat_id} bestaat niet in datasets/citaten.csv.")
            parts.append(citaat_html(match.iloc[0]))
        else:
            parts.append(f'<p class="ss-fictie">{escape(FICTIE_LABEL)}</p>'
                         f'<div class="ss-situatie">{escape(kaart.situatie)}</div>')
        parts.append(f'<p class="ss-vraag">{escape(kaart.vraag)}</p>')
        return "".join(parts)


class ScenarioView:
    def __init__(self, model: ScenarioReeks, citaten: pd.DataFrame | None = None):
        import ipywidgets as widgets

        self.model = model
        self.citaten = citaten
        self.kaart = widgets.HTML("")
        self.tekst = widgets.Textarea(placeholder="Schrijf hier je gedachten (niet verplicht) …",
                                      layout=widgets.Layout(width="100%", height="6em"))
        self.tekst.add_class("ss-tekstvak")
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.knop_vorige = _ui.knop("← Vorige kaart", "ss-knop-vorige")
        self.knop_volgende = _ui.knop("Volgende kaart →", "ss-knop-volgende", "primary")
        self.knop_vorige.on_click(lambda _b: self._ga(-1))
        self.knop_volgende.on_click(lambda _b: self._ga(+1))
        self.tekst.observe(self._bij_tekst, names="value")
        self._laden = False
        knoppen = widgets.HBox([self.knop_vorige, self.knop_volgende])
        knoppen.add_class("ss-knoppen")
        self.widget = widgets.VBox([self.kaart, self.tekst, self.status, knoppen])
        self.widget.add_class("ss-scenario")
        self._toon()

    def _toon(self) -> None:
        self.kaart.value = self.model.kaart_html(self.citaten)
        self._laden = True
        try:
            self.tekst.value = self.model.antwoorden.get(self.model.huidige.id, "")
        finally:
            self._laden = False
        self.knop_vorige.disabled = not self.model.heeft_vorige
        self.knop_volgende.disabled = not self.model.heeft_volgende

    @_ui.veilig()
    def _ga(self, stap: int) -> None:
        (self.model.volgende if stap > 0 else self.model.vorige)()
        self.status.value = ""
        self._toon()

    @_ui.veilig()
    def _bij_tekst(self, change) -> None:
        if self._laden:
            return
        ok = self.model.bewaar(change["new"])
        if ok:
            self.status.value = _ui.bewaard_html()
        else:
            soort = "let_op" if self.model.antwoorden[self.model.huidige.id] else "info"
            self.status.value = _ui.melding_html(self.model.melding, soort)


def maak(module: str, ids: Sequence[str] | None = None, *, thema: str | None = None, sectie: str | None = None,
         per_thema: int | None = None, vraag: str = STANDAARD_VRAAG, met_themanaam: bool = True,
         kaarten: Sequence[Kaart] | None = None, werkmap: Werkmap | None = None,
         citaten: pd.DataFrame | None = None, sleutel: str = SLEUTEL) -> ScenarioView:
    rows = data.citaten() if citaten is None else citaten
    if kaarten is None:
        titels = {}
        if met_themanaam:
            try:
                themas = data.themas()
                titels = {r["id"]: f"Thema {r['nummer']}: {r['naam']}" for _, r in themas.iterrows()}
            except Exception:
                titels = {}
        kaarten = kaarten_uit_citaten(rows, ids, thema=thema, sectie=sectie, vraag=vraag, titels=titels,
                                      per_thema=per_thema)
    return ScenarioView(ScenarioReeks(module, kaarten, werkmap, sleutel), rows)


# -- read-only overviews ------------------------------------------------------------------
def _citaten_met(citaten: pd.DataFrame, kolom: str, item_id: str) -> pd.DataFrame:
    return citaten[citaten[kolom].apply(lambda cell: item_id in data.split_list(cell))]


_IK_VORM = re.compile(r"\b(ik|mij|mijn|me|we|wij|ons|onze)\b", re.IGNORECASE)


def beschrijving_is_kit(rij) -> bool:
    """Is the description of a value or an impact the kit's own summary?

    ``beschrijving_bron`` says so (kit or rapport). Without that column, a description in the
    first person ("ik", "we") is taken to be words from the report, never kit text."""
    tekst = str(rij.get("beschrijving", "") or "").strip()
    bron = str(rij.get("beschrijving_bron", "") or "").strip().lower()
    if bron:
        return bron == "kit"
    return not _IK_VORM.search(tekst)


def beschrijving_html(rij, *, rapport_tonen: bool = True) -> str:
    """The description as kit text; words from the report only as a marked quote with its source
    (``rapport_tonen=False``: then left out)."""
    from samenschool.citaat import BRON

    tekst = str(rij.get("beschrijving", "") or "").strip()
    if not tekst or tekst in ("—", "-", "nan"):
        return ""
    if beschrijving_is_kit(rij):
        return f'<p class="ss-uitleg">{escape(tekst)}</p>'
    if not rapport_tonen:
        return ""
    return (f'<figure class="ss-citaat ss-rapport"><blockquote>“{escape(tekst)}”</blockquote>'
            f'<figcaption>Uit het rapport. Bron: {escape(BRON)}.</figcaption></figure>')


def waarden_secties(citaten: pd.DataFrame, waarden: pd.DataFrame, alle: bool = False) -> list[tuple[str, str]]:
    """(title, html) per value of partnership: its description and the quotes behind it.

    Values without any quote are left out unless ``alle``."""
    if "volgorde" in waarden.columns:
        waarden = waarden.sort_values("volgorde")
    secties = []
    for _, w in waarden.iterrows():
        rows = _citaten_met(citaten, "waarden", w["id"])
        if rows.empty and not alle:
            continue
        html = beschrijving_html(w)
        html += "".join(citaat_html(r) for _, r in rows.iterrows()) or \
            '<p class="ss-hulp">Bij deze waarde staat geen citaat in de dataset.</p>'
        secties.append((f"{w['naam']} ({len(rows)} {'citaat' if len(rows) == 1 else 'citaten'})", html))
    return secties


OUDERS_KOP = "Zo ziet de oudergroep het (rapport, deel Waarde en impact)"
FOCUSGROEP_KOP = "Zo ziet de focusgroep het: scholen, stad en partners (rapport, deel Focusgroep waarde en impact)"
# short tab titles: a tab cuts off longer ones ("Voor de leerkrach…")
IMPACT_GROEPEN = {"kind": "Het kind", "ouder": "De ouder", "leerkracht": "De leerkracht", "relatie": "De relatie"}


def _bron_kop(tekst: str) -> str:
    """Whose view follows (the parent group's or the focus group's): set apart from the impact titles."""
    return (f'<p class="ss-impact-bron" style="margin:1.4em 0 .2em;padding-bottom:.15em;font-size:.9em;'
            f'letter-spacing:.03em;text-transform:uppercase;color:#444;border-bottom:1px solid #b8c7d3">'
            f"{escape(tekst)}</p>")


def impact_secties(citaten: pd.DataFrame, impact: pd.DataFrame, bron: str | None = "ouders", *,
                   zonder: Sequence[str] = (), per_impact: int | None = 1,
                   met_focusgroep: bool = False) -> list[tuple[str, str]]:
    """(title, html) per group (kind, ouder, leerkracht, relatie): each impact with its quotes.

    ``bron``: only impact named by this source ("ouders" or "focusgroep"; None: all).
    Every quote appears once: not again under a second impact, and not when it is in
    ``zonder`` (e.g. the stories of an activity further on the page). ``per_impact``: at
    most that many quotes per impact (None: all). ``met_focusgroep``: under the parents' impact
    of each group, also the focus group's view (the ``fg_*`` rows), under its own heading."""
    alle_impact = impact
    if bron is not None and "bron" in impact.columns:
        impact = impact[impact["bron"] == bron]
    fg = (alle_impact[alle_impact["bron"] == "focusgroep"]
          if met_focusgroep and bron == "ouders" and "bron" in alle_impact.columns else alle_impact.iloc[0:0])
    gebruikt = set(zonder)
    secties = []
    for voor, titel in IMPACT_GROEPEN.items():
        items = impact[impact["voor"] == voor]
        fg_items = fg[fg["voor"] == voor]
        if items.empty and fg_items.empty:
            continue
        html = ""
        for n, (_, item) in enumerate(pd.concat([items, fg_items]).iterrows()):
            if n == len(items):
                html += _bron_kop(FOCUSGROEP_KOP)
            elif n == 0:
                html += _bron_kop(OUDERS_KOP) if len(fg_items) else ""
            rows = _citaten_met(citaten, "impact", item["id"])
            rows = rows[~rows["id"].isin(gebruikt)]
            if per_impact is not None:
                rows = rows.head(per_impact)
            gebruikt.update(rows["id"])
            html += (f'<section class="ss-impact"><h4>{escape(str(item["naam"]))}</h4>'
                     + beschrijving_html(item)
                     + "".join(citaat_html(r) for _, r in rows.iterrows()) + "</section>")
        secties.append((titel, html))
    return secties


def _tabs_of_accordion(secties: list[tuple[str, str]], soort: str, klasse: str):
    import ipywidgets as widgets

    kinderen = [widgets.HTML(html) for _, html in secties]
    box = widgets.Tab(children=kinderen) if soort == "tab" else widgets.Accordion(children=kinderen)
    box.titles = tuple(t for t, _ in secties)
    box.add_class(klasse)
    return box


def waarden_widget():
    """The values of partnership, each with its quotes (open one at a time)."""
    return _tabs_of_accordion(waarden_secties(data.citaten(), data.waarden()), "accordion", "ss-waarden")


def impact_widget(bron: str | None = "ouders", *, zonder: Sequence[str] = (), per_impact: int | None = 1,
                  met_focusgroep: bool = True):
    """The impact of partnership for child, parent and teacher, one story of the parents each,
    and the focus group's view beside it (``met_focusgroep``); every story once.

    ``zonder``: quotes to leave out here because the page shows them elsewhere."""
    return _tabs_of_accordion(impact_secties(data.citaten(), data.impact(), bron, zonder=zonder,
                                             per_impact=per_impact, met_focusgroep=met_focusgroep),
                              "tab", "ss-impact-tabs")
