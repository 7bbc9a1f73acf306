"""Four documents per plan, in three formats.

    plan        plan voor het team
    brief       uitnodigingsbrief voor de ouders (plain language, "u")
    vragenblad  vragenblad voor de ouders (room to write, nothing required)
    verslag     verslagsjabloon that follows the privacy rule

Each document is first built as a list of blocks (heading, paragraph, list, table, box,
writing lines, tick boxes). Three renderers turn the same blocks into HTML (Jinja2 with
autoescape, print stylesheet for A4), DOCX (python-docx, Word styles, language nl-BE) and
Markdown (every text escaped). So the three formats always say the same thing.

API: ``render(plan, document, fmt) -> str | bytes`` and ``write_all(plan, folder, fmt)``.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samenschool import sjablonen

from samenschool.bestanden import reden, schrijf_atomisch
from samenschool.errors import SamenschoolError
from samenschool.validatie import kort, zonder_vreemde_tekens
from samenschool.vertelgesprek.model import (
    ANTWOORD, KIND_AANWEZIG, NIET_NOTEREN, PERSOONLIJK, TOLK, Plan, as_int, buiten_werkuren,
    parse_moment, schoolkant, validate,
)
from samenschool.escape import escape_md

DOCUMENTEN = {
    "plan": ("1_plan_voor_het_team", "Plan voor het ouder-vertelgesprek"),
    "brief": ("2_uitnodiging_ouders", "Uitnodiging: vertel ons over uw kind"),
    "vragenblad": ("3_vragenblad_ouders", "Vragen voor ons gesprek"),
    "verslag": ("4_verslagsjabloon", "Verslag van het vertelgesprek"),
}
FORMATEN = ("html", "docx", "md")
BRON = ("Samen School Maken, module 04. Gebaseerd op het rapport van Recht-Op vzw over "
        "partnerschap tussen ouders en school.")


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------

Runs = list  # [(text, bold), ...]


def R(*parts: Any) -> Runs:
    """Runs from parts: a str is normal text, a 1-tuple ("x",) is bold."""
    runs = []
    for part in parts:
        if isinstance(part, tuple):
            runs.append((_s(part[0]), True))
        elif part:
            runs.append((_s(part), False))
    return runs


@dataclass
class Blok:
    soort: str                      # h1 h2 p ul ol tabel kader schrijf vink meta strookje
    runs: Runs = field(default_factory=list)
    items: list = field(default_factory=list)   # list of Runs (ul, ol, vink, kader)
    rijen: list = field(default_factory=list)   # tabel: list of list of Runs; first row = header
    titel: str = ""                 # kader / strookje title
    lijnen: int = 0                 # schrijf: number of lines
    kind: str = ""                  # css variant: "let-op", "niet", "info"
    blokken: list = field(default_factory=list)  # strookje: nested blocks


@dataclass
class Document:
    id: str
    titel: str
    blokken: list
    soort: str  # css class: team, ouders


def _s(value: Any) -> str:
    """str() that never fails (Python refuses to print an int of more than 4,300 digits)."""
    try:
        return str(value)
    except ValueError:
        return kort(value)


def _naam(keuzes: dict, value: Any) -> str:
    """The readable name of a choice ("sociaal_tolk" -> "een professionele tolk ..."), or the
    value as typed; never a TypeError for a list or dict where a choice was expected."""
    if isinstance(value, str) and value in keuzes:
        return keuzes[value]
    return _tekst(value)


def _tekst(value: Any, leeg: str = "—") -> str:
    if value is None:
        return leeg
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_tekst(v, "") for v in value if _s(v).strip()) or leeg
    text = _s(value).strip()
    return text or leeg


def _momenten(plan: Plan) -> list[tuple[str, bool]]:
    """(text, outside working hours) for each moment; a moment that cannot be read stays as typed."""
    duur = as_int(plan.wanneer.slotduur) or 0
    raw = plan.wanneer.momenten if isinstance(plan.wanneer.momenten, list) else [plan.wanneer.momenten]
    out = []
    for item in raw:
        if not _s(item).strip():
            continue
        try:
            moment = parse_moment(item)
            out.append((moment.tekst(), buiten_werkuren(moment, duur)))
        except ValueError:
            out.append((_s(item), False))
    return out


def _duur(plan: Plan) -> str:
    duur = as_int(plan.wanneer.slotduur)
    return f"{duur} minuten" if duur is not None else _tekst(plan.wanneer.slotduur)


def _andere_talen(plan: Plan) -> list[str]:
    talen = plan.uitnodiging.talen if isinstance(plan.uitnodiging.talen, list) else []
    return [t for t in talen if isinstance(t, str) and t.strip() and t.strip().lower() != "nederlands"]


def _zin(text: str) -> str:
    """First letter upper case (for a line that starts a sentence in a letter)."""
    return text[:1].upper() + text[1:]


def _contact(plan: Plan) -> str:
    """The contact person as "naam (rol)": "juf Lies, klasleerkracht" becomes "juf Lies (klasleerkracht)"."""
    text = _tekst(plan.uitnodiging.contactpersoon, "de klasleerkracht")
    if "(" not in text and "," in text:
        naam, rol = (part.strip() for part in text.split(",", 1))
        if naam and rol:
            return f"{naam} ({rol})"
    return text


def _telefoon(plan: Plan) -> str:
    return _s(plan.uitnodiging.telefoon or "").strip()


# ---------------------------------------------------------------------------------------------
# The four documents
# ---------------------------------------------------------------------------------------------

def _plan_doc(plan: Plan) -> Document:
    c, w, u, s, a, o = plan.context, plan.wanneer, plan.uitnodiging, plan.setting, plan.aanwezigen, plan.opvolging
    b: list[Blok] = [
        Blok("h1", R(DOCUMENTEN["plan"][1])),
        Blok("meta", R(("Klas: ",), _tekst(c.klas), "   ", ("Onderwijs: ",), _tekst(c.schooltype),
                       *(("   ", ("School: ",), c.school) if _s(c.school).strip() else ()))),
        Blok("p", R("In het vertelgesprek vertellen de ouders over hun kind. Zij kennen hun kind het best. "
                    "De school luistert en vult aan. Zo ontstaat er aan het begin van het schooljaar een "
                    "band tussen leerkracht en ouder (Recht-Op, tips uit de focusgroep).")),
    ]
    if _s(c.opmerking).strip():
        b.append(Blok("p", R(("Over de klas: ",), c.opmerking)))
    meldingen = validate(plan)
    fout = [m for m in meldingen if m.is_fout]
    let_op = [m for m in meldingen if not m.is_fout]
    if fout:
        b.append(Blok("kader", titel="Nog niet klaar: vul dit eerst aan", kind="niet",
                      items=[R((m.veld + ": ",), str(m)[len(m.veld) + 2:]) for m in fout]))
    if let_op:
        b.append(Blok("kader", titel="Let op", kind="let-op", items=[R((m.veld + ": ",), m.tekst) for m in let_op]))

    momenten = _momenten(plan)
    b += [
        Blok("h2", R("1. Wanneer")),
        Blok("tabel", rijen=[
            [R("Wat"), R("Afspraak")],
            [R("Periode"), R(_tekst(w.periode))],
            [R("Duur van elk gesprek"), R(_duur(plan))],
            [R("Momenten"), R("\n".join(t + (" (buiten de werkuren)" if buiten else "") for t, buiten in momenten)
                              or "—")],
        ]),
        Blok("h2", R("2. Uitnodigen")),
    ]
    persoonlijk = [_naam(PERSOONLIJK, p) for p in (u.persoonlijk if isinstance(u.persoonlijk, list) else [])]
    stappen = [
        R(("Eerst persoonlijk: ",), (", ".join(persoonlijk) if persoonlijk else "nog niet gekozen") + "."),
    ]
    if u.schriftelijk:
        stappen.append(R(("Daarna op papier: ",), "geef de uitnodiging en het vragenblad mee."))
    stappen += [
        R(("Talen van de ouders: ",), _tekst(u.talen) + "."),
        R(("Tolk: ",), _naam(TOLK, u.tolk) + "."),
    ]
    if u.tolk == "sociaal_tolk":
        stappen.append(R(("Tolk boeken: ",), "vraag een professionele tolk (een sociaal tolk) aan bij het Agentschap Integratie en "
                         "Inburgering. Doe dat zodra je weet welke ouder een tolk wil. Laat nooit een kind tolken."))
    stappen += [
        R(("Contactpersoon voor de ouders: ",), _contact(plan) + (f", telefoon {_telefoon(plan)}" if _telefoon(plan) else "")
          + "."),
        R(("Ouders zeggen ja via: ",), _tekst([_naam(ANTWOORD, x) for x in (u.antwoord if isinstance(u.antwoord, list) else [])]) + "."),
    ]
    b.append(Blok("ol", items=stappen))
    b += [
        Blok("h2", R("3. Vragen op het vragenblad")),
        Blok("ol", items=[R(_tekst(v.get("tekst"))) for v in plan.vragen if isinstance(v, dict)]),
        Blok("h2", R("4. Plaats en wie is erbij")),
        Blok("tabel", rijen=[
            [R("Wat"), R("Afspraak")],
            [R("Lokaal"), R(_tekst(s.lokaal))],
            [R("Apart lokaal, niemand luistert mee"), R(_tekst(s.prive))],
            [R("Stoelen van gelijke hoogte"), R(_tekst(s.gelijke_stoelen))],
            [R("Het kind"), R(_naam(KIND_AANWEZIG, s.kind_aanwezig))],
            [R("Extra"), R(_tekst(s.extra))],
            [R("Van de school"), R(_tekst(schoolkant(plan)))],
            [R("Ouders (verwacht)"), R(_tekst(a.ouders))],
            [R("Ouders mogen iemand meebrengen"), R(_tekst(a.iemand_meebrengen))],
        ]),
        Blok("h2", R("5. Gespreksleidraad")),
    ]
    rijen = [[R("Fase"), R("Min."), R("Wat doe je?")]]
    totaal = 0
    for f in plan.leidraad:
        minuten = as_int(f.get("minuten"))
        totaal += minuten or 0
        rijen.append([R((_tekst(f.get("titel")),)), R(_tekst(f.get("minuten"))), R(_tekst(f.get("tekst")))])
    rijen.append([R(("Samen",)), R((str(totaal),)), R(f"van de {_duur(plan)}")])
    b.append(Blok("tabel", rijen=rijen, kind="leidraad"))
    b += [
        Blok("h2", R("6. Wat schrijf je op?")),
        Blok("ul", items=[R(_tekst(n)) for n in plan.noteren if _s(n).strip()]),
        _niet_kader(),
        Blok("h2", R("7. Opvolging")),
        Blok("tabel", rijen=[
            [R("Wat"), R("Afspraak")],
            [R("Volgend contact"), R(_tekst(o.volgend_contact))],
            [R("Als een ouder niet kwam"), R(_tekst(o.bij_afwezigheid))],
            [R("Elke dag"), R(_tekst(o.dagelijks))],
        ]),
        Blok("meta", R(BRON)),
    ]
    return Document("plan", DOCUMENTEN["plan"][1], b, "team")


def _niet_kader() -> Blok:
    return Blok("kader", titel="Schrijf dit NIET op", kind="niet",
                items=[R(x) for x in NIET_NOTEREN]
                + [R(("Schrijf alleen wat je ook aan de ouders zou tonen. ",),
                     "Ouders mogen lezen wat er over hun kind bewaard wordt (privacywet AVG, artikel 15).")])


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_WAARDE = re.compile("\x00(\\d+)\x00")
BRIEF_SJABLOON = "vertelgesprek/brief.txt.j2"
LIJST_SOORTEN = {"ul": "ul", "vink": "vink"}


def _runs(tekst: str, waarden: list[str]) -> Runs:
    """Runs from one template line: **x** is bold; a value the planner filled in (a token from
    ``v(...)``) is put back as typed, never read as markup."""
    runs = []
    for i, deel in enumerate(_BOLD.split(tekst)):
        deel = _WAARDE.sub(lambda m: waarden[int(m.group(1))], deel)
        if deel:
            runs.append((deel, i % 2 == 1))
    return runs


def _lees_blokken(tekst: str, waarden: list[str]) -> list[Blok]:
    """The letter's blocks from the rendered template (one "soort | text" a line)."""
    blokken: list[Blok] = []
    doel = blokken  # the reply slip collects its own blocks
    for regel in tekst.splitlines():
        if not regel.strip():
            continue
        soort, _, rest = regel.partition("|")
        soort, rest = soort.strip(), rest.strip()
        if soort in LIJST_SOORTEN:
            if not doel or doel[-1].soort != soort:
                doel.append(Blok(soort))
            doel[-1].items.append(_runs(rest, waarden))
        elif soort == "label":
            doel.append(Blok("p", _runs(rest, waarden), kind="label"))
        elif soort == "strookje":
            strook = Blok("strookje", titel=_WAARDE.sub(lambda m: waarden[int(m.group(1))], rest))
            blokken.append(strook)
            doel = strook.blokken
        elif soort == "einde":
            doel = blokken
        elif soort in ("h1", "h2", "p"):
            doel.append(Blok(soort, _runs(rest, waarden)))
        else:
            raise SamenschoolError(f"{BRIEF_SJABLOON}: onbekende soort '{soort}' in de regel '{regel}'.")
    return blokken


