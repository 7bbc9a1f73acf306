"""Scale and weighing widgets.

- :class:`Plaatsing`: where does your school stand on a ladder of steps (e.g. "Samen weten –
  leven – doen – denken – beslissen") now, and where do you want it to go?
- :class:`Weging`: give each value of partnership a weight from 0 to 3.

Notebook: ``pagina.plaatsing("plaatsing")``, ``pagina.weging("waarden_weging")`` (see ``widgets.module``).
"""

from __future__ import annotations

from html import escape
from typing import Mapping, Sequence

import pandas as pd

from samenschool import data
from samenschool.antwoord import Antwoord
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

SAMEN_TREDEN = ["Samen weten", "Samen leven", "Samen doen", "Samen denken", "Samen beslissen"]
PLAATSING_SLEUTEL = "plaatsing"
WEGING_SLEUTEL = "waarden_weging"
MAX_GEWICHT = 3
GEWICHT_UITLEG = {0: "weegt niet", 1: "weegt een beetje", 2: "weegt zwaar", 3: "weegt heel zwaar"}


class Plaatsing:
    """Two positions on a ladder of steps: ``nu`` (now) and ``doel`` (where you want to go)."""

    VRAGEN = {"nu": "Waar staat jouw school nu?", "doel": "Waar wil je naartoe?"}

    def __init__(self, module: str, werkmap: Werkmap | None = None, treden: Sequence[str] = SAMEN_TREDEN,
                 sleutel: str = PLAATSING_SLEUTEL, label: str = "Samen weten – leven – doen – denken – beslissen: "
                 "waar staat jouw school nu, en waar wil je naartoe?"):
        if len(treden) < 2:
            raise SamenschoolError("Een schaal heeft minstens twee treden nodig.")
        self.module, self.sleutel, self.label = module, sleutel, label
        self.treden = list(treden)
        self.werkmap = _ui.werkmap_of(werkmap)
        saved = self.werkmap.get(module, sleutel, {})
        saved = saved if isinstance(saved, dict) else {}
        self.nu: str | None = saved.get("nu") if saved.get("nu") in self.treden else None
        self.doel: str | None = saved.get("doel") if saved.get("doel") in self.treden else None

    def zet(self, wat: str, trede: str | None) -> str:
        """Set ``nu`` or ``doel`` to a step (None clears it), save, and return the summary."""
        if wat not in self.VRAGEN:
            raise SamenschoolError("Kies 'nu' of 'doel'.")
        if trede is not None and trede not in self.treden:
            raise SamenschoolError(f"'{trede}' staat niet op de schaal. Kies uit: {', '.join(self.treden)}.")
        setattr(self, wat, trede)
        waarde = {k: getattr(self, k) for k in ("nu", "doel") if getattr(self, k)}
        if waarde:
            self.werkmap.bewaar(self.module, Antwoord.nieuw(
                self.module, self.sleutel, waarde, vraag=self.label,
                delen=[(vraag, getattr(self, k) or "nog niet gekozen") for k, vraag in self.VRAGEN.items()]))
        else:
            self.werkmap.delete(self.module, self.sleutel)
        return self.samenvatting()

    @property
    def afstand(self) -> int | None:
        if self.nu is None or self.doel is None:
            return None
        return self.treden.index(self.doel) - self.treden.index(self.nu)

    def samenvatting(self) -> str:
        if self.nu is None and self.doel is None:
            return "Je koos nog niets. Klik op een stap."
        if self.nu is None:
            return f"Je wil naar: {self.doel}. Waar staat je school nu?"
        if self.doel is None:
            return f"Je school staat nu bij: {self.nu}. Waar wil je naartoe?"
        stap = self.afstand
        if stap == 0:
            return f"Je school staat bij {self.nu} en je wil daar blijven. Wat is nodig om dat vast te houden?"
        if stap > 0:
            return (f"Nu: {self.nu}. Doel: {self.doel}. Dat is {stap} "
                    f"{'stap' if stap == 1 else 'stappen'} verder in de lijst. Wat is de eerste kleine stap?")
        return (f"Nu: {self.nu}. Doel: {self.doel}. Je doel staat eerder in de lijst dan waar je nu staat. "
                "Klopt dat? Je kan je keuze altijd aanpassen.")

    def to_dict(self) -> dict:
        return {"nu": self.nu, "doel": self.doel}


