"""Shared Hypothesis strategies and settings for the fuzz suites (tests/test_fuzz_*.py).

The property of every suite: any input gives a result or a Dutch message, never an exception.
Runs are deterministic (``derandomize``), so CI sees the same cases every time; set
``SAMENSCHOOL_FUZZ=lang`` for a long random run on your own machine (10x the cases).
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

LANG = os.environ.get("SAMENSCHOOL_FUZZ") == "lang"


def fuzz_settings(n: int):
    """Settings for one fuzz test with ``n`` generated cases (10 n in a long run)."""
    return settings(max_examples=n * 10 if LANG else n, deadline=None, database=None, derandomize=not LANG,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# Text with the characters that break things: controls, non-characters, surrogates (as JSON
# escapes), combining marks, right-to-left, emoji, superscript digits, other scripts' digits.
ODD = ["\x00", "\x07", "\x1b", "\x7f", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\u200b", "\u202e",
       "\u0301", "²", "³", "٣", "𝟘", "ß", "ë", "€", "😀", "\r\n", "\t", "\\", '"', "<script>", "&amp;"]
odd_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(ODD) | st.text(max_size=5), max_size=8).map("".join),
    st.sampled_from(["", " ", "30", "²", "³", "٣٠", "1e3", "-1", "NaN", "null", "telefoon", "sociaal_tolk",
                     "kind", "maandag 8.00", "zaterdag 10:00", "zo 25u99"]),
)
numbers = st.one_of(st.integers(min_value=-10**12, max_value=10**12), st.integers(),
                    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([0, 1, 30, 120, 121, -5]))
scalars = st.one_of(st.none(), st.booleans(), numbers, odd_text)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(odd_text, inner, max_size=4), max_leaves=12)


def nest(value, depth: int, kind: str = "list"):
    for _ in range(depth):
        value = [value] if kind == "list" else {"a": value}
    return value


BIG_NUMBER = "__GROOT_GETAL__"
DEEP = "__DIEP__"


def dumps(data, big_digits: int = 0, deep: int = 0) -> str:
    """JSON text; ``BIG_NUMBER`` strings become a bare number of ``big_digits`` digits (Python
    cannot even print such an int), ``DEEP`` strings ``deep`` nested lists (json.dumps itself
    cannot write them)."""
    text = json.dumps(data, ensure_ascii=False)
    if big_digits:
        text = text.replace(json.dumps(BIG_NUMBER), "9" * big_digits)
    if deep:
        text = text.replace(json.dumps(DEEP), "[" * deep + "1" + "]" * deep)
    return text


def is_dutch_message(text: str) -> bool:
    """A message for a person, not a traceback."""
    return bool(text.strip()) and not any(w in text for w in ("Traceback", "Error:", "Exception", 'File "'))


def zonder_fsync():
    """A module-scoped fixture body: fsync as a no-op while fuzzing (hundreds of saves; the
    durability of a save is tested elsewhere, here only what is read and said counts)."""
    import pytest

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fsync", lambda fd: None)
        yield