def _brief(plan: Plan, met_strookje: bool) -> list[Blok]:
    waarden: list[str] = []

    def v(waarde: Any) -> str:
        waarden.append(" ".join(_s(waarde).split()))  # one line: a typed newline never starts a block
        return f"\x00{len(waarden) - 1}\x00"

    c, u, s, a = plan.context, plan.uitnodiging, plan.setting, plan.aanwezigen
    env = sjablonen.tekst()
    tekst = env.get_template(BRIEF_SJABLOON).render(
        v=v, titel=DOCUMENTEN["brief"][1], duur=_duur(plan), contact=_contact(plan),
        anderen=[r for r in schoolkant(plan) if r != "klasleerkracht"], periode=_tekst(plan.wanneer.periode),
        momenten=[t for t, _ in _momenten(plan)], school=_s(c.school).strip(), lokaal=_zin(_tekst(s.lokaal)),
        iemand_meebrengen=bool(a.iemand_meebrengen), kind_aanwezig=s.kind_aanwezig,
        tolk=u.tolk == "sociaal_tolk", talen=_andere_talen(plan), vragen=bool(plan.vragen),
        antwoord=u.antwoord if isinstance(u.antwoord, list) else [], telefoon=_telefoon(plan),
        klas=_tekst(plan.context.klas))
    blokken = _lees_blokken(tekst, waarden)
    return blokken if met_strookje else [b for b in blokken if b.soort != "strookje"]


