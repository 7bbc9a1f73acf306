"""Room mode without a browser: participant ids, the register, the kernel's folder choice,
the projector view's aggregation, werkboeken per participant, the launcher's lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samenschool import app, deelnemer, klas, zaal
from samenschool.errors import SamenschoolError
from samenschool.server import is_begeleider_notebook


# -- ids ------------------------------------------------------------------------------------
def test_ids_are_random_signed_and_checked(tmp_path):
    sleutel = deelnemer.lees_of_maak_sleutel(tmp_path)
    assert deelnemer.lees_of_maak_sleutel(tmp_path) == sleutel  # kept across restarts
    assert (tmp_path / "deelnemers" / ".sleutel").stat().st_mode & 0o077 == 0  # owner only
    a, b = deelnemer.nieuwe_cookie(sleutel), deelnemer.nieuwe_cookie(sleutel)
    assert a != b
    assert deelnemer.controleer_cookie(sleutel, a) == a.split(".")[0]
    forged = a.split(".")[0] + "." + "0" * 64
    assert deelnemer.controleer_cookie(sleutel, forged) is None
    foreign = deelnemer.nieuwe_cookie(b"x" * 32)  # signed by another kit's server
    assert deelnemer.controleer_cookie(sleutel, foreign) is None
    for bad in (None, "", "../../etc", a + "x", a.upper()):
        assert deelnemer.controleer_cookie(sleutel, bad) is None


def test_register_numbers_in_join_order_and_keeps_no_ids(tmp_path):
    register = deelnemer.Register(tmp_path)
    ids = ["a" * 32, "b" * 32, "c" * 32]
    assert [register.schrijf_in(i) for i in ids] == [1, 2, 3]
    assert register.schrijf_in("b" * 32) == 2  # the same participant keeps their number
    assert register.nummers() == [1, 2, 3]
    text = (tmp_path / "deelnemers" / "register.json").read_text()
    assert all(i not in text for i in ids)
    # a lost register never hands out the number of a folder that exists
    (tmp_path / "deelnemers" / "register.json").unlink()
    (tmp_path / "deelnemers" / "deelnemer-007").mkdir()
    assert register.schrijf_in("d" * 32) == 8
    with pytest.raises(Exception):
        register.schrijf_in("../x")


def test_kernel_folder_comes_from_the_servers_header_only(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMENSCHOOL_WERKMAP", str(tmp_path))
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv(deelnemer.HEADER_ENV, "3")
    monkeypatch.delenv(deelnemer.KLAS_ENV_VAR, raising=False)
    assert deelnemer.deelnemer_map() is None  # not in room mode: no participants
    monkeypatch.setenv(deelnemer.KLAS_ENV_VAR, "1")
    assert deelnemer.deelnemer_map() == tmp_path / "deelnemers" / "deelnemer-003"
    from samenschool.werkmap import Werkmap

    assert Werkmap.default().folder == tmp_path / "deelnemers" / "deelnemer-003"
    for bad in ("../1", "0", "-1", "abc", "1; x"):
        monkeypatch.setenv(deelnemer.HEADER_ENV, bad)
        assert deelnemer.deelnemer_map() is None
    monkeypatch.delenv(deelnemer.HEADER_ENV)
    assert Werkmap.default().folder == tmp_path  # the facilitator's own pages


def test_begeleider_notebooks_are_marked_in_metadata(tmp_path):
    marked = tmp_path / "gids.ipynb"
    marked.write_text(json.dumps({"cells": [], "metadata": {"samenschool": {"begeleider": True}}}))
    plain = tmp_path / "les.ipynb"
    plain.write_text(json.dumps({"cells": [], "metadata": {"samenschool": {"titel": "Les"}}}))
    broken = tmp_path / "kapot.ipynb"
    broken.write_text("{")
    assert is_begeleider_notebook(marked)
    assert not is_begeleider_notebook(plain)
    assert not is_begeleider_notebook(broken)
    real = sorted(Path(__file__).resolve().parent.parent.glob("notebooks/[0-9][0-9]_*.ipynb"))
    assert real and not any(is_begeleider_notebook(p) for p in real if p.stem[:2] in {"00", "01", "02", "03"})


# -- the projector view ---------------------------------------------------------------------
def _antwoord(waarde, vraag="", tekst="", activiteit=None):
    return {"waarde": waarde, "vraag": vraag, "tekst": tekst, "delen": None, "activiteit": activiteit,
            "activiteit_titel": "", "activiteit_nr": 1, "volgorde": 0, "bijgewerkt": "2026-12-04T15:00:00+00:00"}


def _schrijf(basis: Path, nummer: int, module: str, antwoorden: dict, bijgewerkt="2026-12-04T15:00:00+00:00",
             titel=None):
    folder = basis / "deelnemers" / deelnemer.map_naam(nummer)
    folder.mkdir(parents=True, exist_ok=True)
    content = {"versie": 2, "module": module, "titel": titel or module, "bijgewerkt": bijgewerkt,
               "antwoorden": antwoorden, "toestand": {}}
    (folder / f"{module}.json").write_text(json.dumps(content), encoding="utf-8")


def test_who_is_where_counts_the_module_of_each_last_answer(tmp_path):
    _schrijf(tmp_path, 1, "01_gelijke_kansen", {"x": _antwoord("a")}, "2026-12-04T15:00:00+00:00", "Gelijke kansen")
    _schrijf(tmp_path, 1, "02_partnerschap", {"x": _antwoord("a")}, "2026-12-04T15:05:00+00:00")
    _schrijf(tmp_path, 2, "01_gelijke_kansen", {"x": _antwoord("a")}, "2026-12-04T15:01:00+00:00", "Gelijke kansen")
    (tmp_path / "deelnemers" / "deelnemer-003").mkdir()  # joined, nothing saved yet
    result = zaal.waar(zaal.lees_deelnemers(tmp_path))
    assert result["deelnemers"] == 3
    rijen = {r["module"]: r for r in result["rijen"]}
    assert rijen["01_gelijke_kansen"] == {"module": "01_gelijke_kansen", "titel": "Gelijke kansen", "nu": 1, "gedaan": 2}
    assert rijen["02_partnerschap"]["nu"] == 1


def test_sorting_per_quote_beside_the_parents_reading(tmp_path):
    vraag = "“Het onderwijs is heel duur …” Bij welk thema hoort dit?"
    for nummer, (waarde, tekst) in enumerate([("betaalbaarheid", "Betaalbaarheid"), ("betaalbaarheid", "Betaalbaarheid"),
                                              ("talenten", "Talenten")], start=1):
        _schrijf(tmp_path, nummer, "01_gelijke_kansen", {"sorteer.C001": _antwoord(waarde, vraag, tekst, "sorteer")})
    result = zaal.sortering(zaal.lees_deelnemers(tmp_path), {"C001": "Betaalbaarheid"}.get)
    assert len(result) == 1
    item = result[0]
    assert item["vraag"] == vraag and item["totaal"] == 3 and item["eens"] == 2 and item["groep"] == "Betaalbaarheid"
    assert [(k["label"], k["aantal"], k["groep"]) for k in item["keuzes"]] == [
        ("Betaalbaarheid", 2, True), ("Talenten", 1, False)]


def test_placements_and_value_weights(tmp_path):
    treden = ["Samen weten", "Samen leven", "Samen doen"]
    _schrijf(tmp_path, 1, "02_partnerschap", {"plaatsing": _antwoord({"nu": "Samen weten", "doel": "Samen doen"}),
                                              "waarden_weging": _antwoord({"gelijk": 3, "wederkerig": 1})})
    _schrijf(tmp_path, 2, "02_partnerschap", {"plaatsing": _antwoord({"nu": "Samen weten"}),
                                              "waarden_weging": _antwoord({"gelijk": 2, "wederkerig": True})})
    people = zaal.lees_deelnemers(tmp_path)
    plaats = zaal.plaatsing(people, treden)
    assert [(r["trede"], r["nu"], r["doel"]) for r in plaats["rijen"]] == [
        ("Samen weten", 2, 0), ("Samen leven", 0, 0), ("Samen doen", 0, 1)]
    weeg = zaal.weging(people, {"gelijk": "Gelijkwaardigheid", "wederkerig": "Wederkerigheid"})
    assert weeg["aantal"] == 2
    assert [(r["naam"], r["gemiddeld"], r["aantal"]) for r in weeg["rijen"]] == [
        ("Gelijkwaardigheid", 2.5, 2), ("Wederkerigheid", 1.0, 1)]  # a bool is no weight


def test_barrier_map_from_every_participant_mean_and_spread(tmp_path):
    namen = {"taal": "Taal", "tijd": "Tijd"}
    _schrijf(tmp_path, 1, "03_drempels", {"teamkaart": _antwoord({"leden": {"Teamlid 1": {"taal": 3, "tijd": 0}}})})
    _schrijf(tmp_path, 2, "03_drempels", {"teamkaart": _antwoord({"leden": {"Teamlid 1": {"taal": 1, "tijd": 0},
                                                                             "Teamlid 2": {"taal": 2, "tijd": 9}}})})
    kaart = zaal.drempelkaart(zaal.lees_deelnemers(tmp_path), namen)
    assert kaart["leden"] == 3
    taal, tijd = kaart["rijen"]
    assert (taal["naam"], taal["gemiddeld"], taal["laagste"], taal["hoogste"]) == ("Taal", 2.0, 1, 3)
    assert taal["spreiding"] == pytest.approx(0.8165, abs=1e-3)
    assert (tijd["gemiddeld"], tijd["aantal"]) == (0.0, 2)  # 9 is no weight: skipped


def test_reflection_wall_is_anonymous_one_at_a_time_and_hideable(tmp_path):
    _schrijf(tmp_path, 1, "02_partnerschap", {"reflectie": _antwoord("Ik wil meer luisteren.", "Welke waarde?",
                                                                     "Ik wil meer luisteren.", "reflectie")})
    _schrijf(tmp_path, 2, "02_partnerschap", {"reflectie": _antwoord("Huisbezoeken.", "Welke waarde?",
                                                                     "Huisbezoeken.", "reflectie"),
                                              "plaatsing": _antwoord({"nu": "Samen weten"})})
    _schrijf(tmp_path, 2, "00_start", {"naam": _antwoord({"naam": "An"}, "Je naam", "An", "naam")})
    items = zaal.reflecties(zaal.lees_deelnemers(tmp_path), lambda m, a, s: a.get("activiteit") == "reflectie")
    assert sorted(i["tekst"] for i in items) == ["Huisbezoeken.", "Ik wil meer luisteren."]
    assert all(set(i) == {"id", "module", "titel", "vraag", "tekst"} for i in items)  # no number, no name
    eerste = zaal.muur(items, set(), 0)
    assert eerste["totaal"] == 2 and eerste["nummer"] == 1
    assert zaal.muur(items, set(), 1)["huidig"] != eerste["huidig"]
    assert zaal.muur(items, set(), 2)["huidig"] == eerste["huidig"]  # wraps around
    verborgen = zaal.muur(items, {eerste["huidig"]["id"]}, 0)
    assert verborgen["totaal"] == 1 and verborgen["verborgen"] == 1
    assert verborgen["huidig"]["id"] != eerste["huidig"]["id"]
    assert zaal.muur(items, {i["id"] for i in items}, 0)["huidig"] is None


def test_projector_content_renders_escaped_with_a_text_under_every_chart(tmp_path):
    from samenschool.server import Klas

    _schrijf(tmp_path, 1, "03_drempels", {"teamkaart": _antwoord({"leden": {"Teamlid 1": {"taal": 3}}})})
    _schrijf(tmp_path, 1, "02_partnerschap", {"reflectie": _antwoord("<script>x</script>", "Vraag", "<script>x</script>",
                                                                     "reflectie")})
    k = Klas(tmp_path, klas=False, token="t", basis=tmp_path)
    html = zaal.inhoud_html(k)
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    assert html.count('class="alt"') >= 1 and "Taal" in html and "gemiddeld 3,0" in html
    assert "deelnemer-001" not in html


def test_qr_code_holds_the_participants_address():
    svg = zaal.qr_svg("http://192.168.1.20:8866/")
    assert svg.startswith("<svg") and "http://192.168.1.20:8866/" in svg
    text = app.qr_terminal("http://192.168.1.20:8866/")
    assert len(text.splitlines()) > 10


# -- werkboeken ----------------------------------------------------------------------------
def test_werkboeken_numbered_by_join_order_with_own_names(tmp_path):
    from samenschool.werkmap import Werkmap

    basis = tmp_path / "werkmap"
    for nummer in (2, 10, 1):
        wm = Werkmap(basis / "deelnemers" / deelnemer.map_naam(nummer))
        _bewaar(wm, "02_partnerschap", "reflectie", f"antwoord {nummer}")
    _bewaar(Werkmap(basis / "deelnemers" / "deelnemer-010"), "00_start", "naam", {"naam": "Émile O'Brien"})
    (basis / "deelnemers" / "deelnemer-004").mkdir()  # joined, never answered: no werkboek
    files = sorted(p.name for p in klas.export_deelnemers(basis, tmp_path / "uit"))
    assert files == [f"{stem}.{ext}" for stem in ("deelnemer-01", "deelnemer-02", "deelnemer-10-emile-o-brien")
                     for ext in ("docx", "html", "md")]
    assert "antwoord 10" in (tmp_path / "uit" / "deelnemer-10-emile-o-brien.md").read_text()


def _bewaar(wm, module, sleutel, waarde):
    from samenschool.antwoord import Antwoord

    wm.bewaar(module, Antwoord.nieuw(module, sleutel, waarde, vraag=sleutel, tekst=str(waarde)))


# -- the launcher -----------------------------------------------------------------------------
def test_launcher_addresses_and_command():
    deelnemers, begeleider = app.klas_adressen(8866, "abc", ip="192.168.1.20")
    assert deelnemers == "http://192.168.1.20:8866/"
    assert begeleider == "http://192.168.1.20:8866/zaal?token=abc"
    cmd = app.voila_command(8866, "0.0.0.0", klas=True, deelnemers=25)
    assert cmd[1:3] == ["-m", "samenschool.server"]
    assert "--SamenschoolVoila.klas=True" in cmd and "--SamenschoolVoila.deelnemers=25" in cmd
    assert app.probe_url(8866, "0.0.0.0").endswith(app.PROBE_PATH) and "/voila/render" not in app.PROBE_PATH


def test_start_refuses_a_bad_number_of_participants(capsys):
    from samenschool import cli

    assert cli.main(["start", "--netwerk", "--deelnemers", "-1", "--geen-browser"]) == 1
    assert "--deelnemers" in capsys.readouterr().err
    assert cli.main(["start", "--deelnemers", "3", "--geen-browser"]) == 1
    assert "--netwerk" in capsys.readouterr().err
    assert cli.main(["start", "--route", "schoolteam", "--geen-browser"]) == 1
    assert "--netwerk" in capsys.readouterr().err
    assert cli.main(["start", "--netwerk", "--route", "schoolteam", "--sessie", "4", "--geen-browser"]) == 1
    assert "Kies een sessie van 1 tot 1" in capsys.readouterr().err


def test_start_passes_the_sessions_pages_to_the_server(monkeypatch):
    from samenschool import cli

    gekregen = {}
    monkeypatch.setattr(app, "serve", lambda *a, **kw: gekregen.update(kw) or 0)
    assert cli.main(["start", "--netwerk", "--route", "lerarenopleiding", "--geen-browser"]) == 0
    assert gekregen["paginas"] == ("notebooks/03_drempels.ipynb",)  # the start page is always warm
    assert cli.main(["start", "--netwerk", "--geen-browser"]) == 0
    assert gekregen["paginas"] == ("notebooks/01_gelijke_kansen.ipynb", "notebooks/03_drempels.ipynb")
    assert cli.main(["start", "--geen-browser"]) == 0
    assert gekregen["paginas"] == () and gekregen["deelnemers"] == 0  # alone: no pools
    cmd = app.voila_command(8866, klas=True, deelnemers=5, paginas=["notebooks/03_drempels.ipynb"])
    assert "--SamenschoolVoila.paginas=notebooks/03_drempels.ipynb" in cmd


def test_werkmap_klas_command_writes_the_werkboeken(tmp_path, monkeypatch, capsys):
    from samenschool import cli
    from samenschool.werkmap import Werkmap

    monkeypatch.setenv("SAMENSCHOOL_WERKMAP", str(tmp_path / "wm"))
    assert cli.main(["werkmap", "klas", "--uit", str(tmp_path / "leeg")]) == 1
    assert "nog geen antwoorden van deelnemers" in capsys.readouterr().out
    for nummer in (1, 2):
        _bewaar(Werkmap(tmp_path / "wm" / "deelnemers" / deelnemer.map_naam(nummer)), "02_partnerschap",
                "reflectie", f"antwoord {nummer}")
    assert cli.main(["werkmap", "klas", "--uit", str(tmp_path / "klas")]) == 0
    assert "2 werkboek(en)" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "klas").iterdir()) == [
        f"deelnemer-0{n}.{ext}" for n in (1, 2) for ext in ("docx", "html", "md")]


def test_wipes_say_what_they_wipe_and_wipe_only_that(tmp_path, monkeypatch, capsys):
    from samenschool import cli
    from samenschool.werkmap import Werkmap

    basis = tmp_path / "wm"
    monkeypatch.setenv("SAMENSCHOOL_WERKMAP", str(basis))
    _bewaar(Werkmap(basis), "02_partnerschap", "reflectie", "van de begeleider")
    for nummer in (1, 2, 3):
        _bewaar(Werkmap(basis / "deelnemers" / deelnemer.map_naam(nummer)), "02_partnerschap", "reflectie", f"{nummer}")
    deelnemer.Register(basis).schrijf_in("a" * 32)

    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("nee\n"))
    assert cli.main(["werkmap", "wis", "--klas"]) == 1  # asks first, shows how many
    out = capsys.readouterr().out
    assert "3 deelnemer(s)" in out and "Niets gewist." in out
    assert len(klas.deelnemer_mappen(basis)) == 3

    assert cli.main(["werkmap", "wis", "--ja"]) == 0  # the facilitator's own answers only
    out = capsys.readouterr().out
    assert "eigen antwoorden" in out and "3 deelnemer(s) blijven staan" in out
    assert Werkmap(basis).modules() == [] and len(klas.deelnemer_mappen(basis)) == 3

    _bewaar(Werkmap(basis), "02_partnerschap", "reflectie", "van de begeleider")
    assert cli.main(["werkmap", "wis", "--klas", "--ja"]) == 0
    assert "van 3 deelnemer(s)" in capsys.readouterr().out
    assert klas.deelnemer_mappen(basis) == [] and Werkmap(basis).modules() == ["02_partnerschap"]
    assert cli.main(["werkmap", "wis", "--klas", "--ja"]) == 0
    assert "geen antwoorden van deelnemers" in capsys.readouterr().out


def test_start_page_wording_in_room_mode(tmp_path, monkeypatch):
    from samenschool.werkmap import Werkmap
    from samenschool.widgets.werkmap_beheer import WerkmapBeheer

    monkeypatch.setenv("SAMENSCHOOL_WERKMAP", str(tmp_path))
    monkeypatch.setenv(deelnemer.KLAS_ENV_VAR, "1")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv(deelnemer.HEADER_ENV, "4")
    model = WerkmapBeheer(Werkmap.default())
    assert "computer van je begeleider" in model.uitleg_html() and "deze computer" not in model.uitleg_html()
    assert model.begeleider_html() == ""  # no folder, no commands on a participant's page
    assert "deelnemer-004" not in model.uitleg_html()
    monkeypatch.delenv(deelnemer.HEADER_ENV)
    facilitator = WerkmapBeheer(Werkmap.default())
    assert "alleen de jouwe" in facilitator.uitleg_html()
    assert "werkmap wis --klas" in facilitator.begeleider_html()


def zaal_vullen(basis: Path, aantal: int = 3) -> None:
    """Answers as the widgets themselves save them, for ``aantal`` participants."""
    from samenschool import data
    from samenschool.werkmap import Werkmap
    from samenschool.widgets.reflectie import Reflectie
    from samenschool.widgets.schaal import SAMEN_TREDEN, Plaatsing, Weging
    from samenschool.widgets.sorteer import Sorteerder, kies_citaten
    from samenschool.widgets.teamkaart import TeamKaart

    citaten = kies_citaten(data.citaten(), data.themas(), n=3)
    themas = list(data.themas()["id"])
    reflecties = ["Ik wil ouders vaker zelf aanspreken, niet alleen via een briefje.",
                  "De schoolrekening: we kijken samen welke kosten echt nodig zijn.",
                  "Meer tijd maken voor een gesprek aan de schoolpoort."]
    for n in range(1, aantal + 1):
        wm = Werkmap(basis / "deelnemers" / deelnemer.map_naam(n))
        sorteer = Sorteerder("01_gelijke_kansen", citaten, data.themas(), wm)
        for i, cid in enumerate(sorteer.citaat_ids):
            groep = sorteer.groep[cid]
            sorteer.kies(cid, groep if (n + i) % 3 else themas[(themas.index(groep) + 1) % len(themas)])
        plaats = Plaatsing("02_partnerschap", wm)
        plaats.zet("nu", SAMEN_TREDEN[n % 2])
        plaats.zet("doel", SAMEN_TREDEN[3 + n % 2])
        weging = Weging("02_partnerschap", data.waarden(), wm)
        for j, wid in enumerate(weging.namen):
            weging.zet(wid, (j + n) % 4)
        kaart = TeamKaart(wm)
        kaart.add_member(f"Teamlid {n}", {d: (k * n) % 4 for k, d in enumerate(kaart.drempel_ids)})
        Reflectie("02_partnerschap", "reflectie", "Welke waarde wil jij sterker maken?", wm).bewaar(
            reflecties[(n - 1) % len(reflecties)])


def test_projector_reads_what_the_widgets_save(tmp_path):
    zaal_vullen(tmp_path, 3)
    staat = zaal.overzicht(tmp_path)
    assert staat["waar"]["deelnemers"] == 3
    assert len(staat["sortering"]) == 3 and all(c["totaal"] == 3 and c["groep"] for c in staat["sortering"])
    assert sum(c["eens"] for c in staat["sortering"]) == 6  # two of three chose the parents' reading
    assert staat["plaatsing"]["aantal_nu"] == 3 and staat["plaatsing"]["aantal_doel"] == 3
    assert staat["weging"]["aantal"] == 3 and staat["weging"]["rijen"]
    assert staat["drempels"]["leden"] == 3 and len(staat["drempels"]["rijen"]) == 9
    assert staat["muur"]["totaal"] == 3
    from samenschool.server import Klas

    html = zaal.inhoud_html(Klas(tmp_path, klas=False, token="t", basis=tmp_path))
    assert html.count('class="alt"') == 3 + 3  # a text under every chart: 3 quotes, placement, weights, barriers
    from html import escape

    from samenschool import data

    woorden = dict(zip(data.citaten()["id"], data.citaten()["tekst"]))
    for item in staat["sortering"]:  # every sorted quote whole and verbatim, as the report has it
        assert item["woorden"] == woorden[item["citaat"]]
        assert f"“{escape(woorden[item['citaat']])}”" in html


def test_after_the_room_joined_the_pool_keeps_a_few_kernels_only():
    from samenschool.server import pool_na_start

    assert [pool_na_start(n) for n in (1, 2, 5, 10, 25, 60)] == [1, 2, 2, 2, 5, 12]


class _Pools:
    """Voilà's kernel manager, as far as the pools go."""

    def __init__(self, reeks, n):
        self.kernel_pools_config = {"default": {"pool_size": 0}, reeks[0]: {"pool_size": n},
                                    **{p: {"pool_size": 0} for p in reeks[1:]}}
        self._pools: dict = {}
        self.gevuld: list = []
        self.gegeven: list = []

    def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
        self.gevuld.append((notebook_name, delay, self.kernel_pools_config[notebook_name]["pool_size"]))

    def get_pool_size(self, notebook_name):
        return len(self._pools.get(notebook_name, []))

    async def get_rendered_notebook(self, notebook_name, *args, **kwargs):
        self.gegeven.append(notebook_name)
        return "render", [], "kernel"


