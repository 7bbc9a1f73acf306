"""Progress of a module ("2 van 4 activiteiten gedaan") and the route choice on the start page.

An activity counts as done when the werkmap holds an answer under its key, or under a key
that starts with ``<key>.`` (e.g. ``sorteer.c012``). The indicator updates itself when a
widget of the same module saves (in the same kernel).

Notebook: ``voortgang.toon("01_gelijke_kansen")``, ``voortgang.toon_route()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Mapping, Sequence

from samenschool import leerpad
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

# Activities per module: werkmap key (prefix) -> name as the learner sees it.
ACTIVITEITEN: dict[str, dict[str, str]] = {
    "00_start": {"route": "Kies je route", "verwachting": "Wat wil je leren?"},
    "01_gelijke_kansen": {"scenario": "Scenariokaarten", "sorteer": "Citaten sorteren",
                          "reflectie": "Reflectie"},
    "02_partnerschap": {"plaatsing": "Samen weten … samen beslissen", "waarden_weging": "Waarden wegen",
                        "impact": "Impactverhalen", "reflectie": "Reflectie"},
}


class Voortgang:
    def __init__(self, module: str, activiteiten: Mapping[str, str] | None = None,
                 werkmap: Werkmap | None = None):
        if activiteiten is None:
            if module not in ACTIVITEITEN:
                raise SamenschoolError(f"Voor module '{module}' zijn geen activiteiten bekend.")
            activiteiten = ACTIVITEITEN[module]
        if not activiteiten:
            raise SamenschoolError("Geef minstens één activiteit.")
        self.module = module
        self.activiteiten = dict(activiteiten)
        self.werkmap = _ui.werkmap_of(werkmap)

    def status(self) -> dict[str, bool]:
        """{activity key: done?} read fresh from the werkmap."""
        keys = [k for k, v in self.werkmap.load(self.module).items() if v not in (None, "", {}, [])]
        return {a: any(k == a or k.startswith(a + ".") for k in keys) for a in self.activiteiten}

    @property
    def aantal_gedaan(self) -> int:
        return sum(self.status().values())

    def tekst(self) -> str:
        gedaan, totaal = self.aantal_gedaan, len(self.activiteiten)
        if gedaan == totaal:
            return f"Alle {totaal} activiteiten gedaan. Goed bezig!"
        return f"{gedaan} van {totaal} activiteiten gedaan"

    def html(self) -> str:
        items = "".join(
            f'<li class="{"ss-gedaan" if klaar else "ss-open"}">{"✓" if klaar else "○"} {escape(self.activiteiten[a])}</li>'
            for a, klaar in self.status().items())
        return f'<p class="ss-voortgang-tekst">{escape(self.tekst())}</p><ul class="ss-voortgang-lijst">{items}</ul>'


class VoortgangView:
    def __init__(self, model: Voortgang):
        import ipywidgets as widgets

        self.model = model
        self.balk = widgets.IntProgress(min=0, max=len(model.activiteiten), value=model.aantal_gedaan,
                                        description="Voortgang:", style={"description_width": "initial"},
                                        layout=widgets.Layout(width="24em", max_width="100%"))
        self.tekst = widgets.HTML(model.html())
        self.knop = _ui.knop("Vernieuw", "ss-knop-vernieuw")
        self.knop.on_click(lambda _b: self.vernieuw())
        self.widget = widgets.VBox([self.balk, self.tekst, self.knop])
        self.widget.add_class("ss-voortgang")
        _ui.luister(model.module, self.vernieuw)

    def vernieuw(self) -> None:
        try:
            self.balk.value = self.model.aantal_gedaan
            self.tekst.value = self.model.html()
        except Exception as exc:
            self.tekst.value = _ui.melding_html(_ui.fout_tekst(exc), "let_op")


def maak(module: str, activiteiten: Mapping[str, str] | None = None, *, werkmap: Werkmap | None = None) -> VoortgangView:
    return VoortgangView(Voortgang(module, activiteiten, werkmap))


def toon(module: str, activiteiten: Mapping[str, str] | None = None, *, werkmap: Werkmap | None = None) -> None:
    """Show the progress of a module (one line in a notebook)."""
    _ui.toon_widget(lambda: maak(module, activiteiten, werkmap=werkmap))


toon_voortgang = toon


# -- routes -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    id: str
    naam: str
    voor_wie: str
    duur: str
    modules: tuple[str, ...]
    beschikbaar_min: int = 0


ROUTE_NAMEN = {"lerarenopleiding": "Lerarenopleiding", "schoolteam": "Schoolteam", "zelfstudie": "Zelfstudie"}


def routes() -> tuple[Route, ...]:
    """The routes of the facilitator guide (``samenschool.gids.ROUTES``: one source)."""
    from samenschool import gids

    result = []
    for rid, info in gids.ROUTES.items():
        titel = str(info.get("titel", rid))
        result.append(Route(
            id=rid, naam=ROUTE_NAMEN.get(rid, titel.split(":")[0]), voor_wie=str(info.get("publiek", "")),
            duur=titel.split(": ", 1)[1] if ": " in titel else titel,
            modules=tuple(info.get("modules", ())), beschikbaar_min=int(info.get("beschikbaar_min", 0))))
    return tuple(result)


ROUTE_SLEUTEL = "route"


def _module_naam(module_id: str) -> tuple[str, int | None]:
    """Title and minutes from the notebook's metadata; planned modules: title only."""
    try:
        mod = leerpad.module(module_id)
        return mod.titel, mod.totaal_min
    except (KeyError, ValueError, OSError):
        from samenschool.werkboek import MODULE_TITLES

        return MODULE_TITLES.get(module_id, module_id), None


