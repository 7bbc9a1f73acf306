"""Module 05 (heldere taal): the live letter editor and the Klasse/Wablieft checklist.

The editor uses the real readability engine (samenschool.leesbaarheid) and the real
example letters in datasets/brieven/. Widgets run without a kernel: setting .value fires
the observers, click() runs the handlers (TECH-NOTES).
"""

from __future__ import annotations

import dataclasses

import pytest

from samenschool import leesbaarheid
from samenschool.antwoord import Antwoord
from samenschool.werkmap import Werkmap
from samenschool.widgets import brief_editor as be
from samenschool.widgets import checklist as cl

MODULE = "05_heldere_taal"
ONDERWERPEN = ["uitnodiging_oudercontact", "schoolrekening", "uitstap", "zorgoverleg"]
KORT = "Kom naar school. We praten over je kind. Het duurt een half uur."
LANG = ("Wij nodigen u hierbij vriendelijk uit voor het oudercontact dat zal plaatsvinden in de "
        "refter van de school teneinde de evolutie van uw kind in het kader van het "
        "zorgbeleid te bespreken met de klastitularis en de zorgcoördinator.")


# --------------------------------------------------------------------------- example letters


def test_all_example_letters_are_offered_hard_and_plain():
    ids = {v.id for v in be.voorbeelden()}
    for onderwerp in ONDERWERPEN:
        assert {f"{onderwerp}_moeilijk", f"{onderwerp}_helder"} <= ids
    labels = [v.label for v in be.voorbeelden()]
    assert "Uitnodiging oudercontact (moeilijke versie)" in labels


def test_unknown_example_gives_dutch_error():
    with pytest.raises(be.SamenschoolError, match="bestaat niet"):
        be.voorbeeld("bestaat_niet_moeilijk")


# --------------------------------------------------------------------------- the model


