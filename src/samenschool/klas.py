"""Room mode for the facilitator: one werkboek per participant.

Participants are numbered in the order they joined (the folder ``deelnemer-NNN`` that the
server gave them, see samenschool.deelnemer); a participant who typed their own name on the
start page (module ``00_start``, activity ``naam``) gets it in the file name too.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from samenschool import deelnemer
from samenschool.werkmap import Werkmap

NAAM_MODULE = "00_start"
NAAM_SLEUTEL = "naam"


def deelnemer_mappen(basis: Path | str) -> list[tuple[int, Path]]:
    """(number, folder) of every participant with answers, in join order."""
    root = Path(basis) / deelnemer.MAP
    found = []
    for folder in root.glob("deelnemer-*") if root.is_dir() else []:
        suffix = folder.name.rsplit("-", 1)[-1]
        if folder.is_dir() and suffix.isdigit() and Werkmap(folder).modules():
            found.append((int(suffix), folder))
    return sorted(found)


def eigen_naam(werkmap: Werkmap) -> str:
    """The name the participant gave themselves, or ''."""
    waarde = werkmap.get(NAAM_MODULE, NAAM_SLEUTEL, None)
    naam = waarde.get("naam") if isinstance(waarde, dict) else waarde if isinstance(waarde, str) else ""
    return re.sub(r"\s+", " ", str(naam or "")).strip()[:60]


def bestandsnaam(nummer: int, naam: str) -> str:
    """``deelnemer-03`` or ``deelnemer-03-an-peeters``: safe on every system."""
    plat = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii").lower()
    plat = re.sub(r"[^a-z0-9]+", "-", plat).strip("-")[:40]
    return f"deelnemer-{nummer:02d}" + (f"-{plat}" if plat else "")


def export_deelnemers(basis: Path | str | Werkmap, folder: Path | str) -> list[Path]:
    """One werkboek (HTML and Markdown) per participant in ``folder``; returns the files."""
    from samenschool import werkboek

    basis = basis.folder if isinstance(basis, Werkmap) else Path(basis)
    written: list[Path] = []
    for nummer, path in deelnemer_mappen(basis):
        wm = Werkmap(path)
        written += werkboek.export(wm, Path(folder) / bestandsnaam(nummer, eigen_naam(wm)))
    return written
