"""Read a school's cost list as schools really have it.

A CSV (``;``, ``,`` or tab between columns; UTF-8 with or without byte-order mark, UTF-16,
or Windows text as Excel saves it) or an Excel file (``.xlsx``, read with openpyxl through
pandas). Columns ``omschrijving``, ``maand``, ``bedrag``, ``categorie`` (``uitleg`` may be
added); the header may sit below a title row. Amounts with a euro sign, a comma or a dot
as decimal mark, thousands separators; months by name in any case, short names or
numbers, or "elke maand".

Every bad row becomes a :class:`Fout` with the row number as the file shows it (line in a
CSV, row in Excel), its description and a Dutch message; the good rows still count. A file
that cannot be read as a cost list raises :class:`SamenschoolError` with one clear message.
Nothing here imports ipywidgets.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from samenschool.errors import SamenschoolError
from samenschool.validatie import kort, lees_bytes

MAX_BYTES = 2_000_000
MAX_RIJEN = 1000
MAX_CIJFERS_BEDRAG = 7  # euros: 9 999 999 is far above any school cost
KOLOMMEN = ("omschrijving", "maand", "bedrag", "categorie")
EXTRA_KOLOMMEN = ("uitleg",)
KOLOM_SYNONIEMEN = {
    "omschrijving": ("omschrijving", "beschrijving", "wat", "activiteit", "kost"),
    "maand": ("maand", "wanneer", "periode"),
    "bedrag": ("bedrag", "prijs", "kostprijs", "euro", "eur", "kosten"),
    "categorie": ("categorie", "soort", "type"),
    "uitleg": ("uitleg", "toelichting", "waarom", "opmerking"),
}

SCHOOLMAANDEN = ("september", "oktober", "november", "december", "januari", "februari",
                 "maart", "april", "mei", "juni")
# Costs before the year starts (school bag, bought in August) come first; July last.
ALLE_MAANDEN = ("augustus",) + SCHOOLMAANDEN + ("juli",)
ELKE_MAAND = "elke maand"
_KALENDER = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
_MAAND_ALIAS = {
    "jan": "januari", "feb": "februari", "febr": "februari", "mrt": "maart", "maa": "maart",
    "apr": "april", "jun": "juni", "jul": "juli", "aug": "augustus", "sep": "september",
    "sept": "september", "okt": "oktober", "oct": "oktober", "nov": "november", "dec": "december",
}
_ELKE_MAAND_ALIAS = {"elke maand", "iedere maand", "maandelijks", "per maand", "alle maanden"}


@dataclass(frozen=True)
class Kost:
    """One good row: the amount in cents, the month ('elke maand' = every school month)."""

    rij: int
    omschrijving: str
    maand: str
    cent: int
    categorie: str  # id from datasets/kostencategorieen.csv
    uitleg: str = ""

    @property
    def bedrag(self) -> float:
        return self.cent / 100


@dataclass(frozen=True)
class Fout:
    rij: int
    omschrijving: str
    melding: str

    def to_dict(self) -> dict:
        return {"rij": self.rij, "omschrijving": self.omschrijving, "melding": self.melding}

    def tekst(self) -> str:
        wat = f" ({self.omschrijving})" if self.omschrijving else ""
        return f"Regel {self.rij}{wat}: {self.melding}"


@dataclass
class Kostenlijst:
    kosten: list[Kost] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)
    bestand: str = ""


# --------------------------------------------------------------------------- helpers

def euro(cent: int | float, *, teken: bool = True) -> str:
    """An amount the Flemish way: € 1.234,50."""
    cent = int(round(cent))
    neg = cent < 0
    cent = abs(cent)
    heel, rest = divmod(cent, 100)
    tekst = f"{heel:,}".replace(",", ".") + f",{rest:02d}"
    return ("-" if neg else "") + ("€ " if teken else "") + tekst


def _norm(text) -> str:
    """Lower case, no accents, single spaces, no stray punctuation at the ends."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[\s_\-]+", " ", text.lower()).strip(" .:;")
    return text


