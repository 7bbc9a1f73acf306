"""The plan for an ouder-vertelgesprek: plain dataclasses, a tolerant JSON round trip and
validation with Dutch messages.

Design choices
    * ``Plan.from_dict`` never throws away input: a value of the wrong type is kept as it was
      typed (a slot length "twintig" stays "twintig") and ``validate`` names the field. So a
      wrong entry never costs the learner the rest of the plan.
    * ``validate(plan)`` returns ``Melding`` objects: ``niveau`` is ``"fout"`` (blocks the
      documents) or ``"waarschuwing"`` (advice, with the reason from the report or FACTS).
      ``str(melding)`` starts with the field: "Slotduur: ...".
    * The kit never asks for names of children or families. Free-text fields about the class
      say so in their label, and a simple check warns when a text looks like it holds a name.
"""

from __future__ import annotations

import copy
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from samenschool.invoer import schoon
from samenschool.validatie import (
    Probleem, controleer_schema, geheel_getal, grote_getallen, kort, vreemde_tekens,
)


def ouder_zegt(citaat_id: str) -> str:
    """Words from the report for a message, verbatim, with who said it and the source."""
    from samenschool import citaat

    return citaat.zin(citaat.rij(citaat_id))


SCHOOLTYPES = ("kleuter", "lager", "secundair")
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_DAG_AFKORTING = {d[:2]: d for d in DAGEN} | {"wo": "woensdag", "za": "zaterdag", "zo": "zondag"}
PERSOONLIJK = {
    "telefoon": "bellen naar de ouders",
    "schoolpoort": "een woordje aan de schoolpoort",
    "klas": "even aanspreken bij het brengen of halen in de klas",
}
ANTWOORD = {
    "schoolpoort": "zeg het aan de schoolpoort",
    "telefoon": "bel of stuur een bericht",
    "strookje": "geef het strookje mee met uw kind",
    "app": "stuur een bericht via de app van de school",
}
TOLK = {
    "geen": "geen tolk nodig",
    "sociaal_tolk": "een professionele tolk (een sociaal tolk)",
    "familie": "iemand uit de familie of een vriend(in) vertaalt",
    "kind": "het kind vertaalt",
}
# The planner offers these. "kind" is no choice: a child never interprets (FACTS.md). A plan
# that still holds it (an old save, a JSON file) gets a blocking error from ``validate``.
TOLK_KEUZES = ("geen", "sociaal_tolk", "familie")
KIND_AANWEZIG = {
    "nee": "het kind is er niet bij",
    "einde": "het kind komt op het einde even mee",
    "ja": "het kind is er heel het gesprek bij",
}
SCHOOL_ROLLEN = ("klasleerkracht", "zorgleerkracht", "directie", "CLB-medewerker",
                 "brugfiguur", "tweede leerkracht", "leerlingbegeleider", "titularis")
WERKUREN = (9 * 60, 16 * 60)  # 9.00-16.00: when many parents work
MAX_GETAL = 100_000  # no number in a plan (minutes, parents) comes near this



def fases() -> tuple[tuple[str, str, int, str], ...]:
    """The phases of the conversation guide, in order: (id, title, minutes, default text), from
    datasets/gespreksfasen.csv (a facilitator edits them there)."""
    from samenschool import data

    frame = data.load("gespreksfasen").sort_values("volgorde")
    return tuple((r["id"], r["titel"], int(r["minuten"]), r["tekst"]) for _, r in frame.iterrows())


# What the record may hold (FACTS.md, privacy rule for the planner) ...
NOTEREN_STANDAARD = (
    "Sterktes van het kind: waar is het goed in?",
    "Interesses: wat doet het kind graag?",
    "Wat helpt: om zich goed te voelen, om getroost te worden",
    "Afgesproken aanspreekpersoon en kanaal (en hoe vaak)",
    "Taal van de ouders en of een tolk nodig is",
    "Praktische afspraken",
    "Datum en wie er was (rollen)",
    "De samenvatting is voorgelezen aan de ouders",
)
# ... and what it never holds.
NIET_NOTEREN = (
    "inkomen",
    "schulden",
    "uitkeringen (leefloon, werkloosheid, ...)",
    "verblijfsstatus (papieren)",
    "gezondheid",
    "godsdienst of levensbeschouwing",
    "oordelen over het gezin, zoals 'chaotisch gezin'",
)
# Words that betray one of those topics in a field of the record.
_VERBODEN = {
    "inkomen": "inkomen", "loon": "inkomen", "schuld": "schulden", "afbetaling": "schulden",
    "leefloon": "uitkeringen", "uitkering": "uitkeringen", "ocmw": "uitkeringen", "cpas": "uitkeringen",
    "werkloos": "uitkeringen", "verblijf": "verblijfsstatus", "papieren": "verblijfsstatus",
    "asiel": "verblijfsstatus", "gezondheid": "gezondheid", "ziekte": "gezondheid", "ziek": "gezondheid",
    "diagnose": "gezondheid", "medicatie": "gezondheid", "godsdienst": "godsdienst", "religie": "godsdienst",
    "geloof": "godsdienst", "moslim": "godsdienst", "chaotisch": "oordelen", "asociaal": "oordelen",
    "probleemgezin": "oordelen", "verwaarloos": "oordelen", "lui": "oordelen",
}

