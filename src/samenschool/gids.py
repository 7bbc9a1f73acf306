"""Routes through the kit and their timed schedules, generated from the notebooks' metadata.

The minutes per module come only from ``samenschool.leerpad`` (the activities each notebook
declares in its metadata). The routes themselves (who they are for, the time they have, their
sessions, and the few items that are no notebook, each with its own minutes) are data a
facilitator edits: ``datasets/routes.csv``, ``route_sessies.csv``, ``route_onderdelen.csv``.

Optional activities
-------------------
An activity declared with ``"optioneel": true`` may be dropped when time is short; its
minutes are part of the module's activity minutes. A session may also list ``vooraf``: modules
participants do alone before it, and ``nadien``: what they do alone after it (the assignment);
both are shown apart and not counted in the session's time. When a session does not fit, the schedule
names the smallest set of optional activities (fewest minutes, then fewest activities) whose
minutes cover the overshoot. Nothing is guessed: without marked activities the schedule says
so and gives the number of minutes that must go.

``samenschool gids maak`` writes ``facilitator_guide/tijdschema_<route>.md``;
``samenschool gids controleer`` reports files that no longer match the notebooks.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

from samenschool import leerpad
from samenschool.errors import SamenschoolError
from samenschool.paths import repo_root

PAUZE_MIN = 10
PAUZE_VANAF_MIN = 90  # a session of 90 minutes or longer gets a break

ALLEEN_PLAATSEN = ("vooraf", "nadien")


def _laad_routes() -> dict[str, dict]:
    """The routes as facilitators edit them: datasets/routes.csv, route_sessies.csv and
    route_onderdelen.csv (checked against datapackage.json). A session lists modules (ids in
    notebooks/), exercises as ("oefening", "NN_naam") whose minutes come from the exercise's own
    metadata, and route items that are no notebook as (id, title, minutes)."""
    from samenschool import data

    routes: dict[str, dict] = {}
    for _, r in data.load("routes").sort_values("volgorde", kind="stable").iterrows():
        routes[r["id"]] = {"naam": r["naam"], "titel": r["titel"], "publiek": r["publiek"],
                           "beschikbaar_min": int(r["beschikbaar_min"]), "alleen": bool(r["alleen"]), "sessies": []}
    sessies = data.load("route_sessies").sort_values(["route", "sessie"], kind="stable")
    onderdelen = data.load("route_onderdelen")
    for _, s in sessies.iterrows():
        sessie = {"titel": s["titel"], "beschikbaar_min": int(s["beschikbaar_min"])}
        rijen = onderdelen[(onderdelen["route"] == s["route"]) & (onderdelen["sessie"] == s["sessie"])]
        for plaats, naar in (("vooraf", "vooraf"), ("sessie", "onderdelen"), ("nadien", "nadien")):
            items = []
            for _, o in rijen[rijen["plaats"] == plaats].sort_values("volgorde", kind="stable").iterrows():
                if o["soort"] == "module":
                    items.append(o["onderdeel"])
                elif o["soort"] == "oefening":
                    items.append(("oefening", o["onderdeel"]))
                else:
                    items.append((o["onderdeel"], o["titel"], int(o["minuten"])))
            sessie[naar] = items
        routes[s["route"]]["sessies"].append(sessie)
    for route in routes.values():
        route["modules"] = _modules_van(route)
    return routes


def _modules_van(route: dict) -> list[str]:
    """The ordered module ids of a route: per session what is done before, in and after it."""
    return [o for s in route["sessies"]
            for o in list(s.get("vooraf", [])) + list(s["onderdelen"]) + list(s.get("nadien", []))
            if isinstance(o, str)]


@lru_cache(maxsize=1)
def routes_info() -> dict[str, dict]:
    """Every route (read once from the data files)."""
    return _laad_routes()


def sessie_paginas(route: str, sessie: int = 1) -> list[str]:
    """The pages a room opens together in session ``sessie`` of ``route``, in order: notebook
    paths from the kit's folder (``notebooks/03_drempels.ipynb``, ``exercises/01_casusanalyse.ipynb``).
    Route items that are no page (an assignment) are left out."""
    if route not in routes_info():
        raise SamenschoolError(f"Onbekende route: {route}. Kies uit: {', '.join(routes_info())}.")
    alle = routes_info()[route]["sessies"]
    if not 1 <= sessie <= len(alle):
        raise SamenschoolError(f"De route {route} heeft {len(alle)} sessie(s). Kies een sessie van 1 tot {len(alle)}.")
    paginas = []
    for item in alle[sessie - 1]["onderdelen"]:
        if isinstance(item, str):
            paginas.append(f"notebooks/{item}.ipynb")
        elif item[0] == "oefening":
            paginas.append(f"exercises/{item[1]}.ipynb")
    return paginas



@dataclass(frozen=True)
class Optioneel:
    module: str
    titel: str
    min: int


@dataclass(frozen=True)
class Onderdeel:
    id: str
    titel: str
    uitleg_min: int
    activiteit_min: int
    is_module: bool = True
    optioneel: tuple[Optioneel, ...] = ()

    @property
    def totaal_min(self) -> int:
        return self.uitleg_min + self.activiteit_min


def optionele_activiteiten(module_id: str) -> tuple[Optioneel, ...]:
    """The activities a notebook marks ``optioneel`` in its declared activities."""
    mod = leerpad.module(module_id)
    return tuple(Optioneel(module_id, f"Activiteit {a.nummer}: {a.titel}", a.minuten)
                 for a in mod.activiteiten if a.optioneel)


def _oefening(naam: str) -> Onderdeel:
    oefening = next((o for o in leerpad.oefeningen() if o.id == naam), None)
    if oefening is None:
        raise SamenschoolError(
            f"De oefening {naam} staat in een route, maar exercises/{naam}.ipynb bestaat niet "
            "of heeft geen metadata.samenschool met titel en activiteiten.")
    return Onderdeel(f"oefening {naam}", f"Oefening: {oefening.titel} (exercises/{naam})",
                     oefening.uitleg_min, oefening.activiteit_min, is_module=False)


def _onderdeel(item) -> Onderdeel:
    if isinstance(item, tuple) and item[0] == "oefening":
        return _oefening(item[1])
    if isinstance(item, tuple):
        ident, titel, minuten = item
        return Onderdeel(ident, titel, 0, minuten, is_module=False)
    try:
        mod = leerpad.module(item)
    except KeyError:
        raise SamenschoolError(
            f"De module {item} staat in een route, maar notebooks/{item}.ipynb bestaat niet "
            "of heeft geen metadata.samenschool."
        ) from None
    opt = optionele_activiteiten(item)
    return Onderdeel(mod.id, mod.titel, mod.uitleg_min, mod.activiteit_min, True, opt)


def _klok(minuten: int) -> str:
    return f"{minuten // 60}:{minuten % 60:02d}"


def _min(minuten: int) -> str:
    return f"{minuten} min"


def _duur(minuten: int) -> str:
    uren, rest = divmod(minuten, 60)
    if not uren:
        return f"{rest} min"
    return f"{uren} u" + (f" {rest} min" if rest else "")


def _pauze_na(onderdelen: list[Onderdeel]) -> int | None:
    """Index of the item after which the break goes: the boundary closest to half time."""
    if len(onderdelen) < 2:
        return None
    totaal = sum(o.totaal_min for o in onderdelen)
    best, best_afstand, eind = None, None, 0
    for i, onderdeel in enumerate(onderdelen[:-1]):
        eind += onderdeel.totaal_min
        afstand = abs(eind - totaal / 2)
        if best_afstand is None or afstand < best_afstand:
            best, best_afstand = i, afstand
    return best


def te_schrappen(kandidaten: list[Optioneel], teveel: int) -> list[Optioneel] | None:
    """Fewest minutes, then fewest activities, that cover ``teveel``; None if impossible."""
    beste = None
    for n in range(1, len(kandidaten) + 1):
        for combo in itertools.combinations(kandidaten, n):
            som = sum(o.min for o in combo)
            if som >= teveel and (beste is None or (som, len(combo)) < (sum(o.min for o in beste), len(beste))):
                beste = list(combo)
    return beste


@dataclass(frozen=True)
class Sessie:
    titel: str
    beschikbaar_min: int
    onderdelen: tuple[Onderdeel, ...]
    pauze_na: int | None  # index into onderdelen, or None for no break
    vooraf: tuple[Onderdeel, ...] = ()  # done alone before the session (not in its time)
    nadien: tuple[Onderdeel, ...] = ()  # done alone after the session, e.g. the assignment

    @property
    def vooraf_min(self) -> int:
        return sum(o.totaal_min for o in self.vooraf)

    @property
    def nadien_min(self) -> int:
        return sum(o.totaal_min for o in self.nadien)

    @property
    def pauze_min(self) -> int:
        return PAUZE_MIN if self.pauze_na is not None else 0

    @property
    def totaal_min(self) -> int:
        return sum(o.totaal_min for o in self.onderdelen) + self.pauze_min

    @property
    def teveel_min(self) -> int:
        return self.totaal_min - self.beschikbaar_min


def sessies(route: str) -> list[Sessie]:
    if route not in routes_info():
        raise SamenschoolError(f"Onbekende route: {route}. Kies uit: {', '.join(routes_info())}.")
    result = []
    for sessie in routes_info()[route]["sessies"]:
        onderdelen = [_onderdeel(item) for item in sessie["onderdelen"]]
        pauze = _pauze_na(onderdelen) if sessie["beschikbaar_min"] >= PAUZE_VANAF_MIN else None
        vooraf = tuple(_onderdeel(item) for item in sessie.get("vooraf", []))
        nadien = tuple(_onderdeel(item) for item in sessie.get("nadien", []))
        result.append(Sessie(sessie["titel"], sessie["beschikbaar_min"], tuple(onderdelen), pauze, vooraf, nadien))
    return result


def _past_regels(sessie: Sessie) -> list[str]:
    beschikbaar = _min(sessie.beschikbaar_min)
    if sessie.teveel_min <= 0:
        over = -sessie.teveel_min
        return [f"**Past:** {_min(sessie.totaal_min)} van de {beschikbaar}"
                + (f" ({_min(over)} speling)." if over else " (geen speling).")]
    lines = [f"**Past niet:** {_min(sessie.totaal_min)} voor {beschikbaar}, "
             f"dus {_min(sessie.teveel_min)} te veel."]
    kandidaten = [o for onderdeel in sessie.onderdelen for o in onderdeel.optioneel]
    if not kandidaten:
        lines.append(f"Geen enkele activiteit in deze modules is als optioneel gemarkeerd "
                     f"(metadata van de notebooks). Kort zelf {_min(sessie.teveel_min)} in, "
                     "of geef een module mee als huiswerk.")
        return lines
    keuze = te_schrappen(kandidaten, sessie.teveel_min)
    if keuze is None:
        alles = sum(o.min for o in kandidaten)
        lines.append(f"Ook zonder alle optionele activiteiten ({_min(alles)}) past het niet: "
                     f"nog {_min(sessie.teveel_min - alles)} te veel. Geef een module mee als huiswerk "
                     "of neem meer tijd.")
        return lines
    lines.append("Laat deze optionele activiteit(en) vallen:")
    lines += [f"- {o.titel} ({o.module}, {_min(o.min)})" for o in keuze]
    nieuw = sessie.totaal_min - sum(o.min for o in keuze)
    lines.append(f"Dan duurt de sessie {_min(nieuw)}.")
    return lines


def _naam(o: Onderdeel) -> str:
    return f"`{o.id}` {o.titel}" if o.is_module else o.titel


def _alleen_tabel(kop: str, items: tuple[Onderdeel, ...]) -> list[str]:
    lines = ["", kop, "", "| onderdeel | uitleg | activiteiten | samen |", "|---|---|---|---|"]
    lines += [f"| {_naam(o)} | {_min(o.uitleg_min) if o.is_module else ''} | {_min(o.activiteit_min)} "
              f"| {_min(o.totaal_min)} |" for o in items]
    lines.append(f"| samen |  |  | **{_min(sum(o.totaal_min for o in items))}** |")
    return lines


def schema_markdown(route: str) -> str:
    """The timed schedule of a route as Markdown, from the notebooks' metadata."""
    info = routes_info().get(route)
    items = sessies(route)
    lines = [
        f"# Tijdschema: {info['titel']}",
        "",
        "<!-- Gemaakt met `samenschool gids maak` uit de metadata van de notebooks. "
        "Pas dit bestand niet met de hand aan. -->",
        "",
        f"**Voor wie:** {info['publiek']}  ",
        f"**Beschikbare tijd:** {_duur(info['beschikbaar_min'])}",
        "",
        "De minuten per module komen uit de pagina's zelf (uitleg en activiteiten). "
        "Wijzigt een pagina, dan maak je dit schema opnieuw met `samenschool gids maak`.",
    ]
    for sessie in items:
        lines += ["", f"## {sessie.titel} ({_min(sessie.beschikbaar_min)})"]
        if sessie.vooraf:
            lines += _alleen_tabel("**Vooraf, alleen** (thuis of in een vrij lesuur; niet in de tijd van de sessie):",
                                   sessie.vooraf)
            lines += ["", "**In de sessie:**"]
        lines += ["", "| start | onderdeel | uitleg | activiteiten | samen |",
                  "|---|---|---|---|---|"]
        klok = 0
        for i, onderdeel in enumerate(sessie.onderdelen):
            naam = _naam(onderdeel)
            uitleg = _min(onderdeel.uitleg_min) if onderdeel.is_module else ""
            lines.append(f"| {_klok(klok)} | {naam} | {uitleg} | {_min(onderdeel.activiteit_min)} "
                         f"| {_min(onderdeel.totaal_min)} |")
            klok += onderdeel.totaal_min
            if sessie.pauze_na == i:
                lines.append(f"| {_klok(klok)} | Pauze |  |  | {_min(PAUZE_MIN)} |")
                klok += PAUZE_MIN
        lines.append(f"| {_klok(klok)} | Einde |  |  | **{_min(sessie.totaal_min)}** |")
        lines.append("")
        if sessie.pauze_na is None and sessie.beschikbaar_min >= PAUZE_VANAF_MIN:
            lines.append("Geen pauze: de sessie heeft maar één onderdeel.")
        lines += _past_regels(sessie)
        if sessie.nadien:
            lines += _alleen_tabel("**Nadien, alleen** (de opdracht na de sessie; niet in de tijd van de sessie):",
                                   sessie.nadien)
        opt = [o for onderdeel in sessie.onderdelen for o in onderdeel.optioneel]
        if opt:
            lines.append("")
            lines.append("Optionele activiteiten in deze sessie (volgens de pagina's): "
                         + "; ".join(f"{o.titel} ({o.module}, {_min(o.min)})" for o in opt) + ".")
    totaal = sum(s.totaal_min for s in items)
    alleen = sum(s.vooraf_min + s.nadien_min for s in items)
    lines += ["", "## Samen", "",
              f"Alles samen: **{_min(totaal)}** (met pauzes) voor {_min(info['beschikbaar_min'])} beschikbaar. "
              + ("Dat past." if all(s.teveel_min <= 0 for s in items)
                 else "Dat past niet: zie hierboven wat je kunt laten vallen.")]
    if alleen:
        lines.append(f"Daarbij werken de deelnemers alleen, vooraf of nadien: {_min(alleen)}.")
    lines.append("")
    return "\n".join(lines)


