"""Progress of a module ("2 van 4 activiteiten gedaan"), the route choice and the learner's
werkmap (download the werkboek, wipe everything) on the start page.

An activity counts as done when the werkmap holds an answer under its key, or under a key
that starts with ``<key>.`` (e.g. ``sorteer.c012``). A key that ends in ``*`` matches every
key with that start (e.g. ``drempel_kiezen_*``). The indicator updates itself whenever an
answer is saved in the same page (the change signal in ``_ui``).

Notebook: ``voortgang.toon("01_gelijke_kansen")``, ``voortgang.toon_route()``,
``voortgang.toon_werkmap()``.
"""

from __future__ import annotations

import base64
import datetime as _dt
from dataclasses import dataclass
from html import escape
from typing import Mapping, Sequence

from samenschool import leerpad
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui

# Activities per module: werkmap key (or prefix ending in *) -> name as the learner sees it.
ACTIVITEITEN: dict[str, dict[str, str]] = {
    "00_start": {"route": "Kies je route", "verwachting": "Wat wil je leren?"},
    "01_gelijke_kansen": {"scenario": "Scenariokaarten", "sorteer": "Citaten sorteren",
                          "reflectie": "Reflectie"},
    "02_partnerschap": {"plaatsing": "Waar staat jouw school?", "waarden_weging": "Waarden wegen",
                        "impact": "Impactverhalen", "reflectie": "Reflectie"},
    "03_drempels": {"drempel_kiezen_*": "Welke drempel zie je?", "perspectief_*": "Wissel van perspectief",
                    "teamkaart": "Onze teamkaart", "wat_neem_je_mee": "Reflectie"},
    "04_vertelgesprek": {"plan_*": "Plan je vertelgesprek", "wat_neem_je_mee": "Reflectie"},
    "05_heldere_taal": {"eigen_brief_*": "Probeer de brief-editor", "herschrijf_na": "Herschrijf een uitnodiging",
                        "checklist_brief": "Checklist voor een brief"},
}


def _leeg(value) -> bool:
    if value in (None, "", {}, []):
        return True
    # e.g. the team map before anyone is added: {"leden": {}}
    return isinstance(value, dict) and all(v in (None, "", {}, []) for v in value.values())


def past(activiteit: str, key: str) -> bool:
    """Does werkmap ``key`` belong to ``activiteit`` (a key, or a prefix ending in ``*``)?"""
    if activiteit.endswith("*"):
        return key.startswith(activiteit[:-1])
    return key == activiteit or key.startswith(activiteit + ".")


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
        keys = [k for k, v in self.werkmap.load(self.module).items() if not _leeg(v)]
        return {a: any(past(a, k) for k in keys) for a in self.activiteiten}

    @property
    def aantal_gedaan(self) -> int:
        return sum(self.status().values())

    def tekst(self, status: Mapping[str, bool] | None = None) -> str:
        status = self.status() if status is None else status
        gedaan, totaal = sum(status.values()), len(self.activiteiten)
        if gedaan == totaal:
            return "Je deed alle activiteiten. Goed bezig!"
        return f"{gedaan} van {totaal} activiteiten gedaan"

    def html(self, status: Mapping[str, bool] | None = None) -> str:
        status = self.status() if status is None else status
        items = "".join(
            f'<li class="{"ss-gedaan" if klaar else "ss-open"}">{"✓" if klaar else "○"} {escape(self.activiteiten[a])}</li>'
            for a, klaar in status.items())
        return (f'<p class="ss-voortgang-tekst">{escape(self.tekst(status))}</p>'
                f'<ul class="ss-voortgang-lijst">{items}</ul>')


class VoortgangView:
    """Progress bar and list; updates itself when an answer of the module is saved."""

    def __init__(self, model: Voortgang):
        import ipywidgets as widgets

        self.model = model
        status = model.status()
        self.balk = widgets.IntProgress(min=0, max=len(model.activiteiten), value=sum(status.values()),
                                        description="Voortgang:", style={"description_width": "initial"},
                                        layout=widgets.Layout(width="24em", max_width="100%"))
        self.tekst = widgets.HTML(model.html(status))
        self.widget = widgets.VBox([self.balk, self.tekst])
        self.widget.add_class("ss-voortgang")
        _ui.luister(model.module, self.vernieuw)

    def vernieuw(self) -> None:
        try:
            status = self.model.status()
            self.balk.value = sum(status.values())
            self.tekst.value = self.model.html(status)
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




