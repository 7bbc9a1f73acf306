"""samenschool.data: typed DataFrames, and clear Dutch errors naming file, row and column."""

import json

import pandas as pd
import pytest

from samenschool import data
from samenschool.errors import DataError

SCHEMA = {
    "resources": [
        {"name": "themas", "path": "themas.csv", "schema": {
            "fields": [{"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
                       {"name": "nummer", "type": "integer", "constraints": {"required": True}}],
            "primaryKey": "id"}},
        {"name": "citaten", "path": "citaten.csv", "schema": {
            "fields": [{"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
                       {"name": "tekst", "type": "string", "constraints": {"required": True}},
                       {"name": "spreker", "type": "string", "constraints": {"enum": ["ouder", "focusgroep"]}},
                       {"name": "thema", "type": "string"},
                       {"name": "waarden", "type": "string"},
                       {"name": "impact", "type": "string"}],
            "foreignKeys": [{"fields": "thema", "reference": {"resource": "themas", "fields": "id"}}]}},
        {"name": "waarden", "path": "waarden.csv", "schema": {
            "fields": [{"name": "id", "type": "string", "constraints": {"required": True, "unique": True}}]}},
        {"name": "impact", "path": "impact.csv", "schema": {
            "fields": [{"name": "id", "type": "string", "constraints": {"required": True, "unique": True}}]}},
    ]
}
GOOD = {
    "themas.csv": "id,nummer\nbetaalbaarheid,1\ntaal,2\n",
    "citaten.csv": "id,tekst,spreker,thema,waarden,impact\nC001,\"Eerst facturen, dan eten.\",ouder,betaalbaarheid,respect;vertrouwen,\n"
                   "C002,Tekst twee,focusgroep,,,\n",
    "waarden.csv": "id\nrespect\nvertrouwen\n",
    "impact.csv": "id\nkind_rust\n",
}


@pytest.fixture
def package(tmp_path):
    data.clear_cache()
    (tmp_path / "datapackage.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    yield tmp_path
    data.clear_cache()


def test_loads_typed_frames(package):
    themas = data.themas(package)
    assert list(themas["id"]) == ["betaalbaarheid", "taal"]
    assert str(themas["nummer"].dtype) == "Int64"
    citaten = data.citaten(package)
    assert citaten.loc[0, "tekst"] == "Eerst facturen, dan eten."
    assert data.split_list(citaten.loc[0, "waarden"]) == ["respect", "vertrouwen"]
    assert data.split_list(citaten.loc[1, "waarden"]) == []


@pytest.mark.parametrize("file, text, expected", [
    ("citaten.csv", "id,tekst,spreker,thema,waarden,impact\nC001,,ouder,,,\n", r"citaten\.csv, regel 2, kolom 'tekst'.*leeg"),
    ("citaten.csv", "id,tekst,spreker,thema,waarden,impact\nC001,a,ouder,,,\nC002,b,leerling,,,\n",
     r"regel 3, kolom 'spreker': 'leerling' is niet toegelaten"),
    ("citaten.csv", "id,tekst,spreker,thema,waarden,impact\nC001,a,ouder,,,\nC001,b,ouder,,,\n", r"regel 3, kolom 'id': 'C001' komt twee keer voor"),
    ("citaten.csv", "id,tekst,spreker,thema,waarden,impact\nC001,a,ouder,wonen,,\n", r"regel 2, kolom 'thema': 'wonen' bestaat niet in de tabel 'themas'"),
    ("citaten.csv", "id,tekst,spreker,thema,waarden,impact\nC001,a,ouder,,respect;moed,\n", r"regel 2, kolom 'waarden': 'moed' bestaat niet"),
    ("citaten.csv", "id,tekst,spreker\nC001,a,ouder\n", r"kolom\(men\) thema, waarden, impact ontbreken"),
    ("themas.csv", "id,nummer\nbetaalbaarheid,een\n", r"themas\.csv, regel 2, kolom 'nummer': 'een' is geen getal"),
    ("themas.csv", "", r"themas\.csv is leeg"),
])
def test_malformed_files_name_file_row_and_column(package, file, text, expected):
    (package / file).write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=expected):
        data.load(file.removesuffix(".csv"), package)


def test_missing_file_and_missing_schema(package):
    (package / "waarden.csv").unlink()
    with pytest.raises(DataError, match=r"waarden\.csv ontbreekt"):
        data.waarden(package)
    (package / "datapackage.json").unlink()
    data.clear_cache()
    with pytest.raises(DataError, match=r"datapackage\.json ontbreekt"):
        data.themas(package)


def test_not_utf8_is_reported(package):
    (package / "themas.csv").write_bytes("id,nummer\ncaf\xe9,1\n".encode("latin-1"))
    with pytest.raises(DataError, match="geen UTF-8"):
        data.themas(package)


def test_the_real_datasets_load_with_their_schema():
    data.clear_cache()
    for name in ("citaten", "themas", "drempels", "waarden", "impact", "goede_praktijken", "noden",
                 "vertelgesprek_vragen", "moeilijke_woorden", "checklist_brief"):
        frame = data.load(name)
        assert isinstance(frame, pd.DataFrame) and len(frame) > 0, name
        key = "id" if "id" in frame else "woord"
        assert frame[key].is_unique, name


def test_a_csv_saved_by_excel_with_a_byte_order_mark_loads(package):
    (package / "themas.csv").write_bytes("\ufeffid,nummer\nbetaalbaarheid,1\n".encode("utf-8"))
    assert list(data.themas(package)["id"]) == ["betaalbaarheid"]


def test_a_schools_own_file_is_checked_against_the_kits_schema(tmp_path):
    own = tmp_path / "onze_checklist.csv"
    own.write_text("id,punt,uitleg,bron\ntitel,Een titel,Zeg waarover het gaat.,School\n", encoding="utf-8")
    assert list(data.load_file("checklist_brief", own)["id"]) == ["titel"]
    own.write_text("id,punt,uitleg,bron\ntitel,,Zeg waarover het gaat.,School\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"onze_checklist\.csv, regel 2, kolom 'punt'"):
        data.load_file("checklist_brief", own)
