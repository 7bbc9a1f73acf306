"""The werkboek: everything in the werkmap as one document a student hands in (HTML for print,
DOCX to comment on in Word, Markdown).

It only renders what the answers say about themselves (``samenschool.antwoord``): the question
as shown, the answer as a person reads it, the activity and the order. The order is the chosen
route's pages, then the kit's other pages, and inside a page the order of its activities. The
learner's own name and group (start page) stand on top.

All learner text is escaped: HTML through Jinja2's autoescape, Markdown by escaping what
Markdown or embedded HTML would interpret, DOCX by writing plain runs (characters XML cannot
hold are replaced).
"""

from __future__ import annotations

import datetime as _dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from samenschool import bestanden, leerpad, sjablonen
from samenschool.antwoord import Antwoord
from samenschool.errors import SamenschoolError
from samenschool.escape import escape_md, xml_veilig
from samenschool.werkmap import Werkmap

TITEL = "Mijn werkboek: Samen School Maken"
BRON = ("De kit steunt op het rapport van Recht-Op vzw over partnerschap tussen ouders en school "
        "(www.recht-op.be).")
LEEG = "(nog niet ingevuld)"
FORMATEN = {".html": "html", ".htm": "html", ".docx": "docx", ".md": "md"}
NAAM_MODULE, NAAM_SLEUTEL = "00_start", "naam"



@dataclass
class Blok:
    """One activity of a page with its answers."""

    titel: str
    antwoorden: list[Antwoord] = field(default_factory=list)

    @property
    def enkel(self) -> bool:
        """One answer whose question is the activity's own title: show it once."""
        return len(self.antwoorden) == 1 and self.titel.strip().endswith(self.antwoorden[0].vraag.strip())


@dataclass
class Sectie:
    module: str
    titel: str
    blokken: list[Blok]


def _titel(module: str, data: dict) -> str:
    try:
        mod = leerpad.module(module)
        return f"Oefening: {mod.titel}" if mod.is_oefening else mod.titel
    except (KeyError, SamenschoolError):
        return str(data.get("titel") or module.replace("_", " "))


def volgorde(werkmap: Werkmap, route: str | None = None) -> list[str]:
    """Werkmap modules in werkboek order: the route's pages, then the kit's, then any others."""
    from samenschool import gids

    route = route if route is not None else werkmap.get("00_start", "route")
    eerst: list[str] = []
    if isinstance(route, str) and route in gids.routes_info():
        eerst = gids.werkmap_volgorde(route)
    kit = [m.werkmap_module for m in leerpad.alles()]
    aanwezig = set(werkmap.modules())
    orde = list(dict.fromkeys(["00_start"] + eerst + kit))
    return [m for m in orde if m in aanwezig] + sorted(aanwezig - set(orde))


def naam(werkmap: Werkmap) -> dict[str, str]:
    """The learner's own name and group from the start page ({} when not given)."""
    waarde = werkmap.get(NAAM_MODULE, NAAM_SLEUTEL, {})
    if not isinstance(waarde, dict):
        return {}
    return {k: str(v).strip() for k, v in waarde.items() if k in ("naam", "groep") and str(v).strip()}


def secties(werkmap: Werkmap, route: str | None = None) -> list[Sectie]:
    """The werkboek's content as plain data, in order."""
    alles = werkmap.alles()
    result = []
    for module in volgorde(werkmap, route):
        data = alles.get(module, {})
        antwoorden = sorted((Antwoord.from_dict(k, v) for k, v in data.get("antwoorden", {}).items()),
                            key=Antwoord.orde)
        if module == NAAM_MODULE:
            antwoorden = [a for a in antwoorden if a.sleutel != NAAM_SLEUTEL]  # on top instead
        is_oefening = module.startswith("oefening_")
        blokken: list[Blok] = []
        for antwoord in antwoorden:
            titel = antwoord.activiteit_titel or antwoord.vraag
            if antwoord.activiteit_titel and antwoord.activiteit_nr and not is_oefening:
                titel = f"Activiteit {antwoord.activiteit_nr}: {titel}"  # as the page's heading says
            if not blokken or blokken[-1].titel != titel:
                blokken.append(Blok(titel))
            blokken[-1].antwoorden.append(antwoord)
        if blokken:
            result.append(Sectie(module, _titel(module, data), blokken))
    return result


def _tekst(antwoord: Antwoord) -> str:
    return antwoord.tekst if antwoord.tekst.strip() else ("" if antwoord.delen else LEEG)


