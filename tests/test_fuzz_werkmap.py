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


@fuzz_settings(200)
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