def doelmap(root: Path | None = None) -> Path:
    return (root or repo_root()) / "facilitator_guide"


def bestand(route: str, root: Path | None = None) -> Path:
    return doelmap(root) / f"tijdschema_{route}.md"


def maak(root: Path | None = None) -> list[Path]:
    """Write every route's schedule and the activity headings of every module; returns the
    files that changed."""
    from samenschool import koppen

    changed = [m.pad for m in leerpad.modules() if koppen.herschrijf(m.pad)]
    for route in routes_info():
        path, text = bestand(route, root), schema_markdown(route)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def controleer(root: Path | None = None) -> list[str]:
    """Dutch messages for every schedule file that is missing or stale (empty: all good)."""
    from samenschool import koppen

    problemen = [p for m in leerpad.modules() for p in koppen.verschillen(m.pad)]
    for route in routes_info():
        path = bestand(route, root)
        if not path.exists():
            problemen.append(f"{path.name} ontbreekt")
        elif path.read_text(encoding="utf-8") != schema_markdown(route):
            problemen.append(f"{path.name} klopt niet meer met de metadata van de notebooks")
    return problemen


def route_naam(route: str) -> str:
    """The route's short name as pages show it ("Schoolteam")."""
    info = routes_info().get(route)
    return str(info["naam"]) if info else route


