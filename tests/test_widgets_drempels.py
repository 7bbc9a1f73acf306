"""Module 03 widgets: name the barrier, perspective switch, team barrier map.

Models are driven with tiny DataFrames (no dependency on the real datasets); views are
built headless (no kernel): set values, click, read the state and the werkmap.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import pytest

from samenschool.werkmap import Werkmap
from samenschool.widgets import drempel_kiezen as dk
from samenschool.widgets import perspectief as ps
from samenschool.widgets import teamkaart as tk

OUDER_IDS = ["tijd_ontmoeting", "wantrouwen_vooroordelen", "vast_aanspreekpunt", "negatieve_ervaringen",
             "aangesproken_negatief", "andere_ouders", "leefwereld", "taal", "angst_schroom_leerkrachten"]


@pytest.fixture
def drempels() -> pd.DataFrame:
    rows = [{"id": i, "naam": f"Naam {i}", "kant": "ouders", "beschrijving": f"Over {i}.", "volgorde": n}
            for n, i in enumerate(OUDER_IDS, start=1)]
    rows += [
        {"id": "school_taal", "naam": "Taal (school)", "kant": "school", "beschrijving": "Scholen en taal.", "volgorde": 11},
        {"id": "school_angst", "naam": "Angst bij leerkrachten", "kant": "school", "beschrijving": "Schrik.", "volgorde": 10},
    ]
    return pd.DataFrame(rows)


@pytest.fixture
def citaten() -> pd.DataFrame:
    base = {"spreker": "ouder", "thema": "", "waarden": "", "impact": "", "samengevoegd": "", "opmerking": ""}
    rows = [
        {"id": "C1", "tekst": "Ik spreek niet goed Nederlands.", "sectie": "drempels_ouders", "drempel": "taal"},
        {"id": "C2", "tekst": "Er is te weinig tijd.", "sectie": "drempels_ouders", "drempel": "tijd_ontmoeting"},
        {"id": "C3", "tekst": "Ik ken niemand op het feest.", "sectie": "drempels_ouders", "drempel": "andere_ouders"},
        {"id": "C4", "tekst": "Nog een taalcitaat.", "sectie": "drempels_ouders", "drempel": "taal"},
        {"id": "F1", "tekst": "Scholen weten niet hoe.", "sectie": "focusgroep_drempels", "drempel": "school_taal",
         "spreker": "focusgroep"},
        {"id": "F2", "tekst": "Zenuwachtig bij kijkdagen.", "sectie": "focusgroep_drempels", "drempel": "school_angst",
         "spreker": "focusgroep"},
    ]
    return pd.DataFrame([{**base, **r} for r in rows])


@pytest.fixture
def praktijken() -> pd.DataFrame:
    return pd.DataFrame([
        {"id": "tolk", "naam": "Werken met tolken", "beschrijving": "Tolken of vrijwilligers.", "drempels": "taal;leefwereld",
         "bron": "focusgroep", "citaat": "F1"},
        {"id": "brief", "naam": "Heldere brieven", "beschrijving": "Korte zinnen.", "drempels": "taal",
         "bron": "ouders", "citaat": "C1;C4;F1"},
        {"id": "poort", "naam": "Goedendag aan de poort", "beschrijving": "Elke dag.", "drempels": "tijd_ontmoeting",
         "bron": "focusgroep", "citaat": ""},
    ])


# -- name the barrier ---------------------------------------------------------------------------
def test_terugkoppeling_never_says_fout():
    namen = {"taal": "Taal", "leefwereld": "Leefwereld"}
    for gekozen in ([], ["taal"], ["taal", "leefwereld"], ["leefwereld"]):
        fb = dk.terugkoppeling(gekozen, "taal", namen)
        text = " ".join(fb.zinnen).lower()
        assert "fout" not in text and "juist" not in text
        assert "taal" in text
    fb = dk.terugkoppeling(["taal", "leefwereld"], "taal", namen)
    assert fb.samen == ("taal",) and fb.ook_gezien == ("leefwereld",) and fb.niet_gekozen == ()
    fb = dk.terugkoppeling(["leefwereld"], "taal", namen)
    assert fb.samen == () and fb.niet_gekozen == ("taal",)
    assert "meer dan één" in " ".join(dk.terugkoppeling(["taal", "leefwereld"], "taal", namen).zinnen)


def test_drempelkeuze_saves_and_restores(werkmap, citaten, drempels):
    model = dk.DrempelKeuze("C1", werkmap, citaten=citaten, drempels=drempels)
    assert model.rapport_drempel == "taal" and model.gekozen == []
    model.kies(["leefwereld", "taal", "taal"])
    assert model.gekozen == ["leefwereld", "taal"]  # report's order, no duplicates
    fb = model.bekijk()
    assert fb.samen == ("taal",)
    again = dk.DrempelKeuze("C1", Werkmap(werkmap.folder), citaten=citaten, drempels=drempels)  # "restart"
    assert again.gekozen == ["leefwereld", "taal"] and again.bekeken
    html = again.terugkoppeling_html()
    assert "Over taal." in html and "Over leefwereld." in html and "fout" not in html.lower()
    with pytest.raises(KeyError):
        model.kies(["bestaat_niet"])


def test_standaard_citaten_spread(citaten, drempels):
    ids = dk.standaard_citaten(3, citaten, drempels)
    assert len(ids) == 3 and len(set(ids)) == 3
    assert len({citaten.set_index("id").loc[i, "drempel"] for i in ids}) == 3
    assert dk.standaard_citaten(3, citaten, drempels) == ids  # deterministic


def test_drempel_view_headless(werkmap, citaten, drempels):
    model = dk.DrempelKeuze("C3", werkmap, citaten=citaten, drempels=drempels)
    view = dk.DrempelKiezenView(model)
    assert "Ik ken niemand op het feest." in view.citaat.value
    view.vinkjes["andere_ouders"].value = True
    view.vinkjes["leefwereld"].value = True
    assert view.uitleg.value == ""
    view.knop.click()
    assert "Over andere_ouders." in view.uitleg.value
    assert werkmap.get("03_drempels", "drempel_kiezen.C3") == {"gekozen": ["andere_ouders", "leefwereld"]}
    assert werkmap.toestand("03_drempels") == {"drempel_kiezen.C3": {"bekeken": True}}  # page state apart
    [antwoord] = werkmap.antwoorden("03_drempels")
    assert antwoord.tekst == "Naam andere_ouders, Naam leefwereld" and "Ik ken niemand" in antwoord.vraag
    view2 = dk.DrempelKiezenView(dk.DrempelKeuze("C3", Werkmap(werkmap.folder), citaten=citaten, drempels=drempels))
    assert view2.vinkjes["leefwereld"].value and "Over andere_ouders." in view2.uitleg.value


def test_page_blocks(citaten, drempels):
    html = dk.drempel_html("taal", max_citaten=1, citaten=citaten, drempels=drempels)
    assert "Nog een taalcitaat" in dk.drempel_html("taal", "C4", citaten=citaten, drempels=drempels)
    assert "Naam taal" in html and "Ik spreek niet goed Nederlands." in html and "Nog een taalcitaat" not in html
    school = dk.schoolkant_html(citaten=citaten, drempels=drempels)
    assert school.index("Angst bij leerkrachten") < school.index("Taal (school)")  # volgorde
    assert "Zenuwachtig bij kijkdagen." in school


# -- perspective switch ---------------------------------------------------------------------------
def test_perspectief_reveal_only_after_three_answers(werkmap, citaten, drempels, praktijken):
    kw = dict(citaten=citaten, drempels=drempels, praktijken=praktijken)
    model = ps.Perspectiefwissel("C1", werkmap, **kw)
    assert model.drempel_id == "taal"
    model.zet("voelt", "  Schaamte.  ")
    ok, melding = model.onthul()
    assert not ok and "Wat denkt de leerkracht?" in melding
    model.zet("denkt", "Ze begrijpt me niet.")
    model.zet("morgen", "Een tolk vragen.")
    assert model.onthul() == (True, "")
    assert list(model.praktijken()["id"]) == ["tolk", "brief"]
    html = model.rapport_html()
    assert "Werken met tolken" in html and "Goedendag" not in html
    assert "Scholen weten niet hoe." in html and "Taal (school)" in html
    # every quote once; the scenario's own quote (C1, shown above the questions) not again
    getoond = re.findall(r'data-citaat="([^"]+)"', html)
    assert sorted(getoond) == ["C4", "F1"]
    again = ps.Perspectiefwissel("C1", Werkmap(werkmap.folder), **kw)
    assert again.antwoorden["voelt"] == "Schaamte." and again.onthuld
    again.zet("morgen", "")  # emptied again: no longer revealed
    assert not again.onthuld


def test_perspectief_too_long_is_cut_with_message(werkmap, citaten, drempels, praktijken):
    model = ps.Perspectiefwissel("C2", werkmap, citaten=citaten, drempels=drempels, praktijken=praktijken)
    controle = model.zet("voelt", "x" * (ps.MAX_TEKENS + 10))
    assert not controle.ok and "te lang" in controle.melding and len(model.antwoorden["voelt"]) == ps.MAX_TEKENS


def test_perspectief_fictional_scenario(werkmap, citaten, drempels, praktijken):
    model = ps.Perspectiefwissel(scenario_id="casus_a", drempel_id="tijd_ontmoeting", werkmap=werkmap,
                                 citaten=citaten, drempels=drempels, praktijken=praktijken)
    assert model.sleutel == "perspectief.casus_a" and list(model.praktijken()["id"]) == ["poort"]
    with pytest.raises(ValueError):
        ps.Perspectiefwissel(werkmap=werkmap, citaten=citaten, drempels=drempels)


def test_perspectief_view_headless(werkmap, citaten, drempels, praktijken):
    model = ps.Perspectiefwissel("C1", werkmap, citaten=citaten, drempels=drempels, praktijken=praktijken)
    view = ps.PerspectiefView(model)
    view.velden["voelt"].value = "Schaamte"
    view.knop.click()
    assert view.rapport.value == "" and "Beantwoord eerst" in view.status.value
    view.velden["denkt"].value = "Dat ze niet wil"
    view.velden["morgen"].value = "Tolk"
    view.knop.click()
    assert "Werken met tolken" in view.rapport.value
    assert view.rapport.value.count('data-citaat="F1"') == 1
    saved = werkmap.get("03_drempels", "perspectief.C1")
    assert saved == {"antwoorden": {"voelt": "Schaamte", "denkt": "Dat ze niet wil", "morgen": "Tolk"}}
    assert werkmap.toestand("03_drempels") == {"perspectief.C1": {"onthuld": True}}
    [antwoord] = werkmap.antwoorden("03_drempels")
    assert antwoord.delen == [("Wat voelt en vreest deze ouder?", "Schaamte"), ("Wat denkt de leerkracht?",
                              "Dat ze niet wil"), ("Wat kan de school morgen doen?", "Tolk")]


# -- team map ---------------------------------------------------------------------------------------
def _weights(*values):
    return dict(zip(OUDER_IDS, values))


def test_teamkaart_summary_numbers(werkmap, drempels):
    kaart = tk.TeamKaart(werkmap, drempels=drempels)
    kaart.add_member("Leerkracht 1", _weights(3, 0, 1, 1, 2, 0, 3, 2, 1))
    kaart.add_member("Leerkracht 2", _weights(1, 0, 1, 1, 2, 0, 3, 2, 3))
    kaart.add_member("Leerkracht 2", _weights(2, 0, 1, 1, 2, 3, 3, 2, 2))  # same label: made unique
    assert list(kaart.leden) == ["Leerkracht 1", "Leerkracht 2", "Leerkracht 2 (2)"]
    s = kaart.summary().set_index("id")
    assert s.loc["tijd_ontmoeting", "gemiddelde"] == 2.0
    assert s.loc["tijd_ontmoeting", "spreiding"] == pytest.approx(0.82, abs=0.005)
    assert (s.loc["leefwereld", "gemiddelde"], s.loc["leefwereld", "spreiding"]) == (3.0, 0.0)
    assert s.loc["andere_ouders", ["minimum", "maximum", "aantal"]].tolist() == [0, 3, 3]
    order = list(kaart.summary()["id"])
    assert order[0] == "leefwereld" and order[-1] == "wantrouwen_vooroordelen"
    assert list(kaart.summary()["gemiddelde"]) == sorted(kaart.summary()["gemiddelde"], reverse=True)
    fig, alt = tk.teamkaart_figuur(kaart.summary())
    assert fig is not None and "3 teamleden" in alt and "Naam leefwereld: gemiddeld 3" in alt
    assert "meest verschillend" in alt and "Naam andere_ouders" in alt.split("meest verschillend")[1]
    assert "Naam leefwereld" not in alt.split("meest verschillend")[1]


def test_teamkaart_rejects_bad_weights(werkmap, drempels):
    kaart = tk.TeamKaart(werkmap, drempels=drempels)
    with pytest.raises(ValueError, match="0, 1, 2 of 3"):
        kaart.add_member("X", _weights(4, 0, 0, 0, 0, 0, 0, 0, 0))
    with pytest.raises(ValueError, match="ontbreekt"):
        kaart.add_member("X", {"taal": 1})
    assert kaart.leden == {} and kaart.tekstalternatief().startswith("Nog niemand")


def test_teamkaart_combine_three_files_one_corrupt(werkmap, drempels, tmp_path):
    # three colleagues, each on their own laptop (own werkmap)
    files = []
    for n, values in enumerate([(3,) * 9, (1,) * 9], start=1):
        own = tk.TeamKaart(Werkmap(tmp_path / f"laptop{n}"), drempels=drempels)
        path = own.bewaar_bestand(f"Leerkracht {n}", _weights(*values))
        assert path.parent == tmp_path / f"laptop{n}" / "teamkaart" and path.name == f"teamkaart-leerkracht-{n}.json"
        files.append((path.name, path.read_bytes()))
    files.append(("teamkaart-zorg.json", b'{"soort": "samenschool-teamkaart", "versie": 1, "gewi'))
    kaart = tk.TeamKaart(werkmap, drempels=drempels)
    meldingen = kaart.combine_files(files)
    assert len(meldingen) == 3
    assert "teamkaart-zorg.json" in meldingen[2] and "kan niet gelezen worden" in meldingen[2]
    assert kaart.fouten == [meldingen[2]]
    assert list(kaart.leden) == ["Leerkracht 1", "Leerkracht 2"]
    assert set(kaart.summary()["gemiddelde"]) == {2.0}
    # the same file again is not counted twice; other wrong files name the file
    more = kaart.combine_files([files[0], ("foto.json", json.dumps({"a": 1}).encode()),
                                ("oud.json", json.dumps({"soort": "samenschool-teamkaart", "versie": 1,
                                                          "gewichten": {"taal": 9}}).encode())])
    assert "stond er al in" in more[0] and "foto.json" in more[1] and "oud.json" in more[2]
    # persistence: a new instance (kernel restart) sees the combined map
    again = tk.TeamKaart(Werkmap(werkmap.folder), drempels=drempels)
    assert again.leden == kaart.leden


def test_teamkaart_view_headless(werkmap, drempels):
    view = tk.TeamKaartView(tk.TeamKaart(werkmap, drempels=drempels))
    assert view.label.value == "Teamlid 1" and "geen echte naam" in view.widget.children[0].value
    view.label.value = "Leerkracht 1"
    view.schuiven["taal"].value = 3
    view.volgende.click()
    assert "Leerkracht 1" in view.status.value and view.label.value == "Teamlid 2"
    assert view.schuiven["taal"].value == 0
    assert "<img" in view.kaart.value and "In woorden" in view.kaart.value
    view.schuiven["taal"].value = 1
    view.bestand.click()
    link = view.download.value
    assert 'class="ss-download-knop"' in link and 'download="teamkaart-teamlid-2.json"' in link
    zichtbaar = re.sub(r"<[^>]+>", " ", link)
    assert "Bewaar mijn weging als bestand" in zichtbaar and tk.DOWNLOAD_UITLEG in zichtbaar
    assert ".json" not in zichtbaar and "/" not in zichtbaar and str(werkmap.folder) not in link
    assert (werkmap.folder / "teamkaart" / "teamkaart-teamlid-2.json").is_file()
    view.schuiven["taal"].value = 2
    assert view.download.value == ""  # an old file no longer matches the weighing
    saved = werkmap.get("03_drempels", "teamkaart")
    assert saved["leden"]["Leerkracht 1"]["taal"] == 3
    view.upload.value = ({"name": "kapot.json", "type": "application/json", "size": 3,
                          "content": memoryview(b"{x}"),
                          "last_modified": dt.datetime(2024, 9, 1, tzinfo=dt.timezone.utc)},)
    view.samenvoegen.click()
    assert "kapot.json" in view.status.value and "ss-melding-let_op" in view.status.value
    view.wis_knop.click()
    assert list(view.model.leden) == ["Leerkracht 1"]  # first click only asks
    view.wis_knop.click()
    assert view.model.leden == {}


def test_teamkaart_in_room_mode_one_weighing_per_participant(werkmap, drempels, monkeypatch):
    """A participant's page in room mode: weigh once, save again to change it; no team-member
    names, no files; a page opened again shows the saved weighing."""
    from samenschool import deelnemer

    monkeypatch.setenv(deelnemer.KLAS_ENV_VAR, "1")
    monkeypatch.setenv(deelnemer.HEADER_ENV, "2")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    view = tk.TeamKaartView(tk.TeamKaart(werkmap, drempels=drempels))
    assert view.in_groep and view.volgende.description == tk.GROEP_KNOP
    assert view.label not in view.widget.children and view.bestand not in _alle_widgets(view.widget)
    assert "scherm van je begeleider" in view.widget.children[0].value
    assert "Leerkracht 1" not in view.widget.children[1].value  # no advice about names it does not ask
    view.schuiven["taal"].value = 3
    view.volgende.click()
    view.schuiven["taal"].value = 1
    view.volgende.click()
    assert view.model.leden == {tk.GROEP_LID: {**{d: 0 for d in view.schuiven}, "taal": 1}}
    assert tk.GROEP_BEWAARD in re.sub(r"<[^>]+>", "", view.status.value)
    again = tk.TeamKaartView(tk.TeamKaart(Werkmap(werkmap.folder), drempels=drempels))
    assert again.schuiven["taal"].value == 1
    monkeypatch.delenv(deelnemer.HEADER_ENV)  # the facilitator's own page in room mode: the team way
    assert not tk.TeamKaartView(tk.TeamKaart(werkmap, drempels=drempels)).in_groep


def _alle_widgets(widget):
    found = [widget]
    for kind in getattr(widget, "children", ()) or ():
        found += _alle_widgets(kind)
    return found


def test_teamkaart_all_zero_asks_first(werkmap, drempels):
    view = tk.TeamKaartView(tk.TeamKaart(werkmap, drempels=drempels))
    view.volgende.click()
    assert "Alles staat op 0. Klopt dat?" in view.status.value and view.model.leden == {}
    view.volgende.click()  # second click: yes, that is right
    assert list(view.model.leden) == ["Teamlid 1"] and set(view.model.leden["Teamlid 1"].values()) == {0}
    # a change in between asks again; the file button asks too
    view.bestand.click()
    assert "Alles staat op 0" in view.status.value and view.download.value == ""
    view.schuiven["taal"].value = 1
    view.schuiven["taal"].value = 0
    view.bestand.click()
    assert view.download.value == "" and "Alles staat op 0" in view.status.value
    view.bestand.click()
    assert "ss-download-knop" in view.download.value


def test_schoolkant_frames_the_schools_view_of_parents(citaten):
    frame = pd.DataFrame([{"id": "school_drempels_bij_ouders", "naam": "Drempels die de school bij ouders aanvoelt",
                           "kant": "school", "beschrijving": "Wat scholen zien.", "volgorde": 1}])
    html = dk.schoolkant_html(citaten=citaten, drempels=frame)
    assert "Zo zien sommige scholen het. Ouders zelf vertellen iets anders" in html


# -- with the real datasets: the calls the notebook makes build without an error message -----------
def test_notebook_activities_with_real_data(werkmap):
    box = dk.maak("C072", "C087", "C093", werkmap=werkmap)
    assert [v.model.rapport_drempel for v in box.views] == ["tijd_ontmoeting", "andere_ouders",
                                                            "angst_schroom_leerkrachten"]
    view = ps.maak("C084", werkmap=werkmap)
    for area in view.velden.values():
        area.value = "Een antwoord"
    view.knop.click()
    assert "ss-rapport-zegt" in view.rapport.value
    getoond = re.findall(r'data-citaat="([^"]+)"', view.rapport.value)
    assert len(getoond) == len(set(getoond)) and "C084" not in getoond
    for drempel in dk.ouder_drempels()["id"]:  # every reveal: each quote once
        model = ps.Perspectiefwissel(scenario_id=f"t_{drempel}", drempel_id=drempel, werkmap=werkmap)
        ids = re.findall(r'data-citaat="([^"]+)"', model.rapport_html())
        assert len(ids) == len(set(ids)), drempel
    from samenschool import drempels as drempel_data

    for drempel in dk.ouder_drempels()["id"]:  # every parents' barrier has the schools' side beside it
        assert drempel_data.schoolkant(drempel), drempel
        assert set(drempel_data.schoolkant(drempel)) <= set(dk.school_drempels()["id"]), drempel
    kaart = tk.maak(werkmap)
    assert len(kaart.schuiven) == 9
    for drempel in dk.ouder_drempels()["id"]:
        assert "ss-citaat" in dk.drempel_html(drempel)
    school = dk.schoolkant_html()
    assert school.count('class="ss-drempel"') == len(dk.school_drempels())
    assert "Ouders zelf vertellen iets anders" in school
    # descriptions are never a quote: no text is shown twice (once plain, once as a quote)
    from samenschool import data

    teksten = list(data.citaten()["tekst"])
    for _, rij in data.drempels().iterrows():
        assert not any(rij["beschrijving"] in c for c in teksten), rij["id"]