def _cel(value) -> str:
    """A cell as clean text: no byte-order mark, no non-breaking or double spaces."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return repr(value)
    text = str(value).replace("\ufeff", "").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- months

def lees_maand(value) -> str | None:
    """A school month name, 'elke maand', or None when it is not a month."""
    if hasattr(value, "month") and not isinstance(value, str):  # an Excel date
        return _KALENDER[value.month - 1]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1 <= int(value) <= 12:
            return _KALENDER[int(value) - 1]
        return None
    text = _norm(value)
    if not text:
        return None
    if text in _ELKE_MAAND_ALIAS:
        return ELKE_MAAND
    if re.fullmatch(r"0?[1-9]|1[0-2]", text):
        return _KALENDER[int(text) - 1]
    if text in _KALENDER:
        return text
    return _MAAND_ALIAS.get(text)


# --------------------------------------------------------------------------- amounts

_BEDRAG_RUIS = re.compile(r"(€|\beuros?\b|\beur\b|\s)", re.IGNORECASE)


def decimaalteken(waarden) -> str | None:
    """The decimal mark a column uses, judged from values that can only be read one way
    (1-2 digits after the last mark): ',' or '.', or None when no value tells."""
    telling = {",": 0, ".": 0}
    for value in waarden:
        if not isinstance(value, str):
            continue
        text = _BEDRAG_RUIS.sub("", value)
        match = re.search(r"([.,])\d{1,2}$", text)
        if match:
            telling[match.group(1)] += 1
    if not any(telling.values()):
        return None
    return "," if telling[","] >= telling["."] else "."


def lees_bedrag(value, decimaal: str | None = None) -> int:
    """An amount in cents. Raises ValueError with a Dutch reason.

    ``decimaal``: the file's decimal mark (see decimaalteken); it decides a value such as
    "1.250" or "1,250" that could be read both ways. Without it: a lone comma is a decimal
    comma (Flemish), a dot followed by three digits is a thousands separator."""
    if isinstance(value, bool):
        raise ValueError("geen bedrag")
    if isinstance(value, (int, float)):
        if value != value:
            raise ValueError("leeg")
        if abs(float(value)) >= 10 ** MAX_CIJFERS_BEDRAG:  # also inf: no school cost comes near
            raise ValueError("te groot")
        cent = int(round(float(value) * 100))
        if cent < 0:
            raise ValueError(f"negatief ({euro(cent)})")
        return cent
    text = _cel(value)
    if not text:
        raise ValueError("leeg")
    text = _BEDRAG_RUIS.sub("", text).replace("−", "-")
    negatief = text.startswith("-") or (text.startswith("(") and text.endswith(")"))
    text = text.strip("()").lstrip("+-")
    if not re.fullmatch(r"[0-9.,]+", text) or not re.search(r"\d", text):
        raise ValueError("geen getal")
    komma, punt = text.count(","), text.count(".")
    if komma and punt:
        dec = "," if text.rfind(",") > text.rfind(".") else "."
    elif komma + punt == 0:
        dec = None
    else:
        teken = "," if komma else "."
        na = len(text) - text.rfind(teken) - 1
        if komma + punt > 1:
            dec = None  # 1.250.000: only thousands separators
        elif na == 3 and decimaal != teken and (decimaal is not None or teken == "."):
            dec = None  # 1.250 (Flemish thousands) or 1,250 in a dot-decimal file
        else:
            dec = teken
    if dec is None:
        heel, deel = text.replace(",", "").replace(".", ""), ""
        groepen = re.split(r"[.,]", text)
        if len(groepen) > 1 and (any(len(g) != 3 for g in groepen[1:]) or not 1 <= len(groepen[0]) <= 3):
            raise ValueError("geen getal")
    else:
        heel, _, deel = text.rpartition(dec)
        duizend = "." if dec == "," else ","
        if heel.count(dec):
            raise ValueError("geen getal")
        if duizend in heel:
            groepen = heel.split(duizend)
            if not 1 <= len(groepen[0]) <= 3 or any(len(g) != 3 for g in groepen[1:]):
                raise ValueError("geen getal")
            heel = heel.replace(duizend, "")
        if not deel:
            raise ValueError("geen getal")
    heel = heel or "0"
    if not heel.isdigit() or (deel and not deel.isdigit()):
        raise ValueError("geen getal")
    if len(heel.lstrip("0")) > MAX_CIJFERS_BEDRAG:  # int() refuses 4,300 digits with an English error
        raise ValueError("te groot")
    cent = int(heel) * 100 + ((int(deel) * 200 + 10 ** len(deel)) // (2 * 10 ** len(deel)) if deel else 0)  # half up
    if negatief and cent:
        raise ValueError(f"negatief ({euro(-cent)})")
    return cent


# --------------------------------------------------------------------------- categories

def categorie_index() -> dict[str, str]:
    """Every accepted spelling (normalised) -> category id, from kostencategorieen.csv."""
    from samenschool import data

    index: dict[str, str] = {}
    for _, rij in data.load("kostencategorieen").iterrows():
        for naam in [rij["id"], rij["naam"], *data.split_list(rij["synoniemen"])]:
            index[_norm(naam)] = rij["id"]
    return index


def categorie_namen() -> dict[str, str]:
    """Category id -> the name the kit shows, in the order of the data file."""
    from samenschool import data

    frame = data.load("kostencategorieen")
    return dict(zip(frame["id"], frame["naam"]))


# --------------------------------------------------------------------------- reading

def _decodeer(raw: bytes, naam: str, waarschuwingen: list[str]) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise SamenschoolError(f"'{naam}' kan niet gelezen worden als tekst. "
                                   "Bewaar de lijst als CSV (UTF-8) of als Excel-bestand (.xlsx).") from None
    if b"\x00" in raw:
        raise SamenschoolError(f"'{naam}' is geen tabel. Geef een CSV-bestand of een Excel-bestand (.xlsx) "
                               "met de kolommen omschrijving, maand, bedrag en categorie.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise SamenschoolError(f"'{naam}' is geen tekst die we kunnen lezen. "
                               "Bewaar de lijst als CSV UTF-8 of als Excel-bestand (.xlsx).") from None
    waarschuwingen.append("Het bestand is niet in UTF-8 bewaard. We lazen het als Windows-tekst. "
                          "Kijk of letters met accenten en het euroteken goed staan.")
    return text


def _scheidingsteken(text: str) -> str:
    """The separator under which some line of the top reads as the header; else the most
    frequent one. A title line above the header ("Kostenlijst, 1ste leerjaar") may hold a comma."""
    kop = "\n".join(text.splitlines()[:15])
    for sep in (";", "\t", ","):
        for cells in csv.reader(io.StringIO(kop, newline=""), delimiter=sep):
            if sum(1 for c in cells if _kop_kolom(c) in KOLOMMEN) >= 2:
                return sep
    tellingen = {sep: kop.count(sep) for sep in (";", "\t", ",")}
    sep, n = max(tellingen.items(), key=lambda kv: kv[1])
    if n == 0:
        raise SamenschoolError("Dit bestand is geen tabel: we vinden geen kolommen, gescheiden door ; of , . "
                               "Bewaar de kostenlijst als CSV of als Excel-bestand (.xlsx).")
    return sep


def _csv_rijen(raw: bytes, naam: str, waarschuwingen: list[str]) -> list[tuple[int, list]]:
    import pandas as pd

    text = _decodeer(raw, naam, waarschuwingen)
    if not text.strip():
        raise SamenschoolError(f"'{naam}' is leeg. Zet eerst de kosten in de lijst.")
    sep = _scheidingsteken(text)
    try:
        breedte = max((len(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep)), default=0)
        frame = pd.read_csv(io.StringIO(text, newline=""), sep=sep, header=None, names=list(range(breedte)),
                            dtype=str, keep_default_na=False, skip_blank_lines=False, engine="python",
                            quotechar='"')
    except (csv.Error, pd.errors.ParserError, ValueError) as exc:
        raise SamenschoolError(f"'{naam}' kan niet gelezen worden als tabel ({exc}). "
                               "Bewaar de lijst opnieuw als CSV of als Excel-bestand (.xlsx).") from None
    # line numbers: one row per line (a cell spanning lines is rare in a cost list)
    return [(i + 1, [_cel(v) for v in row]) for i, row in enumerate(frame.itertuples(index=False, name=None))]


def _xlsx_rijen(raw: bytes, naam: str) -> list[tuple[int, list]]:
    import pandas as pd

    try:
        frame = pd.read_excel(io.BytesIO(raw), sheet_name=0, header=None, dtype=object, engine="openpyxl")
    except Exception:  # a damaged or protected workbook: openpyxl raises many kinds
        raise SamenschoolError(f"'{naam}' kan niet gelezen worden als Excel-bestand. Open het in Excel en "
                               "bewaar het opnieuw als .xlsx, of bewaar de lijst als CSV.") from None
    rijen = []
    for i, row in enumerate(frame.itertuples(index=False, name=None)):
        cells = []
        for v in row:
            if isinstance(v, str):
                cells.append(_cel(v))
            elif v is None or (isinstance(v, float) and v != v):
                cells.append("")
            else:
                cells.append(v)  # numbers and dates stay as Excel gave them
        rijen.append((i + 1, cells))
    return rijen


def _kop_kolom(cel) -> str | None:
    text = _norm(cel)
    text = re.sub(r"\(.*?\)|€", "", text).strip()
    if not text:
        return None
    for kolom, namen in KOLOM_SYNONIEMEN.items():
        for woord in namen:
            if text == woord or text.startswith(woord + " "):
                return kolom
    return None


def _zoek_kop(rijen: list[tuple[int, list]]) -> tuple[int, dict[str, int]]:
    """Index in ``rijen`` of the header row and column positions."""
    beste = (-1, {})
    for pos, (_, cells) in enumerate(rijen[:12]):
        kolommen: dict[str, int] = {}
        for i, cel in enumerate(cells):
            kolom = _kop_kolom(cel)
            if kolom and kolom not in kolommen:
                kolommen[kolom] = i
        n = sum(1 for k in KOLOMMEN if k in kolommen)
        if n > sum(1 for k in KOLOMMEN if k in beste[1]):
            beste = (pos, kolommen)
        if n == len(KOLOMMEN):
            break
    pos, kolommen = beste
    ontbreekt = [k for k in KOLOMMEN if k not in kolommen]
    if len(ontbreekt) == len(KOLOMMEN) or ("omschrijving" in ontbreekt and "bedrag" in ontbreekt):
        raise SamenschoolError("We vinden de kolommen omschrijving, maand, bedrag en categorie niet. "
                               "Zet die namen in de eerste regel van de lijst.")
    if ontbreekt:
        raise SamenschoolError(f"De kolom{'men' if len(ontbreekt) > 1 else ''} {', '.join(ontbreekt)} "
                               f"ontbre{'ken' if len(ontbreekt) > 1 else 'ekt'}. De lijst heeft vier kolommen "
                               "nodig: omschrijving, maand, bedrag en categorie.")
    return pos, kolommen


def _is_xlsx(raw: bytes, naam: str) -> bool:
    return naam.lower().endswith((".xlsx", ".xlsm")) or raw[:4] == b"PK\x03\x04"


def lees(bron: str | Path | bytes, naam: str | None = None) -> Kostenlijst:
    """Read a cost list from a path or from the bytes of an uploaded file (``naam`` = its
    file name, which tells CSV from Excel)."""
    if isinstance(bron, (bytes, bytearray)):
        raw = bytes(bron)
        naam = naam or "kostenlijst"
    else:
        path = Path(bron)
        naam = naam or path.name
        if not path.exists():
            raise SamenschoolError(f"Het bestand '{path}' bestaat niet. Kijk de naam en de map na.")
        if path.is_dir():
            raise SamenschoolError(f"'{path}' is een map, geen bestand. Geef een CSV- of Excel-bestand.")
        if path.stat().st_size > MAX_BYTES:
            raise _te_groot(naam)
        try:  # at most MAX_BYTES + 1 bytes: /dev/zero or a growing file never fills the memory
            raw = lees_bytes(path, max_bytes=MAX_BYTES, soort="bestand")
        except SamenschoolError as exc:
            if "te groot" in str(exc):
                raise _te_groot(naam) from None
            raise
    if len(raw) > MAX_BYTES:
        raise _te_groot(naam)
    lager = naam.lower()
    if lager.endswith((".xls", ".ods", ".numbers")):
        raise SamenschoolError(f"'{naam}' is een ouder of ander rekenbladformaat. Bewaar de lijst als "
                               "Excel-werkmap (.xlsx) of als CSV en probeer opnieuw.")
    if not raw.strip():
        raise SamenschoolError(f"'{naam}' is leeg. Zet eerst de kosten in de lijst.")
    lijst = Kostenlijst(bestand=naam)
    if _is_xlsx(raw, naam):
        rijen = _xlsx_rijen(raw, naam)  # pandas keeps empty rows above the data: numbers = Excel rows
    else:
        rijen = _csv_rijen(raw, naam, lijst.waarschuwingen)
    rijen = [(nr, cells) for nr, cells in rijen if any(c not in ("", None) for c in cells)]
    if not rijen:
        raise SamenschoolError(f"'{naam}' is leeg. Zet eerst de kosten in de lijst.")
    pos, kolommen = _zoek_kop(rijen)
    data_rijen = rijen[pos + 1:]
    if not data_rijen:
        raise SamenschoolError(f"'{naam}' heeft alleen een kopregel. Zet de kosten eronder, één kost per regel.")
    if len(data_rijen) > MAX_RIJEN:
        raise _te_groot(naam, len(data_rijen))
    if pos > 0:
        lijst.waarschuwingen.append(f"De namen van de kolommen staan op regel {rijen[pos][0]}. "
                                    "Wat erboven staat, lazen we niet als kost.")
    _lees_rijen(lijst, data_rijen, kolommen, breedte_kop=len([c for c in rijen[pos][1] if c not in ("", None)]))
    return lijst


def _te_groot(naam: str, rijen: int | None = None) -> SamenschoolError:
    hoeveel = f" Het heeft {rijen} regels." if rijen else ""
    return SamenschoolError(f"'{naam}' is te groot voor een kostenlijst van een school "
                            f"(hoogstens {MAX_RIJEN} kosten, {MAX_BYTES // 1_000_000} MB).{hoeveel} "
                            "Is dit wel de kostenlijst?")


def _herstel_komma(cells: list, kolommen: dict[str, int], breedte_kop: int) -> list | None:
    """'Turnzak,september,12,50,scherpe': a comma decimal in a comma-separated file splits the
    amount over two cells. Join them when that is the only reading."""
    gevuld = [i for i, c in enumerate(cells) if c not in ("", None)]
    if not gevuld or gevuld[-1] < breedte_kop:
        return None
    b = kolommen["bedrag"]
    if b + 1 >= len(cells):
        return None
    links, rechts = str(cells[b]), str(cells[b + 1])
    if re.fullmatch(r"(€\s*)?\d{1,6}", links) and re.fullmatch(r"\d{1,2}(\s*(€|eur|euro))?", rechts, re.IGNORECASE):
        return cells[:b] + [f"{links},{rechts}"] + cells[b + 2:]
    return None


def _lees_rijen(lijst: Kostenlijst, rijen: list[tuple[int, list]], kolommen: dict[str, int],
                breedte_kop: int) -> None:
    index = categorie_index()
    namen = categorie_namen()
    keuze = ", ".join(namen.values())
    decimaal = decimaalteken(
        [cells[kolommen["bedrag"]] for _, cells in rijen if kolommen["bedrag"] < len(cells)])
    hersteld = 0
    gezien: dict[tuple, int] = {}
    gratis_met_bedrag = []

    def cel(cells, kolom):
        i = kolommen.get(kolom)
        return cells[i] if i is not None and i < len(cells) else ""

    for nr, cells in rijen:
        if len(cells) > breedte_kop and any(c not in ("", None) for c in cells[breedte_kop:]):
            nieuw = _herstel_komma(list(cells), kolommen, breedte_kop)
            if nieuw is not None:
                cells, hersteld = nieuw, hersteld + 1
            else:
                lijst.fouten.append(Fout(nr, _cel(cel(cells, "omschrijving")),
                                         "Deze regel heeft meer kolommen dan de kopregel. Staat er een komma in "
                                         "de tekst of het bedrag? Zet ; tussen de kolommen, of zet de tekst "
                                         "tussen aanhalingstekens."))
                continue
        omschrijving = _cel(cel(cells, "omschrijving"))
        problemen = []
        if not omschrijving:
            problemen.append("De omschrijving is leeg. Schrijf wat de kost is.")
        ruwe_cat = cel(cells, "categorie")
        categorie = index.get(_norm(ruwe_cat)) if _norm(ruwe_cat) else None
        if not _cel(ruwe_cat):
            problemen.append(f"Er staat geen categorie. Kies uit: {keuze}.")
        elif categorie is None:
            problemen.append(f"'{_cel(ruwe_cat)}' is geen categorie die we kennen. Kies uit: {keuze}.")
        ruwe_maand = cel(cells, "maand")
        maand = lees_maand(ruwe_maand)
        if maand is None:
            if _cel(ruwe_maand) == "":
                problemen.append("Er staat geen maand. Schrijf de naam (september) of het nummer (9).")
            else:
                problemen.append(f"'{_cel(ruwe_maand)}' is geen maand die we kennen. "
                                 "Schrijf de naam (september), het nummer (9) of 'elke maand'.")
        ruw_bedrag = cel(cells, "bedrag")
        cent = None
        try:
            cent = lees_bedrag(ruw_bedrag, decimaal)
        except ValueError as exc:
            reden = str(exc)
            if reden == "leeg":
                if categorie == "gratis":
                    cent = 0
                else:
                    problemen.append("Er staat geen bedrag.")
            elif reden.startswith("negatief"):
                problemen.append(f"Het bedrag is negatief {reden.removeprefix('negatief ')}. "
                                 "Een kost is 0 of meer.")
            else:
                problemen.append(f"'{kort(_cel(ruw_bedrag))}' is geen bedrag. Schrijf een getal, bv. 12,50."
                                 if reden != "te groot" else
                                 f"'{kort(_cel(ruw_bedrag))}' is te groot voor een schoolkost. Kijk het bedrag na.")
        if problemen:
            lijst.fouten.append(Fout(nr, omschrijving, " ".join(problemen)))
            continue
        uitleg = _cel(cel(cells, "uitleg"))
        kost = Kost(nr, omschrijving, maand, cent, categorie, uitleg)
        if categorie == "gratis" and cent > 0:
            gratis_met_bedrag.append(kost)
        sleutel = (_norm(omschrijving), maand, cent)
        if sleutel in gezien:
            lijst.waarschuwingen.append(f"'{omschrijving}' staat twee keer in {maand} met hetzelfde bedrag "
                                        f"(regel {gezien[sleutel]} en {nr}). Klopt dat?")
        else:
            gezien[sleutel] = nr
        lijst.kosten.append(kost)
    if hersteld:
        lijst.waarschuwingen.append(
            f"In {hersteld} regel{'s' if hersteld > 1 else ''} stond een komma in het bedrag (12,50), terwijl de "
            "komma ook de kolommen scheidt. We lazen het als een bedrag met een komma.")
    for kost in gratis_met_bedrag:
        lijst.waarschuwingen.append(f"Regel {kost.rij} ({kost.omschrijving}): de categorie is 'gratis', maar er "
                                    f"staat {euro(kost.cent)}. Wat nodig is voor de lessen, moet gratis zijn. "
                                    "We tellen het bedrag wel mee.")