class PlaatsingView:
    def __init__(self, model: Plaatsing):
        import ipywidgets as widgets

        self.model = model
        self.knoppen = {}
        rijen = []
        for wat, vraag in model.VRAGEN.items():
            toggles = widgets.ToggleButtons(options=model.treden, value=getattr(model, wat),
                                            style={"button_width": "9.5em"})
            toggles.add_class("ss-schaal-knoppen")
            toggles.observe(lambda change, wat=wat: self._zet(wat, change["new"]), names="value")
            self.knoppen[wat] = toggles
            kop = widgets.HTML(f'<p class="ss-vraag">{escape(vraag)}</p>')
            rijen.append(widgets.VBox([kop, toggles]))
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap)
                                   or _ui.melding_html(model.samenvatting(), "info"))
        self.widget = widgets.VBox(rijen + [self.status])
        self.widget.add_class("ss-schaal")

    @_ui.veilig()
    def _zet(self, wat: str, trede: str | None) -> None:
        tekst = self.model.zet(wat, trede)
        self.status.value = _ui.melding_html(tekst, "info") + _ui.bewaard_html()


class Weging:
    """A weight 0-3 per value (e.g. the values of partnership). A value without a weight is
    not weighed yet (None): nothing is chosen for the learner."""

    def __init__(self, module: str, waarden: pd.DataFrame | Mapping[str, str], werkmap: Werkmap | None = None,
                 sleutel: str = WEGING_SLEUTEL,
                 label: str = "Hoe zwaar weegt elke waarde van partnerschap voor jou (0-3)?"):
        if isinstance(waarden, pd.DataFrame):
            from samenschool.widgets.scenario import beschrijving_is_kit

            if "volgorde" in waarden.columns:
                waarden = waarden.sort_values("volgorde")
            self.namen = dict(zip(waarden["id"], waarden["naam"]))
            # only the kit's own summary: words from the report are never shown as plain text
            self.uitleg = {r["id"]: str(r.get("beschrijving", "") or "") if beschrijving_is_kit(r) else ""
                           for _, r in waarden.iterrows()}
        else:
            self.namen, self.uitleg = dict(waarden), {}
        if not self.namen:
            raise SamenschoolError("Er zijn geen waarden om te wegen.")
        self.module, self.sleutel, self.label = module, sleutel, label
        self.werkmap = _ui.werkmap_of(werkmap)
        saved = self.werkmap.get(module, sleutel, {})
        saved = saved if isinstance(saved, dict) else {}
        self.gewichten: dict[str, int | None] = {}
        for wid in self.namen:
            value = saved.get(wid)
            ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_GEWICHT
            self.gewichten[wid] = value if ok else None

    def zet(self, waarde_id: str, gewicht: object) -> None:
        """Give a value a weight 0-3 (None clears it) and save at once."""
        if waarde_id not in self.namen:
            raise SamenschoolError(f"'{waarde_id}' is geen waarde uit de lijst.")
        if gewicht is None:
            self.gewichten[waarde_id] = None
        else:
            tekst = str(gewicht).strip()
            if isinstance(gewicht, bool) or tekst not in {str(i) for i in range(MAX_GEWICHT + 1)}:
                raise SamenschoolError(f"Geef een gewicht van 0 tot {MAX_GEWICHT} (een heel getal).")
            self.gewichten[waarde_id] = int(tekst)
        gewogen = self.to_dict()
        if gewogen:
            self.werkmap.bewaar(self.module, Antwoord.nieuw(
                self.module, self.sleutel, gewogen, vraag=self.label,
                delen=[(self.namen[w], f"{self.gewichten[w]}: {GEWICHT_UITLEG[self.gewichten[w]]}")
                       for w in self.gewogen]))
        else:
            self.werkmap.delete(self.module, self.sleutel)

    @property
    def gewogen(self) -> list[str]:
        """Ids of the values that have a weight (0 included), in list order."""
        return [w for w in self.namen if self.gewichten[w] is not None]

    @property
    def gekozen(self) -> list[str]:
        """Ids of the values with weight > 0, heaviest first (ties in list order)."""
        ids = [w for w in self.gewogen if self.gewichten[w] > 0]
        return sorted(ids, key=lambda w: -self.gewichten[w])

    def samenvatting(self) -> str:
        totaal = len(self.namen)
        if not self.gewogen:
            return "Je gaf nog geen enkele waarde een gewicht."
        tekst = f"Je gaf {len(self.gewogen)} van de {totaal} waarden een gewicht."
        if not self.gekozen:
            return tekst + " Geen enkele waarde weegt voor jou (nog) zwaarder dan 0."
        zwaarst = max(self.gewichten[w] for w in self.gekozen)
        top = [self.namen[w] for w in self.gekozen if self.gewichten[w] == zwaarst]
        return tekst + f" Het zwaarst ({zwaarst}) weegt: {', '.join(top)}."

    def grafiek(self):
        from samenschool import grafiek

        if not self.gewogen:
            raise SamenschoolError("Geef eerst minstens één waarde een gewicht. Dan maak je de grafiek.")
        return grafiek.waarden_gewicht({self.namen[w]: self.gewichten[w] for w in self.gewogen})

    def to_dict(self) -> dict:
        """The weights given so far ({value id: 0-3}); values without a weight are left out."""
        return {w: self.gewichten[w] for w in self.gewogen}