def test_scores_change_when_text_changes(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    first = model.zet("voor", LANG)
    second = model.zet("voor", KORT)
    assert first.ok and second.ok
    assert second.result.flesch_douma > first.result.flesch_douma
    assert second.result.brouwer > first.result.brouwer
    assert model.results["voor"] is second.result
    assert model.voor == KORT


@pytest.mark.parametrize("onderwerp", ONDERWERPEN)
def test_plain_version_scores_higher_in_comparison(werkmap, onderwerp):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    model.laad_voorbeeld(f"{onderwerp}_moeilijk", "voor")
    model.laad_voorbeeld(f"{onderwerp}_helder", "na")
    result = model.vergelijk()
    assert result["klaar"] is True
    assert result["makkelijker"] is True
    rows = {r["maat"]: r for r in result["rijen"]}
    assert rows["Flesch-Douma"]["na"] > rows["Flesch-Douma"]["voor"]
    assert rows["Leesindex Brouwer"]["na"] > rows["Leesindex Brouwer"]["voor"]
    assert rows["Flesch-Douma"]["verschil"] > 0
    assert result["zin"].startswith("De nieuwe versie is makkelijker:")
    assert "buitenkant" in result["zin"]  # the caveat travels with every verdict
    assert result["voor"]["woorden"] > 0 and result["na"]["woorden"] > 0


def test_harder_rewrite_is_called_harder(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    model.zet("voor", KORT)
    model.zet("na", LANG)
    result = model.vergelijk()
    assert result["makkelijker"] is False
    assert result["zin"].startswith("De nieuwe versie is moeilijker:")


def test_same_text_is_no_difference(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    model.zet("voor", KORT)
    model.neem_over()
    assert model.na == model.voor
    result = model.vergelijk()
    assert result["makkelijker"] is None
    assert "even makkelijk" in result["zin"]


@pytest.mark.parametrize("tekst", ["", "   \n\t ", None, "Beste ouders,"])
def test_empty_input_gives_message_not_exception(werkmap, tekst):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    meting = model.zet("voor", tekst)
    assert not meting.ok
    assert meting.melding
    html = be.score_html(meting)
    assert "ss-melding" in html and "Traceback" not in html
    assert leesbaarheid.CAVEAT.split(":")[0] in html  # the caveat is always shown
    result = model.vergelijk()
    assert result["klaar"] is False
    assert "Nog geen vergelijking" in result["melding"]
    assert "Voor" in result["melding"]
    assert "ss-melding" in be.vergelijking_html(result)


def test_very_long_input_gives_message_and_is_cut(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    long_text = (KORT + "\n") * 400
    assert len(long_text) > be.MAX_TEKENS
    meting = model.zet("voor", long_text)
    assert not meting.ok
    assert "te lang" in meting.melding and "20.000" in meting.melding
    assert len(werkmap.get(MODULE, "herschrijf.voor")) == be.MAX_TEKENS


def test_persistence_across_a_new_instance(werkmap_dir):
    model = be.BriefEditor(Werkmap(werkmap_dir), MODULE, sleutel="herschrijf",
                           voorbeeld="uitnodiging_oudercontact_moeilijk")
    model.zet("na", KORT)
    model.zet("voor", LANG)
    # a restart: a new werkmap object and a new model, same folder
    again = be.BriefEditor(Werkmap(werkmap_dir), MODULE, sleutel="herschrijf",
                           voorbeeld="uitnodiging_oudercontact_moeilijk")
    assert again.voor == LANG
    assert again.na == KORT
    assert again.results["na"].flesch_douma == model.results["na"].flesch_douma
    antwoorden = Werkmap(werkmap_dir).antwoorden(MODULE)
    # page order: the first version, then the rewrite, each with its label and the text itself
    assert [(a.sleutel, a.vraag, a.tekst) for a in antwoorden] == [
        ("herschrijf.voor", model.label("voor"), LANG), ("herschrijf.na", model.label("na"), KORT)]


def test_cleared_text_stays_cleared(werkmap_dir):
    model = be.BriefEditor(Werkmap(werkmap_dir), MODULE, sleutel="eigen_brief", voorbeeld="uitstap_moeilijk")
    assert model.results["voor"] is not None  # the example shows while nothing is saved
    model.zet("voor", "")
    again = be.BriefEditor(Werkmap(werkmap_dir), MODULE, sleutel="eigen_brief", voorbeeld="uitstap_moeilijk")
    assert again.voor == ""  # an emptied box does not refill itself with the example


def test_example_can_be_undone(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    model.zet("voor", KORT)
    model.laad_voorbeeld("zorgoverleg_moeilijk", "voor")
    assert model.voor != KORT
    model.herstel("voor")
    assert model.voor == KORT
    assert model.herstel("voor") is None


def test_two_exercises_do_not_share_text(werkmap):
    a = be.BriefEditor(werkmap, MODULE, sleutel="eigen_brief", voorbeeld=None)
    b = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    a.zet("voor", KORT)
    assert b.voor == ""
    assert werkmap.get(MODULE, "eigen_brief.voor") == KORT


def test_marked_html_escapes_and_marks(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    meting = model.zet("voor", "<script>alert(1)</script> " + LANG)
    html = be.markering_html(meting)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="ss-lang"' in html
    assert "<mark" in html and "teneinde" in html


def test_score_table_labels_are_unambiguous(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    meting = model.laad_voorbeeld("uitstap_moeilijk", "voor")
    html = be.score_html(meting)
    r = meting.result
    # "gemiddeld" belongs to the label, not to the column where the band words stand
    assert ">Woorden per zin (gemiddeld)</th>" in html
    assert ">gemiddeld<" not in html
    # count of hits and of different words, as in the list under the letter
    keer = len(r.moeilijke_woorden)
    uniek = len({w["woord"].lower() for w in r.moeilijke_woorden})
    assert keer > uniek  # this letter repeats some hard words
    assert f">{keer}</td><td" in html
    assert f">keer, {uniek} verschillende woorden uit de lijst van de kit</td>" in html
    lijst = be.markering_html(meting)
    assert f"({keer} keer, {uniek} verschillende woorden)" in lijst


def test_caveat_next_to_scores_has_no_b1(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    html = be.score_html(model.zet("voor", KORT))
    assert "buitenkant" in html and "B1" not in html  # B1 is explained once, in the notebook


def test_word_list_is_open_without_hovering(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    html = be.markering_html(model.zet("voor", LANG))
    assert "<details" not in html and "<summary" not in html  # not folded away
    assert "<li><strong>teneinde</strong> → om</li>" in html
    assert "met de muis" not in html  # the legend points to the list, not to hovering


def test_comparison_is_a_short_verdict_and_plain_lines(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    model.laad_voorbeeld("uitnodiging_oudercontact_moeilijk", "voor")
    model.laad_voorbeeld("uitnodiging_oudercontact_helder", "na")
    result = model.vergelijk()
    assert result["oordeel"] == "De nieuwe versie is makkelijker."
    assert 2 <= len(result["regels"]) <= 4
    assert all(len(regel.split()) <= 12 for regel in result["regels"])
    assert result["regels"][0].startswith("Flesch-Douma: van ")
    html = be.vergelijking_html(result)
    assert "<strong>De nieuwe versie is makkelijker.</strong>" in html
    bold = html.split("<strong>")[1].split("</strong>")[0]
    assert len(bold.split()) <= 6  # only the verdict is bold
    assert html.count("<li>") == len(result["regels"])
    assert "buitenkant" in html
    rows = {r["maat"] for r in result["rijen"]}
    assert "Moeilijke woorden (aantal keer)" in rows and "Woorden per zin (gemiddeld)" in rows


def test_disagreeing_formulas_are_said_plainly(werkmap):
    model = be.BriefEditor(werkmap, MODULE, sleutel="herschrijf", voorbeeld=None)
    model.zet("voor", KORT)
    model.zet("na", LANG)
    voor, na = model.results["voor"], model.results["na"]
    model.metingen["na"] = be.Meting(model.na, dataclasses.replace(na, flesch_douma=voor.flesch_douma + 1,
                                                                 brouwer=voor.brouwer - 1))
    result = model.vergelijk()
    assert result["makkelijker"] is None
    assert result["oordeel"] == "De twee formules zijn het niet eens."
    assert result["regels"][0] == "Flesch-Douma stijgt, Brouwer daalt."


# --------------------------------------------------------------------------- the view


def test_buttons_and_labels_get_the_room_they_need(werkmap):
    view = be.maak(MODULE, werkmap)
    assert view.neem_over.layout.width == "auto"
    for kolom in view.kolommen.values():
        assert kolom.terug.layout.width == "auto"
        assert kolom.voorbeeld.style.description_width == "initial"


def test_view_typing_updates_score_widget(werkmap):
    view = be.maak(MODULE, werkmap, sleutel="eigen_brief", voorbeeld="uitstap_moeilijk", vergelijken=False)
    before = view.scores.value
    assert "data-flesch" in before
    view.tekst.value = KORT
    after = view.scores.value
    assert after != before
    assert f'data-flesch="{leesbaarheid.analyse(KORT).flesch_douma}"' in after
    assert werkmap.get(MODULE, "eigen_brief.voor") == KORT
    view.tekst.value = ""
    assert "nog leeg" in view.scores.value
    assert view.kolommen["voor"].markering.value == '<div class="ss-markering"></div>'


def test_view_dropdown_loads_example_and_resets(werkmap):
    view = be.maak(MODULE, werkmap, voorbeeld=None)
    kolom = view.kolommen["voor"]
    kolom.voorbeeld.value = "schoolrekening_moeilijk"
    assert view.tekst.value == be.voorbeeld("schoolrekening_moeilijk").tekst()
    assert kolom.voorbeeld.value == ""  # back to "kies een voorbeeldbrief"
    assert not kolom.terug.disabled
    assert "data-flesch" in view.scores.value
    # Na: load the plain version, the comparison says it is easier
    view.kolommen["na"].voorbeeld.value = "schoolrekening_helder"
    assert "De nieuwe versie is makkelijker" in view.vergelijking.value
    # undo the example in Voor: the (empty) text comes back
    kolom.terug.click()
    assert view.tekst.value == ""
    assert kolom.terug.disabled


def test_view_copy_button_fills_na(werkmap):
    view = be.maak(MODULE, werkmap)  # default: the hard invitation in Voor
    assert view.tekst.value == be.voorbeeld("uitnodiging_oudercontact_moeilijk").tekst()
    view.neem_over.click()
    assert view.kolommen["na"].tekst.value == view.tekst.value
    assert "even makkelijk" in view.vergelijking.value


def test_view_restores_saved_text(werkmap_dir):
    view = be.maak(MODULE, Werkmap(werkmap_dir), voorbeeld=None)
    view.kolommen["na"].tekst.value = KORT
    again = be.maak(MODULE, Werkmap(werkmap_dir), voorbeeld=None)
    assert again.kolommen["na"].tekst.value == KORT
    assert "data-flesch" in again.kolommen["na"].scores.value


def test_view_css_classes(werkmap):
    view = be.maak(MODULE, werkmap)
    assert {"ss-brief-editor", "ss-brief-herschrijf"} <= set(view.widget._dom_classes)
    assert "ss-brief-tekst" in view.tekst._dom_classes
    assert "ss-brief-scores" in view.scores._dom_classes


# --------------------------------------------------------------------------- checklist


def test_checklist_points_come_from_csv_with_source():
    punten = cl.laad_punten()
    assert len(punten) == 11
    assert all("Klasse & Wablieft" in p.bron and "30-03-2016" in p.bron for p in punten)
    assert len({p.id for p in punten}) == 11


def test_checklist_model_counts_and_saves(werkmap_dir):
    model = cl.Checklist(Werkmap(werkmap_dir))
    assert model.samenvatting().startswith("0 van 11 punten in orde")
    for punt_id in model.ids[:7]:
        model.vink(punt_id)
    assert model.samenvatting().startswith("7 van 11 punten in orde")
    model.vink(model.ids[0], False)
    assert model.telling == (6, 11)
    again = cl.Checklist(Werkmap(werkmap_dir))
    assert again.telling == (6, 11)
    assert Werkmap(werkmap_dir).get(MODULE, cl.SLEUTEL) == model.ids[1:7]
    with pytest.raises(KeyError):
        model.vink("bestaat_niet")


def test_checklist_ignores_stale_ids(werkmap):
    werkmap.bewaar(MODULE, Antwoord.nieuw(MODULE, cl.SLEUTEL, ["titel", "oud_punt", 3], vraag=cl.LABEL))
    model = cl.Checklist(werkmap)
    assert model.aangevinkt == {"titel"}


def test_checklist_view_tick_updates_count_and_werkmap(werkmap):
    view = cl.maak(MODULE, werkmap)
    assert "0 van 11 punten in orde" in view.telling.value
    view.checkboxes["titel"].value = True
    view.checkboxes["cijfers"].value = True
    assert "2 van 11 punten in orde" in view.telling.value
    assert werkmap.get(MODULE, cl.SLEUTEL) == ["titel", "cijfers"]
    view.checkboxes["titel"].value = False
    assert "1 van 11 punten in orde" in view.telling.value
    assert "B1" in view.noot.value and "richtlijn" in view.noot.value
    assert "ss-checklist" in view.widget._dom_classes
    again = cl.maak(MODULE, werkmap)
    assert again.checkboxes["cijfers"].value is True


def test_checklist_bad_csv_gives_dutch_error(tmp_path):
    bad = tmp_path / "checklist.csv"
    bad.write_text("id,punt,bron\nx,Iets,Bron\n", encoding="utf-8")
    with pytest.raises(cl.DataError, match="uitleg"):
        cl.laad_punten(bad)
    dup = tmp_path / "dup.csv"
    dup.write_text("id,punt,uitleg,bron\nx,A,,B\nx,C,,D\n", encoding="utf-8")
    with pytest.raises(cl.DataError, match="twee keer"):
        cl.laad_punten(dup)
