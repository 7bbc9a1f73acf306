"""The werkboek: everything in the werkmap as one readable document (HTML or Markdown).

All learner text is escaped: HTML through Jinja2's autoescape, Markdown by escaping the
characters that Markdown or embedded HTML would interpret.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from samenschool.errors import SamenschoolError
from samenschool.werkmap import Werkmap

MODULE_TITLES = {
    "00_start": "Start",
    "01_gelijke_kansen": "Gelijke kansen",
    "02_partnerschap": "Partnerschap",
    "03_drempels": "Drempels",
    "04_vertelgesprek": "Het ouder-vertelgesprek",
    "05_heldere_taal": "Heldere taal",
    "06_schoolkosten": "Schoolkosten",
    "07_actieplan": "Actieplan",
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_MD_LINE_START = re.compile(r"(?m)^(\s*)([-+]|\d+\.)(?=\s)")


def escape_md(text: str) -> str:
    """Escape learner text for Markdown: no headings, links, lists, HTML or emphasis sneak in."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    def marker(match: re.Match) -> str:
        lead, mark = match.group(1), match.group(2)
        return lead + (mark[:-1] + "\\." if mark.endswith(".") else "\\" + mark)

    return _MD_LINE_START.sub(marker, text)


def _title(module: str) -> str:
    if module in MODULE_TITLES:
        return MODULE_TITLES[module]
    if module.startswith("oefening_"):
        words = module.removeprefix("oefening_").split("_")
        words = words[1:] if words and words[0].isdigit() else words
        return "Oefening: " + " ".join(words)
    return module.replace("_", " ")


# Keys that are page state, not answers: never in the werkboek.
INTERN = {"stap", "bekeken", "onthuld"}
_CITAAT_ID = re.compile(r"\bC\d{3}\b")


@lru_cache(maxsize=1)
def _namen() -> dict[str, str]:
    """Ids the widgets save (themes, barriers, values, checklist points, routes) and the
    names the pages show for them, so a werkboek reads like the pages, not like codes."""
    from samenschool import data

    from samenschool import gids

    names: dict[str, str] = {route: gids.route_naam(route) for route in gids.ROUTES}
    for table, column in (("themas", "naam"), ("drempels", "naam"), ("waarden", "naam"),
                          ("impact", "naam"), ("checklist_brief", "punt")):
        try:
            frame = data.load(table)
        except Exception:  # a werkboek is still written when a table cannot be read
            continue
        names.update(zip(frame["id"], frame[column]))
    return names


@lru_cache(maxsize=1)
def _veld_namen() -> dict[str, dict[str, str]]:
    """Choices of the vertelgesprek planner, per field (the same code means different
    things in different fields)."""
    from samenschool.vertelgesprek import model

    return {"persoonlijk": model.PERSOONLIJK, "antwoord": model.ANTWOORD, "tolk": model.TOLK,
            "kind_aanwezig": model.KIND_AANWEZIG}


@lru_cache(maxsize=256)
def _citaat_kort(citaat_id: str) -> str:
    from samenschool import data

    try:
        words = data.kies(data.citaten(), [citaat_id]).iloc[0]["tekst"].split()
    except Exception:
        return citaat_id
    return "“" + " ".join(words[:7]) + (" …”" if len(words) > 7 else "”")


def _key_name(key: str) -> str:
    return _namen().get(key) or key.replace("_", " ").capitalize()


def _plain(value: Any, veld: str | None = None) -> str:
    """One answer as readable text: names instead of codes, nested planner answers included."""
    if value is None or value == "" or value == [] or value == {}:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        keuzes = _veld_namen().get(veld or "", {})
        return keuzes.get(value) or _namen().get(value) or value
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if k not in ("id", "fase") and k not in INTERN}
        if "tekst" in shown:  # e.g. a question or a phase: "Welkom (3 min): ..."
            head = str(shown.get("titel", "")).strip()
            if shown.get("minuten") not in (None, ""):
                head = f"{head} ({shown['minuten']} min)".strip()
            return f"{head}: {_plain(shown['tekst'])}" if head else _plain(shown["tekst"])
        return "; ".join(f"{_key_name(k)}: {_plain(v, k)}" for k, v in shown.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v, veld) for v in value)
    return str(value)


