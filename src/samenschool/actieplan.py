"""Module 07: a school team's action plan (model, checks, documents, the room's votes).

The team scans where the school stands on each need and condition of the report
(``datasets/noden.csv``), chooses at most three barriers to work on first (the team map
of module 03 proposes them), and writes at most five actions: what, who pulls it (a role
or a colleague, never a child or a family), the first step and its date, how the team
will know it works, and when it looks back. An action can start from a good practice of
the report (``datasets/goede_praktijken.csv``, shown with its quotes) or be the team's own.

No ipywidgets here: the view lives in ``samenschool.widgets.actieplan``.

API
    Plan.from_dict(data) / plan.to_dict()     JSON shape of the CLI and the werkmap
    valideer(plan, vandaag=None)              list of Melding (Dutch, names the field)
    voorbeeld(vandaag=None)                   a complete example plan (fictional school)
    render(plan, fmt) / schrijf(plan, map, fmt)   HTML (A4), DOCX (python-docx), Markdown
    stemmen(antwoorden)                       votes of several participants (projector view)
    ontwerp(stemmen) / zaal_html(antwoorden)  the draft plan the votes point to; module 07 on the projector
    PlanWerk(werkmap)                         what the page saved, read and changed (no widgets)
    nood_html(id), praktijk_html(id)          what the page shows for one need / practice
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from samenschool import citaat, data, sjablonen, woord
from samenschool.errors import SamenschoolError

MODULE = "07_actieplan"
MAX_DREMPELS = 3
MAX_ACTIES = 5
MAX_TEKST = 1000  # characters per field; a plan is a short document
STANDEN = {
    "nog_niet": "Nog niet",
    "gestart": "Gestart",
    "gewoonte": "Zit in onze werking",
}
FORMATEN = ("html", "docx", "md")
MIME = {
    "html": "text/html",
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
TITEL = "Actieplan: samen school maken met ouders"
BRON = f"{citaat.BRON}, www.recht-op.be"
LEZING = ("De koppeling tussen drempels, noden en goede praktijken is de lezing van de kit "
          "Samen School Maken: het rapport legt die links zelf niet (rapport, delen Drempels, Wat is er nodig "
          "en Focusgroep tips).")
RAPPORT_ZELF = "Wat het rapport zegt"  # a label that opens the report's own sentence with its source
TREKKER_UITLEG = "Een trekker is een rol of een collega uit het team. Nooit een kind of een gezin."
KANT = {"ouders": "Drempel die ouders noemen", "school": "Drempel die scholen noemen (focusgroep)"}
NOOD_KANT = {"ouders": "volgens de oudergroep", "focusgroep": "volgens de focusgroep (scholen, stad en partners)"}
NOOD_KORT = {"ouders": "oudergroep", "focusgroep": "focusgroep"}

# Words that show an owner is a child or a family, not a member of the team.
_NIET_TREKKER = re.compile(
    r"\b(kind|kinderen|kindje|leerling|leerlingen|zoon|dochter|gezin|gezinnen|familie|mama|papa|"
    r"moeder|vader|ouder|ouders|oma|opa|broer|zus)\b", re.IGNORECASE)
_DATUM_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATUM_BE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")

ACTIE_VELDEN = {  # field -> label as on the page and in the documents
    "drempel": "Bij welke drempel?",
    "wat": "Wat gaan we doen?",
    "trekker": "Wie trekt het?",
    "eerste_stap": "Eerste stap",
    "datum_eerste_stap": "Datum van de eerste stap",
    "werkt_het": "Hoe weten we dat het werkt?",
    "terugblik": "Wanneer kijken we terug?",
    "praktijk": "Goede praktijk uit het rapport",
}


# ---------------------------------------------------------------------------------------------
# Data from the report
# ---------------------------------------------------------------------------------------------

def noden() -> list[dict]:
    """The 18 needs and conditions, in the report's order, as dicts."""
    return data.noden().to_dict("records")


def drempels() -> list[dict]:
    """All barriers (parents' nine first, then the focus group's), as dicts."""
    frame = data.drempels().sort_values("volgorde", kind="stable")
    return frame.to_dict("records")


def praktijken() -> list[dict]:
    return data.goede_praktijken().to_dict("records")


def _citaten() -> dict[str, dict]:
    return {r["id"]: r for r in data.citaten().to_dict("records")}


def drempel_naam(drempel_id: str) -> str:
    for rij in drempels():
        if rij["id"] == drempel_id:
            return rij["naam"]
    return drempel_id


def praktijken_voor(drempel_id: str) -> list[dict]:
    """The good practices that lower this barrier (data column ``drempels``)."""
    return [p for p in praktijken() if drempel_id in data.split_list(p["drempels"])]


def noden_voor(drempel_id: str) -> list[dict]:
    """The needs behind this barrier (data column ``drempels`` of noden.csv; the kit's reading)."""
    return [n for n in noden() if drempel_id in data.split_list(n["drempels"])]


def teamkaart_drempels(werkmap) -> list[tuple[str, float]]:
    """The barriers of the team map of module 03 (module ``03_drempels``, key ``teamkaart``,
    ``{"leden": {label: {drempel_id: 0-3}}}``), strongest first, as (id, mean). Barriers the
    team scored 0 on average are left out. An empty list when the werkmap holds no team map."""
    try:
        saved = werkmap.get("03_drempels", "teamkaart", {}) or {}
    except Exception:  # an unreadable file: the team chooses itself
        return []
    leden = saved.get("leden") if isinstance(saved, dict) else None
    if not isinstance(leden, dict) or not leden:
        return []
    volgorde = {r["id"]: i for i, r in enumerate(drempels())}
    totaal: dict[str, list[int]] = {}
    for gewichten in leden.values():
        if not isinstance(gewichten, dict):
            continue
        for drempel_id, waarde in gewichten.items():
            if drempel_id in volgorde and isinstance(waarde, int) and not isinstance(waarde, bool):
                totaal.setdefault(drempel_id, []).append(waarde)
    gemiddeld = [(d, round(sum(v) / len(v), 2)) for d, v in totaal.items() if v and sum(v) > 0]
    return sorted(gemiddeld, key=lambda item: (-item[1], volgorde[item[0]]))


# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------

@dataclass
class Actie:
    drempel: str = ""
    wat: str = ""
    trekker: str = ""
    eerste_stap: str = ""
    datum_eerste_stap: str = ""   # JJJJ-MM-DD (DD-MM-JJJJ is accepted too)
    werkt_het: str = ""
    terugblik: str = ""           # date, same forms
    praktijk: str = ""            # id of a good practice (P01 …) or "" for the team's own

    @classmethod
    def from_dict(cls, raw: Any, plek: str) -> "Actie":
        if not isinstance(raw, dict):
            raise SamenschoolError(f"Het veld ‘{plek}’ moet een actie zijn (een JSON-object met wat, "
                                   f"trekker, eerste_stap, …), geen {_soort(raw)}.")
        waarden = {}
        for naam in ACTIE_VELDEN:
            waarde = raw.get(naam, "")
            if waarde is None:
                waarde = ""
            if not isinstance(waarde, str):
                raise SamenschoolError(f"Het veld ‘{plek}.{naam}’ moet tekst zijn, geen {_soort(waarde)}.")
            waarden[naam] = waarde.strip()
        return cls(**waarden)


@dataclass
class Plan:
    school: str = ""
    zelfscan: dict[str, str] = field(default_factory=dict)   # need id -> key of STANDEN
    drempels: list[str] = field(default_factory=list)        # chosen barrier ids, in order
    acties: list[Actie] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: Any) -> "Plan":
        """A plan from JSON. A wrong type raises SamenschoolError naming the field."""
        if not isinstance(raw, dict):
            raise SamenschoolError(f"Een plan is een JSON-object met school, zelfscan, drempels en acties, "
                                   f"geen {_soort(raw)}.")
        school = raw.get("school", "") or ""
        if not isinstance(school, str):
            raise SamenschoolError(f"Het veld ‘school’ moet tekst zijn, geen {_soort(school)}.")
        zelfscan = _of(raw.get("zelfscan"), {})
        if not isinstance(zelfscan, dict):
            raise SamenschoolError(f"Het veld ‘zelfscan’ moet een JSON-object zijn (nood → stand), "
                                   f"geen {_soort(zelfscan)}.")
        for sleutel, stand in zelfscan.items():
            if not isinstance(stand, str):
                raise SamenschoolError(f"Het veld ‘zelfscan.{sleutel}’ moet tekst zijn "
                                       f"({', '.join(STANDEN)}), geen {_soort(stand)}.")
        gekozen = _of(raw.get("drempels"), [])
        if not isinstance(gekozen, list) or not all(isinstance(d, str) for d in gekozen):
            raise SamenschoolError("Het veld ‘drempels’ moet een lijst van drempel-ids zijn, "
                                   "bv. [\"tijd_ontmoeting\", \"taal\"].")
        acties = _of(raw.get("acties"), [])
        if not isinstance(acties, list):
            raise SamenschoolError(f"Het veld ‘acties’ moet een lijst van acties zijn, geen {_soort(acties)}.")
        return cls(school=school.strip(), zelfscan=dict(zelfscan), drempels=list(gekozen),
                   acties=[Actie.from_dict(a, f"acties[{i}]") for i, a in enumerate(acties, start=1)])

    def to_dict(self) -> dict:
        return {"school": self.school, "zelfscan": dict(self.zelfscan), "drempels": list(self.drempels),
                "acties": [asdict(a) for a in self.acties]}


def _of(value: Any, default: Any) -> Any:
    """``default`` for a missing field (None), the value itself otherwise (also an empty one)."""
    return default if value is None else value


def _soort(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, (int, float)):
        return "een getal"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een JSON-object"
    if value is None:
        return "niets"
    return "tekst"


def parse_datum(tekst: str) -> _dt.date | None:
    """A date written as JJJJ-MM-DD or DD-MM-JJJJ (also with / or .). None if it is no date."""
    tekst = (tekst or "").strip()
    match = _DATUM_ISO.match(tekst)
    try:
        if match:
            return _dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _DATUM_BE.match(tekst)
        if match:
            return _dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None


def datum_tekst(tekst: str) -> str:
    """A date as the documents show it (15-01-2027); the text itself when it is no date."""
    datum = parse_datum(tekst)
    return f"{datum:%d-%m-%Y}" if datum else tekst


@dataclass
class Melding:
    veld: str          # e.g. "acties[2].trekker" (1-based, as the CLI names it)
    tekst: str
    is_fout: bool = True
    verleden: bool = False  # a date that has passed: refused for a new action; a saved plan still prints

    def regel(self) -> str:
        return f"{self.veld}: {self.tekst}"

    def __str__(self) -> str:
        return self.tekst


def trekker_is_kind_of_gezin(trekker: str) -> bool:
    return bool(_NIET_TREKKER.search(trekker or ""))


def valideer(plan: Plan, vandaag: _dt.date | None = None) -> list[Melding]:
    """Every problem of the plan, as Dutch messages that name the field."""
    vandaag = vandaag or _dt.date.today()
    namen = {r["id"]: r["naam"] for r in drempels()}
    nood_ids = {n["id"] for n in noden()}
    praktijk_ids = {p["id"] for p in praktijken()}
    uit: list[Melding] = []

    for nood_id, stand in plan.zelfscan.items():
        if nood_id not in nood_ids:
            uit.append(Melding(f"zelfscan.{nood_id}", f"De nood ‘{nood_id}’ kennen we niet (N01 tot N{len(nood_ids):02d})."))
        elif stand not in STANDEN:
            uit.append(Melding(f"zelfscan.{nood_id}", f"‘{stand}’ is geen stand. Kies uit: {', '.join(STANDEN)}."))

    for i, drempel_id in enumerate(plan.drempels, start=1):
        if drempel_id not in namen:
            uit.append(Melding(f"drempels[{i}]", f"De drempel ‘{drempel_id}’ kennen we niet."))
    if len(set(plan.drempels)) != len(plan.drempels):
        uit.append(Melding("drempels", "Een drempel staat twee keer in de lijst. Kies elke drempel één keer."))
    if len(plan.drempels) > MAX_DREMPELS:
        uit.append(Melding("drempels", f"Jullie kozen {len(plan.drempels)} drempels. Kies er hoogstens "
                                       f"{MAX_DREMPELS}: met minder drempels raken jullie verder."))
    if not plan.drempels:
        uit.append(Melding("drempels", "Kies minstens één drempel om aan te werken."))

    if not plan.acties:
        uit.append(Melding("acties", "Er staat nog geen actie in het plan. Voeg minstens één actie toe."))
    if len(plan.acties) > MAX_ACTIES:
        uit.append(Melding("acties", f"Jullie plan heeft {len(plan.acties)} acties. Dat is te veel om waar "
                                     f"te maken: kies er minder (hoogstens {MAX_ACTIES})."))
    for i, actie in enumerate(plan.acties, start=1):
        uit += _valideer_actie(actie, i, plan, namen, praktijk_ids, vandaag)
    for naam, waarde in [("school", plan.school)]:
        if len(waarde) > MAX_TEKST:
            uit.append(Melding(naam, f"Deze tekst is te lang ({len(waarde)} tekens). Hou het bij {MAX_TEKST}."))
    return uit


