"""The werkmap keeps what learners type: atomic, restart-proof, two writers, corrupt files, export, wipe."""

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from samenschool import werkboek
from samenschool.cli import main
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap


def test_set_then_a_new_instance_reads_it_back(werkmap_dir):
    Werkmap(werkmap_dir).set("01_gelijke_kansen", "reflectie", "Ik zag schaamte.", label="Wat viel je op?")
    restarted = Werkmap(werkmap_dir)  # as after a kernel restart or page reload
    assert restarted.get("01_gelijke_kansen", "reflectie") == "Ik zag schaamte."
    assert restarted.labels("01_gelijke_kansen") == {"reflectie": "Wat viel je op?"}


def test_default_folder_follows_the_environment_variable(werkmap_dir):
    assert Werkmap.default().folder == werkmap_dir


def test_writes_are_atomic_no_temp_files_left(werkmap):
    for i in range(20):
        werkmap.set("02_partnerschap", f"k{i}", i)
    names = sorted(p.name for p in werkmap.folder.iterdir() if not p.name.startswith(".02_partnerschap.lock"))
    assert names == ["02_partnerschap.json"]
    assert json.loads((werkmap.folder / "02_partnerschap.json").read_text())["antwoorden"]["k19"] == 19


def test_a_failed_write_keeps_the_old_file_whole(werkmap, monkeypatch):
    werkmap.set("03_drempels", "a", "eerste versie")

    def boom(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        werkmap.set("03_drempels", "a", "tweede versie")
    monkeypatch.undo()
    assert Werkmap(werkmap.folder).get("03_drempels", "a") == "eerste versie"
    assert not list(werkmap.folder.glob("*.tmp"))


def _writer(folder: str, prefix: str, count: int) -> None:
    wm = Werkmap(folder)
    for i in range(count):
        wm.set("05_heldere_taal", f"{prefix}{i}", f"{prefix}-{i}")


def test_two_writers_at_once_lose_nothing(werkmap_dir):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(werkmap_dir), p, 40)) for p in ("tab1_", "tab2_")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    answers = Werkmap(werkmap_dir).load("05_heldere_taal")
    assert len(answers) == 80
    assert answers["tab1_39"] == "tab1_-39" and answers["tab2_0"] == "tab2_-0"


