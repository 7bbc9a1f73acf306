"""samenschool.kosten (module 06): reading messy cost lists, the overview, the year plan,
and the `samenschool kosten` command through the real entry point."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samenschool import data, kosten, paths
from samenschool.errors import SamenschoolError
from samenschool.kosten import jaarplan

KOP = "omschrijving;maand;bedrag;categorie\n"
SCHOOLMAANDEN = ["september", "oktober", "november", "december", "januari", "februari", "maart", "april",
                 "mei", "juni"]


def lees_tekst(tekst: str, naam: str = "lijst.csv", encoding: str = "utf-8") -> kosten.Kostenlijst:
    return kosten.lees(tekst.encode(encoding), naam)


def bedragen(lijst) -> list[float]:
    return [k.bedrag for k in lijst.kosten]


# ----------------------------------------------------------------------------- datasets

def test_maximumfactuur_tabel_matches_the_facts_and_marks_what_is_not_confirmed():
    tabel = kosten.maximumfactuur_tabel()
    rij = tabel["2016-2017"]
    assert (rij["kleuter"], rij["lager"], rij["meerdaags_lager"]) == (4500, 8500, 42000)
    assert rij["zekerheid"] == "zeker" and "Katholiek Onderwijs Vlaanderen" in rij["bron"]
    assert rij["bron_datum"] == "2016-04-26"
    assert tabel["2022-2023"]["zekerheid"] == "onzeker"  # school websites disagree (FACTS.md)
    for jaar, rij in tabel.items():
        heeft_bedrag = rij["lager"] is not None
        assert heeft_bedrag == (rij["zekerheid"] != "ontbreekt"), jaar
        if heeft_bedrag:
            assert rij["bron"], f"{jaar}: een bedrag zonder bron"
        assert rij["officieel_nagekeken"] in ("ja", "nee")
    assert tabel["2024-2025"]["lager"] is None  # no amount is guessed for later years


def test_example_list_is_labelled_invented_and_reads_without_errors():
    dp = json.loads((paths.datasets_dir() / "datapackage.json").read_text(encoding="utf-8"))
    res = {r["name"]: r for r in dp["resources"]}
    assert "VERZONNEN" in res["voorbeeld_kosten"]["description"]
    lijst = kosten.lees(kosten.voorbeeld_pad())
    assert lijst.fouten == [] and lijst.waarschuwingen == []
    assert len(lijst.kosten) == len(data.load("voorbeeld_kosten"))


@pytest.mark.parametrize("naam", ["maximumfactuur", "voorbeeld_kosten", "kostencategorieen", "jaarplan_teksten"])
def test_new_datasets_have_the_kits_csv_layout_and_load_with_their_schema(naam):
    ruw = (paths.datasets_dir() / f"{naam}.csv").read_bytes()
    assert b"\r" not in ruw
    tekst = ruw.decode("utf-8")
    rijen = list(csv.reader(io.StringIO(tekst, newline="")))
    uit = io.StringIO()
    csv.writer(uit, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(rijen)
    assert uit.getvalue() == tekst
    frame = data.load(naam)
    assert len(frame) > 0
    assert naam in (paths.datasets_dir() / "README.md").read_text(encoding="utf-8")


def test_categories_cover_the_five_kinds_of_the_issue():
    assert list(kosten.lezen.categorie_namen().values()) == [
        "gratis", "scherpe maximumfactuur", "minder scherpe maximumfactuur", "facultatief", "onrechtstreekse kosten"]


# ----------------------------------------------------------------------------- format variants

@pytest.mark.parametrize("tekst, verwacht", [
    # semicolon, comma decimal, euro sign (Excel in Flanders)
    (KOP + "Zwemmen;september;€ 12,50;scherpe maximumfactuur\n", [12.5]),
    # comma separated, dot decimal
    ("omschrijving,maand,bedrag,categorie\nZwemmen,september,12.50,scherpe maximumfactuur\n", [12.5]),
    # comma separated with a quoted comma decimal
    ('omschrijving,maand,bedrag,categorie\nZwemmen,september,"12,50",scherp\n', [12.5]),
    # thousands separators both ways, EUR after the number
    (KOP + "Reis;mei;1.250,00 EUR;facultatief\nReis 2;juni;€1.250;facultatief\n", [1250.0, 1250.0]),
    ("omschrijving,maand,bedrag,categorie\nReis,mei,\"1,250.00\",facultatief\nBus,juni,2.5,scherp\n",
     [1250.0, 2.5]),
    # tab separated (Excel "Unicode text")
    ("omschrijving\tmaand\tbedrag\tcategorie\nZwemmen\tseptember\t7\tscherp\n", [7.0]),
    # stray spaces everywhere, non-breaking space in the amount, capitals
    ("  Omschrijving ; MAAND ;  Bedrag ; Categorie \n  Zwemmen  ;  September ; €\u00a012,5 ;  Scherpe Maximumfactuur \n",
     [12.5]),
    # integers without decimals
    (KOP + "Toneel;november;8;scherpe maximumfactuur\n", [8.0]),
])
def test_format_variants_read_the_same_amounts(tekst, verwacht):
    lijst = lees_tekst(tekst)
    assert lijst.fouten == []
    assert bedragen(lijst) == verwacht


def test_comma_decimal_in_a_comma_separated_file_is_repaired_and_said():
    lijst = lees_tekst("omschrijving,maand,bedrag,categorie\nTurnzak,september,12,50,scherp\nBus,mei,3,scherp\n")
    assert lijst.fouten == []
    assert bedragen(lijst) == [12.5, 3.0]
    assert any("komma in het bedrag" in w for w in lijst.waarschuwingen)


@pytest.mark.parametrize("maand, verwacht", [
    ("september", "september"), ("SEPTEMBER", "september"), ("September", "september"), ("sept.", "september"),
    ("sep", "september"), ("9", "september"), ("09", "september"), ("okt", "oktober"), ("Mrt", "maart"),
    ("12", "december"), ("1", "januari"), ("Elke maand", "elke maand"), ("maandelijks", "elke maand"),
    ("augustus", "augustus"),
])
def test_month_names_in_any_case_short_names_and_numbers(maand, verwacht):
    lijst = lees_tekst(KOP + f"Kost;{maand};5;scherp\n")
    assert lijst.fouten == []
    assert lijst.kosten[0].maand == verwacht


def test_byte_order_mark_and_windows_line_ends():
    lijst = kosten.lees(b"\xef\xbb\xbf" + (KOP + "Zwemmen;september;5;scherp\n").replace("\n", "\r\n").encode(),
                        "bom.csv")
    assert lijst.fouten == [] and bedragen(lijst) == [5.0]


def test_windows_text_from_excel_is_read_with_a_warning():
    lijst = lees_tekst(KOP + "Crèmebrûlée-atelier;februari;€ 4,00;facultatief\n", encoding="cp1252")
    assert lijst.kosten[0].omschrijving == "Crèmebrûlée-atelier" and bedragen(lijst) == [4.0]
    assert any("UTF-8" in w for w in lijst.waarschuwingen)


def test_utf16_text_is_read():
    lijst = kosten.lees(("omschrijving\tmaand\tbedrag\tcategorie\nÉtude\tmei\t3,5\tscherp\n").encode("utf-16"), "u.txt")
    assert bedragen(lijst) == [3.5]


def test_title_rows_above_the_header_and_empty_lines_keep_the_files_row_numbers():
    tekst = ("Kostenlijst 1ste leerjaar, schooljaar 2024-2025\n\n" + KOP
             + "Zwemmen;september;5;scherp\n\n;;;\nToneel;okt;twaalf;scherp\n")
    lijst = lees_tekst(tekst)
    assert bedragen(lijst) == [5.0]
    assert lijst.kosten[0].rij == 4
    assert [(f.rij, f.omschrijving) for f in lijst.fouten] == [(7, "Toneel")]
    assert any("regel 3" in w for w in lijst.waarschuwingen)


def test_header_names_with_units_and_synonyms():
    lijst = lees_tekst("Wat;Wanneer;Prijs (€);Soort;Uitleg\nZwemmen;9;5;scherp;Met de klas\n")
    assert lijst.fouten == [] and lijst.kosten[0].uitleg == "Met de klas"


def _xlsx(rijen, start: int = 1) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for i, rij in enumerate(rijen):
        for j, waarde in enumerate(rij):
            ws.cell(row=start + i, column=j + 1, value=waarde)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_numbers_text_amounts_dates_and_row_numbers_as_excel_shows_them():
    raw = _xlsx([
        ["Kostenlijst 2024-2025"], [],
        ["Omschrijving", "Maand", "Bedrag (€)", "Categorie"],
        ["Zwemmen", "SEPTEMBER", 12.5, "Scherpe maximumfactuur"],
        [],
        ["Reis", 10, "€ 1.250,00", "facultatief"],
        ["Sportdag", dt.datetime(2025, 4, 1), 6, "scherp"],
        ["Fout", "xx", -3, "scherp"],
    ], start=2)
    lijst = kosten.lees(raw, "lijst.xlsx")
    assert [(k.rij, k.maand, k.bedrag) for k in lijst.kosten] == [
        (5, "september", 12.5), (7, "oktober", 1250.0), (8, "april", 6.0)]
    assert [f.rij for f in lijst.fouten] == [9]
    assert "negatief" in lijst.fouten[0].melding and "maand" in lijst.fouten[0].melding


def test_xlsx_recognised_by_content_even_without_the_extension():
    raw = _xlsx([["omschrijving", "maand", "bedrag", "categorie"], ["Bus", "mei", 3, "scherp"]])
    assert bedragen(kosten.lees(raw, "upload")) == [3.0]


# ----------------------------------------------------------------------------- bad rows

@pytest.mark.parametrize("rij, omschrijving, stukje", [
    ("Toneel;november;acht;scherp", "Toneel", "'acht' is geen bedrag"),
    ("Toneel;november;-8;scherp", "Toneel", "negatief"),
    ("Toneel;november;€ -8,00;scherp", "Toneel", "negatief"),
    ("Toneel;brumaire;8;scherp", "Toneel", "'brumaire' is geen maand"),
    ("Toneel;13;8;scherp", "Toneel", "'13' is geen maand"),
    ("Toneel;;8;scherp", "Toneel", "geen maand"),
    ("Toneel;november;8;sport", "Toneel", "'sport' is geen categorie"),
    ("Toneel;november;8;", "Toneel", "geen categorie"),
    (";november;8;scherp", "", "omschrijving is leeg"),
    ("Toneel;november;;scherp", "Toneel", "geen bedrag"),
    ("Toneel;november;8,,5;scherp", "Toneel", "geen bedrag"),
    ("Toneel;november;1.2.3,4,5;scherp", "Toneel", "geen bedrag"),
])
def test_each_bad_row_kind_is_reported_with_row_description_and_dutch_message(rij, omschrijving, stukje):
    lijst = lees_tekst(KOP + "Zwemmen;september;5;scherp\n" + rij + "\nBus;mei;3;scherp\n")
    assert bedragen(lijst) == [5.0, 3.0]  # the good rows still count
    assert len(lijst.fouten) == 1
    fout = lijst.fouten[0]
    assert fout.rij == 3 and fout.omschrijving == omschrijving
    assert stukje in fout.melding
    assert fout.to_dict() == {"rij": 3, "omschrijving": omschrijving, "melding": fout.melding}


def test_a_row_with_extra_columns_that_cannot_be_repaired_is_a_bad_row():
    lijst = lees_tekst("omschrijving,maand,bedrag,categorie\nBus, trein en tram,mei,3,scherp\n")
    assert lijst.kosten == [] and lijst.fouten[0].rij == 2
    assert "meer kolommen" in lijst.fouten[0].melding


def test_free_cost_without_amount_counts_as_zero_and_free_with_amount_warns():
    lijst = lees_tekst(KOP + "Schriften;september;;gratis\nZwemmen;oktober;12;gratis\n")
    assert bedragen(lijst) == [0.0, 12.0] and lijst.fouten == []
    assert any("gratis" in w and "€ 12,00" in w for w in lijst.waarschuwingen)


def test_a_duplicate_row_is_a_warning():
    lijst = lees_tekst(KOP + "Zwemmen;september;5;scherp\nZwemmen;september;5;scherp\n")
    assert len(lijst.kosten) == 2 and any("twee keer" in w for w in lijst.waarschuwingen)


# ----------------------------------------------------------------------------- whole-file errors

@pytest.mark.parametrize("raw, naam, stukje", [
    (b"", "leeg.csv", "leeg"),
    (b"   \n\n", "leeg.csv", "leeg"),
    (b"\xef\xbb\xbf", "bom.csv", "leeg"),
    (KOP.encode(), "kop.csv", "alleen een kopregel"),
    (b"omschrijving;maand;bedrag\nZwemmen;9;5\n", "drie.csv", "De kolom categorie ontbreekt"),
    (b"naam;adres;telefoon\nA;B;C\n", "ander.csv", "We vinden de kolommen"),
    (b"Dit is een brief aan de ouders\nMet twee regels\n", "brief.txt", "geen tabel"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.png", "geen tabel"),
    (b"PK\x03\x04rommel", "kapot.xlsx", "Excel-bestand"),
    (b"\xd0\xcf\x11\xe0", "oud.xls", ".xlsx"),
    (b"x" * (kosten.lezen.MAX_BYTES + 1), "groot.csv", "te groot"),
])
def test_files_that_are_not_a_cost_list_get_one_clear_message(raw, naam, stukje):
    with pytest.raises(SamenschoolError, match=stukje.replace(".", r"\.")):
        kosten.lees(raw, naam)


def test_too_many_rows_is_refused():
    tekst = KOP + "".join(f"Kost {i};september;1;scherp\n" for i in range(kosten.lezen.MAX_RIJEN + 1))
    with pytest.raises(SamenschoolError, match="te groot"):
        lees_tekst(tekst)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SamenschoolError, match="bestaat niet"):
        kosten.lees(tmp_path / "nee.csv")
    with pytest.raises(SamenschoolError, match="is een map"):
        kosten.lees(tmp_path)


# ----------------------------------------------------------------------------- amounts helper

@pytest.mark.parametrize("waarde, decimaal, cent", [
    ("12,50", None, 1250), ("12.50", None, 1250), ("1.250", None, 125000), ("1.250", ".", 125), ("1,250", None, 125),
    ("1,250", ".", 125000), ("1.234.567,89", None, 123456789), ("€12", None, 1200), ("12 euro", None, 1200),
    (7, None, 700), (7.25, None, 725), ("0", None, 0), ("12,345", ",", 1235),
])
def test_lees_bedrag(waarde, decimaal, cent):
    assert kosten.lees_bedrag(waarde, decimaal) == cent


def test_euro_formatting():
    assert kosten.euro(123456) == "€ 1.234,56" and kosten.euro(5) == "€ 0,05" and kosten.euro(-1300) == "-€ 13,00"


# ----------------------------------------------------------------------------- overview

def overzicht(tekst: str, schooljaar="2016-2017", niveau="lager", **kw):
    return kosten.bereken(lees_tekst(tekst), schooljaar, niveau, **kw)


def test_totals_per_month_in_school_year_order_and_per_category():
    o = overzicht(KOP + "Reis;juni;30;scherp\nSoep;elke maand;2;facultatief\nBoekentas;augustus;20;onrechtstreeks\n"
                  "Schriften;september;0;gratis\nZwemmen;jan;5,5;scherp\n")
    assert list(o.per_maand) == ["augustus"] + SCHOOLMAANDEN
    assert o.per_maand["september"] == 200 and o.per_maand["juni"] == 3200 and o.per_maand["januari"] == 750
    assert o.per_maand["augustus"] == 2000
    assert o.per_categorie == {"gratis": 0, "scherp": 3550, "minder_scherp": 0, "facultatief": 2000,
                               "onrechtstreeks": 2000}
    assert o.totaal == 7550 == sum(o.per_maand.values())
    d = o.to_dict()
    assert list(d["per_maand"]) == ["augustus"] + SCHOOLMAANDEN
    assert d["per_maand"]["januari"] == 7.5 and d["totaal"] == 75.5
    assert d["per_categorie"]["scherpe maximumfactuur"] == 35.5


def test_without_august_or_july_costs_the_months_are_september_to_june():
    o = overzicht(KOP + "Reis;juni;30;scherp\n")
    assert list(o.per_maand) == SCHOOLMAANDEN
    o = overzicht(KOP + "Reis;juli;30;scherp\n")
    assert list(o.per_maand) == SCHOOLMAANDEN + ["juli"]


@pytest.mark.parametrize("bedrag, oordeel", [("85", "op"), ("84,99", "onder"), ("85,01", "boven"), ("0", "onder")])
def test_maximumfactuur_check_at_under_over_against_the_table(bedrag, oordeel):
    o = overzicht(KOP + f"Uitstappen;mei;{bedrag};scherp\nBosklassen;mei;300;minder scherp\nFoto;mei;50;facultatief\n")
    mf = o.maximumfactuur
    assert mf.grens == 8500 and mf.oordeel == oordeel
    assert mf.meerdaags == 30000 and mf.meerdaags_grens == 42000
    assert ("Boven de maximumfactuur" in " ".join(o.waarschuwingen)) == (oordeel == "boven")
    assert "Katholiek Onderwijs Vlaanderen" in mf.bronzin()


def test_multi_day_trips_over_the_limit_for_all_of_primary_in_one_year_warn():
    o = overzicht(KOP + "Bosklassen;mei;€ 450;minder scherp\n")
    assert any("meer dan de minder scherpe maximumfactuur van € 420,00" in w for w in o.waarschuwingen)
    assert not any("minder scherpe" in w for w in overzicht(KOP + "Bosklassen;mei;400;minder scherp\n").waarschuwingen)


def test_kleuter_uses_the_kleuter_amount():
    mf = overzicht(KOP + "Uitstap;mei;50;scherp\n", niveau="kleuter").maximumfactuur
    assert mf.grens == 4500 and mf.oordeel == "boven" and "een kleuter" in mf.zin()


def test_a_year_without_an_amount_is_unknown_and_never_guessed():
    o = overzicht(KOP + "Uitstap;mei;50;scherp\n", schooljaar="2024-25")
    mf = o.maximumfactuur
    assert o.schooljaar == "2024-2025" and mf.grens is None and mf.oordeel == "onbekend"
    assert any("nog geen maximumfactuur" in w for w in o.waarschuwingen)
    assert o.to_dict()["maximumfactuur"]["bedrag"] is None
    assert overzicht(KOP + "Uitstap;mei;50;scherp\n", schooljaar="2030-2031").maximumfactuur.oordeel == "onbekend"


def test_an_unconfirmed_amount_is_used_only_with_a_warning():
    o = overzicht(KOP + "Uitstap;mei;50;scherp\n", schooljaar="2022-2023")
    assert o.maximumfactuur.grens == 9500 and "niet bevestigd" in o.maximumfactuur.zin()
    assert any("niet bevestigd" in w for w in o.waarschuwingen)


def test_an_amount_typed_by_the_user_replaces_the_table_and_says_so():
    o = overzicht(KOP + "Uitstap;mei;100;scherp\n", schooljaar="2024-2025", eigen_maximum=105.5)
    mf = o.maximumfactuur
    assert mf.grens == 10550 and mf.oordeel == "onder" and "door u ingevuld" in mf.bronzin()
    with pytest.raises(SamenschoolError):
        overzicht(KOP + "Uitstap;mei;100;scherp\n", eigen_maximum=0)


@pytest.mark.parametrize("fout", ["2024", "2024-2026", "vorig jaar", ""])
def test_school_year_must_be_a_school_year(fout):
    with pytest.raises(SamenschoolError, match="schooljaar"):
        kosten.schooljaar_norm(fout)


def test_family_view_for_one_two_three_children():
    o = overzicht(KOP + "Reis;mei;95;minder scherp\nZwemmen;september;12,5;scherp\n")
    assert o.gezin(1)["mei"] == 9500 and o.gezin(2)["mei"] == 19000 and o.gezin(3)["september"] == 3750
    d = o.to_dict()["gezin"]
    assert d["3"]["totaal"] == 322.5 and d["2"]["zwaarste_maand"] == "mei" and d["1"]["per_maand"]["mei"] == 95.0


def test_peaks_and_suggestions_to_spread_them():
    o = kosten.bereken(kosten.lees(kosten.voorbeeld_pad()), "2016-2017")
    assert [p.maand for p in o.pieken] == ["mei", "september"]
    tekst = " ".join(o.suggesties)
    assert "Mei is een piekmaand" in tekst
    assert "9 delen" in tekst and "Boerderijklassen" in tekst  # save up for the multi-day trip
    assert "vrije keuze" in tekst                                # optional costs in a peak month
    assert "gelijke delen" in tekst
    assert "€ 13,00 te hoog" in tekst                            # over the maximumfactuur
    vlak = overzicht(KOP + "".join(f"Soep;{m};5;facultatief\n" for m in SCHOOLMAANDEN))
    assert vlak.pieken == [] and "geen echte piekmaand" in " ".join(vlak.suggesties)


def test_an_invalid_level_is_refused():
    with pytest.raises(SamenschoolError, match="niveau"):
        overzicht(KOP + "Reis;mei;1;scherp\n", niveau="secundair")


# ----------------------------------------------------------------------------- year plan

GEVAARLIJK = '<script>alert("x")</script> **vet** [link](http://x) # kop'


def plan_met_gevaarlijke_tekst():
    o = overzicht(KOP + f"{GEVAARLIJK};mei;5;scherp\n")
    return jaarplan.maak(o, klas="<b>1A</b>", contact="juf <i>An</i>")


def test_html_plan_escapes_user_text_and_prints_on_a4():
    html = jaarplan.render(plan_met_gevaarlijke_tekst(), "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>1A</b>" not in html and "&lt;b&gt;1A&lt;/b&gt;" in html
    assert "size: A4" in html and 'lang="nl-BE"' in html


def test_markdown_plan_escapes_user_text():
    md = jaarplan.render(plan_met_gevaarlijke_tekst(), "md")
    assert "<script>" not in md and "[link](http" not in md and "\\*\\*vet\\*\\*" in md


def test_docx_plan_opens_and_says_the_same():
    from docx import Document

    o = kosten.bereken(kosten.lees(kosten.voorbeeld_pad()), "2016-2017")
    doc = jaarplan.maak(o, contact="meester Tom")
    word = Document(io.BytesIO(jaarplan.render(doc, "docx")))
    tekst = "\n".join(p.text for p in word.paragraphs)
    tabellen = "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "Schoolkosten 2016-2017" in tekst and "Mei: € 112,00" in tekst
    assert "Spreek meester Tom." in tekst and "schooltoeslag" in tekst.lower()
    assert "€ 1.068,00" in tabellen  # three children, whole year
    assert word.core_properties.language == "nl-BE"


def test_docx_survives_control_characters_from_a_file():
    from docx import Document

    o = overzicht(KOP + "Zwem\x02men\x01;mei;5;scherp\n")
    word = Document(io.BytesIO(jaarplan.render(jaarplan.maak(o), "docx")))
    assert "Zwem\ufffdmen\ufffd" in "\n".join(p.text for p in word.paragraphs)


def test_plan_content_month_by_month_optional_costs_and_what_the_school_can_do():
    o = kosten.bereken(kosten.lees(kosten.voorbeeld_pad()), "2016-2017")
    md = jaarplan.to_markdown(jaarplan.maak(o))
    assert md.index("### September") < md.index("### Oktober") < md.index("### Juni")
    assert "U kiest zelf" in md and "in delen betalen" in md and "Groeipakket" in md
    assert "Voor het team" in md  # over the maximumfactuur: the team box is there
    assert "€ 85,00 per kind" in md and "Katholiek Onderwijs Vlaanderen" in md


def test_unconfirmed_amount_never_appears_in_the_parents_text():
    o = kosten.bereken(kosten.lees(kosten.voorbeeld_pad()), "2022-2023")
    doc = jaarplan.maak(o)
    assert "95,00 per kind" not in jaarplan.ouder_tekst(doc)
    assert "niet bevestigd" in jaarplan.to_markdown(doc)  # but the team box says to check it


def test_bad_rows_are_listed_for_the_team_not_for_parents():
    o = overzicht(KOP + "Zwemmen;september;5;scherp\nToneel;november;acht;scherp\n")
    doc = jaarplan.maak(o)
    assert "Regel 3 (Toneel)" in jaarplan.to_markdown(doc)
    assert "Toneel" not in jaarplan.ouder_tekst(doc)


def test_year_plan_is_plain_language_by_the_kits_own_readability_tool():
    o = kosten.bereken(kosten.lees(kosten.voorbeeld_pad()), "2016-2017")
    score = jaarplan.leesbaarheid(jaarplan.maak(o, contact="meester Tom (zorgleerkracht)"))
    assert score.flesch_douma >= 70, score.flesch_douma
    assert score.lange_zinnen == []


def test_plan_is_written_atomically_and_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    o = kosten.bereken(kosten.lees(kosten.voorbeeld_pad()), "2016-2017")
    doc = jaarplan.maak(o)
    paden = [jaarplan.schrijf(doc, tmp_path, fmt) for fmt in jaarplan.FORMATEN]
    assert [p.name for p in paden] == [f"jaarplan_schoolkosten_2016-2017.{f}" for f in ("html", "docx", "md")]
    oud = paden[2].read_bytes()

    def kapot(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", kapot)
    with pytest.raises(SamenschoolError, match="niet schrijven"):
        jaarplan.schrijf(jaarplan.maak(overzicht(KOP + "Andere;mei;1;scherp\n")), tmp_path, "md")
    assert paden[2].read_bytes() == oud
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paden)  # no temp files left


def test_writing_into_a_file_instead_of_a_folder_is_refused(tmp_path):
    bestand = tmp_path / "x.txt"
    bestand.write_text("x")
    with pytest.raises(SamenschoolError, match="geen map"):
        jaarplan.schrijf(plan_met_gevaarlijke_tekst(), bestand, "md")


# ----------------------------------------------------------------------------- CLI (real entry point)

SAMENSCHOOL = Path(sys.executable).with_name("samenschool")


def cli(*args, cwd=None):
    if not SAMENSCHOOL.exists():
        pytest.fail(f"{SAMENSCHOOL} ontbreekt: draai make setup")
    return subprocess.run([str(SAMENSCHOOL), "kosten", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_cli_json_contract_with_bad_rows_exits_0(tmp_path):
    lijst = tmp_path / "lijst.csv"
    lijst.write_text("\ufeff" + KOP + "Zwemmen;September;€ 12,50;scherpe maximumfactuur\n"
                     "Toneel;nov;acht;scherp\nSoep;elke maand;2;facultatief\n", encoding="utf-8")
    res = cli(lijst, "--schooljaar", "2016-2017", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert {"per_maand", "per_categorie", "totaal", "fouten", "waarschuwingen"} <= set(out)
    assert list(out["per_maand"])[:2] == ["september", "oktober"]
    assert all(k == k.lower() for k in out["per_maand"])
    assert out["per_maand"]["september"] == 14.5 and isinstance(out["totaal"], float) and out["totaal"] == 32.5
    assert out["per_categorie"]["scherpe maximumfactuur"] == 12.5
    assert out["fouten"] == [{"rij": 3, "omschrijving": "Toneel", "melding": out["fouten"][0]["melding"]}]
    assert "'acht' is geen bedrag" in out["fouten"][0]["melding"]
    assert isinstance(out["waarschuwingen"], list)
    assert out["maximumfactuur"]["oordeel"] == "onder"


def test_cli_unknown_year_warns_and_writes_a_docx_plan(tmp_path):
    res = cli(kosten.voorbeeld_pad(), "--schooljaar", "2024-2025", "--json", "--naar", "docx", "--uit", tmp_path / "uit")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["maximumfactuur"]["oordeel"] == "onbekend" and out["waarschuwingen"]
    pad = Path(out["jaarplan"]["bestand"])
    assert pad.is_file() and pad.read_bytes()[:2] == b"PK"
    assert out["jaarplan"]["leesbaarheid"]["flesch_douma"] > 60


def test_cli_text_report(tmp_path):
    res = cli(kosten.voorbeeld_pad(), "--schooljaar", "2016-2017", "--naar", "html", "--uit", tmp_path)
    assert res.returncode == 0, res.stderr
    assert "← piek" in res.stdout and "meer dan de scherpe maximumfactuur" in res.stdout
    assert (tmp_path / "jaarplan_schoolkosten_2016-2017.html").is_file()


@pytest.mark.parametrize("inhoud, args, stukje", [
    ("omschrijving;maand;bedrag\nA;mei;1\n", ["--schooljaar", "2024-2025"], "De kolom categorie ontbreekt"),
    ("", ["--schooljaar", "2024-2025"], "leeg"),
    (KOP + "A;mei;1;scherp\n", ["--schooljaar", "2024"], "geen schooljaar"),
    (KOP + "A;mei;1;scherp\n", ["--schooljaar", "2024-2025", "--naar", "docx"], "--uit"),
])
def test_cli_exits_1_with_a_dutch_message_and_no_traceback(tmp_path, inhoud, args, stukje):
    lijst = tmp_path / "lijst.csv"
    lijst.write_text(inhoud, encoding="utf-8")
    res = cli(lijst, *args)
    assert res.returncode == 1
    assert stukje in res.stderr and "Traceback" not in res.stderr and res.stdout == ""


def test_cli_reads_an_excel_file(tmp_path):
    lijst = tmp_path / "bijdragelijst.xlsx"
    lijst.write_bytes(_xlsx([["Omschrijving", "Maand", "Bedrag (€)", "Categorie"],
                             ["Zwemmen", "sep", 12.5, "scherp"], ["Bosklassen", 5, "€ 95", "minder scherp"]]))
    res = cli(lijst, "--schooljaar", "2016-2017", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["per_maand"]["september"] == 12.5 and out["per_maand"]["mei"] == 95.0 and out["fouten"] == []