def _valideer_actie(actie: Actie, i: int, plan: Plan, namen: dict, praktijk_ids: set,
                    vandaag: _dt.date) -> list[Melding]:
    plek = f"acties[{i}]"
    uit: list[Melding] = []

    def fout(veld: str, tekst: str, verleden: bool = False) -> None:
        uit.append(Melding(f"{plek}.{veld}", f"Actie {i}: {tekst}", verleden=verleden))

    if not actie.drempel:
        fout("drempel", "deze actie hoort bij geen drempel. Kies bij welke gekozen drempel ze hoort.")
    elif actie.drempel not in namen:
        fout("drempel", f"de drempel ‘{actie.drempel}’ kennen we niet.")
    elif actie.drempel not in plan.drempels:
        fout("drempel", f"ze hoort bij ‘{namen[actie.drempel]}’, maar die drempel kozen jullie niet. "
                        "Kies die drempel, of koppel de actie aan een gekozen drempel.")
    if not actie.wat:
        fout("wat", "wat gaan jullie doen? Vul het in.")
    if not actie.trekker:
        fout("trekker", "wie trekt deze actie? Vul een rol (bv. ‘zorgcoördinator’) of de naam van een collega "
                        "in. Nooit een kind of een gezin.")
    elif trekker_is_kind_of_gezin(actie.trekker):
        fout("trekker", f"‘{actie.trekker}’ lijkt een kind, een ouder of een gezin. De trekker is iemand van "
                        "het schoolteam: een rol of een collega. Nooit een kind of een gezin.")
    if not actie.eerste_stap:
        fout("eerste_stap", "wat is de eerste stap? Schrijf op wat jullie als eerste doen.")
    eerste = _valideer_datum(actie.datum_eerste_stap, "datum_eerste_stap", "de eerste stap", fout, vandaag)
    if not actie.werkt_het:
        fout("werkt_het", "hoe weten jullie dat het werkt? Schrijf op wat jullie dan zien of horen.")
    terug = _valideer_datum(actie.terugblik, "terugblik", "de terugblik", fout, vandaag)
    if eerste and terug and terug < eerste:
        fout("terugblik", f"jullie kijken terug ({terug:%d-%m-%Y}) vóór de eerste stap ({eerste:%d-%m-%Y}). "
                          "Kies een latere datum om terug te kijken.")
    if actie.praktijk and actie.praktijk not in praktijk_ids:
        fout("praktijk", f"de goede praktijk ‘{actie.praktijk}’ kennen we niet.")
    for veld in ACTIE_VELDEN:
        waarde = getattr(actie, veld)
        if len(waarde) > MAX_TEKST:
            fout(veld, f"deze tekst is te lang ({len(waarde)} tekens). Hou het bij {MAX_TEKST}.")
    return uit


def _valideer_datum(tekst: str, veld: str, wat: str, fout, vandaag: _dt.date) -> _dt.date | None:
    if not tekst:
        fout(veld, f"wanneer is {wat}? Vul een datum in.")
        return None
    datum = parse_datum(tekst)
    if datum is None:
        fout(veld, f"‘{tekst}’ is geen datum. Schrijf ze als {vandaag:%d-%m-%Y}.")
        return None
    if datum < vandaag:
        fout(veld, f"de datum van {wat} ({datum:%d-%m-%Y}) ligt in het verleden. Kies vandaag of later.",
             verleden=True)
        return None
    return datum


def fouten(plan: Plan, vandaag: _dt.date | None = None) -> list[Melding]:
    return [m for m in valideer(plan, vandaag) if m.is_fout]


# ---------------------------------------------------------------------------------------------
# Example
# ---------------------------------------------------------------------------------------------

def voorbeeld(vandaag: _dt.date | None = None) -> Plan:
    """An example plan of a fictional school, with dates after ``vandaag``."""
    vandaag = vandaag or _dt.date.today()

    def dag(n: int) -> str:
        datum = vandaag + _dt.timedelta(days=n)
        # a school day: not a weekend, not between Christmas and New Year
        while datum.weekday() >= 5 or (datum.month, datum.day) >= (12, 24) or (datum.month, datum.day) <= (1, 1):
            datum += _dt.timedelta(days=1)
        return datum.isoformat()

    return Plan(
        school="Basisschool De Regenboog (verzonnen school)",
        zelfscan={"N04": "gestart", "N07": "nog_niet", "N08": "gestart", "N11": "nog_niet",
                  "N13": "nog_niet", "N14": "gestart", "N15": "gewoonte", "N18": "nog_niet"},
        drempels=["tijd_ontmoeting", "wantrouwen_vooroordelen", "school_motivatie"],
        acties=[
            Actie(drempel="tijd_ontmoeting", praktijk="P29",
                  wat="Elke ochtend staat iemand van het team aan de schoolpoort en zegt goedendag.",
                  trekker="directeur", eerste_stap="Een beurtrol maken op de personeelsvergadering.",
                  datum_eerste_stap=dag(7),
                  werkt_het="Meer ouders blijven even staan om te praten. We tellen het twee weken lang.",
                  terugblik=dag(42)),
            Actie(drempel="wantrouwen_vooroordelen", praktijk="P33",
                  wat="Bij de start van het volgende schooljaar een ouder-vertelgesprek met elke ouder van de instapklas.",
                  trekker="juf van de instapklas, met de zorgcoördinator",
                  eerste_stap="De uitnodiging maken met de planner van module 04.",
                  datum_eerste_stap=dag(21),
                  werkt_het="Minstens 8 op 10 ouders kwamen. Ouders vertellen iets over hun kind dat we nog niet wisten.",
                  terugblik=dag(90)),
            Actie(drempel="school_motivatie", praktijk="P34",
                  wat="Een werkgroep partnerschap die het plan levend houdt.",
                  trekker="zorgcoördinator",
                  eerste_stap="Drie collega's vragen om mee te doen, ook een nieuwe collega.",
                  datum_eerste_stap=dag(14),
                  werkt_het="De werkgroep komt elke maand samen en brengt verslag op de personeelsvergadering.",
                  terugblik=dag(120)),
        ],
    )