WAAR_LABELS = {"vooraf": "Vooraf, thuis", "sessie": "Samen in de sessie", "nadien": "Nadien, thuis"}


def route_html(route: Route) -> str:
    """The route as the start page shows it: per session what comes before, in and after it."""
    from samenschool import gids

    blokken: list[str] = []
    for sessie in dict.fromkeys(titel for _m, _w, titel in gids.waar(route.id)):
        delen = []
        for soort, label in WAAR_LABELS.items():
            rijen = []
            for mid, waar, titel in gids.waar(route.id):
                if titel != sessie or waar != soort:
                    continue
                naam, minuten = _module_naam(mid)
                tijd = f"{minuten} min" if minuten is not None else "tijd volgt"
                rijen.append(f'<li><a href="{escape(mid)}.ipynb">{escape(naam)}</a> '
                             f'<span class="ss-hulp">({tijd})</span></li>')
            if rijen:
                delen.append(f'<p class="ss-route-waar">{escape(label)}:</p><ul>{"".join(rijen)}</ul>')
        blokken.append(f'<div class="ss-route-sessie"><p><strong>{escape(sessie)}</strong></p>{"".join(delen)}</div>')
    som = (f"Tijd in de sessie: {route.beschikbaar_min} minuten. Het tijdschema in de gids voor begeleiders "
           "zegt welke activiteiten je overslaat als de tijd krap is." if route.beschikbaar_min else "")
    wie = f"{route.voor_wie} " if route.voor_wie else ""
    return (f'<div class="ss-route-uitleg"><p><strong>{escape(route.naam)}: {escape(route.duur)}.</strong> '
            f'{escape(wie)}</p>{"".join(blokken)}<p class="ss-hulp">{escape(som)}</p></div>')


class RouteKeuze:
    def __init__(self, werkmap: Werkmap | None = None, module: str = "00_start"):
        self.module = module
        self.werkmap = _ui.werkmap_of(werkmap)
        saved = self.werkmap.get(module, ROUTE_SLEUTEL)
        self.routes = routes()
        self.route: str | None = saved if saved in {r.id for r in self.routes} else None

    def kies(self, route_id: str | None) -> None:
        if route_id in (None, ""):
            self.werkmap.delete(self.module, ROUTE_SLEUTEL)
            self.route = None
        elif route_id not in {r.id for r in self.routes}:
            raise SamenschoolError(f"'{route_id}' is geen route. Kies: {', '.join(r.naam for r in self.routes)}.")
        else:
            self.werkmap.set(self.module, ROUTE_SLEUTEL, route_id, label="Welke route volg je?")
            self.route = route_id
        _ui.meld_wijziging(self.module)

    def gekozen(self) -> Route | None:
        return next((r for r in self.routes if r.id == self.route), None)

    def html(self) -> str:
        route = self.gekozen()
        if route is None:
            return '<p class="ss-hulp">Kies een route. Je kan later altijd wisselen.</p>'
        return route_html(route)


class RouteView:
    def __init__(self, model: RouteKeuze):
        import ipywidgets as widgets

        self.model = model
        self.keuze = widgets.ToggleButtons(options=[(r.naam, r.id) for r in model.routes], value=model.route,
                                           tooltips=[f"{r.naam}: {r.duur}" for r in model.routes],
                                           style={"button_width": "12em"})
        self.keuze.add_class("ss-route-knoppen")
        self.keuze.observe(self._kies, names="value")
        self.uitleg = widgets.HTML(model.html())
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.widget = widgets.VBox([self.keuze, self.uitleg, self.status])
        self.widget.add_class("ss-route")

    @_ui.veilig()
    def _kies(self, change) -> None:
        self.model.kies(change["new"])
        self.uitleg.value = self.model.html()
        self.status.value = _ui.bewaard_html()


def alle_routes_html(lijst: Sequence[Route] | None = None) -> str:
    return "".join(route_html(r) for r in (routes() if lijst is None else lijst))


def toon_route(*, werkmap: Werkmap | None = None) -> None:
    """The route choice on the start page (saved in the werkmap)."""
    _ui.toon_widget(lambda: RouteView(RouteKeuze(werkmap)))


def toon_routes() -> None:
    """All routes with their modules and times (read-only overview)."""
    from IPython.display import HTML, display

    try:
        display(HTML(alle_routes_html()))
    except Exception as exc:
        display(HTML(_ui.melding_html(_ui.fout_tekst(exc), "let_op")))


# -- where answers live (start page, privacy) ---------------------------------------------
def werkmap_html(werkmap: Werkmap | None = None) -> str:
    """Where the answers are saved, and how to export or wipe them (Dutch, escaped)."""
    wm = _ui.werkmap_of(werkmap)
    modules = wm.modules()
    stand = (f"Er staan nu antwoorden van {len(modules)} module{'s' if len(modules) != 1 else ''} in."
             if modules else "Er staat nog niets in.")
    return (f'<div class="ss-werkmap"><p>Je antwoorden staan in deze map op deze computer:<br>'
            f'<code>{escape(str(wm.folder))}</code></p><p>{escape(stand)}</p>'
            '<p>Alles in één werkboek (om af te drukken of in te dienen):<br>'
            '<code>samenschool werkmap export --uit werkboek.html</code></p>'
            '<p>Alles wissen:<br><code>samenschool werkmap wis</code></p></div>'
            + _ui.werkmap_meldingen_html(wm))


def toon_werkmap(*, werkmap: Werkmap | None = None) -> None:
    """Show where the answers are saved (start page)."""
    from IPython.display import HTML, display

    try:
        display(HTML(werkmap_html(werkmap)))
    except Exception as exc:
        display(HTML(_ui.melding_html(_ui.fout_tekst(exc), "let_op")))
