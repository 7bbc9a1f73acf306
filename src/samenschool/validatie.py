"""One validation layer for every input the kit reads: text files, JSON files, uploads.

Every check gives Dutch messages that name the file, field or row; nothing here lets an
exception other than ``SamenschoolError`` escape. Limits are stated here, in one place, and
enforced *before* a file is read whole (``samenschool leesbaarheid /dev/zero`` reads at most
one byte more than the limit).

    lees_bytes(pad, max_bytes)          the bytes of a file, at most max_bytes
    tekst_uit_bytes(raw, naam)          UTF-8 text (with or without BOM) or a Dutch message
    laad_json(tekst, naam)              JSON with a depth limit, no NaN, no numbers of 4,300 digits
    vreemde_tekens(data)                control and non-characters anywhere in a JSON value
    controleer_schema(data, schema)     JSON Schema (jsonschema) with one Dutch message per problem
    geheel_getal(waarde, min, max)      int() on ASCII digits within bounds, else None

Types are checked with the ``jsonschema`` library (the JSON Schema reference implementation,
already installed with Jupyter): the schema says what a file holds, this module only
translates its findings into plain Dutch.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from samenschool.errors import SamenschoolError

# -- limits (stated to users in the messages) ---------------------------------------------
MAX_TEKSTBESTAND = 1_000_000  # bytes: a letter to parents is a few kB; a book would be 500 kB
MAX_JSONBESTAND = 1_000_000   # bytes: a plan or a werkmap file is a few kB
MAX_UPLOAD = 100_000          # bytes per uploaded file (a team-map file is under 2 kB)
MAX_WERKMAPBESTAND = 20_000_000  # bytes: one module's answers are at most a few hundred kB
MAX_DIEPTE = 32               # nesting of lists/objects in a JSON file (a plan needs 3)
MAX_CIJFERS = 9               # digits in a whole number in a JSON file
MAX_TEKST_VELD = 5_000        # characters in one text field of a plan


def grootte(n: int) -> str:
    """1 000 000 -> '1 MB', 100 000 -> '100 kB', 512 -> '512 bytes' (Dutch style)."""
    if n >= 1_000_000:
        value = n / 1_000_000
        return (f"{value:.0f}" if value >= 10 or value.is_integer() else f"{value:.1f}".replace(".", ",")) + " MB"
    if n >= 1_000:
        return f"{n / 1_000:.0f} kB"
    return f"{n} bytes"


def kort(value: Any, n: int = 40) -> str:
    """A value as a short text for a message (never 5,000 digits in a message)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return "een getal van meer dan 60 cijfers"
    try:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = "een waarde die niet te lezen is"
    text = "".join(ch if ch.isprintable() else f"[U+{ord(ch):04X}]" for ch in text)
    return text if len(text) <= n else text[: n - 1] + "…"


# -- files ----------------------------------------------------------------------------------
def lees_bytes(pad: str | Path, *, max_bytes: int, soort: str = "bestand") -> bytes:
    """The bytes of a file, refusing it (Dutch message) when it holds more than ``max_bytes``.

    Reads at most ``max_bytes + 1`` bytes, so a device such as /dev/zero or a huge file never
    fills the memory."""
    path = Path(pad)
    if not str(pad).strip():
        raise SamenschoolError(f"Geef de naam van het {soort}.")
    try:
        if path.is_dir():
            raise SamenschoolError(f"'{path}' is een map, geen {soort}. Geef een bestand.")
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise SamenschoolError(f"Het {soort} '{path}' bestaat niet. Kijk de naam en de map na.") from None
    except PermissionError:
        raise SamenschoolError(f"Het {soort} '{path}' kan niet gelezen worden: u hebt geen toestemming.") from None
    except OSError as exc:
        raise SamenschoolError(f"Het {soort} '{path}' kan niet gelezen worden ({exc.strerror or exc}).") from None
    if len(raw) > max_bytes:
        raise SamenschoolError(
            f"'{path}' is te groot: een {soort} mag hoogstens {grootte(max_bytes)} zijn. "
            "Is dit wel het juiste bestand?")
    return raw


