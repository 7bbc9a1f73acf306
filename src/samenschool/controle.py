"""Preflight: is everything in place for a session? Plain Dutch, one line per check."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from dataclasses import dataclass

from samenschool import data, leerpad
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap

PACKAGES = ["voila", "ipywidgets", "pandas", "matplotlib", "pyphen", "docx", "jinja2"]
DATASETS = ["citaten", "themas", "drempels", "waarden", "impact", "goede_praktijken", "noden"]


@dataclass(frozen=True)
class Check:
    naam: str
    ok: bool
    uitleg: str


def checks() -> list[Check]:
    result = [Check("Python", sys.version_info >= (3, 10), f"versie {sys.version.split()[0]} (nodig: 3.10 of nieuwer)")]
    missing = []
    for name in PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    result.append(Check("Pakketten", not missing,
                        "alles aanwezig" if not missing else f"ontbreekt: {', '.join(missing)} (draai make start opnieuw)"))
    try:
        counts = [f"{len(data.load(name))} {name}" for name in DATASETS]
        result.append(Check("Gegevens uit het rapport", True, ", ".join(counts)))
    except SamenschoolError as exc:
        result.append(Check("Gegevens uit het rapport", False, str(exc)))
    mods = leerpad.modules()
    result.append(Check("Pagina's", bool(mods), f"{len(mods)} modules: " + ", ".join(m.id for m in mods)))
    wm = Werkmap.default()
    try:
        wm.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=wm.folder, prefix=".controle-"):
            pass
        result.append(Check("Werkmap", True, f"je antwoorden komen in {wm.folder}"))
    except OSError as exc:
        result.append(Check("Werkmap", False, f"kan niet schrijven in {wm.folder}: {exc.strerror}"))
    chromium = os.path.exists("/usr/bin/chromium")
    result.append(Check("Chromium (alleen voor de tests)", True,
                        "aanwezig" if chromium else "niet aanwezig: de browsertests worden overgeslagen"))
    return result


def report() -> tuple[bool, str]:
    items = checks()
    lines = [f"{'OK  ' if c.ok else 'NIET'}  {c.naam}: {c.uitleg}" for c in items]
    ok = all(c.ok for c in items)
    lines.append("Alles klaar voor je sessie." if ok else "Er ontbreekt iets: zie de regels met NIET.")
    return ok, "\n".join(lines)
