"""The projector view ("zaal"): what the whole room answered, anonymous, live.

Pure aggregation over the participants' werkmap files (file format v2: every answer
carries its own ``waarde``, ``vraag`` and ``tekst``; see samenschool.antwoord), tested
without a browser. ``samenschool.server`` serves the page (``/zaal``) and its content
(``/zaal/inhoud``, fetched every two seconds); the HTML comes from
``templates/klas/zaal*.html``.

Nothing here names a participant: counts, means and spreads, and reflections without a
name or number, in a fixed shuffled order.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from samenschool import deelnemer

MODULE_SORTEREN = "01_gelijke_kansen"
MODULE_PARTNERSCHAP = "02_partnerschap"
MODULE_DREMPELS = "03_drempels"
MODULE_KOSTEN = "06_schoolkosten"
MODULE_ACTIEPLAN = "07_actieplan"
NAAM_MODULE = "00_start"


# -- reading ---------------------------------------------------------------------------------
@dataclass
class Deelnemer:
    nummer: int
    modules: dict[str, dict] = field(default_factory=dict)  # module -> file content (v2)

    def antwoorden(self, module: str) -> dict[str, dict]:
        """sleutel -> answer dict (waarde, vraag, tekst, ...). A v1 value becomes {"waarde": v}."""
        raw = (self.modules.get(module) or {}).get("antwoorden") or {}
        result = {}
        for sleutel, antwoord in raw.items():
            if isinstance(antwoord, dict) and "waarde" in antwoord:
                result[sleutel] = antwoord
            else:
                result[sleutel] = {"waarde": antwoord, "tekst": antwoord if isinstance(antwoord, str) else ""}
        return result

    def laatst(self) -> tuple[str, str] | None:
        """(time, module) of the last saved answer: where this participant is now."""
        best = None
        for module, content in self.modules.items():
            tijd = str(content.get("bijgewerkt") or "")
            if content.get("antwoorden") and (best is None or tijd > best[0]):
                best = (tijd, module)
        return best


def lees_deelnemers(basis: Path) -> list[Deelnemer]:
    """Every participant's answers, in join order. Unreadable files are skipped (the werkmap
    sets them aside when the participant's own page reads them)."""
    root = Path(basis) / deelnemer.MAP
    people = []
    for folder in sorted(root.glob("deelnemer-*")) if root.is_dir() else []:
        suffix = folder.name.rsplit("-", 1)[-1]
        if not folder.is_dir() or not suffix.isdigit():
            continue
        person = Deelnemer(int(suffix))
        for path in folder.glob("*.json"):
            if ".onleesbaar-" in path.name:
                continue
            try:
                content = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(content, dict) and isinstance(content.get("antwoorden"), dict):
                person.modules[path.stem] = content
        people.append(person)
    return sorted(people, key=lambda p: p.nummer)


# -- aggregation -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Telling:
    label: str
    aantal: int


def titel_van(people: list[Deelnemer], module: str) -> str:
    for person in people:
        titel = (person.modules.get(module) or {}).get("titel")
        if titel:
            return str(titel)
    try:
        from samenschool import leerpad

        return leerpad.module(module).titel
    except Exception:
        return module


def waar(people: list[Deelnemer]) -> dict:
    """Who is where: participants per module (the module of their last answer), and how many
    have answered anything in each module."""
    nu = Counter(p.laatst()[1] for p in people if p.laatst())
    gedaan = Counter(m for p in people for m, c in p.modules.items() if c.get("antwoorden"))
    modules = sorted(set(nu) | set(gedaan))
    rijen = [{"module": m, "titel": titel_van(people, m), "nu": nu.get(m, 0), "gedaan": gedaan.get(m, 0)}
             for m in modules]
    return {"deelnemers": len(people), "actief": sum(nu.values()), "rijen": rijen}


