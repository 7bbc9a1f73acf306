"""Fuzzing uploads (issue 14): batches of team-map files where some are good and the others are
anything (random bytes, JSON of any shape, a member file with types swapped, fields missing or
extra, deep nesting, huge numbers, odd file names, too big).

Property: one Dutch message per file, every good file is added, nothing raises.
"""

from __future__ import annotations

import copy
import json
import tempfile

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from samenschool.werkmap import Werkmap
from samenschool.widgets.teamkaart import MAX_BESTAND, TeamKaart

from ._fuzz import zonder_fsync as _zonder_fsync, BIG_NUMBER, DEEP, dumps, fuzz_settings, is_dutch_message, json_values, odd_text

DREMPELS = TeamKaart(Werkmap(tempfile.mkdtemp())).drempel_ids
GOED = {"soort": "samenschool-teamkaart", "versie": 1, "lid": "Leerkracht", "gewichten": {i: 1 for i in DREMPELS}}
VELDEN = ["soort", "versie", "lid", "gewichten"] + [("gewichten", i) for i in DREMPELS]


@pytest.fixture(scope="module", autouse=True)
def _snel():
    yield from _zonder_fsync()


@st.composite
def slecht_bestand(draw) -> bytes:
    soort = draw(st.sampled_from(["bytes", "json", "lid", "lid", "diep", "groot", "te_groot", "leeg"]))
    if soort == "bytes":
        return draw(st.binary(max_size=300))
    if soort == "json":
        return dumps(draw(json_values)).encode()
    if soort == "leeg":
        return b""
    if soort == "te_groot":
        return b"{" + b" " * (MAX_BESTAND + draw(st.integers(0, 3_000_000))) + b"}"
    data = copy.deepcopy(GOED)
    big = deep = 0
    veld = draw(st.sampled_from(VELDEN))
    doel, sleutel = (data["gewichten"], veld[1]) if isinstance(veld, tuple) else (data, veld)
    if soort == "diep":
        doel[sleutel], deep = DEEP, draw(st.sampled_from([10, 900, 5000, 49_000]))
    elif soort == "groot":
        doel[sleutel], big = BIG_NUMBER, draw(st.sampled_from([12, 4301, 9000]))
    elif draw(st.booleans()):
        doel.pop(sleutel, None)
    else:
        doel[sleutel] = draw(json_values)
    if doel is data.get("gewichten") and data.get("gewichten") == GOED["gewichten"]:
        data["soort"] = "iets anders"  # the change happened to keep it valid: make sure it is not
    return dumps(data, big, deep).encode()


def goed_bestand(n: int) -> bytes:
    return json.dumps({**GOED, "lid": f"Goed {n}", "gewichten": {i: (n + k) % 4 for k, i in enumerate(DREMPELS)}}).encode()


@fuzz_settings(120)
@given(st.lists(st.tuples(odd_text, slecht_bestand()), max_size=4), st.integers(0, 3), st.randoms())
@example([("diep.json", b"[" * 49_000 + b"]" * 49_000)], 1, None)  # the probe's 98 kB nested file
@example([("groot.json", b"{" + b" " * 30_000_000 + b"}")], 1, None)  # the probe's 30 MB file
def test_each_file_is_judged_on_its_own(slecht, n_goed, rnd):
    batch = [(naam or "x.json", inhoud) for naam, inhoud in slecht]
    goed = [(f"goed-{n}.json", goed_bestand(n)) for n in range(n_goed)]
    batch += goed
    if rnd is not None:
        rnd.shuffle(batch)
    kaart = TeamKaart(Werkmap(tempfile.mkdtemp()))
    meldingen = kaart.combine_files(batch)
    assert len(meldingen) == len(batch)
    assert all(is_dutch_message(m) for m in meldingen), meldingen
    # a changed file may still be a valid one (a missing "lid" takes the file name): then it is added
    toegevoegd = [m for m in meldingen if " toegevoegd als " in m or "stond er al in" in m]
    assert len(kaart.fouten) + len(toegevoegd) == len(batch)
    assert len(kaart.fouten) <= len(slecht)
    assert {f"Goed {n}" for n in range(n_goed)} <= set(kaart.leden)  # no good file is ever dropped
    for melding in kaart.fouten:
        assert melding.startswith("‘"), melding  # it names the file first
