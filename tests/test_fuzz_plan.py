"""Fuzzing the vertelgesprek plan (issue 14): generated plan files with types swapped, fields
missing and extra, deep nesting, odd Unicode and huge numbers.

Property: `samenschool vertelgesprek PLAN.json` exits 0 (documents written) or 1 with a Dutch
message, never a traceback; and for any data, Plan.from_dict + validate + render give a result.
Examples Hypothesis found are kept below as @example (regression tests).
"""

from __future__ import annotations

import contextlib
import copy
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from samenschool import cli
from samenschool.errors import SamenschoolError
from samenschool.vertelgesprek import documenten
from samenschool.vertelgesprek.model import Plan, controleer_vorm, validate
from samenschool.vertelgesprek.voorbeeld import voorbeeld

from ._fuzz import zonder_fsync as _zonder_fsync, BIG_NUMBER, dumps, fuzz_settings, is_dutch_message, json_values, nest, odd_text

BASIS = voorbeeld().to_dict()
VELDEN = [(s, k) for s, v in BASIS.items() if isinstance(v, dict) for k in v] + [(s, None) for s in BASIS]


@pytest.fixture(scope="module", autouse=True)
def _snel():
    yield from _zonder_fsync()


@st.composite
def plan_data(draw):
    """The example plan, then a few random changes: a field replaced by any JSON value, a field
    or section removed, an unknown field added, a list item replaced, a value nested deeply."""
    data = copy.deepcopy(BASIS)
    big = 0
    for _ in range(draw(st.integers(0, 4))):
        sectie, veld = draw(st.sampled_from(VELDEN))
        soort = draw(st.sampled_from(["vervang", "weg", "extra", "item", "diep", "groot"]))
        doel = data.get(sectie)
        if soort == "weg":
            if veld is None or not isinstance(doel, dict):
                data.pop(sectie, None)
            else:
                doel.pop(veld, None)
            continue
        if soort == "extra":
            (doel if isinstance(doel, dict) else data)[draw(odd_text)] = draw(json_values)
            continue
        if soort == "item" and isinstance(doel, list) and doel:
            doel[draw(st.integers(0, len(doel) - 1))] = draw(json_values)
            continue
        waarde = draw(json_values)
        if soort == "diep":
            waarde = nest(waarde, draw(st.integers(20, 60)), draw(st.sampled_from(["list", "dict"])))
        if soort == "groot":
            waarde, big = BIG_NUMBER, draw(st.sampled_from([10, 4301, 6000]))
        if veld is None or not isinstance(doel, dict):
            data[sectie] = waarde
        else:
            doel[veld] = waarde
    return data, big


def _cli(argv) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in argv])
    return code, out.getvalue() + err.getvalue()


@fuzz_settings(150)
@given(plan_data(), st.sampled_from(["md", "html", "docx"]))
# kept cases: a list where a role was expected; a huge number inside a list (it crashed
# jsonschema's repr() while the regression tests were written); U+FFFE in the class (it went
# into the DOCX core properties)
@example(({**BASIS, "aanwezigen": {"school": [["klasleerkracht"]], "ouders": 1}}, 0), "md")
@example(({**BASIS, "noteren": ["Sterktes", BIG_NUMBER]}, 6000), "md")
@example(({**BASIS, "context": {**BASIS["context"], "klas": "1ste\ufffe"}}, 0), "docx")
def test_plan_file_gives_documents_or_a_dutch_message(gegeven, fmt):
    data, big = gegeven
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.json"
        path.write_text(dumps(data, big), encoding="utf-8")
        code, text = _cli(["vertelgesprek", path, "--naar", fmt, "--uit", Path(tmp) / "uit"])
        assert code in (0, 1), text
        assert is_dutch_message(text), text
        if code == 1:
            assert text.startswith("Fout: "), text
            assert len(text) < 20_000  # at most 30 problems, each value shortened
        else:
            assert len(list((Path(tmp) / "uit").iterdir())) == 4


@fuzz_settings(150)
@given(json_values | plan_data().map(lambda d: d[0]))
@example({"wanneer": {"slotduur": 10 ** 5000}})
@example({"uitnodiging": {"tolk": [], "persoonlijk": [["x"]], "antwoord": [{}]}, "setting": {"kind_aanwezig": {}}})
@example({"leidraad": [{"fase": ["x"], "minuten": "²"}]})
def test_any_data_gives_a_plan_messages_and_documents(data):
    """The planner builds a plan from saved data (a werkmap file may be edited by hand): the
    checks and the document preview must cope with anything."""
    plan = Plan.from_dict(data)
    meldingen = validate(plan)
    assert all(is_dutch_message(str(m)) for m in meldingen)
    controleer_vorm(data)
    try:
        assert documenten.render(plan, "plan", "md")
        assert documenten.render(plan, "brief", "html")
    except SamenschoolError as exc:  # a known problem, in Dutch
        assert is_dutch_message(str(exc))