NIVEAU_FOUT = "fout"
NIVEAU_WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Melding:
    """One validation message. ``veld`` is the Dutch field name shown to the user."""

    niveau: str  # "fout" (blocks the documents) or "waarschuwing"
    veld: str
    tekst: str
    sectie: str = ""  # section of the plan: context, wanneer, ... (the planner maps it to a step)
    leeg: bool = False  # a field not filled in yet: ``tekst`` is then only the hint

    @property
    def is_fout(self) -> bool:
        return self.niveau == NIVEAU_FOUT

    @property
    def soort(self) -> str:
        """The label shown to the learner: no "Fout" for a field that is simply not filled in."""
        if self.leeg:
            return "Nog invullen"
        return "Pas aan" if self.is_fout else "Let op"

    def regel(self) -> str:
        """One line for the learner, with one colon: "Nog invullen: Klas of leerjaar. Schrijf ...",
        "Let op: Slotduur – 10 minuten is te kort. ..."."""
        if self.leeg:
            return f"{self.soort}: {self.veld}." + (f" {self.tekst}" if self.tekst else "")
        return f"{self.soort}: {self.veld} – {self.tekst}"

    def __str__(self) -> str:
        if self.leeg:
            return f"{self.veld}: nog invullen." + (f" {self.tekst}" if self.tekst else "")
        return f"{self.veld}: {self.tekst}"


# ---------------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------------

@dataclass
class Context:
    schooltype: str = "lager"
    klas: str = ""            # "1ste leerjaar", "K2", "3de jaar" — geen namen
    school: str = ""          # name of the school (for the letter); optional
    opmerking: str = ""       # about the class, geen namen van kinderen of gezinnen


@dataclass
class Wanneer:
    periode: str = ""                               # "de eerste twee weken van september"
    slotduur: Any = 30                              # minutes (int; a wrong entry is kept as typed)
    momenten: list = field(default_factory=list)    # ["maandag 08:00", "zaterdag 10:00"]


@dataclass
class Uitnodiging:
    persoonlijk: list = field(default_factory=lambda: ["telefoon", "schoolpoort"])
    schriftelijk: bool = True          # a letter after the personal invitation
    talen: list = field(default_factory=lambda: ["Nederlands"])
    tolk: str = "geen"
    contactpersoon: str = ""           # role or name of the teacher (staff), e.g. "juf Lies"
    telefoon: str = ""
    antwoord: list = field(default_factory=lambda: ["schoolpoort", "telefoon", "strookje"])


@dataclass
class Setting:
    lokaal: str = ""                   # "de klas van het 1ste leerjaar, lokaal 4"
    prive: bool = True                 # a room where nobody else listens
    gelijke_stoelen: bool = True       # chairs of equal height, side by side
    kind_aanwezig: str = "einde"
    extra: str = ""                    # "koffie en thee", "Babbelboom-kaarten"


@dataclass
class Aanwezigen:
    school: list = field(default_factory=lambda: ["klasleerkracht"])
    ouders: Any = 1                    # how many parents (or people with them) we expect
    iemand_meebrengen: bool = True


@dataclass
class Opvolging:
    volgend_contact: str = ""
    bij_afwezigheid: str = ""
    dagelijks: str = ""


def _default_vragen() -> list:
    from samenschool.vertelgesprek.vragen import standaard_vragen

    return standaard_vragen()


def _default_leidraad() -> list:
    return [{"fase": f, "titel": t, "minuten": m, "tekst": x} for f, t, m, x in fases()]