# -- Markdown ---------------------------------------------------------------------------------
def to_markdown(werkmap: Werkmap) -> str:
    lines = [f"# {TITEL}", ""]
    wie = naam(werkmap)
    if wie:
        lines += [f"**Naam:** {escape_md(wie.get('naam', ''))}  ", f"**Groep:** {escape_md(wie.get('groep', ''))}", ""]
    lines += [f"Gemaakt op {_dt.date.today():%d-%m-%Y}. {BRON}", ""]
    parts = secties(werkmap)
    if not parts:
        lines.append("Je werkmap is nog leeg.")
    for sectie in parts:
        lines += [f"## {escape_md(sectie.titel)}", ""]
        for blok in sectie.blokken:
            lines += [f"### {escape_md(blok.titel)}", ""]
            for antwoord in blok.antwoorden:
                if not blok.enkel:
                    lines += [f"**{escape_md(antwoord.vraag)}**", ""]
                tekst = _tekst(antwoord)
                if tekst:
                    lines += [escape_md(line) if line else "" for line in tekst.split("\n")] + [""]
                for label, waarde in antwoord.delen or []:
                    lines.append(f"- {escape_md(label.rstrip('.:')) + ': ' if label else ''}{escape_md(waarde)}")
                if antwoord.delen:
                    lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- HTML -------------------------------------------------------------------------------------
def to_html(werkmap: Werkmap) -> str:
    template = sjablonen.html().get_template("werkboek.html.j2")
    return template.render(titel=TITEL, bron=BRON, secties=secties(werkmap), naam=naam(werkmap),
                           leeg=LEEG, datum=f"{_dt.date.today():%d-%m-%Y}")


# -- DOCX -------------------------------------------------------------------------------------
def _xml(text: str) -> str:
    return xml_veilig(str(text))


def to_docx(werkmap: Werkmap) -> bytes:
    """The werkboek as a Word document with real headings (a lector comments on it in Word)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = TITEL
    doc.core_properties.language = "nl-BE"
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(TITEL, level=0)
    wie = naam(werkmap)
    if wie:
        p = doc.add_paragraph()
        p.add_run("Naam: ").bold = True
        p.add_run(_xml(wie.get("naam", "")))
        p = doc.add_paragraph()
        p.add_run("Groep: ").bold = True
        p.add_run(_xml(wie.get("groep", "")))
    doc.add_paragraph(f"Gemaakt op {_dt.date.today():%d-%m-%Y}. {BRON}")
    parts = secties(werkmap)
    if not parts:
        doc.add_paragraph("Je werkmap is nog leeg.")
    for sectie in parts:
        doc.add_heading(_xml(sectie.titel), level=1)
        for blok in sectie.blokken:
            doc.add_heading(_xml(blok.titel), level=2)
            for antwoord in blok.antwoorden:
                if not blok.enkel:
                    doc.add_paragraph().add_run(_xml(antwoord.vraag)).bold = True
                tekst = _tekst(antwoord)
                if tekst:
                    for alinea in tekst.split("\n"):
                        doc.add_paragraph(_xml(alinea))
                if antwoord.delen:
                    tabel = doc.add_table(rows=0, cols=2)
                    tabel.style = "Table Grid"
                    for label, waarde in antwoord.delen:
                        cellen = tabel.add_row().cells
                        cellen[0].text, cellen[1].text = _xml(label), _xml(waarde)
                    doc.add_paragraph()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# -- export -----------------------------------------------------------------------------------
def render(werkmap: Werkmap, formaat: str) -> str | bytes:
    if formaat == "html":
        return to_html(werkmap)
    if formaat == "md":
        return to_markdown(werkmap)
    if formaat == "docx":
        return to_docx(werkmap)
    raise SamenschoolError(f"Onbekend formaat '{formaat}'. Kies html, docx of md.")


def export(werkmap: Werkmap, target: Path | str) -> list[Path]:
    """Write the werkboek. ``.html``, ``.docx`` or ``.md`` writes that format; no suffix writes all
    three. Every file is written whole or not at all (the old file stays on a failed write)."""
    target = Path(target)
    if not target.name or target.name in (".", "..") or (target.exists() and target.is_dir()):
        raise SamenschoolError(f"'{target}' is geen bestandsnaam. Kies bv. werkboek.html of werkboek.docx.")
    suffix = target.suffix
    if suffix and suffix not in FORMATEN:
        raise SamenschoolError("Kies een bestandsnaam die eindigt op .html, .docx of .md "
                               "(of zonder einde: dan krijg je alle drie).")
    targets = [target] if suffix else [target.with_suffix(s) for s in (".html", ".docx", ".md")]
    return [bestanden.schrijf_atomisch(path, render(werkmap, FORMATEN[path.suffix])) for path in targets]
