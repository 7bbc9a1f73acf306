"""The parents' year plan: what school costs, month by month, in plain language.

The plan is first built as a list of blocks (title, paragraph, list, table, box). Three
renderers turn the same blocks into HTML (Jinja2 template ``templates/kosten/jaarplan.html.j2``
with autoescape, A4 print stylesheet), DOCX (python-docx, language nl-BE) and Markdown
(every text escaped), so the three formats always say the same. Fixed sentences come from
``datasets/jaarplan_teksten.csv`` and the category explanations from
``datasets/kostencategorieen.csv``: a school edits those, not this code.

Files are written with ``samenschool.bestanden.schrijf_atomisch``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from samenschool import sjablonen, woord
from samenschool.errors import SamenschoolError
from samenschool.kosten.analyse import GEZINNEN, Overzicht
from samenschool.kosten.lezen import ELKE_MAAND, SCHOOLMAANDEN, euro

FORMATEN = ("html", "docx", "md")
MIME = {
    "html": "text/html;charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown;charset=utf-8",
}
TITEL = "Schoolkosten {schooljaar}: wat komt wanneer?"
BRON = ("Gemaakt met Samen School Maken, module 06 (Schoolkosten). Ouders van de oudergroep van Recht-Op vzw "
        "vroegen om een jaarplan met de kosten.")

Runs = list  # [(text, bold), ...]


def R(*parts) -> Runs:
    """Runs: a str is plain text, a 1-tuple ("x",) is bold."""
    out = []
    for part in parts:
        if isinstance(part, tuple):
            out.append((str(part[0]), True))
        elif part:
            out.append((str(part), False))
    return out


@dataclass
class Blok:
    soort: str                                  # h1 h2 p ul tabel kader meta
    runs: Runs = field(default_factory=list)
    items: list = field(default_factory=list)   # ul, kader: list of Runs
    rijen: list = field(default_factory=list)   # tabel: rows of Runs, first = header
    titel: str = ""
    kind: str = ""                              # css variant: team, info, maand
    voor_ouders: bool = True                    # counts for the readability check


@dataclass
class Document:
    titel: str
    blokken: list[Blok]
    schooljaar: str


def _teksten() -> dict[str, list[tuple[str, str, str]]]:
    from samenschool import data

    uit: dict[str, list] = {}
    for _, rij in data.load("jaarplan_teksten").iterrows():
        uit.setdefault(rij["deel"], []).append((rij["id"], rij["soort"], rij["tekst"]))
    return uit


def _vul(tekst: str, **waarden: str) -> str:
    for sleutel, waarde in waarden.items():
        tekst = tekst.replace("{" + sleutel + "}", waarde)
    return tekst


def _tekstblokken(rijen, **waarden) -> list[Blok]:
    blokken: list[Blok] = []
    for _id, soort, tekst in rijen:
        tekst = _vul(tekst, **waarden)
        if soort == "ul":
            if blokken and blokken[-1].soort == "ul":
                blokken[-1].items.append(R(tekst))
            else:
                blokken.append(Blok("ul", items=[R(tekst)]))
        else:
            blokken.append(Blok(soort, R(tekst)))
    return blokken


def _titel(maand: str) -> str:
    return maand[:1].upper() + maand[1:]


ETIKET = {"facultatief": "U kiest zelf.", "onrechtstreeks": "U koopt dit zelf.", "gratis": "Gratis."}


def _kost_runs(kost) -> Runs:
    bedrag = "gratis" if kost.cent == 0 else euro(kost.cent)
    uitleg = kost.uitleg.strip()
    if uitleg and uitleg[-1] not in ".!?":
        uitleg += "."
    etiket = "" if kost.cent == 0 else ETIKET.get(kost.categorie, "")
    if etiket and etiket.rstrip(".").lower() in uitleg.lower():
        etiket = ""
    extra = " ".join(x for x in (etiket, uitleg) if x)
    return R(kost.omschrijving + ": ", (bedrag,), "." + (" " + extra if extra else ""))


def team_punten(o: Overzicht) -> list[str]:
    """What the team should fix before the plan goes to parents."""
    punten = []
    mf = o.maximumfactuur
    if mf.oordeel == "boven":
        punten.append(mf.zin())
    elif mf.oordeel == "onbekend":
        punten.append(f"De maximumfactuur voor {mf.schooljaar} is niet gekend in de kit. Kijk het bedrag na.")
    elif mf.zekerheid == "onzeker" and not mf.eigen_bedrag:
        punten.append(f"Het bedrag van de maximumfactuur voor {mf.schooljaar} is niet bevestigd. Kijk het na.")
    if o.lijst.fouten:
        n = len(o.lijst.fouten)
        punten.append(f"{n} regel{'s' if n > 1 else ''} van de lijst kon{'den' if n > 1 else ''} niet gelezen "
                      "worden en staat niet in dit plan: "
                      + "; ".join(f.tekst() for f in o.lijst.fouten[:5]) + ("; …" if n > 5 else ""))
    return punten


def maak(o: Overzicht, *, klas: str = "", school: str = "", contact: str = "") -> Document:
    """The year plan for parents as blocks."""
    teksten = _teksten()
    namen = o.namen
    titel = TITEL.format(schooljaar=o.schooljaar)
    b: list[Blok] = [Blok("h1", R(titel))]
    wie = " – ".join(x.strip() for x in (school, klas) if x and x.strip())
    if wie:
        b.append(Blok("meta", R(wie), voor_ouders=False))
    punten = team_punten(o)
    if punten:
        b.append(Blok("kader", titel="Voor het team: nog niet klaar. Haal dit kader weg voor u het plan meegeeft.",
                      items=[R(p) for p in punten], kind="team", voor_ouders=False))
    b += _tekstblokken(teksten.get("inleiding", []), schooljaar=o.schooljaar, contact=contact)

    vrij = o.per_categorie.get("facultatief", 0)
    b.append(Blok("h2", R("Het jaar in het kort")))
    zin = [f"Voor het hele jaar betaalt u ", (euro(o.totaal),), " per kind."]
    if vrij:
        zin += [f" Daarvan kiest u zelf {euro(vrij)}."]
    b.append(Blok("p", R(*zin)))
    if o.pieken:
        pieken = [f"{p.maand} ({euro(p.cent)})" for p in o.pieken]
        lijst = pieken[0] if len(pieken) == 1 else ", ".join(pieken[:-1]) + " en " + pieken[-1]
        b.append(Blok("p", R("De duurste ", "maand is " if len(pieken) == 1 else "maanden zijn ", (lijst,), ".")))
    rijen = [[R("Maand"), R("1 kind"), R("2 kinderen"), R("3 kinderen")]]
    for maand, cent in o.per_maand.items():
        rijen.append([R(_titel(maand))] + [R(euro(cent * n)) for n in GEZINNEN])
    rijen.append([R(("Samen",))] + [R((euro(o.totaal * n),)) for n in GEZINNEN])
    b.append(Blok("tabel", rijen=rijen, kind="jaar", voor_ouders=False))
    b.append(Blok("p", R("Hebt u meer kinderen op school? Dan staat in de tabel wat u betaalt als elk kind "
                         "dezelfde kosten heeft.")))
    # what the school can do and whom to ask come early: most important first (Klasse/Wablieft)
    for deel in ("afspraken", "vragen"):
        rijen_deel = teksten.get(deel, [])
        if deel == "vragen":
            kies = "vragen_1" if contact.strip() else "vragen_zonder_contact"
            rijen_deel = [r for r in rijen_deel if r[0] in ("vragen_titel", kies)]
        b += _tekstblokken(rijen_deel, schooljaar=o.schooljaar, contact=contact.strip())

    b.append(Blok("h2", R("Maand per maand")))
    for maand in o.per_maand:
        kosten = [k for k in o.kosten_in(maand) if not (k.maand == ELKE_MAAND and k.cent == 0)]
        if not kosten:
            if maand in SCHOOLMAANDEN:
                b.append(Blok("h2", R(f"{_titel(maand)}: {euro(0)}"), kind="maand"))
                b.append(Blok("p", R("Deze maand betaalt u niets.")))
            continue
        b.append(Blok("h2", R(f"{_titel(maand)}: {euro(o.per_maand[maand])}"), kind="maand"))
        b.append(Blok("ul", items=[_kost_runs(k) for k in kosten]))

    gebruikt = [c for c, v in o.per_categorie.items() if v or any(k.categorie == c for k in o.lijst.kosten)]
    if gebruikt:
        from samenschool import data

        uitleg = dict(zip(data.load("kostencategorieen")["id"], data.load("kostencategorieen")["voor_ouders"]))
        b.append(Blok("h2", R("Wat betekenen de woorden?")))
        items = []
        mf = o.maximumfactuur
        for c in gebruikt:
            extra = ""
            if c == "scherp" and mf.grens is not None and mf.zekerheid == "zeker":
                extra = f" In {mf.schooljaar} was dat {euro(mf.grens)} per kind."
            items.append(R((namen[c][:1].upper() + namen[c][1:] + ": ",), uitleg[c] + extra))
        b.append(Blok("ul", items=items))
        if mf.grens is not None and mf.zekerheid == "zeker" and any(c == "scherp" for c in gebruikt):
            b.append(Blok("meta", R(mf.bronzin()), voor_ouders=False))

    b += _tekstblokken(teksten.get("schooltoeslag", []), schooljaar=o.schooljaar, contact=contact.strip())
    b.append(Blok("meta", R(BRON), voor_ouders=False))
    return Document(titel, b, o.schooljaar)


# --------------------------------------------------------------------------- readability

def ouder_tekst(doc: Document) -> str:
    """The running text parents read (paragraphs and list items; no tables, titles, team box)."""
    regels = []
    for blok in doc.blokken:
        if not blok.voor_ouders:
            continue
        if blok.soort == "p":
            regels.append("".join(t for t, _ in blok.runs))
        elif blok.soort == "ul":
            regels += ["".join(t for t, _ in item) for item in blok.items]
    return "\n\n".join(regels)


def leesbaarheid(doc: Document):
    """The kit's own readability check (samenschool.leesbaarheid) on the parents' text."""
    from samenschool import leesbaarheid as lb

    return lb.analyse(ouder_tekst(doc))


# --------------------------------------------------------------------------- HTML

def to_html(doc: Document) -> str:
    return sjablonen.html().get_template("kosten/jaarplan.html.j2").render(doc=doc)


# --------------------------------------------------------------------------- Markdown

def _md(runs: Runs) -> str:
    from samenschool.escape import escape_md

    out = []
    for text, bold in runs:
        esc = escape_md(text)
        if bold and esc.strip():
            core = esc.strip()
            out.append(esc[: len(esc) - len(esc.lstrip())] + f"**{core}**" + esc[len(esc.rstrip()):])
        else:
            out.append(esc)
    return "".join(out)


def to_markdown(doc: Document) -> str:
    from samenschool.escape import escape_md

    out: list[str] = []
    for b in doc.blokken:
        if b.soort == "h1":
            out += [f"# {_md(b.runs)}", ""]
        elif b.soort == "h2":
            out += [f"{'###' if b.kind == 'maand' else '##'} {_md(b.runs)}", ""]
        elif b.soort == "p":
            out += [_md(b.runs), ""]
        elif b.soort == "meta":
            out += [f"*{_md(b.runs)}*", ""]
        elif b.soort == "ul":
            out += [f"- {_md(item)}" for item in b.items] + [""]
        elif b.soort == "tabel":
            header, *rows = b.rijen
            out.append("| " + " | ".join(_md(c) for c in header) + " |")
            out.append("|---|" + "---:|" * (len(header) - 1))
            out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
            out.append("")
        elif b.soort == "kader":
            out += [f"> **{escape_md(b.titel)}**", ">"] + [f"> - {_md(item)}" for item in b.items] + [""]
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- DOCX

def to_docx(doc: Document) -> bytes:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    from samenschool.escape import xml_veilig

    word = woord.a4_document(lettergrootte=12, ruimte_na=6, koppen={"Title": 20, "Heading 2": 14, "Heading 3": 12})
    props = word.core_properties
    props.title = xml_veilig(doc.titel)
    props.subject = f"Schoolkosten {doc.schooljaar}"

    def runs(paragraph, rs: Runs) -> None:
        for text, bold in rs:
            if text:
                paragraph.add_run(xml_veilig(text)).bold = bold or None

    def shade(cell, color: str) -> None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), color)
        cell._tc.get_or_add_tcPr().append(shd)

    for b in doc.blokken:
        if b.soort == "h1":
            runs(word.add_paragraph(style="Title"), b.runs)
        elif b.soort == "h2":
            runs(word.add_paragraph(style="Heading 3" if b.kind == "maand" else "Heading 2"), b.runs)
        elif b.soort == "p":
            runs(word.add_paragraph(), b.runs)
        elif b.soort == "meta":
            p = word.add_paragraph()
            runs(p, b.runs)
            for run in p.runs:
                run.font.size = Pt(10)
                run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        elif b.soort == "ul":
            for item in b.items:
                runs(word.add_paragraph(style="List Bullet"), item)
        elif b.soort == "tabel":
            header, *rows = b.rijen
            table = word.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            for cell, rs in zip(table.rows[0].cells, header):
                runs(cell.paragraphs[0], [(t, True) for t, _ in rs])
                shade(cell, "E8F1F8")
            for row in rows:
                cells = table.add_row().cells
                for i, (cell, rs) in enumerate(zip(cells, row)):
                    runs(cell.paragraphs[0], rs)
                    if i:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            word.add_paragraph()
        elif b.soort == "kader":
            table = word.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            cell = table.rows[0].cells[0]
            shade(cell, "FFF4DD" if b.kind == "team" else "EEF5FB")
            runs(cell.paragraphs[0], [(b.titel, True)])
            for item in b.items:
                runs(cell.add_paragraph(style="List Bullet"), item)
            word.add_paragraph()
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- API

def render(doc: Document, fmt: str) -> str | bytes:
    if fmt not in FORMATEN:
        raise SamenschoolError(f"Formaat '{fmt}' kennen we niet. Kies html, docx of md.")
    if fmt == "html":
        return to_html(doc)
    if fmt == "md":
        return to_markdown(doc)
    return to_docx(doc)


def bestandsnaam(doc: Document, fmt: str) -> str:
    return f"jaarplan_schoolkosten_{doc.schooljaar}.{fmt}"


def schrijf(doc: Document, map_: Path | str, fmt: str) -> Path:
    """Write the plan in one format into a folder, atomically. Returns the path."""
    from samenschool.bestanden import schrijf_atomisch

    inhoud = render(doc, fmt)
    folder = Path(map_)
    if folder.exists() and not folder.is_dir():
        raise SamenschoolError(f"'{folder}' is een bestand, geen map. Kies een map voor het jaarplan.")
    return schrijf_atomisch(folder / bestandsnaam(doc, fmt), inhoud)