# ---------------------------------------------------------------------------------------------
# What the page shows for one need / one good practice (escaped HTML)
# ---------------------------------------------------------------------------------------------

def citaat_html(rij: dict) -> str:
    """A quote as every page shows it (the kit's one quote renderer)."""
    return citaat.html(rij)


def rapport_html(tekst: str) -> str:
    """The report's own prose (not a voice), verbatim, marked as such, with its source."""
    return (f'<figure class="ss-citaat ss-rapport"><blockquote>{escape(tekst)}</blockquote>'
            f'<figcaption>Zo staat het in het rapport. Bron: {escape(BRON)}.</figcaption></figure>')


def nood_html(nood: dict | str) -> str:
    """One need: its name, who names it, the kit's short description, then the report's own
    words (the report's sentence and/or the quotes linked to it), verbatim with source."""
    if isinstance(nood, str):
        nood = next(n for n in noden() if n["id"] == nood)
    citaten = _citaten()
    delen = [f'<div class="ss-nood" data-nood="{escape(nood["id"])}">',
             f'<p class="ss-nood-naam"><strong>{escape(nood["naam"])}</strong> '
             f'<span class="ss-nood-kant">({escape(NOOD_KANT.get(nood["kant"], nood["kant"]))})</span></p>']
    if nood["beschrijving_bron"] == "rapport":
        delen.append(rapport_html(nood["beschrijving"]))
    else:
        delen.append(f'<p>{escape(nood["beschrijving"])}</p>')
    ids = data.split_list(nood.get("citaat", ""))
    if nood.get("rapport_tekst"):
        if ids:  # the quotes come first; the report's own sentence is one click away
            delen.append(f'<details><summary>{escape(RAPPORT_ZELF)}</summary>{rapport_html(nood["rapport_tekst"])}</details>')
        else:
            delen.append(rapport_html(nood["rapport_tekst"]))
    for cid in ids:
        delen.append(citaat_html(citaten[cid]))
    delen.append("</div>")
    return "".join(delen)


def praktijk_html(praktijk: dict | str) -> str:
    """One good practice with its quotes (verbatim, with source) or the report's sentence."""
    if isinstance(praktijk, str):
        praktijk = next(p for p in praktijken() if p["id"] == praktijk)
    citaten = _citaten()
    wie = "door ouders beschreven" if praktijk["bron"] == "ouders" else "uit de focusgroep"
    delen = [f'<div class="ss-praktijk" data-praktijk="{escape(praktijk["id"])}">',
             f'<p><strong>{escape(praktijk["naam"])}</strong> <span class="ss-nood-kant">({wie})</span></p>',
             f'<p>{escape(praktijk["beschrijving"])}</p>']
    ids = data.split_list(praktijk.get("citaat", ""))
    for cid in ids:
        delen.append(citaat_html(citaten[cid]))
    if not ids and praktijk.get("rapport_tekst"):
        delen.append(rapport_html(praktijk["rapport_tekst"]))
    delen.append("</div>")
    return "".join(delen)


# ---------------------------------------------------------------------------------------------
# Documents: one content model, three renderers
# ---------------------------------------------------------------------------------------------

def inhoud(plan: Plan, vandaag: _dt.date | None = None) -> dict:
    """What the plan document says, as plain data (escaped only by each renderer)."""
    vandaag = vandaag or _dt.date.today()
    namen = {r["id"]: r for r in drempels()}
    nood_rijen = {n["id"]: n for n in noden()}
    praktijk_rijen = {p["id"]: p for p in praktijken()}
    citaten = _citaten()
    gekozen = []
    for drempel_id in plan.drempels:
        rij = namen.get(drempel_id)
        if rij is None:
            continue
        gekozen.append({
            "naam": rij["naam"], "kant": KANT.get(rij["kant"], ""), "beschrijving": rij["beschrijving"],
            "noden": [{"naam": n["naam"], "beschrijving": n["beschrijving"],
                       "stand": STANDEN.get(plan.zelfscan.get(n["id"], ""), "niet ingevuld")}
                      for n in noden_voor(drempel_id)],
        })
    acties = []
    for i, actie in enumerate(plan.acties, start=1):
        rijen = [
            (ACTIE_VELDEN["drempel"], namen[actie.drempel]["naam"] if actie.drempel in namen else actie.drempel),
            (ACTIE_VELDEN["wat"], actie.wat),
            (ACTIE_VELDEN["trekker"], actie.trekker),
            (ACTIE_VELDEN["eerste_stap"], actie.eerste_stap),
            (ACTIE_VELDEN["datum_eerste_stap"], datum_tekst(actie.datum_eerste_stap)),
            (ACTIE_VELDEN["werkt_het"], actie.werkt_het),
            (ACTIE_VELDEN["terugblik"], datum_tekst(actie.terugblik)),
        ]
        praktijk = None
        if actie.praktijk in praktijk_rijen:
            p = praktijk_rijen[actie.praktijk]
            rijen.append((ACTIE_VELDEN["praktijk"], p["naam"]))
            praktijk = {
                "naam": p["naam"],
                "citaten": [{"tekst": citaten[c]["tekst"], "wie": citaat.wie(citaten[c])}
                            for c in data.split_list(p["citaat"])],
                "rapport": p["rapport_tekst"] if not p["citaat"] else "",
            }
        else:
            rijen.append((ACTIE_VELDEN["praktijk"], "Onze eigen actie"))
        acties.append({"nr": i, "titel": actie.wat or f"Actie {i}", "rijen": rijen, "praktijk": praktijk})
    scan = [{"naam": nood_rijen[n]["naam"], "kant": NOOD_KORT.get(nood_rijen[n]["kant"], ""),
             "stand": STANDEN[s]} for n, s in plan.zelfscan.items() if n in nood_rijen and s in STANDEN]
    terugblikken = sorted(d for d in (parse_datum(a.terugblik) for a in plan.acties) if d)
    return {
        "titel": TITEL,
        "school": plan.school,
        "datum": f"{vandaag:%d-%m-%Y}",
        "bron": BRON,
        "lezing": LEZING,
        "trekker_uitleg": TREKKER_UITLEG,
        "drempels": gekozen,
        "acties": acties,
        "zelfscan": scan,
        "eerste_terugblik": f"{terugblikken[0]:%d-%m-%Y}" if terugblikken else "",
    }


