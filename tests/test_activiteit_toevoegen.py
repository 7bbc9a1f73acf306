"""Issue 8: adding an activity in a notebook's metadata shows it in progress, navigation and the
generated schedule, with no other file changed."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from samenschool import gids, koppen, leerpad, pagina, werkboek
from samenschool.antwoord import Antwoord
from samenschool.werkmap import Werkmap

REPO = Path(__file__).resolve().parent.parent
NIEUW = {"sleutel": "gesprek_met_ouder", "titel": "Een gesprek met een ouder", "minuten": 7, "soort": "reflectie"}


def _vergeet():
    leerpad.vergeet()
    gids.routes_info.cache_clear()


@pytest.fixture
def kit(tmp_path, monkeypatch):
    root = tmp_path / "kit"
    for naam in ("notebooks", "exercises", "datasets"):
        shutil.copytree(REPO / naam, root / naam)
    monkeypatch.setenv("SAMENSCHOOL_ROOT", str(root))
    monkeypatch.delenv("SAMENSCHOOL_DATASETS", raising=False)
    _vergeet()
    yield root
    _vergeet()


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _totaal(schema: str) -> int:
    return int(re.search(r"Alles samen: \*\*(\d+) min\*\*", schema).group(1))


def test_a_new_activity_in_the_metadata_shows_everywhere(kit, werkmap, monkeypatch):
    from samenschool.widgets import route
    from samenschool.widgets.module import open_module

    voor_schema = {r: gids.schema_markdown(r) for r in gids.routes_info()}
    voor_module = leerpad.module("03_drempels")
    assert koppen.verschillen(voor_module.pad) == []
    voor = _hashes(kit)

    # the one edit: a fifth activity in 03_drempels' metadata
    pad = kit / "notebooks" / "03_drempels.ipynb"
    nb = json.loads(pad.read_text(encoding="utf-8"))
    nb["metadata"]["samenschool"]["activiteiten"].append(NIEUW)
    pad.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _vergeet()
    mod = leerpad.module("03_drempels")
    assert [a.sleutel for a in mod.activiteiten][-1] == NIEUW["sleutel"] and mod.activiteiten[-1].nummer == 5
    assert mod.totaal_min == voor_module.totaal_min + NIEUW["minuten"]

    # progress: the page's list names it, and it counts
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
    pagina_03 = open_module("03_drempels", werkmap=werkmap)
    pagina_03.voortgang()
    voortgang = shown[-1]
    assert f"○ {NIEUW['titel']}</li>" in voortgang.children[1].value and "0 van 5" in voortgang.children[1].value
    pagina_03.reflectie(NIEUW["sleutel"], "Hoe begin je het gesprek?")  # the page object accepts the new key
    shown[-1].children[1].value = "Ik vraag eerst hoe het met haar kind gaat."
    assert "1 van 5" in voortgang.children[1].value and f"✓ {NIEUW['titel']}</li>" in voortgang.children[1].value

    # navigation: the list of modules, the time box and the routes on the start page show the new total
    nieuw_totaal = voor_module.totaal_min + NIEUW["minuten"]
    assert f'<a href="03_drempels.ipynb">Drempels</a> <span class="ss-hulp">(ongeveer {nieuw_totaal} minuten)' \
        in pagina.modules_html()
    assert f"<strong>{nieuw_totaal} minuten</strong>" in pagina.tijd_html("03_drempels")
    schoolteam = next(r for r in route.routes() if r.id == "schoolteam")
    assert f'href="03_drempels.ipynb">Drempels</a> <span class="ss-hulp">({nieuw_totaal} min)' \
        in route.route_html(schoolteam)

    # the generated schedule: every route with 03_drempels grew by the activity's minutes
    for naam in gids.routes_info():
        na = gids.schema_markdown(naam)
        keer = sum(1 for s in gids.sessies(naam) for o in s.onderdelen if o.id == "03_drempels")
        assert _totaal(na) == _totaal(voor_schema[naam]) + keer * NIEUW["minuten"], naam
        if keer:
            assert f"| `03_drempels` Drempels | {mod.uitleg_min} min | {mod.activiteit_min} min " in na

    # the headings check asks for the new heading
    assert koppen.verschillen(pad) == ["03_drempels.ipynb: 4 activiteitskoppen, maar de metadata noemt 5 activiteiten"]

    # the werkboek puts an answer to it after the others of the page
    werkmap.bewaar("03_drempels", Antwoord.nieuw("03_drempels", "wat_neem_je_mee", "Eerst luisteren.",
                                                 vraag="Wat neem je mee?", tekst="Eerst luisteren."))
    werkmap.bewaar("03_drempels", Antwoord.nieuw("03_drempels", "drempel_kiezen.C072", {"gekozen": ["taal"]},
                                                 vraag="Welke drempel?", tekst="Taal"))
    assert [a.activiteit for a in werkmap.antwoorden("03_drempels")] == [
        "drempel_kiezen", "wat_neem_je_mee", NIEUW["sleutel"]]
    md = werkboek.to_markdown(werkmap)
    assert md.index("Taal") < md.index("Eerst luisteren.") < md.index("Ik vraag eerst hoe het met haar kind gaat.")
    assert f"### Activiteit 5: {NIEUW['titel']}" in md

    # and no other file of the kit changed
    na = _hashes(kit)
    assert {k for k in voor if voor[k] != na.get(k)} | (set(na) - set(voor)) == {"notebooks/03_drempels.ipynb"}