def test_pools_warm_page_after_page_as_the_room_moves_on():
    import asyncio

    from samenschool.server import VOLGENDE_NA_S, PoolReeks, pool_na_start

    reeks = ["notebooks/00_start.ipynb", "notebooks/01_gelijke_kansen.ipynb", "notebooks/03_drempels.ipynb"]
    km = _Pools(reeks, 25)
    PoolReeks(km, reeks, 25).koppel()
    grootte = {p: km.kernel_pools_config[p]["pool_size"] for p in reeks}
    assert grootte == {reeks[0]: 25, reeks[1]: 0, reeks[2]: 0}  # at first only the start page is warm

    asyncio.run(km.get_rendered_notebook(reeks[0]))
    asyncio.run(km.get_rendered_notebook(reeks[0]))  # the rest of the room: nothing more happens
    assert km.gevuld == [(reeks[1], VOLGENDE_NA_S, 25)]  # module 01 warms for the whole room
    assert km.kernel_pools_config[reeks[0]]["pool_size"] == pool_na_start(25)  # a few for latecomers
    assert km.kernel_pools_config[reeks[2]]["pool_size"] == 0  # not yet: at most two pages full at once

    asyncio.run(km.get_rendered_notebook(reeks[1]))
    assert km.gevuld[-1] == (reeks[2], VOLGENDE_NA_S, 25)
    asyncio.run(km.get_rendered_notebook(reeks[2]))  # the last page: nothing after it
    asyncio.run(km.get_rendered_notebook("notebooks/stemmen.ipynb"))  # a page outside the session
    assert len(km.gevuld) == 2 and "notebooks/stemmen.ipynb" not in km.kernel_pools_config