def brief_blokken(plan: Plan) -> list[Blok]:
    """The letter without the reply slip (templates/vertelgesprek/brief.txt.j2)."""
    return _brief(plan, met_strookje=False)


def _brief_doc(plan: Plan) -> Document:
    return Document("brief", DOCUMENTEN["brief"][1], _brief(plan, met_strookje=True), "ouders")


def brief_tekst(plan: Plan) -> str:
    """The running text of the letter as plain text (one paragraph or list item a line), for the
    readability score the planner shows to the author. Left out: the title and the headings
    ("Wat?", "Wanneer?"), label lines (the school's name, the signature) and the reply slip,
    which is not part of ``brief_blokken``. The greeting ("Beste ouder,") stays: the meter
    itself leaves a greeting out of its counts."""
    lines = []
    for blok in brief_blokken(plan):
        if blok.soort in ("h1", "h2") or blok.kind == "label":
            continue
        if blok.runs:
            lines.append("".join(t for t, _ in blok.runs))
        for item in blok.items:
            lines.append("- " + "".join(t for t, _ in item))
    return "\n".join(lines)


def _vragen_doc(plan: Plan) -> Document:
    b = [
        Blok("h1", R(DOCUMENTEN["vragenblad"][1])),
        Blok("p", R("Wij zijn benieuwd naar uw kind. U kent uw kind het best. Hier zijn enkele vragen. "
                    "Denk er al eens over na.")),
        Blok("kader", kind="info", items=[R(("U hoeft niets op te schrijven. U mag ook gewoon vertellen.",))]),
    ]
    for i, v in enumerate([v for v in plan.vragen if isinstance(v, dict)], start=1):
        b.append(Blok("vraag", runs=R((f"{i}. {_tekst(v.get('tekst'))}",)), lijnen=3))
    b.append(Blok("vraag", runs=R(("Wilt u nog iets anders vertellen?",)), lijnen=3))
    meta = ["Ons gesprek: " + _tekst(plan.wanneer.periode) + "."]
    meta.append("Vragen? Spreek " + _contact(plan) + " aan"
                + (f" of bel {_telefoon(plan)}" if _telefoon(plan) else "") + ".")
    b.append(Blok("meta", R(" ".join(meta))))
    return Document("vragenblad", DOCUMENTEN["vragenblad"][1], b, "ouders")


