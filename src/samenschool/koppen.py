"""Activity headings in the module notebooks, generated from the declared activities.

A Markdown cell that starts with ``## Activiteit`` (or ``###``) is an activity heading; the
n-th such heading belongs to the n-th activity in ``metadata.samenschool.activiteiten`` and
reads ``## Activiteit n: <titel> (<minuten> minuten)``. ``samenschool gids maak`` rewrites
them; ``samenschool gids controleer`` (and the tests) report a heading that no longer matches.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from samenschool import leerpad

_KOP = re.compile(r"^(#{2,3}) Activiteit\b[^\n]*")


def kop(act: leerpad.Activiteit, niveau: str = "##") -> str:
    eenheid = "minuut" if act.minuten == 1 else "minuten"
    return f"{niveau} Activiteit {act.nummer}: {act.titel} ({act.minuten} {eenheid})"


def _koppen(nb) -> list[tuple[int, re.Match]]:
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            match = _KOP.match(cell.source)
            if match:
                found.append((index, match))
    return found


def verschillen(pad: Path) -> list[str]:
    """Dutch messages for every activity heading of a module notebook that does not match its metadata."""
    mod = leerpad.module_uit_metadata(pad, leerpad.lees_metadata(pad))
    nb = nbformat.read(pad, as_version=4)
    koppen = _koppen(nb)
    problemen = []
    if len(koppen) != len(mod.activiteiten):
        problemen.append(f"{pad.name}: {len(koppen)} activiteitskoppen, maar de metadata noemt "
                         f"{len(mod.activiteiten)} activiteiten")
    for (_index, match), act in zip(koppen, mod.activiteiten):
        verwacht = kop(act, match.group(1))
        if match.group(0) != verwacht:
            problemen.append(f"{pad.name}: kop '{match.group(0)}' moet '{verwacht}' zijn")
    return problemen


def herschrijf(pad: Path) -> bool:
    """Rewrite the activity headings of one module notebook from its metadata. True when changed."""
    mod = leerpad.module_uit_metadata(pad, leerpad.lees_metadata(pad))
    nb = nbformat.read(pad, as_version=4)
    changed = False
    for (index, match), act in zip(_koppen(nb), mod.activiteiten):
        verwacht = kop(act, match.group(1))
        if match.group(0) != verwacht:
            cell = nb.cells[index]
            cell.source = verwacht + cell.source[match.end():]
            changed = True
    if changed:
        text = nbformat.writes(nb, version=4)
        pad.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return changed