@dataclass
class Plan:
    context: Context = field(default_factory=Context)
    wanneer: Wanneer = field(default_factory=Wanneer)
    uitnodiging: Uitnodiging = field(default_factory=Uitnodiging)
    vragen: list = field(default_factory=_default_vragen)        # [{"id", "tekst"}]
    setting: Setting = field(default_factory=Setting)
    aanwezigen: Aanwezigen = field(default_factory=Aanwezigen)
    leidraad: list = field(default_factory=_default_leidraad)    # [{"fase","titel","minuten","tekst"}]
    noteren: list = field(default_factory=lambda: list(NOTEREN_STANDAARD))
    opvolging: Opvolging = field(default_factory=Opvolging)

    SECTIES = ("context", "wanneer", "uitnodiging", "vragen", "setting", "aanwezigen",
               "leidraad", "noteren", "opvolging")

    # -- JSON ---------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return copy.deepcopy(asdict(self))

    @classmethod
    def from_dict(cls, data: Any) -> "Plan":
        """Build a plan from (possibly partial or wrong) data. Unknown keys are ignored, values
        of the wrong type are kept as typed so that ``validate`` can name them."""
        plan = cls()
        if not isinstance(data, dict):
            return plan
        for name, klass in (("context", Context), ("wanneer", Wanneer), ("uitnodiging", Uitnodiging),
                            ("setting", Setting), ("aanwezigen", Aanwezigen), ("opvolging", Opvolging)):
            part = data.get(name)
            if isinstance(part, dict):
                known = {f.name for f in fields(klass)}
                current = getattr(plan, name)
                for key, value in part.items():
                    if key in known:
                        setattr(current, key, _clean(value))
        for name in ("vragen", "leidraad", "noteren"):
            if name in data and data[name] is not None:
                value = _clean(data[name])
                setattr(plan, name, value if isinstance(value, list) else [value])
        plan.vragen = [_as_vraag(v, i) for i, v in enumerate(plan.vragen)]
        plan.leidraad = [_as_fase(v, i) for i, v in enumerate(plan.leidraad)]
        return plan

    def sectie(self, name: str) -> Any:
        return self.to_dict()[name]

    def zet(self, pad: str, waarde: Any) -> None:
        """Set one field by path: "wanneer.slotduur", "vragen", "leidraad.2.minuten"."""
        parts = pad.split(".")
        if parts[0] not in self.SECTIES:
            raise KeyError(pad)
        data = self.to_dict()
        target = data
        for part in parts[:-1]:
            target = target[int(part)] if isinstance(target, list) else target[part]
        last = parts[-1]
        if isinstance(target, list):
            target[int(last)] = _clean(waarde)
        else:
            target[last] = _clean(waarde)
        new = Plan.from_dict(data)
        for name in self.SECTIES:
            setattr(self, name, getattr(new, name))


