"""The werkmap keeps what learners type: atomic, restart-proof, two writers, corrupt files, export, wipe."""

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from samenschool import werkboek
from samenschool.antwoord import Antwoord
from samenschool.cli import main
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap


def bewaar(wm: Werkmap, module: str, key: str, value, vraag: str = "", tekst: str = "", **kw) -> None:
    """Save one answer for an activity the module's notebook declares."""
    wm.bewaar(module, Antwoord.nieuw(module, key, value, vraag=vraag or key, tekst=tekst, **kw))


def synthetisch(key: str, value, vraag: str = "") -> Antwoord:
    """An answer of a synthetic module (no notebook declares it)."""
    return Antwoord(sleutel=key, waarde=value, vraag=vraag or key, tekst=str(value))


def test_set_then_a_new_instance_reads_it_back(werkmap_dir):
    bewaar(Werkmap(werkmap_dir), "01_gelijke_kansen", "reflectie", "Ik zag schaamte.", vraag="Wat viel je op?",
           tekst="Ik zag schaamte.")
    restarted = Werkmap(werkmap_dir)  # as after a kernel restart or page reload
    assert restarted.get("01_gelijke_kansen", "reflectie") == "Ik zag schaamte."
    [antwoord] = restarted.antwoorden("01_gelijke_kansen")
    assert (antwoord.vraag, antwoord.tekst) == ("Wat viel je op?", "Ik zag schaamte.")
    assert (antwoord.activiteit, antwoord.activiteit_titel, antwoord.activiteit_nr) == ("reflectie", "Reflectie", 3)


def test_default_folder_follows_the_environment_variable(werkmap_dir):
    assert Werkmap.default().folder == werkmap_dir


def test_writes_are_atomic_no_temp_files_left(werkmap):
    for i in range(20):
        werkmap.bewaar("02_partnerschap", synthetisch(f"k{i}", i))
    names = sorted(p.name for p in werkmap.folder.iterdir() if not p.name.startswith(".02_partnerschap.lock"))
    assert names == ["02_partnerschap.json"]
    assert json.loads((werkmap.folder / "02_partnerschap.json").read_text())["antwoorden"]["k19"]["waarde"] == 19


def test_a_failed_write_keeps_the_old_file_whole(werkmap, monkeypatch):
    bewaar(werkmap, "03_drempels", "wat_neem_je_mee", "eerste versie")

    def boom(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SamenschoolError, match="Niet bewaard"):  # said in Dutch, not an OSError
        bewaar(werkmap, "03_drempels", "wat_neem_je_mee", "tweede versie")
    monkeypatch.undo()
    assert Werkmap(werkmap.folder).get("03_drempels", "wat_neem_je_mee") == "eerste versie"
    assert not list(werkmap.folder.glob("*.tmp"))


def _writer(folder: str, prefix: str, count: int) -> None:
    wm = Werkmap(folder)
    for i in range(count):
        wm.bewaar("05_heldere_taal", synthetisch(f"{prefix}{i}", f"{prefix}-{i}"))


def test_two_writers_at_once_lose_nothing(werkmap_dir):
    # spawn, not fork: a fork of a test worker that runs threads can inherit a held lock and hang
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(werkmap_dir), p, 40)) for p in ("tab1_", "tab2_")]
    try:
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
            assert p.exitcode == 0
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
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
    bewaar(werkmap, "01_gelijke_kansen", "reflectie", "verder")  # and the learner can go on
    assert werkmap.get("01_gelijke_kansen", "reflectie") == "verder"


def test_values_that_cannot_be_saved_give_a_dutch_error(werkmap):
    with pytest.raises(SamenschoolError, match="kan niet bewaard worden"):
        bewaar(werkmap, "01_gelijke_kansen", "reflectie", object())
    with pytest.raises(SamenschoolError, match="kan niet bewaard worden"):
        werkmap.zet_toestand("01_gelijke_kansen", "stap", object())
    with pytest.raises(SamenschoolError, match="Ongeldige naam"):
        werkmap.bewaar("../buiten", synthetisch("x", 1))
    with pytest.raises(SamenschoolError, match="Alleen een Antwoord"):
        werkmap.bewaar("01_gelijke_kansen", [{"reflectie": "x"}])


def _docx_tekst(path) -> str:
    from docx import Document

    doc = Document(str(path))
    cellen = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cellen)


