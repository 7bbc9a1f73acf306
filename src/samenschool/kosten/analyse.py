"""What a cost list means for a family: per month, per category, peaks, the maximumfactuur
check, the burden for 1, 2 or 3 children, and suggestions to spread the peaks.

All amounts are whole cents (no float drift); ``Overzicht.to_dict()`` gives euros as numbers
for the JSON contract of ``samenschool kosten --json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samenschool.errors import SamenschoolError
from samenschool.kosten.lezen import (
    ALLE_MAANDEN, ELKE_MAAND, SCHOOLMAANDEN, Kostenlijst, categorie_namen, euro,
)

NIVEAUS = ("lager", "kleuter")
PIEK_FACTOR = 1.5      # a month is a peak at 1.5 times the average school month …
PIEK_MINIMUM = 1000    # … and at least € 10 above that average
GEZINNEN = (1, 2, 3)
OORDELEN = ("onder", "op", "boven", "onbekend")


def schooljaar_norm(tekst: str) -> str:
    """'2024-2025', '2024-25' or '2024/2025' -> '2024-2025'; else SamenschoolError."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*", str(tekst or ""))
    if match:
        begin = int(match.group(1))
        eind = match.group(2)
        eind = int(eind) if len(eind) == 4 else (begin // 100) * 100 + int(eind)
        if eind == begin + 1:
            return f"{begin}-{eind}"
    raise SamenschoolError(f"'{tekst}' is geen schooljaar. Schrijf het zo: 2024-2025.")


def maximumfactuur_tabel() -> dict[str, dict]:
    """datasets/maximumfactuur.csv as {schooljaar: row dict}; empty amounts are None."""
    from samenschool import data

    frame = data.load("maximumfactuur")
    tabel = {}
    for _, rij in frame.iterrows():
        row = {}
        for kolom, waarde in rij.items():
            if kolom in ("kleuter", "lager", "meerdaags_lager"):
                row[kolom] = None if waarde != waarde else int(round(float(waarde) * 100))
            else:
                row[kolom] = waarde
        tabel[rij["schooljaar"]] = row
    return tabel


@dataclass
class Maximumfactuur:
    schooljaar: str
    niveau: str
    grens: int | None         # cents, None when the table has no amount
    scherp: int               # the list's scherpe total, cents
    oordeel: str              # onder | op | boven | onbekend
    zekerheid: str            # zeker | onzeker | ontbreekt
    officieel_nagekeken: bool
    bron: str
    bron_datum: str
    meerdaags_grens: int | None
    meerdaags: int
    eigen_bedrag: bool = False  # the amount was typed by the user (looked up in the official table)

    @property
    def verschil(self) -> int | None:
        return None if self.grens is None else self.scherp - self.grens

    def bronzin(self) -> str:
        if self.eigen_bedrag:
            return f"Bedrag voor {self.schooljaar} door u ingevuld."
        if self.grens is None:
            return ""
        datum = f", {_datum(self.bron_datum)}" if self.bron_datum else ""
        zin = f"Bron: {self.bron}{datum}."
        if self.zekerheid == "onzeker":
            zin += " Dit bedrag is niet bevestigd."
        if not self.officieel_nagekeken:
            zin += " Nog niet nagekeken in de officiële tabel van onderwijs.vlaanderen.be."
        return zin

    def zin(self) -> str:
        """The check in one or two plain sentences."""
        wie = "een kleuter" if self.niveau == "kleuter" else "een kind in de lagere school"
        if self.grens is None:
            return (f"Voor {self.schooljaar} staat er nog geen maximumfactuur in de tabel van de kit. "
                    f"De scherpe kosten op de lijst zijn samen {euro(self.scherp)}. Zoek het bedrag op in de "
                    "officiële tabel van onderwijs.vlaanderen.be.")
        grens = f"{euro(self.grens)} per jaar voor {wie} ({self.schooljaar})"
        onzeker = " (niet bevestigd)" if self.zekerheid == "onzeker" and not self.eigen_bedrag else ""
        if self.oordeel == "boven":
            return (f"De scherpe kosten zijn samen {euro(self.scherp)}. Dat is {euro(self.verschil)} meer dan de "
                    f"scherpe maximumfactuur van {grens}{onzeker}.")
        if self.oordeel == "op":
            return (f"De scherpe kosten zijn samen {euro(self.scherp)}: precies de scherpe maximumfactuur van "
                    f"{grens}{onzeker}.")
        return (f"De scherpe kosten zijn samen {euro(self.scherp)}. Dat is {euro(-self.verschil)} minder dan de "
                f"scherpe maximumfactuur van {grens}{onzeker}.")

    def to_dict(self) -> dict:
        return {
            "schooljaar": self.schooljaar, "niveau": self.niveau,
            "bedrag": _eur(self.grens), "scherp_totaal": _eur(self.scherp),
            "verschil": _eur(self.verschil), "oordeel": self.oordeel, "zekerheid": self.zekerheid,
            "officieel_nagekeken": self.officieel_nagekeken, "eigen_bedrag": self.eigen_bedrag,
            "bron": self.bron, "bron_datum": self.bron_datum,
            "meerdaags_grens_lager": _eur(self.meerdaags_grens), "meerdaags_dit_jaar": _eur(self.meerdaags),
            "zin": self.zin(),
        }


def _datum(iso: str) -> str:
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(iso or ""))
    return f"{match.group(3)}-{match.group(2)}-{match.group(1)}" if match else str(iso or "")


