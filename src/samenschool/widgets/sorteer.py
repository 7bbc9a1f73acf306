"""Sorter: the learner places quotes of the parent group under one of the five themes,
then compares with how the group itself read them.

Model: :class:`Sorteerder` (no ipywidgets needed). View: :class:`SorteerView`.
Notebook: ``pagina.sorteer("sorteer", n=5)`` (see ``widgets.module``).

Answers are saved per quote, under ``sorteer.<citaat-id>`` (value: the theme id).
The feedback never says "fout": the themes overlap, and another reading can be right too.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from samenschool import data
from samenschool.citaat import html as citaat_html
from samenschool.antwoord import Antwoord
from samenschool.citaat import kort as kort_citaat
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

SLEUTEL = "sorteer"


def kies_citaten(citaten: pd.DataFrame, themas: pd.DataFrame, n: int = 5, max_tekens: int = 400) -> pd.DataFrame:
    """``n`` quotes with a theme, spread over the themes (round robin in theme order).

    Deterministic: the same quotes after a restart. Within a theme, quotes from that theme's
    own section of the report come first, then shorter ones (easier to read on a projector)."""
    if n < 1:
        raise SamenschoolError("Kies minstens 1 citaat om te sorteren.")
    rows = citaten[citaten["thema"].fillna("") != ""].copy()
    rows = rows[rows["tekst"].str.len() <= max_tekens] if (rows["tekst"].str.len() <= max_tekens).sum() >= n else rows
    if rows.empty:
        raise SamenschoolError("Er zijn geen citaten met een thema om te sorteren.")
    rows["_eigen"] = rows.apply(lambda r: 0 if str(r.get("sectie", "")).startswith("thema_") else 1, axis=1)
    rows["_lengte"] = rows["tekst"].str.len()
    per_thema = {t: list(g.sort_values(["_eigen", "_lengte", "id"])["id"])
                 for t, g in rows.groupby("thema", sort=False)}
    volgorde = [t for t in themas["id"] if t in per_thema] + [t for t in per_thema if t not in set(themas["id"])]
    gekozen: list[str] = []
    ronde = 0
    while len(gekozen) < n and any(len(per_thema[t]) > ronde for t in volgorde):
        for t in volgorde:
            if len(gekozen) < n and len(per_thema[t]) > ronde:
                gekozen.append(per_thema[t][ronde])
        ronde += 1
    return citaten.set_index("id").loc[gekozen].reset_index()


@dataclass(frozen=True)
class Terugkoppeling:
    citaat_id: str
    gekozen: str | None   # theme id chosen by the learner (None: nothing chosen)
    groep: str            # theme id of the parent group's reading
    zelfde: bool
    tekst: str            # Dutch feedback for the learner


class Sorteerder:
    """Which theme the learner chose for each quote, saved per quote in the werkmap."""

    def __init__(self, module: str, citaten: pd.DataFrame, themas: pd.DataFrame,
                 werkmap: Werkmap | None = None, sleutel: str = SLEUTEL):
        for kolom in ("id", "tekst", "thema"):
            if kolom not in citaten.columns:
                raise SamenschoolError(f"De citaten missen de kolom '{kolom}'.")
        self.module, self.sleutel = module, sleutel
        self.werkmap = _ui.werkmap_of(werkmap)
        self.citaten = citaten.reset_index(drop=True)
        self.themas = themas.reset_index(drop=True)
        self.thema_namen = dict(zip(self.themas["id"], self.themas["naam"]))
        self.thema_uitleg = dict(zip(self.themas["id"], self.themas["beschrijving"]))
        # "kit": the kit's own summary; else (rapport, or no column) words from the report
        bron = self.themas["beschrijving_bron"] if "beschrijving_bron" in self.themas.columns else None
        self.thema_uitleg_kit = dict(zip(self.themas["id"], [str(b).strip().lower() == "kit" for b in bron])) \
            if bron is not None else {}
        self.groep = dict(zip(self.citaten["id"], self.citaten["thema"]))
        opgeslagen = self.werkmap.load(module)
        self.keuzes: dict[str, str | None] = {}
        for cid in self.citaat_ids:
            waarde = opgeslagen.get(self._key(cid))
            self.keuzes[cid] = waarde if waarde in self.thema_namen else None

    # -- state -------------------------------------------------------------------------
    @property
    def citaat_ids(self) -> list[str]:
        return list(self.citaten["id"])

    def _key(self, citaat_id: str) -> str:
        return f"{self.sleutel}.{citaat_id}"

    def tekst(self, citaat_id: str) -> str:
        return str(self.citaten.loc[self.citaten["id"] == citaat_id, "tekst"].iloc[0])

    def label(self, citaat_id: str) -> str:
        return f"Bij welk thema hoort dit citaat? {kort_citaat(self.tekst(citaat_id), 90)}"

    def kies(self, citaat_id: str, thema_id: str | None) -> None:
        """Save the learner's theme for one quote (None or '' clears it)."""
        if citaat_id not in self.keuzes:
            raise SamenschoolError(f"Het citaat '{citaat_id}' hoort niet bij deze oefening.")
        if thema_id in (None, ""):
            self.werkmap.delete(self.module, self._key(citaat_id))
            self.keuzes[citaat_id] = None
        else:
            if thema_id not in self.thema_namen:
                raise SamenschoolError(f"'{thema_id}' is geen thema. Kies een van de vijf thema's.")
            self.werkmap.bewaar(self.module, Antwoord.nieuw(
                self.module, self._key(citaat_id), thema_id, vraag=self.label(citaat_id),
                tekst=self.thema_namen[thema_id], volgorde=self.citaat_ids.index(citaat_id) + 1))
            self.keuzes[citaat_id] = thema_id

    @property
    def aantal_gekozen(self) -> int:
        return sum(1 for v in self.keuzes.values() if v)

    @property
    def klaar(self) -> bool:
        return self.aantal_gekozen == len(self.keuzes)

    def to_dict(self) -> dict:
        return {"module": self.module, "keuzes": dict(self.keuzes)}

    # -- feedback --------------------------------------------------------------------
    def _wie_plaatst(self, citaat_id: str) -> tuple[str, str]:
        """Who put the quote with its theme: the group (the quote stands in that theme's part of
        the report, named as "(rapport, deel …)") or the kit (a quote from another part)."""
        sectie = ""
        if "sectie" in self.citaten.columns:
            sectie = str(self.citaten.loc[self.citaten["id"] == citaat_id, "sectie"].iloc[0] or "")
        if sectie.startswith("thema_"):
            delen = data.load("rapport_delen")
            kort = delen.loc[delen["id"] == sectie, "kort"]
            return "De oudergroep plaatste", f" (rapport, deel {kort.iloc[0]})" if len(kort) else ""
        return "De kit plaatst", ""

    def terugkoppeling(self, citaat_id: str) -> Terugkoppeling:
        gekozen, groep = self.keuzes[citaat_id], self.groep[citaat_id]
        groep_naam = self.thema_namen.get(groep, groep)
        wie, waar = self._wie_plaatst(citaat_id)
        if not gekozen:
            tekst = f"Je koos nog geen thema. {wie} dit citaat bij {groep_naam}{waar}."
        elif gekozen == groep:
            tekst = f"Jij koos {groep_naam}. {wie} dit citaat ook bij {groep_naam}{waar}."
        else:
            uitleg = str(self.thema_uitleg.get(groep, "") or "").strip()
            if not uitleg:
                omdat = ""
            elif self.thema_uitleg_kit.get(groep):
                omdat = f" Over dat thema: {uitleg}"
            else:  # words from the report: always as a quote with its source
                omdat = f" Over dat thema staat in het rapport: “{uitleg}” (bron: rapport van Recht-Op vzw)."
            tekst = (f"Jij koos {self.thema_namen[gekozen]}. {wie} dit citaat bij "
                     f"{groep_naam}{waar}.{omdat} Beide lezingen kunnen: de thema's overlappen. "
                     "Wat zag jij in dit citaat?")
        return Terugkoppeling(citaat_id, gekozen, groep, bool(gekozen) and gekozen == groep, tekst)

    def samenvatting(self) -> str:
        zelfde = sum(1 for c in self.citaat_ids if self.terugkoppeling(c).zelfde)
        totaal = len(self.citaat_ids)
        open_ = totaal - self.aantal_gekozen
        tekst = f"Bij {zelfde} van de {totaal} citaten koos je hetzelfde thema als de oudergroep."
        if open_:
            tekst += f" Nog {open_} citaat{'en' if open_ > 1 else ''} zonder thema."
        if zelfde < self.aantal_gekozen:
            tekst += " Een andere keuze is geen fout: vaak raakt een citaat aan meer dan één thema."
        return tekst

    def telling(self) -> tuple[dict[str, int], dict[str, int]]:
        """Quotes per theme name: (learner's choices, the group's reading), in theme order."""
        namen = list(self.thema_namen.values())
        jij = {n: 0 for n in namen}
        groep = {n: 0 for n in namen}
        for cid in self.citaat_ids:
            if self.keuzes[cid]:
                jij[self.thema_namen[self.keuzes[cid]]] += 1
            naam = self.thema_namen.get(self.groep[cid])
            if naam:
                groep[naam] += 1
        return jij, groep

    def grafiek(self):
        from samenschool import grafiek

        jij, groep = self.telling()
        return grafiek.sortering_vs_groep(jij, groep)


