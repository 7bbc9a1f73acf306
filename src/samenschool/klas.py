"""Room mode, for the facilitator: the participants' werkboeken.

(``samenschool start --netwerk``: every participant's answers live in their own folder under
``<werkmap>/deelnemers/``; see ``samenschool.deelnemer``.)
"""

from __future__ import annotations

from pathlib import Path

from samenschool import werkboek
from samenschool.werkmap import Werkmap


def export_deelnemers(werkmap: Werkmap, folder: Path | str) -> list[Path]:
    """One werkboek (HTML, DOCX and Markdown) per participant, numbered in the order they
    started. Participants are named only when they gave their own name on the start page."""
    people = sorted((p for p in werkmap.deelnemers() if Werkmap(p).modules()),
                    key=lambda p: (p.stat().st_mtime, p.name))
    written: list[Path] = []
    for number, path in enumerate(people, start=1):
        written += werkboek.export(Werkmap(path), Path(folder) / f"deelnemer-{number:02d}")
    return written
