"""Module 07: the action plan model, its messages, documents, CLI, the page's content and votes."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samenschool import actieplan, data, leerpad
from samenschool.actieplan import Actie, Plan, valideer

REPO = Path(__file__).resolve().parent.parent
VANDAAG = dt.date(2026, 12, 4)
ARABISCH = "اجتماع أولياء الأمور"
TURKS = "Öğretmenle görüşme: çocuğun güçlü yanları"
SCRIPT = "<script>alert('x')</script>"


def _plan(**actie) -> Plan:
    """The example plan (dates after VANDAAG) with the first action changed."""
    plan = actieplan.voorbeeld(VANDAAG)
    for veld, waarde in actie.items():
        setattr(plan.acties[0], veld, waarde)
    return plan


def _meldingen(plan: Plan) -> dict[str, str]:
    return {m.veld: m.tekst for m in valideer(plan, VANDAAG)}


# -- model and every message ------------------------------------------------------------------

def test_voorbeeld_is_valid_and_roundtrips():
    plan = actieplan.voorbeeld(VANDAAG)
    assert valideer(plan, VANDAAG) == []
    assert Plan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan
    assert 1 <= len(plan.drempels) <= actieplan.MAX_DREMPELS
    assert 1 <= len(plan.acties) <= actieplan.MAX_ACTIES


def test_date_in_the_past():
    gisteren = (VANDAAG - dt.timedelta(days=1)).isoformat()
    meldingen = _meldingen(_plan(datum_eerste_stap=gisteren))
    assert meldingen["acties[1].datum_eerste_stap"] == (
        "Actie 1: de datum van de eerste stap (03-12-2026) ligt in het verleden. Kies vandaag of later.")
    meldingen = _meldingen(_plan(terugblik="01-01-2020"))
    assert "de datum van de terugblik (01-01-2020) ligt in het verleden" in meldingen["acties[1].terugblik"]
    # today is not the past
    assert "acties[1].datum_eerste_stap" not in _meldingen(_plan(datum_eerste_stap=VANDAAG.isoformat()))


def test_missing_owner_says_never_a_child_or_family():
    tekst = _meldingen(_plan(trekker=""))["acties[1].trekker"]
    assert tekst.startswith("Actie 1: wie trekt deze actie?")
    assert "Nooit een kind of een gezin." in tekst


@pytest.mark.parametrize("trekker", ["de mama van Lina", "het gezin Yilmaz", "een leerling van L6", "Kind", "de ouders"])
def test_owner_that_is_a_child_or_family_is_refused(trekker):
    tekst = _meldingen(_plan(trekker=trekker))["acties[1].trekker"]
    assert "lijkt een kind, een ouder of een gezin" in tekst and "een rol of een collega" in tekst


@pytest.mark.parametrize("trekker", ["zorgcoördinator", "juf Lies", "kinderverzorgster", "ouderwerking-coach",
                                     "directie", "oudercoördinator"])
def test_roles_and_colleagues_are_fine(trekker):
    assert "acties[1].trekker" not in _meldingen(_plan(trekker=trekker))


def test_more_than_five_actions_kies_er_minder():
    plan = actieplan.voorbeeld(VANDAAG)
    plan.acties = [plan.acties[0]] * 6
    tekst = _meldingen(plan)["acties"]
    assert "kies er minder" in tekst and "6 acties" in tekst and "hoogstens 5" in tekst
    plan.acties = [plan.acties[0]] * 5
    assert "acties" not in _meldingen(plan)


def test_action_not_linked_to_a_barrier():
    tekst = _meldingen(_plan(drempel=""))["acties[1].drempel"]
    assert tekst == "Actie 1: deze actie hoort bij geen drempel. Kies bij welke gekozen drempel ze hoort."
    tekst = _meldingen(_plan(drempel="taal"))["acties[1].drempel"]
    assert "‘Taal’" in tekst and "kozen jullie niet" in tekst
    assert "kennen we niet" in _meldingen(_plan(drempel="bestaat_niet"))["acties[1].drempel"]


def test_more_than_three_barriers():
    plan = actieplan.voorbeeld(VANDAAG)
    plan.drempels += ["taal"]
    assert _meldingen(plan)["drempels"] == ("Jullie kozen 4 drempels. Kies er hoogstens 3: met minder drempels "
                                            "raken jullie verder.")


def test_other_messages_name_the_field():
    m = _meldingen(_plan(wat="", eerste_stap="", werkt_het="", datum_eerste_stap="", praktijk="P99"))
    assert m["acties[1].wat"] == "Actie 1: wat gaan jullie doen? Vul het in."
    assert "wat is de eerste stap?" in m["acties[1].eerste_stap"]
    assert "hoe weten jullie dat het werkt?" in m["acties[1].werkt_het"]
    assert "wanneer is de eerste stap? Vul een datum in." in m["acties[1].datum_eerste_stap"]
    assert "‘P99’ kennen we niet" in m["acties[1].praktijk"]
    m = _meldingen(_plan(datum_eerste_stap="31-02-2027", terugblik="morgen"))
    assert "‘31-02-2027’ is geen datum" in m["acties[1].datum_eerste_stap"]
    assert "‘morgen’ is geen datum" in m["acties[1].terugblik"]
    m = _meldingen(_plan(datum_eerste_stap="2027-03-01", terugblik="2027-02-01"))
    assert "vóór de eerste stap" in m["acties[1].terugblik"]
    leeg = _meldingen(Plan())
    assert "Voeg minstens één actie toe" in leeg["acties"] and "minstens één drempel" in leeg["drempels"]
    plan = actieplan.voorbeeld(VANDAAG)
    plan.zelfscan = {"N01": "misschien", "N99": "gestart"}
    m = _meldingen(plan)
    assert "‘misschien’ is geen stand" in m["zelfscan.N01"] and "kennen we niet" in m["zelfscan.N99"]


def test_dates_in_belgian_form_are_accepted():
    assert actieplan.parse_datum("15-01-2027") == dt.date(2027, 1, 15)
    assert actieplan.parse_datum("15/1/2027") == dt.date(2027, 1, 15)
    assert actieplan.parse_datum("2027-01-15") == dt.date(2027, 1, 15)
    assert actieplan.parse_datum("2027-02-30") is None


@pytest.mark.parametrize("raw, veld", [
    ([], "plan"), ({"school": 5}, "‘school’"), ({"drempels": "taal"}, "‘drempels’"),
    ({"acties": {}}, "‘acties’"), ({"acties": ["x"]}, "‘acties[1]’"),
    ({"acties": [{"wat": "a"}, {"trekker": 7}]}, "‘acties[2].trekker’"),
    ({"zelfscan": {"N01": True}}, "‘zelfscan.N01’"), ({"zelfscan": []}, "‘zelfscan’"),
])
def test_malformed_plan_names_the_field(raw, veld):
    with pytest.raises(actieplan.SamenschoolError) as exc:
        Plan.from_dict(raw)
    assert veld in str(exc.value) or (veld == "plan" and "JSON-object" in str(exc.value))


# -- documents --------------------------------------------------------------------------------

def _vijandig_plan() -> Plan:
    plan = actieplan.voorbeeld(VANDAAG)
    plan.school = f"{SCRIPT} Basisschool {TURKS}"
    plan.acties[0].wat = f"{ARABISCH} {SCRIPT} **vet** [link](http://x)"
    plan.acties[0].trekker = f"juf Ayşe {TURKS}"
    plan.acties[1].eerste_stap = f"# kop\n- lijst <img src=x onerror=alert(1)> {ARABISCH}"
    plan.acties.append(Actie(drempel="tijd_ontmoeting", wat="Onze eigen actie <b>x</b>", trekker="directie",
                             eerste_stap="Plannen", datum_eerste_stap="2027-01-10", werkt_het="We zien het.",
                             terugblik="2027-02-10"))
    return plan


def test_html_escapes_and_keeps_scripts():
    page = actieplan.render(_vijandig_plan(), "html", VANDAAG)
    assert "<script>" not in page and "<img" not in page and "<b>x</b>" not in page
    assert html.escape(SCRIPT, quote=False) in page or "&lt;script&gt;" in page
    assert ARABISCH in page and TURKS in page and "Ayşe" in page
    assert "@page { size: A4" in page and 'lang="nl-BE"' in page
    # the top states the barriers, the needs behind them and the report as source
    top = page[: page.index("Onze acties")]
    assert "Tijd en mogelijkheden tot ontmoeting" in top and "Tijd en aandacht voor het alledaagse" in top
    assert "Recht-Op vzw" in top
    # a good practice's quote verbatim, with its source
    assert html.escape(data.kies(data.citaten(), ["C114"]).iloc[0]["tekst"], quote=False) in page
    assert "Onze eigen actie" in page


def test_markdown_escapes_and_keeps_scripts():
    md = actieplan.render(_vijandig_plan(), "md", VANDAAG)
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    assert "[link](http" not in md and "\n# kop" not in md and "\n- lijst" not in md
    assert ARABISCH in md and TURKS in md
    assert md.startswith("# Actieplan") and "## Waar we aan werken" in md and "Recht-Op vzw" in md


def test_docx_is_editable_with_a_table_per_action_and_text_intact():
    from docx import Document

    plan = _vijandig_plan()
    raw = actieplan.render(plan, "docx", VANDAAG)
    doc = Document(io.BytesIO(raw))
    # one table per action, plus the self-scan table
    assert len(doc.tables) == len(plan.acties) + 1
    first = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert first["Wat gaan we doen?"] == plan.acties[0].wat          # <script> kept as text, intact
    assert first["Wie trekt het?"] == f"juf Ayşe {TURKS}"
    assert first["Datum van de eerste stap"] == actieplan.datum_tekst(plan.acties[0].datum_eerste_stap)
    second = {row.cells[0].text: row.cells[1].text for row in doc.tables[1].rows}
    assert ARABISCH in second["Eerste stap"]
    tekst = "\n".join(p.text for p in doc.paragraphs)
    assert "Waar we aan werken" in tekst and "Recht-Op vzw" in tekst and TURKS in tekst
    assert doc.core_properties.language == "nl-BE"


def test_control_characters_do_not_break_the_word_file():
    from docx import Document

    plan = actieplan.voorbeeld(VANDAAG)
    plan.acties[0].werkt_het = "We tellen\x07 het\x00."
    doc = Document(io.BytesIO(actieplan.render(plan, "docx", VANDAAG)))
    rijen = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert rijen["Hoe weten we dat het werkt?"] == "We tellen\ufffd het\ufffd."


def test_write_is_atomic_and_refuses_a_plan_with_errors(tmp_path):
    plan = actieplan.voorbeeld()
    pad = actieplan.schrijf(plan, tmp_path, "md")
    assert pad.name == "actieplan.md" and pad.read_text(encoding="utf-8").startswith("# Actieplan")
    slecht = actieplan.voorbeeld()
    slecht.acties[0].trekker = ""
    with pytest.raises(actieplan.SamenschoolError, match=r"acties\[1\]\.trekker"):
        actieplan.schrijf(slecht, tmp_path, "md")
    assert pad.read_text(encoding="utf-8").startswith("# Actieplan")  # the good file is still there
    assert [p.name for p in tmp_path.iterdir()] == ["actieplan.md"]  # no temp file left
    with pytest.raises(actieplan.SamenschoolError, match="Kies html, docx of md"):
        actieplan.schrijf(plan, tmp_path, "pdf")


# -- CLI through the real entry point ---------------------------------------------------------

def _exe() -> str:
    exe = Path(sys.executable).parent / "samenschool"
    if not exe.exists():
        exe = REPO / ".venv" / "bin" / "samenschool"
    return str(exe)


def _cli(*args, cwd=None):
    return subprocess.run([_exe(), "actieplan", *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_cli_example_and_render_all_formats(tmp_path):
    result = _cli("--voorbeeld")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert valideer(Plan.from_dict(plan)) == []
    bestand = tmp_path / "plan.json"
    bestand.write_text(result.stdout, encoding="utf-8")
    for fmt in actieplan.FORMATEN:
        result = _cli(str(bestand), "--naar", fmt, "--uit", str(tmp_path / "uit"))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "uit" / f"actieplan.{fmt}").stat().st_size > 1000
    assert "Tijd en mogelijkheden tot ontmoeting" in (tmp_path / "uit" / "actieplan.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("inhoud, verwacht", [
    ("{ niet af", "geen geldige JSON (regel 1"),
    ("", "is leeg"),
    ('["een lijst"]', "JSON-object"),
    ('{"drempels": ["taal"], "acties": [{"drempel": "taal", "trekker": 12}]}', "acties[1].trekker"),
    ('{"drempels": ["taal"], "acties": [{"drempel": "taal", "wat": "x", "trekker": "directie", '
     '"eerste_stap": "y", "datum_eerste_stap": "2001-01-01", "werkt_het": "z", "terugblik": "2001-02-01"}]}',
     "acties[1].datum_eerste_stap: Actie 1: de datum van de eerste stap (01-01-2001) ligt in het verleden"),
    ('{"drempels": ["taal", "leefwereld", "andere_ouders", "tijd_ontmoeting"]}', "drempels: Jullie kozen 4"),
])
def test_cli_malformed_plans_get_a_dutch_message_and_exit_1(tmp_path, inhoud, verwacht):
    bestand = tmp_path / "plan.json"
    bestand.write_text(inhoud, encoding="utf-8")
    result = _cli(str(bestand), "--uit", str(tmp_path / "uit"))
    assert result.returncode == 1
    assert result.stderr.startswith("Fout:") and verwacht in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "uit").exists()


def test_cli_missing_file_and_no_plan(tmp_path):
    result = _cli(str(tmp_path / "nergens.json"))
    assert result.returncode == 1 and "bestaat niet" in result.stderr and "Traceback" not in result.stderr
    result = _cli()
    assert result.returncode == 1 and "--voorbeeld" in result.stderr


# -- every need and every good practice can appear on the page --------------------------------

def test_every_need_appears_with_its_words_verbatim():
    citaten = data.citaten().set_index("id")
    noden = actieplan.noden()
    assert len(noden) == 18
    for nood in noden:
        page = actieplan.nood_html(nood["id"])
        assert html.escape(nood["naam"], quote=False) in page
        woorden = [nood["rapport_tekst"]] if nood["rapport_tekst"] else []
        woorden += [citaten.loc[c, "tekst"] for c in data.split_list(nood["citaat"])]
        if nood["beschrijving_bron"] == "rapport":
            woorden.append(nood["beschrijving"])
        assert woorden, f"{nood['id']} toont geen woorden uit het rapport"
        for tekst in woorden:
            assert html.escape(tekst, quote=False) in page, nood["id"]
        assert "Recht-Op vzw" in page
    # the needs the issue names: C094, C113 are shown with their need
    assert "C094" in actieplan.nood_html("N07") and "C113" in actieplan.nood_html("N18")


def test_every_good_practice_is_offered_for_some_barrier_with_its_quote():
    citaten = data.citaten().set_index("id")
    alle = {p["id"] for p in actieplan.praktijken()}
    aangeboden = set()
    for drempel in actieplan.drempels():
        aangeboden |= {p["id"] for p in actieplan.praktijken_voor(drempel["id"])}
    assert aangeboden == alle and len(alle) == 34
    for p in actieplan.praktijken():
        page = actieplan.praktijk_html(p["id"])
        assert html.escape(p["naam"], quote=False) in page
        ids = data.split_list(p["citaat"])
        for c in ids:
            assert html.escape(citaten.loc[c, "tekst"], quote=False) in page
        if not ids and p["rapport_tekst"]:
            assert html.escape(p["rapport_tekst"], quote=False) in page


def test_every_barrier_has_needs_behind_it():
    for drempel in actieplan.drempels():
        assert actieplan.noden_voor(drempel["id"]), drempel["id"]


# -- team map of module 03 --------------------------------------------------------------------

class _Werkmap:
    def __init__(self, opgeslagen):
        self.opgeslagen = opgeslagen

    def get(self, module, sleutel, default=None):
        return self.opgeslagen.get((module, sleutel), default)


def test_team_map_of_module_03_proposes_barriers():
    kaart = {"leden": {"Leerkracht 1": {"taal": 3, "leefwereld": 1, "andere_ouders": 0},
                       "Directie": {"taal": 2, "leefwereld": 2, "andere_ouders": 0}}}
    gekozen = actieplan.teamkaart_drempels(_Werkmap({("03_drempels", "teamkaart"): kaart}))
    assert gekozen == [("taal", 2.5), ("leefwereld", 1.5)]
    assert actieplan.teamkaart_drempels(_Werkmap({})) == []
    assert actieplan.teamkaart_drempels(_Werkmap({("03_drempels", "teamkaart"): "kapot"})) == []


# -- the room: votes --------------------------------------------------------------------------

def test_votes_of_several_participants():
    een = {"versie": 2, "module": "07_actieplan", "antwoorden": {
        "kiezen": {"waarde": ["taal", "leefwereld"], "vraag": "Kies", "activiteit": "kiezen"},
        "acties": {"waarde": [{"drempel": "taal", "praktijk": "P23", "wat": "Tolken"},
                              {"drempel": "leefwereld", "wat": "Huisbezoek  in juni"}],
                   "vraag": "Acties", "activiteit": "acties"},
        "zelfscan": {"waarde": {"N01": "gestart"}, "vraag": "Zelfscan", "activiteit": "zelfscan"}}}
    twee = {"kiezen": ["taal"], "acties": [{"drempel": "taal", "praktijk": "P23", "wat": "iets anders"},
                                            {"drempel": "leefwereld", "wat": "huisbezoek in juni"}],
            "zelfscan": {"N01": "nog_niet", "N02": "gewoonte"}}
    drie = {"kiezen": ["taal", "taal", "onbekend"], "acties": "kapot"}
    uit = actieplan.stemmen([een, twee, drie, "kapot", {}])
    assert uit["deelnemers"] == 3
    assert uit["drempels"] == [{"id": "taal", "naam": "Taal", "stemmen": 3},
                               {"id": "leefwereld", "naam": "Leefwereld", "stemmen": 1}]
    # equal votes: in the report's order of the barriers (leefwereld before taal)
    assert [(a["drempel"], a["praktijk"], a["stemmen"]) for a in uit["acties"]] == [
        ("leefwereld", "", 2), ("taal", "P23", 2)]
    assert uit["acties"][1]["wat"] == "Tolken of vrijwilligers voor taalondersteuning"
    assert uit["acties"][0]["wat"] == "Huisbezoek  in juni"
    assert uit["zelfscan"] == [
        {"id": "N01", "naam": "Bewust inzetten op de relatie", "nog_niet": 1, "gestart": 1, "gewoonte": 0},
        {"id": "N02", "naam": "Samen bedenken wat nodig is", "nog_niet": 0, "gestart": 0, "gewoonte": 1}]
    assert actieplan.stemmen([]) == {"deelnemers": 0, "drempels": [], "acties": [], "zelfscan": []}


# -- module 02 shows the focus group's impact too, each story once -----------------------------

def test_module_02_impact_shows_the_focus_group_each_story_once():
    from samenschool.widgets import scenario

    zonder = ["C053", "C056", "C058", "C070"]  # the stories of module 02's activity 3
    secties = scenario.impact_secties(data.citaten(), data.impact(), zonder=zonder, met_focusgroep=True)
    alles = "".join(html for _, html in secties)
    impact = data.impact()
    for _, rij in impact.iterrows():
        assert alles.count(f"<h4>{html.escape(rij['naam'], quote=False)}</h4>") == 1, rij["id"]
    assert scenario.FOCUSGROEP_KOP in alles and scenario.OUDERS_KOP in alles
    for cid in data.citaten()["id"]:
        assert alles.count(f'data-citaat="{cid}"') <= 1, cid
    assert not any(f'data-citaat="{c}"' in alles for c in zonder)
    # the focus group's stories: C097 (insight into the home), C100 (a bad message), C098
    for cid in ("C097", "C098", "C100"):
        assert f'data-citaat="{cid}"' in alles
    # without the switch: only the parents' view, as before
    ouders = "".join(h for _, h in scenario.impact_secties(data.citaten(), data.impact(), zonder=zonder))
    assert "Leerwinst" not in ouders and scenario.FOCUSGROEP_KOP not in ouders


# -- the views, headless (plain pytest drives the widgets) ------------------------------------

@pytest.fixture
def werkmap(tmp_path):
    from samenschool.werkmap import Werkmap

    return Werkmap(tmp_path / "werkmap")


def test_views_show_every_need_and_offer_every_practice(werkmap):
    from samenschool.widgets import actieplan as views

    zelfscan = views.maak("zelfscan", werkmap)
    assert set(zelfscan.knoppen) == {n["id"] for n in actieplan.noden()}
    html_alles = "".join(w.value for rij in zelfscan.widget.children
                         for w in getattr(rij, "children", [rij]) if isinstance(getattr(w, "value", None), str))
    for nood in actieplan.noden():
        assert f'data-nood="{nood["id"]}"' in html_alles
    werk = actieplan.PlanWerk(werkmap)
    aangeboden = set()
    for drempel in actieplan.drempels():
        werk.kies_drempels([drempel["id"]])
        acties = views.ActiesView(werk)
        aangeboden |= {waarde for _, waarde in acties.praktijk.options if waarde}
        for _, waarde in acties.praktijk.options:
            if waarde:
                acties.praktijk.value = waarde
                assert f'data-praktijk="{waarde}"' in acties.praktijk_info.value
    assert aangeboden == {p["id"] for p in actieplan.praktijken()}


def test_views_save_choose_add_and_come_back(werkmap):
    from samenschool.widgets import actieplan as views

    werkmap_kaart = {"leden": {"Leerkracht 1": {"taal": 3, "leefwereld": 2}, "Zorg 1": {"taal": 2, "leefwereld": 2}}}
    _zet(werkmap, "03_drempels", "teamkaart", werkmap_kaart)
    zelfscan = views.maak("zelfscan", werkmap)
    zelfscan.knoppen["N07"].value = "nog_niet"
    kiezen = views.maak("kiezen", werkmap)
    assert list(kiezen.vakjes)[:2] == ["taal", "leefwereld"]           # the team map first
    assert "Volgens jullie teamkaart uit module 03" in kiezen.widget.children[0].value
    for drempel in ("taal", "leefwereld", "tijd_ontmoeting", "andere_ouders"):
        kiezen.vakjes[drempel].value = True
    assert kiezen.vakjes["andere_ouders"].value is False and "hoogstens 3" in kiezen.status.value
    acties = views.maak("acties", werkmap)
    assert [v for _, v in acties.drempel.options] == ["taal", "leefwereld", "tijd_ontmoeting"]
    acties.drempel.value = "taal"
    acties.praktijk.value = "P23"
    assert acties.wat.value == "Tolken of vrijwilligers voor taalondersteuning"
    acties.trekker.value = "het gezin Yilmaz"
    acties.toevoegen.click()
    assert "Nooit een kind of een gezin" in acties.meldingen.value and not actieplan.PlanWerk(werkmap).acties
    acties.trekker.value = "zorgcoördinator"
    acties.eerste_stap.value = "Een lijst van tolken maken"
    acties.datum_eerste_stap.value = dt.date.today() - dt.timedelta(days=2)
    acties.werkt_het.value = "Meer ouders op het oudercontact."
    acties.terugblik.value = dt.date.today() + dt.timedelta(days=30)
    acties.toevoegen.click()
    assert "ligt in het verleden" in acties.meldingen.value
    acties.datum_eerste_stap.value = dt.date.today() + dt.timedelta(days=2)
    acties.toevoegen.click()
    assert "Actie 1 is bewaard" in acties.meldingen.value and acties.wat.value == ""
    plan = views.maak("plan", werkmap)
    assert 'data-formaat="docx"' in plan.documenten.value
    from samenschool.widgets import voortgang

    assert voortgang.Voortgang(leerpad.module(actieplan.MODULE), werkmap=werkmap).status() == {
        "zelfscan": True, "kiezen": True, "acties": True, "plan": True}
    plan.school.value = "Basisschool <De Linde>"
    assert werkmap.antwoorden(actieplan.MODULE)[-1].tekst == (
        "Het plan is klaar: 1 actie voor 3 drempels, Basisschool <De Linde>.")
    # a new page (a reload) finds everything back
    werk = actieplan.PlanWerk(type(werkmap)(werkmap.folder))
    assert werk.zelfscan == {"N07": "nog_niet"} and werk.drempels == ["taal", "leefwereld", "tijd_ontmoeting"]
    assert [a.praktijk for a in werk.acties] == ["P23"] and werk.acties[0].trekker == "zorgcoördinator"
    opnieuw = views.maak("kiezen", werkmap)
    assert opnieuw.vakjes["taal"].value and not opnieuw.vakjes["andere_ouders"].value
    lijst = views.maak("acties", werkmap)
    assert "Tolken of vrijwilligers" in lijst.lijst.children[0].children[0].value
    lijst.lijst.children[0].children[1].children[0].click()
    assert actieplan.PlanWerk(werkmap).acties == []
    # no action left: the plan is no longer complete, so the activity is open again
    assert voortgang.Voortgang(leerpad.module(actieplan.MODULE), werkmap=werkmap).status()["plan"] is False


def test_plan_view_lists_what_is_missing(werkmap):
    from samenschool.widgets import actieplan as views

    html_links = views.links_html(actieplan.Plan())
    assert "Kies minstens één drempel" in html_links and "data-formaat" not in html_links
    links = views.links_html(actieplan.voorbeeld())
    assert links.count("data:") == 3 and 'download="actieplan.docx"' in links
    # weeks later the first step's date has passed: the saved plan still prints, with a warning
    later = VANDAAG + dt.timedelta(days=60)
    oud = views.links_html(actieplan.voorbeeld(VANDAAG), vandaag=later)
    assert oud.count("data:") == 3 and "Let op: een datum in het plan is voorbij" in oud
    assert "ligt in het verleden" in oud
    # but the CLI and a new action refuse a date in the past
    with pytest.raises(actieplan.SamenschoolError, match="in het verleden"):
        actieplan.schrijf(actieplan.voorbeeld(VANDAAG), werkmap.folder / "uit", "md", vandaag=later)


def test_sixth_action_is_refused_kies_er_minder(werkmap):
    werk = actieplan.PlanWerk(werkmap)
    voorbeeld = actieplan.voorbeeld()
    werk.kies_drempels(voorbeeld.drempels)
    for _ in range(actieplan.MAX_ACTIES):
        assert werk.voeg_toe(voorbeeld.acties[0]) == []
    meldingen = werk.voeg_toe(voorbeeld.acties[0])
    assert len(meldingen) == 1 and "kies er minder" in meldingen[0].tekst
    assert len(actieplan.PlanWerk(werkmap).acties) == actieplan.MAX_ACTIES


def _zet(werkmap, module, sleutel, waarde):
    """Store a raw answer of another module (the team map of module 03)."""
    if hasattr(werkmap, "set"):
        werkmap.set(module, sleutel, waarde)
    else:
        from samenschool.antwoord import Antwoord

        werkmap.bewaar(module, Antwoord.nieuw(module, sleutel, waarde, vraag="Teamkaart", tekst=""))


def test_the_action_being_typed_survives_a_reload(werkmap):
    from samenschool.widgets import actieplan as views

    actieplan.PlanWerk(werkmap).kies_drempels(["taal", "leefwereld"])
    eerste = views.maak("acties", werkmap)
    eerste.drempel.value = "leefwereld"
    eerste.praktijk.value = "P24"
    eerste.trekker.value = "zorgcoördinator"
    eerste.terugblik.value = dt.date(2031, 5, 1)
    opnieuw = views.maak("acties", werkmap)  # a reload builds the view again from the werkmap
    assert opnieuw.drempel.value == "leefwereld" and opnieuw.praktijk.value == "P24"
    assert opnieuw.wat.value == "Huisbezoeken" and opnieuw.trekker.value == "zorgcoördinator"
    assert opnieuw.terugblik.value == dt.date(2031, 5, 1)
    assert werkmap.load(actieplan.MODULE) == {"kiezen": ["taal", "leefwereld"]}  # a draft is no answer
    # the answers describe themselves: question, text, parts with the labels of the page
    antwoord = werkmap.antwoorden(actieplan.MODULE)[0]
    assert antwoord.vraag == actieplan.VRAAG["kiezen"] and antwoord.tekst == "Taal, Leefwereld"
    assert antwoord.delen == [("Drempel 1", "Taal"), ("Drempel 2", "Leefwereld")]
    assert antwoord.activiteit_titel == "Kiezen: welke drempels eerst?" and antwoord.activiteit_nr == 2


def test_projector_view_shows_votes_and_a_draft_plan_escaped():
    deelnemers = [
        {"kiezen": ["taal", "leefwereld"], "acties": [{"drempel": "taal", "praktijk": "P23"},
                                                      {"drempel": "leefwereld", "wat": "<script>x</script> huisbezoek"}]},
        {"kiezen": ["taal", "andere_ouders"], "acties": [{"drempel": "taal", "praktijk": "P23"}]},
        {"kiezen": ["taal", "school_motivatie", "leefwereld"], "acties": []},
        {"kiezen": ["tijd_ontmoeting"]},
    ]
    plan = actieplan.ontwerp(actieplan.stemmen(deelnemers))
    assert [d["id"] for d in plan["drempels"]] == ["taal", "leefwereld", "tijd_ontmoeting"]
    assert [a["praktijk"] for a in plan["drempels"][0]["acties"]] == ["P23"]
    page = actieplan.zaal_html(deelnemers)
    assert "4 deelnemers" in page and "3 van 4" in page and "2 van 4" in page
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt; huisbezoek" in page
    assert "Ontwerp van het plan" in page and "Tolken of vrijwilligers voor taalondersteuning" in page
    assert "Nog geen stemmen" in actieplan.zaal_html([])


def test_module_07_shows_the_focus_group_impact_with_c097_c099_c100():
    import json as _json

    from samenschool.widgets import scenario

    book = _json.loads((REPO / "notebooks" / "07_actieplan.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in book["cells"] if c["cell_type"] == "code")
    assert 'pagina.impact("focusgroep", per_impact=None)' in code
    alles = "".join(h for _, h in scenario.impact_secties(data.citaten(), data.impact(), "focusgroep", per_impact=None))
    impact = data.impact()
    for naam in impact[impact["bron"] == "focusgroep"]["naam"]:
        assert f"<h4>{html.escape(naam, quote=False)}</h4>" in alles
    for cid in ("C097", "C098", "C099", "C100"):
        assert alles.count(f'data-citaat="{cid}"') == 1
