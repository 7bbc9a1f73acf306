"""Exercises: one source holds the model answer; everything else is generated from it.

Sources live in ``exercises/bron/NN_naam.ipynb``. A Markdown cell tagged ``oplossing``
holds the model answer to the question above it. From each source this module writes

- ``exercises/NN_naam.ipynb``: the learner version. Every ``oplossing`` cell becomes an
  answer box (``pagina.reflectie``) that saves the answer in the werkmap under module
  ``oefening_NN_naam``; cells tagged ``alleen-bron`` are left out; outputs and execution
  counts are stripped. Its metadata declares the activities (``samenschool.leerpad``): every
  question, and every code cell whose ``metadata.samenschool.activiteit`` declares one (e.g. the
  letter editor of exercise 05), in page order.
- ``facilitator_guide/modeloplossingen/NN_naam.md``: the model answers, each under its
  question, with the quotes the exercise shows written out from ``datasets/citaten.csv``.

Never edit a generated file by hand: ``samenschool oefeningen maak`` overwrites it and
``samenschool oefeningen controleer`` fails while one is out of date.

The question is the Markdown cell just above an ``oplossing`` cell: its heading
(``### Vraag 1: in de huid van de ouder``) is the activity's title, its text the question the
werkboek shows beside the answer (the page shows it once, above the box). Per ``oplossing`` cell,
``metadata.samenschool`` holds ``minuten`` and may hold ``sleutel`` (werkmap key; default
``vraag_1``, ``vraag_2``, … in order).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from samenschool.errors import SamenschoolError
from samenschool.paths import repo_root

TAG_OPLOSSING = "oplossing"
TAG_ALLEEN_BRON = "alleen-bron"
BRON_MAP = Path("exercises") / "bron"
UIT_MAP = Path("exercises")
MODEL_MAP = Path("facilitator_guide") / "modeloplossingen"
BOX_LABEL = "Jouw antwoord:"
_KOP = re.compile(r"^#{2,4}\s+(.+?)\s*$")
_NAAM = re.compile(r"^\d\d_[a-z0-9_]+$")
_CITAAT_CALL = re.compile(r"pagina\.citaat\(([^)]*)\)")
_ID = re.compile(r"[\"'](C\d+)[\"']")


@dataclass(frozen=True)
class Doel:
    """One generated file: where it goes and what it must contain."""

    pad: Path
    inhoud: str
    bron: Path


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def bronnen(root: Path | None = None) -> list[Path]:
    root = Path(root) if root is not None else repo_root()
    folder = root / BRON_MAP
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def _lees(path: Path):
    if not _NAAM.match(path.stem):
        raise SamenschoolError(f"{path.name}: de naam moet de vorm NN_naam hebben (bv. 01_casusanalyse).")
    try:
        return nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several kinds
        raise SamenschoolError(f"{path} is geen geldig notebook: {exc}") from exc


def module_sleutel(naam: str) -> str:
    """The werkmap module where a learner's answers to exercise ``naam`` are saved."""
    return f"oefening_{naam}"


@dataclass(frozen=True)
class Vraag:
    index: int      # cell index of the oplossing cell
    sleutel: str
    titel: str      # the heading above it ("Vraag 1: in de huid van de ouder")
    vraag: str      # the question text under that heading
    minuten: int


def _vraag_boven(nb, index: int, nummer: int) -> tuple[str, str]:
    """Title and question text of the Markdown cell above an oplossing cell."""
    boven = nb.cells[index - 1] if index > 0 else None
    if boven is None or boven.cell_type != "markdown" or TAG_OPLOSSING in _tags(boven):
        raise SamenschoolError(f"Cel {index + 1}: boven een oplossing hoort een Markdown-cel met de vraag.")
    regels = boven.source.strip().splitlines()
    kop = _KOP.match(regels[0]) if regels else None
    titel = kop.group(1) if kop else f"Vraag {nummer}"
    tekst = " ".join(r.strip() for r in (regels[1:] if kop else regels) if r.strip())
    return titel, tekst or titel


