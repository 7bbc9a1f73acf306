"""Core widgets: models (state in/out, persistence across a 'restart', bad input) and
headless views (set .value, click, read model state and HTML)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from samenschool import leerpad
from samenschool.antwoord import Antwoord
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap
from samenschool.widgets import _ui, reflectie, route, scenario, schaal, sorteer, voortgang, werkmap_beheer
from samenschool.widgets.module import open_module

M1 = "01_gelijke_kansen"
M2 = "02_partnerschap"
ALGEMENE = _ui.ALGEMENE_FOUT[:30]

THEMAS = pd.DataFrame({
    "id": ["betaalbaarheid", "talenten_leerkansen", "informatie_communicatie", "welzijn_welbevinden",
           "ouderbetrokkenheid"],
    "nummer": [1, 2, 3, 4, 5],
    "naam": ["Betaalbaarheid", "Talenten en leerkansen", "Informatie en communicatie", "Welzijn en welbevinden",
             "Ouderbetrokkenheid"],
    "beschrijving": ["Over geld en schaamte.", "Over wat een kind goed kan.", "Over weten wat er gebeurt.",
                     "Over je goed voelen.", "Over betrokken worden."],
})

CITATEN = pd.DataFrame({
    "id": ["T1", "T2", "T3", "T4", "T5", "T6", "T7"],
    "tekst": ["Een citaat over geld <b>en</b> kosten.", "Een citaat over talent.", "Een citaat over een brief.",
              "Een citaat over je goed voelen.", "Een citaat over de ouderraad.", "Nog een over geld.",
              "Een citaat zonder thema."],
    "spreker": ["ouder"] * 6 + ["oudergroep"],
    "sectie": ["thema_betaalbaarheid", "thema_talenten", "thema_informatie", "thema_welzijn",
               "thema_ouderbetrokkenheid", "focus_kiezen", "wat_is_partnerschap"],
    "thema": ["betaalbaarheid", "talenten_leerkansen", "informatie_communicatie", "welzijn_welbevinden",
              "ouderbetrokkenheid", "betaalbaarheid", ""],
    "waarden": ["", "", "respect", "vertrouwen;respect", "", "", "gelijkwaardigheid"],
    "impact": ["", "", "", "kind_x", "ouder_y", "", ""],
})

WAARDEN = pd.DataFrame({
    "id": ["gelijkwaardigheid", "respect", "vertrouwen", "zonder_citaat"],
    "naam": ["Gelijkwaardigheid", "Respect", "Vertrouwen", "Zonder citaat"],
    "beschrijving": ["Op gelijke hoogte.", "Wederzijds respect.", "Elkaar vertrouwen.", "—"],
    "volgorde": [1, 2, 3, 4],
})

IMPACT = pd.DataFrame({
    "id": ["kind_x", "ouder_y", "fg_z"],
    "voor": ["kind", "ouder", "leerkracht"],
    "bron": ["ouders", "ouders", "focusgroep"],
    "naam": ["Kind voelt zich beter", "Ouder voelt zich zekerder", "Focusgroep"],
    "beschrijving": ["Uitleg kind.", "Uitleg ouder.", "Uitleg fg."],
})


def restart(werkmap: Werkmap) -> Werkmap:
    """A new Werkmap object on the same folder: what a kernel restart or page reload sees."""
    return Werkmap(werkmap.folder)


# -- reflectie ------------------------------------------------------------------------------
def test_reflectie_model_saves_and_reloads(werkmap):
    model = reflectie.Reflectie(M1, "reflectie", "Wat neem je mee?", werkmap)
    assert model.tekst == "" and not model.gedaan
    assert model.bewaar("  Ik neem mee dat ouders al betrokken zijn.  ")
    again = reflectie.Reflectie(M1, "reflectie", "Wat neem je mee?", restart(werkmap))
    assert again.tekst == "Ik neem mee dat ouders al betrokken zijn."
    [antwoord] = restart(werkmap).antwoorden(M1)
    assert antwoord.vraag == "Wat neem je mee?" and antwoord.tekst == "Ik neem mee dat ouders al betrokken zijn."
    assert antwoord.activiteit == "reflectie" and antwoord.activiteit_titel == "Reflectie"


def test_reflectie_model_bad_input(werkmap):
    model = reflectie.Reflectie(M1, "reflectie", "Vraag", werkmap, max_tekens=20)
    assert not model.bewaar("x" * 50)
    assert "te lang" in model.melding and model.tekst == "x" * 20
    assert restart(werkmap).get(M1, "reflectie") == "x" * 20
    assert not model.bewaar("   \n ")
    assert "leeg" in model.melding
    assert restart(werkmap).get(M1, "reflectie") is None
    assert model.bewaar("tab\tnul\x00bel\x07")
    assert model.tekst == "tab\tnulbel"


def test_reflectie_view_headless(werkmap):
    view = reflectie.maak(M1, "reflectie", "Wat neem je mee?", werkmap=werkmap)
    view.tekst.value = "Mijn gedachte"
    assert "Bewaard" in view.status.value
    assert restart(werkmap).get(M1, "reflectie") == "Mijn gedachte"
    view.tekst.value = ""
    assert "leeg" in view.status.value
    reloaded = reflectie.maak(M1, "reflectie", "Wat neem je mee?", werkmap=restart(werkmap))
    assert reloaded.tekst.value == ""


def test_reflectie_view_shows_werkmap_message(werkmap):
    werkmap.folder.mkdir(parents=True)
    werkmap.path(M1).write_text("{kapot", encoding="utf-8")
    view = reflectie.maak(M1, "reflectie", "Vraag", werkmap=werkmap)
    assert "niet gelezen" in view.status.value


# -- sorteer --------------------------------------------------------------------------------
def test_kies_citaten_spreads_over_themes_and_is_stable():
    rows = sorteer.kies_citaten(CITATEN, THEMAS, n=5)
    assert list(rows["thema"]) == list(THEMAS["id"])
    assert list(rows["id"]) == list(sorteer.kies_citaten(CITATEN, THEMAS, n=5)["id"])
    assert len(sorteer.kies_citaten(CITATEN, THEMAS, n=6)) == 6
    with pytest.raises(SamenschoolError):
        sorteer.kies_citaten(CITATEN, THEMAS, n=0)


def test_sorteerder_model_feedback_and_restart(werkmap):
    rows = sorteer.kies_citaten(CITATEN, THEMAS, n=5)
    model = sorteer.Sorteerder(M1, rows, THEMAS, werkmap)
    model.kies("T1", "betaalbaarheid")
    model.kies("T2", "welzijn_welbevinden")
    same, other, empty = model.terugkoppeling("T1"), model.terugkoppeling("T2"), model.terugkoppeling("T3")
    assert same.zelfde and "ook bij Betaalbaarheid" in same.tekst
    assert not other.zelfde
    assert "Jij koos Welzijn en welbevinden" in other.tekst
    assert "Talenten en leerkansen" in other.tekst and "Over wat een kind goed kan." in other.tekst
    # words from the report (no beschrijving_bron column): a quote with its source
    assert "“Over wat een kind goed kan.”" in other.tekst and "(bron: rapport van Recht-Op vzw)" in other.tekst
    assert "Beide lezingen kunnen" in other.tekst
    assert "fout" not in other.tekst.lower() and "fout" not in same.tekst.lower()
    assert "nog geen thema" in empty.tekst
    assert "Bij 1 van de 5" in model.samenvatting()
    jij, groep = model.telling()
    assert jij["Betaalbaarheid"] == 1 and jij["Welzijn en welbevinden"] == 1 and sum(jij.values()) == 2
    assert all(v == 1 for v in groep.values())
    again = sorteer.Sorteerder(M1, rows, THEMAS, restart(werkmap))
    assert again.keuzes["T1"] == "betaalbaarheid" and again.keuzes["T3"] is None
    assert again.to_dict()["keuzes"]["T2"] == "welzijn_welbevinden"
    model.kies("T1", None)
    assert sorteer.Sorteerder(M1, rows, THEMAS, restart(werkmap)).keuzes["T1"] is None


def test_sorteerder_kit_summary_is_no_quote(werkmap):
    themas = THEMAS.assign(beschrijving_bron="kit")
    model = sorteer.Sorteerder(M1, sorteer.kies_citaten(CITATEN, themas, 5), themas, werkmap)
    model.kies("T2", "welzijn_welbevinden")
    tekst = model.terugkoppeling("T2").tekst
    assert "Over dat thema: Over wat een kind goed kan." in tekst
    assert "rapport zegt" not in tekst and "“" not in tekst


def test_sorteerder_bad_input(werkmap):
    model = sorteer.Sorteerder(M1, sorteer.kies_citaten(CITATEN, THEMAS, 5), THEMAS, werkmap)
    with pytest.raises(SamenschoolError, match="geen thema"):
        model.kies("T1", "armoede")
    with pytest.raises(SamenschoolError, match="hoort niet"):
        model.kies("C999", "betaalbaarheid")
    werkmap.bewaar(M1, Antwoord.nieuw(M1, "sorteer.T1", "iets_raars", vraag="Bij welk thema?", tekst="iets raars"))
    assert sorteer.Sorteerder(M1, sorteer.kies_citaten(CITATEN, THEMAS, 5), THEMAS, restart(werkmap)).keuzes["T1"] is None


def test_sorteer_view_headless(werkmap):
    view = sorteer.maak(M1, 5, werkmap=werkmap, citaten=CITATEN, themas=THEMAS)
    assert len(view.keuzes) == 5
    # escaped quote text
    assert "&lt;b&gt;en&lt;/b&gt;" in view.widget.children[0].children[0].value
    view.knop.click()
    assert "Kies eerst" in view.samenvatting.value
    for cid, dropdown in view.keuzes.items():
        dropdown.value = "betaalbaarheid"
    assert "5 van 5" in view.status.value
    view.knop.click()
    assert "ook bij Betaalbaarheid" in view.feedback["T1"].value
    assert "Beide lezingen kunnen" in view.feedback["T2"].value
    assert "Bij 1 van de 5" in view.samenvatting.value
    assert "<img" in view.grafiek.value and "In woorden:" in view.grafiek.value
    reloaded = sorteer.maak(M1, 5, werkmap=restart(werkmap), citaten=CITATEN, themas=THEMAS)
    assert all(d.value == "betaalbaarheid" for d in reloaded.keuzes.values())


def test_sorteer_view_never_raises(werkmap):
    view = sorteer.maak(M1, 5, werkmap=werkmap, citaten=CITATEN, themas=THEMAS, met_grafiek=False)
    view._kies("T1", "bestaat_niet")
    assert "geen thema" in view.status.value


def test_sorteer_maak_unknown_ids(werkmap):
    with pytest.raises(SamenschoolError, match="bestaan niet"):
        sorteer.maak(M1, citaat_ids=["X1"], werkmap=werkmap, citaten=CITATEN, themas=THEMAS)


# -- scenario -------------------------------------------------------------------------------
def test_scenario_model_navigation_and_answers(werkmap):
    kaarten = scenario.kaarten_uit_citaten(CITATEN, per_thema=1)
    assert [k.citaat_id for k in kaarten] == ["T1", "T2", "T3", "T4", "T5"]
    kaarten.append(scenario.Kaart(id="fictie1", vraag="Wat doe jij?", situatie="Een mama komt te laat."))
    model = scenario.ScenarioReeks(M1, kaarten, werkmap)
    assert model.positie == "Kaart 1 van 6" and not model.heeft_vorige
    model.vorige()
    assert model.index == 0
    model.volgende()
    assert model.huidige.id == "T2"
    assert model.bewaar("Ik zou eerst luisteren.")
    model.ga_naar(5)
    assert not model.heeft_volgende
    html = model.kaart_html(CITATEN)
    assert scenario.FICTIE_LABEL in html and "Een mama komt te laat." in html
    with pytest.raises(SamenschoolError):
        model.ga_naar(9)
    again = scenario.ScenarioReeks(M1, kaarten, restart(werkmap))
    assert again.antwoorden["T2"] == "Ik zou eerst luisteren." and again.aantal_beantwoord == 1
    assert "Ik zou eerst luisteren." in again.to_dict()["antwoorden"].values()


def test_scenario_bad_input(werkmap):
    with pytest.raises(SamenschoolError):
        scenario.ScenarioReeks(M1, [], werkmap)
    with pytest.raises(SamenschoolError):
        scenario.ScenarioReeks(M1, [scenario.Kaart(id="a", vraag="?")], werkmap)
    with pytest.raises(SamenschoolError, match="bestaan niet"):
        scenario.kaarten_uit_citaten(CITATEN, ["NOPE"])
    model = scenario.ScenarioReeks(M1, scenario.kaarten_uit_citaten(CITATEN, ["T1"]), werkmap, max_tekens=10)
    assert not model.bewaar("veel te lange tekst hier")
    assert "te lang" in model.melding


def test_scenario_view_headless(werkmap):
    view = scenario.maak(M1, ["T1", "T2"], werkmap=werkmap, citaten=CITATEN, met_themanaam=False)
    assert "Kaart 1 van 2" in view.kaart.value and view.knop_vorige.disabled
    assert "Een citaat over geld &lt;b&gt;en&lt;/b&gt; kosten." in view.kaart.value
    view.tekst.value = "Antwoord bij kaart 1"
    assert "Bewaard" in view.status.value
    view.knop_volgende.click()
    assert "Kaart 2 van 2" in view.kaart.value and view.tekst.value == "" and view.knop_volgende.disabled
    view.knop_vorige.click()
    assert view.tekst.value == "Antwoord bij kaart 1"
    # switching cards did not overwrite anything
    assert restart(werkmap).load(M1) == {"scenario.T1": "Antwoord bij kaart 1"}


def test_waarden_en_impact_secties():
    secties = scenario.waarden_secties(CITATEN, WAARDEN)
    titels = [t for t, _ in secties]
    assert titels == ["Gelijkwaardigheid (1 citaat)", "Respect (2 citaten)", "Vertrouwen (1 citaat)"]
    assert "Een citaat over een brief." in secties[1][1]
    assert len(scenario.waarden_secties(CITATEN, WAARDEN, alle=True)) == 4
    impact = scenario.impact_secties(CITATEN, IMPACT)
    assert [t for t, _ in impact] == ["Het kind", "De ouder"]
    assert "Een citaat over je goed voelen." in impact[0][1]
    assert len(scenario.impact_secties(CITATEN, IMPACT, bron=None)) == 3


def test_impact_shows_each_story_once():
    citaten = CITATEN.assign(impact=["kind_x;ouder_y", "kind_x", "ouder_y", "kind_x", "ouder_y", "", ""])
    secties = dict(scenario.impact_secties(citaten, IMPACT))
    alles = "".join(secties.values())
    for cid in ("T1", "T2", "T3", "T4", "T5"):
        assert alles.count(f'data-citaat="{cid}"') <= 1, cid
    assert secties["Het kind"].count("ss-citaat") == 1  # one story per impact
    # quotes an activity further on the page uses are left out of the tabs
    zonder = dict(scenario.impact_secties(citaten, IMPACT, zonder=["T1", "T2"]))
    assert 'data-citaat="T1"' not in "".join(zonder.values()) and 'data-citaat="T4"' in zonder["Het kind"]


def test_beschrijving_kit_text_or_marked_quote():
    kit = {"beschrijving": "Ouder en school vertrouwen elkaar.", "beschrijving_bron": "kit"}
    assert scenario.beschrijving_html(kit) == '<p class="ss-uitleg">Ouder en school vertrouwen elkaar.</p>'
    for rij in ({"beschrijving": "Ik voel mij partner als men mij respecteert.", "beschrijving_bron": "rapport"},
                {"beschrijving": "Ik voel mij partner als men mij respecteert."}):  # no column: first person
        html = scenario.beschrijving_html(rij)
        assert "ss-citaat" in html and "“Ik voel mij partner" in html and "Bron: Recht-Op vzw" in html
        assert scenario.beschrijving_html(rij, rapport_tonen=False) == ""
    # the weighing shows only kit text, never words from the report
    waarden = WAARDEN.assign(beschrijving=["Op gelijke hoogte.", "Ik wil respect.", "Elkaar vertrouwen.", "—"])
    model = schaal.Weging(M2, waarden, Werkmap("/nonexistent-not-used"))
    assert model.uitleg["respect"] == "" and model.uitleg["gelijkwaardigheid"] == "Op gelijke hoogte."


# -- schaal ---------------------------------------------------------------------------------
def test_plaatsing_model(werkmap):
    model = schaal.Plaatsing(M2, werkmap)
    assert "nog niets" in model.samenvatting()
    model.zet("nu", "Samen doen")
    assert "Waar wil je naartoe" in model.samenvatting()
    text = model.zet("doel", "Samen beslissen")
    assert "2 stappen verder" in text and model.afstand == 2
    again = schaal.Plaatsing(M2, restart(werkmap))
    assert again.to_dict() == {"nu": "Samen doen", "doel": "Samen beslissen"}
    assert "eerder in de lijst" in model.zet("doel", "Samen weten")
    with pytest.raises(SamenschoolError, match="staat niet op de schaal"):
        model.zet("nu", "Samen dansen")
    with pytest.raises(SamenschoolError):
        model.zet("straks", "Samen doen")
    model.zet("nu", None)
    model.zet("doel", None)
    assert restart(werkmap).get(M2, "plaatsing") is None


def test_plaatsing_view_headless(werkmap):
    view = schaal.maak_plaatsing(M2, werkmap=werkmap)
    assert view.knoppen["nu"].value is None
    view.knoppen["nu"].value = "Samen weten"
    view.knoppen["doel"].value = "Samen denken"
    assert "3 stappen verder" in view.status.value and "Bewaard" in view.status.value
    reloaded = schaal.maak_plaatsing(M2, werkmap=restart(werkmap))
    assert reloaded.knoppen["nu"].value == "Samen weten" and reloaded.knoppen["doel"].value == "Samen denken"


def test_weging_model(werkmap):
    model = schaal.Weging(M2, WAARDEN, werkmap)
    assert "nog geen" in model.samenvatting()
    model.zet("respect", 3)
    model.zet("vertrouwen", "2")
    assert model.gekozen == ["respect", "vertrouwen"]
    assert "Respect" in model.samenvatting() and "2 van de 4" in model.samenvatting()
    assert schaal.Weging(M2, WAARDEN, restart(werkmap)).to_dict() == {"respect": 3, "vertrouwen": 2}
    assert schaal.Weging(M2, WAARDEN, restart(werkmap)).gewichten["gelijkwaardigheid"] is None
    for bad in (4, -1, "veel", 1.5, True):
        with pytest.raises(SamenschoolError, match="0 tot 3"):
            model.zet("respect", bad)
    with pytest.raises(SamenschoolError, match="geen waarde"):
        model.zet("geluk", 1)
    fig, alt = model.grafiek()
    assert alt == "Voor jou weegt Respect heel zwaar (3). Vertrouwen weegt zwaar (2)."
    model.zet("gelijkwaardigheid", 0)
    assert "3 van de 4 waarden" in model.samenvatting()
    model.zet("gelijkwaardigheid", None)
    assert "gelijkwaardigheid" not in restart(werkmap).get(M2, "waarden_weging")
    werkmap.bewaar(M2, Antwoord.nieuw(M2, "waarden_weging", {"respect": 99, "vertrouwen": "x"}, vraag="Weging"))
    assert schaal.Weging(M2, WAARDEN, restart(werkmap)).gewichten["respect"] is None
    empty = schaal.Weging(M2, WAARDEN, restart(werkmap))
    with pytest.raises(SamenschoolError, match="minstens één waarde"):
        empty.grafiek()


def test_weging_view_headless(werkmap):
    view = schaal.maak_weging(M2, waarden=WAARDEN, werkmap=werkmap)
    # nothing is chosen for the learner, and the message agrees
    assert all(k.value is None for k in view.knoppen.values())
    assert "nog geen enkele waarde" in view.status.value
    view.knop.click()
    assert "minstens één waarde" in view.status.value and view.grafiek.value == ""
    view.knoppen["vertrouwen"].value = 3
    assert "Vertrouwen" in view.status.value and "Bewaard" in view.status.value
    view.knop.click()
    assert "<img" in view.grafiek.value and "Voor jou weegt Vertrouwen heel zwaar (3)." in view.grafiek.value
    view._zet("vertrouwen", 7)
    assert "0 tot 3" in view.status.value
    reloaded = schaal.maak_weging(M2, waarden=WAARDEN, werkmap=restart(werkmap))
    assert reloaded.knoppen["vertrouwen"].value == 3
    assert list(schaal.maak_weging(M2, waarden=WAARDEN, aantal=2, werkmap=werkmap).knoppen) == [
        "gelijkwaardigheid", "respect"]


# -- voortgang ------------------------------------------------------------------------------
def _bewaar(wm: Werkmap, module: str, key: str, value, tekst: str = "", **kw) -> None:
    wm.bewaar(module, Antwoord.nieuw(module, key, value, vraag=key, tekst=tekst, **kw))


def test_voortgang_model_and_live_update(werkmap):
    model = voortgang.Voortgang(leerpad.module(M1), werkmap=werkmap)
    assert model.tekst() == "0 van 3 activiteiten gedaan"
    view = voortgang.maak(M1, werkmap=werkmap)
    refl = reflectie.maak(M1, "reflectie", "Vraag", werkmap=werkmap)
    refl.tekst.value = "iets"
    assert view.balk.value == 1 and "1 van 3" in view.tekst.value
    sorteer.Sorteerder(M1, sorteer.kies_citaten(CITATEN, THEMAS, 5), THEMAS, werkmap).kies("T1", "betaalbaarheid")
    assert view.balk.value == 2
    _bewaar(werkmap, M1, "scenario.T9", "antwoord", "antwoord")  # any save updates it, no button needed
    assert "Je deed alle activiteiten" in view.tekst.value and view.balk.value == 3
    assert not any(isinstance(c, __import__("ipywidgets").Button) for c in view.widget.children)
    assert voortgang.Voortgang(leerpad.module(M1), werkmap=restart(werkmap)).aantal_gedaan == 3
    # "sorteer_extra" is not the activity "sorteer"
    act = leerpad.Activiteit("sorteer", "Sorteer", 5, "sorteer", False, 1)
    synthetisch = leerpad.Module("99_test", "Test", 0, (act,), Path("99_test.ipynb"), "99_test")
    other = voortgang.Voortgang(synthetisch, werkmap)
    werkmap.bewaar("99_test", Antwoord("sorteer_extra", "y", "Vraag", "y"))
    assert other.aantal_gedaan == 0
    werkmap.bewaar("99_test", Antwoord("sorteer.C1", "y", "Vraag", "y"))
    assert other.aantal_gedaan == 1


@pytest.mark.parametrize("module", ["00_start", "01_gelijke_kansen", "02_partnerschap", "03_drempels",
                                    "04_vertelgesprek", "05_heldere_taal"])
def test_voortgang_for_every_module(module, werkmap, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
    open_module(module).voortgang()  # the page object, the default werkmap
    assert "activiteiten gedaan" in shown[-1].children[1].value
    mod = leerpad.module(module)
    for act in mod.activiteiten:  # the list names every declared activity, in page order
        assert f"○ {act.titel}</li>" in shown[-1].children[1].value
    model = voortgang.Voortgang(mod, werkmap=werkmap)
    assert model.aantal_gedaan == 0 and len(model.activiteiten) >= 2


def test_voortgang_keys_of_modules_03_to_05(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets import brief_editor, checklist, perspectief, teamkaart
    from samenschool.widgets.drempel_kiezen import DrempelKeuze

    DrempelKeuze("C072", werkmap).kies(["taal"])
    perspectief.Perspectiefwissel("C084", werkmap).zet("voelt", "x")
    teamkaart.TeamKaart(werkmap)._save()  # nobody added yet: not done
    reflectie.Reflectie("03_drempels", "wat_neem_je_mee", "Wat neem je mee?", werkmap).bewaar("Eerst luisteren.")
    assert voortgang.Voortgang(leerpad.module("03_drempels"), werkmap=werkmap).status() == {
        "drempel_kiezen": True, "perspectief": True, "teamkaart": False, "wat_neem_je_mee": True}
    PlannerModel(werkmap).ga_naar(3)  # only paging through the planner: not done
    assert voortgang.Voortgang(leerpad.module("04_vertelgesprek"), werkmap=werkmap).aantal_gedaan == 0
    PlannerModel(werkmap).zet("wanneer.periode", "september")
    assert voortgang.Voortgang(leerpad.module("04_vertelgesprek"), werkmap=werkmap).status()["plan"]
    brief_editor.BriefEditor(werkmap, "05_heldere_taal", sleutel="herschrijf",
                             voorbeeld="uitnodiging_oudercontact_moeilijk")  # the example shown alone: not done
    brief_editor.BriefEditor(werkmap, "05_heldere_taal", sleutel="eigen_brief").zet("voor", "Mijn brief")
    lijst = checklist.Checklist(werkmap)
    lijst.vink("titel", True)
    lijst.vink("titel", False)  # ticked and unticked again: nothing done
    status = voortgang.Voortgang(leerpad.module("05_heldere_taal"), werkmap=werkmap).status()
    assert status == {"eigen_brief": True, "herschrijf": False, "checklist_brief": False}


def test_voortgang_shown_on_a_page_keeps_listening(werkmap, monkeypatch):
    """On a page only the widget is kept (not the view object): it must still update."""
    import gc

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
    open_module(M1).voortgang()
    gc.collect()
    reflectie.Reflectie(M1, "reflectie", "Vraag").bewaar("iets")
    assert "1 van 3" in shown[-1].children[1].value and shown[-1].children[0].value == 1


def test_voortgang_updates_on_saves_of_other_widgets(werkmap):
    """Every werkmap write sends the one change signal, also from another Werkmap object."""
    view = voortgang.maak("05_heldere_taal", werkmap=werkmap)
    from samenschool.widgets import checklist

    checklist.Checklist(Werkmap(werkmap.folder)).vink("titel", True)
    assert view.balk.value == 1 and "1 van 3" in view.tekst.value


def test_voortgang_bad_input(werkmap):
    with pytest.raises(KeyError):
        voortgang.maak("99_onbekend", werkmap=werkmap)
    with pytest.raises(SamenschoolError, match="niet bestaat|geen metadata"):
        Antwoord.nieuw("99_onbekend", "reflectie", "x", vraag="?")


def test_route_keuze(werkmap):
    model = route.RouteKeuze(werkmap)
    assert model.gekozen() is None and "Kies een route" in model.html()
    model.kies("schoolteam")
    assert route.RouteKeuze(restart(werkmap)).route == "schoolteam"
    # one line, not the whole route again: the choice and the first page after the start page
    assert "Je koos: Schoolteam ✓" in model.html() and 'href="03_drempels.ipynb"' in model.html()
    assert "ss-route-sessie" not in model.html() and "00_start.ipynb" not in model.html()
    with pytest.raises(SamenschoolError):
        model.kies("vakantie")
    view = route.RouteView(route.RouteKeuze(werkmap))
    assert view.keuze.value == "schoolteam"
    view.keuze.value = "zelfstudie"
    assert "Je koos: Zelfstudie ✓" in view.uitleg.value and "Bewaard" in view.status.value
    assert 'href="01_gelijke_kansen.ipynb"' in view.uitleg.value
    # the key the navigation (pagina.navigatie_html) reads
    assert restart(werkmap).get("00_start", "route") == "zelfstudie"
    [antwoord] = restart(werkmap).antwoorden("00_start")
    assert antwoord.tekst.startswith("Zelfstudie: ")  # the route by its name in the werkboek
    assert voortgang.Voortgang(leerpad.module("00_start"), werkmap=werkmap).status()["route"]


def test_routes_come_from_the_guide_and_link_every_module():
    from samenschool import gids

    assert [r.id for r in route.routes()] == list(gids.routes_info())
    for r in route.routes():
        assert r.modules == tuple(gids.routes_info()[r.id]["modules"])
        html = route.route_html(r)
        for mid in r.modules:
            assert f"{mid}.ipynb" in html
        if r.alleen:  # alone: no session, no facilitator
            tekst = re.sub(r"<[^>]+>", " ", html)
            assert "sessie" not in tekst.lower() and "begeleider" not in tekst
            assert "Zo werk je:" in html and f"Je hebt ongeveer {route.route_minuten(r)} minuten nodig" in html
        else:
            assert f"{r.beschikbaar_min} minuten" in html
        for mid, waar, _sessie in gids.waar(r.id):  # homework is labelled as homework
            if waar != "sessie":
                assert html.index(route.WAAR_LABELS[waar]) < html.index(f"{mid}.ipynb")
    assert [r.id for r in route.routes() if r.alleen] == ["zelfstudie"]


# -- shared helpers -------------------------------------------------------------------------
def test_page_object_shows_dutch_message_instead_of_traceback(werkmap, monkeypatch):
    """For a learner (strict mode off) a broken activity shows a Dutch message, never a traceback."""
    monkeypatch.delenv("SAMENSCHOOL_STRIKT")
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
    pagina = open_module(M1, werkmap=werkmap)
    pagina.sorteer("sorteer", citaat_ids=["BESTAAT_NIET"])  # broken data: a message meant for the learner
    assert "bestaan niet" in shown[-1].value and "ss-fout" in shown[-1]._dom_classes

    def kapot(*args, **kwargs):
        raise RuntimeError("boom at 0x1234")

    monkeypatch.setattr(sorteer, "maak", kapot)  # a broken widget constructor
    pagina.sorteer("sorteer", n=5)
    assert shown[-1].value.count(_ui.ALGEMENE_FOUT) == 1 and "boom" not in shown[-1].value
    pagina.reflectie("bestaat_niet", "Vraag?")  # an activity the metadata does not declare
    assert "geen activiteit van 01_gelijke_kansen.ipynb" in shown[-1].value


def test_page_object_raises_in_strict_mode(werkmap, monkeypatch):
    """Under tests (SAMENSCHOOL_STRIKT=1) the same broken calls raise, so nbval and pytest fail."""
    import os

    assert os.environ["SAMENSCHOOL_STRIKT"] == "1"
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
    pagina = open_module(M1, werkmap=werkmap)

    def kapot(*args, **kwargs):
        raise RuntimeError("boom at 0x1234")

    with monkeypatch.context() as m:
        m.setattr(sorteer, "maak", kapot)
        with pytest.raises(RuntimeError, match="boom"):
            pagina.sorteer("sorteer", n=5)
    with pytest.raises(SamenschoolError, match="geen activiteit"):  # an undeclared key is a content error
        pagina.reflectie("bestaat_niet", "Vraag?")
    # a message meant for the learner is still shown, never raised
    pagina.sorteer("sorteer", citaat_ids=["BESTAAT_NIET"])
    assert "bestaan niet" in shown[-1].value
    assert not any("boom" in str(getattr(o, "value", "")) for o in shown)


def test_fout_tekst_hides_internal_errors():
    assert _ui.fout_tekst(RuntimeError("boom at 0x1234")) == _ui.ALGEMENE_FOUT
    assert _ui.fout_tekst(SamenschoolError("Kies een thema.")) == "Kies een thema."


def test_zelfstudie_minutes_come_from_the_modules():
    r = next(r for r in route.routes() if r.id == "zelfstudie")
    assert route.route_minuten(r) == sum(leerpad.module(m).totaal_min for m in set(r.modules))


def test_werkmap_html(werkmap):
    html = werkmap_beheer.werkmap_html(werkmap)
    assert "op deze computer, in een map van de kit" in html and "nog niets" in html
    # folder and commands only in the fold-out for the facilitator
    assert html.index("<details") < html.index(str(werkmap.folder))
    assert html.index("<details") < html.index("samenschool werkmap wis")
    _bewaar(werkmap, M1, "reflectie", "x", "x")
    assert "1 module in" in werkmap_beheer.werkmap_html(werkmap)


def _werkboek_uit_link(html: str) -> str:
    import base64
    import re

    match = re.search(r'<a class="ss-download-knop" data-formaat="html" download="werkboek.html" '
                      r'href="data:text/html;charset=utf-8;base64,([A-Za-z0-9+/=]+)">', html)
    assert match, html[:300]
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_werkboek_download_link_holds_the_answers(werkmap):
    reflectie.Reflectie(M1, "reflectie", "Wat neem je mee?", werkmap).bewaar("Ouders zijn <al> betrokken.")
    model = werkmap_beheer.WerkmapBeheer(werkmap)
    werkboek = _werkboek_uit_link(model.download_html())
    assert werkboek.startswith("<!DOCTYPE html>") and "Wat neem je mee?" in werkboek
    assert "Ouders zijn &lt;al&gt; betrokken." in werkboek
    import base64
    import io

    from docx import Document

    docx = re.search(r'download="werkboek.docx" href="data:application/vnd.openxmlformats-officedocument.'
                     r'wordprocessingml.document;base64,([A-Za-z0-9+/=]+)"', model.download_html())
    assert docx, "geen Word-bestand"
    alineas = [p.text for p in Document(io.BytesIO(base64.b64decode(docx.group(1)))).paragraphs]
    assert "Ouders zijn <al> betrokken." in alineas


def test_wissen_needs_two_clicks(werkmap):
    _bewaar(werkmap, M1, "reflectie", "x", "x")
    model = werkmap_beheer.WerkmapBeheer(werkmap)
    with pytest.raises(SamenschoolError, match="Klik eerst"):
        model.wis()
    assert restart(werkmap).get(M1, "reflectie") == "x"
    assert model.vraag_wissen() == "Weet je het zeker? Dit kan je niet ongedaan maken."
    model.annuleer()
    with pytest.raises(SamenschoolError):
        model.wis()
    model.vraag_wissen()
    assert model.wis() == 1
    assert restart(werkmap).modules() == [] and model.stand() == "Er staat nog niets in."


def test_werkmap_view_headless(werkmap):
    view = werkmap_beheer.WerkmapView(werkmap_beheer.WerkmapBeheer(werkmap))
    assert "Er staat nog niets in." in view.uitleg.value and view.download.value == ""
    # saving elsewhere on the page updates the line at once (no reload)
    reflectie.maak("00_start", "verwachting", "Wat wil je leren?", werkmap=werkmap).tekst.value = "Beter luisteren"
    assert "1 module in" in view.uitleg.value
    view.knop_werkboek.click()
    assert "Beter luisteren" in _werkboek_uit_link(view.download.value)
    # wiping: the first click only asks
    assert view.bevestig.layout.display == "none"
    view.knop_wis.click()
    assert view.bevestig.layout.display != "none"
    assert "Weet je het zeker? Dit kan je niet ongedaan maken." in view.vraag.value
    assert restart(werkmap).get("00_start", "verwachting") == "Beter luisteren"
    assert view.knop_ja.button_style == "danger" and view.knop_ja.description == "Ja, wis alles"
    view.knop_nee.click()
    assert view.bevestig.layout.display == "none" and restart(werkmap).modules() == ["00_start"]
    view.knop_wis.click()
    view.knop_ja.click()
    assert "Alles is gewist." in view.status.value and restart(werkmap).modules() == []
    assert "Er staat nog niets in." in view.uitleg.value and view.download.value == ""


PAGINAS = sorted(f"notebooks/{p.stem}" for p in (Path(__file__).parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb")) \
    + sorted(f"exercises/{p.stem}" for p in (Path(__file__).parent.parent / "exercises").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("naam", PAGINAS)
def test_notebooks_show_no_error_messages(naam, werkmap, monkeypatch):
    """Run every page's cells in-process, in strict mode (as nbval does): an unexpected error
    raises here; a message meant for the learner (a SamenschoolError, still shown in strict
    mode) must not appear either. Every declared activity is shown by a call on the page."""
    import json
    import os

    import nbformat

    assert os.environ["SAMENSCHOOL_STRIKT"] == "1"
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: shown.extend(objs))
    book = nbformat.read(Path(__file__).parent.parent / f"{naam}.ipynb", 4)
    namespace: dict = {}
    code = [c for c in book.cells if c.cell_type == "code"]
    assert "open_module(" in code[0].source
    for cell in code:
        assert cell.metadata["tags"] == ["hide-input"] and cell.metadata["jupyter"]["source_hidden"]
        assert not cell.outputs and cell.execution_count is None
        before = len(shown)
        exec(compile(cell.source, f"{naam}-cel", "exec"), namespace)
        if cell is not code[0]:
            assert len(shown) > before, cell.source
    for obj in shown:
        text = getattr(obj, "value", None) or getattr(obj, "data", None) or ""
        assert "ss-fout" not in str(text) and "let_op" not in str(text), (naam, str(text)[:200])
        assert ALGEMENE not in json.dumps(str(text))
    meta = book.metadata["samenschool"]
    assert meta["titel"] and meta["activiteiten"] and "activiteiten" not in meta["tijd"]
    if naam.startswith("notebooks/"):
        assert meta["tijd"]["uitleg"] > 0
    broncode = "\n".join(c.source for c in code)
    for act in meta["activiteiten"]:
        assert re.search(rf'pagina\.\w+\("{act["sleutel"]}"', broncode), (naam, act["sleutel"])
