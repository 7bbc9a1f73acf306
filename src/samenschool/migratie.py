"""Werkmap files of format 1 (before answers described themselves) read as format 2.

Format 1 kept a raw value per key and, beside it, a label. Here every old answer becomes a
self-describing answer: its key follows today's activities (``plan_uitnodiging`` →
``plan.uitnodiging``), page state moves to ``toestand`` (the planner's step, a barrier card's
"bekeken", a perspective's "onthuld"), the label becomes the question, and the value is written
out in words (ids become the names the pages show). The file itself is rewritten in format 2
at the next save.
"""

from __future__ import annotations

from typing import Any

from samenschool.antwoord import FORMAT_VERSIE, Antwoord, ja_nee

TOESTAND_SLEUTELS = {"stap"}            # whole keys that were page state
TOESTAND_VELDEN = {"bekeken", "onthuld"}  # fields inside a value that were page state


def _module(module_id: str):
    from samenschool import leerpad

    try:
        return leerpad.module(module_id)
    except Exception:
        return None


def nieuwe_sleutel(mod, key: str) -> str:
    """``drempel_kiezen_C072`` → ``drempel_kiezen.C072`` when the activity is ``drempel_kiezen``."""
    if mod is None or mod.activiteit(key) is not None:
        return key
    for act in sorted(mod.activiteiten, key=lambda a: -len(a.sleutel)):
        if key.startswith(act.sleutel + "_"):
            return f"{act.sleutel}.{key[len(act.sleutel) + 1:]}"
    return key


def _naam(waarde: str) -> str:
    from samenschool import data

    try:
        return data.namen().get(waarde, waarde)
    except Exception:
        return waarde


def leesbaar(waarde: Any) -> str:
    """An old raw value in words: names instead of ids, "ja"/"nee" for yes and no."""
    if waarde is None or waarde in ("", [], {}):
        return ""
    if isinstance(waarde, bool):
        return ja_nee(waarde)
    if isinstance(waarde, str):
        return _naam(waarde)
    if isinstance(waarde, (int, float)):
        return str(waarde)
    if isinstance(waarde, list):
        return ", ".join(t for t in (leesbaar(v) for v in waarde) if t)
    if isinstance(waarde, dict):
        if "tekst" in waarde:
            kop = str(waarde.get("titel", "")).strip()
            return f"{kop}: {leesbaar(waarde['tekst'])}" if kop else leesbaar(waarde["tekst"])
        return "; ".join(f"{_naam(str(k))}: {leesbaar(v)}" for k, v in waarde.items() if leesbaar(v))
    return str(waarde)


def _delen(waarde: Any) -> list[tuple[str, str]] | None:
    """A structured old value as (label, text) rows, or None for a plain one."""
    if isinstance(waarde, dict) and "tekst" not in waarde:
        if len(waarde) == 1 and isinstance(next(iter(waarde.values())), dict):  # {"leden": {...}}
            return _delen(next(iter(waarde.values())))
        return [(_naam(str(k)), leesbaar(v)) for k, v in waarde.items() if leesbaar(v)]
    if isinstance(waarde, list) and any(isinstance(v, (dict, list)) for v in waarde):
        return [("", leesbaar(v)) for v in waarde if leesbaar(v)]
    return None


def _beschrijf(act, sleutel: str, waarde: Any) -> tuple[str, list[tuple[str, str]] | None]:
    """An old value as (tekst, delen); the planner's parts with the labels and choices its page shows."""
    if act is not None and act.soort == "planner" and "." in sleutel:
        from samenschool.vertelgesprek.planner import beschrijf_sectie

        try:
            return "", beschrijf_sectie(sleutel.split(".", 1)[1], waarde)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    if act is not None and act.soort == "drempel_kiezen" and isinstance(waarde, dict) and set(waarde) == {"gekozen"}:
        return leesbaar(waarde["gekozen"]), None
    delen = _delen(waarde)
    return ("" if delen else leesbaar(waarde)), delen


def naar_v2(module_id: str, data: dict) -> dict:
    """A format-1 file's content in format 2 (nothing is written here)."""
    mod = _module(module_id)
    labels = data.get("labels") if isinstance(data.get("labels"), dict) else {}
    result = {"module": module_id, "versie": FORMAT_VERSIE, "antwoorden": {}, "toestand": {},
              "bijgewerkt": str(data.get("bijgewerkt", ""))}
    if mod is not None:
        result["titel"] = mod.titel
    for key, waarde in data.get("antwoorden", {}).items():
        if key in TOESTAND_SLEUTELS:
            result["toestand"][key] = waarde
            continue
        sleutel = nieuwe_sleutel(mod, key)
        if isinstance(waarde, dict) and TOESTAND_VELDEN & set(waarde):
            result["toestand"][sleutel] = {k: waarde[k] for k in TOESTAND_VELDEN & set(waarde)}
            waarde = {k: v for k, v in waarde.items() if k not in TOESTAND_VELDEN}
        act = mod.activiteit(sleutel) if mod is not None else None
        tekst, delen = _beschrijf(act, sleutel, waarde)
        antwoord = Antwoord(sleutel=sleutel, waarde=waarde, vraag=str(labels.get(key) or (act.titel if act else key)),
                            tekst=tekst, delen=delen,
                            activiteit=act.sleutel if act else "", activiteit_titel=act.titel if act else "",
                            activiteit_nr=act.nummer if act else 0, bijgewerkt=result["bijgewerkt"])
        result["antwoorden"][sleutel] = antwoord.to_dict()
    return result