def test_a_corrupt_file_is_set_aside_with_a_message(werkmap):
    werkmap.folder.mkdir(parents=True)
    (werkmap.folder / "01_gelijke_kansen.json").write_text("{ dit is geen json", encoding="utf-8")
    assert werkmap.load("01_gelijke_kansen") == {}
    aside = list(werkmap.folder.glob("01_gelijke_kansen.onleesbaar-*.json"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{ dit is geen json"
    assert "konden niet gelezen worden" in werkmap.meldingen[0]
    werkmap.set("01_gelijke_kansen", "x", 1)  # and the learner can go on
    assert werkmap.get("01_gelijke_kansen", "x") == 1


def test_values_that_cannot_be_saved_give_a_dutch_error(werkmap):
    with pytest.raises(SamenschoolError, match="kan niet bewaard worden"):
        werkmap.set("01_gelijke_kansen", "x", object())
    with pytest.raises(SamenschoolError, match="Ongeldige naam"):
        werkmap.set("../buiten", "x", 1)


def test_export_escapes_learner_text_in_html_and_markdown(werkmap, tmp_path):
    evil = '<script>alert("x")</script> # kop [link](http://x) العربية ğüş łóźż'
    werkmap.set("01_gelijke_kansen", "reflectie", evil, label="Wat viel je op?")
    werkmap.set("02_partnerschap", "waarden", {"vertrouwen": 3, "respect": 2})
    paths = werkboek.export(werkmap, tmp_path / "werkboek")
    assert sorted(p.suffix for p in paths) == [".html", ".md"]
    html = (tmp_path / "werkboek.html").read_text(encoding="utf-8")
    md = (tmp_path / "werkboek.md").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in md and "\\# kop" in md and "\\[link\\]" in md
    for text in (html, md):
        assert "العربية" in text and "ğüş" in text and "łóźż" in text
        assert "Wat viel je op?" in text and "Partnerschap" in text and "Vertrouwen: 3" in text

    assert "@media print" in html and "@page" in html


def test_exercise_modules_get_a_readable_title(werkmap):
    werkmap.set("oefening_03_perspectiefwissel", "gevoel", "schaamte")
    assert "Oefening: perspectiefwissel" in werkboek.to_markdown(werkmap)


def test_cli_export_and_wipe(werkmap_dir, tmp_path, capsys, monkeypatch):
    Werkmap(werkmap_dir).set("03_drempels", "kaart", "taal")
    (werkmap_dir / "teamkaart").mkdir()
    (werkmap_dir / "teamkaart" / "teamlid-1.json").write_text("{}", encoding="utf-8")
    (werkmap_dir / "notities.txt").write_text("niet van de kit", encoding="utf-8")
    assert main(["werkmap", "export", "--uit", str(tmp_path / "wb.md")]) == 0
    assert "Taal" in (tmp_path / "wb.md").read_text(encoding="utf-8")  # the barrier by its name
    assert main(["werkmap", "export", "--uit", str(tmp_path / "wb.pdf")]) == 1
    assert "Fout:" in capsys.readouterr().err

    import io
    monkeypatch.setattr("sys.stdin", io.StringIO("nee\n"))
    assert main(["werkmap", "wis"]) == 1
    assert Werkmap(werkmap_dir).modules() == ["03_drempels"]
    monkeypatch.setattr("sys.stdin", io.StringIO("ja\n"))
    assert main(["werkmap", "wis"]) == 0
    assert Werkmap(werkmap_dir).modules() == []
    assert not list(Path(werkmap_dir).rglob("*.json"))  # also the team map files in subfolders
    assert (werkmap_dir / "notities.txt").exists()  # files that are not the kit's stay


def test_a_planner_answer_reads_as_text_in_the_werkboek(werkmap):
    from samenschool.vertelgesprek.voorbeeld import voorbeeld

    plan = voorbeeld()
    werkmap.set("04_vertelgesprek", "plan_leidraad", plan.sectie("leidraad"), label="Gespreksleidraad")
    werkmap.set("04_vertelgesprek", "plan_vragen", plan.sectie("vragen"), label="Vragen vooraf")
    md = werkboek.to_markdown(werkmap)
    assert "- Welkom (3 min): Heet de ouders welkom" in md  # parentheses need no escaping
    assert "- Waar is uw kind goed in?" in md
    assert "{" not in md and "'tekst'" not in md  # no raw Python structures
    html = werkboek.to_html(werkmap)
    assert "<li>Welkom (3 min): Heet de ouders welkom" in html


def test_listeners_hear_every_save_delete_and_wipe(werkmap, monkeypatch):
    from samenschool import werkmap as werkmap_module

    heard = []
    monkeypatch.setattr(werkmap_module, "_NA_WIJZIGING", [])
    werkmap_module.bij_wijziging(heard.append)
    werkmap_module.bij_wijziging(heard.append)  # twice: still called once

    def broken(_module):
        raise RuntimeError("a page widget that fails")

    werkmap_module.bij_wijziging(broken)  # must not break saving
    werkmap.set("02_partnerschap", "a", 1)
    werkmap.delete("02_partnerschap", "a")
    werkmap.wis()
    assert heard == ["02_partnerschap", "02_partnerschap", None]


def test_the_werkboek_shows_names_not_codes_and_no_page_state(werkmap):
    werkmap.set("01_gelijke_kansen", "sorteer.C009", "informatie_communicatie",
                label="Bij welk thema hoort dit citaat?")
    werkmap.set("03_drempels", "drempel_kiezen_C072", {"bekeken": True, "gekozen": ["tijd_ontmoeting"]},
                label="Welke drempel zie je in citaat C072?")
    werkmap.set("03_drempels", "teamkaart", {"leden": {"Directie": {"taal": 2}}}, label="Teamkaart")
    werkmap.set("04_vertelgesprek", "plan_uitnodiging", {"tolk": "sociaal_tolk", "antwoord": ["strookje"]},
                label="Uitnodigen")
    werkmap.set("04_vertelgesprek", "stap", 9, label="laatst geopende stap")
    werkmap.set("05_heldere_taal", "checklist_brief", ["titel"], label="Checklist")
    md = werkboek.to_markdown(werkmap)
    assert "Informatie en communicatie" in md and "informatie\\_communicatie" not in md
    assert "- Gekozen: Tijd en mogelijkheden tot ontmoeting" in md and "Bekeken" not in md
    assert "citaat “Als alleenstaande moeder van vijf kinderen weet …”" in md and "C072" not in md
    assert "- Directie: Taal: 2" in md
    assert "een professionele tolk (een sociaal tolk)" in md and "geef het strookje mee" in md
    assert "laatst geopende stap" not in md
    assert "- De brief heeft een titel." in md or "De brief heeft een titel." in md
