"""Everything a learner or facilitator reads, as (place, text) pieces, for the provenance tests.

Notebooks and exercises (Markdown cells and the string literals of code cells), the Jinja
templates, the string literals of the package's Python code (docstrings and comments are not
shown on a page and are left out), the facilitator guide, the example documents and the text
cells of the datasets.
"""

from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path

from samenschool import paths

ROOT = paths.repo_root()
PACKAGE = ROOT / "src" / "samenschool"


def _strings_in_python(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant that is not a docstring."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                docstrings.add(id(body[0].value))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            out.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            # an f-string: its literal parts joined, each placeholder as {…}
            parts = []
            for v in node.values:
                parts.append(v.value if isinstance(v, ast.Constant) else "{…}")
                if isinstance(v, ast.Constant):
                    docstrings.add(id(v))
            out.append((node.lineno, "".join(parts)))
    # implicit concatenation is one Constant already; f-string parts were added twice: drop them
    return out


def notebook_stukken(path: Path) -> list[tuple[str, str]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    rel = path.relative_to(ROOT)
    out = []
    for i, cell in enumerate(nb.get("cells", [])):
        src = "".join(cell.get("source", []))
        if cell.get("cell_type") == "markdown":
            out.append((f"{rel} cel {i}", src))
        elif cell.get("cell_type") == "code":
            out += [(f"{rel} cel {i}", s) for _, s in _strings_in_python(src)]
    return out


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("**/*.ipynb"))


def markdown_bestanden() -> list[Path]:
    return sorted((ROOT / "facilitator_guide").glob("**/*.md")) + sorted((ROOT / "datasets" / "brieven").glob("**/*"))


def python_bestanden() -> list[Path]:
    return sorted(p for p in PACKAGE.glob("**/*.py"))


def templates() -> list[Path]:
    return sorted(PACKAGE.glob("templates/**/*.j2")) + sorted((ROOT / "templates").glob("**/*.j2"))


def csv_bestanden() -> list[Path]:
    return sorted((ROOT / "datasets").glob("*.csv"))


def alle_stukken() -> list[tuple[str, str]]:
    """(place, text) for everything a learner or facilitator reads."""
    out: list[tuple[str, str]] = []
    for nb in notebooks():
        out += notebook_stukken(nb)
    for path in markdown_bestanden() + templates():
        if path.is_file() and path.suffix in {".md", ".txt", ".j2", ".html", ""}:
            out.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for path in python_bestanden():
        rel = path.relative_to(ROOT)
        out += [(f"{rel}:{line}", s) for line, s in _strings_in_python(path.read_text(encoding="utf-8"))]
    for path in csv_bestanden():
        rel = path.relative_to(ROOT)
        with path.open(encoding="utf-8", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle), start=2):
                for kolom, cel in row.items():
                    if cel and not re.fullmatch(r"[\w;.,-]*", cel):
                        out.append((f"{rel} regel {n} ({kolom})", cel))
    return out


def paragrafen(tekst: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", tekst) if p.strip()]


# “…” and ‘…’; an apostrophe inside a word (thema’s) is not a closing quote
DUBBEL = re.compile(r"“([^“”]*)”")
ENKEL = re.compile(r"‘((?:[^‘’]|’(?=\w))*)’(?!\w)")


def fragmenten(tekst: str) -> list[str]:
    return [m.group(1) for rx in (DUBBEL, ENKEL) for m in rx.finditer(tekst)]