def test_the_session_of_a_route_names_the_pages_a_room_opens():
    from samenschool import gids
    from samenschool.commands import start

    assert gids.sessie_paginas("schoolteam") == ["notebooks/00_start.ipynb", "notebooks/03_drempels.ipynb",
                                                 "notebooks/04_vertelgesprek.ipynb", "notebooks/07_actieplan.ipynb"]
    assert gids.sessie_paginas("lerarenopleiding", 2) == ["notebooks/04_vertelgesprek.ipynb",
                                                          "exercises/01_casusanalyse.ipynb"]  # no assignment
    for fout in (("schoolteam", 2), ("geen-route", 1)):
        with pytest.raises(SamenschoolError) as exc:
            gids.sessie_paginas(*fout)
        assert "Kies" in str(exc.value)
    for pagina in start.STANDAARD_PAGINAS:
        assert (Path(__file__).resolve().parent.parent / pagina).is_file()


def test_static_files_only_images_next_to_the_learner_pages():
    import re

    from samenschool.server import BESTAND, LEERPAGINA

    ok = ["notebooks/img/kaart.png", "exercises/schema.svg"]
    nee = ["notebooks/../exercises/bron/a.png", "exercises/bron/a.png", "src/a.png", "notebooks/01.ipynb",
           "datasets/citaten.csv"]
    assert all(re.fullmatch(BESTAND, p) for p in ok) and not any(re.fullmatch(BESTAND, p) for p in nee)
    assert LEERPAGINA.fullmatch("notebooks/01_gelijke_kansen.ipynb") and LEERPAGINA.fullmatch("exercises/01_x.ipynb")
    for path in ("exercises/bron/01_x.ipynb", "notebooks/../src/a.ipynb", "benchmarks/floor.ipynb", "notebooks/.x.ipynb"):
        assert not LEERPAGINA.fullmatch(path), path