def sortering(people: list[Deelnemer], groep: Callable[[str], str | None],
              woorden: Callable[[str], str | None] = lambda cid: None) -> list[dict]:
    """Module 01: per quote, how the group sorted it (answers ``sorteer.<citaat>``: the
    answer's ``tekst`` is the theme as the learner saw it) beside the parents' reading
    (``groep(citaat_id)``: the theme's name, from the quotes' data). ``woorden(citaat_id)``:
    the quote itself, verbatim, so the room reads it whole (else the answer's question)."""
    per_citaat: dict[str, dict] = {}
    for person in people:
        for sleutel, antwoord in person.antwoorden(MODULE_SORTEREN).items():
            if not sleutel.startswith("sorteer.") or antwoord.get("waarde") in (None, ""):
                continue
            citaat = sleutel.split(".", 1)[1]
            item = per_citaat.setdefault(citaat, {"citaat": citaat, "vraag": "", "keuzes": Counter(), "namen": {}})
            item["vraag"] = item["vraag"] or str(antwoord.get("vraag") or "")
            waarde = str(antwoord["waarde"])
            item["keuzes"][waarde] += 1
            item["namen"].setdefault(waarde, str(antwoord.get("tekst") or waarde))
    result = []
    for citaat in sorted(per_citaat):
        item = per_citaat[citaat]
        totaal = sum(item["keuzes"].values())
        groep_naam = groep(citaat)
        keuzes = [{"label": item["namen"][w], "aantal": n, "procent": round(100 * n / totaal),
                   "groep": groep_naam is not None and item["namen"][w] == groep_naam}
                  for w, n in sorted(item["keuzes"].items(), key=lambda kv: (-kv[1], item["namen"][kv[0]]))]
        eens = sum(k["aantal"] for k in keuzes if k["groep"])
        result.append({"citaat": citaat, "vraag": item["vraag"], "woorden": woorden(citaat), "totaal": totaal,
                       "keuzes": keuzes, "groep": groep_naam, "eens": eens})
    return result


def plaatsing(people: list[Deelnemer], treden: list[str]) -> dict:
    """Module 02: where the group places the school now and where it wants to go."""
    nu, doel = Counter(), Counter()
    for person in people:
        antwoord = person.antwoorden(MODULE_PARTNERSCHAP).get("plaatsing")
        waarde = antwoord.get("waarde") if antwoord else None
        if not isinstance(waarde, dict):
            continue
        if waarde.get("nu") in treden:
            nu[waarde["nu"]] += 1
        if waarde.get("doel") in treden:
            doel[waarde["doel"]] += 1
    maximum = max(list(nu.values()) + list(doel.values()) + [1])
    rijen = [{"trede": t, "nu": nu.get(t, 0), "doel": doel.get(t, 0),
              "nu_pct": round(100 * nu.get(t, 0) / maximum), "doel_pct": round(100 * doel.get(t, 0) / maximum)}
             for t in treden]
    return {"rijen": rijen, "aantal_nu": sum(nu.values()), "aantal_doel": sum(doel.values())}


def _spreiding(values: list[float]) -> float:
    return statistics.pstdev(values) if len(values) > 1 else 0.0


def weging(people: list[Deelnemer], namen: dict[str, str], maximum: int = 3) -> dict:
    """Module 02: the weighing of values (0-3): mean and spread per value, heaviest first."""
    per_waarde: dict[str, list[int]] = {}
    aantal = 0
    for person in people:
        antwoord = person.antwoorden(MODULE_PARTNERSCHAP).get("waarden_weging")
        waarde = antwoord.get("waarde") if antwoord else None
        if not isinstance(waarde, dict):
            continue
        aantal += 1
        for wid, gewicht in waarde.items():
            if isinstance(gewicht, int) and not isinstance(gewicht, bool) and 0 <= gewicht <= maximum:
                per_waarde.setdefault(wid, []).append(gewicht)
    rijen = [{"id": wid, "naam": namen.get(wid, wid), "gemiddeld": statistics.fmean(v), "spreiding": _spreiding(v),
              "laagste": min(v), "hoogste": max(v), "aantal": len(v),
              "pct": round(100 * statistics.fmean(v) / maximum)}
             for wid, v in per_waarde.items()]
    rijen.sort(key=lambda r: (-r["gemiddeld"], r["naam"]))
    return {"rijen": rijen, "aantal": aantal, "maximum": maximum}