def routes() -> tuple[Route, ...]:
    """The routes of the facilitator guide (``samenschool.gids.ROUTES``: one source)."""
    from samenschool import gids

    result = []
    for rid, info in gids.ROUTES.items():
        titel = str(info.get("titel", rid))
        result.append(Route(
            id=rid, naam=gids.route_naam(rid), voor_wie=str(info.get("publiek", "")),
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
ALLEEN = {"zelfstudie"}  # routes without a session or a facilitator: the learner works alone
ALLEEN_LABELS = {"vooraf": "Eerst", "sessie": "Zo werk je", "nadien": "Daarna"}


def route_minuten(route: Route) -> int:
    """Minutes the modules of a route take together (from the notebooks' metadata)."""
    return sum(m for m in (_module_naam(mid)[1] for mid in dict.fromkeys(route.modules)) if m)


def route_html(route: Route) -> str:
    """The route as the start page shows it: per session what comes before, in and after it.
    A route for working alone has no session: it says how you work and how long it takes."""
    from samenschool import gids

    alleen = route.id in ALLEEN
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
        som = f"Je hebt ongeveer {route_minuten(route)} minuten nodig. Je kan stoppen en later verder doen."
    elif route.beschikbaar_min:
        som = (f"In totaal {route.beschikbaar_min} minuten, met pauze en bespreking. Het tijdschema in de gids "
               "voor begeleiders geeft de volledige planning, ook een oefening of wat je overslaat als de tijd "
               "krap is.")
    else:
        som = ""
    wie = f"{route.voor_wie} " if route.voor_wie else ""
    return (f'<div class="ss-route-uitleg"><p><strong>{escape(route.naam)}: {escape(route.duur)}.</strong> '
            f'{escape(wie)}</p>{"".join(blokken)}<p class="ss-hulp">{escape(som)}</p></div>')


def eerste_pagina(route: Route, na: str = "00_start") -> str | None:
    """The first page of the route after ``na`` (the start page)."""
    from samenschool import gids

    volgorde = list(dict.fromkeys(mid for mid, _w, _s in gids.waar(route.id)))
    rest = volgorde[volgorde.index(na) + 1:] if na in volgorde else volgorde
    return rest[0] if rest else None


class RouteKeuze:
    """The learner's route, saved in the werkmap: module ``00_start``, key ``route``
    (``pagina.navigatie_html`` reads it for "Volgende")."""

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


# -- where answers live (start page, privacy): download the werkboek, wipe everything ------
WAAR_BEWAARD = "Je antwoorden blijven op deze computer, in een map van de kit."
WERKBOEK_BESTAND = "werkboek.html"
WIS_VRAAG = "Weet je het zeker? Dit kan je niet ongedaan maken."
GEWIST = "Alles is gewist."


class WerkmapBeheer:
    """The learner's own werkmap on the start page: how much is in it, the werkboek as a
    download link (no kernel needed for the download itself), and wiping in two steps."""

    def __init__(self, werkmap: Werkmap | None = None):
        self.werkmap = _ui.werkmap_of(werkmap)
        self.wil_wissen = False

    def stand(self) -> str:
        modules = self.werkmap.modules()
        if not modules:
            return "Er staat nog niets in."
        return f"Er staan nu antwoorden van {len(modules)} module{'s' if len(modules) != 1 else ''} in."

    def uitleg_html(self) -> str:
        return f'<p class="ss-werkmap-stand">{escape(WAAR_BEWAARD)} {escape(self.stand())}</p>'

    def werkboek(self) -> str:
        from samenschool import werkboek

        return werkboek.to_html(self.werkmap)

    def download_html(self, moment: _dt.datetime | None = None) -> str:
        """A link that downloads the werkboek as it is now (the file is inside the link)."""
        moment = moment or _dt.datetime.now()
        data = base64.b64encode(self.werkboek().encode("utf-8")).decode("ascii")
        return (f'<a class="ss-download-knop" download="{WERKBOEK_BESTAND}" '
                f'href="data:text/html;charset=utf-8;base64,{data}">Download mijn werkboek</a> '
                f'<span class="ss-hulp">Gemaakt om {moment:%H:%M}. Open het bestand om het te lezen, '
                'af te drukken of in te dienen.</span>')

    def vraag_wissen(self) -> str:
        """First step of wiping: only ask."""
        self.wil_wissen = True
        return WIS_VRAAG

    def annuleer(self) -> None:
        self.wil_wissen = False

    def wis(self) -> int:
        """Second step: wipe every answer. Refuses unless :meth:`vraag_wissen` came first."""
        if not self.wil_wissen:
            raise SamenschoolError("Klik eerst op 'Wis al mijn antwoorden'. Daarna vraagt de kit of je het zeker weet.")
        self.wil_wissen = False
        aantal = self.werkmap.wis()
        _ui.meld_wijziging(None)
        return aantal

    def begeleider_html(self) -> str:
        """The folder and the commands, folded away for the facilitator."""
        return ('<details class="ss-begeleider"><summary>Voor de begeleider</summary>'
                f'<p>De map met de antwoorden: <code>{escape(str(self.werkmap.folder))}</code></p>'
                '<p>In een terminal: <code>samenschool werkmap export --uit werkboek.html</code> maakt het '
                'werkboek, <code>samenschool werkmap wis</code> wist alles.</p></details>')


def werkmap_html(werkmap: Werkmap | None = None) -> str:
    """Where the answers are saved, in one plain sentence (the start page's werkmap block
    adds the buttons; this text is for places without widgets)."""
    model = WerkmapBeheer(werkmap)
    return model.uitleg_html() + model.begeleider_html() + _ui.werkmap_meldingen_html(model.werkmap)


def _rustig_html(tekst: str) -> str:
    """A calm status line (like "Bewaard ✓"), not a warning."""
    return f'<p class="ss-bewaard" role="status">{escape(tekst)}</p>'


class WerkmapView:
    def __init__(self, model: WerkmapBeheer):
        import ipywidgets as widgets

        self.model = model
        self.uitleg = widgets.HTML(model.uitleg_html())
        self.knop_werkboek = _ui.knop("Maak mijn werkboek", "ss-knop-werkboek", "primary")
        self.knop_werkboek.on_click(self._maak_werkboek)
        self.download = widgets.HTML("")
        self.download.add_class("ss-werkboek-link")
        self.knop_wis = _ui.knop("Wis al mijn antwoorden", "ss-knop-wis")
        self.knop_wis.on_click(self._vraag_wissen)
        self.vraag = widgets.HTML("")
        self.knop_ja = _ui.knop("Ja, wis alles", "ss-knop-wis-ja", "danger")
        self.knop_nee = _ui.knop("Nee, niets wissen", "ss-knop-wis-nee")
        self.knop_ja.on_click(self._wis)
        self.knop_nee.on_click(self._annuleer)
        self.bevestig = widgets.VBox([self.vraag, widgets.HBox([self.knop_ja, self.knop_nee])])
        self.bevestig.add_class("ss-wis-bevestig")
        self.bevestig.layout.display = "none"
        self.status = widgets.HTML(_ui.werkmap_meldingen_html(model.werkmap))
        self.begeleider = widgets.HTML(model.begeleider_html())
        for knop in (self.knop_werkboek, self.knop_wis, self.knop_ja, self.knop_nee):
            knop.layout.flex = "0 0 auto"  # never squeezed or stretched: the whole label stays readable
        werkboek_rij, wis_rij = widgets.HBox([self.knop_werkboek]), widgets.HBox([self.knop_wis])
        werkboek_rij.add_class("ss-knoppen")
        wis_rij.add_class("ss-knoppen")
        wis_rij.layout.margin = "1.2em 0 0 0"  # wiping stands apart from the werkboek
        self.widget = widgets.VBox([self.uitleg, werkboek_rij, self.download, wis_rij, self.bevestig,
                                    self.status, self.begeleider])
        self.widget.add_class("ss-werkmap")
        _ui.luister(_ui.ALLE, self.vernieuw)

    def vernieuw(self) -> None:
        try:
            self.uitleg.value = self.model.uitleg_html()
            if self.download.value:  # keep an open download link current
                self.download.value = self.model.download_html()
        except Exception as exc:
            self.status.value = _ui.melding_html(_ui.fout_tekst(exc), "let_op")

    @_ui.veilig()
    def _maak_werkboek(self, _button=None) -> None:
        self.download.value = self.model.download_html()
        self.status.value = ""

    @_ui.veilig()
    def _vraag_wissen(self, _button=None) -> None:
        self.vraag.value = f'<p class="ss-vraag ss-wis-vraag">{escape(self.model.vraag_wissen())}</p>'
        self.bevestig.layout.display = "flex"
        self.status.value = ""

    @_ui.veilig()
    def _annuleer(self, _button=None) -> None:
        self.model.annuleer()
        self.bevestig.layout.display = "none"
        self.status.value = _rustig_html("Er is niets gewist.")

    @_ui.veilig()
    def _wis(self, _button=None) -> None:
        self.model.wis()
        self.bevestig.layout.display = "none"
        self.download.value = ""
        self.uitleg.value = self.model.uitleg_html()
        self.status.value = _rustig_html(f"{GEWIST} Laad de pagina opnieuw, dan zijn ook de vakken hierboven leeg.")


def toon_werkmap(*, werkmap: Werkmap | None = None) -> None:
    """Where the answers are saved, with "Maak mijn werkboek" and "Wis al mijn antwoorden"."""
    _ui.toon_widget(lambda: WerkmapView(WerkmapBeheer(werkmap)))