def tekst_uit_bytes(raw: bytes, naam: str, *, soort: str = "tekstbestand") -> str:
    """UTF-8 text (a BOM is allowed). UTF-16, NUL bytes or other encodings get a Dutch message:
    we never guess an encoding, a wrong guess turns "ë" into rubbish without anyone noticing."""
    if _lijkt_utf16(raw):
        raise SamenschoolError(f"'{naam}' is bewaard als UTF-16. Bewaar het opnieuw als tekst met "
                               "codering UTF-8.")
    if b"\x00" in raw:
        raise SamenschoolError(f"'{naam}' is geen tekstbestand. Bewaar het als platte tekst (UTF-8), "
                               "bijvoorbeeld met Kladblok.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SamenschoolError(f"'{naam}' is geen UTF-8-tekst (byte {exc.start + 1} klopt niet). "
                               "Bewaar het opnieuw als tekst met codering UTF-8.") from None


def _lijkt_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark followed by text (Latin letters have a zero byte beside them)."""
    if raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return False
    body = raw[2:2002]
    hoog = body[1::2] if raw[:2] == b"\xff\xfe" else body[0::2]
    return len(hoog) == 0 or hoog.count(0) * 2 >= len(hoog)


def lees_tekstbestand(pad: str | Path, *, max_bytes: int = MAX_TEKSTBESTAND, soort: str = "tekstbestand") -> str:
    return tekst_uit_bytes(lees_bytes(pad, max_bytes=max_bytes, soort=soort), str(pad), soort=soort)


# -- characters --------------------------------------------------------------------------------
_TOEGELATEN = {"\n", "\t", "\r"}


def is_vreemd_teken(ch: str) -> bool:
    """A control character (except newline/tab), a lone surrogate or a Unicode non-character
    (U+FFFE, U+FFFF, U+FDD0-U+FDEF, ...): they have no place in a text and break DOCX files."""
    if ch in _TOEGELATEN:
        return False
    code = ord(ch)
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return True
    return unicodedata.category(ch) in ("Cc", "Cs")


def eerste_vreemd_teken(text: str) -> tuple[int, str] | None:
    for i, ch in enumerate(text):
        if is_vreemd_teken(ch):
            return i, ch
    return None


def zonder_vreemde_tekens(text: str) -> str:
    return "".join(ch for ch in text if not is_vreemd_teken(ch))


def teken_melding(ch: str, plaats: int) -> str:
    return (f"bevat een onzichtbaar of ongeldig teken (U+{ord(ch):04X}) op plaats {plaats + 1}. "
            "Haal het weg of typ de tekst opnieuw.")


# -- JSON ---------------------------------------------------------------------------------------
def json_diepte(text: str, grens: int = MAX_DIEPTE) -> int:
    """The nesting depth of a JSON text, counted without parsing (stops once past ``grens``)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > grens:
                    return deepest
        elif ch in "]}":
            depth -= 1
    return deepest


def _geen_constante(name: str):
    raise ValueError(f"'{name}' is geen getal in JSON")


def _int_begrensd(text: str):
    digits = text.lstrip("-")
    if len(digits) > MAX_CIJFERS:
        raise _TeGroot(text)
    return int(text)


def _float_begrensd(text: str):
    value = float(text)
    if not math.isfinite(value):
        raise _TeGroot(text)
    return value


class _TeGroot(ValueError):
    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def laad_json(text: str, naam: str, *, max_diepte: int = MAX_DIEPTE) -> Any:
    """Parse JSON text with limits. Every problem is a SamenschoolError naming the file."""
    if not text.strip():
        raise SamenschoolError(f"'{naam}' is leeg.")
    if json_diepte(text, max_diepte) > max_diepte:
        raise SamenschoolError(f"'{naam}' is te diep genest (meer dan {max_diepte} lagen lijsten of "
                               "objecten in elkaar). Zo ziet een bestand van de kit er niet uit.")
    try:
        return json.loads(text, parse_int=_int_begrensd, parse_float=_float_begrensd,
                          parse_constant=_geen_constante)
    except _TeGroot as exc:
        raise SamenschoolError(f"'{naam}' bevat een getal dat te groot is ({kort(exc.text, 20)}). "
                               f"Gebruik gewone getallen (hoogstens {MAX_CIJFERS} cijfers).") from None
    except json.JSONDecodeError as exc:
        raise SamenschoolError(f"'{naam}' is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: "
                               f"{_json_fout(exc.msg)}).") from None
    except (ValueError, RecursionError) as exc:
        raise SamenschoolError(f"'{naam}' is geen geldige JSON ({kort(str(exc), 60)}).") from None