def _clean(value: Any) -> Any:
    """NFC text without control characters, recursively; other values as they are."""
    if isinstance(value, str):
        return schoon(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    return value


def _as_vraag(value: Any, index: int) -> dict:
    if isinstance(value, dict):
        return {"id": str(value.get("id") or f"eigen-{index + 1}"), "tekst": value.get("tekst", "")}
    return {"id": f"eigen-{index + 1}", "tekst": value if value is not None else ""}


def _as_fase(value: Any, index: int) -> dict:
    alle = fases()
    defaults = alle[index] if index < len(alle) else (f"fase_{index + 1}", f"Fase {index + 1}", 0, "")
    base = {"fase": defaults[0], "titel": defaults[1], "minuten": defaults[2], "tekst": defaults[3]}
    if isinstance(value, dict):
        base.update({k: value[k] for k in ("fase", "titel", "minuten", "tekst") if k in value})
    elif isinstance(value, str):
        base["tekst"] = value
    return base


# ---------------------------------------------------------------------------------------------
# Helpers for validation and the documents
# ---------------------------------------------------------------------------------------------

_TIJD = re.compile(r"^\s*(\d{1,2})\s*(?:[:.hu]\s*(\d{2}))?\s*(?:uur)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Moment:
    dag: str
    minuut: int  # minutes after midnight

    @property
    def tijd(self) -> str:
        """Flemish time notation: 8.30 uur."""
        return f"{self.minuut // 60}.{self.minuut % 60:02d} uur"

    def tekst(self) -> str:
        return f"{self.dag} om {self.tijd}"


def parse_moment(text: Any) -> Moment:
    """"maandag 08:00", "ma 8u30", "zaterdag 10.00 uur" -> Moment. ValueError with a Dutch reason."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("is leeg")
    parts = text.strip().split(None, 1)
    dag_raw = parts[0].lower().rstrip(".,")
    dag = dag_raw if dag_raw in DAGEN else _DAG_AFKORTING.get(dag_raw[:2]) if len(dag_raw) >= 2 else None
    if dag is None or not (dag_raw in DAGEN or dag_raw in _DAG_AFKORTING or dag_raw.startswith(dag[:2])):
        raise ValueError(f"'{parts[0]}' is geen dag. Schrijf bv. 'maandag 8.00'")
    if len(parts) < 2:
        raise ValueError("er staat geen uur bij. Schrijf bv. 'maandag 8.00'")
    match = _TIJD.match(parts[1])
    if not match:
        raise ValueError(f"'{parts[1]}' is geen uur. Schrijf bv. '8.00' of '16.30'")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"'{parts[1]}' is geen bestaand uur")
    return Moment(dag, hour * 60 + minute)


def as_int(value: Any) -> int | None:
    """A whole number from an int or a text of ASCII digits, within sane bounds; else None.
    ("²" and a number of 4,300 digits are no number: ``validatie.geheel_getal``.)"""
    return geheel_getal(value, -MAX_GETAL, MAX_GETAL)


def buiten_werkuren(moment: Moment, duur: int) -> bool:
    """Before 9.00, ending after 16.00, or in the weekend."""
    if moment.dag in ("zaterdag", "zondag"):
        return True
    return moment.minuut < WERKUREN[0] or moment.minuut + max(duur, 0) > WERKUREN[1]


def schoolkant(plan: Plan) -> list[str]:
    return [r for r in plan.aanwezigen.school if isinstance(r, str) and r.strip()] \
        if isinstance(plan.aanwezigen.school, list) else []


_NAAM_TOEGELATEN = {
    "nederlands", "frans", "engels", "arabisch", "turks", "pools", "roemeens", "bulgaars", "berbers",
    "tamazight", "russisch", "oekraïens", "spaans", "portugees", "italiaans", "duits", "somalisch",
    "tigrinya", "dari", "pasjtoe", "farsi", "koerdisch", "albanees", "lingala", "chinees",
    "september", "oktober", "november", "december", "januari", "februari", "maart", "april", "mei",
    "juni", "juli", "augustus", "clb", "okan", "lo", "wo", "juf", "meester", "kind", "ouders",
    "antwerpen", "kiel", "vlaanderen", "belgië", "brussel", "gok", "ik", "wij", "de", "het", "een",
}
_WOORD = re.compile(r"[\w'’-]+")


def lijkt_naam(text: Any) -> str | None:
    """A capitalised word inside a sentence that is not a language, month or school word:
    probably a name. Returns the word (for the message) or None. A hint, not a filter."""
    if not isinstance(text, str):
        return None
    if re.search(r"\bnaam\b|\bheet\b", text, re.IGNORECASE):
        return "naam"
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n", text):
        for word in _WOORD.findall(sentence)[1:]:
            if (len(word) >= 3 and word[0].isupper() and word[1:].islower()
                    and word.lower() not in _NAAM_TOEGELATEN):
                return word
    return None


def verboden_onderwerp(text: Any) -> str | None:
    """The privacy topic a text touches ("inkomen", "gezondheid", ...) or None."""
    if not isinstance(text, str):
        return None
    lowered = text.lower()
    for word in re.findall(r"[\wà-ÿ]+", lowered):
        for stem, topic in _VERBODEN.items():
            if word == stem or (len(stem) > 4 and word.startswith(stem)):
                return topic
    return None


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------

MAX_TEKST_VELD = 5_000  # characters in one field
MAX_ITEMS = 60          # items in one list (questions, phases, ...)
_T = {"type": "string", "maxLength": MAX_TEKST_VELD}
_TL = {"type": "array", "items": _T, "maxItems": MAX_ITEMS}
_T_OF_TL = {"anyOf": [_TL, _T]}
_GETAL = {"type": ["integer", "number", "string"]}  # "twintig" is named by validate(), not here
_JN = {"type": "boolean"}


def _sectie(**props) -> dict:
    return {"type": "object", "properties": props}


# What a plan file holds (JSON Schema, checked with the jsonschema library). Missing fields get
# their default; wrong types are named with their path, e.g. "Tolk (uitnodiging.tolk)".
PLAN_SCHEMA = {
    "type": "object",
    "properties": {
        "context": _sectie(schooltype=_T, klas=_T, school=_T, opmerking=_T),
        "wanneer": _sectie(periode=_T, slotduur=_GETAL, momenten=_T_OF_TL),
        "uitnodiging": _sectie(persoonlijk=_T_OF_TL, schriftelijk=_JN, talen=_T_OF_TL, tolk=_T,
                               contactpersoon=_T, telefoon=_T, antwoord=_T_OF_TL),
        "vragen": {"type": "array", "maxItems": MAX_ITEMS, "items": {"anyOf": [
            _T, {"type": "object", "properties": {"id": {"type": ["string", "integer"]}, "tekst": _T}}]}},
        "setting": _sectie(lokaal=_T, prive=_JN, gelijke_stoelen=_JN, kind_aanwezig=_T, extra=_T),
        "aanwezigen": _sectie(school=_T_OF_TL, ouders=_GETAL, iemand_meebrengen=_JN),
        "leidraad": {"type": "array", "maxItems": MAX_ITEMS, "items": {"anyOf": [
            _T, {"type": "object", "properties": {"fase": _T, "titel": _T, "minuten": _GETAL, "tekst": _T}}]}},
        "noteren": _T_OF_TL,
        "opvolging": _sectie(volgend_contact=_T, bij_afwezigheid=_T, dagelijks=_T),
    },
}
VELDNAMEN = {
    "context.schooltype": "Schooltype", "context.klas": "Klas of leerjaar", "context.school": "School",
    "context.opmerking": "Over de klas", "wanneer.periode": "Periode", "wanneer.slotduur": "Slotduur",
    "wanneer.momenten": "Momenten", "uitnodiging.persoonlijk": "Persoonlijk uitnodigen",
    "uitnodiging.schriftelijk": "Uitnodiging op papier", "uitnodiging.talen": "Talen",
    "uitnodiging.tolk": "Tolk", "uitnodiging.contactpersoon": "Contactpersoon",
    "uitnodiging.telefoon": "Telefoon", "uitnodiging.antwoord": "Antwoorden via", "vragen": "Vragen",
    "vragen.tekst": "Vraag", "vragen.id": "Vraag (id)", "setting.lokaal": "Lokaal", "setting.prive": "Apart lokaal",
    "setting.gelijke_stoelen": "Stoelen", "setting.kind_aanwezig": "Kind aanwezig", "setting.extra": "Extra",
    "aanwezigen.school": "Van de school", "aanwezigen.ouders": "Aantal ouders",
    "aanwezigen.iemand_meebrengen": "Iemand meebrengen", "leidraad": "Gespreksleidraad",
    "leidraad.fase": "Fase (code)", "leidraad.titel": "Fase (titel)", "leidraad.minuten": "Fase (minuten)",
    "leidraad.tekst": "Fase (tekst)", "noteren": "Noteren", "opvolging.volgend_contact": "Volgend contact",
    "opvolging.bij_afwezigheid": "Als een ouder niet kwam", "opvolging.dagelijks": "Elke dag",
}


def controleer_vorm(data: Any) -> list[Probleem]:
    """The shape of plan data (a JSON file, a saved plan): one problem per wrong field, naming it.
    Blocking: wrong types, texts with control or non-characters (U+FFFE), lists that are too long.
    Not blocking (``blokkeert=False``): fields the kit does not know (they are ignored)."""
    if not isinstance(data, dict):
        return [Probleem("(het hele bestand)", "dit is geen plan: verwacht een JSON-object met context, wanneer, "
                         "uitnodiging, ... Maak een voorbeeld met: samenschool vertelgesprek --voorbeeld")]
    problemen = list(grote_getallen(data, namen=VELDNAMEN))
    if problemen:  # huge numbers and deep nesting first: the other checks need sane data
        return problemen
    problemen = list(vreemde_tekens(data, namen=VELDNAMEN))
    problemen += controleer_schema(data, PLAN_SCHEMA, namen=VELDNAMEN)
    props = PLAN_SCHEMA["properties"]
    for key, value in data.items():
        if key not in props:
            problemen.append(Probleem(kort(key), "dit veld kent de kit niet; het wordt overgeslagen.", False, kort(key)))
        elif isinstance(value, dict) and "properties" in props[key]:
            for sub in value:
                if sub not in props[key]["properties"]:
                    problemen.append(Probleem(f"{key}.{kort(sub)}", "dit veld kent de kit niet; het wordt "
                                              "overgeslagen.", False, f"{key}.{kort(sub)}"))
    return problemen


def _sectie_van(pad: str) -> str:
    """"uitnodiging.tolk" -> "uitnodiging"; "vragen[2]" -> "vragen"."""
    naam = re.split(r"[.\[]", pad, maxsplit=1)[0]
    return naam if naam in Plan.SECTIES else ""


def _in(value: Any, keuzes) -> bool:
    """``value in keuzes`` for any value (a list or dict is never a choice, and never a TypeError)."""
    return isinstance(value, str) and value in keuzes


def validate(plan: Plan) -> list[Melding]:
    """Every problem in the plan: errors (block the documents) first, then warnings."""
    out: list[Melding] = []
    vorm = [p for p in controleer_vorm(plan.to_dict()) if p.blokkeert]
    if vorm:  # wrong types first: the checks below assume the right shape
        return [Melding(NIVEAU_FOUT, p.veld, p.tekst, _sectie_van(p.pad or p.veld)) for p in vorm]

    def fout(sectie, veld, tekst):
        out.append(Melding(NIVEAU_FOUT, veld, tekst, sectie))

    def leeg(sectie, veld, hint=""):
        out.append(Melding(NIVEAU_FOUT, veld, hint, sectie, leeg=True))

    def let_op(sectie, veld, tekst):
        out.append(Melding(NIVEAU_WAARSCHUWING, veld, tekst, sectie))

    def tekst_ok(value) -> bool:
        return isinstance(value, str) and bool(value.strip())

    # context
    c = plan.context
    if not _in(c.schooltype, SCHOOLTYPES):
        fout("context", "Schooltype", f"'{kort(c.schooltype)}' kennen we niet. Kies kleuter, lager of secundair.")
    if not tekst_ok(c.klas):
        leeg("context", "Klas of leerjaar", "Schrijf bv. '1ste leerjaar' of 'K3' (geen namen).")
    for veld, waarde in (("Klas of leerjaar", c.klas), ("Over de klas", c.opmerking)):
        naam = lijkt_naam(waarde)
        if naam:
            let_op("context", veld, f"'{naam}' lijkt op een naam. Schrijf geen namen van kinderen of "
                   "gezinnen in de planner.")

    # wanneer
    w = plan.wanneer
    if not tekst_ok(w.periode):
        leeg("wanneer", "Periode", "Schrijf bv. 'de eerste twee weken van september'.")
    duur = as_int(w.slotduur)
    if duur is None:
        fout("wanneer", "Slotduur", f"'{kort(w.slotduur)}' is geen aantal minuten. Schrijf een getal, bv. 30.")
    elif duur <= 0 or duur > 120:
        fout("wanneer", "Slotduur", f"{duur} minuten kan niet. Kies tussen 15 en 60 minuten.")
    elif duur < 20:
        let_op("wanneer", "Slotduur", f"{duur} minuten is te kort. Tien minuten is te kort om naar het "
               "verhaal van de ouders te luisteren (P. de Vries, 2017). Een leerkracht in de "
               "focusgroep zegt over het oudercontact van 10 minuten: “Dit is eigenlijk te weinig tijd” (C105). "
               "Plan minstens 20 minuten, liefst 30. " + ouder_zegt("C071"))
    momenten = w.momenten if isinstance(w.momenten, list) else [w.momenten]
    geldig: list[Moment] = []
    for i, raw in enumerate(momenten, start=1):
        try:
            geldig.append(parse_moment(raw))
        except ValueError as exc:
            fout("wanneer", f"Moment {i}", f"{exc}.")
    if not momenten or (len(momenten) == 1 and not (isinstance(momenten[0], str) and momenten[0].strip())):
        leeg("wanneer", "Momenten", "Geef minstens twee momenten, ook een vroeg of laat moment.")
    elif geldig and duur and not any(buiten_werkuren(m, duur) for m in geldig):
        let_op("wanneer", "Momenten", "alle momenten vallen tussen 9 en 16 uur. Veel ouders werken dan. "
               "Bied ook een moment aan voor 9 uur (bv. 7.30 of 8.00), na 16 uur of op zaterdagvoormiddag.")

    # uitnodiging
    u = plan.uitnodiging
    persoonlijk = [p for p in u.persoonlijk if _in(p, PERSOONLIJK)] if isinstance(u.persoonlijk, list) else []
    onbekend = [p for p in (u.persoonlijk if isinstance(u.persoonlijk, list) else [u.persoonlijk])
                if not _in(p, PERSOONLIJK)]
    if onbekend:
        fout("uitnodiging", "Persoonlijk uitnodigen", f"'{kort(onbekend[0])}' kennen we niet. Kies uit: "
             + ", ".join(PERSOONLIJK) + ".")
    if not persoonlijk:
        let_op("uitnodiging", "Persoonlijk uitnodigen", "nodig de ouders eerst persoonlijk uit: bel of "
               "spreek ze aan aan de schoolpoort. Daarna pas een brief. " + ouder_zegt("C117"))
    talen = [t for t in u.talen if isinstance(t, str) and t.strip()] if isinstance(u.talen, list) else []
    if not talen:
        let_op("uitnodiging", "Talen", "welke talen spreken de ouders? Zet er minstens één.")
    if not _in(u.tolk, TOLK):
        fout("uitnodiging", "Tolk", f"'{kort(u.tolk)}' kennen we niet. Kies: geen, sociaal_tolk of familie.")
    elif u.tolk == "kind":
        fout("uitnodiging", "Tolk", "een kind laat je nooit tolken. Een kind vertaalt onvolledig, en "
             "ouders schamen zich als hun kind alles hoort. Vraag een professionele tolk (een sociaal "
             "tolk) aan bij het Agentschap Integratie en Inburgering.")
    elif u.tolk == "familie":
        let_op("uitnodiging", "Tolk", "een familielid of vriend(in) vertaalt vaak onvolledig en de ouder "
               "durft minder te zeggen. Bied een professionele tolk (een sociaal tolk) aan. Die vraag je "
               "aan bij het Agentschap Integratie en Inburgering.")
    elif u.tolk == "geen" and any(t.strip().lower() != "nederlands" for t in talen):
        let_op("uitnodiging", "Tolk", "de ouders spreken ook " + ", ".join(
            t for t in talen if t.strip().lower() != "nederlands") + ". Bied een professionele tolk aan. " + ouder_zegt("C090"))
    if not tekst_ok(u.contactpersoon):
        leeg("uitnodiging", "Contactpersoon", "Wie kunnen de ouders aanspreken of bellen? "
             "Schrijf naam en rol, bv. 'juf Lies (klasleerkracht)'.")
    if not tekst_ok(u.telefoon):
        leeg("uitnodiging", "Telefoon", "Op welk nummer kunnen ouders de contactpersoon bellen of een "
             "bericht sturen? Het staat in de brief. Bv. 03 123 45 67.")
    elif len(re.findall(r"\d", u.telefoon)) < 6:
        fout("uitnodiging", "Telefoon", f"'{kort(u.telefoon)}' is geen telefoonnummer. Ouders lezen in de brief "
             "dat ze mogen bellen. Schrijf het nummer, bv. 03 123 45 67.")
    antwoord = u.antwoord if isinstance(u.antwoord, list) else [u.antwoord]
    bad = [a for a in antwoord if not _in(a, ANTWOORD)]
    if bad:
        fout("uitnodiging", "Antwoorden via", f"'{kort(bad[0])}' kennen we niet. Kies uit: " + ", ".join(ANTWOORD) + ".")
    elif not antwoord:
        leeg("uitnodiging", "Antwoorden via", "Hoe zeggen de ouders ja? Kies minstens één manier.")

    # vragen
    if not isinstance(plan.vragen, list) or not plan.vragen:
        leeg("vragen", "Vragen", "Kies minstens één vraag voor het vragenblad.")
    else:
        for i, v in enumerate(plan.vragen, start=1):
            if not tekst_ok(v.get("tekst")):
                leeg("vragen", f"Vraag {i}", "Schrijf de vraag of haal het vinkje weg.")
            elif len(v["tekst"]) > 300:
                fout("vragen", f"Vraag {i}", "is te lang. Hou een vraag kort (één zin).")
            elif lijkt_naam(v["tekst"]):
                let_op("vragen", f"Vraag {i}", f"'{lijkt_naam(v['tekst'])}' lijkt op een naam. "
                       "Het vragenblad is voor alle ouders: zet er geen namen in.")
        if len(plan.vragen) > 8:
            let_op("vragen", "Vragen", f"{len(plan.vragen)} vragen is veel. Kies er 5 tot 8. "
                   + ouder_zegt("C108"))

    # setting
    s = plan.setting
    if not tekst_ok(s.lokaal):
        leeg("setting", "Lokaal", "Waar vindt het gesprek plaats?")
    if s.prive is not True:
        let_op("setting", "Apart lokaal", "kies een plek waar niemand meeluistert. " + ouder_zegt("C042"))
    if s.gelijke_stoelen is not True:
        let_op("setting", "Stoelen", "zet stoelen van dezelfde hoogte klaar, naast elkaar of aan een "
               "hoek van de tafel. Geen kinderstoeltjes voor de ouders (P. de Vries, 2017).")
    if not _in(s.kind_aanwezig, KIND_AANWEZIG):
        fout("setting", "Kind aanwezig", f"'{kort(s.kind_aanwezig)}' kennen we niet. Kies: nee, einde of ja.")

    # aanwezigen
    a = plan.aanwezigen
    school = schoolkant(plan)
    ouders = as_int(a.ouders)
    if not school:
        leeg("aanwezigen", "Van de school", "Wie van de school is erbij? Kies minstens één rol.")
    if ouders is None or ouders < 1:
        fout("aanwezigen", "Aantal ouders", f"'{kort(a.ouders)}' kan niet. Schrijf hoeveel ouders je verwacht, bv. 1 of 2.")
    elif school and len(school) > ouders:
        let_op("aanwezigen", "Wie is erbij", f"{len(school)} mensen van de school tegenover {ouders} "
               f"ouder{'s' if ouders > 1 else ''}. De focusgroep zegt: als de school "
               "oververtegenwoordigd is, kan dit bedreigend overkomen (C109). Kom met zo weinig mogelijk "
               "mensen, liefst alleen de klasleerkracht.")

    # leidraad
    if not isinstance(plan.leidraad, list) or not plan.leidraad:
        fout("leidraad", "Gespreksleidraad", "er staan geen fases in.")
    else:
        totaal = 0
        for i, f in enumerate(plan.leidraad, start=1):
            minuten = as_int(f.get("minuten"))
            titel = f.get("titel") or f"Fase {i}"
            if minuten is None or minuten < 0:
                fout("leidraad", f"Fase {i} ({titel})", f"'{kort(f.get('minuten'))}' is geen aantal minuten.")
            else:
                totaal += minuten
        fases = {f.get("fase") for f in plan.leidraad if isinstance(f.get("fase"), str)}
        if "positief" not in fases:
            let_op("leidraad", "Gespreksleidraad", "voeg één positieve observatie toe. " + ouder_zegt("C044"))
        if "samenvatting" not in fases:
            let_op("leidraad", "Gespreksleidraad", "lees op het einde voor wat je opschrijft.")
        if duur and totaal > duur:
            let_op("leidraad", "Gespreksleidraad", f"de fases duren samen {totaal} minuten, het gesprek "
                   f"{duur} minuten. Maak de fases korter of het gesprek langer.")

    # noteren
    if not isinstance(plan.noteren, list) or not [n for n in plan.noteren if tekst_ok(n)]:
        leeg("noteren", "Noteren", "Kies wat je opschrijft in het verslag.")
    else:
        for i, item in enumerate(plan.noteren, start=1):
            topic = verboden_onderwerp(item)
            if topic:
                fout("noteren", f"Noteren, punt {i}", f"'{kort(item, 60)}' gaat over {topic}. Dat schrijf je niet op. "
                     "Schrijf alleen wat je ook aan de ouders zou tonen: ouders mogen lezen wat er over "
                     "hun kind bewaard wordt.")
        if not any(isinstance(n, str) and ("voorgelezen" in n.lower() or "voorlezen" in n.lower())
                   for n in plan.noteren):
            let_op("noteren", "Noteren", "noteer ook dat je de samenvatting hebt voorgelezen aan de ouders.")

    # opvolging
    o = plan.opvolging
    if not tekst_ok(o.volgend_contact):
        let_op("opvolging", "Volgend contact", "spreek een volgend contact af, bv. 'een kort gesprek na "
               "de herfstvakantie'.")
    if not tekst_ok(o.bij_afwezigheid):
        let_op("opvolging", "Als een ouder niet kwam", "wat doe je dan? Tip uit de focusgroep: bel op, "
               "zeg dat je de ouder gemist hebt en stel een ander moment voor.")
    for veld, waarde in (("Volgend contact", o.volgend_contact), ("Als een ouder niet kwam", o.bij_afwezigheid),
                         ("Elke dag", o.dagelijks)):
        topic = verboden_onderwerp(waarde)
        if topic:
            let_op("opvolging", veld, f"dit lijkt over {topic} te gaan. Hou het plan algemeen, voor alle ouders.")

    out.sort(key=lambda m: m.niveau != NIVEAU_FOUT)
    return out


def fouten(plan: Plan) -> list[Melding]:
    return [m for m in validate(plan) if m.is_fout]


def waarschuwingen(plan: Plan) -> list[Melding]:
    return [m for m in validate(plan) if not m.is_fout]
