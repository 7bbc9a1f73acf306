"""Building blocks every page uses: a quote with its source, the time box, navigation.

Functions return HTML strings (escaped) so tests can read them; ``toon_*`` helpers display
them in a notebook. Nothing runs on import.
"""

from __future__ import annotations

from html import escape

from samenschool import data, leerpad

BRON = "Recht-Op vzw, rapport over partnerschap tussen ouders en school (oudergroep en focusgroep, 2019-2020)"
SPREKERS = {
    "ouder": "Een ouder uit de oudergroep van Recht-Op",
    "oudergroep": "De oudergroep van Recht-Op",
    "focusgroep": "Een deelnemer aan de focusgroep (scholen, stad en partners, februari 2020)",
}


def citaat_html(citaat_id: str) -> str:
    """A quote from datasets/citaten.csv, verbatim, with who said it and the source."""
    row = data.kies(data.citaten(), [citaat_id]).iloc[0]
    wie = SPREKERS.get(row["spreker"], row["spreker"])
    return (
        f'<figure class="ss-citaat" data-citaat="{escape(citaat_id)}">'
        f'<blockquote>“{escape(row["tekst"])}”</blockquote>'
        f'<figcaption>{escape(wie)}. Bron: {escape(BRON)}.</figcaption></figure>'
    )


def tijd_html(module_id: str) -> str:
    mod = leerpad.module(module_id)
    return (
        f'<p class="ss-tijd">Tijd: ongeveer <strong>{mod.totaal_min} minuten</strong> '
        f"({mod.uitleg_min} min uitleg, {mod.activiteit_min} min activiteiten).</p>"
    )


ROUTE_MODULE, ROUTE_SLEUTEL = "00_start", "route"  # where the start page saves the chosen route


def volgende_in_route(module_id: str, route_id: str | None) -> str | None:
    """The next page of the chosen route after ``module_id`` (None: no route, or route done)."""
    if not route_id:
        return None
    from samenschool import gids

    try:
        order = [mid for mid, _waar, _sessie in gids.waar(route_id)]
    except Exception:  # an unknown or outdated route in an old werkmap: ignore it
        return None
    order = list(dict.fromkeys(order))
    if module_id not in order:
        return order[0] if module_id == ROUTE_MODULE and order else None
    i = order.index(module_id)
    return order[i + 1] if i + 1 < len(order) else None


def _gekozen_route() -> str | None:
    from samenschool.werkmap import Werkmap

    try:
        return Werkmap.default().get(ROUTE_MODULE, ROUTE_SLEUTEL)
    except Exception:
        return None


def navigatie_html(module_id: str, route_id: str | None = None) -> str:
    """Previous / start / next, and the next page of the learner's chosen route if it differs."""
    vorige, volgende = leerpad.buren(module_id)
    parts = ['<nav class="ss-nav" aria-label="Navigatie tussen de modules">']
    if vorige:
        parts.append(f'<a class="ss-nav-vorige" href="{escape(vorige.bestand)}">← Vorige: {escape(vorige.titel)}</a>')
    parts.append('<a class="ss-nav-start" href="00_start.ipynb">Startpagina</a>')
    if volgende:
        parts.append(f'<a class="ss-nav-volgende" href="{escape(volgende.bestand)}">Volgende: {escape(volgende.titel)} →</a>')
    parts.append("</nav>")
    route_id = route_id if route_id is not None else _gekozen_route()
    in_route = volgende_in_route(module_id, route_id)
    if in_route and (volgende is None or in_route != volgende.id):
        try:
            titel = leerpad.module(in_route).titel
        except KeyError:
            titel = in_route
        naam = {"lerarenopleiding": "Lerarenopleiding", "schoolteam": "Schoolteam",
                "zelfstudie": "Zelfstudie"}.get(route_id, route_id)
        parts.append(f'<p class="ss-nav-route">Je volgt de route <strong>{escape(naam)}</strong>. '
                     f'Daarin komt nu: <a class="ss-download-knop" href="{escape(in_route)}.ipynb">'
                     f'{escape(titel)} →</a></p>')
    return "".join(parts)


def _display(html: str) -> None:
    from IPython.display import HTML, display

    display(HTML(html))


def toon_citaat(*citaat_ids: str) -> None:
    _display("".join(citaat_html(c) for c in citaat_ids))


def toon_tijd(module_id: str) -> None:
    _display(tijd_html(module_id))


def toon_navigatie(module_id: str) -> None:
    _display(navigatie_html(module_id))
