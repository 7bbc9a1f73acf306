"""Handouts on paper, made from the same sources as the kit (``make handouts``).

Writes into ``dist/handouts/``:

- ``notebooks/NN_naam.html`` and ``exercises/NN_naam.html``: every module and every exercise's
  learner version without code, without Python output, without a kernel. nbconvert turns the
  notebook into HTML with the kit's own template (``share/jupyter/nbconvert/templates/
  samenschool_papier``). Before that, every code cell is replaced by what it shows that can
  be printed from the data: the parents' quotes (from ``datasets/citaten.csv``), the time box
  (from the notebook's metadata), a question with lines to write on. A widget that only works
  on screen leaves one plain line saying so.
- ``citaatkaarten.html``: every quote of the report on an A6 card (four per A4 sheet), with
  who said it and the source.
- ``scenariokaarten.html``: the quotes the report links to a theme or a barrier, as A6
  conversation cards with the kit's scenario question; the report's reading printed upside
  down at the foot, for checking afterwards.
- ``gids.html``: the facilitator guide as one document (rubrics and model answers included).
- ``index.html``: what is where.

Nothing is typed twice: quotes, questions, titles and times come from the datasets and the
notebooks; the guide from ``facilitator_guide/*.md``.
"""

from __future__ import annotations

import ast
import copy
import os
import re
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path, PurePosixPath

import nbformat

from samenschool import data, handleiding
from samenschool.errors import SamenschoolError
from samenschool.paths import PACKAGE_DIR, repo_root

UIT_MAP = Path("dist") / "handouts"
NBCONVERT_TEMPLATES = PACKAGE_DIR / "share" / "jupyter" / "nbconvert" / "templates"
TEMPLATE = "samenschool_papier"
KIT_CSS = PACKAGE_DIR / "share" / "jupyter" / "voila" / "templates" / "samenschool" / "static" / "samenschool.css"
TEMPLATES = PACKAGE_DIR / "templates" / "handouts"
_CITAAT_ID = re.compile(r"^C\d{3,}$")
_MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")
# Calls that show nothing worth printing (imports, navigation, progress, opening the page).
_STIL = ("navigatie", "voortgang", "open_module")
SCHRIJFLIJNEN = 6
OP_HET_SCHERM = "Deze activiteit doe je op het scherm, in de kit."


@dataclass
class Oproep:
    """One call in a code cell, reduced to what a printout needs."""

    naam: str                                        # dotted name, e.g. "pagina.citaat"
    sleutel: str | None = None                       # first argument when it is a plain string
    citaten: list[str] = field(default_factory=list)
    vraag: str | None = None
    hulptekst: str | None = None
    label: str | None = None                         # the box's own label when the question is above it


def _waarde(node):
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None


def _ids(value) -> list[str]:
    if isinstance(value, str):
        return [value] if _CITAAT_ID.match(value) else []
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str) and _CITAAT_ID.match(v)]
    return []


def _naam(func) -> str:
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        parts.append(func.id)
    return ".".join(reversed(parts))