def _verslag_doc(plan: Plan) -> Document:
    b = [
        Blok("h1", R(DOCUMENTEN["verslag"][1])),
        Blok("kader", titel="Zo schrijf je het verslag", kind="info", items=[
            R("Schrijf kort op wat de ouders vertellen over de sterke kanten van hun kind."),
            R("Schrijf in de woorden van de ouders. Geen oordelen."),
            R(("Lees de samenvatting voor aan de ouders. ",), "Vraag: 'Klopt dit? Mag dit in het dossier?'"),
        ]),
        Blok("tabel", rijen=[
            [R("Wat"), R("Invullen")],
            [R("Datum"), R("")],
            [R("Klas"), R(_tekst(plan.context.klas))],
            [R("Wie was er (rollen, bv. mama, klasleerkracht, tolk)"), R("")],
            [R("Taal van het gesprek, tolk ja of nee"), R("")],
        ], kind="invul"),
    ]
    for item in plan.noteren:
        text = _s(item).strip()
        low = text.lower()
        if not text or low.startswith("datum") or "voorgelezen" in low or "voorlezen" in low:
            continue
        extra = ""
        if "aanspreekpersoon" in low:
            extra = ("Voorstel: " + _contact(plan) + ". Kanaal (omcirkel): schoolpoort – telefoon – "
                     "briefje – app – ander: ……………  Hoe vaak: ……………")
        b.append(Blok("vraag", runs=R((text,)), lijnen=2, titel=extra))
    b.append(_niet_kader())
    b.append(Blok("h2", R("Afsluiten")))
    b.append(Blok("vink", items=[R("Ik heb de samenvatting voorgelezen aan de ouders."),
                                 R("De ouders zijn akkoord met wat er staat."),
                                 R("De ouders weten dat ze dit verslag mogen lezen.")]))
    b.append(Blok("meta", R(BRON)))
    return Document("verslag", DOCUMENTEN["verslag"][1], b, "team")


