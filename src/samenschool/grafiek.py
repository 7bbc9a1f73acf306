"""One chart style for the whole kit.

- Colours: the Okabe-Ito palette (safe for colour-blind readers), in a fixed order.
- Sizes for a projector: labels at least 14 pt, titles 18 pt.
- Dutch labels, no chart junk: no grid, no top/right frame, values written on the bars.
- Every chart function returns ``(fig, tekstalternatief)``: the figure and a Dutch text
  that says the same in words, in plain sentences written from the data ("Je koos 2 keer
  Betaalbaarheid, de oudergroep 1 keer."), never a description of the drawing. Show that
  text under the chart (:func:`figuur_html` does).

Figures are made with ``matplotlib.figure.Figure`` (no pyplot), so nothing global changes
and nothing is drawn until a function is called.
"""

from __future__ import annotations

import base64
import io
from html import escape
from typing import Mapping

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib loads only when a chart is drawn (~0.4 s of a page's start)
    from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design". Black last: for text and outlines.
OKABE_ITO = {
    "oranje": "#E69F00",
    "hemelsblauw": "#56B4E9",
    "blauwgroen": "#009E73",
    "geel": "#F0E442",
    "blauw": "#0072B2",
    "vermiljoen": "#D55E00",
    "roodpaars": "#CC79A7",
    "zwart": "#000000",
}
PALET = list(OKABE_ITO.values())
# Order for data series: strong contrasts first, yellow late (weak on white).
REEKS_KLEUREN = [OKABE_ITO[k] for k in ("blauw", "oranje", "blauwgroen", "vermiljoen", "roodpaars",
                                         "hemelsblauw", "geel")]
ARCERING = ["", "//", "..", "xx", "\\\\", "++", "oo"]  # a second cue beside colour

LETTER = 14      # ticks, legend, value labels
AS_LETTER = 16   # axis labels
TITEL_LETTER = 18

STIJL = {
    "font.size": LETTER,
    "axes.labelsize": AS_LETTER,
    "axes.titlesize": TITEL_LETTER,
    "xtick.labelsize": LETTER,
    "ytick.labelsize": LETTER,
    "legend.fontsize": LETTER,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.dpi": 100,
}


def getal(x: float) -> str:
    """A number the Flemish way: 3, 2,5 (decimal comma)."""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.1f}".replace(".", ",")


def _lijst(delen: list[str]) -> str:
    if not delen:
        return ""
    if len(delen) == 1:
        return delen[0]
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def _nieuwe_figuur(breedte: float, hoogte: float) -> Figure:
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(STIJL):
        fig = Figure(figsize=(breedte, hoogte), layout="constrained")
        fig.add_subplot()
    return fig


def _hele_getallen(ax, waarden) -> None:
    from matplotlib.ticker import MaxNLocator

    if all(float(v).is_integer() for v in waarden):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _stijl_as(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=LETTER)
    ax.grid(False)


def staven(waarden: Mapping[str, float], *, as_label: str, titel: str = "", kleur: str | None = None,
           maximum: float | None = None, eenheid: str = "", tekst: str | None = None) -> tuple[Figure, str]:
    """Horizontal bars, one per category (in the given order, top to bottom).

    ``tekst``: the text alternative in the caller's own words; else one plain sentence
    from the data ("Bedrag: Lager 85,5 euro en Kleuter 45 euro.")."""
    cats = list(waarden)
    vals = [float(waarden[c]) for c in cats]
    fig = _nieuwe_figuur(10, 1.2 + 0.7 * max(len(cats), 1))
    ax = fig.axes[0]
    _stijl_as(ax)
    ypos = list(range(len(cats)))[::-1]
    bars = ax.barh(ypos, vals, color=kleur or REEKS_KLEUREN[0], height=0.6)
    for bar, v in zip(bars, vals):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {getal(v)}",
                va="center", ha="left", fontsize=LETTER)
    ax.set_yticks(ypos, cats, fontsize=LETTER)
    top = maximum if maximum is not None else max(vals + [1])
    ax.set_xlim(0, top * 1.15)
    ax.set_xlabel(as_label, fontsize=AS_LETTER)
    if titel:
        ax.set_title(titel, fontsize=TITEL_LETTER, loc="left")
    _hele_getallen(ax, vals)
    if tekst is None:
        suffix = f" {eenheid}" if eenheid else ""
        tekst = f"{as_label}: " + _lijst([f"{c} {getal(v)}{suffix}" for c, v in zip(cats, vals)]) + "."
    return fig, tekst


