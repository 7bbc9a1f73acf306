"""Issue 14 "Robuust": every case of the probe as a regression test.

Hostile and broken inputs give one Dutch message (naming the field, row or file) and exit
code 1, never a traceback; exports are written whole or not at all; set-aside werkmap files
are announced on their own page; a werkmap that cannot be written says so truthfully.
"""

from __future__ import annotations

import copy
import errno
import json
import os
from pathlib import Path

import pytest

from samenschool import cli, validatie
from samenschool.errors import SamenschoolError
from samenschool.vertelgesprek.model import Plan, validate
from samenschool.vertelgesprek.voorbeeld import voorbeeld

TRACEBACK_WORDS = ("Traceback", "Error", "Exception", "line ")


def _run(capsys, *argv) -> tuple[int, str]:
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def _plan_file(tmp_path: Path, change=None, raw: str | None = None, name: str = "plan.json") -> Path:
    data = voorbeeld().to_dict()
    if change:
        change(data)
    path = tmp_path / name
    path.write_text(raw if raw is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _assert_dutch_failure(code: int, text: str, *expected: str) -> None:
    assert code == 1, text
    assert text.startswith("Fout: "), text
    for word in TRACEBACK_WORDS:
        assert word not in text, text
    for part in expected:
        assert part in text, text


# -- vertelgesprek PLAN.json: wrong types, odd numbers, nesting, non-characters ------------------
WRONG_TYPES = [
    (lambda d: d["uitnodiging"].__setitem__("tolk", []), "Tolk", "uitnodiging.tolk"),
    (lambda d: d["uitnodiging"].__setitem__("persoonlijk", [["telefoon"]]), "Persoonlijk uitnodigen 1",
     "uitnodiging.persoonlijk[1]"),
    (lambda d: d["uitnodiging"].__setitem__("antwoord", [{}]), "Antwoorden via 1", "uitnodiging.antwoord[1]"),
    (lambda d: d["setting"].__setitem__("kind_aanwezig", {}), "Kind aanwezig", "setting.kind_aanwezig"),
    (lambda d: d["leidraad"][0].__setitem__("fase", ["x"]), "Fase (code) 1", "leidraad[1].fase"),
    (lambda d: d["context"].__setitem__("klas", 3), "Klas of leerjaar", "context.klas"),
    (lambda d: d["setting"].__setitem__("prive", "ja"), "Apart lokaal", "setting.prive"),
]


@pytest.mark.parametrize("change, veld, pad", WRONG_TYPES)
def test_plan_with_a_wrong_type_names_the_field(tmp_path, capsys, change, veld, pad):
    code, text = _run(capsys, "vertelgesprek", _plan_file(tmp_path, change), "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, veld, pad, "verwacht")
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("slotduur", ["²", "³", "٣٠", "1e3", "30.5", "-30", "9" * 5000])
def test_slot_length_that_is_no_ascii_number(tmp_path, capsys, slotduur):
    path = _plan_file(tmp_path, lambda d: d["wanneer"].__setitem__("slotduur", slotduur))
    code, text = _run(capsys, "vertelgesprek", path, "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "Slotduur", "geen aantal minuten")
    assert len(text) < 1000  # never 5,000 digits in a message


def test_number_of_more_than_4300_digits(tmp_path, capsys):
    raw = json.dumps(voorbeeld().to_dict()).replace('"slotduur": 30', '"slotduur": ' + "9" * 5000)
    code, text = _run(capsys, "vertelgesprek", _plan_file(tmp_path, raw=raw), "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "getal dat te groot is")
    assert len(text) < 400


@pytest.mark.parametrize("raw", ["[" * 100_000 + "]" * 100_000,
                                 '{"context": ' + '{"a": ' * 3000 + "1" + "}" * 3000 + "}"])
def test_deeply_nested_json(tmp_path, capsys, raw):
    code, text = _run(capsys, "vertelgesprek", _plan_file(tmp_path, raw=raw), "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "te diep genest")


@pytest.mark.parametrize("teken", ["\ufffe", "\uffff", "\x07", "\ufdd0", "\U0001fffe"])
def test_non_characters_are_refused_before_the_docx_writer(tmp_path, capsys, teken):
    path = _plan_file(tmp_path, lambda d: d["context"].__setitem__("klas", f"1ste{teken} leerjaar"))
    code, text = _run(capsys, "vertelgesprek", path, "--naar", "docx", "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "Klas of leerjaar", f"U+{ord(teken):04X}")


def test_planner_text_with_non_characters_still_builds_every_document():
    """In the planner a U+FFFE typed (or pasted) into a field is dropped; the DOCX writer gets
    clean text, so step 9 never fails on every rebuild."""
    from samenschool.vertelgesprek import documenten

    plan = voorbeeld()
    plan.zet("context.opmerking", "Thuistalen\ufffe: Arabisch\uffff en Pools.")
    assert "\ufffe" not in plan.context.opmerking
    plan.context.klas = "1ste\ufffe leerjaar"  # set past the planner's cleaning: the writer still copes
    for doc_id in documenten.DOCUMENTEN:
        assert documenten.render(plan, doc_id, "docx")[:2] == b"PK"


def test_nan_and_infinity_are_no_numbers(tmp_path, capsys):
    raw = json.dumps(voorbeeld().to_dict()).replace('"slotduur": 30', '"slotduur": NaN')
    code, text = _run(capsys, "vertelgesprek", _plan_file(tmp_path, raw=raw), "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "geen geldige JSON")


def test_extra_fields_are_named_but_do_not_block(tmp_path, capsys):
    def change(d):
        d["extra"] = 1
        d["context"]["kleur"] = "blauw"

    code, text = _run(capsys, "vertelgesprek", _plan_file(tmp_path, change), "--uit", tmp_path / "uit")
    assert code == 0, text
    assert "extra: dit veld kent de kit niet" in text and "context.kleur" in text


def test_missing_fields_get_their_defaults_and_named_when_required(tmp_path, capsys):
    code, text = _run(capsys, "vertelgesprek", _plan_file(tmp_path, raw='{"context": {}}'), "--uit", tmp_path / "u")
    _assert_dutch_failure(code, text, "Klas of leerjaar", "Contactpersoon")


@pytest.mark.parametrize("raw, words", [
    ("", "leeg"), ("[1, 2]", "geen plan"), ("{", "geen geldige JSON"),
    ('{"a": 1,}', "regel 1"), ("\ufeff{}", "Klas of leerjaar"),
])
def test_broken_plan_files(tmp_path, capsys, raw, words):
    code, text = _run(capsys, "vertelgesprek", _plan_file(tmp_path, raw=raw), "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, words)


def test_plan_file_that_is_a_device_or_too_big(tmp_path, capsys):
    code, text = _run(capsys, "vertelgesprek", "/dev/zero", "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "te groot", "1 MB")
    big = tmp_path / "groot.json"
    big.write_bytes(b" " * (validatie.MAX_JSONBESTAND + 1))
    code, text = _run(capsys, "vertelgesprek", big, "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "te groot")


def test_output_folder_that_is_a_file_or_empty(tmp_path, capsys):
    plan = _plan_file(tmp_path)
    (tmp_path / "bestand").write_text("x")
    code, text = _run(capsys, "vertelgesprek", plan, "--uit", tmp_path / "bestand")
    _assert_dutch_failure(code, text, "is een bestand, geen map")
    code, text = _run(capsys, "vertelgesprek", plan, "--uit", "")
    _assert_dutch_failure(code, text, "--uit")


def test_validate_never_raises_on_a_plan_built_from_junk():
    junk = {"context": {"schooltype": ["lager"], "klas": {"a": 1}}, "wanneer": {"slotduur": 10 ** 5000,
            "momenten": [[1], {"x": None}]}, "uitnodiging": {"tolk": {}, "antwoord": [{}], "persoonlijk": [[]]},
            "setting": {"kind_aanwezig": []}, "aanwezigen": {"ouders": "²", "school": [{}]},
            "leidraad": [{"fase": ["x"], "minuten": 10 ** 5000}], "noteren": [10 ** 5000, ["x"]]}
    plan = Plan.from_dict(junk)
    meldingen = validate(plan)
    assert meldingen and all(m.is_fout for m in meldingen)
    from samenschool.vertelgesprek import documenten

    for fmt in documenten.FORMATEN:
        assert documenten.render(plan, "plan", fmt)


# -- numbers: int() on ASCII digits within bounds ----------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    (30, 30), ("30", 30), (" 45 ", 45), (30.0, 30), ("²", None), ("³", None), ("٣", None), ("1e3", None),
    ("30.5", None), (True, None), (None, None), ([30], None), ("9" * 5000, None), (10 ** 5000, None),
    (float("nan"), None), (float("inf"), None), (-5, None), (1_000_001, None),
], ids=lambda v: validatie.kort(v, 12))
def test_geheel_getal(value, expected):
    assert validatie.geheel_getal(value, 0, 1_000_000) == expected


# -- werkmap export --uit ----------------------------------------------------------------------------
@pytest.mark.parametrize("uit, words", [
    ("/", "is een map"), (".", "is een map"), ("..", "is een map"), ("", "Geef een bestandsnaam"),
    ("x.MD", "kleine letters"), ("x.txt", "eindigt op '.txt'"), ("map/", "is een map"), ("...", "geen bruikbare"),
])
def test_werkboek_export_checks_uit(tmp_path, capsys, monkeypatch, werkmap_dir, uit, words):
    monkeypatch.chdir(tmp_path)
    code, text = _run(capsys, "werkmap", "export", "--uit", uit)
    _assert_dutch_failure(code, text, words)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "werkmap") == []


def test_werkboek_export_to_an_existing_folder(tmp_path, capsys, werkmap_dir):
    (tmp_path / "boek").mkdir()
    code, text = _run(capsys, "werkmap", "export", "--uit", tmp_path / "boek")
    _assert_dutch_failure(code, text, "is een map", "boek/werkboek.html")


# -- atomic exports: a failing write keeps the old file ---------------------------------------------
def _disk_full_after(monkeypatch, n_ok: int) -> None:
    """os.write fails with ENOSPC after ``n_ok`` successful calls (a disk that fills up)."""
    real = os.write
    calls = {"n": 0}

    def write(fd, data):
        calls["n"] += 1
        if calls["n"] > n_ok:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


def test_disk_full_keeps_the_earlier_planner_documents(tmp_path, monkeypatch):
    from samenschool.vertelgesprek import documenten

    folder = tmp_path / "uit"
    first = documenten.write_all(voorbeeld(), folder, "docx")
    before = {p.name: p.read_bytes() for p in first}
    plan = voorbeeld()
    plan.zet("context.klas", "2de leerjaar")
    _disk_full_after(monkeypatch, 1)  # the first document fits, then the disk is full
    with pytest.raises(SamenschoolError) as info:
        documenten.write_all(plan, folder, "docx")
    assert "de schijf is vol" in str(info.value) and "vorige bestand is niet veranderd" in str(info.value)
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert set(after) == set(before), "no temporary files are left behind"
    changed = [n for n in before if after[n] != before[n]]
    assert len(changed) <= 1  # the one that fitted is new and whole; the others are the old ones
    from docx import Document

    for name in after:
        Document(str(folder / name))  # every file is a whole DOCX


def test_disk_full_keeps_the_earlier_werkboek(tmp_path, monkeypatch, capsys, werkmap):
    from samenschool import werkboek

    target = tmp_path / "werkboek.docx"
    werkboek.export(werkmap, target)
    before = target.read_bytes()
    _disk_full_after(monkeypatch, 0)
    code, text = _run(capsys, "werkmap", "export", "--uit", target)
    _assert_dutch_failure(code, text, "de schijf is vol", "niet veranderd")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failing_fsync_keeps_the_old_file(tmp_path, monkeypatch):
    from samenschool.bestanden import schrijf_atomisch

    path = tmp_path / "plan.md"
    schrijf_atomisch(path, "oud")

    def fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(SamenschoolError, match="niet veranderd"):
        schrijf_atomisch(path, "nieuw")
    assert path.read_text() == "oud"


# -- leesbaarheid ----------------------------------------------------------------------------------------
def test_leesbaarheid_dev_zero(capsys):
    code, text = _run(capsys, "leesbaarheid", "/dev/zero")
    _assert_dutch_failure(code, text, "te groot", "1 MB")


def test_leesbaarheid_refuses_big_and_odd_files(tmp_path, capsys):
    groot = tmp_path / "groot.txt"
    groot.write_bytes(b"a " * 600_000)
    code, text = _run(capsys, "leesbaarheid", groot)
    _assert_dutch_failure(code, text, "te groot")
    code, text = _run(capsys, "leesbaarheid", tmp_path)
    _assert_dutch_failure(code, text, "is een map")
    brief = tmp_path / "brief.txt"
    brief.write_text("Beste ouders. Kom naar school.\ufffe Tot dan.", encoding="utf-8")
    lijst = tmp_path / "woorden.csv"
    lijst.write_text('woord,suggestie,soort,bron\n"' + "a" * 200_000 + '",b,c,d\n', encoding="utf-8")
    code, text = _run(capsys, "leesbaarheid", brief, "--extra-woorden", lijst)
    _assert_dutch_failure(code, text, "woorden.csv", "kan niet gelezen worden als CSV")
    groot = tmp_path / "groot.csv"
    groot.write_bytes(b"woord,suggestie,soort,bron\n" + b"a,b,c,d\n" * 200_000)
    code, text = _run(capsys, "leesbaarheid", brief, "--extra-woorden", groot)
    _assert_dutch_failure(code, text, "groot.csv", "te groot")


# -- uploads: each file judged on its own ------------------------------------------------------------------
def test_team_map_batch_keeps_the_good_file(werkmap):
    from samenschool.widgets.teamkaart import MAX_BESTAND, TeamKaart

    kaart = TeamKaart(werkmap)
    goed = kaart.member_bytes("Leerkracht 1", {i: 2 for i in kaart.drempel_ids})
    genest = ("[" * 49_000 + "]" * 49_000).encode()  # 98 kB of nesting: once the generic error
    meldingen = kaart.combine_files([("diep.json", genest), ("goed.json", goed),
                                     ("groot.json", b"{" + b" " * 30_000_000 + b"}"),
                                     ("getal.json", b'{"versie": ' + b"9" * 5000 + b"}")])
    assert list(kaart.leden) == ["Leerkracht 1"]
    assert meldingen[1] == "‘goed.json’ toegevoegd als Leerkracht 1."
    assert "‘diep.json’ kan niet gelezen worden" in meldingen[0]
    assert "‘groot.json’ is te groot (30 MB)" in meldingen[2] and validatie.grootte(MAX_BESTAND) in meldingen[2]
    assert "‘getal.json’" in meldingen[3]
    assert len(kaart.fouten) == 3


def test_team_map_page_states_the_size_limit(werkmap):
    from samenschool.widgets import teamkaart

    view = teamkaart.TeamKaartView(teamkaart.TeamKaart(werkmap))
    html = " ".join(c.value for c in _walk(view.widget) if isinstance(getattr(c, "value", None), str))
    assert "hoogstens 100 kB" in html
    assert "ss-upload-max-100000" in view.upload._dom_classes


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_upload_judge_never_raises_on_a_bad_reader():
    from samenschool import upload

    def lees(naam, data):
        if data == b"boom":
            raise SamenschoolError("‘boom’ kapot")
        return data.decode()

    oordelen = upload.beoordeel([("a/../x.json", b"ok"), ("boom", b"boom"), (None, b""), ("groot", b"x" * 11)],
                                lees, max_bytes=10)
    assert [o.ok for o in oordelen] == [True, False, False, False]
    assert oordelen[0].naam == "x.json" and oordelen[0].inhoud == "ok"
    assert oordelen[2].melding.startswith("‘(zonder naam)’ is leeg")


# -- set-aside werkmap files are announced on their own page -----------------------------------------------
def test_corrupt_start_file_found_by_another_page_is_announced_on_the_start_page(werkmap_dir):
    from samenschool.werkmap import Werkmap
    from samenschool.widgets import naam, reflectie

    werkmap_dir.mkdir(parents=True)
    (werkmap_dir / "00_start.json").write_text('{"versie": 2, "antwoorden": [kapot', encoding="utf-8")
    # the navigation of module 01 reads the start page's route: it finds the broken file
    assert Werkmap(werkmap_dir).get("00_start", "route") is None
    assert list(werkmap_dir.glob("00_start.onleesbaar-*.json"))
    # a page of module 01 does not show it ...
    view01 = reflectie.maak("01_gelijke_kansen", "reflectie", "Vraag?", werkmap=Werkmap(werkmap_dir))
    assert "00_start" not in view01.status.value
    # ... the start page does, once
    start = naam.maak(werkmap=Werkmap(werkmap_dir))
    assert "Je bewaarde antwoorden voor &#x27;00_start&#x27; konden niet gelezen worden" in start.status.value
    assert "onleesbaar-" in start.status.value
    assert "konden niet" not in naam.maak(werkmap=Werkmap(werkmap_dir)).status.value


def test_set_aside_by_the_page_itself_is_shown_once(werkmap_dir):
    from samenschool.werkmap import Werkmap
    from samenschool.widgets import reflectie

    werkmap_dir.mkdir(parents=True)
    (werkmap_dir / "01_gelijke_kansen.json").write_bytes(b"\xff\xfe kapot")
    view = reflectie.maak("01_gelijke_kansen", "reflectie", "Vraag?", werkmap=Werkmap(werkmap_dir))
    assert view.status.value.count("konden niet gelezen worden") == 1
    again = reflectie.maak("01_gelijke_kansen", "reflectie", "Vraag?", werkmap=Werkmap(werkmap_dir))
    assert "konden niet gelezen worden" not in again.status.value


# -- a werkmap that cannot be written -------------------------------------------------------------------------
def test_read_only_werkmap_tells_the_truth_and_keeps_the_text(werkmap_dir, monkeypatch):
    import tempfile

    from samenschool.werkmap import Werkmap
    from samenschool.widgets import reflectie

    view = reflectie.maak("01_gelijke_kansen", "reflectie", "Vraag?", werkmap=Werkmap(werkmap_dir))

    def mkstemp(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    view.tekst.value = "Dit wil ik niet kwijt."
    status = view.status.value
    assert "Niet bewaard" in status and "alleen-lezen" in status and "ss-niet-bewaard" in status
    assert "zijn niet verloren" not in status  # the old general message was not true here
    assert view.tekst.value == "Dit wil ik niet kwijt."
    monkeypatch.undo()
    view.tekst.value = "Dit wil ik niet kwijt!"
    assert "Bewaard ✓" in view.status.value
    assert Werkmap(werkmap_dir).get("01_gelijke_kansen", "reflectie") == "Dit wil ik niet kwijt!"


def test_deep_copy_of_plan_data_is_untouched_by_checks():
    data = voorbeeld().to_dict()
    before = copy.deepcopy(data)
    from samenschool.vertelgesprek.model import controleer_vorm

    assert [p for p in controleer_vorm(data) if p.blokkeert] == []
    assert data == before


# -- command-line usage mistakes: Dutch, with where to find help ----------------------------------------------
@pytest.mark.parametrize("argv, words", [
    (["werkmap", "export"], "dit ontbreekt nog: --uit"),
    (["vertelgesprek", "--naar", "pdf"], "'pdf' kennen we niet"),
    (["start", "--poort", "²"], "'²' is geen poort"),
    (["start", "--poort", "9" * 5000], "is geen poort"),
    (["bestaatniet"], "kennen we niet"),
])
def test_usage_mistakes_get_a_dutch_message(capsys, argv, words):
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert err.startswith("Fout: ") and words in err and "--help" in err, err
    assert "error" not in err and "usage" not in err


def test_huge_werkmap_file_is_set_aside_without_reading_it(werkmap_dir, monkeypatch):
    from samenschool.werkmap import Werkmap

    werkmap_dir.mkdir(parents=True)
    path = werkmap_dir / "01_gelijke_kansen.json"
    path.write_text("{}")
    monkeypatch.setattr(validatie, "MAX_WERKMAPBESTAND", 1)
    wm = Werkmap(werkmap_dir)
    assert wm.load("01_gelijke_kansen") == {}
    assert "konden niet gelezen worden" in wm.meldingen[0]
    assert list(werkmap_dir.glob("01_gelijke_kansen.onleesbaar-*.json"))


def test_werkboek_export_says_which_file_it_set_aside(tmp_path, capsys, werkmap_dir):
    werkmap_dir.mkdir(parents=True)
    (werkmap_dir / "02_partnerschap.json").write_text("{kapot", encoding="utf-8")
    code, text = _run(capsys, "werkmap", "export", "--uit", tmp_path / "boek.md")
    assert code == 0, text
    assert "Let op: Je bewaarde antwoorden voor '02_partnerschap' konden niet gelezen worden" in text


# -- the cost list (module 06) through the same limits ----------------------------------------------------
def test_cost_list_dev_zero_huge_amounts_and_non_characters(tmp_path, capsys):
    code, text = _run(capsys, "kosten", "/dev/zero", "--schooljaar", "2025-2026")
    _assert_dutch_failure(code, text, "te groot")
    lijst = tmp_path / "kosten.csv"
    lijst.write_text("omschrijving,maand,bedrag,categorie\n"
                     f"Zwemmen,september,{'9' * 5000},scherpe maximumfactuur\n"
                     "Boek\ufffe,oktober,12,scherpe maximumfactuur\n"
                     "Uitstap,november,1e999,scherpe maximumfactuur\n", encoding="utf-8")
    code, text = _run(capsys, "kosten", lijst, "--schooljaar", "2025-2026", "--naar", "docx", "--uit", tmp_path / "uit")
    assert code == 0, text
    for word in TRACEBACK_WORDS:
        assert word not in text
    assert "te groot voor een schoolkost" in text and "9" * 100 not in text
    assert "'1e999' is geen bedrag" in text
    from docx import Document

    (docx,) = (tmp_path / "uit").iterdir()
    assert "Boek" in "\n".join(p.text for t in Document(str(docx)).tables for r in t.rows for p in r.cells[0].paragraphs) \
        or docx.stat().st_size > 1000


def test_action_plan_file_through_the_same_limits(tmp_path, capsys):
    code, text = _run(capsys, "actieplan", "/dev/zero", "--uit", tmp_path / "uit")
    _assert_dutch_failure(code, text, "te groot")
    for raw, words in (("[" * 100_000 + "]" * 100_000, "te diep genest"),
                       ('{"school": ' + "9" * 5000 + "}", "getal dat te groot is"),
                       ('{"school": "a\\ufffe"}', "U+FFFE"), ('{"school": NaN}', "geen geldige JSON")):
        path = tmp_path / "plan.json"
        path.write_text(raw, encoding="utf-8")
        code, text = _run(capsys, "actieplan", path, "--uit", tmp_path / "uit")
        _assert_dutch_failure(code, text, words)