_BUILDERS = {"plan": _plan_doc, "brief": _brief_doc, "vragenblad": _vragen_doc, "verslag": _verslag_doc}


def document(plan: Plan, doc_id: str) -> Document:
    if doc_id not in _BUILDERS:
        raise SamenschoolError(f"Document '{doc_id}' bestaat niet. Kies uit: {', '.join(DOCUMENTEN)}.")
    return _BUILDERS[doc_id](plan)


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

def to_html(doc: Document, plan: Plan) -> str:
    template = sjablonen.html().get_template(f"vertelgesprek/{doc.id}.html.j2")
    return template.render(doc=doc, klas=_tekst(plan.context.klas, ""), datum=f"{_dt.date.today():%d-%m-%Y}")


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------

def _md_runs(runs: Runs) -> str:
    out = []
    for text, bold in runs:
        if not text:
            continue
        lines = [escape_md(line) for line in text.split("\n")]
        esc = "  \n".join(lines)
        if bold:
            stripped = esc.strip()
            out.append(esc[: len(esc) - len(esc.lstrip())] + f"**{stripped}**" + esc[len(esc.rstrip()):]
                       if stripped else esc)
        else:
            out.append(esc)
    return "".join(out)


def _md_blocks(blokken: list[Blok]) -> list[str]:
    out: list[str] = []
    schrijflijn = "…" * 40
    for blok in blokken:
        if blok.soort == "h1":
            out += [f"# {_md_runs(blok.runs)}", ""]
        elif blok.soort == "h2":
            out += [f"## {_md_runs(blok.runs)}", ""]
        elif blok.soort == "p":
            out += [_md_runs(blok.runs), ""]
        elif blok.soort == "meta":
            out += [f"*{_md_runs(blok.runs)}*", ""]
        elif blok.soort == "ul":
            out += [f"- {_md_runs(item)}" for item in blok.items] + [""]
        elif blok.soort == "ol":
            out += [f"{i}. {_md_runs(item)}" for i, item in enumerate(blok.items, start=1)] + [""]
        elif blok.soort == "vink":
            out += [f"- [ ] {_md_runs(item)}" for item in blok.items] + [""]
        elif blok.soort == "tabel":
            header, *rows = blok.rijen
            out.append("| " + " | ".join(_md_runs(c) for c in header) + " |")
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(_md_runs(c).replace("  \n", "<br>") or " " for c in row) + " |" for row in rows]
            out.append("")
        elif blok.soort == "kader":
            if blok.titel:
                out.append(f"> **{escape_md(blok.titel)}**")
                out.append(">")
            out += [f"> - {_md_runs(item)}" if blok.titel else f"> {_md_runs(item)}" for item in blok.items]
            out.append("")
        elif blok.soort == "vraag":
            out += [_md_runs(blok.runs), ""]
            if blok.titel:
                out += [escape_md(blok.titel), ""]
            out += [schrijflijn + "  " for _ in range(blok.lijnen)] + [""]
        elif blok.soort == "strookje":
            out += ["✂ " + "- " * 30, "", f"### {escape_md(blok.titel)}", ""]
            out += _md_blocks(blok.blokken)
    return out