def _eur(cent: int | None) -> float | None:
    return None if cent is None else round(cent / 100, 2)


@dataclass
class Piek:
    maand: str
    cent: int
    keer: float  # times the average school month


@dataclass
class Overzicht:
    lijst: Kostenlijst
    schooljaar: str
    niveau: str
    per_maand: dict[str, int]                       # school-year order, cents
    per_maand_categorie: dict[str, dict[str, int]]  # month -> category id -> cents
    per_categorie: dict[str, int]                   # category id -> cents
    totaal: int
    gemiddelde: int                                 # per school month
    pieken: list[Piek]
    maximumfactuur: Maximumfactuur
    suggesties: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)

    @property
    def namen(self) -> dict[str, str]:
        return categorie_namen()

    @property
    def verplicht(self) -> int:
        return self.totaal - self.per_categorie.get("facultatief", 0)

    def gezin(self, kinderen: int) -> dict[str, int]:
        """Per month for a family with this many children, each with the same costs."""
        return {m: c * kinderen for m, c in self.per_maand.items()}

    def maanden(self) -> list[str]:
        return list(self.per_maand)

    def kosten_in(self, maand: str) -> list:
        """The costs a family pays in this month ('elke maand' costs included)."""
        eigen = [k for k in self.lijst.kosten if k.maand == maand]
        elke = [k for k in self.lijst.kosten if k.maand == ELKE_MAAND and maand in SCHOOLMAANDEN]
        return eigen + elke

    @property
    def schoolrekening(self) -> int:
        """What the school bills (everything except what parents buy themselves)."""
        return self.totaal - self.per_categorie.get("onrechtstreeks", 0)

    def to_dict(self) -> dict:
        namen = self.namen
        return {
            "bestand": self.lijst.bestand,
            "schooljaar": self.schooljaar,
            "niveau": self.niveau,
            "aantal_kosten": len(self.lijst.kosten),
            "per_maand": {m: _eur(c) for m, c in self.per_maand.items()},
            "per_categorie": {namen[c]: _eur(v) for c, v in self.per_categorie.items()},
            "per_maand_categorie": {m: {namen[c]: _eur(v) for c, v in cats.items()}
                                    for m, cats in self.per_maand_categorie.items()},
            "totaal": _eur(self.totaal),
            "totaal_zonder_facultatief": _eur(self.verplicht),
            "gemiddeld_per_maand": _eur(self.gemiddelde),
            "pieken": [{"maand": p.maand, "bedrag": _eur(p.cent), "keer_gemiddeld": round(p.keer, 1)}
                       for p in self.pieken],
            "maximumfactuur": self.maximumfactuur.to_dict(),
            "gezin": {str(n): {"per_maand": {m: _eur(c) for m, c in self.gezin(n).items()},
                               "totaal": _eur(self.totaal * n),
                               "zwaarste_maand": max(self.gezin(n).items(), key=lambda kv: kv[1])[0]
                               if self.totaal else None}
                      for n in GEZINNEN},
            "suggesties": list(self.suggesties),
            "fouten": [f.to_dict() for f in self.lijst.fouten],
            "waarschuwingen": list(self.waarschuwingen),
        }