_JSON_FOUTEN = {
    "Expecting value": "hier verwachten we een waarde",
    "Expecting property name enclosed in double quotes": "een naam moet tussen dubbele aanhalingstekens",
    "Expecting ',' delimiter": "hier ontbreekt een komma",
    "Expecting ':' delimiter": "hier ontbreekt een dubbelpunt",
    "Unterminated string starting at": "een tekst zonder afsluitend aanhalingsteken",
    "Extra data": "na het einde staat nog iets",
    "Invalid control character at": "een onzichtbaar teken in een tekst",
    "Invalid \\escape": "een ongeldige \\-code",
    "Invalid \\uXXXX escape": "een ongeldige \\u-code",
}


def _json_fout(msg: str) -> str:
    for english, dutch in _JSON_FOUTEN.items():
        if msg.startswith(english):
            return dutch
    return msg


def lees_json_bestand(pad: str | Path, *, max_bytes: int = MAX_JSONBESTAND, soort: str = "JSON-bestand") -> Any:
    raw = lees_bytes(pad, max_bytes=max_bytes, soort=soort)
    return laad_json(tekst_uit_bytes(raw, str(pad), soort=soort), str(pad))


# -- walking a JSON value ------------------------------------------------------------------------
def pad_tekst(pad: tuple | list) -> str:
    """("leidraad", 2, "fase") -> "leidraad[3].fase" (rows counted from 1, as people count)."""
    out = ""
    for part in pad:
        out += f"[{part + 1}]" if isinstance(part, int) else (("." if out else "") + str(part))
    return out or "(het hele bestand)"


@dataclass(frozen=True)
class Probleem:
    """One problem in an input: ``veld`` names the field or row, ``tekst`` says what is wrong."""

    veld: str
    tekst: str
    blokkeert: bool = True
    pad: str = ""  # where in the file: "uitnodiging.tolk", "leidraad[3].fase"

    def __str__(self) -> str:
        return f"{self.veld}: {self.tekst}"


def vreemde_tekens(data: Any, pad: tuple = (), namen: dict[str, str] | None = None) -> Iterator[Probleem]:
    """A problem for every key or text in ``data`` that holds a control or non-character."""
    namen = namen or {}
    if isinstance(data, str):
        found = eerste_vreemd_teken(data)
        if found:
            yield _benoemd(list(pad), teken_melding(found[1], found[0]), namen)
    elif isinstance(data, dict):
        for key, value in data.items():
            found = eerste_vreemd_teken(str(key))
            if found:
                yield _benoemd(list(pad) + [kort(key)], "de naam van dit veld " + teken_melding(found[1], found[0]),
                               namen)
            yield from vreemde_tekens(value, pad + (str(key),), namen)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from vreemde_tekens(value, pad + (i,), namen)


def grote_getallen(data: Any, pad: tuple = (), namen: dict[str, str] | None = None, *,
                   diepte: int = 0) -> Iterator[Probleem]:
    """A problem for every whole number of more than MAX_CIJFERS digits, and for nesting deeper
    than MAX_DIEPTE (data that did not come through ``laad_json``, e.g. a saved plan)."""
    if diepte > MAX_DIEPTE:
        yield _benoemd(list(pad), f"is te diep genest (meer dan {MAX_DIEPTE} lagen).", namen or {})
        return
    if isinstance(data, int) and not isinstance(data, bool):
        if abs(data) >= 10 ** MAX_CIJFERS:
            yield _benoemd(list(pad), f"het getal is te groot ({kort(data, 20)}). Hoogstens {MAX_CIJFERS} cijfers.",
                           namen or {})
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from grote_getallen(value, pad + (str(key),), namen, diepte=diepte + 1)
    elif isinstance(data, (list, tuple)):
        for i, value in enumerate(data):
            yield from grote_getallen(value, pad + (i,), namen, diepte=diepte + 1)