def naar_html(plan: Plan, vandaag: _dt.date | None = None) -> str:
    return sjablonen.html().get_template("actieplan/plan.html.j2").render(**inhoud(plan, vandaag))


def naar_markdown(plan: Plan, vandaag: _dt.date | None = None) -> str:
    from samenschool.escape import escape_md

    def md(text: str) -> str:
        return "  \n".join(escape_md(line) for line in str(text).split("\n"))

    c = inhoud(plan, vandaag)
    out = [f"# {md(c['titel'])}", ""]
    if c["school"]:
        out += [f"**{md(c['school'])}**", ""]
    out += [f"*Gemaakt op {c['datum']}. Bron: {md(c['bron'])}.*", "", "## Waar we aan werken", ""]
    for d in c["drempels"]:
        out += [f"### {md(d['naam'])}", "", f"*{md(d['kant'])}.* {md(d['beschrijving'])}", ""]
        if d["noden"]:
            out += ["Wat daarvoor nodig is, volgens het rapport:", ""]
            out += [f"- **{md(n['naam'])}** ({md(n['stand'])}): {md(n['beschrijving'])}" for n in d["noden"]]
            out.append("")
    out += [f"*{md(c['lezing'])}*", "", "## Onze acties", "", md(c["trekker_uitleg"]), ""]
    for a in c["acties"]:
        out += [f"### Actie {a['nr']}: {md(a['titel'])}", "", "| | |", "|---|---|"]
        out += [f"| {md(label)} | {md(tekst).replace(chr(10), '<br>') or ' '} |".replace("  \n", "<br>")
                for label, tekst in a["rijen"]]
        out.append("")
        if a["praktijk"]:
            for q in a["praktijk"]["citaten"]:
                out += [f"> “{md(q['tekst'])}”", ">", f"> — {md(q['wie'])}. Bron: {md(c['bron'])}.", ""]
            if a["praktijk"]["rapport"]:
                out += [f"> {md(a['praktijk']['rapport'])}", ">", f"> — Zo staat het in het rapport. Bron: {md(c['bron'])}.", ""]
    if c["zelfscan"]:
        out += ["## Onze zelfscan", "", "| Wat nodig is | Waar staan we? |", "|---|---|"]
        out += [f"| {md(s['naam'])} ({md(s['kant'])}) | {md(s['stand'])} |" for s in c["zelfscan"]]
        out.append("")
    if c["eerste_terugblik"]:
        out += ["## Terugkijken", "", f"We kijken samen terug op {c['eerste_terugblik']}.", ""]
    return "\n".join(out).rstrip() + "\n"


def naar_docx(plan: Plan, vandaag: _dt.date | None = None) -> bytes:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    from samenschool.escape import xml_veilig

    def veilig(waarde):  # characters XML forbids (e.g. a pasted control character) become U+FFFD
        if isinstance(waarde, str):
            return xml_veilig(waarde)
        if isinstance(waarde, dict):
            return {k: veilig(v) for k, v in waarde.items()}
        if isinstance(waarde, (list, tuple)):
            return type(waarde)(veilig(v) for v in waarde)
        return waarde

    c = veilig(inhoud(plan, vandaag))
    word = woord.a4_document(lettergrootte=11, koppen={"Title": 20, "Heading 1": 15, "Heading 2": 13},
                             ook_rechts_naar_links=True)
    props = word.core_properties
    props.title = c["titel"]
    props.subject = c["school"] or "Actieplan"

    def shade(cell, color: str) -> None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), color)
        cell._tc.get_or_add_tcPr().append(shd)

    def klein(paragraph) -> None:
        for run in paragraph.runs:
            run.font.size = Pt(9)
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    word.add_paragraph(c["titel"], style="Title")
    if c["school"]:
        word.add_paragraph().add_run(c["school"]).bold = True
    klein(word.add_paragraph(f"Gemaakt op {c['datum']}. Bron: {c['bron']}."))
    word.add_paragraph("Waar we aan werken", style="Heading 1")
    for d in c["drempels"]:
        word.add_paragraph(d["naam"], style="Heading 2")
        p = word.add_paragraph()
        p.add_run(d["kant"] + ". ").italic = True
        p.add_run(d["beschrijving"])
        if d["noden"]:
            word.add_paragraph("Wat daarvoor nodig is, volgens het rapport:")
            for n in d["noden"]:
                item = word.add_paragraph(style="List Bullet")
                item.add_run(n["naam"]).bold = True
                item.add_run(f" ({n['stand']}): {n['beschrijving']}")
    klein(word.add_paragraph(c["lezing"]))
    word.add_paragraph("Onze acties", style="Heading 1")
    word.add_paragraph(c["trekker_uitleg"])
    for a in c["acties"]:
        word.add_paragraph(f"Actie {a['nr']}: {a['titel']}", style="Heading 2").paragraph_format.keep_with_next = True
        table = word.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, tekst in a["rijen"]:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            shade(cells[0], "E8F1F8")
            cells[1].paragraphs[0].add_run(tekst)
            cells[0].width, cells[1].width = Cm(5.0), Cm(12.0)
        if a["praktijk"]:
            for q in a["praktijk"]["citaten"]:
                word.add_paragraph(f"“{q['tekst']}”", style="Quote")
                klein(word.add_paragraph(f"{q['wie']}. Bron: {c['bron']}."))
            if a["praktijk"]["rapport"]:
                word.add_paragraph(a["praktijk"]["rapport"], style="Quote")
                klein(word.add_paragraph(f"Zo staat het in het rapport. Bron: {c['bron']}."))
        word.add_paragraph()
    if c["zelfscan"]:
        word.add_paragraph("Onze zelfscan", style="Heading 1")
        table = word.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        for cell, kop in zip(table.rows[0].cells, ("Wat nodig is", "Waar staan we?")):
            cell.paragraphs[0].add_run(kop).bold = True
            shade(cell, "E8F1F8")
        for s in c["zelfscan"]:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(f"{s['naam']} ({s['kant']})")
            cells[1].paragraphs[0].add_run(s["stand"])
    if c["eerste_terugblik"]:
        word.add_paragraph("Terugkijken", style="Heading 1")
        word.add_paragraph(f"We kijken samen terug op {c['eerste_terugblik']}.")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def render(plan: Plan, fmt: str, vandaag: _dt.date | None = None) -> str | bytes:
    """The plan in one format: str for html and md, bytes for docx. Does not validate."""
    if fmt == "html":
        return naar_html(plan, vandaag)
    if fmt == "md":
        return naar_markdown(plan, vandaag)
    if fmt == "docx":
        return naar_docx(plan, vandaag)
    raise SamenschoolError(f"Formaat ‘{fmt}’ kennen we niet. Kies html, docx of md.")