def gegroepeerde_staven(reeksen: Mapping[str, Mapping[str, float]], *, as_label: str,
                        titel: str = "", eenheid: str = "", tekst: str | None = None) -> tuple[Figure, str]:
    """Horizontal bars grouped per category; one colour (and hatching) per series.

    ``reeksen`` = {series name: {category: value}}; categories in the order of the first series.
    ``tekst``: the text alternative in the caller's own words; else one plain sentence per
    category ("Lager: 2023 85 euro, 2024 90 euro.")."""
    namen = list(reeksen)
    cats: list[str] = []
    for reeks in reeksen.values():
        cats += [c for c in reeks if c not in cats]
    n = max(len(namen), 1)
    fig = _nieuwe_figuur(11, 1.6 + 0.45 * n * max(len(cats), 1))
    ax = fig.axes[0]
    _stijl_as(ax)
    breedte = 0.8 / n
    top = 1.0
    for i, naam in enumerate(namen):
        vals = [float(reeksen[naam].get(c, 0)) for c in cats]
        top = max([top] + vals)
        ypos = [len(cats) - 1 - j + (n - 1 - 2 * i) * breedte / 2 for j in range(len(cats))]
        bars = ax.barh(ypos, vals, height=breedte * 0.92, color=REEKS_KLEUREN[i % len(REEKS_KLEUREN)],
                       hatch=ARCERING[i % len(ARCERING)], edgecolor="white", label=naam)
        for bar, v in zip(bars, vals):
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {getal(v)}",
                    va="center", ha="left", fontsize=LETTER)
    ax.set_yticks([len(cats) - 1 - j for j in range(len(cats))], cats, fontsize=LETTER)
    ax.set_xlim(0, top * 1.2)
    ax.set_xlabel(as_label, fontsize=AS_LETTER)
    if titel:
        ax.set_title(titel, fontsize=TITEL_LETTER, loc="left", pad=40)
    ax.legend(frameon=False, fontsize=LETTER, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(namen))
    _hele_getallen(ax, [v for r in reeksen.values() for v in r.values()])
    if tekst is None:
        suffix = f" {eenheid}" if eenheid else ""
        tekst = " ".join(
            f"{c}: " + ", ".join(f"{naam} {getal(reeksen[naam].get(c, 0))}{suffix}" for naam in namen) + "."
            for c in cats)
    return fig, tekst


def _keer(n: float) -> str:
    return f"{getal(n)} keer"


def sortering_tekst(learner_counts: Mapping[str, int], group_counts: Mapping[str, int]) -> str:
    """The sorting chart in plain sentences, one per theme, e.g. "Je koos 2 keer
    Betaalbaarheid, de oudergroep 1 keer." """
    cats = list(group_counts) + [c for c in learner_counts if c not in group_counts]
    zinnen = []
    for c in cats:
        jij, groep = learner_counts.get(c, 0), group_counts.get(c, 0)
        if jij == 0 and groep == 0:
            zinnen.append(f"Jij en de oudergroep kozen {c} geen enkele keer.")
        elif jij == groep:
            zinnen.append(f"Je koos {_keer(jij)} {c}, net als de oudergroep.")
        elif jij == 0:
            zinnen.append(f"Je koos {c} niet, de oudergroep {_keer(groep)}.")
        elif groep == 0:
            zinnen.append(f"Je koos {_keer(jij)} {c}, de oudergroep geen enkele keer.")
        else:
            zinnen.append(f"Je koos {_keer(jij)} {c}, de oudergroep {_keer(groep)}.")
    return " ".join(zinnen)


def sortering_vs_groep(learner_counts: Mapping[str, int], group_counts: Mapping[str, int],
                       titel: str = "Jouw sortering en die van de oudergroep") -> tuple[Figure, str]:
    """How many quotes per theme: the learner's choice beside the parent group's reading."""
    cats = list(group_counts) + [c for c in learner_counts if c not in group_counts]
    return gegroepeerde_staven(
        {"Jouw keuze": {c: learner_counts.get(c, 0) for c in cats},
         "Oudergroep": {c: group_counts.get(c, 0) for c in cats}},
        as_label="Aantal citaten", titel=titel, tekst=sortering_tekst(learner_counts, group_counts))


GEWICHT_WOORDEN = {0: "weegt niet", 1: "weegt een beetje", 2: "weegt zwaar", 3: "weegt heel zwaar"}


def gewicht_tekst(gewichten: Mapping[str, int]) -> str:
    """The weights in plain sentences, heaviest first: "Voor jou weegt Vertrouwen heel zwaar (3).
    Respect en Openheid wegen zwaar (2). Privacy weegt niet (0)." """
    zinnen = []
    for gewicht in sorted({int(g) for g in gewichten.values()}, reverse=True):
        namen = [n for n, g in gewichten.items() if int(g) == gewicht]
        rest = GEWICHT_WOORDEN.get(gewicht, f"weegt {gewicht}").removeprefix("weegt ")
        werkwoord = "wegen" if len(namen) > 1 else "weegt"
        if zinnen:
            zinnen.append(f"{_lijst(namen)} {werkwoord} {rest} ({gewicht}).")
        else:
            zinnen.append(f"Voor jou {werkwoord} {_lijst(namen)} {rest} ({gewicht}).")
    return " ".join(zinnen) or "Je gaf nog geen enkele waarde een gewicht."


def waarden_gewicht(gewichten: Mapping[str, int], titel: str = "Hoe zwaar weegt elke waarde voor jou?") -> tuple[Figure, str]:
    """The learner's weights (0-3) per value of partnership."""
    return staven(gewichten, as_label="Gewicht (0 = weegt niet, 3 = weegt heel zwaar)", titel=titel,
                  kleur=OKABE_ITO["blauwgroen"], maximum=3, tekst=gewicht_tekst(gewichten))


def png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def figuur_html(fig: Figure, tekstalternatief: str) -> str:
    """The chart as an <img> (with alt text) and the text alternative written out below it."""
    data = base64.b64encode(png(fig)).decode("ascii")
    alt = escape(tekstalternatief)
    return (f'<figure class="ss-grafiek"><img src="data:image/png;base64,{data}" alt="{alt}" '
            f'style="max-width:100%;height:auto">'
            f'<figcaption class="ss-tekstalternatief">In woorden: {alt}</figcaption></figure>')


def toon(fig: Figure, tekstalternatief: str) -> None:
    from IPython.display import HTML, display

    display(HTML(figuur_html(fig, tekstalternatief)))