def drempelkaart(people: list[Deelnemer], namen: dict[str, str], maximum: int = 3) -> dict:
    """Module 03: the team's barrier map from every participant at once: every member on every
    participant's map counts once; mean and spread per barrier, strongest first."""
    per_drempel: dict[str, list[int]] = {}
    leden = 0
    for person in people:
        antwoord = person.antwoorden(MODULE_DREMPELS).get("teamkaart")
        waarde = antwoord.get("waarde") if antwoord else None
        groepen = (waarde or {}).get("leden") if isinstance(waarde, dict) else None
        if not isinstance(groepen, dict):
            continue
        for gewichten in groepen.values():
            if not isinstance(gewichten, dict):
                continue
            leden += 1
            for did, gewicht in gewichten.items():
                if did in namen and isinstance(gewicht, int) and not isinstance(gewicht, bool) \
                        and 0 <= gewicht <= maximum:
                    per_drempel.setdefault(did, []).append(gewicht)
    rijen = [{"id": did, "naam": namen[did], "gemiddeld": statistics.fmean(v), "spreiding": _spreiding(v),
              "laagste": min(v), "hoogste": max(v), "aantal": len(v),
              "pct": round(100 * statistics.fmean(v) / maximum),
              # the line on the bar: from the lowest to the highest answer, as the text under it says
              "van_pct": round(100 * min(v) / maximum), "tot_pct": round(100 * max(v) / maximum)}
             for did, v in per_drempel.items()]
    rijen.sort(key=lambda r: (-r["gemiddeld"], r["naam"]))
    return {"rijen": rijen, "leden": leden, "maximum": maximum}


def schattingen(people: list[Deelnemer]) -> dict:
    """Module 06: what the group thinks a school year costs (answers ``schatting``:
    ``{"bedrag": euros}``): the estimates sorted, lowest, median and highest."""
    bedragen, vraag = [], ""
    for person in people:
        antwoord = person.antwoorden(MODULE_KOSTEN).get("schatting")
        waarde = antwoord.get("waarde") if antwoord else None
        bedrag = waarde.get("bedrag") if isinstance(waarde, dict) else None
        if isinstance(bedrag, int) and not isinstance(bedrag, bool) and bedrag > 0:
            bedragen.append(bedrag)
            vraag = vraag or str(antwoord.get("vraag") or "")
    bedragen.sort()
    if not bedragen:
        return {"aantal": 0, "rijen": [], "vraag": ""}
    hoogste = bedragen[-1]
    return {"aantal": len(bedragen), "vraag": vraag, "laagste": bedragen[0], "hoogste": hoogste,
            "mediaan": statistics.median(bedragen),
            "rijen": [{"bedrag": b, "pct": round(100 * b / hoogste)} for b in bedragen]}


def gekozen_drempels(people: list[Deelnemer], namen: dict[str, str]) -> dict:
    """Module 07: which barriers the group's action plans tackle first (answers ``kiezen``:
    a list of barrier ids), most chosen first."""
    telling: Counter = Counter()
    plannen = 0
    for person in people:
        antwoord = person.antwoorden(MODULE_ACTIEPLAN).get("kiezen")
        waarde = antwoord.get("waarde") if antwoord else None
        if not isinstance(waarde, list) or not waarde:
            continue
        plannen += 1
        telling.update({d for d in waarde if isinstance(d, str)})
    maximum = max(telling.values(), default=1)
    rijen = [{"naam": namen.get(d, d), "aantal": n, "pct": round(100 * n / maximum)}
             for d, n in sorted(telling.items(), key=lambda kv: (-kv[1], namen.get(kv[0], kv[0])))]
    return {"plannen": plannen, "rijen": rijen}


def euro(bedrag: float) -> str:
    """1234.5 -> '€ 1.234,50'; whole amounts without cents."""
    tekst = f"{bedrag:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return "€ " + (tekst[:-3] if tekst.endswith(",00") else tekst)


def is_reflectie(module: str, antwoord: dict, sleutel: str) -> bool:
    """A reflection: its activity is of the kind ``reflectie`` in the notebook's metadata."""
    activiteit = str(antwoord.get("activiteit") or sleutel.split(".", 1)[0])
    try:
        from samenschool import leerpad

        return leerpad.module(module).activiteit(activiteit).soort == "reflectie"
    except Exception:
        return "reflectie" in activiteit


def muur_id(nummer: int, module: str, sleutel: str) -> str:
    """A stable id for one reflection on the wall (it names nobody)."""
    return hashlib.sha256(f"{nummer}|{module}|{sleutel}".encode()).hexdigest()[:12]


def reflecties(people: list[Deelnemer], is_reflectie: Callable[[str, dict, str], bool] = is_reflectie) -> list[dict]:
    """Every non-empty reflection, anonymous, in a fixed shuffled order (not join order)."""
    items = []
    for person in people:
        for module in sorted(person.modules):
            for sleutel, antwoord in person.antwoorden(module).items():
                tekst = str(antwoord.get("tekst") or antwoord.get("waarde") or "").strip()
                if tekst and isinstance(antwoord.get("waarde"), str) and is_reflectie(module, antwoord, sleutel):
                    items.append({"id": muur_id(person.nummer, module, sleutel), "module": module,
                                  "titel": titel_van(people, module), "vraag": str(antwoord.get("vraag") or ""),
                                  "tekst": tekst})
    return sorted(items, key=lambda r: r["id"])


