"""Module 06 widgets: the estimate and the cost list (models and headless views), answers that
describe themselves and survive a 'restart' (a new model on the same werkmap)."""

from __future__ import annotations

import base64
import datetime as dt
import re

import pytest


from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import kosten

M = "06_schoolkosten"
KOP = "omschrijving;maand;bedrag;categorie\n"


@pytest.fixture
def werkmap(tmp_path):
    return Werkmap(tmp_path)


def restart(werkmap):
    return Werkmap(werkmap.folder)


def test_school_year_follows_september():
    assert kosten.huidig_schooljaar(dt.date(2026, 12, 4)) == "2026-2027"
    assert kosten.huidig_schooljaar(dt.date(2027, 6, 30)) == "2026-2027"
    assert kosten.huidig_schooljaar(dt.date(2027, 9, 1)) == "2027-2028"
    assert "2016-2017" in kosten.schooljaren(dt.date(2026, 12, 4))
    assert kosten.laatste_zekere_jaar() == "2016-2017"


def test_estimate_is_saved_as_a_self_describing_answer(werkmap):
    model = kosten.Schatting(M, "schatting", werkmap)
    assert "bewaard" in model.bewaar(300)
    antwoord = restart(werkmap).antwoorden(M)[0]
    assert antwoord.sleutel == "schatting" and antwoord.waarde == {"bedrag": 300}
    assert antwoord.tekst == "€ 300" and "1ste leerjaar" in antwoord.vraag
    assert antwoord.activiteit_titel == "Wat kost een jaar?" and antwoord.activiteit_nr == 1
    assert kosten.Schatting(M, "schatting", restart(werkmap)).bedrag == 300
    model.bewaar(0)
    assert restart(werkmap).get(M, "schatting") is None
    with pytest.raises(SamenschoolError):
        model.bewaar(50000)
    with pytest.raises(SamenschoolError):
        model.bewaar("veel")


def test_estimate_view_saves_on_change(werkmap):
    view = kosten.maak_schatting(M, werkmap=werkmap)
    view.bedrag.value = 420
    assert restart(werkmap).get(M, "schatting") == {"bedrag": 420}
    assert "€ 420" in view.status.value


def test_example_list_is_saved_and_found_again_after_a_restart(werkmap):
    model = kosten.KostenModel(M, "kostenlijst", werkmap)
    assert not model.geladen and restart(werkmap).get(M, "kostenlijst") is None  # nothing saved before a choice
    model.laad_voorbeeld()
    assert model.schooljaar == "2016-2017"  # the invented list is checked against a confirmed amount
    antwoord = restart(werkmap).antwoorden(M)[0]
    assert antwoord.activiteit == "kostenlijst" and antwoord.activiteit_titel == "Jullie kostenlijst"
    assert "20 kosten" in antwoord.tekst and "€ 356,00" in antwoord.tekst and "voorbeeldlijst" in antwoord.tekst
    assert antwoord.delen[0] == ("Samen per kind per jaar", "€ 356,00") and antwoord.waarde["totaal"] == 356.0
    assert ("Mei", "€ 112,00") in antwoord.delen and ("Maximumfactuur", "Boven de maximumfactuur") in antwoord.delen
    weer = kosten.KostenModel(M, "kostenlijst", restart(werkmap))
    assert weer.geladen and weer.bron == kosten.VOORBEELD and len(weer.lijst.kosten) == 20
    assert weer.overzicht().to_dict() == model.overzicht().to_dict()


def test_own_file_with_bad_rows_is_read_and_kept(werkmap):
    model = kosten.KostenModel(M, "kostenlijst", werkmap)
    model.laad_voorbeeld()
    raw = (KOP + "Zwemmen;SEPT;€ 12,50;scherp\nToneel;nov;acht;scherp\n").encode("cp1252")
    assert model.laad_bestand("onze lijst.csv", raw)
    assert model.schooljaar == kosten.huidig_schooljaar()  # own list: this school year, not the example's
    weer = kosten.KostenModel(M, "kostenlijst", restart(werkmap))
    assert weer.lijst.bestand == "onze lijst.csv" and [k.bedrag for k in weer.lijst.kosten] == [12.5]
    assert [(f.rij, f.omschrijving) for f in weer.lijst.fouten] == [(3, "Toneel")]
    assert any("UTF-8" in w for w in weer.lijst.waarschuwingen)
    assert "1 regels met een fout" in restart(werkmap).antwoorden(M)[0].tekst