def oproepen(source: str) -> list[Oproep]:
    """The top-level calls of a code cell (imports and assignments of a call included)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    result = []
    for stmt in tree.body:
        call = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign)) else None
        if not isinstance(call, ast.Call):
            continue
        oproep = Oproep(_naam(call.func))
        posities = [_waarde(a) for a in call.args]
        if posities and isinstance(posities[0], str) and not _CITAAT_ID.match(posities[0]):
            oproep.sleutel = posities[0]
        for value in posities:
            oproep.citaten += _ids(value)
        for kw in call.keywords:
            value = _waarde(kw.value)
            if kw.arg == "vraag" and isinstance(value, str):
                oproep.vraag = value
            elif kw.arg == "hulptekst" and isinstance(value, str):
                oproep.hulptekst = value
            elif kw.arg == "label" and isinstance(value, str):
                oproep.label = value
            elif kw.arg not in ("zonder",):  # "zonder": quotes left out, not shown
                oproep.citaten += _ids(value)
        if oproep.vraag is None and oproep.naam.split(".")[-1] == "reflectie":
            zinnen = [v for v in posities if isinstance(v, str) and " " in v]
            oproep.vraag = zinnen[-1] if zinnen else None
        result.append(oproep)
    return result


def _schrijfvak(vraag: str, hulptekst: str | None = None, lijnen: int = SCHRIJFLIJNEN) -> str:
    hulp = f'<p class="ss-hulp">{escape(hulptekst)}</p>' if hulptekst else ""
    return (f'<div class="ss-schrijfvak"><p class="ss-vraag"><strong>{escape(vraag)}</strong></p>{hulp}'
            + '<div class="ss-lijn"></div>' * lijnen + "</div>")


def _activiteiten(nb) -> set[str]:
    return {a.get("sleutel") for a in nb.metadata.get("samenschool", {}).get("activiteiten", []) if a.get("sleutel")}


def cel_html(source: str, module_id: str, activiteiten: set[str] = frozenset()) -> str:
    """What a code cell becomes on paper (HTML, every text escaped).

    A call whose first argument is one of the page's declared activities is an activity: its
    quotes, then its question with lines to write on (a reflection, a scenario), or one line
    that says it is done on screen. Any other call shows its quotes only (a quote, a barrier
    with its quotes) or nothing (navigation, progress, overviews built on screen)."""
    from samenschool import pagina
    from samenschool.widgets import scenario

    stukken = []
    for oproep in oproepen(source):
        kort = oproep.naam.split(".")[-1]
        if kort in ("tijd", "toon_tijd"):
            try:
                stukken.append(pagina.tijd_html(module_id))
            except Exception:  # an exercise has no time box of its own
                pass
            continue
        if any(s in oproep.naam for s in _STIL):
            continue
        if kort in ("alle_modules", "alle_oefeningen"):  # the lists of pages, with links
            stukken.append(pagina.modules_html() if kort == "alle_modules" else pagina.oefeningen_html())
            continue
        stukken += [pagina.citaat_html(c) for c in oproep.citaten]
        if oproep.sleutel is None or oproep.sleutel not in activiteiten:
            continue  # not an activity: its quotes (if any) are all there is to print
        if oproep.vraag:  # an exercise shows its question above the box, the box only its label
            stukken.append(_schrijfvak(oproep.label or oproep.vraag, oproep.hulptekst))
        elif kort == "scenario":
            stukken.append(_schrijfvak(scenario.STANDAARD_VRAAG, lijnen=4))
        else:  # a widget that works on screen only
            stukken.append(f'<p class="ss-op-scherm">{escape(OP_HET_SCHERM)}</p>')
    return "\n".join(stukken)


# -- links -----------------------------------------------------------------------------------------
def _relatief(doel: str, van: str) -> str:
    """``doel`` (a path inside dist/handouts) relative to the folder of file ``van``."""
    return os.path.relpath(doel, PurePosixPath(van).parent.as_posix() or ".").replace(os.sep, "/")


def _doel_in_handouts(repo_pad: str) -> tuple[str, str] | None:
    """(handout file, fragment) for a file of the repository, or None when it has no handout."""
    pad, _, fragment = repo_pad.partition("#")
    p = PurePosixPath(pad)
    if p.suffix == ".ipynb" and p.parent.as_posix() in ("notebooks", "exercises") and re.match(r"^\d\d_", p.name):
        return f"{p.parent.as_posix()}/{p.stem}.html", fragment
    if p.parent.as_posix() == "notebooks" and p.name in (handleiding.GIDS_PAGINA, handleiding.BEGELEIDER_PAGINA):
        # the kit's guide pages: on paper, the guide handout (answers part for the begeleider page)
        return "gids.html", (fragment or ("" if p.name == handleiding.GIDS_PAGINA else handleiding.anker("rubrics.md")))
    gids = handleiding.GIDS_MAP.as_posix()
    if pad == gids or pad.startswith(gids + "/"):
        doel = handleiding.standaard_doel(ook_begeleider=True)(pad, fragment)
        return ("gids.html", (doel or "#").lstrip("#")) if doel else None
    return None


def _nieuwe_url(url: str, bron_pad: str, uit_pad: str, bestaat) -> str | None:
    """A link of the notebook at ``bron_pad`` made to point at the handouts: unchanged for web
    links and anchors, the handout's relative address, or None when there is no handout."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("#"):
        return url
    pad, _, fragment = url.partition("#")
    repo_pad = handleiding._normaliseer(PurePosixPath(bron_pad).parent.as_posix(), pad)
    doel = _doel_in_handouts(repo_pad + (f"#{fragment}" if fragment else ""))
    if doel is None or not bestaat(doel[0]):
        return None
    return _relatief(doel[0], uit_pad) + (f"#{doel[1]}" if doel[1] else "")


