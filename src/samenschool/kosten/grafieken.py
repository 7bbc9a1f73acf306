"""Charts for module 06, in the kit's one chart style (samenschool.grafiek): Okabe-Ito colours
with hatching as a second cue, projector-size letters, values on the bars, and a Dutch text
alternative written from the data. Each function returns ``(fig, tekstalternatief)``.
"""

from __future__ import annotations

from samenschool import grafiek
from samenschool.kosten.analyse import Overzicht
from samenschool.kosten.lezen import euro

KORT = {"augustus": "aug", "september": "sep", "oktober": "okt", "november": "nov", "december": "dec",
        "januari": "jan", "februari": "feb", "maart": "mrt", "april": "apr", "mei": "mei", "juni": "jun",
        "juli": "jul"}
# One colour and hatching per kind of cost; blue for what the maximumfactuur caps.
KLEUR = {"gratis": ("hemelsblauw", ".."), "scherp": ("blauw", ""), "minder_scherp": ("blauwgroen", "//"),
         "facultatief": ("oranje", "xx"), "onrechtstreeks": ("roodpaars", "\\\\")}


def _lijst(delen: list[str]) -> str:
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def maanden_tekst(o: Overzicht) -> str:
    """The monthly chart in plain sentences: every month with its amount and what it holds."""
    namen = o.namen
    zinnen = []
    for maand, cent in o.per_maand.items():
        delen = [f"{namen[c]} {euro(v)}" for c, v in o.per_maand_categorie[maand].items() if v]
        wat = f" ({_lijst(delen)})" if delen else ""
        zinnen.append(f"{maand[:1].upper() + maand[1:]}: {euro(cent)}{wat}.")
    if o.pieken:
        zinnen.append("Piekmaanden: " + _lijst([p.maand for p in o.pieken]) + ".")
    return " ".join(zinnen)


def per_maand(o: Overzicht, titel: str = "Wat betaalt een gezin per maand? (één kind)"):
    """Vertical bars per month (school-year order), stacked by category."""
    import matplotlib

    from matplotlib.figure import Figure

    namen = o.namen
    maanden = list(o.per_maand)
    with matplotlib.rc_context(grafiek.STIJL):
        fig = Figure(figsize=(11, 6.4), layout="constrained")
        ax = fig.add_subplot()
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        onder = [0.0] * len(maanden)
        for cat in namen:
            waarden = [o.per_maand_categorie[m][cat] / 100 for m in maanden]
            if not any(waarden):
                continue
            ax.bar(range(len(maanden)), waarden, bottom=onder, width=0.7, label=namen[cat],
                   color=grafiek.OKABE_ITO[KLEUR.get(cat, ("zwart", ""))[0]], hatch=KLEUR.get(cat, ("", ""))[1],
                   edgecolor="white")
            onder = [a + b for a, b in zip(onder, waarden)]
        top = max(onder + [1.0])
        for x, totaal in enumerate(onder):
            if totaal:
                label = f"€ {int(totaal)}" if float(totaal).is_integer() else "€ " + f"{totaal:.2f}".replace(".", ",")
                ax.text(x, totaal + top * 0.015, label, ha="center", va="bottom", fontsize=grafiek.LETTER - 2)
        if o.gemiddelde:
            ax.axhline(o.gemiddelde / 100, color=grafiek.OKABE_ITO["zwart"], linestyle="--", linewidth=1.2,
                       label=f"gemiddelde maand ({euro(o.gemiddelde)})")
        ax.set_xticks(range(len(maanden)), [KORT.get(m, m) for m in maanden], fontsize=grafiek.LETTER)
        ax.set_ylim(0, top * 1.15)
        ax.set_ylabel("Euro", fontsize=grafiek.AS_LETTER)
        ax.set_title(titel, fontsize=grafiek.TITEL_LETTER, loc="left", pad=12)
        ax.legend(frameon=False, fontsize=grafiek.LETTER - 1, loc="upper left", bbox_to_anchor=(0, -0.1), ncols=2)
    return fig, maanden_tekst(o)


def jaar_tekst(o: Overzicht) -> str:
    namen = o.namen
    delen = [f"{namen[c]} {euro(v)}" for c, v in o.per_categorie.items() if v]
    zin = f"Het hele jaar: {euro(o.totaal)} per kind"
    return zin + (f", namelijk {_lijst(delen)}." if delen else ".")


def per_soort(o: Overzicht, titel: str = "Het jaar in één blik: per soort kost"):
    """Horizontal bars: the whole year per category (euro)."""
    namen = o.namen
    waarden = {namen[c][:1].upper() + namen[c][1:]: round(v / 100, 2) for c, v in o.per_categorie.items()}
    return grafiek.staven(waarden, as_label="Euro per kind, heel het jaar", titel=titel,
                          kleur=grafiek.OKABE_ITO["blauw"], tekst=jaar_tekst(o))
