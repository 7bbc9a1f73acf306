"""Where each quote stands in the report: line, page and the report's own sentence before it.

Used by ``tools/citaten_plaats.py`` (fills the columns ``regel``, ``pagina_van``,
``pagina_tot`` and ``context`` of ``datasets/citaten.csv``) and by the tests, which recompute
them from the report text. Nothing here is needed at run time: the pages read the CSV.

How the page is derived, honestly
    The text extraction keeps only five printed page numbers, each alone on a line: 2, 14,
    15, 18 and a last "4" after the closing words (the back cover; it is ignored). On page 2
    the number follows the body text, so a number closes its page. A quote between the
    numbers p and q therefore lies on page p + 1 … q: between 14 and 15 that is exactly
    page 15; between 15 and 18 it is "16 tot 18". Before "2" is page 2; after "18" the end
    is unknown ("19 of later", ``pagina_tot`` empty). A quote cut by a page number spans
    both pages (C053: 14-15). No page is guessed beyond that.

How the context is chosen
    The last sentence of the report's own prose before the quote, in the same part of the
    report: not a quote, not a sidebar sentence, not a barrier label, not a page number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGINA_REGEL = re.compile(r"^\s*\d+\s*$")
GENEGEERDE_PAGINAS = {"4"}  # the back cover's "4" after the closing words (see module docstring)

# Sidebar blocks that interrupt the running text (first words of the block). "De leefwereld van
# gezinnen in armoede is …" is left in: it is the report's own answer to "Wat is er nodig om tot
# gelijke kansen te komen?".
ZIJBALK_BEGIN = (
    "Je leert als leerkracht de thuiscontext",
    "Je hebt als leerkracht de mogelijkheid",
    "Ouders geven aan meer zelfvertrouwen",
    "Je leert als ouder de schoolcontext",
    "Een partnerschap creëert ook erkenning",
    "Door je verschillende kijk op een situatie",
    "Uit de oudergroep kwamen",
)
DREMPEL_LABELS = (
    "Tijd en mogelijkheden tot ontmoeting",
    "Wantrouwen en vooroordelen",
    "Gemis aan vast aanspreekpunt",
    "Negatieve ervaringen",
    "Aangesproken worden op het negatieve i.p.v. het positieve",
    "Andere ouders",
    "Leefwereld",
    "Taal",
    "Angst en schroom bij leerkrachten",
)


@dataclass(frozen=True)
class Plaats:
    regel: int            # 1-based line of the report text where the quote starts
    pagina_van: int
    pagina_tot: int | None  # None: the end is not known (after the last printed number)
    context: str          # the report's sentence before the quote ("" when there is none)


def _regels_met_nummers(tekst: str) -> list[tuple[int, str]]:
    return list(enumerate(tekst.split("\n"), start=1))


def _samenvoegen(regels: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """Unwrap lines like the datasets do; returns the text and, per character, its line."""
    uit, lijn = "", []
    for nr, regel in regels:
        regel = regel.strip()
        if not regel:
            continue
        if uit and not uit.endswith("/"):
            uit += " "
            lijn.append(nr)
        uit += regel
        lijn += [nr] * len(regel)
    # collapse runs of whitespace, keeping the map in step
    schoon, schoon_lijn = [], []
    for ch, nr in zip(uit, lijn):
        if ch.isspace() and schoon and schoon[-1] == " ":
            continue
        schoon.append(" " if ch.isspace() else ch)
        schoon_lijn.append(nr)
    return "".join(schoon), schoon_lijn


def _zijbalk_regels(regels: list[tuple[int, str]]) -> set[int]:
    """Lines of sidebar blocks and barrier labels."""
    weg: set[int] = set()
    in_blok = False
    for nr, regel in regels:
        s = regel.strip()
        if not s:
            in_blok = False
            continue
        if s in DREMPEL_LABELS:
            weg.add(nr)
            continue
        if s.startswith("“") or regel.startswith(" "):
            in_blok = False  # a quote or a new column ends a sidebar block
        if any(s.startswith(b) for b in ZIJBALK_BEGIN):
            in_blok = True
        if in_blok:
            weg.add(nr)
    return weg


def pagina_markeringen(tekst: str) -> list[tuple[int, int]]:
    """(line, printed page number) of the page-number lines that count."""
    return [(nr, int(r.strip())) for nr, r in _regels_met_nummers(tekst)
            if PAGINA_REGEL.match(r) and r.strip() not in GENEGEERDE_PAGINAS]


def pagina_bij_regel(regel: int, markeringen: list[tuple[int, int]]) -> tuple[int, int | None]:
    """The page(s) a line can be on, from the printed numbers around it."""
    vorige = None
    for nr, pagina in markeringen:
        if regel < nr:
            if vorige is None:
                return pagina, pagina
            return vorige + 1, pagina
        vorige = pagina
    return (vorige + 1 if vorige is not None else 1), None


ZIN_EINDE = re.compile(r"(?<=[.!?:])\s+(?=[A-Z“‘(0-9])")


def _laatste_zin(tekst: str) -> str:
    zinnen = [z.strip() for z in ZIN_EINDE.split(tekst.strip()) if z.strip()]
    return zinnen[-1] if zinnen else ""


def kop_regels(rapport_tekst: str, koppen: list[tuple[str, str]]) -> dict[str, int]:
    """First line of each part of the report. ``koppen``: (part id, heading) in report order.
    A heading counts where it is followed by a capital (not by a digit or a lower-case word, as
    in the sidebar that lists the five themes)."""
    inhoud = [(nr, r) for nr, r in _regels_met_nummers(rapport_tekst) if not PAGINA_REGEL.match(r)]
    tekst, lijn = _samenvoegen(inhoud)
    uit, vanaf = {}, 0
    for deel, kop in koppen:
        m = re.compile(re.escape(kop) + r"(?= [A-Z“‘]|$)").search(tekst, vanaf)
        if not m:
            raise ValueError(f"kop {kop!r} niet gevonden in het rapport")
        uit[deel] = lijn[m.start()]
        vanaf = m.end()
    return uit


def plaatsen(rapport_tekst: str, citaten: list[tuple[str, str, str]],
             koppen: list[tuple[str, str]]) -> dict[str, Plaats]:
    """Place of every quote. ``citaten``: (id, tekst, deel) in report order; ``koppen``: (deel,
    heading) in report order (the context never reaches back before the quote's part)."""
    regels = _regels_met_nummers(rapport_tekst)
    markeringen = pagina_markeringen(rapport_tekst)
    zijbalk = _zijbalk_regels(regels)
    # the running text without page numbers, sidebars and labels: a cut quote is whole again
    tekst, lijn = _samenvoegen([(nr, r) for nr, r in regels if not PAGINA_REGEL.match(r) and nr not in zijbalk])
    begin = kop_regels(rapport_tekst, koppen)

    spans: list[tuple[str, str, int, int]] = []  # id, deel, start, end in tekst
    vanaf = 0
    for cid, ctekst, deel in citaten:
        ctekst = re.sub(r"\s+", " ", ctekst).strip()
        start = tekst.find(ctekst, vanaf)
        if start < 0:
            raise ValueError(f"{cid} staat niet aaneensluitend in het rapport (zonder zijbalken)")
        spans.append((cid, deel, start, start + len(ctekst)))
        vanaf = start + 1

    # the report's own prose: every quote (with its outer quote marks) blanked out
    proza = list(tekst)
    for _cid, _deel, start, einde in spans:
        a, b = start, einde
        if a > 0 and tekst[a - 1] in "“‘":
            a -= 1
        if b < len(tekst) and tekst[b] in "”’“":
            b += 1
        proza[a:b] = ["\0"] * (b - a)

    uit: dict[str, Plaats] = {}
    for cid, deel, start, einde in spans:
        eerste, laatste = lijn[start], lijn[max(start, einde - 1)]
        van, tot = pagina_bij_regel(eerste, markeringen)
        van2, tot2 = pagina_bij_regel(laatste, markeringen)
        if tot is not None and (van2, tot2) != (van, tot) and van2 == tot + 1 and tot2 == van2:
            van, tot = tot, van2  # runs over a printed page number onto the next page
        grens = begin.get(deel, 0)
        i = start
        while i > 0 and lijn[i - 1] >= grens:
            i -= 1
        stuk = "".join(proza[i:start]).split("\0")
        stuk = [d for d in stuk if d.strip()]
        context = _laatste_zin(re.sub(r"\s+", " ", stuk[-1])) if stuk else ""
        if len(context.split()) < 3:
            context = ""
        uit[cid] = Plaats(eerste, van, tot, context)
    return uit


def pagina_tekst(van: int, tot: int | None) -> str:
    """How a page is shown: "p. 15", "p. 16 tot 18", "na p. 18"."""
    if tot is None:
        return f"na p. {van - 1}"
    if van == tot:
        return f"p. {van}"
    if tot == van + 1:
        return f"p. {van}-{tot}"
    return f"p. {van} tot {tot}"