def test_export_escapes_learner_text_in_html_and_markdown(werkmap, tmp_path):
    from samenschool.widgets import reflectie, schaal

    evil = '<script>alert("x")</script> # kop [link](http://x) العربية ğüş łóźż'
    reflectie.Reflectie("01_gelijke_kansen", "reflectie", "Wat viel je op?", werkmap).bewaar(evil)
    weging = schaal.Weging("02_partnerschap", {"vertrouwen": "Vertrouwen", "respect": "Respect"}, werkmap)
    weging.zet("vertrouwen", 3)
    weging.zet("respect", 2)
    paths = werkboek.export(werkmap, tmp_path / "werkboek")  # no suffix: all three formats
    assert sorted(p.suffix for p in paths) == [".docx", ".html", ".md"]
    html = (tmp_path / "werkboek.html").read_text(encoding="utf-8")
    md = (tmp_path / "werkboek.md").read_text(encoding="utf-8")
    docx = _docx_tekst(tmp_path / "werkboek.docx")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in md and "\\# kop" in md and "\\[link\\]" in md
    assert evil in docx  # Word holds plain runs: the text intact
    for text in (html, md, docx):
        assert "العربية" in text and "ğüş" in text and "łóźż" in text
        assert "Wat viel je op?" in text and "Partnerschap" in text and "Vertrouwen" in text
        assert "weegt heel zwaar" in text and "{" not in text.split("Partnerschap", 1)[1][:400]
    assert "@media print" in html and "@page" in html


def test_export_writes_whole_files_or_keeps_the_old_one(werkmap, tmp_path, monkeypatch):
    bewaar(werkmap, "01_gelijke_kansen", "reflectie", "eerste", vraag="Wat viel je op?", tekst="eerste")
    target = tmp_path / "werkboek.md"
    werkboek.export(werkmap, target)
    bewaar(werkmap, "01_gelijke_kansen", "reflectie", "tweede", vraag="Wat viel je op?", tekst="tweede")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SamenschoolError, match="niet schrijven"):
        werkboek.export(werkmap, target)
    monkeypatch.undo()
    assert "eerste" in target.read_text(encoding="utf-8") and not list(tmp_path.glob("*.tmp"))
    with pytest.raises(SamenschoolError, match="eindigt op"):
        werkboek.export(werkmap, tmp_path / "werkboek.pdf")


def test_exercise_modules_get_a_readable_title(werkmap):
    bewaar(werkmap, "oefening_03_perspectiefwissel", "ouder", "schaamte", vraag="In de huid van de ouder",
           tekst="schaamte")
    assert "Oefening: Perspectiefwissel" in werkboek.to_markdown(werkmap)


def test_cli_export_and_wipe(werkmap_dir, tmp_path, capsys, monkeypatch):
    from samenschool.widgets.drempel_kiezen import DrempelKeuze

    DrempelKeuze("C072", Werkmap(werkmap_dir)).kies(["taal"])
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


def test_wis_leaves_the_participants_and_wis_klas_removes_them(werkmap_dir):
    eigen, deelnemer = Werkmap(werkmap_dir), Werkmap(werkmap_dir / "deelnemers" / ("a" * 32))
    bewaar(eigen, "01_gelijke_kansen", "reflectie", "van de begeleider")
    bewaar(deelnemer, "01_gelijke_kansen", "reflectie", "van een deelnemer")
    assert eigen.wis() == 1
    assert eigen.modules() == [] and deelnemer.get("01_gelijke_kansen", "reflectie") == "van een deelnemer"
    assert eigen.deelnemers() == [deelnemer.folder]
    assert eigen.wis_klas() == 1
    assert eigen.deelnemers() == [] and deelnemer.modules() == []


def test_a_planner_answer_reads_as_text_in_the_werkboek(werkmap):
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.vertelgesprek.voorbeeld import voorbeeld

    plan = voorbeeld()
    model = PlannerModel(werkmap)
    model.zet("vragen", plan.sectie("vragen"))
    model.zet("leidraad", plan.sectie("leidraad"))
    md = werkboek.to_markdown(werkmap)
    assert "- 1\\. Welkom (3 min): Heet de ouders welkom" in md  # parentheses need no escaping
    assert "Waar is uw kind goed in?" in md
    assert "{" not in md and "'tekst'" not in md  # no raw Python structures
    assert md.index("vragen op voorhand") < md.index("gespreksleidraad")  # the planner's order
    html = werkboek.to_html(werkmap)
    assert '<th scope="row">1. Welkom (3 min)</th><td>Heet de ouders welkom' in html