def herschrijf_links(markdown: str, bron_pad: str, uit_pad: str, bestaat) -> str:
    """Markdown links pointed at the handouts; a link without a handout keeps its words."""

    def vervang(m: re.Match) -> str:
        beeld, tekst, url = m.groups()
        if beeld:
            return m.group(0)
        nieuw = _nieuwe_url(url, bron_pad, uit_pad, bestaat)
        return tekst if nieuw is None else f"[{tekst}]({nieuw})"

    return _MD_LINK.sub(vervang, markdown)


def herschrijf_html_links(html: str, bron_pad: str, uit_pad: str, bestaat) -> str:
    """``href``s in HTML pointed at the handouts; without a handout the link loses its address."""

    def vervang(m: re.Match) -> str:
        nieuw = _nieuwe_url(unescape(m.group(1)), bron_pad, uit_pad, bestaat)
        return "" if nieuw is None else f' href="{escape(nieuw)}"'

    return re.sub(r'\s+href="([^"]*)"', vervang, html)


# -- notebooks ---------------------------------------------------------------------------------
def papier_notebook(nb, bron_pad: str, uit_pad: str, bestaat=lambda _p: True):
    """A copy of ``nb`` with Markdown and printable HTML only (no code cell left)."""
    module_id = PurePosixPath(bron_pad).stem
    activiteiten = _activiteiten(nb)
    out = nbformat.v4.new_notebook()
    out.metadata = {"samenschool": copy.deepcopy(nb.metadata.get("samenschool", {})),
                    "language_info": {"name": "python"}}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(herschrijf_links(cell.source, bron_pad, uit_pad, bestaat))
            out.cells.append(new)
        elif cell.cell_type == "code":
            inhoud = herschrijf_html_links(cel_html(cell.source, module_id, activiteiten), bron_pad, uit_pad, bestaat)
            if inhoud:
                raw = nbformat.v4.new_raw_cell(inhoud)
                raw.metadata["raw_mimetype"] = "text/html"
                out.cells.append(raw)
    return out


def _titel(nb, fallback: str) -> str:
    titel = nb.metadata.get("samenschool", {}).get("titel")
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
            return cell.source.lstrip()[2:].splitlines()[0].strip()
    return titel or fallback


def _css() -> str:
    return KIT_CSS.read_text(encoding="utf-8") + "\n" + (TEMPLATES / "papier.css").read_text(encoding="utf-8")


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(NBCONVERT_TEMPLATES)])
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.anchor_link_text = ""
    return exporter


def notebook_html(nb, titel: str, soort: str, terug: str) -> str:
    body, _ = _exporter().from_notebook_node(
        nb, resources={"samenschool": {"css": _css(), "titel": titel, "soort": soort, "terug": terug}})
    return body


# -- cards ---------------------------------------------------------------------------------------
def _jinja():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def _grootte(tekst: str) -> str:
    n = len(tekst)
    return "kort" if n <= 180 else "middel" if n <= 330 else "lang" if n <= 480 else "zeerlang"


def _onderwerp(rij, themas: dict, drempels: dict) -> list[str]:
    namen = [themas.get(t) for t in data.split_list(rij.get("thema") or "")]
    namen += [drempels.get(d) for d in data.split_list(rij.get("drempel") or "")]
    return [n for n in namen if n]


def citaatkaarten(scenario: bool = False) -> list[dict]:
    """The cards: every quote (or, for scenario cards, each quote the report links to a theme
    or barrier), with speaker, source and the report's reading."""
    from samenschool import citaat
    from samenschool.widgets import scenario as scenario_widget

    themas = dict(zip(data.themas()["id"], data.themas()["naam"]))
    drempels = dict(zip(data.drempels()["id"], data.drempels()["naam"]))
    kaarten = []
    for _, rij in data.citaten().iterrows():
        onderwerp = _onderwerp(rij, themas, drempels)
        if scenario and not onderwerp:
            continue
        zo = citaat.ZO_IN_HET_RAPPORT.strip() if "zo in het rapport" in (rij.get("opmerking") or "") else ""
        kaarten.append({"id": rij["id"], "tekst": rij["tekst"], "wie": citaat.wie(rij), "bron": citaat.BRON, "noot": zo,
                        "onderwerp": onderwerp, "grootte": _grootte(rij["tekst"]),
                        "vraag": scenario_widget.STANDAARD_VRAAG if scenario else None})
    return kaarten


