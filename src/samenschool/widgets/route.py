"""The routes through the kit (lerarenopleiding, schoolteam, zelfstudie) as the start page
shows them, and the learner's route choice (saved in the werkmap).

Notebook: ``pagina.routes()`` (overview) and ``pagina.route("route")`` (the choice).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Sequence

from samenschool import leerpad
from samenschool.antwoord import Antwoord
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

@dataclass(frozen=True)
class Route:
    id: str
    naam: str
    voor_wie: str
    duur: str
    modules: tuple[str, ...]
    beschikbaar_min: int = 0
    alleen: bool = False  # a route for working alone: no session, no facilitator


def routes() -> tuple[Route, ...]:
    """The routes of the facilitator guide (datasets/routes*.csv, read by ``samenschool.gids``)."""
    from samenschool import gids

    result = []
    for rid, info in gids.routes_info().items():
        titel = str(info["titel"])
        result.append(Route(
            id=rid, naam=str(info["naam"]), voor_wie=str(info.get("publiek", "")),
            duur=titel.split(": ", 1)[1] if ": " in titel else titel,
            modules=tuple(info.get("modules", ())), beschikbaar_min=int(info.get("beschikbaar_min", 0)),
            alleen=bool(info.get("alleen"))))
    return tuple(result)


ROUTE_MODULE, ROUTE_SLEUTEL = "00_start", "route"


def _module_naam(module_id: str) -> tuple[str, int | None]:
    """Title and minutes from the notebook's metadata; planned modules: title only."""
    try:
        mod = leerpad.module(module_id)
        return mod.titel, mod.totaal_min
    except (KeyError, ValueError, OSError, SamenschoolError):
        return module_id, None


WAAR_LABELS = {"vooraf": "Vooraf, thuis", "sessie": "Samen in de sessie", "nadien": "Nadien, thuis"}
ALLEEN_LABELS = {"vooraf": "Eerst", "sessie": "Zo werk je", "nadien": "Daarna"}


def route_minuten(route: Route) -> int:
    """Minutes the modules of a route take together (from the notebooks' metadata)."""
    return sum(m for m in (_module_naam(mid)[1] for mid in dict.fromkeys(route.modules)) if m)


def route_html(route: Route) -> str:
    """The route as the start page shows it: per session what comes before, in and after it.
    A route for working alone has no session: it says how you work and how long it takes."""
    from samenschool import gids

    alleen = route.alleen
    labels = ALLEEN_LABELS if alleen else WAAR_LABELS
    plaatsen = gids.waar(route.id)
    sessietitels = list(dict.fromkeys(titel for _m, _w, titel in plaatsen))
    blokken: list[str] = []
    for sessie in sessietitels:
        delen = []
        for soort, label in labels.items():
            rijen = []
            for mid, waar, titel in plaatsen:
                if titel != sessie or waar != soort:
                    continue
                naam, minuten = _module_naam(mid)
                tijd = f"{minuten} min" if minuten is not None else "tijd volgt"
                rijen.append(f'<li><a href="{escape(mid)}.ipynb">{escape(naam)}</a> '
                             f'<span class="ss-hulp">({tijd})</span></li>')
            if rijen:
                delen.append(f'<p class="ss-route-waar">{escape(label)}:</p><ul>{"".join(rijen)}</ul>')
        kop = "" if alleen and len(sessietitels) == 1 else f"<p><strong>{escape(sessie)}</strong></p>"
        blokken.append(f'<div class="ss-route-sessie">{kop}{"".join(delen)}</div>')
    if alleen:
        som = escape(f"Je hebt ongeveer {route_minuten(route)} minuten nodig. Je kan stoppen en later verder doen.")
    elif route.beschikbaar_min:
        from samenschool import handleiding  # the schedule is a section of the guide page (issue 13)

        schema = f"{handleiding.GIDS_PAGINA}#{handleiding.anker(f'tijdschema_{route.id}.md')}"
        som = (escape(f"In totaal {route.beschikbaar_min} minuten, met pauze en bespreking. ")
               + f'<a href="{escape(schema)}">Het tijdschema in de gids voor begeleiders</a>'
               + escape(" geeft de volledige planning, ook een oefening of wat je overslaat als de tijd krap is."))
    else:
        som = ""
    wie = f"{route.voor_wie} " if route.voor_wie else ""
    return (f'<div class="ss-route-uitleg"><p><strong>{escape(route.naam)}: {escape(route.duur)}.</strong> '
            f'{escape(wie)}</p>{"".join(blokken)}<p class="ss-hulp">{som}</p></div>')


def eerste_pagina(route: Route, na: str = "00_start") -> str | None:
    """The first page of the route after ``na`` (the start page)."""
    from samenschool import gids

    volgorde = list(dict.fromkeys(mid for mid, _w, _s in gids.waar(route.id)))
    rest = volgorde[volgorde.index(na) + 1:] if na in volgorde else volgorde
    return rest[0] if rest else None


VRAAG = "Welke route volg je?"


class RouteKeuze:
    """The learner's route, saved in the werkmap: module ``00_start``, key ``route``
    (``pagina.navigatie_html`` reads it for "Volgende")."""

    def __init__(self, werkmap: Werkmap | None = None, module: str = ROUTE_MODULE, sleutel: str = ROUTE_SLEUTEL):
        self.module, self.sleutel = module, sleutel
        self.werkmap = _ui.werkmap_of(werkmap)
        saved = self.werkmap.get(module, sleutel)
        self.routes = routes()
        self.route: str | None = saved if isinstance(saved, str) and saved in {r.id for r in self.routes} else None

    def kies(self, route_id: str | None) -> None:
        if route_id in (None, ""):
            self.werkmap.delete(self.module, self.sleutel)
            self.route = None
        elif route_id not in {r.id for r in self.routes}:
            raise SamenschoolError(f"'{route_id}' is geen route. Kies: {', '.join(r.naam for r in self.routes)}.")
        else:
            route = next(r for r in self.routes if r.id == route_id)
            self.werkmap.bewaar(self.module, Antwoord.nieuw(self.module, self.sleutel, route_id, vraag=VRAAG,
                                                            tekst=f"{route.naam}: {route.duur}"))
            self.route = route_id

    def gekozen(self) -> Route | None:
        return next((r for r in self.routes if r.id == self.route), None)

    def html(self) -> str:
        """One line: the chosen route and the page to open next (the routes stand above it)."""
        route = self.gekozen()
        if route is None:
            return '<p class="ss-hulp">Kies een route. Je kan later altijd wisselen.</p>'
        regel = f'<strong>Je koos: {escape(route.naam)} ✓</strong>'
        eerste = eerste_pagina(route)
        if eerste:
            naam, _min = _module_naam(eerste)
            regel += (f' Na deze pagina open je <a href="{escape(eerste)}.ipynb">{escape(naam)}</a>. '
                      "Onderaan elke pagina staat een knop naar de volgende stap.")
        return f'<p class="ss-route-gekozen">{regel}</p>'


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


def maak(werkmap: Werkmap | None = None, *, module: str = ROUTE_MODULE, sleutel: str = ROUTE_SLEUTEL) -> RouteView:
    """The route choice on the start page (saved in the werkmap)."""
    return RouteView(RouteKeuze(werkmap, module, sleutel))