def _vragen(nb) -> list[Vraag]:
    """Every question with its solution cell, in order."""
    found: list[Vraag] = []
    for index, cell in enumerate(nb.cells):
        if TAG_OPLOSSING not in _tags(cell):
            continue
        if cell.cell_type != "markdown":
            raise SamenschoolError(f"Cel {index + 1} heeft de tag '{TAG_OPLOSSING}' maar is geen Markdown-cel.")
        meta = cell.metadata.get("samenschool", {})
        key = meta.get("sleutel") or f"vraag_{len(found) + 1}"
        if not re.fullmatch(r"[a-z0-9_]+", key):
            raise SamenschoolError(f"Cel {index + 1}: ongeldige sleutel {key!r} (alleen kleine letters, cijfers en _).")
        if key in {v.sleutel for v in found}:
            raise SamenschoolError(f"Cel {index + 1}: de sleutel {key!r} komt twee keer voor.")
        minuten = meta.get("minuten")
        if isinstance(minuten, bool) or not isinstance(minuten, int) or not 0 <= minuten <= 600:
            raise SamenschoolError(f"Cel {index + 1}: geef in metadata.samenschool.minuten de minuten voor deze vraag.")
        titel, vraag = _vraag_boven(nb, index, len(found) + 1)
        found.append(Vraag(index, key, titel, vraag, minuten))
    return found


def activiteiten(nb) -> list[dict]:
    """The learner version's declared activities, in page order: questions and declared widgets."""
    result = []
    vragen = {v.index: v for v in _vragen(nb)}
    for index, cell in enumerate(nb.cells):
        if index in vragen:
            v = vragen[index]
            result.append({"sleutel": v.sleutel, "titel": v.titel, "minuten": v.minuten, "soort": "reflectie"})
        elif cell.cell_type == "code" and "activiteit" in cell.metadata.get("samenschool", {}):
            result.append(dict(cell.metadata["samenschool"]["activiteit"]))
    return result


def _antwoordcel(vraag: Vraag, cell_id: str):
    args = ", ".join(json.dumps(a, ensure_ascii=False) for a in (vraag.sleutel, vraag.vraag))
    source = f"pagina.reflectie({args}, label={json.dumps(BOX_LABEL, ensure_ascii=False)})"
    cell = nbformat.v4.new_code_cell(source, id=cell_id[:55] + "-antwoord")
    cell.metadata = {"jupyter": {"source_hidden": True}, "tags": ["hide-input"]}
    return cell


def leerlingversie(nb, naam: str):
    """The learner notebook for source ``nb`` (a new object; the source is not changed)."""
    vragen = {v.index: v for v in _vragen(nb)}
    eerste = next((c for c in nb.cells if c.cell_type == "code"), None)
    verwacht = f'open_module("{module_sleutel(naam)}")'
    if eerste is None or verwacht not in eerste.source:
        raise SamenschoolError(
            f"{naam}: de eerste codecel moet de oefening openen: "
            f"from samenschool.widgets.module import open_module; pagina = {verwacht}")
    out = nbformat.v4.new_notebook()
    out.metadata = copy.deepcopy(nb.metadata)
    out.metadata.setdefault("samenschool", {})
    out.metadata["samenschool"]["activiteiten"] = activiteiten(nb)
    out.metadata["samenschool"]["gegenereerd_uit"] = f"{BRON_MAP.as_posix()}/{naam}.ipynb"
    out.metadata["samenschool"]["werkmap_module"] = module_sleutel(naam)
    for index, cell in enumerate(nb.cells):
        tags = _tags(cell)
        if TAG_ALLEEN_BRON in tags:
            continue
        if index in vragen:
            out.cells.append(_antwoordcel(vragen[index], cell.get("id") or f"cel-{index}"))
            continue
        new = copy.deepcopy(cell)
        if new.cell_type == "code":
            new.outputs = []
            new.execution_count = None
        new.metadata.pop("execution", None)
        out.cells.append(new)
    nbformat.validate(out)
    return out