def to_markdown(doc: Document) -> str:
    return "\n".join(_md_blocks(doc.blokken)).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------

def to_docx(doc: Document, plan: Plan) -> bytes:
    from docx import Document as Docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    word = Docx()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(1.8)

    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    # Language nl-BE on the default run properties and on Normal (spelling check in Word).
    for element in (styles.element.find(qn("w:docDefaults")), normal.element):
        if element is None:
            continue
        rpr = element.find(".//" + qn("w:rPr"))
        if rpr is None:
            rpr = normal.element.get_or_add_rPr() if element is normal.element else None
        if rpr is None:
            continue
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "nl-BE")
        lang.set(qn("w:bidi"), "ar-SA")
    rfonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    if rfonts is not None:
        rfonts.set(qn("w:eastAsia"), "Arial")
        rfonts.set(qn("w:cs"), "Arial")
    for name, size in (("Title", 20), ("Heading 1", 15), ("Heading 2", 13)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x0B, 0x4F, 0x7A)
    props = word.core_properties
    props.title = doc.titel
    props.subject = zonder_vreemde_tekens(f"Ouder-vertelgesprek, {_tekst(plan.context.klas, '')}".strip(", "))
    props.author = "Samen School Maken"
    props.language = "nl-BE"
    props.keywords = "vertelgesprek; ouders; partnerschap; Recht-Op"

    def add_runs(paragraph, runs: Runs) -> None:
        for text, bold in runs:
            text = zonder_vreemde_tekens(text)  # XML (and so Word) cannot hold U+FFFE or control characters
            if text:
                run = paragraph.add_run(text)
                run.bold = bold or None

    def shade(cell, color: str) -> None:
        tcpr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), color)
        tcpr.append(shd)

    def write_line(container) -> None:
        p = container.add_paragraph()
        p.paragraph_format.space_before = Pt(16)
        p.paragraph_format.space_after = Pt(0)
        ppr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        for edge in ("bottom", "between"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "1")
            el.set(qn("w:color"), "888888")
            bdr.append(el)
        ppr.append(bdr)

    def keep_with_next(p) -> None:
        p.paragraph_format.keep_with_next = True

    def emit(container, blokken: list[Blok]) -> None:
        for blok in blokken:
            if blok.soort == "h1":
                add_runs(container.add_paragraph(style="Title"), blok.runs)
            elif blok.soort == "h2":
                add_runs(container.add_paragraph(style="Heading 2"), blok.runs)
            elif blok.soort == "p":
                add_runs(container.add_paragraph(), blok.runs)
            elif blok.soort == "meta":
                p = container.add_paragraph()
                add_runs(p, blok.runs)
                for run in p.runs:
                    run.font.size = Pt(10)
                    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
            elif blok.soort in ("ul", "ol"):
                style = "List Bullet" if blok.soort == "ul" else "List Number"
                for item in blok.items:
                    add_runs(container.add_paragraph(style=style), item)
            elif blok.soort == "vink":
                for item in blok.items:
                    p = container.add_paragraph()
                    p.add_run("☐  ")
                    add_runs(p, item)
            elif blok.soort == "tabel":
                header, *rows = blok.rijen
                table = container.add_table(rows=1, cols=len(header))
                table.style = "Table Grid"
                table.alignment = WD_TABLE_ALIGNMENT.LEFT
                for cell, runs in zip(table.rows[0].cells, header):
                    add_runs(cell.paragraphs[0], [(t, True) for t, _ in runs])
                    shade(cell, "E8F1F8")
                # repeat the header row on every page
                trpr = table.rows[0]._tr.get_or_add_trPr()
                th = OxmlElement("w:tblHeader")
                th.set(qn("w:val"), "true")
                trpr.append(th)
                for row in rows:
                    cells = table.add_row().cells
                    for cell, runs in zip(cells, row):
                        add_runs(cell.paragraphs[0], runs)
                    if blok.kind == "invul":
                        cells[-1].paragraphs[0].paragraph_format.space_after = Pt(14)
                container.add_paragraph()
            elif blok.soort == "kader":
                table = container.add_table(rows=1, cols=1)
                table.style = "Table Grid"
                cell = table.rows[0].cells[0]
                shade(cell, {"niet": "FDECEA", "let-op": "FFF4DD"}.get(blok.kind, "EEF5FB"))
                first = cell.paragraphs[0]
                if blok.titel:
                    add_runs(first, [(blok.titel, True)])
                    for item in blok.items:
                        add_runs(cell.add_paragraph(style="List Bullet"), item)
                else:
                    for i, item in enumerate(blok.items):
                        add_runs(first if i == 0 else cell.add_paragraph(), item)
                container.add_paragraph()
            elif blok.soort == "vraag":
                p = container.add_paragraph()
                add_runs(p, blok.runs)
                keep_with_next(p)
                if blok.titel:
                    q = container.add_paragraph()
                    add_runs(q, [(blok.titel, False)])
                    keep_with_next(q)
                for _ in range(blok.lijnen):
                    write_line(container)
                container.add_paragraph()
            elif blok.soort == "strookje":
                p = container.add_paragraph("✂ " + "- " * 40)
                p.paragraph_format.space_before = Pt(18)
                keep_with_next(p)
                h = container.add_paragraph(style="Heading 2")
                add_runs(h, [(blok.titel, False)])
                emit(container, blok.blokken)

    emit(word, doc.blokken)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# API