_SOORT = {str: "een tekst", bool: "ja of nee (true/false)", int: "een getal", float: "een getal",
          list: "een lijst", dict: "een object { … }", type(None): "niets (null)"}
_SCHEMA_SOORT = {"string": "een tekst", "boolean": "true of false", "integer": "een geheel getal",
                 "number": "een getal", "array": "een lijst [ … ]", "object": "een object { … }",
                 "null": "null"}


def soort_van(value: Any) -> str:
    return _SOORT.get(type(value), type(value).__name__)


def _verwacht(types: Any) -> str:
    types = [types] if isinstance(types, str) else list(types)
    names = [_SCHEMA_SOORT.get(t, t) for t in types]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]


def _schema_melding(error) -> str:
    v, inst, arg = error.validator, error.instance, error.validator_value
    if v == "type":
        return f"verwacht {_verwacht(arg)}, maar er staat {soort_van(inst)} ({kort(inst)})."
    if v == "enum":
        return f"'{kort(inst)}' kennen we niet. Kies uit: " + ", ".join(str(a) for a in arg) + "."
    if v == "maxLength":
        return f"is te lang ({len(inst)} tekens). Hoogstens {arg} tekens."
    if v == "maxItems":
        return f"heeft te veel items ({len(inst)}). Hoogstens {arg}."
    if v == "minimum":
        return f"{kort(inst)} is te klein (minstens {arg})."
    if v == "maximum":
        return f"{kort(inst)} is te groot (hoogstens {arg})."
    if v == "required":
        missing = [k for k in arg if isinstance(inst, dict) and k not in inst]
        return "hier ontbreekt: " + ", ".join(missing) + "."
    if v == "additionalProperties":
        extra = [k for k in inst if k not in error.schema.get("properties", {})] if isinstance(inst, dict) else []
        return "onbekend veld: " + ", ".join(kort(k) for k in extra) + "."
    if v in ("anyOf", "oneOf"):
        kinds = []
        for sub in arg:
            kinds.append(_verwacht(sub.get("type", "object")))
        return f"verwacht {' of '.join(dict.fromkeys(kinds))}, maar er staat {soort_van(inst)} ({kort(inst)})."
    if v == "pattern":
        return f"'{kort(inst)}' heeft niet de juiste vorm."
    return f"klopt niet ({kort(inst)})."


def controleer_schema(data: Any, schema: dict, *, namen: dict[str, str] | None = None) -> list[Probleem]:
    """Check ``data`` against a JSON Schema; one Dutch problem per wrong field, named by its path
    (and its Dutch name from ``namen``, keyed by dotted path without row numbers)."""
    from jsonschema import Draft202012Validator

    namen = namen or {}
    out: list[Probleem] = []
    seen: set[str] = set()
    validator = Draft202012Validator(schema)
    errors = [e for top in validator.iter_errors(data) for e in _uitvouwen(top)]
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(error.absolute_path)
        veld = pad_tekst(path)
        if veld in seen:  # one message per field
            continue
        seen.add(veld)
        out.append(_benoemd(path, _schema_melding(error), namen))
    return out


def _benoemd(path: list, tekst: str, namen: dict[str, str], blokkeert: bool = True) -> Probleem:
    """A problem named by the field's Dutch name (when known) and its place in the file."""
    veld = pad_tekst(path)
    naam = namen.get(".".join(str(p) for p in path if not isinstance(p, int)))
    rij = [p + 1 for p in path if isinstance(p, int)]
    if naam and rij:
        naam = f"{naam} {rij[-1]}" if len(rij) == 1 else f"{naam} ({veld})"
    if naam:
        return Probleem(naam, f"{tekst} (In het bestand: {veld}.)", blokkeert, veld)
    return Probleem(veld, tekst, blokkeert, veld)


