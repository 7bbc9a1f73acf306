"""The facilitator guide's schedules are computed from the notebooks' metadata, never retyped."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from samenschool import gids, leerpad
from samenschool.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def kopie(tmp_path, monkeypatch):
    """A copy of notebooks/, exercises/ and datasets/ with an empty facilitator_guide/ (SAMENSCHOOL_ROOT)."""
    for naam in ("notebooks", "exercises", "datasets"):
        shutil.copytree(REPO / naam, tmp_path / naam)
    (tmp_path / "facilitator_guide").mkdir()
    monkeypatch.setenv("SAMENSCHOOL_ROOT", str(tmp_path))
    monkeypatch.delenv("SAMENSCHOOL_DATASETS", raising=False)
    _vergeet()
    yield tmp_path
    _vergeet()


def _vergeet():
    leerpad.vergeet()
    getattr(gids.routes_info, "cache_clear", lambda: None)()  # a test may have replaced it


@pytest.fixture(autouse=True)
def _verse_cache():
    _vergeet()
    yield
    _vergeet()


def zet_metadata(root: Path, module_id: str, **velden) -> None:
    path = root / "notebooks" / f"{module_id}.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    meta = nb["metadata"]["samenschool"]
    for sleutel, waarde in velden.items():
        if sleutel == "uitleg":
            meta["tijd"][sleutel] = waarde
        else:
            meta[sleutel] = waarde
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    _vergeet()


def zet_activiteiten(root: Path, module_id: str, **per_sleutel) -> None:
    """Change declared activities: ``sorteer={"minuten": 20, "optioneel": True}``."""
    path = root / "notebooks" / f"{module_id}.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    for act in nb["metadata"]["samenschool"]["activiteiten"]:
        act.update(per_sleutel.get(act["sleutel"], {}))
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    _vergeet()


def geen_optionele(root: Path, module_id: str) -> None:
    mod = leerpad.module(module_id)
    zet_activiteiten(root, module_id, **{a.sleutel: {"optioneel": False} for a in mod.activiteiten})


def test_every_route_has_a_title_audience_time_and_modules_that_exist():
    bestaand = {m.id for m in leerpad.modules()}
    routes = gids.routes_info()
    assert set(routes) == {"lerarenopleiding", "schoolteam", "zelfstudie"}
    for naam, route in routes.items():
        assert route["titel"] and route["publiek"], naam
        assert route["beschikbaar_min"] == sum(s["beschikbaar_min"] for s in route["sessies"]), naam
        assert route["modules"] and route["modules"][0] == "00_start", naam
        missing = [m for m in route["modules"] if m not in bestaand]
        assert not missing, f"{naam}: deze modules bestaan niet (of hebben geen metadata): {missing}"
    assert routes["lerarenopleiding"]["beschikbaar_min"] == 180
    assert [s["beschikbaar_min"] for s in routes["lerarenopleiding"]["sessies"]] == [90, 90]
    assert routes["schoolteam"]["beschikbaar_min"] == 180
    assert routes["zelfstudie"]["beschikbaar_min"] == 120


def test_the_schedule_follows_the_notebook_metadata(kopie):
    route = "lerarenopleiding"
    voor = gids.schema_markdown(route)
    mod = leerpad.module("03_drempels")
    assert f"| {mod.uitleg_min} min | {mod.activiteit_min} min | {mod.totaal_min} min |" in voor

    zet_metadata(kopie, "03_drempels", uitleg=mod.uitleg_min + 7)
    na = gids.schema_markdown(route)
    assert na != voor
    assert f"| {mod.uitleg_min + 7} min | {mod.activiteit_min} min | {mod.totaal_min + 7} min |" in na
    totaal = sum(s.totaal_min for s in gids.sessies(route))
    assert f"Alles samen: **{totaal} min**" in na


def test_start_times_add_up_and_a_long_session_gets_one_break(kopie):
    for naam in gids.routes_info():
        for sessie in gids.sessies(naam):
            minuten = [o.totaal_min for o in sessie.onderdelen]
            assert sessie.totaal_min == sum(minuten) + (10 if sessie.beschikbaar_min >= 90 and len(minuten) > 1 else 0)
            text = gids.schema_markdown(naam)
            assert text.count("| Pauze |") == sum(1 for s in gids.sessies(naam) if s.pauze_na is not None)
    # the end time of the first session is its total
    sessie = gids.sessies("schoolteam")[0]
    assert f"| {sessie.totaal_min // 60}:{sessie.totaal_min % 60:02d} | Einde |" in gids.schema_markdown("schoolteam")


def _maak_te_lang(monkeypatch, route: str, extra: int) -> None:
    """One session with modules 00-03 that has ``extra`` minutes too few (negative: spare time)."""
    routes = copy.deepcopy(gids.routes_info())
    monkeypatch.setattr(gids, "routes_info", lambda: routes)
    routes[route]["sessies"] = [{"titel": "Test", "beschikbaar_min": 1000, "onderdelen": [
        "00_start", "01_gelijke_kansen", "02_partnerschap", "03_drempels"]}]
    nodig = gids.sessies(route)[0].totaal_min
    assert nodig - extra >= 90, "te weinig minuten in de notebooks voor deze test"
    routes[route]["sessies"][0]["beschikbaar_min"] = nodig - extra


def test_when_it_does_not_fit_it_names_the_optional_activities_to_drop(kopie, monkeypatch):
    route = "lerarenopleiding"
    for mod in ("00_start", "03_drempels"):
        geen_optionele(kopie, mod)
    zet_activiteiten(kopie, "01_gelijke_kansen", scenario={"titel": "Lange activiteit", "minuten": 20, "optioneel": True},
                     sorteer={"optioneel": False},
                     reflectie={"titel": "Korte activiteit", "minuten": 5, "optioneel": True})
    zet_activiteiten(kopie, "02_partnerschap", waarden_weging={"titel": "Middelste activiteit", "minuten": 8,
                                                               "optioneel": True},
                     impact={"optioneel": False})
    _maak_te_lang(monkeypatch, route, extra=12)
    sessie = gids.sessies(route)[0]
    assert sessie.teveel_min == 12
    text = gids.schema_markdown(route)
    assert "**Past niet:**" in text and "12 min te veel" in text
    # 5 + 8 = 13 covers 12 with fewer minutes than 20 alone
    assert "- Activiteit 3: Korte activiteit (01_gelijke_kansen, 5 min)" in text
    assert "- Activiteit 2: Middelste activiteit (02_partnerschap, 8 min)" in text
    assert "- Activiteit 1: Lange activiteit" not in text
    assert f"Dan duurt de sessie {sessie.totaal_min - 13} min." in text


def test_when_nothing_is_optional_it_says_so_and_gives_the_minutes(kopie, monkeypatch):
    route = "lerarenopleiding"
    for mod in ("00_start", "01_gelijke_kansen", "02_partnerschap", "03_drempels"):
        geen_optionele(kopie, mod)
    _maak_te_lang(monkeypatch, route, extra=9)
    text = gids.schema_markdown(route)
    assert "9 min te veel" in text and "als optioneel gemarkeerd" in text


def test_schedule_that_fits_says_so(kopie, monkeypatch):
    route = "lerarenopleiding"
    _maak_te_lang(monkeypatch, route, extra=-4)
    text = gids.schema_markdown(route)
    assert "**Past:**" in text and "(4 min speling)" in text and "Dat past." in text


def test_te_schrappen_picks_the_smallest_cover():
    a, b, c = (gids.Optioneel("m", t, n) for t, n in (("a", 15), ("b", 10), ("c", 6)))
    assert gids.te_schrappen([a, b, c], 14) == [a]
    assert gids.te_schrappen([a, b, c], 16) == [b, c]
    assert gids.te_schrappen([a, b, c], 40) is None


def test_a_missing_module_gives_a_clear_dutch_error(kopie):
    (kopie / "notebooks" / "00_start.ipynb").unlink()
    _vergeet()
    from samenschool.errors import SamenschoolError

    with pytest.raises(SamenschoolError, match="00_start"):
        gids.schema_markdown("zelfstudie")


def test_maak_and_controleer_on_a_copy(kopie, capsys):
    assert main(["gids", "controleer"]) == 1
    assert main(["gids", "maak"]) == 0
    for route in gids.routes_info():
        assert (kopie / "facilitator_guide" / f"tijdschema_{route}.md").exists()
    assert main(["gids", "controleer"]) == 0
    zet_metadata(kopie, "00_start", uitleg=leerpad.module("00_start").uitleg_min + 1)
    assert main(["gids", "controleer"]) == 1
    assert "samenschool gids maak" in capsys.readouterr().out


def test_the_committed_schedules_are_up_to_date():
    problemen = gids.controleer(REPO)
    assert not problemen, "Draai `samenschool gids maak`: " + "; ".join(problemen)


def test_the_guide_links_every_schedule_and_names_no_missing_quote():
    import csv
    import re

    gids_map = REPO / "facilitator_guide"
    index = (gids_map / "README.md").read_text(encoding="utf-8")
    for route in gids.routes_info():
        assert f"tijdschema_{route}.md" in index
    ids = {row["id"] for row in csv.DictReader((REPO / "datasets" / "citaten.csv").open(encoding="utf-8"))}
    for path in gids_map.glob("*.md"):
        genoemd = set(re.findall(r"\bC\d{3}\b", path.read_text(encoding="utf-8")))
        assert genoemd <= ids, f"{path.name}: onbekende citaten {sorted(genoemd - ids)}"


def test_the_minutes_named_in_the_module_notes_match_the_notebooks():
    """per_module.md says "Op de pagina: N minuten" per module: N must be the notebook's total."""
    import re

    text = (REPO / "facilitator_guide" / "per_module.md").read_text(encoding="utf-8")
    delen = re.split(r"^## (\d\d) ", text, flags=re.M)
    gevonden = {}
    for nummer, inhoud in zip(delen[1::2], delen[2::2]):
        match = re.search(r"Op de pagina: (\d+) minuten", inhoud)
        assert match, f"module {nummer}: geen 'Op de pagina: N minuten'"
        gevonden[nummer] = int(match.group(1))
    for mod in leerpad.modules():
        nummer = mod.id[:2]
        assert gevonden.get(nummer) == mod.totaal_min, (
            f"per_module.md noemt {gevonden.get(nummer)} minuten voor {mod.id}, de pagina zegt {mod.totaal_min}")


def test_waar_lists_every_module_of_a_route_in_order():
    for naam, route in gids.routes_info().items():
        rijen = gids.waar(naam)
        assert [r[0] for r in rijen] == route["modules"]
        assert {r[1] for r in rijen} <= {"vooraf", "sessie", "nadien"}
