"""facilitator_guide/bronnen.md, made from datasets/bronnen.csv and a Jinja template.

``samenschool bronnen maak`` writes it; ``samenschool bronnen controleer`` (and a test) report
when the file no longer matches the sources table, the parts of the report or the band table
of the readability tool, so the guide cannot drift from what the pages say.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from samenschool import data, leesbaarheid
from samenschool.paths import repo_root

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
HOOFDBRON = "recht_op"
ONDERWERPEN = (
    ("context", "De context van het rapport"),
    ("schoolkosten", "Schoolkosten (basisonderwijs, Vlaanderen)"),
    ("heldere_taal", "Heldere taal"),
    ("startgesprek", "Het gesprek bij de start van het schooljaar"),
    ("privacy", "Privacy (GDPR / AVG) bij notities over gezinnen"),
    ("kaders", "Kaders om naast het rapport te leggen"),
)


def bronnen() -> list[dict]:
    return data.load("bronnen").fillna("").to_dict("records")


def bron_tekst(b: dict) -> str:
    """"author, title, date (address)" and what is uncertain, for one table cell."""
    delen = [b["auteur"], f'"{b["titel"]}"']
    if b.get("datum"):
        delen.append(b["datum"])
    tekst = ", ".join(delen)
    if b.get("adres"):
        tekst += f" ({b['adres']})"
    if b.get("opmerking"):
        tekst += f" *({b['opmerking']})*"
    return tekst.replace("|", "/")


def band_tabel() -> list[tuple[str, str]]:
    """(score range, word) from leesbaarheid.BANDEN, highest first: the one table."""
    rijen, boven = [], None
    for ondergrens, woord in leesbaarheid.BANDEN:
        if boven is None:
            bereik = f"{ondergrens:g} en meer"
        elif ondergrens == float("-inf"):
            bereik = f"onder {boven:g}"
        else:
            bereik = f"{ondergrens:g} tot {boven:g}"
        rijen.append((bereik, woord))
        boven = ondergrens
    return rijen


def markdown() -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=False,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["bron"] = bron_tekst
    alle = bronnen()
    hoofdbron = next(b for b in alle if b["id"] == HOOFDBRON)
    per_onderwerp = {o: [b for b in alle if b["onderwerp"] == o] for o, _ in ONDERWERPEN}
    delen = data.load("rapport_delen").sort_values("volgorde").to_dict("records")
    return env.get_template("bronnen.md.j2").render(
        hoofdbron=hoofdbron, onderwerpen=ONDERWERPEN, per_onderwerp=per_onderwerp,
        banden=band_tabel(), delen=delen)


def bestand(root: Path | None = None) -> Path:
    return (root or repo_root()) / "facilitator_guide" / "bronnen.md"


def maak(root: Path | None = None) -> bool:
    """Write bronnen.md; True when it changed."""
    path, text = bestand(root), markdown()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def controleer(root: Path | None = None) -> list[str]:
    """Dutch messages when bronnen.md is missing or stale (empty: all good)."""
    path = bestand(root)
    if not path.exists():
        return [f"{path.name} ontbreekt"]
    if path.read_text(encoding="utf-8") != markdown():
        return [f"{path.name} klopt niet meer met datasets/bronnen.csv"]
    return []