def _uitvouwen(error):
    """For "one of these shapes" (anyOf), report the problems inside the shape that the value
    has (an object with a wrong field), not "expected a text or an object"."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        takken: dict[int, list] = {}
        for sub in error.context:
            takken.setdefault(sub.relative_schema_path[0], []).append(sub)
        for subs in takken.values():
            if not any(s.validator == "type" and not list(s.relative_path) for s in subs):
                for sub in subs:  # this branch has the value's type: its own findings count
                    yield from _uitvouwen(sub)
                return
    yield error


# -- numbers --------------------------------------------------------------------------------------
_ASCII_GETAL = re.compile(r"[0-9]{1,%d}" % MAX_CIJFERS, re.ASCII)


def geheel_getal(value: Any, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """A whole number from an int, an integral float or a text of ASCII digits ("30", " 45 "),
    within [minimum, maximum]; None otherwise. "²", "٣", "1e9", "30.5" and 4,300-digit numbers
    are refused (``str.isdigit`` accepts superscripts and other scripts, ``int`` does not)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if not _ASCII_GETAL.fullmatch(text):
            return None
        number = int(text)
    else:
        return None
    if minimum is not None and number < minimum:
        return None
    if maximum is not None and number > maximum:
        return None
    return number


# -- output paths ------------------------------------------------------------------------------------
def controleer_uitvoer(uit: str | Path | None, *, formaten: dict[str, str], standaard: str | None = None,
                       zonder_einde: bool = False) -> Path:
    """Check an output file name (``--uit``). ``formaten`` maps suffixes to a format name
    ({".html": "HTML", ".md": "Markdown"}). Returns the path, or SamenschoolError in Dutch when it
    is empty, a folder ('/', '.', '..', an existing folder) or has a suffix of another format.
    With ``zonder_einde`` a name without suffix is allowed (the caller then writes every format)."""
    eerste: list[str] = []  # one suffix per format, in the given order: [".html", ".md"]
    for suffix, naam in formaten.items():
        if naam not in [formaten[e] for e in eerste]:
            eerste.append(suffix)

    def voorbeeld(map_: str = "") -> str:
        prefix = "" if map_ in ("", ".", "/") else str(Path(map_)) + "/"
        return "bv. " + " of ".join(f"{prefix}werkboek{suffix}" for suffix in eerste)

    text = "" if uit is None else str(uit)
    if not text.strip():
        raise SamenschoolError(f"Geef een bestandsnaam na --uit, {voorbeeld()}.")
    path = Path(text)
    if text.endswith(("/", "\\")) or path.name in ("", ".", "..") or path.is_dir():
        raise SamenschoolError(f"'{text}' is een map, geen bestandsnaam. Zet er een naam achter, {voorbeeld(text)}.")
    if path.name.strip(". ") == "":
        raise SamenschoolError(f"'{text}' is geen bruikbare bestandsnaam. Kies een naam, {voorbeeld()}.")
    found = eerste_vreemd_teken(text)
    if found:
        raise SamenschoolError(f"De bestandsnaam '{kort(text)}' {teken_melding(found[1], found[0])}")
    suffix = path.suffix  # exact: "x.MD" is refused, not quietly written in another format
    if not suffix:
        if zonder_einde:
            return path
        if standaard:
            return path.with_name(path.name + standaard)
    if suffix not in formaten and suffix.lower() in formaten:
        raise SamenschoolError(f"'{path.name}' eindigt op '{suffix}'. Schrijf het einde in kleine letters: "
                               f"{path.stem}{suffix.lower()}.")
    if suffix not in formaten:
        toegelaten = " of ".join(eerste) + (" (of zonder einde: dan krijgt u elk formaat)" if zonder_einde else "")
        raise SamenschoolError(f"'{path.name}' eindigt op '{path.suffix or '(niets)'}'. Dat formaat kent de kit "
                               f"niet: kies een naam die eindigt op {toegelaten}.")
    return path