def bestandsnaam(fmt: str) -> str:
    return f"actieplan.{fmt}"


def schrijf(plan: Plan, folder: Path | str, fmt: str, vandaag: _dt.date | None = None) -> Path:
    """Write the plan in one format into ``folder`` (atomically). A plan with errors is refused
    with a SamenschoolError that lists them, naming the fields."""
    if fmt not in FORMATEN:
        raise SamenschoolError(f"Formaat ‘{fmt}’ kennen we niet. Kies html, docx of md.")
    problemen = fouten(plan, vandaag)
    if problemen:
        raise SamenschoolError("het plan is nog niet klaar:\n" + "\n".join(f"  - {m.regel()}" for m in problemen))
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SamenschoolError(f"Kan de map {folder} niet maken: {exc.strerror}.") from exc
    if not folder.is_dir():
        raise SamenschoolError(f"{folder} is geen map.")
    from samenschool.bestanden import schrijf_atomisch

    return schrijf_atomisch(folder / bestandsnaam(fmt), render(plan, fmt, vandaag))


# ---------------------------------------------------------------------------------------------
# The module's state in the werkmap (one self-describing answer per activity)
# ---------------------------------------------------------------------------------------------

CONCEPT = "concept"  # page state: the action being typed (not an answer until it is added)
VRAAG = {
    "zelfscan": "Zelfscan: waar staat onze school bij elke nood?",
    "kiezen": "Kies hoogstens drie drempels om eerst aan te werken.",
    "acties": "Acties: wat doen we, wie trekt het, wat is de eerste stap en wanneer?",
    "plan": "Naam van de school op het plan",
}


def _bewaar(werkmap, module: str, sleutel: str, waarde: Any, *, tekst: str,
            delen: list[tuple[str, str]] | None = None) -> None:
    from samenschool.antwoord import Antwoord

    werkmap.bewaar(module, Antwoord.nieuw(module, sleutel, waarde, vraag=VRAAG[sleutel], tekst=tekst,
                                          delen=delen, volgorde=0))


def actie_tekst(actie: Actie) -> str:
    """One action as a person reads it (for the werkboek)."""
    def zin(tekst: str) -> str:
        return tekst.strip().rstrip(".")

    delen = [f"{ACTIE_VELDEN['drempel']} {drempel_naam(actie.drempel)}" if actie.drempel else "",
             f"{ACTIE_VELDEN['trekker']} {zin(actie.trekker)}",
             f"{ACTIE_VELDEN['eerste_stap']}: {zin(actie.eerste_stap)} (op {datum_tekst(actie.datum_eerste_stap)})",
             f"{ACTIE_VELDEN['werkt_het']} {zin(actie.werkt_het)}",
             f"{ACTIE_VELDEN['terugblik']} {datum_tekst(actie.terugblik)}"]
    return ". ".join(d for d in delen if d) + "."


