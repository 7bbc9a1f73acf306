"""The question bank for the vragenblad (datasets/vertelgesprek_vragen.csv).

Loaded through ``samenschool.data`` with the schema in datapackage.json (allowed themes,
ja/nee, unique ids); a broken file raises ``DataError`` naming file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from samenschool import data

TABEL = "vertelgesprek_vragen"


@dataclass(frozen=True)
class Vraag:
    id: str
    vraag: str
    thema: str
    bron: str
    standaard: bool

    @property
    def gevoelig(self) -> bool:
        return self.thema == "gevoelig"


def vragenbank(folder: Path | str | None = None) -> list[Vraag]:
    """All questions of the bank, in file order."""
    frame = data.load(TABEL, folder)
    return [Vraag(r.id, r.vraag.strip(), r.thema, r.bron.strip(), r.standaard == "ja")
            for r in frame.itertuples(index=False)]


def standaard_vragen(folder: Path | str | None = None) -> list[dict]:
    """The questions marked standaard=ja, as plan entries {"id", "tekst"}."""
    return [{"id": v.id, "tekst": v.vraag} for v in vragenbank(folder) if v.standaard]