def _items(value: Any, unwrap: bool = True) -> list[tuple[str | None, str]] | None:
    """Bullet items for a structured answer, or None for a plain one."""
    if isinstance(value, dict) and unwrap:
        shown = {k: v for k, v in value.items() if k not in INTERN}
        if len(shown) == 1 and isinstance(next(iter(shown.values())), dict):  # {"leden": {...}}
            return _items(next(iter(shown.values())), unwrap=False)
    if isinstance(value, dict) and "tekst" not in value:
        return [(_key_name(str(k)), _plain(v, str(k))) for k, v in value.items() if k not in INTERN]
    if isinstance(value, (list, tuple)) and (len(value) > 3 or any(isinstance(v, (dict, list)) for v in value)):
        return [(None, _plain(v)) for v in value]
    return None


def _label(key: str, labels: dict[str, str]) -> str:
    label = labels.get(key) or key.replace("_", " ").capitalize()
    return _CITAAT_ID.sub(lambda m: _citaat_kort(m.group(0)), label)


def sections(werkmap: Werkmap) -> list[dict]:
    """The werkboek's content as plain data: one section per module, one entry per answer."""
    result = []
    for module, data in werkmap.alles().items():
        labels = data.get("labels", {})
        entries = []
        for key in sorted(data.get("antwoorden", {})):
            if key in INTERN:
                continue
            value = data["antwoorden"][key]
            items = _items(value)
            entries.append({"label": _label(key, labels), "tekst": None if items else _plain(value), "items": items})
        result.append({"module": module, "titel": _title(module), "bijgewerkt": data.get("bijgewerkt", ""),
                       "antwoorden": entries})
    return result


def to_markdown(werkmap: Werkmap) -> str:
    lines = ["# Mijn werkboek: Samen School Maken", "",
             f"Gemaakt op {_dt.date.today():%d-%m-%Y}. Bron van de kit: Recht-Op vzw, "
             "rapport over partnerschap tussen ouders en school.", ""]
    parts = sections(werkmap)
    if not parts:
        lines.append("Je werkmap is nog leeg.")
    for part in parts:
        lines += [f"## {escape_md(part['titel'])}", ""]
        for entry in part["antwoorden"]:
            lines.append(f"**{escape_md(entry['label'])}**")
            lines.append("")
            if entry["items"]:
                lines += [f"- {escape_md(k) + ': ' if k else ''}{escape_md(v)}" for k, v in entry["items"]]
            else:
                lines += [escape_md(line) if line else "" for line in entry["tekst"].split("\n")]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _env() -> Environment:
    return Environment(loader=PackageLoader("samenschool", "templates"),
                       autoescape=select_autoescape(["html", "j2"]))


def to_html(werkmap: Werkmap) -> str:
    template = _env().get_template("werkboek.html.j2")
    return template.render(secties=sections(werkmap), datum=f"{_dt.date.today():%d-%m-%Y}")


def export(werkmap: Werkmap, target: Path | str) -> list[Path]:
    """Write the werkboek. ``.html`` or ``.md`` writes that format; no suffix writes both."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in ("", ".html", ".htm", ".md"):
        raise SamenschoolError("Kies een bestandsnaam die eindigt op .html of .md (of zonder einde: dan krijg je beide).")
    targets = [target] if suffix else [target.with_suffix(".html"), target.with_suffix(".md")]
    written = []
    for path in targets:
        content = to_markdown(werkmap) if path.suffix == ".md" else to_html(werkmap)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        except OSError as exc:
            raise SamenschoolError(f"Kan {path} niet schrijven: {exc.strerror}.") from exc
        written.append(path)
    return written