def test_module_06_estimates_of_the_group(tmp_path):
    from samenschool.server import Klas

    vraag = "Wat kost een schooljaar voor één kind?"
    for nummer, bedrag in ((1, 300), (2, 1250), (3, 800), (4, True)):
        _schrijf(tmp_path, nummer, "06_schoolkosten",
                 {"schatting": _antwoord({"bedrag": bedrag}, vraag, f"€ {bedrag}", "schatting")})
    result = zaal.schattingen(zaal.lees_deelnemers(tmp_path))
    assert (result["aantal"], result["laagste"], result["mediaan"], result["hoogste"]) == (3, 300, 800, 1250)
    assert [r["bedrag"] for r in result["rijen"]] == [300, 800, 1250] and result["vraag"] == vraag
    assert zaal.euro(1250) == "€ 1.250" and zaal.euro(12.5) == "€ 12,50"
    html = zaal.inhoud_html(Klas(tmp_path, klas=False, token="t", basis=tmp_path))
    assert "Module 6" in html and "van € 300 tot € 1.250; de middelste is € 800." in html
    assert "Module 6" not in zaal.inhoud_html(Klas(tmp_path / "leeg", klas=False, token="t", basis=tmp_path / "leeg"))


def test_module_07_barriers_the_plans_tackle_first(tmp_path):
    from samenschool.server import Klas

    for nummer, gekozen in ((1, ["taal", "leefwereld"]), (2, ["taal"]), (3, [])):
        _schrijf(tmp_path, nummer, "07_actieplan", {"kiezen": _antwoord(gekozen, "Kies", "", "kiezen")})
    result = zaal.gekozen_drempels(zaal.lees_deelnemers(tmp_path), {"taal": "Taal", "leefwereld": "Leefwereld"})
    assert result["plannen"] == 2
    assert [(r["naam"], r["aantal"]) for r in result["rijen"]] == [("Taal", 2), ("Leefwereld", 1)]
    html = zaal.inhoud_html(Klas(tmp_path, klas=False, token="t", basis=tmp_path))
    assert "Module 7" in html and "2 actieplannen. Gekozen drempels: Taal 2 keer; Leefwereld 1 keer." in html
