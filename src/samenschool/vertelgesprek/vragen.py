"""The question bank for the vragenblad (datasets/vertelgesprek_vragen.csv).

Read with the csv module and checked here, so the planner works even before the bank is
listed in datapackage.json. A broken file raises ``DataError`` naming file, line and column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from samenschool.errors import DataError
from samenschool.paths import datasets_dir

BESTAND = "vertelgesprek_vragen.csv"
KOLOMMEN = ("id", "vraag", "thema", "bron", "standaard")
THEMAS = ("kennen", "sterktes", "welbevinden", "school", "moeilijk", "trots", "communicatie",
          "interesses", "taal", "verwachtingen", "gevoelig")


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


def _path(folder: Path | str | None) -> Path:
    return (Path(folder) if folder is not None else datasets_dir()) / BESTAND


@lru_cache(maxsize=4)
def _load(path_str: str) -> tuple[Vraag, ...]:
    path = Path(path_str)
    if not path.is_file():
        raise DataError(f"Het bestand {path} ontbreekt: de vragenbank voor het vertelgesprek.")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
            header = rows[0].keys() if rows else []
    except UnicodeDecodeError as exc:
        raise DataError(f"{path} is geen UTF-8-tekst.") from exc
    missing = [k for k in KOLOMMEN if k not in header]
    if missing:
        raise DataError(f"{path}: kolom(men) {', '.join(missing)} ontbreken in de kopregel (regel 1).")
    result, seen = [], set()
    for line, row in enumerate(rows, start=2):
        for key in ("id", "vraag", "thema", "standaard"):
            if not (row.get(key) or "").strip():
                raise DataError(f"{path}, regel {line}, kolom '{key}': dit veld mag niet leeg zijn.")
        if row["id"] in seen:
            raise DataError(f"{path}, regel {line}, kolom 'id': '{row['id']}' komt twee keer voor.")
        seen.add(row["id"])
        if row["thema"] not in THEMAS:
            raise DataError(f"{path}, regel {line}, kolom 'thema': '{row['thema']}' is niet toegelaten "
                            f"(kies uit: {', '.join(THEMAS)}).")
        if row["standaard"] not in ("ja", "nee"):
            raise DataError(f"{path}, regel {line}, kolom 'standaard': schrijf ja of nee.")
        result.append(Vraag(row["id"], row["vraag"].strip(), row["thema"], row.get("bron", "").strip(),
                            row["standaard"] == "ja"))
    return tuple(result)


def vragenbank(folder: Path | str | None = None) -> list[Vraag]:
    """All questions of the bank, in file order."""
    return list(_load(str(_path(folder).resolve())))


def standaard_vragen(folder: Path | str | None = None) -> list[dict]:
    """The questions marked standaard=ja, as plan entries {"id", "tekst"}."""
    return [{"id": v.id, "tekst": v.vraag} for v in vragenbank(folder) if v.standaard]
