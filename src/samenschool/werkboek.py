"""The werkboek: everything in the werkmap as one readable document (HTML or Markdown).

All learner text is escaped: HTML through Jinja2's autoescape, Markdown by escaping the
characters that Markdown or embedded HTML would interpret.
"""

from __future__ import annotations

import datetime as _dt
import re
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


def _label(key: str, labels: dict[str, str]) -> str:
    return labels.get(key) or key.replace("_", " ").capitalize()


def _plain(value: Any) -> str:
    """One answer as readable text (nested answers from the planner included)."""
    if value is None or value == "" or value == [] or value == {}:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if k not in ("id", "fase")}
        if "tekst" in shown:  # e.g. a question or a phase: "Welkom (3 min): ..."
            head = str(shown.get("titel", "")).strip()
            if shown.get("minuten") not in (None, ""):
                head = f"{head} ({shown['minuten']} min)".strip()
            return f"{head}: {_plain(shown['tekst'])}" if head else _plain(shown["tekst"])
        return "; ".join(f"{k}: {_plain(v)}" for k, v in shown.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def _items(value: Any) -> list[tuple[str | None, str]] | None:
    """Bullet items for a structured answer, or None for a plain one."""
    if isinstance(value, dict) and "tekst" not in value:
        return [(str(k), _plain(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)) and (len(value) > 3 or any(isinstance(v, (dict, list)) for v in value)):
        return [(None, _plain(v)) for v in value]
    return None


def sections(werkmap: Werkmap) -> list[dict]:
    """The werkboek's content as plain data: one section per module, one entry per answer."""
    result = []
    for module, data in werkmap.alles().items():
        labels = data.get("labels", {})
        entries = []
        for key in sorted(data.get("antwoorden", {})):
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


def export_deelnemers(werkmap: Werkmap, folder: Path | str) -> list[Path]:
    """Classroom mode: one werkboek (HTML and Markdown) per participant, numbered in the
    order they started. Participants are never named: the kit does not know their names."""
    root = werkmap.folder / "deelnemers"
    if not root.is_dir():
        return []
    people = sorted((p for p in root.iterdir() if p.is_dir() and Werkmap(p).modules()),
                    key=lambda p: (p.stat().st_mtime, p.name))
    written: list[Path] = []
    for number, path in enumerate(people, start=1):
        written += export(Werkmap(path), Path(folder) / f"deelnemer-{number:02d}")
    return written