def _vellen(kaarten: list[dict], per_vel: int = 4) -> list[list[dict]]:
    return [kaarten[i:i + per_vel] for i in range(0, len(kaarten), per_vel)]


def schrijf_atomisch(pad: Path, inhoud: str) -> None:
    try:
        from samenschool.bestanden import schrijf_atomisch as schrijf
    except ImportError:  # before the shared helper existed
        tmp = pad.with_name(f".{pad.name}.tmp")
        tmp.write_text(inhoud, encoding="utf-8")
        tmp.replace(pad)
        return
    schrijf(pad, inhoud)


# -- build -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Handout:
    pad: str       # relative to dist/handouts
    titel: str
    soort: str     # module, oefening, kaarten, gids


def _notebooks(root: Path) -> list[tuple[str, str]]:
    """(repo-relative path, kind) of every module and every exercise's learner version."""
    found = [(p.relative_to(root).as_posix(), "module") for p in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
    found += [(p.relative_to(root).as_posix(), "oefening") for p in sorted((root / "exercises").glob("[0-9][0-9]_*.ipynb"))]
    return found


def bouw(uit: Path | None = None, root: Path | None = None) -> list[Handout]:
    """Write every handout into ``uit`` (default ``dist/handouts`` in the checkout)."""
    root = Path(root) if root is not None else repo_root()
    uit = Path(uit) if uit is not None else root / UIT_MAP
    uit.mkdir(parents=True, exist_ok=True)
    bronnen = _notebooks(root)
    geplande = {f"{PurePosixPath(p).parent.as_posix()}/{PurePosixPath(p).stem}.html" for p, _ in bronnen}
    geplande |= {"gids.html", "index.html", "citaatkaarten.html", "scenariokaarten.html"}
    handouts: list[Handout] = []
    for bron_pad, soort in bronnen:
        uit_pad = f"{PurePosixPath(bron_pad).parent.as_posix()}/{PurePosixPath(bron_pad).stem}.html"
        try:
            nb = nbformat.read(root / bron_pad, as_version=4)
        except Exception as exc:
            raise SamenschoolError(f"{bron_pad} is geen geldig notebook: {exc}") from exc
        titel = _titel(nb, PurePosixPath(bron_pad).stem)
        papier = papier_notebook(nb, bron_pad, uit_pad, bestaat=lambda p: p in geplande)
        html = notebook_html(papier, titel, "Module" if soort == "module" else "Oefening", _relatief("index.html", uit_pad))
        (uit / uit_pad).parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomisch(uit / uit_pad, html)
        handouts.append(Handout(uit_pad, titel, soort))

    env = _jinja()
    css = (TEMPLATES / "papier.css").read_text(encoding="utf-8")
    for naam, titel, scenario in (("citaatkaarten.html", "Citaatkaarten", False),
                                  ("scenariokaarten.html", "Scenariokaarten", True)):
        kaarten = citaatkaarten(scenario=scenario)
        html = env.get_template("kaarten.html.j2").render(titel=titel, vellen=_vellen(kaarten), aantal=len(kaarten),
                                                          scenario=scenario, css=css)
        schrijf_atomisch(uit / naam, html)
        handouts.append(Handout(naam, titel, "kaarten"))

    gids = handleiding.html("alles", link_doel=handleiding.standaard_doel(ook_begeleider=True), root=root)
    schrijf_atomisch(uit / "gids.html", env.get_template("gids.html.j2").render(
        gids=gids, css=_css(), titel="Gids voor begeleiders"))
    handouts.append(Handout("gids.html", "Gids voor begeleiders (met rubrics en modeloplossingen)", "gids"))

    schrijf_atomisch(uit / "index.html", env.get_template("index.html.j2").render(handouts=handouts, css=css))
    return [Handout("index.html", "Overzicht", "index")] + handouts
