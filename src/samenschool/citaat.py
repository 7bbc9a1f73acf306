"""A parents' (or focus group's) quote as every page, exercise, document and werkboek shows it:
verbatim from ``datasets/citaten.csv``, who said it, and the source. One renderer, many formats.
"""

from __future__ import annotations

from html import escape

BRON = "Recht-Op vzw, rapport over partnerschap tussen ouders en school (oudergroep en focusgroep, 2019-2020)"
BRON_KORT = "rapport Recht-Op vzw"
SPREKERS = {
    "ouder": "Een ouder uit de oudergroep van Recht-Op",
    "oudergroep": "De oudergroep van Recht-Op",
    "focusgroep": "Een deelnemer aan de focusgroep (scholen, stad en partners, februari 2020)",
}
ZO_IN_HET_RAPPORT = " De schrijfwijze is die van het rapport."


def rij(citaat_id: str):
    """The row of ``citaat_id`` in datasets/citaten.csv (a Dutch error for an unknown id)."""
    from samenschool import data

    return data.kies(data.citaten(), [citaat_id]).iloc[0]


def wie(rij) -> str:
    spreker = rij.get("spreker", "") or ""
    return SPREKERS.get(spreker, spreker or SPREKERS["oudergroep"])


def _zo(rij) -> str:
    # a spelling slip kept verbatim (noted in the data): say so, so readers don't blame the kit
    return ZO_IN_HET_RAPPORT if "zo in het rapport" in (rij.get("opmerking", "") or "") else ""


def html(rij) -> str:
    """A quote as a figure: verbatim, who said it, the source. ``rij``: a row (Series or dict)."""
    return (
        f'<figure class="ss-citaat" data-citaat="{escape(str(rij["id"]))}">'
        f'<blockquote>“{escape(str(rij["tekst"]))}”</blockquote>'
        f'<figcaption>{escape(wie(rij))}. Bron: {escape(BRON)}.{escape(_zo(rij))}</figcaption></figure>'
    )


def markdown(rij) -> str:
    """A quote as a Markdown block quote (model answers, handouts)."""
    return f"> “{rij['tekst']}”\n>\n> — {wie(rij)} ({rij['id']}). Bron: {BRON}.{_zo(rij)}"


def zin(rij) -> str:
    """A quote inside a sentence of advice: who says it, verbatim, the source."""
    if rij.get("spreker") == "focusgroep":
        voorloper = "Tip uit de focusgroep" if rij.get("sectie") == "focusgroep_tips" else "Iemand uit de focusgroep zegt"
    else:
        voorloper = "Een ouder zegt"
    return f"{voorloper}: “{rij['tekst']}” ({rij['id']}, {BRON_KORT})"


def kort(tekst: str, max_tekens: int = 60) -> str:
    """The first words of a quote in quote marks, for a question label ("“Ik kan …”")."""
    tekst = str(tekst).strip()
    if len(tekst) <= max_tekens:
        return f"“{tekst}”"
    return "“" + tekst[: max_tekens - 3].rsplit(" ", 1)[0] + " …”"