class PlanWerk:
    """What the team entered on the page, read from and saved in the werkmap at every change.

    Keys (the activity keys of the notebook): ``zelfscan`` {nood id: stand}, ``kiezen``
    [drempel ids], ``acties`` [action dicts], ``plan`` {"school": …}."""

    def __init__(self, werkmap, module: str = MODULE):
        self.werkmap, self.module = werkmap, module
        self.laad()

    def laad(self) -> None:
        get = self.werkmap.get
        scan = get(self.module, "zelfscan", {}) or {}
        self.zelfscan: dict[str, str] = ({k: v for k, v in scan.items() if isinstance(v, str) and v in STANDEN}
                                         if isinstance(scan, dict) else {})
        gekozen = get(self.module, "kiezen", []) or []
        self.drempels: list[str] = [d for d in gekozen if isinstance(d, str)] if isinstance(gekozen, list) else []
        self.acties: list[Actie] = []
        acties = get(self.module, "acties", []) or []
        for i, raw in enumerate(acties if isinstance(acties, list) else [], start=1):  # damaged: none
            try:
                self.acties.append(Actie.from_dict(raw, f"acties[{i}]"))
            except SamenschoolError:
                continue  # a damaged action is skipped; the rest stays
        plan = get(self.module, "plan", {}) or {}
        self.school: str = plan.get("school", "") if isinstance(plan, dict) else ""
        self.klaar: bool = bool(plan.get("klaar")) if isinstance(plan, dict) else False

    @property
    def plan(self) -> Plan:
        return Plan(school=self.school, zelfscan=dict(self.zelfscan), drempels=list(self.drempels),
                    acties=list(self.acties))

    # -- zelfscan --------------------------------------------------------------------------
    def zet_stand(self, nood_id: str, stand: str | None) -> None:
        namen = {n["id"]: n["naam"] for n in noden()}
        if nood_id not in namen:
            raise SamenschoolError(f"De nood ‘{nood_id}’ kennen we niet.")
        if stand:
            if stand not in STANDEN:
                raise SamenschoolError(f"‘{stand}’ is geen stand. Kies uit: {', '.join(STANDEN.values())}.")
            self.zelfscan[nood_id] = stand
        else:
            self.zelfscan.pop(nood_id, None)
        volgorde = list(namen)
        self.zelfscan = dict(sorted(self.zelfscan.items(), key=lambda kv: volgorde.index(kv[0])))
        telling = {label: sum(1 for v in self.zelfscan.values() if v == k) for k, label in STANDEN.items()}
        tekst = (f"{len(self.zelfscan)} van de {len(namen)} noden ingevuld: "
                 + ", ".join(f"{n} {label.lower()}" for label, n in telling.items()) + ".")
        _bewaar(self.werkmap, self.module, "zelfscan", dict(self.zelfscan), tekst=tekst,
                delen=[(namen[n], STANDEN[s]) for n, s in self.zelfscan.items()])

    # -- kiezen ----------------------------------------------------------------------------
    def kies_drempels(self, ids: list[str]) -> str:
        """Save the chosen barriers. More than three are refused: returns the Dutch message
        ('' when saved)."""
        namen = {r["id"]: r["naam"] for r in drempels()}
        ids = list(dict.fromkeys(ids))
        onbekend = [i for i in ids if i not in namen]
        if onbekend:
            raise SamenschoolError(f"Deze drempels kennen we niet: {', '.join(onbekend)}.")
        if len(ids) > MAX_DREMPELS:
            return (f"Kies er hoogstens {MAX_DREMPELS}. Met minder drempels raken jullie verder. "
                    "Haal eerst een vinkje weg.")
        self.drempels = ids
        _bewaar(self.werkmap, self.module, "kiezen", list(ids),
                tekst=", ".join(namen[i] for i in ids) if ids else "Nog geen drempel gekozen.",
                delen=[(f"Drempel {n}", namen[i]) for n, i in enumerate(ids, start=1)])
        return ""

    # -- acties ----------------------------------------------------------------------------
    def _bewaar_acties(self) -> None:
        _bewaar(self.werkmap, self.module, "acties", [asdict(a) for a in self.acties],
                tekst=f"{len(self.acties)} {'actie' if len(self.acties) == 1 else 'acties'}.",
                delen=[(f"Actie {i}: {a.wat.rstrip('.')}", actie_tekst(a)) for i, a in enumerate(self.acties, start=1)])

    def controleer_actie(self, actie: Actie, nummer: int | None = None,
                         vandaag: _dt.date | None = None) -> list[Melding]:
        nummer = nummer or len(self.acties) + 1
        return _valideer_actie(actie, nummer, self.plan, {r["id"]: r["naam"] for r in drempels()},
                               {p["id"] for p in praktijken()}, vandaag or _dt.date.today())

    def voeg_toe(self, actie: Actie, vandaag: _dt.date | None = None) -> list[Melding]:
        """Add an action when it is complete. Returns the messages (empty: saved)."""
        if len(self.acties) >= MAX_ACTIES:
            return [Melding("acties", f"Jullie plan heeft al {MAX_ACTIES} acties. Dat is genoeg om waar te maken: "
                                      "kies er minder. Verwijder eerst een actie.")]
        meldingen = self.controleer_actie(actie, vandaag=vandaag)
        if meldingen:
            return meldingen
        self.acties.append(actie)
        self._bewaar_acties()
        return []

    def verwijder(self, index: int) -> None:
        if 0 <= index < len(self.acties):
            del self.acties[index]
            self._bewaar_acties()

    # -- plan ------------------------------------------------------------------------------
    def zet_school(self, naam: str) -> None:
        self.school = re.sub(r"\s+", " ", naam or "").strip()[:200]
        self._bewaar_plan()

    def zet_klaar(self, klaar: bool) -> None:
        """The plan is complete (its documents can be made) or no longer: the activity "plan"
        counts as done only while it is complete."""
        self.klaar = bool(klaar)
        self._bewaar_plan()

    def _bewaar_plan(self) -> None:
        tekst = ""
        if self.klaar:
            n, m = len(self.acties), len(self.drempels)
            tekst = (f"Het plan is klaar: {n} {'actie' if n == 1 else 'acties'} voor {m} "
                     f"{'drempel' if m == 1 else 'drempels'}" + (f", {self.school}" if self.school else "") + ".")
        _bewaar(self.werkmap, self.module, "plan", {"school": self.school, "klaar": self.klaar}, tekst=tekst)


# ---------------------------------------------------------------------------------------------
# The room: votes of several participants (for the projector view of "De klas")
# ---------------------------------------------------------------------------------------------

def _waarden(opgeslagen: Any) -> dict:
    """{sleutel: waarde} from one participant's saved module: a v2 file ({"antwoorden":
    {sleutel: {"waarde": …}}}), a v1 file ({"antwoorden": {sleutel: waarde}}) or a plain dict."""
    if not isinstance(opgeslagen, dict):
        return {}
    antwoorden = opgeslagen.get("antwoorden", opgeslagen)
    if not isinstance(antwoorden, dict):
        return {}
    uit = {}
    for sleutel, item in antwoorden.items():
        if isinstance(item, dict) and "waarde" in item and ("vraag" in item or "activiteit" in item):
            uit[sleutel] = item["waarde"]
        else:
            uit[sleutel] = item
    return uit


def _actie_sleutel(actie: dict) -> tuple[str, str]:
    if actie.get("praktijk"):
        return actie.get("drempel", ""), actie["praktijk"]
    return actie.get("drempel", ""), re.sub(r"\s+", " ", str(actie.get("wat", ""))).strip().lower()