def test_a_file_that_cannot_be_read_keeps_the_list_and_says_why(werkmap):
    model = kosten.KostenModel(M, "kostenlijst", werkmap)
    model.laad_voorbeeld()
    assert not model.laad_bestand("leeg.csv", b"")
    assert "leeg" in model.melding and model.bron == kosten.VOORBEELD and len(model.lijst.kosten) == 20


def test_settings_are_saved_and_change_the_check(werkmap):
    model = kosten.KostenModel(M, "kostenlijst", werkmap)
    model.laad_bestand("l.csv", (KOP + "Uitstap;mei;90;scherp\n").encode())
    assert model.overzicht().maximumfactuur.oordeel == "onbekend"
    model.zet(schooljaar="2016-2017")
    assert model.overzicht().maximumfactuur.oordeel == "boven"
    model.zet(eigen_maximum=100, niveau="lager", contact="juf An", klas="1A")
    weer = kosten.KostenModel(M, "kostenlijst", restart(werkmap))
    assert (weer.schooljaar, weer.eigen_maximum, weer.contact, weer.klas) == ("2016-2017", 100.0, "juf An", "1A")
    assert weer.overzicht().maximumfactuur.oordeel == "onder"
    model.zet(eigen_maximum=0)
    assert model.eigen_maximum is None
    with pytest.raises(SamenschoolError):
        model.zet(niveau="secundair")
    with pytest.raises(SamenschoolError):
        model.zet(eigen_maximum=5000)


def test_a_damaged_saved_answer_gives_a_message_not_a_crash(werkmap):
    from samenschool.antwoord import Antwoord

    werkmap.bewaar(M, Antwoord.nieuw(M, "kostenlijst", {"lijst": {"kosten": [{"x": 1}]}}, vraag="v"))
    model = kosten.KostenModel(M, "kostenlijst", restart(werkmap))
    assert not model.geladen and "opnieuw" in model.melding


def test_estimate_is_compared_with_the_list(werkmap):
    kosten.Schatting(M, "schatting", werkmap).bewaar(250)
    model = kosten.KostenModel(M, "kostenlijst", werkmap)
    model.laad_voorbeeld()
    html = model.schatting_html(model.overzicht())
    assert "€ 250" in html and "€ 106,00 meer" in html


def _upload(view, naam: str, raw: bytes) -> None:
    view.upload.value = ({"name": naam, "type": "text/csv", "size": len(raw), "content": memoryview(raw),
                          "last_modified": dt.datetime(2026, 12, 4, tzinfo=dt.timezone.utc)},)


def test_view_example_shows_chart_text_alternative_check_family_view_and_downloads(werkmap):
    view = kosten.maak(M, werkmap=werkmap)
    assert "Nog geen lijst" in view.status.value and view.instellingen.layout.display == "none"
    view.voorbeeld.click()
    res = view.resultaat.value
    assert res.count('<img src="data:image/png;base64,') == 2
    assert "In woorden: " in res and "Mei: € 112,00" in res
    assert "Boven de maximumfactuur" in res and "ss-melding-let_op" in res
    assert "3 kinderen" in res and "€ 1.068,00" in res
    assert "9 delen" in res
    assert view.schooljaar.value == "2016-2017" and "verzonnen" in view.status.value
    plan = view.plan.value
    for fmt in ("html", "docx", "md"):
        assert f'data-formaat="{fmt}"' in plan
    docx = re.search(r'href="data:application/vnd\.openxmlformats[^;]*;base64,([^"]+)"', plan).group(1)
    assert base64.b64decode(docx)[:2] == b"PK"
    assert "<iframe" in plan and "srcdoc=" in plan and "Flesch-Douma" in plan


