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
    rows = data.citaten()
    match = rows[rows["id"] == citaat_id]
    if match.empty:
        raise KeyError(f"Citaat {citaat_id} bestaat niet in datasets/citaten.csv")
    row = match.iloc[0]
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


def navigatie_html(module_id: str) -> str:
    vorige, volgende = leerpad.buren(module_id)
    parts = ['<nav class="ss-nav" aria-label="Navigatie tussen de modules">']
    if vorige:
        parts.append(f'<a class="ss-nav-vorige" href="{escape(vorige.bestand)}">← Vorige: {escape(vorige.titel)}</a>')
    parts.append('<a class="ss-nav-start" href="00_start.ipynb">Startpagina</a>')
    if volgende:
        parts.append(f'<a class="ss-nav-volgende" href="{escape(volgende.bestand)}">Volgende: {escape(volgende.titel)} →</a>')
    parts.append("</nav>")
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
