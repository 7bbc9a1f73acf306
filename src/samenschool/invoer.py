"""Checks on what a learner types: clear Dutch messages, never an exception on the page."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from samenschool.validatie import is_vreemd_teken

MAX_TEKST = 5000  # characters in one answer box; a page of text, more than any exercise needs
_ALLOWED_CONTROLS = {"\n", "\t"}


@dataclass(frozen=True)
class Controle:
    """The result of checking one answer: the cleaned text and, when not ok, why (Dutch)."""

    ok: bool
    tekst: str
    melding: str = ""


def schoon(tekst: object) -> str:
    """NFC-normalised text without invisible control characters (keeps newlines and tabs)."""
    if tekst is None:
        return ""
    text = unicodedata.normalize("NFC", str(tekst)).replace("\r\n", "\n").replace("\r", "\n")
    # control characters, lone surrogates and non-characters such as U+FFFE (they break DOCX files)
    return "".join(ch for ch in text if ch in _ALLOWED_CONTROLS or not is_vreemd_teken(ch))


def controleer_tekst(tekst: object, *, max_tekens: int = MAX_TEKST, verplicht: bool = True,
                     veld: str = "Je antwoord") -> Controle:
    """Check a free-text answer. Empty (when required) or too long gives a friendly message."""
    text = schoon(tekst).strip()
    if not text:
        if verplicht:
            return Controle(False, "", f"{veld} is nog leeg. Schrijf eerst iets.")
        return Controle(True, "")
    if len(text) > max_tekens:
        return Controle(
            False,
            text[:max_tekens],
            f"{veld} is te lang ({len(text)} tekens). Hou het onder {max_tekens} tekens. "
            "We bewaarden de eerste {max} tekens.".replace("{max}", str(max_tekens)),
        )
    return Controle(True, text)
