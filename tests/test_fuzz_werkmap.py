"""Fuzzing werkmap files (issue 14): whatever lies in <werkmap>/<module>.json (random bytes,
JSON of any shape, version-1 and version-2 files with wrong types, deep nesting, odd Unicode,
huge numbers), reading it, the widgets built on it and the werkboek give a result or a Dutch
message. A file that cannot be read is set aside (never deleted) and announced.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from samenschool import werkboek
from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap

from ._fuzz import zonder_fsync as _zonder_fsync, BIG_NUMBER, DEEP, dumps, fuzz_settings, is_dutch_message, json_values, odd_text

MODULE = "01_gelijke_kansen"
GOED_V2 = {"versie": 2, "module": MODULE, "titel": "Gelijke kansen", "bijgewerkt": "2026-12-04T15:00:00+00:00",
           "antwoorden": {"reflectie": {"waarde": "Ik zag schaamte.", "vraag": "Wat neem je mee?",
                                        "tekst": "Ik zag schaamte.", "delen": None, "activiteit": "reflectie",
                                        "activiteit_titel": "Reflectie", "activiteit_nr": 3, "volgorde": 0,
                                        "bijgewerkt": "2026-12-04T15:00:00+00:00"}},
           "toestand": {"stap": 2}}
GOED_V1 = {"versie": 1, "module": MODULE, "antwoorden": {"reflectie": "Ik zag schaamte.", "stap": 2},
           "labels": {"reflectie": "Wat neem je mee?"}}
PADEN = [("antwoorden",), ("toestand",), ("versie",), ("antwoorden", "reflectie"),
         ("antwoorden", "reflectie", "waarde"), ("antwoorden", "reflectie", "delen"),
         ("antwoorden", "reflectie", "tekst"), ("antwoorden", "reflectie", "activiteit_nr"),
         ("antwoorden", "reflectie", "volgorde"), ("antwoorden", "reflectie", "vraag"), ("labels",),
         ("labels", "reflectie")]


@pytest.fixture(scope="module", autouse=True)
def _snel():
    yield from _zonder_fsync()


@st.composite
def werkmap_bestand(draw) -> bytes:
    soort = draw(st.sampled_from(["bytes", "json", "v1", "v2", "v2", "diep", "groot"]))
    if soort == "bytes":
        return draw(st.binary(max_size=200))
    if soort == "json":
        return dumps(draw(json_values)).encode()
    data = copy.deepcopy(GOED_V1 if soort == "v1" else GOED_V2)
    big = deep = 0
    for _ in range(draw(st.integers(1, 3))):
        pad = draw(st.sampled_from(PADEN))
        doel = data
        for deel in pad[:-1]:
            doel = doel.get(deel) if isinstance(doel, dict) else None
        if not isinstance(doel, dict):
            continue
        if soort == "diep":
            doel[pad[-1]], deep = DEEP, draw(st.sampled_from([50, 500, 990, 3000]))
        elif soort == "groot":
            doel[pad[-1]], big = BIG_NUMBER, draw(st.sampled_from([20, 4301]))
        elif draw(st.booleans()):
            doel.pop(pad[-1], None)
        else:
            doel[pad[-1]] = draw(json_values | odd_text)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "latin-1"]))
    try:
        return dumps(data, big, deep).encode(encoding)
    except UnicodeEncodeError:
        return dumps(data, big, deep).encode("utf-8")


def _lees_alles(folder: Path) -> list[str]:
    """Everything the kit does with a werkmap file; returns the messages shown to the learner."""
    from samenschool.widgets import _ui, reflectie

    wm = Werkmap(folder)
    meldingen: list[str] = []
    try:
        wm.load(MODULE)
        wm.antwoorden(MODULE)
        wm.toestand(MODULE)
        view = reflectie.maak(MODULE, "reflectie", "Wat neem je mee?", werkmap=Werkmap(folder))
        meldingen.append(view.status.value)
        for formaat in ("md", "html"):
            assert werkboek.render(wm, formaat)
        meldingen.append(_ui.werkmap_meldingen_html(wm))
    except SamenschoolError as exc:
        meldingen.append(str(exc))
    return meldingen


@fuzz_settings(150)
@given(werkmap_bestand())
@example(b'{"versie": 2, "antwoorden": [kapot')
@example(b"[" * 5000 + b"]" * 5000)
@example(('{"versie": 2, "antwoorden": {"x": {"waarde": ' + "9" * 5000 + "}}}").encode())
@example(json.dumps({**GOED_V2, "antwoorden": {"reflectie": {**GOED_V2["antwoorden"]["reflectie"],
                                                              "tekst": "a\ufffeb"}}}).encode())
def test_any_werkmap_file_gives_answers_or_a_dutch_message(inhoud):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / f"{MODULE}.json").write_bytes(inhoud)
        meldingen = _lees_alles(folder)
        assert all(is_dutch_message(m) for m in meldingen if m), meldingen
        apart = list(folder.glob(f"{MODULE}.onleesbaar-*.json"))
        if apart:  # set aside, never deleted, and said so
            assert apart[0].read_bytes() == inhoud
            assert any("konden niet gelezen worden" in m for m in meldingen), meldingen
        # whatever happened, the werkmap works again: a new answer is saved and read back
        from samenschool.antwoord import Antwoord

        Werkmap(folder).bewaar(MODULE, Antwoord.nieuw(MODULE, "reflectie", "Nieuw.", vraag="V?", tekst="Nieuw."))
        assert Werkmap(folder).get(MODULE, "reflectie") == "Nieuw."


# -- the pages on a werkmap with answers of any shape --------------------------------------------
def _paginacellen() -> dict[str, tuple[str, dict[str, str]]]:
    """Per notebook: its first code cell (opens the page) and, per activity, the cell that shows it."""
    from samenschool import leerpad

    out = {}
    for mod in leerpad.modules() + leerpad.oefeningen():
        cellen = ["".join(c["source"]) for c in json.loads(mod.pad.read_text(encoding="utf-8"))["cells"]
                  if c["cell_type"] == "code"]
        per_activiteit = {a.sleutel: next((c for c in cellen if f'"{a.sleutel}"' in c), "") for a in mod.activiteiten}
        rondom = "\n".join(c for c in cellen if "navigatie()" in c or "voortgang()" in c)  # read every module
        out[mod.id] = (cellen[0] + "\n" + rondom, {k: v for k, v in per_activiteit.items() if v}, mod)
    return out


PAGINAS = _paginacellen()
ACTIVITEITEN = [(m, k) for m, (_, per, _) in PAGINAS.items() for k in per]


DELEN = ["context", "wanneer", "uitnodiging", "vragen", "setting", "aanwezigen", "leidraad", "noteren",
         "opvolging", "C012", "leden", "x"]


@fuzz_settings(80)
@given(st.sampled_from(ACTIVITEITEN), json_values, st.booleans(), st.sampled_from(DELEN), st.integers(1, 9))
@example(("04_vertelgesprek", "plan"), {"tolk": [], "slotduur": "²", "klas": "a\ufffe"}, False, "uitnodiging", 9)
@example(("04_vertelgesprek", "plan"), {"slotduur": "²", "momenten": [[1]]}, False, "wanneer", 9)
@example(("03_drempels", "teamkaart"), {"leden": {"A": {"x": "²"}, "B": [1]}}, False, "x", 1)
# found by this suite: a list as the saved route (TypeError: unhashable), a non-object as the
# saved team map (AttributeError) and a number as the saved checklist (TypeError) broke the start
# page, module 03 and module 05
@example(("00_start", "route"), [], False, "x", 1)
@example(("03_drempels", "teamkaart"), True, False, "x", 1)
@example(("05_heldere_taal", "checklist_brief"), 1, False, "x", 1)  # found in a long run: TypeError
@example(("07_actieplan", "acties"), 1, False, "x", 1)  # found in a long run: TypeError
@example(("07_actieplan", "zelfscan"), {"a": []}, False, "x", 1)
def test_a_page_shows_any_saved_answer_or_a_dutch_message(activiteit, waarde, met_toestand, deel, stap):
    """Each activity of each page, built on a saved answer of any shape (a werkmap file edited by
    hand, or written by an older kit): the page shows it, or shows a Dutch message. Strict mode
    (root conftest) turns any other exception into a failure."""
    import contextlib
    import io

    from samenschool.antwoord import Antwoord

    module_id, sleutel = activiteit
    eerste, per, mod = PAGINAS[module_id]
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        mp.setenv("SAMENSCHOOL_WERKMAP", tmp)
        wm = Werkmap(tmp)
        wm.bewaar(mod.werkmap_module, Antwoord.nieuw(mod.werkmap_module, sleutel, waarde, vraag="?", tekst="x"))
        if deel:  # a part of a structured answer ("plan.wanneer", "sorteer.C012") of any shape
            wm.bewaar(mod.werkmap_module, Antwoord.nieuw(mod.werkmap_module, f"{sleutel}.{deel}", waarde, vraag="?"))
        wm.zet_toestand(mod.werkmap_module, "stap", stap)  # the planner's step 9 builds the documents
        if met_toestand:  # page state of any shape too (the planner's step, what was revealed)
            wm.zet_toestand(mod.werkmap_module, sleutel, waarde)
            wm.zet_toestand(mod.werkmap_module, "stap", waarde)
        uit = io.StringIO()
        with contextlib.redirect_stdout(uit):
            namen: dict = {}
            exec(eerste, namen)  # noqa: S102 - the kit's own notebook cells (with navigation, progress)
            exec(per[sleutel], namen)  # noqa: S102
            exec(PAGINAS["01_gelijke_kansen"][0], {})  # noqa: S102 - another page reads this answer too
        assert "Traceback" not in uit.getvalue()