# ---------------------------------------------------------------------------------------------

def render(plan: Plan, document_id: str, fmt: str) -> str | bytes:
    """One document in one format: str for html and md, bytes for docx. Does not validate."""
    if fmt not in FORMATEN:
        raise SamenschoolError(f"Formaat '{fmt}' kennen we niet. Kies html, docx of md.")
    doc = document(plan, document_id)
    if fmt == "html":
        return to_html(doc, plan)
    if fmt == "md":
        return to_markdown(doc)
    return to_docx(doc, plan)


def bestandsnaam(document_id: str, fmt: str) -> str:
    return f"vertelgesprek_{DOCUMENTEN[document_id][0]}.{fmt}"


def write_all(plan: Plan, folder: Path | str, fmt: str) -> list[Path]:
    """Write the four documents in one format into ``folder``. A plan with errors is refused
    (SamenschoolError naming the fields)."""
    if fmt not in FORMATEN:
        raise SamenschoolError(f"Formaat '{fmt}' kennen we niet. Kies html, docx of md.")
    fouten = [m for m in validate(plan) if m.is_fout]
    if fouten:
        raise SamenschoolError("het plan is nog niet klaar. " + " ".join(f"{m}" for m in fouten))
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise SamenschoolError(f"'{folder}' is een bestand, geen map. Kies met --uit een map voor de vier "
                               "documenten, bv. --uit vertelgesprek.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SamenschoolError(f"Kan de map {folder} niet maken: {reden(exc)}.") from exc
    # all four first, then write: a problem in one document never leaves a mix of old and new
    contents = [(folder / bestandsnaam(doc_id, fmt), render(plan, doc_id, fmt)) for doc_id in DOCUMENTEN]
    # each file is written whole or not at all: a full disk leaves the earlier version intact
    return [schrijf_atomisch(path, content) for path, content in contents]
