"""Load the kit's datasets (datasets/*.csv) as pandas DataFrames with checked types.

The schema is the Frictionless ``datapackage.json`` beside the CSV files: field names,
types, required fields, unique ids, allowed values and references between tables. A
missing or malformed file raises ``DataError`` with a Dutch message that names the file,
the row and the column; never a bare traceback.

The checks here are light (plain pandas, fast enough for every page load); the test
suite also validates the whole package with the ``frictionless`` library.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from samenschool.errors import DataError, SamenschoolError
from samenschool.paths import datasets_dir

LIST_SEPARATOR = ";"
# Columns that hold ";"-separated ids of another table.
LIST_REFERENCES = {
    ("citaten", "waarden"): "waarden",
    ("citaten", "impact"): "impact",
    ("goede_praktijken", "drempels"): "drempels",
    ("goede_praktijken", "citaat"): "citaten",
    ("noden", "drempels"): "drempels",
    ("noden", "citaat"): "citaten",
}


def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.is_file():
        raise DataError(f"Het bestand {path} ontbreekt. Zonder schema kan de kit de gegevens niet controleren.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError(f"{path} is geen geldig JSON-bestand: {exc}.") from exc


def _resource(package: dict, name: str, folder: Path) -> dict:
    for res in package.get("resources", []):
        if res.get("name") == name:
            return res
    raise DataError(f"De tabel '{name}' staat niet in {folder / 'datapackage.json'}.")


def _row_no(index: int) -> int:
    """Line number in the CSV file for a DataFrame index (header is line 1)."""
    return int(index) + 2


def _read_csv(path: Path, fields: list[dict]) -> pd.DataFrame:
    if not path.is_file():
        raise DataError(f"Het bestand {path} ontbreekt.")
    names = [f["name"] for f in fields]
    try:
        # utf-8-sig: a file saved as "CSV UTF-8" by Excel starts with a byte-order mark
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            for line_no, cells in enumerate(reader, start=2):
                if header is not None and cells and len(cells) != len(header):
                    raise DataError(f"{path}, regel {line_no}: {len(cells)} kolommen in plaats van {len(header)}. "
                                    "Staat er een komma in een tekst? Zet dan aanhalingstekens rond de cel.")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path} is geen UTF-8-tekst (byte {exc.start}).") from exc
    except csv.Error as exc:
        raise DataError(f"{path} kan niet gelezen worden als CSV: een cel is veel te lang of er ontbreekt "
                        "een aanhalingsteken. Bewaar het bestand opnieuw als CSV UTF-8.") from exc
    if header is None:
        raise DataError(f"{path} is leeg: er staat zelfs geen kopregel in.")
    missing = [n for n in names if n not in header]
    if missing:
        raise DataError(f"{path}: kolom(men) {', '.join(missing)} ontbreken in de kopregel (regel 1).")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", index_col=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataError(f"{path} kan niet gelezen worden als CSV: {exc}") from exc
    return frame


def _check_and_type(frame: pd.DataFrame, fields: list[dict], path: Path) -> pd.DataFrame:
    for field in fields:
        name, ftype = field["name"], field.get("type", "string")
        cons = field.get("constraints", {})
        column = frame[name]
        if cons.get("required"):
            empty = column[column.str.strip() == ""]
            if len(empty):
                raise DataError(f"{path}, regel {_row_no(empty.index[0])}, kolom '{name}': dit veld mag niet leeg zijn.")
        if "enum" in cons:
            allowed = set(cons["enum"])
            bad = column[(column != "") & ~column.isin(allowed)]
            if len(bad):
                raise DataError(
                    f"{path}, regel {_row_no(bad.index[0])}, kolom '{name}': '{bad.iloc[0]}' is niet toegelaten "
                    f"(kies uit: {', '.join(sorted(allowed))})."
                )
        if cons.get("unique"):
            dup = column[column.duplicated() & (column != "")]
            if len(dup):
                raise DataError(f"{path}, regel {_row_no(dup.index[0])}, kolom '{name}': '{dup.iloc[0]}' komt twee keer voor.")
        if ftype in ("integer", "number"):
            numbers = pd.to_numeric(column.where(column != ""), errors="coerce")
            bad = column[(column != "") & numbers.isna()]
            if len(bad):
                raise DataError(f"{path}, regel {_row_no(bad.index[0])}, kolom '{name}': '{bad.iloc[0]}' is geen getal.")
            frame[name] = numbers.astype("Int64") if ftype == "integer" else numbers
        elif ftype == "boolean":
            frame[name] = column.map({"true": True, "false": False, "ja": True, "nee": False})
    return frame


@lru_cache(maxsize=None)
def _load_cached(name: str, folder: str) -> pd.DataFrame:
    root = Path(folder)
    package = _package(root)
    resource = _resource(package, name, root)
    fields = resource.get("schema", {}).get("fields", [])
    path = root / resource["path"]
    frame = _check_and_type(_read_csv(path, fields), fields, path)
    for fk in resource.get("schema", {}).get("foreignKeys", []):
        columns = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        target = fk["reference"]["resource"]
        ref_fields = fk["reference"].get("fields", ["id"])
        ref_fields = ref_fields if isinstance(ref_fields, list) else [ref_fields]
        other = _load_cached(target, folder) if target else frame
        keys = set(map(tuple, other[ref_fields].astype(str).to_numpy()))
        values = frame[columns].astype(str)
        filled = (values != "").all(axis=1)
        bad = frame[filled & ~values.apply(tuple, axis=1).isin(keys)]
        if len(bad):
            shown = ", ".join(str(bad[c].iloc[0]) for c in columns)
            raise DataError(f"{path}, regel {_row_no(bad.index[0])}, kolom '{', '.join(columns)}': '{shown}' "
                            f"bestaat niet in de tabel '{target}'.")
    for (table, column), target in LIST_REFERENCES.items():
        if table != name or column not in frame:
            continue
        ids = set(_load_cached(target, folder)["id"])
        for index, value in frame[column].items():
            for item in filter(None, value.split(LIST_SEPARATOR)):
                if item not in ids:
                    raise DataError(f"{path}, regel {_row_no(index)}, kolom '{column}': '{item}' bestaat niet in de tabel '{target}'.")
    return frame


def load(name: str, folder: Path | str | None = None) -> pd.DataFrame:
    """One dataset as a DataFrame (a copy: change it freely)."""
    root = Path(folder) if folder is not None else datasets_dir()
    return _load_cached(name, str(root.resolve())).copy()


def load_file(name: str, path: Path | str) -> pd.DataFrame:
    """A CSV file anywhere (e.g. a school's own version) checked against the schema of the
    kit's table ``name``. References to other tables are not checked."""
    package = _package(datasets_dir())
    fields = _resource(package, name, datasets_dir()).get("schema", {}).get("fields", [])
    path = Path(path)
    return _check_and_type(_read_csv(path, fields), fields, path)


def kies(frame: pd.DataFrame, ids, wat: str = "citaten") -> pd.DataFrame:
    """The rows with these ids, in this order. An unknown id gives a Dutch error naming it."""
    ids = list(ids)
    onbekend = [i for i in ids if i not in set(frame["id"])]
    if onbekend:
        raise SamenschoolError(f"Deze {wat} bestaan niet: {', '.join(onbekend)}.")
    return frame.set_index("id").loc[ids].reset_index()


def split_list(value: str) -> list[str]:
    """A ';'-separated cell as a list (empty cell -> [])."""
    return [item for item in (value or "").split(LIST_SEPARATOR) if item]


def citaten(folder=None) -> pd.DataFrame:
    return load("citaten", folder)


def themas(folder=None) -> pd.DataFrame:
    return load("themas", folder)


def drempels(folder=None) -> pd.DataFrame:
    return load("drempels", folder)


def waarden(folder=None) -> pd.DataFrame:
    return load("waarden", folder)


def impact(folder=None) -> pd.DataFrame:
    return load("impact", folder)


def goede_praktijken(folder=None) -> pd.DataFrame:
    return load("goede_praktijken", folder)


def noden(folder=None) -> pd.DataFrame:
    return load("noden", folder)


def naam(tabel: str, ident: str) -> str:
    """The name a page shows for an id of a table (themas, drempels, waarden, ...)."""
    frame = load(tabel)
    column = "naam" if "naam" in frame.columns else "punt"
    rows = frame.loc[frame["id"] == ident, column]
    if rows.empty:
        raise SamenschoolError(f"'{ident}' bestaat niet in de tabel '{tabel}'.")
    return str(rows.iloc[0])


@lru_cache(maxsize=1)
def namen() -> dict[str, str]:
    """Every id of the kit's named tables with the name pages show for it (only for reading
    answers saved before they described themselves; see samenschool.migratie)."""
    result: dict[str, str] = {}
    for table, column in (("themas", "naam"), ("drempels", "naam"), ("waarden", "naam"),
                          ("impact", "naam"), ("checklist_brief", "punt")):
        frame = load(table)
        result.update(zip(frame["id"], frame[column]))
    return result


def clear_cache() -> None:
    _load_cached.cache_clear()
    namen.cache_clear()
