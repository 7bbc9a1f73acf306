"""Building blocks every page uses: a quote with its source, the time box, navigation.

Functions return HTML strings (escaped) so tests can read them; the page object
(``widgets.module``) displays them. Nothing runs on import.
"""

from __future__ import annotations

from html import escape

from samenschool import citaat, leerpad

def citaat_html(citaat_id: str) -> str:
    """A quote from datasets/citaten.csv by id, as every page shows it (samenschool.citaat)."""
    return citaat.html(citaat.rij(citaat_id))


def tijd_html(module_id: str) -> str:
    mod = leerpad.module(module_id)
    return (
        f'<p class="ss-tijd">Tijd: ongeveer <strong>{mod.totaal_min} minuten</strong> '
        f"({mod.uitleg_min} min uitleg, {mod.activiteit_min} min activiteiten).</p>"
    )


def modules_html() -> str:
    """Every module (and extra page) with a link and its time, from the notebooks' metadata."""
    items = "".join(f'<li><a href="{escape(m.bestand)}">{escape(m.titel)}</a> '
                    f'<span class="ss-hulp">(ongeveer {m.totaal_min} minuten)</span></li>' for m in leerpad.modules())
    extra = "".join(f'<li><a href="{escape(m.bestand)}">{escape(m.titel)}</a></li>' for m in leerpad.extra_paginas())
    return (f'<ol class="ss-modules" start="0">{items}</ol>'
            + (f'<p>Daarnaast:</p><ul class="ss-extra-paginas">{extra}</ul>' if extra else ""))


def oefeningen_html() -> str:
    """Every exercise (learner version) with a link and its time, from its metadata."""
    items = "".join(f'<li><a href="../exercises/{escape(o.bestand)}">{escape(o.titel)}</a> '
                    f'<span class="ss-hulp">(ongeveer {o.totaal_min} minuten)</span></li>'
                    for o in leerpad.oefeningen())
    return f'<ul class="ss-oefeningen">{items}</ul>'


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
    """Previous / start / next. With a chosen route whose next page differs from the next
    module, the route's page is the main "Volgende" and the next module a small link."""
    vorige, volgende = leerpad.buren(module_id)
    route_id = route_id if route_id is not None else _gekozen_route()
    in_route = volgende_in_route(module_id, route_id)
    if in_route and volgende is not None and in_route == volgende.id:
        in_route = None  # the route goes where the module order goes: one button is enough
    parts = ['<nav class="ss-nav" aria-label="Navigatie tussen de modules">']
    if vorige:
        parts.append(f'<a class="ss-nav-vorige" href="{escape(vorige.bestand)}">← Vorige: {escape(vorige.titel)}</a>')
    if module_id != ROUTE_MODULE:
        parts.append('<a class="ss-nav-start" href="00_start.ipynb">Startpagina</a>')
    if in_route:
        try:
            titel = leerpad.module(in_route).titel
        except KeyError:
            titel = in_route
        from samenschool import gids

        naam = gids.route_naam(route_id)
        parts.append(f'<a class="ss-nav-volgende ss-nav-route" href="{escape(in_route)}.ipynb">'
                     f'Volgende in je route ({escape(naam)}): {escape(titel)} →</a>')
    elif volgende:
        parts.append(f'<a class="ss-nav-volgende" href="{escape(volgende.bestand)}">Volgende: {escape(volgende.titel)} →</a>')
    parts.append("</nav>")
    if in_route and volgende:
        parts.append(f'<p class="ss-nav-anders">Of ga naar de volgende module in de kit: '
                     f'<a href="{escape(volgende.bestand)}">{escape(volgende.titel)}</a>.</p>')
    extra = [m for m in leerpad.extra_paginas() if m.id != module_id]
    if extra:
        links = ", ".join(f'<a href="{escape(m.bestand)}">{escape(m.titel)}</a>' for m in extra)
        parts.append(f'<p class="ss-nav-extra">Ook in de kit: {links}.</p>')
    return "".join(parts)
