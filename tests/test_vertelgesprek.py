"""Module 04: the ouder-vertelgesprek plan, its documents, the CLI and the planner."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samenschool.vertelgesprek import documenten
from samenschool.vertelgesprek.model import NIET_NOTEREN, Plan, validate
from samenschool.vertelgesprek.voorbeeld import voorbeeld, voorbeeld_dict

REPO = Path(__file__).resolve().parent.parent
DOCS = tuple(documenten.DOCUMENTEN)
DOCUMENTEN_TITEL_BRIEF = documenten.DOCUMENTEN["brief"][1]
SCRIPTS = "العربية ğüşıöç łóźż"


def _meldingen(plan):
    return {(m.niveau, m.veld): m for m in validate(plan)}


def _plan(**changes) -> Plan:
    plan = voorbeeld()
    for pad, value in changes.items():
        plan.zet(pad.replace("__", "."), value)
    return plan


# -- model and validation ---------------------------------------------------------------------

def test_voorbeeld_is_valid_without_messages():
    assert validate(voorbeeld()) == []


def test_empty_plan_errors_name_the_field():
    errors = [m for m in validate(Plan()) if m.is_fout]
    fields = {m.veld for m in errors}
    assert {"Klas of leerjaar", "Periode", "Momenten", "Contactpersoon", "Telefoon", "Lokaal"} <= fields
    for m in errors:
        assert str(m).startswith(m.veld + ": ")


def test_empty_field_reads_nog_invullen_not_fout():
    m = _meldingen(Plan())[("fout", "Klas of leerjaar")]
    assert m.leeg and m.soort == "Nog invullen"
    assert m.regel().startswith("Nog invullen: Klas of leerjaar. ")
    assert "::" not in m.regel() and m.regel().count(":") == 1
    assert "Fout" not in m.regel() and "is nog leeg" not in m.regel()
    warning = _meldingen(_plan(wanneer__slotduur=10))[("waarschuwing", "Slotduur")]
    assert warning.regel().startswith("Let op: Slotduur – ")
    wrong = _meldingen(_plan(wanneer__slotduur="twintig"))[("fout", "Slotduur")]
    assert wrong.regel().startswith("Pas aan: Slotduur – ")


def test_invitation_needs_a_phone_number():
    m = _meldingen(_plan(uitnodiging__telefoon=""))[("fout", "Telefoon")]
    assert m.leeg and m.sectie == "uitnodiging"
    bad = _meldingen(_plan(uitnodiging__telefoon="bel de school"))[("fout", "Telefoon")]
    assert "geen telefoonnummer" in bad.tekst
    assert ("fout", "Telefoon") not in _meldingen(_plan(uitnodiging__telefoon="0470 12 34 56"))


def test_letter_always_gives_the_number_and_the_contact_as_name_and_role():
    text = documenten.brief_tekst(voorbeeld())
    assert "Bel of stuur een bericht naar juf Lies (klasleerkracht): 03 123 45 67." in text
    assert "naar de school." not in text
    plan = _plan(uitnodiging__contactpersoon="juf Lies, klasleerkracht")
    html = documenten.render(plan, "vragenblad", "html")
    assert "Spreek juf Lies (klasleerkracht) aan" in html
    assert "juf Lies (klasleerkracht)" in documenten.render(plan, "brief", "html")


def test_short_slot_warns_with_reason():
    m = _meldingen(_plan(wanneer__slotduur=10))[("waarschuwing", "Slotduur")]
    assert "te kort" in m.tekst and "10 minuten" in m.tekst
    assert str(m).startswith("Slotduur: ")
    assert ("waarschuwing", "Slotduur") not in _meldingen(_plan(wanneer__slotduur=20))


def test_slot_not_a_number_is_error_and_keeps_other_input():
    plan = Plan.from_dict({**voorbeeld_dict(), "wanneer": {**voorbeeld_dict()["wanneer"], "slotduur": "twintig"}})
    assert plan.wanneer.slotduur == "twintig"
    assert plan.context.klas == "1ste leerjaar"
    assert ("fout", "Slotduur") in _meldingen(plan)


def test_no_slot_outside_working_hours_warns():
    plan = _plan(wanneer__momenten=["maandag 9.00", "dinsdag 13.30"])
    assert ("waarschuwing", "Momenten") in _meldingen(plan)
    for ok in (["maandag 8.00"], ["dinsdag 16.00"], ["zaterdag 10.00"], ["woensdag 15.45"]):
        assert ("waarschuwing", "Momenten") not in _meldingen(_plan(wanneer__momenten=ok)), ok


def test_bad_moment_is_error_naming_it():
    m = _meldingen(_plan(wanneer__momenten=["maandag 8.00", "blabla"]))[("fout", "Moment 2")]
    assert "blabla" in m.tekst


def test_child_as_interpreter_blocks_with_reason():
    m = _meldingen(_plan(uitnodiging__tolk="kind"))[("fout", "Tolk")]
    assert "nooit tolken" in m.tekst and "onvolledig" in m.tekst and "schamen" in m.tekst
    assert "Agentschap Integratie en Inburgering" in m.tekst and "VCOV" not in m.tekst
    from samenschool.vertelgesprek.model import TOLK_KEUZES

    assert "kind" not in TOLK_KEUZES


def test_learner_text_has_no_unexplained_abbreviations():
    from samenschool.vertelgesprek import model

    for tolk in model.TOLK:
        for m in validate(_plan(uitnodiging__tolk=tolk, uitnodiging__talen=["Nederlands", "Pools"])):
            assert "VCOV" not in m.tekst and "sociaal tolk aan" not in m.tekst.replace("(een sociaal tolk) aan", "")
    assert model.TOLK["sociaal_tolk"] == "een professionele tolk (een sociaal tolk)"


def test_question_bank_speaks_as_wij():
    from samenschool.vertelgesprek.vragen import vragenbank

    for v in vragenbank():
        words = v.vraag.lower().replace("?", " ").replace(".", " ").split()
        assert "ik" not in words and "mij" not in words, v.vraag


def test_other_language_without_interpreter_warns():
    assert ("waarschuwing", "Tolk") in _meldingen(_plan(uitnodiging__tolk="geen"))


def test_school_outnumbers_parents_warns():
    plan = _plan(aanwezigen__school=["klasleerkracht", "zorgleerkracht", "directie"], aanwezigen__ouders=1)
    m = _meldingen(plan)[("waarschuwing", "Wie is erbij")]
    assert "oververtegenwoordigd" in m.tekst and "focusgroep" in m.tekst
    assert ("waarschuwing", "Wie is erbij") not in _meldingen(_plan(aanwezigen__school=["klasleerkracht"],
                                                                     aanwezigen__ouders=1))


def test_forbidden_topic_in_record_is_error():
    plan = _plan(noteren=["Sterktes", "Het gezin leeft van een leefloon", "De samenvatting is voorgelezen"])
    m = _meldingen(plan)[("fout", "Noteren, punt 2")]
    assert "uitkeringen" in m.tekst


def test_name_in_class_field_warns():
    plan = _plan(context__opmerking="In de klas zit ook Yasmina met haar broer.")
    assert "Yasmina" in _meldingen(plan)[("waarschuwing", "Over de klas")].tekst
    assert ("waarschuwing", "Over de klas") not in _meldingen(_plan(context__opmerking="Thuistalen: Arabisch en Pools."))


def test_errors_come_before_warnings():
    niveaus = [m.niveau for m in validate(_plan(wanneer__slotduur=10, context__klas=""))]
    assert niveaus == sorted(niveaus, key=lambda n: n != "fout")


def test_json_round_trip():
    plan = voorbeeld()
    plan.zet("context.opmerking", SCRIPTS)
    data = json.loads(json.dumps(plan.to_dict(), ensure_ascii=False))
    assert Plan.from_dict(data).to_dict() == plan.to_dict()


def test_from_dict_tolerates_junk():
    plan = Plan.from_dict({"context": "kapot", "wanneer": {"slotduur": None, "onbekend": 1}, "vragen": "Eén vraag"})
    assert plan.vragen == [{"id": "eigen-1", "tekst": "Eén vraag"}]
    assert ("fout", "Slotduur") in _meldingen(plan)
    assert Plan.from_dict(None).to_dict() == Plan().to_dict()


def test_question_bank_has_defaults_and_sensitive_flags():
    from samenschool.vertelgesprek.vragen import vragenbank

    bank = vragenbank()
    assert 12 <= len(bank) <= 20
    assert any(v.gevoelig for v in bank) and not any(v.gevoelig and v.standaard for v in bank)
    assert all(v.bron for v in bank)
    assert 5 <= sum(v.standaard for v in bank) <= 8


# -- documents -----------------------------------------------------------------------------------

KEY_PHRASES = {
    "plan": ["Plan voor het ouder-vertelgesprek", "Gespreksleidraad", "Agentschap Integratie en Inburgering",
             "Schrijf dit NIET op"],
    "brief": ["Beste ouder", "U mag iemand meebrengen", "tolk", "Hoe zegt u ja?", "30 minuten",
              "Past geen enkel moment?"],
    "vragenblad": ["U hoeft niets op te schrijven. U mag ook gewoon vertellen.", "Waar is uw kind goed in?"],
    "verslag": ["Schrijf dit NIET op", "Lees de samenvatting voor aan de ouders", "chaotisch gezin",
                "inkomen", "verblijfsstatus"],
}


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts)


def _md_plain(text: str) -> str:
    return text.replace("\\", "").replace("**", "")


@pytest.mark.parametrize("doc_id", DOCS)
@pytest.mark.parametrize("fmt", documenten.FORMATEN)
def test_document_content(doc_id, fmt):
    out = documenten.render(voorbeeld(), doc_id, fmt)
    if fmt == "docx":
        assert isinstance(out, bytes)
        text = _docx_text(out)
    else:
        text = _md_plain(out) if fmt == "md" else out.replace("&#39;", "'")
    for phrase in KEY_PHRASES[doc_id]:
        assert phrase in text, (doc_id, fmt, phrase)


def test_letter_has_no_readability_score():
    for fmt in ("html", "md"):
        out = documenten.render(voorbeeld(), "brief", fmt)
        assert "Flesch" not in out and "Leesbaarheid" not in out


def test_html_is_printable():
    html = documenten.render(voorbeeld(), "brief", "html")
    assert "@page" in html and "A4" in html and '<html lang="nl-BE">' in html
    assert "<script" not in html and "<button" not in html


def _hostile_plan() -> Plan:
    plan = voorbeeld()
    plan.zet("context.klas", "<script>alert(1)</script> 1ste leerjaar")
    plan.zet("uitnodiging.contactpersoon", f"juf **Lies** [x](http://e) {SCRIPTS}")
    plan.zet("setting.lokaal", "lokaal <b>4</b> & # kop")
    plan.zet("vragen", [{"id": "eigen-1", "tekst": f"Vraag {SCRIPTS} <img src=x onerror=alert(1)>?"}])
    return plan


@pytest.mark.parametrize("doc_id", DOCS)
def test_html_escapes_user_text(doc_id):
    html = documenten.render(_hostile_plan(), doc_id, "html")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html or doc_id in ("brief", "vragenblad")


@pytest.mark.parametrize("doc_id", DOCS)
def test_markdown_escapes_user_text(doc_id):
    md = documenten.render(_hostile_plan(), doc_id, "md")
    assert "<script>" not in md and "<img" not in md
    assert "[x](http://e)" not in md


@pytest.mark.parametrize("fmt", documenten.FORMATEN)
def test_non_latin_scripts_survive(fmt):
    plan = _hostile_plan()
    for doc_id in ("plan", "brief", "vragenblad"):
        out = documenten.render(plan, doc_id, fmt)
        text = _docx_text(out) if fmt == "docx" else out
        for word in SCRIPTS.split():
            assert word in text, (doc_id, fmt, word)


def test_docx_opens_with_styles_title_and_language():
    from docx import Document

    for doc_id in DOCS:
        doc = Document(io.BytesIO(documenten.render(voorbeeld(), doc_id, "docx")))
        assert doc.core_properties.title == documenten.DOCUMENTEN[doc_id][1]
        assert doc.core_properties.language == "nl-BE"
        styles = {p.style.name for p in doc.paragraphs}
        assert "Title" in styles
        assert 'w:val="nl-BE"' in doc.styles.element.xml
    plan_doc = Document(io.BytesIO(documenten.render(voorbeeld(), "plan", "docx")))
    assert {"Heading 2", "List Number", "List Bullet"} <= {p.style.name for p in plan_doc.paragraphs}
    assert len(plan_doc.tables) >= 4


def test_record_template_holds_the_privacy_list():
    for fmt in documenten.FORMATEN:
        out = documenten.render(voorbeeld(), "verslag", fmt)
        text = _docx_text(out) if fmt == "docx" else _md_plain(out).replace("&#39;", "'")
        assert "Schrijf dit NIET op" in text
        for item in NIET_NOTEREN:
            assert _md_plain(item).split(" (")[0] in text, (fmt, item)


def test_write_all_refuses_plan_with_errors(tmp_path):
    from samenschool.errors import SamenschoolError

    with pytest.raises(SamenschoolError, match="Klas of leerjaar"):
        documenten.write_all(Plan(), tmp_path, "html")
    assert not list(tmp_path.iterdir())


# -- CLI -----------------------------------------------------------------------------------------

def test_cli_voorbeeld_prints_valid_plan(capsys):
    from samenschool.cli import main

    assert main(["vertelgesprek", "--voorbeeld"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert validate(Plan.from_dict(data)) == []


@pytest.mark.parametrize("fmt", documenten.FORMATEN)
def test_cli_renders_four_files(tmp_path, capsys, fmt):
    from samenschool.cli import main

    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(voorbeeld().to_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "uit"
    assert main(["vertelgesprek", str(plan_file), "--naar", fmt, "--uit", str(out)]) == 0
    files = sorted(out.iterdir())
    assert len(files) == 4 and all(f.suffix == f".{fmt}" and f.stat().st_size > 500 for f in files)


@pytest.mark.parametrize("content, expect", [
    (None, "bestaat niet"),
    ("", "is leeg"),
    ("{kapot", "geen geldige JSON"),
    ("[1, 2]", "geen plan"),
    (json.dumps({"wanneer": {"slotduur": "tien"}}), "Slotduur"),
    (b"\xff\xfe\x00kapot", "geen tekstbestand"),
])
def test_cli_bad_files(tmp_path, capsys, content, expect):
    from samenschool.cli import main

    path = tmp_path / "plan.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    code = main(["vertelgesprek", str(path), "--uit", str(tmp_path / "uit")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("Fout:") and expect in err
    assert "Traceback" not in err
    assert not (tmp_path / "uit").exists()


def test_cli_subprocess_bad_file(tmp_path):
    exe = Path(sys.executable).parent / "samenschool"
    if not exe.exists():
        exe = REPO / ".venv" / "bin" / "samenschool"
    bad = tmp_path / "plan.json"
    bad.write_text("{ niet af", encoding="utf-8")
    result = subprocess.run([str(exe), "vertelgesprek", str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert result.stderr.startswith("Fout:") and "Traceback" not in result.stderr


# -- planner model and view -------------------------------------------------------------------------

def test_planner_model_steps_and_restart(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel

    model = PlannerModel(werkmap)
    assert model.voortgang == "Stap 1 van 9: Over de klas"
    model.zet("context.klas", "K3")
    model.volgende()
    model.zet("wanneer.slotduur", 15)
    model.zet("wanneer.momenten", ["maandag 8.00"])
    assert any(m.veld == "Slotduur" for m in model.meldingen())
    model.volgende()
    model.vorige()
    model.vorige()
    assert model.plan.context.klas == "K3" and model.plan.wanneer.slotduur == 15
    model.ga_naar(2)
    # the step is page state (1-based, as the learner sees it), the plan's parts are answers
    assert werkmap.toestand("04_vertelgesprek") == {"stap": 3}
    assert set(werkmap.load("04_vertelgesprek")) == {"plan.context", "plan.wanneer"}
    again = PlannerModel(type(werkmap)(werkmap.folder))
    assert again.stap == 2
    assert again.plan.context.klas == "K3"
    assert again.plan.wanneer.momenten == ["maandag 8.00"]


def test_planner_keeps_wrong_value_and_other_input(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel

    model = PlannerModel(werkmap)
    model.zet("context.klas", "2de leerjaar")
    model.zet("wanneer.slotduur", "heel lang")
    again = PlannerModel(type(werkmap)(werkmap.folder))
    assert again.plan.wanneer.slotduur == "heel lang"
    assert again.plan.context.klas == "2de leerjaar"
    assert any(m.veld == "Slotduur" and m.is_fout for m in again.meldingen(1))


def test_planner_links_only_without_errors(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets.planner import PlannerView

    view = PlannerView(PlannerModel(werkmap))
    model = view.model
    assert "download=" not in view.links_html()
    for section, value in voorbeeld().to_dict().items():
        model.zet(section, value)
    html = view.links_html()
    assert html.count("download=") == 12
    assert 'data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,' in html


def test_planner_links_are_buttons_with_unique_names_and_valid_data(werkmap):
    import base64
    import re

    from docx import Document

    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets.planner import MIME, PlannerView

    view = PlannerView(PlannerModel(werkmap))
    model = view.model
    for section, value in voorbeeld().to_dict().items():
        model.zet(section, value)
    html = view.links_html()
    links = re.findall(r"<a ([^>]*)>([^<]*)</a>", html)
    assert len(links) == 12
    names = []
    for attrs, label in links:
        get = dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        doc_id, fmt = get["data-document"], get["data-formaat"]
        assert "ss-download-knop" in get["class"].split()
        assert ("ss-secundair" in get["class"].split()) == (fmt == "md")
        assert label == {"html": "Afdrukken", "docx": "Aanpassen in Word", "md": "Tekst (Markdown)"}[fmt]
        assert get["download"] == documenten.bestandsnaam(doc_id, fmt) and get["download"].endswith("." + fmt)
        names.append(get["download"])
        prefix = f"data:{MIME[fmt]};base64,"
        assert get["href"].startswith(prefix)
        raw = base64.b64decode(get["href"][len(prefix):], validate=True)
        expected = documenten.render(model.plan, doc_id, fmt)
        if fmt == "docx":
            assert Document(io.BytesIO(raw)).core_properties.title == documenten.DOCUMENTEN[doc_id][1]
        else:
            assert raw.decode("utf-8") == expected
    assert len(set(names)) == 12
    for word in ("HTML", "JSON"):
        assert word not in re.sub(r"<[^>]+>", "", html)


def test_last_step_lists_missing_items_once(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets.planner import PlannerView

    model = PlannerModel(werkmap)
    model.ga_naar(8)
    view = PlannerView(model)
    both = view.links_html() + view.meldingen_html()
    assert both.count("Klas of leerjaar") == 1
    assert "Nog invullen:</strong> <span" in both and "Fout" not in both


def test_planner_readability_for_the_author(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets.planner import PlannerView

    view = PlannerView(PlannerModel(werkmap))
    for section, value in voorbeeld().to_dict().items():
        view.model.zet(section, value)
    html = view.leesbaarheid_html()
    assert "Flesch-Douma" in html and "alleen voor jou" in html
    assert "We meten de lopende tekst van de brief, zonder titels" in html


def test_readability_scores_only_the_running_text():
    from samenschool import leesbaarheid

    text = documenten.brief_tekst(voorbeeld())
    lines = text.splitlines()
    for label in ("Wat?", "Wanneer?", "Waar?", "Hoe zegt u ja?", DOCUMENTEN_TITEL_BRIEF):
        assert label not in lines
    assert "Strookje" not in text and "Naam van uw kind" not in text
    assert "juf Lies (klasleerkracht)" not in lines  # the signature is a label
    assert "- maandag om 8.00 uur" in lines  # list items count as sentences
    result = leesbaarheid.analyse(text)
    koppen = ["".join(t for t, _ in b.runs) for b in documenten.brief_blokken(voorbeeld()) if b.soort in ("h1", "h2")]
    assert len(koppen) >= 6
    for kop in koppen:
        assert kop not in result.zinnen_lijst, kop
    assert "- maandag om 8.00 uur" in result.zinnen_lijst or "maandag om 8.00 uur" in result.zinnen_lijst


def test_planner_view_headless(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets.planner import PlannerView

    view = PlannerView(PlannerModel(werkmap))
    assert "Stap 1 van 9" in view.voortgang.value and view.vorige_knop.disabled
    view.velden["context.klas"].value = "<b>3de</b> leerjaar"
    view.volgende_knop.click()
    assert "Stap 2 van 9" in view.voortgang.value
    view.velden["wanneer.slotduur"].value = 10
    view.velden["wanneer.momenten"].value = "maandag 10.00\ndinsdag 11.00"
    assert "Slotduur" in view.meldingen.value and "Momenten" in view.meldingen.value
    view.volgende_knop.click()
    assert "Flesch-Douma" in view.extra.value
    view.velden["uitnodiging.tolk"].value = "familie"
    assert "onvolledig" in view.meldingen.value
    assert all(value != "kind" for _, value in view.velden["uitnodiging.tolk"].options)
    view.vorige_knop.click()
    view.vorige_knop.click()
    assert view.velden["context.klas"].value == "<b>3de</b> leerjaar"
    view.volgende_knop.click()
    assert view.velden["wanneer.slotduur"].value == 10
    # a new view on the same werkmap comes back on the same step with the same values
    again = PlannerView(PlannerModel(type(werkmap)(werkmap.folder)))
    assert "Stap 2 van 9" in again.voortgang.value
    assert again.velden["wanneer.momenten"].value == "maandag 10.00\ndinsdag 11.00"
    for _ in range(10):
        again.volgende_knop.click()
    assert "Stap 9 van 9" in again.voortgang.value and again.volgende_knop.disabled
    assert "Klas of leerjaar" not in again.links.value  # filled in
    assert "Periode" in again.links.value  # still missing, named


def test_planner_view_questions_step(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets.planner import PlannerView

    model = PlannerModel(werkmap)
    model.ga_naar(3)
    view = PlannerView(model)
    view.velden["vragen:v02:tekst"].value = "Waar is uw kind sterk in?"
    view.velden["vragen:v16"].value = True
    view.velden["vragen:eigen"].value = "Wat eet uw kind graag?"
    teksten = [v["tekst"] for v in model.plan.vragen]
    assert "Waar is uw kind sterk in?" in teksten and "Wat eet uw kind graag?" in teksten
    assert any(v["id"] == "v16" for v in model.plan.vragen)


def test_messages_quote_parents_verbatim_from_the_data_with_source():
    from samenschool import data
    from samenschool.vertelgesprek.model import ouder_zegt

    tekst = data.citaten().set_index("id").loc["C042", "tekst"]
    message = ouder_zegt("C042")
    assert f"“{tekst}”" in message and "Recht-Op" in message and message.startswith("Een ouder zegt")
    assert ouder_zegt("C117").startswith("Tip uit de focusgroep: “Bel ouders persoonlijk op")