def test_view_upload_bad_rows_and_escaping(werkmap):
    view = kosten.maak(M, werkmap=werkmap)
    _upload(view, "lijst.csv", (KOP + '<script>alert(1)</script>;mei;5;scherp\nToneel;brumaire;8;scherp\n').encode())
    assert "<script>" not in view.resultaat.value + view.status.value + view.plan.value
    assert "&amp;lt;script&amp;gt;" in view.plan.value  # escaped once by the plan, once for srcdoc
    assert "Regel 3 (Toneel)" in view.status.value and "brumaire" in view.status.value
    assert restart(werkmap).get(M, "kostenlijst")["lijst"]["bestand"] == "lijst.csv"
    _upload(view, "kapot.csv", b"naam;adres\nA;B\n")
    assert "We vinden de kolommen" in view.status.value
    assert restart(werkmap).get(M, "kostenlijst")["lijst"]["bestand"] == "lijst.csv"  # nothing lost


def test_view_settings_are_saved_and_restored(werkmap):
    view = kosten.maak(M, werkmap=werkmap)
    _upload(view, "lijst.csv", (KOP + "Uitstap;mei;90;scherp\n").encode())
    assert "Maximumfactuur nog niet gekend" in view.resultaat.value
    view.maximum.value = 80
    assert "Boven de maximumfactuur" in view.resultaat.value
    view.contact.value = "meester Tom"
    view.niveau.value = "kleuter"
    weer = kosten.maak(M, werkmap=restart(werkmap))
    assert weer.maximum.value == 80 and weer.contact.value == "meester Tom" and weer.niveau.value == "kleuter"
    assert "Spreek meester Tom" in base64.b64decode(
        re.search(r'data:text/markdown;charset=utf-8;base64,([^"]+)', weer.plan.value).group(1)).decode()


def test_view_follows_a_new_estimate(werkmap):
    view = kosten.maak(M, werkmap=werkmap)
    view.voorbeeld.click()
    kosten.Schatting(M, "schatting", werkmap).bewaar(400)
    assert "Je schatting: <strong>€ 400</strong>" in view.vergelijk.value


def test_maximumfactuur_table_marks_unconfirmed_and_missing_years():
    html = kosten.maximumfactuur_html()
    assert "2016-2017" in html and "€ 85,00" in html and "niet bevestigd" in html
    assert "2024-2025" in html and "onderwijs.vlaanderen.be" in html  # named as missing, no amount


def test_notebook_declares_the_three_activities():
    from samenschool import leerpad

    mod = leerpad.module(M)
    assert [a.sleutel for a in mod.activiteiten] == ["schatting", "kostenlijst", "reflectie"]
    assert mod.activiteit("reflectie").optioneel


def test_notebook_quotes_are_the_money_quotes():
    import nbformat

    from samenschool import paths

    nb = nbformat.read(paths.notebooks_dir() / f"{M}.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    ids = set(re.findall(r'"(C\d{3})"', code))
    assert {"C005", "C006", "C007", "C008", "C011", "C012", "C013", "C019", "C020"} <= ids
    assert nb.cells[1].source.strip().endswith('pagina = open_module("06_schoolkosten")')
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")



def test_exercise_uses_its_own_invented_list(tmp_path):
    werkmap = Werkmap(tmp_path)
    model = kosten.KostenModel("oefening_06_kostenlijst", "kostenlijst", werkmap, schatting_sleutel=None,
                               voorbeeld="kostenlijsten/oefenlijst_3de_leerjaar.csv")
    model.laad_voorbeeld()
    o = model.overzicht()
    assert model.lijst.bestand == "oefenlijst_3de_leerjaar.csv" and len(model.lijst.kosten) == 12
    assert [(f.rij, f.omschrijving) for f in model.lijst.fouten] == [(10, "Toneel")]
    assert o.maximumfactuur.oordeel == "boven" and o.maximumfactuur.scherp == 12100  # the model answer's € 121
    assert [p.maand for p in o.pieken] == ["maart", "september"] and o.gezin(2)["maart"] == 28800
    assert o.schoolrekening == 31400
    antwoord = restart(werkmap).antwoorden("oefening_06_kostenlijst")[0]
    assert antwoord.activiteit_titel == "Bekijk de kostenlijst"