def waar(route: str) -> list[tuple[str, str, str]]:
    """Per module of a route, in the order it is done: (module id, "vooraf" / "sessie" / "nadien",
    session title). For pages that show a route (e.g. the start page)."""
    if route not in routes_info():
        raise SamenschoolError(f"Onbekende route: {route}. Kies uit: {', '.join(routes_info())}.")
    result = []
    for sessie in routes_info()[route]["sessies"]:
        for soort, items in (("vooraf", sessie.get("vooraf", [])), ("sessie", sessie["onderdelen"]),
                             ("nadien", sessie.get("nadien", []))):
            result += [(item, soort, sessie["titel"]) for item in items if isinstance(item, str)]
    return result


def werkmap_volgorde(route: str) -> list[str]:
    """The werkmap modules of a route in the order it is done (modules and exercises)."""
    if route not in routes_info():
        raise SamenschoolError(f"Onbekende route: {route}. Kies uit: {', '.join(routes_info())}.")
    result = []
    for sessie in routes_info()[route]["sessies"]:
        for item in list(sessie.get("vooraf", [])) + list(sessie["onderdelen"]) + list(sessie.get("nadien", [])):
            if isinstance(item, str):
                result.append(item)
            elif item[0] == "oefening":
                from samenschool.oefeningen import module_sleutel

                result.append(module_sleutel(item[1]))
    return list(dict.fromkeys(result))