def stemmen(antwoorden: list[Any]) -> dict:
    """Aggregate several participants' saved answers of module 07 into the team's votes.

    ``antwoorden``: one item per participant, as saved (the module's werkmap file as a dict,
    or ``{sleutel: waarde}``). Keys read: ``kiezen`` (list of barrier ids), ``acties`` (list
    of action dicts), ``zelfscan`` (need id -> stand). Broken items are skipped.

    Returns ``{"deelnemers": n, "drempels": [{"id", "naam", "stemmen"}], "acties": [{"drempel",
    "drempel_naam", "wat", "praktijk", "stemmen"}], "zelfscan": [{"id", "naam", <stand>: n …}]}``,
    each list sorted by votes (most first), ties in the report's order."""
    drempel_rijen = drempels()
    volgorde = {r["id"]: i for i, r in enumerate(drempel_rijen)}
    namen = {r["id"]: r["naam"] for r in drempel_rijen}
    praktijk_namen = {p["id"]: p["naam"] for p in praktijken()}
    drempel_stemmen: dict[str, int] = {}
    actie_stemmen: dict[tuple[str, str], dict] = {}
    scan: dict[str, dict[str, int]] = {}
    deelnemers = 0
    for item in antwoorden:
        waarden = _waarden(item)
        if not waarden:
            continue
        deelnemers += 1
        gekozen = waarden.get("kiezen") or []
        if isinstance(gekozen, dict):
            gekozen = gekozen.get("drempels") or []
        if isinstance(gekozen, list):
            for drempel_id in dict.fromkeys(d for d in gekozen if isinstance(d, str) and d in namen):
                drempel_stemmen[drempel_id] = drempel_stemmen.get(drempel_id, 0) + 1
        acties = waarden.get("acties") or []
        gezien = set()
        if isinstance(acties, list):
            for actie in acties:
                if not isinstance(actie, dict) or not (actie.get("wat") or actie.get("praktijk")):
                    continue
                sleutel = _actie_sleutel(actie)
                if sleutel in gezien:
                    continue
                gezien.add(sleutel)
                rij = actie_stemmen.setdefault(sleutel, {
                    "drempel": sleutel[0], "drempel_naam": namen.get(sleutel[0], ""),
                    "wat": praktijk_namen.get(actie.get("praktijk", ""), "") or str(actie.get("wat", "")).strip(),
                    "praktijk": actie.get("praktijk", "") if actie.get("praktijk") in praktijk_namen else "",
                    "stemmen": 0})
                rij["stemmen"] += 1
        zelfscan = waarden.get("zelfscan") or {}
        if isinstance(zelfscan, dict):
            for nood_id, stand in zelfscan.items():
                if stand in STANDEN:
                    telling = scan.setdefault(nood_id, {k: 0 for k in STANDEN})
                    telling[stand] += 1
    nood_namen = {n["id"]: n["naam"] for n in noden()}
    return {
        "deelnemers": deelnemers,
        "drempels": sorted(({"id": d, "naam": namen[d], "stemmen": n} for d, n in drempel_stemmen.items()),
                           key=lambda r: (-r["stemmen"], volgorde[r["id"]])),
        "acties": sorted(actie_stemmen.values(),
                         key=lambda r: (-r["stemmen"], volgorde.get(r["drempel"], 99), r["wat"].lower())),
        "zelfscan": [{"id": n, "naam": nood_namen[n], **scan[n]} for n in nood_namen if n in scan],
    }


def ontwerp(resultaat: dict) -> dict:
    """A draft plan from the room's votes: the (at most three) barriers with the most votes,
    and under them the actions with the most votes (at most five in all, at least one vote)."""
    drempels_ = [d for d in resultaat.get("drempels", []) if d["stemmen"] > 0][:MAX_DREMPELS]
    ids = [d["id"] for d in drempels_]
    acties = [a for a in resultaat.get("acties", []) if a["drempel"] in ids and a["stemmen"] > 0][:MAX_ACTIES]
    return {"drempels": [{**d, "acties": [a for a in acties if a["drempel"] == d["id"]]} for d in drempels_]}


def zaal_html(antwoorden: list[Any]) -> str:
    """Module 07 on the projector: the team's votes per barrier and per action, and the draft
    plan they point to. Anonymous (counts only); every text escaped; the bars have their
    number beside them as text."""
    r = stemmen(antwoorden)
    n = r["deelnemers"]
    if not n:
        return '<div class="ss-zaal-actieplan"><p>Nog geen stemmen. Zodra deelnemers drempels kiezen, staan ze hier.</p></div>'

    def balk(stemmen_: int) -> str:
        breedte = round(100 * stemmen_ / n)
        return (f'<span class="ss-balk" style="display:inline-block;height:.8em;background:#0072B2;'
                f'width:{breedte}%;max-width:12em" aria-hidden="true"></span>')

    rijen = "".join(f"<tr><th scope=\"row\">{escape(d['naam'])}</th><td>{d['stemmen']} van {n}</td>"
                    f"<td>{balk(d['stemmen'])}</td></tr>" for d in r["drempels"])
    delen = [f'<div class="ss-zaal-actieplan"><h3>Welke drempels eerst? ({n} '
             f'{"deelnemer" if n == 1 else "deelnemers"})</h3>',
             f'<table class="ss-zaal-tabel"><thead><tr><th scope="col">Drempel</th><th scope="col">Stemmen</th>'
             f'<th scope="col"><span class="ss-verborgen">Balk</span></th></tr></thead><tbody>{rijen}</tbody></table>']
    if r["acties"]:
        items = "".join(f"<li>{escape(a['wat'])} <small>({escape(a['drempel_naam'])})</small>: "
                        f"{a['stemmen']} van {n}</li>" for a in r["acties"])
        delen.append(f"<h3>Acties</h3><ol>{items}</ol>")
    plan = ontwerp(r)
    if plan["drempels"]:
        blokken = "".join(
            f"<li><strong>{escape(d['naam'])}</strong>"
            + ("<ul>" + "".join(f"<li>{escape(a['wat'])}</li>" for a in d["acties"]) + "</ul>" if d["acties"] else
               " <small>(nog geen actie)</small>")
            + "</li>" for d in plan["drempels"])
        delen.append(f"<h3>Ontwerp van het plan</h3><p>De drempels en acties met de meeste stemmen "
                     f"(hoogstens {MAX_DREMPELS} drempels en {MAX_ACTIES} acties). Wie trekt het, en wanneer? "
                     f"Dat spreekt het team samen af.</p><ol>{blokken}</ol>")
    delen.append("</div>")
    return "".join(delen)