def muur(items: list[dict], verborgen: set[str], index: int) -> dict:
    """The wall as the facilitator shows it: one reflection at a time, hidden ones left out."""
    zichtbaar = [r for r in items if r["id"] not in verborgen]
    if not zichtbaar:
        return {"huidig": None, "nummer": 0, "totaal": 0, "verborgen": len(items) - len(zichtbaar)}
    index %= len(zichtbaar)
    return {"huidig": zichtbaar[index], "nummer": index + 1, "totaal": len(zichtbaar),
            "verborgen": len(items) - len(zichtbaar)}


# -- extra views of later modules (06 Schoolkosten, 07 Actieplan) ------------------------------
def extra_weergaven(basis: Path) -> list[dict]:
    """Views that other modules add: a function ``zaal_weergave(mappen) -> {"titel", "html"}``
    in samenschool.kosten / samenschool.actieplan, when those modules exist."""
    import importlib

    mappen = [p for p in sorted((Path(basis) / deelnemer.MAP).glob("deelnemer-*")) if p.is_dir()]
    result = []
    for naam in ("kosten", "actieplan"):
        try:
            module = importlib.import_module(f"samenschool.{naam}")
        except ImportError:
            continue
        functie = getattr(module, "zaal_weergave", None)
        if functie is None:
            continue
        try:
            weergave = functie(mappen)
        except Exception:
            continue
        if weergave:
            result.append(weergave)
    return result


# -- rendering -----------------------------------------------------------------------------------
def _groep_lezing() -> Callable[[str], str | None]:
    from samenschool import data

    citaten, themas = data.citaten(), data.themas()
    namen = dict(zip(themas["id"], themas["naam"]))
    thema = dict(zip(citaten["id"], citaten["thema"].fillna("")))
    return lambda cid: namen.get(thema.get(cid, "")) or None


def _citaat_woorden() -> Callable[[str], str | None]:
    from samenschool import data

    citaten = data.citaten()
    woorden = dict(zip(citaten["id"], citaten["tekst"]))
    return lambda cid: woorden.get(cid) or None


def _namen(frame, kant: str | None = None) -> dict[str, str]:
    if kant is not None:
        frame = frame[frame["kant"] == kant]
    if "volgorde" in frame.columns:
        frame = frame.sort_values("volgorde", kind="stable")
    return dict(zip(frame["id"], frame["naam"]))


def overzicht(basis: Path, verborgen: set[str] | None = None, index: int = 0) -> dict:
    """Everything the projector view shows, from the files as they are now."""
    from samenschool import data
    from samenschool.widgets.schaal import SAMEN_TREDEN

    people = lees_deelnemers(basis)
    items = reflecties(people)
    return {
        "waar": waar(people),
        "sortering": sortering(people, _groep_lezing(), _citaat_woorden()),
        "plaatsing": plaatsing(people, list(SAMEN_TREDEN)),
        "weging": weging(people, _namen(data.waarden())),
        "drempels": drempelkaart(people, _namen(data.drempels(), "ouders")),
        "kosten": schattingen(people),
        "actieplan": gekozen_drempels(people, _namen(data.drempels())),
        "muur": muur(items, verborgen or set(), index),
        "extra": extra_weergaven(basis),
    }


def inhoud_html(klas) -> str:
    """The content of the projector page (``klas``: the server's samenschool.server.Klas)."""
    staat = overzicht(klas.basis, klas.muur_verborgen, klas.muur_index)
    return klas.env.get_template("zaal_inhoud.html").render(**staat)


def muur_actie(klas, actie: str, item_id: str) -> None:
    """The facilitator's buttons on the wall."""
    if actie == "volgende":
        klas.muur_index += 1
    elif actie == "vorige":
        klas.muur_index -= 1
    elif actie == "verberg" and item_id:
        klas.muur_verborgen.add(item_id)
    elif actie == "alles":
        klas.muur_verborgen.clear()
        klas.muur_index = 0


def qr_svg(url: str) -> str:
    """The participants' address as an inline SVG QR code (segno)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=6, border=2, dark="#000", light="#fff",
                                                  title=f"QR-code: {url}")


def getal(value: float) -> str:
    """1.5 -> '1,5' (Dutch decimal comma)."""
    return f"{value:.1f}".replace(".", ",")