def _citaat_md(citaat_id: str) -> str:
    from samenschool import citaat

    return citaat.markdown(citaat.rij(citaat_id))


def modeloplossing(nb, naam: str) -> str:
    """The model answers as Markdown: title, the quotes shown, each question and its answer."""
    titel = naam
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
            titel = cell.source.lstrip()[2:].splitlines()[0].strip()
            break
    lines = [f"# Modeloplossing: {titel}", "",
             f"*Gemaakt uit `{BRON_MAP.as_posix()}/{naam}.ipynb` met `samenschool oefeningen maak`. "
             "Pas de bron aan, niet dit bestand.*", "",
             f"De antwoorden van de lerenden staan in hun werkmap onder `{module_sleutel(naam)}`.", ""]
    citaten = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            for call in _CITAAT_CALL.findall(cell.source):
                citaten += [c for c in _ID.findall(call) if c not in citaten]
    if citaten:
        lines += ["## De citaten in deze oefening", ""]
        for c in citaten:
            lines += [_citaat_md(c), ""]
        lines += ["Bron: Recht-Op vzw, rapport over partnerschap tussen ouders en school.", ""]
    for vraag in _vragen(nb):
        lines += [f"## {vraag.titel}", "", f"*{vraag.vraag}*", "", nb.cells[vraag.index].source.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def _schrijf_nb(nb) -> str:
    return nbformat.writes(nb, version=4).rstrip("\n") + "\n"


def doelen(root: Path | None = None) -> list[Doel]:
    """Every file the sources generate, with its expected content."""
    root = Path(root) if root is not None else repo_root()
    result = []
    for bron in bronnen(root):
        nb = _lees(bron)
        naam = bron.stem
        result.append(Doel(root / UIT_MAP / f"{naam}.ipynb", _schrijf_nb(leerlingversie(nb, naam)), bron))
        result.append(Doel(root / MODEL_MAP / f"{naam}.md", modeloplossing(nb, naam), bron))
    return result


def maak(root: Path | None = None) -> list[Path]:
    """(Re)generate every learner version and model answer. Returns the files that changed."""
    changed = []
    for doel in doelen(root):
        if doel.pad.is_file() and doel.pad.read_text(encoding="utf-8") == doel.inhoud:
            continue
        doel.pad.parent.mkdir(parents=True, exist_ok=True)
        tmp = doel.pad.with_name(f".{doel.pad.name}.tmp")
        tmp.write_text(doel.inhoud, encoding="utf-8")
        tmp.replace(doel.pad)
        changed.append(doel.pad)
    return changed


def controleer(root: Path | None = None) -> list[str]:
    """Dutch messages for every generated file that is missing or out of date, and for
    learner versions whose source is gone. Empty list: all up to date."""
    root = Path(root) if root is not None else repo_root()
    problems = []
    expected = doelen(root)
    for doel in expected:
        rel = doel.pad.relative_to(root).as_posix()
        if not doel.pad.is_file():
            problems.append(f"{rel} ontbreekt (bron: {doel.bron.relative_to(root).as_posix()}).")
        elif doel.pad.read_text(encoding="utf-8") != doel.inhoud:
            problems.append(f"{rel} is verouderd of met de hand aangepast "
                            f"(bron: {doel.bron.relative_to(root).as_posix()}).")
    known = {d.pad for d in expected}
    for path in sorted((root / UIT_MAP).glob("*.ipynb")):
        if path not in known and _NAAM.match(path.stem):
            problems.append(f"{path.relative_to(root).as_posix()} heeft geen bron in {BRON_MAP.as_posix()}/.")
    return problems