def _maand_titel(maand: str) -> str:
    return maand[:1].upper() + maand[1:]


def bereken(lijst: Kostenlijst, schooljaar: str, niveau: str = "lager",
            eigen_maximum: float | None = None) -> Overzicht:
    """The overview of a cost list for one school year and level.

    ``eigen_maximum``: the scherpe maximumfactuur in euro as the user looked it up (used
    instead of the table, and said so)."""
    schooljaar = schooljaar_norm(schooljaar)
    if niveau not in NIVEAUS:
        raise SamenschoolError(f"'{niveau}' is geen niveau. Kies lager of kleuter.")
    namen = categorie_namen()
    gebruikt = {k.maand for k in lijst.kosten}
    maanden = [m for m in ALLE_MAANDEN if m in SCHOOLMAANDEN or m in gebruikt]
    per_maand = {m: 0 for m in maanden}
    per_mc = {m: {c: 0 for c in namen} for m in maanden}
    per_cat = {c: 0 for c in namen}
    for kost in lijst.kosten:
        doel = SCHOOLMAANDEN if kost.maand == ELKE_MAAND else (kost.maand,)
        for m in doel:
            per_maand[m] += kost.cent
            per_mc[m][kost.categorie] += kost.cent
            per_cat[kost.categorie] += kost.cent
    totaal = sum(per_maand.values())
    gemiddelde = round(totaal / len(SCHOOLMAANDEN))
    pieken = sorted(
        (Piek(m, c, c / gemiddelde if gemiddelde else 0.0) for m, c in per_maand.items()
         if gemiddelde and c >= PIEK_FACTOR * gemiddelde and c - gemiddelde >= PIEK_MINIMUM),
        key=lambda p: -p.cent)
    mf = _check(per_cat, schooljaar, niveau, eigen_maximum)
    overzicht = Overzicht(lijst, schooljaar, niveau, per_maand, per_mc, per_cat, totaal, gemiddelde,
                          pieken, mf)
    overzicht.waarschuwingen = list(lijst.waarschuwingen) + _waarschuwingen(overzicht)
    overzicht.suggesties = suggesties(overzicht)
    return overzicht


def _check(per_cat: dict[str, int], schooljaar: str, niveau: str, eigen: float | None) -> Maximumfactuur:
    rij = maximumfactuur_tabel().get(schooljaar)
    scherp, meerdaags = per_cat.get("scherp", 0), per_cat.get("minder_scherp", 0)
    if eigen is not None:
        if eigen != eigen or eigen <= 0:
            raise SamenschoolError("De maximumfactuur die u invulde, moet een bedrag groter dan 0 zijn.")
        grens = int(round(float(eigen) * 100))
        zekerheid, nagekeken, bron, datum, eigen_bedrag = "zeker", True, "door u ingevuld", "", True
    elif rij is None:
        grens, zekerheid, nagekeken, bron, datum, eigen_bedrag = None, "ontbreekt", False, "", "", False
    else:
        grens = rij[niveau]
        zekerheid = rij["zekerheid"] if grens is not None else "ontbreekt"
        nagekeken = rij["officieel_nagekeken"] == "ja"
        bron, datum, eigen_bedrag = rij.get("bron") or "", rij.get("bron_datum") or "", False
    if grens is None:
        oordeel = "onbekend"
    elif scherp > grens:
        oordeel = "boven"
    elif scherp == grens:
        oordeel = "op"
    else:
        oordeel = "onder"
    meerdaags_grens = rij["meerdaags_lager"] if rij is not None and eigen is None else None
    return Maximumfactuur(schooljaar, niveau, grens, scherp, oordeel, zekerheid, nagekeken, bron, datum,
                          meerdaags_grens, meerdaags, eigen_bedrag)