def test_listeners_hear_every_save_delete_and_wipe(werkmap, monkeypatch):
    from samenschool import werkmap as werkmap_module

    heard = []
    monkeypatch.setattr(werkmap_module, "_LUISTERAARS", {})
    werkmap_module.luister("02_partnerschap", lambda: heard.append("02"))
    werkmap_module.luister(werkmap_module.ALLE, lambda: heard.append("*"))
    werkmap_module.luister("01_gelijke_kansen", lambda: heard.append("01"))  # another module: only the wipe
    bewaar(werkmap, "02_partnerschap", "reflectie", "a")
    werkmap.zet_toestand("02_partnerschap", "stap", 1)
    werkmap.delete("02_partnerschap", "reflectie")
    assert heard == ["02", "*"] * 3
    heard.clear()
    werkmap.wis()
    assert sorted(heard) == ["*", "01", "02"]


def test_a_broken_listener_never_breaks_saving_outside_strict_mode(werkmap, monkeypatch):
    from samenschool import werkmap as werkmap_module

    monkeypatch.setattr(werkmap_module, "_LUISTERAARS", {})

    def broken():
        raise RuntimeError("a page widget that fails")

    werkmap_module.luister("02_partnerschap", broken)
    with pytest.raises(RuntimeError):  # strict mode (tests): the error shows
        bewaar(werkmap, "02_partnerschap", "reflectie", "a")
    monkeypatch.delenv("SAMENSCHOOL_STRIKT")
    bewaar(werkmap, "02_partnerschap", "reflectie", "b")  # for a learner: saved, no traceback
    assert werkmap.get("02_partnerschap", "reflectie") == "b"


def test_a_listening_view_that_is_gone_stops_listening(werkmap, monkeypatch):
    import gc

    from samenschool import werkmap as werkmap_module

    monkeypatch.setattr(werkmap_module, "_LUISTERAARS", {})
    heard = []

    class View:
        def vernieuw(self):
            heard.append(1)

    view = View()
    werkmap_module.luister("02_partnerschap", view.vernieuw)
    bewaar(werkmap, "02_partnerschap", "reflectie", "a")
    del view
    gc.collect()
    bewaar(werkmap, "02_partnerschap", "reflectie", "b")
    assert heard == [1]


def test_the_werkboek_shows_names_not_codes_and_no_page_state(werkmap):
    from samenschool import data
    from samenschool.vertelgesprek.planner import PlannerModel
    from samenschool.widgets import checklist, sorteer, teamkaart
    from samenschool.widgets.drempel_kiezen import DrempelKeuze

    rows = data.kies(data.citaten(), ["C009"])
    sorteer.Sorteerder("01_gelijke_kansen", rows, data.themas(), werkmap).kies("C009", "informatie_communicatie")
    keuze = DrempelKeuze("C072", werkmap)
    keuze.kies(["tijd_ontmoeting"])
    keuze.bekijk()
    kaart = teamkaart.TeamKaart(werkmap)
    kaart.add_member("Directie", {d: 2 if d == "taal" else 0 for d in kaart.drempel_ids})
    planner = PlannerModel(werkmap)
    planner.zet("uitnodiging.tolk", "sociaal_tolk")
    planner.zet("uitnodiging.antwoord", ["strookje"])
    planner.ga_naar(8)  # page state: not in the werkboek
    lijst = checklist.Checklist(werkmap)
    lijst.vink("titel", True)
    assert werkmap.toestand("04_vertelgesprek") == {"stap": 9}
    assert werkmap.toestand("03_drempels") == {"drempel_kiezen.C072": {"bekeken": True}}
    md = werkboek.to_markdown(werkmap)
    assert "Informatie en communicatie" in md and "informatie\\_communicatie" not in md
    assert "Tijd en mogelijkheden tot ontmoeting" in md and "bekeken" not in md.lower()
    assert "“Als alleenstaande moeder van vijf kinderen weet ik soms niet waar …”" in md and "C072" not in md
    assert "- Directie: Tijd en mogelijkheden tot ontmoeting: 0;" in md and "; Taal: 2;" in md
    assert "een professionele tolk (een sociaal tolk)" in md and "geef het strookje mee" in md
    assert "stap" not in md.lower().replace("eerste stap", "")
    assert "- De brief heeft een titel: ja" in md
    assert "sociaal\\_tolk" not in md and "strookje\"" not in md and "Prive" not in md