class SorteerView:
    """One card per quote with a theme dropdown; a button shows the group's reading and a chart."""

    def __init__(self, model: Sorteerder, met_grafiek: bool = True):
        import ipywidgets as widgets

        self.model = model
        self.met_grafiek = met_grafiek
        opties = [("Kies een thema …", "")] + [(naam, tid) for tid, naam in model.thema_namen.items()]
        self.keuzes: dict[str, widgets.Dropdown] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        kaarten = []
        for i, (_, rij) in enumerate(model.citaten.iterrows(), start=1):
            cid = rij["id"]
            dropdown = widgets.Dropdown(options=opties, value=model.keuzes[cid] or "",
                                        description="Thema:", layout=widgets.Layout(width="28em", max_width="100%"),
                                        style={"description_width": "initial"})
            dropdown.add_class("ss-keuze")
            dropdown.observe(lambda change, cid=cid: self._kies(cid, change["new"]), names="value")
            fb = widgets.HTML("")
            fb.add_class("ss-feedback")
            self.keuzes[cid], self.feedback[cid] = dropdown, fb
            kop = widgets.HTML(f'<p class="ss-kaart-nummer">Citaat {i} van {len(model.citaten)}</p>'
                               + citaat_html(rij))
            kaart = widgets.VBox([kop, dropdown, fb])
            kaart.add_class("ss-kaart")
            kaarten.append(kaart)
        self.knop = _ui.knop("Bekijk hoe de oudergroep het las", "ss-knop-feedback", "primary")
        self.knop.on_click(self._toon_feedback)
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap) or self._voortgang_html())
        self.samenvatting = widgets.HTML("")
        self.samenvatting.add_class("ss-samenvatting")
        self.grafiek = widgets.HTML("")
        self.widget = widgets.VBox(kaarten + [self.status, self.knop, self.samenvatting, self.grafiek])
        self.widget.add_class("ss-sorteer")

    def _voortgang_html(self) -> str:
        m = self.model
        return f'<p class="ss-bewaard">{m.aantal_gekozen} van {len(m.keuzes)} citaten gesorteerd. Je keuzes worden meteen bewaard.</p>'

    @_ui.veilig()
    def _kies(self, citaat_id: str, thema_id: str) -> None:
        self.model.kies(citaat_id, thema_id or None)
        self.status.value = self._voortgang_html()
        if self.samenvatting.value:  # feedback already open: keep it current
            self._vul_feedback()

    @_ui.veilig()
    def _toon_feedback(self, _button=None) -> None:
        if self.model.aantal_gekozen == 0:
            self.samenvatting.value = _ui.melding_html(
                "Kies eerst bij minstens één citaat een thema. Daarna zie je hoe de oudergroep het las.", "info")
            return
        self._vul_feedback()

    def _vul_feedback(self) -> None:
        for cid, widget in self.feedback.items():
            fb = self.model.terugkoppeling(cid)
            soort = "ok" if fb.zelfde else "info"
            widget.value = f'<p class="ss-feedback-{soort}">{escape(fb.tekst)}</p>'
        self.samenvatting.value = f"<p>{escape(self.model.samenvatting())}</p>"
        if self.met_grafiek:
            from samenschool import grafiek

            fig, alt = self.model.grafiek()
            self.grafiek.value = grafiek.figuur_html(fig, alt)


def maak(module: str, n: int = 5, *, citaat_ids: list[str] | None = None, werkmap: Werkmap | None = None,
         citaten: pd.DataFrame | None = None, themas: pd.DataFrame | None = None,
         met_grafiek: bool = True, sleutel: str = SLEUTEL) -> SorteerView:
    citaten = data.citaten() if citaten is None else citaten
    themas = data.themas() if themas is None else themas
    if "nummer" in themas.columns:
        themas = themas.sort_values("nummer")
    if citaat_ids:
        rows = data.kies(citaten, citaat_ids)
    else:
        rows = kies_citaten(citaten, themas, n)
    return SorteerView(Sorteerder(module, rows, themas, werkmap, sleutel), met_grafiek=met_grafiek)