def _waarschuwingen(o: Overzicht) -> list[str]:
    mf = o.maximumfactuur
    uit = []
    if mf.oordeel == "boven":
        uit.append("Boven de maximumfactuur: " + mf.zin())
    elif mf.oordeel == "onbekend":
        uit.append(mf.zin())
    if mf.zekerheid == "onzeker" and mf.grens is not None and not mf.eigen_bedrag:
        uit.append(f"Het bedrag van de maximumfactuur voor {mf.schooljaar} is niet bevestigd. Kijk het na in "
                   "de officiële tabel van onderwijs.vlaanderen.be.")
    if mf.niveau == "lager" and mf.meerdaags_grens is not None and mf.meerdaags > mf.meerdaags_grens:
        uit.append(f"Alleen dit jaar kosten de meerdaagse uitstappen al {euro(mf.meerdaags)}. Dat is meer dan de "
                   f"minder scherpe maximumfactuur van {euro(mf.meerdaags_grens)} voor heel de lagere school "
                   f"samen ({mf.schooljaar}).")
    if mf.niveau == "kleuter" and mf.meerdaags:
        uit.append("Er staan meerdaagse uitstappen op de lijst. De minder scherpe maximumfactuur geldt voor "
                   "de lagere school.")
    if not o.lijst.kosten:
        uit.append("Er staat geen enkele kost op de lijst die we konden lezen.")
    return uit


def suggesties(o: Overzicht) -> list[str]:
    """Concrete ways to spread the peaks, in plain Dutch."""
    uit: list[str] = []
    if not o.totaal:
        return uit
    piekmaanden = {p.maand for p in o.pieken}
    rustig = sorted((m for m in SCHOOLMAANDEN if m not in piekmaanden), key=lambda m: (o.per_maand[m],
                                                                                      SCHOOLMAANDEN.index(m)))
    for piek in o.pieken:
        kosten = [k for k in o.kosten_in(piek.maand) if k.cent > 0]
        uit.append(f"{_maand_titel(piek.maand)} is een piekmaand: {euro(piek.cent)}. Dat is "
                   f"{str(round(piek.keer, 1)).replace('.', ',')} keer een gewone maand ({euro(o.gemiddelde)}).")
        vrij = [k for k in kosten if k.categorie == "facultatief" and k.maand != ELKE_MAAND]
        if vrij and rustig:
            k = max(vrij, key=lambda k: k.cent)
            uit.append(f"'{k.omschrijving}' ({euro(k.cent)}) is een vrije keuze in een dure maand. Zeg duidelijk dat "
                       f"het niet moet. Of vraag het geld in een rustige maand, zoals {rustig[0]} "
                       f"({euro(o.per_maand[rustig[0]])}).")
        meerdaags = [k for k in kosten if k.categorie == "minder_scherp" and k.maand in SCHOOLMAANDEN]
        for k in meerdaags:
            delen = SCHOOLMAANDEN.index(k.maand) + 1
            if delen > 1:
                uit.append(f"Laat ouders sparen voor '{k.omschrijving}': {delen} delen van "
                           f"{euro(-(-k.cent // delen))}, van september tot {k.maand}. Zeg het bij de start van "
                           "het schooljaar.")
        if piek.maand in ("augustus", "september"):
            zelf = [k for k in o.kosten_in("augustus") + o.kosten_in("september")
                    if k.categorie == "onrechtstreeks" and k.cent > 0]
            if zelf:
                uit.append(f"Zeg al in juni wat ouders zelf moeten kopen voor de start ({', '.join(k.omschrijving for k in zelf)}). "
                           "Zeg ook wat tweedehands mag.")
        scherp = [k for k in kosten if k.categorie == "scherp"]
        if scherp and not meerdaags:
            groot = max(scherp, key=lambda k: k.cent)
            if groot.cent >= 2000:
                if piek.maand in ("augustus", "september"):
                    wanneer = "bijvoorbeeld in september, oktober en november"
                else:
                    wanneer = f"bijvoorbeeld in de maanden voor {piek.maand}"
                uit.append(f"Laat ouders '{groot.omschrijving}' ({euro(groot.cent)}) in delen betalen, {wanneer}.")
    mf = o.maximumfactuur
    if mf.oordeel == "boven":
        uit.append(f"De scherpe kosten zijn {euro(mf.verschil)} te hoog. Schrap of verkort een uitstap, of laat "
                   "de school het verschil betalen.")
    if o.pieken and o.schoolrekening:
        uit.append(f"De rekeningen van de school zijn samen {euro(o.schoolrekening)} (zonder wat ouders zelf kopen). "
                   f"In 10 gelijke delen is dat {euro(-(-o.schoolrekening // len(SCHOOLMAANDEN)))} per maand, van "
                   "september tot juni. Bied ouders aan om zo te betalen.")
    if not o.pieken:
        uit.append("Er is geen echte piekmaand. Zeg toch bij de start wat er komt, zodat ouders kunnen plannen.")
    return uit
