"""Escaping learner text for the formats the kit writes (HTML goes through Jinja2's autoescape)."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_MD_LINE_START = re.compile(r"(?m)^(\s*)([-+]|\d+\.)(?=\s)")
_XML_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_md(text: str) -> str:
    """Escape learner text for Markdown: no headings, links, lists, HTML or emphasis sneak in."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)

    def marker(match: re.Match) -> str:
        lead, mark = match.group(1), match.group(2)
        return lead + (mark[:-1] + "\\." if mark.endswith(".") else "\\" + mark)

    return _MD_LINE_START.sub(marker, text)


def xml_veilig(text: str) -> str:
    """Text a Word (XML) document can hold: characters XML 1.0 forbids become U+FFFD."""
    return _XML_ONGELDIG.sub("\ufffd", text)