class WegingView:
    def __init__(self, model: Weging, met_grafiek: bool = True):
        import ipywidgets as widgets

        self.model = model
        self.knoppen = {}
        rijen = []
        opties = [(str(i), i) for i in range(MAX_GEWICHT + 1)]
        for wid, naam in model.namen.items():
            uitleg = model.uitleg.get(wid, "")
            kop = widgets.HTML(f'<p class="ss-waarde"><strong>{escape(naam)}</strong>'
                               + (f"<br><span class=\"ss-hulp\">{escape(str(uitleg))}</span>" if uitleg else "")
                               + "</p>")
            toggles = widgets.ToggleButtons(options=opties, value=model.gewichten[wid],  # None: nothing chosen
                                            tooltips=[GEWICHT_UITLEG[i] for i in range(MAX_GEWICHT + 1)],
                                            style={"button_width": "3.5em"})
            toggles.add_class("ss-gewicht")
            toggles.observe(lambda change, wid=wid: self._zet(wid, change["new"]), names="value")
            self.knoppen[wid] = toggles
            rij = widgets.VBox([kop, toggles])
            rij.add_class("ss-waarde-rij")
            rijen.append(rij)
        legende = widgets.HTML('<p class="ss-hulp">0 = weegt niet · 1 = een beetje · 2 = zwaar · 3 = heel zwaar</p>')
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap)
                                   or _ui.melding_html(model.samenvatting(), "info"))
        self.met_grafiek = met_grafiek
        self.knop = _ui.knop("Toon mijn waarden in een grafiek", "ss-knop-grafiek")
        self.knop.on_click(self._grafiek)
        self.grafiek = widgets.HTML("")
        self.knop.layout.flex = "0 0 auto"
        knop_rij = widgets.HBox([self.knop])  # a button as wide as its label, not the whole page
        kinderen = [legende] + rijen + [self.status] + ([knop_rij, self.grafiek] if met_grafiek else [])
        self.widget = widgets.VBox(kinderen)
        self.widget.add_class("ss-weging")

    @_ui.veilig()
    def _zet(self, waarde_id: str, gewicht: int) -> None:
        self.model.zet(waarde_id, gewicht)
        self.status.value = _ui.melding_html(self.model.samenvatting(), "info") + _ui.bewaard_html()
        if self.grafiek.value:
            self._grafiek()

    @_ui.veilig()
    def _grafiek(self, _button=None) -> None:
        from samenschool import grafiek

        fig, alt = self.model.grafiek()
        self.grafiek.value = grafiek.figuur_html(fig, alt)


def maak_plaatsing(module: str, *, treden: Sequence[str] = SAMEN_TREDEN, werkmap: Werkmap | None = None,
                   sleutel: str = PLAATSING_SLEUTEL) -> PlaatsingView:
    return PlaatsingView(Plaatsing(module, werkmap, treden, sleutel))


# Values to weigh (volgorde 1-10 in waarden.csv): the eight the kit draws from what parents say,
# then the report's own kernwaarden open_basishouding and overtuiging (vertrouwen is among the eight).
KERNWAARDEN = 10


def maak_weging(module: str, *, waarden: pd.DataFrame | None = None, ids: Sequence[str] | None = None,
                aantal: int | None = KERNWAARDEN, werkmap: Werkmap | None = None,
                sleutel: str = WEGING_SLEUTEL, met_grafiek: bool = True) -> WegingView:
    """``ids``: weigh these values; else the first ``aantal`` by ``volgorde`` (None: all)."""
    waarden = data.waarden() if waarden is None else waarden
    if "volgorde" in waarden.columns:
        waarden = waarden.sort_values("volgorde")
    if ids:
        waarden = data.kies(waarden, ids, "waarden")
    elif aantal:
        waarden = waarden.head(aantal)
    return WegingView(Weging(module, waarden, werkmap, sleutel), met_grafiek=met_grafiek)

