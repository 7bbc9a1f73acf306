"""Readability of a school letter to parents: scores, long sentences and hard words.

Pure Python, no widgets. One call does everything::

    from samenschool.leesbaarheid import analyse, markeer_html
    result = analyse(brief_tekst)
    result.flesch_douma, result.band_flesch, result.lange_zinnen, result.moeilijke_woorden
    html = markeer_html(brief_tekst, result)

What the engine counts, and the choices behind it (a later maintainer should read this):

Sentences
    * A blank line, and a line break, end a sentence. Exception for hard-wrapped text: when a
      line does not end in punctuation and the next line starts with a lower-case letter, the
      two lines are one sentence ("op 12 september\\nom 19 uur").
    * Inside a line a sentence ends at ``.``, ``!``, ``?``, ``…`` or ``...`` (closing quotes or
      brackets stay with it) when the next word does not start with a lower-case letter.
    * Abbreviations never end a sentence when they usually stand inside one (o.a., bv., bijv.,
      m.a.w., i.p.v., d.w.z., nr., dhr., mevr., juf., tel., ...). A few that often close a
      sentence (enz., etc., month and weekday abbreviations) end one only when the next word
      starts with a capital letter ("12 sept. Kom ook" splits, "ma. 12 sept. om" does not).
      A single capital with a period ("J. Peeters") is an initial, not a sentence end.
    * Times, dates and amounts ("18.30 uur", "18u30", "12.09.2026", "12/9", "€ 12,50") never
      split: a period between digits is not followed by a space.
    * Each bullet item (a line starting with -, *, •, ▪, –, "1." or "a)") is one sentence.
    * **Aanhef, slotgroet en ondertekening** are not body text. They are left out of the
      sentence, word and syllable counts, so a greeting does not make a letter look easier.
      Hard words in them are still flagged (markeer_html, moeilijke_woorden). Left out are:
        - a line of at most 8 words that ends in a comma ("Beste ouders,",
          "Met vriendelijke groeten,");
        - a salutation without a comma in the first two lines ("Beste ouders", "Hallo
          allemaal!", "Dag ouders"; not "Dag van de leerkracht", a title);
        - the signature block at the end of the letter: the trailing lines of at most 8
          words, from the first closing formula on ("Met vriendelijke groeten",
          "Vriendelijke groet", "Groetjes", "Hoogachtend", "Tot dan!") to the end, so
          "Juf Sara" and "Telefoon: 03 123 45 67" under it count neither. Without a closing
          formula the block starts at a trailing line that names the sender ("Juf Sara",
          "Meester Tom", "De directie", "Het schoolteam", "Namens de ouderraad").
          A trailing line that ends in ".", "?" or ":" is body text and ends the search.
      Titles ("Uitnodiging: oudercontact") and a signature with only a name ("Sara Peeters",
      no closing formula above it) still count as short sentences: nothing marks them.

Words
    A word is a run of letters or digits. Hyphenated compounds ("CLB-medewerker",
    "socio-emotioneel"), words with an apostrophe ("zo'n", "auto's"), dotted abbreviations
    ("o.a.") and numbers with separators ("18.30", "12,50", "12/9", "12.09.2026") are one word.
    "€" and other symbols are not words.

Syllables
    * Pyphen with the nl_NL dictionary (offline) gives the split points. Pyphen never splits
      off a single letter at the start or end of a word (it is a typesetting tool), so "over",
      "eten", "idee" and "evaluatie" would come out one syllable short. Therefore each piece
      Pyphen leaves whole is checked for extra vowel groups (a diaeresis starts a new one):
      "over" = o-ver = 2, "ideeën" = i-dee-ën = 3, "evaluatie" = e-va-lu-a-tie = 5,
      "bioscoop" = bi-o-scoop = 3. A vowel sound is a Dutch digraph or triphthong (aa, ie, oe,
      ui, ij, ou, au, eeu, ooi, ...) or a single vowel; ë/ï always start a new one. A word
      counts at least 1. Results are cached with functools.lru_cache.
    * Numbers: every group of digits counts as one syllable ("5" = 1, "18.30" = 2,
      "12.09.2026" = 3, "12,50" = 2, "3de" = 2). Readers take in a number at a glance, and the
      Klasse/Wablieft checklist asks for digits, so a letter is not punished for using them.
    * Abbreviations in capitals of 2 to 5 letters are spelled out, one syllable per letter
      ("CLB" = see-el-bee = 3), except the few said as a word (GOK = 1, OKAN = 2). A shouted
      ordinary word in capitals ("NIET") is therefore over-counted: letters should not shout.
      Dotted abbreviations count one syllable per letter ("o.a." = 2).

Scores
    Flesch-Douma = 206.835 − 0.93 × (woorden/zin) − 77 × (lettergrepen/woord)
    Leesindex Brouwer = 195 − 2 × (woorden/zin) − 66.7 × (lettergrepen/woord)
    Both are rounded to 1 decimal and not clipped (very short sentences of one-syllable words
    can score above 100). The band words come from Douma's own norm table (see BANDEN_BRON);
    Brouwer is read on the same scale, as an approximation.

Hard words
    From ``datasets/moeilijke_woorden.csv`` (columns woord, suggestie, soort, bron). The
    ``woord`` cell may hold several forms separated by "|" ("bekomen|bekomt|bekwam"): every
    form matches, the first is the main form. Matching is on whole words and ignores case,
    except for a word written in capitals in the list (CLB, GOK): those match only in
    capitals, so "ik gok" is not flagged. Multi-word entries ("dienen te") match across any
    white space. A school adds words by adding rows, or passes a second file as
    ``extra_woorden=``; a word in that file replaces the same word in the kit's list.

Empty text
    ``analyse("")`` (or only white space, or no words outside the greeting) raises
    SamenschoolError with a Dutch message; it never returns empty scores.

Text that is not in Unicode NFC form (a decomposed "ë") is normalised first; offsets
(``positie``) then refer to the normalised text. markeer_html does the same.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from samenschool.errors import DataError, SamenschoolError

__all__ = [
    "BANDEN",
    "BANDEN_BRON",
    "CAVEAT",
    "CAVEAT_KORT",
    "LANGE_ZIN",
    "Leesbaarheid",
    "Woordenlijst",
    "analyse",
    "band",
    "brouwer",
    "flesch_douma",
    "laad_woordenlijst",
    "lettergrepen",
    "markeer_html",
    "splits_zinnen",
    "woorden",
]

LANGE_ZIN = 15
"""A sentence with more than this many words is flagged (Klasse/Wablieft: about 15 words)."""

CAVEAT_KORT = (
    "Een leesbaarheidsformule meet alleen de buitenkant van een tekst: hoe lang de zinnen "
    "en hoe lang de woorden zijn. Ze meet niet of ouders de brief begrijpen. Lees de brief "
    "daarom ook samen met een ouder."
)
"""The caveat next to every score on a page that explains B1 once, elsewhere (module 05)."""
CAVEAT = CAVEAT_KORT + " Taalniveau B1 is een richtlijn, geen meting."
"""The caveat with the B1 note, for output that stands alone (command line, exports)."""

BANDEN: tuple[tuple[float, str], ...] = (
    (90.0, "zeer gemakkelijk"),
    (80.0, "gemakkelijk"),
    (70.0, "tamelijk gemakkelijk"),
    (60.0, "normaal"),
    (45.0, "tamelijk moeilijk"),
    (30.0, "moeilijk"),
    (float("-inf"), "zeer moeilijk"),
)
"""(lower bound, word) from high to low: 0-30, 30-45, 45-60, 60-70, 70-80, 80-90, 90-100."""

BANDEN_BRON = (
    "Normentabel van W.H. Douma bij de Flesch-Douma-formule (0-30 zeer moeilijk, 30-45 "
    "moeilijk, 45-60 tamelijk moeilijk, 60-70 normaal, 70-80 tamelijk gemakkelijk, 80-90 "
    "gemakkelijk, 90-100 zeer gemakkelijk), zoals weergegeven in een artikel uit 1977 op DBNL: "
    "https://dbnl.org/tekst/_taa014197701_01/_taa014197701_01_0089.php . nl.wikipedia "
    "'Leesbaarheid' noemt bij dezelfde formule opleidingsniveaus met iets andere grenzen "
    "(0-30, 30-50, 50-60, 60-70, 70-80, 80-90, 90-100). Voor de Leesindex Brouwer gebruiken "
    "we dezelfde schaal, als benadering. Onder 0 telt als zeer moeilijk, boven 100 als zeer "
    "gemakkelijk. (Bron leesbaarheid_douma in datasets/bronnen.csv; dezelfde tabel staat in module 05 "
    "en in facilitator_guide/bronnen.md.)"
)

SOORTEN = ("formeel", "ouderwets", "schooljargon", "afkorting")
_KOLOMMEN = ("woord", "suggestie", "soort", "bron")

# --------------------------------------------------------------------------- patterns

_L = r"[^\W\d_]"  # one letter (any script)
_A = r"[^\W_]"  # one letter or digit

WORD_RE = re.compile(
    rf"{_A}+(?:(?:[-‐'’]|(?<=\d)[.,:/](?=\d)|(?<={_L})\.(?={_L}\.)){_A}+)*"
)
"""A word: letters/digits, joined by hyphens or apostrophes, digit separators (18.30, 12,50,
12/9) or the periods of a dotted abbreviation (o.a, m.a.w)."""

_BULLET_RE = re.compile(r"^[ \t]*(?:[-*•▪◦·–—►✓]|\d{1,2}[.)]|[a-z][)])[ \t]+(?=\S)")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_TERMINATOR_RE = re.compile(r"(?:\.{2,}|…|[.!?])+[\"'”’»)\]]*(?=\s|$)")
_NEXT_CHAR_RE = re.compile(r"\s*(\S?)")

# Abbreviations that stand inside a sentence: their period never ends one.
_NOOIT_EINDE = frozenset(
    """o.a bv bijv b.v vb m.a.w i.p.v d.w.z nr dhr mevr mr dr prof juf mw tel gsm blz p pag ca
    i.v.m m.b.t t.a.v n.a.v o.l.v i.s.m t.e.m t.e.m incl excl max min ev evt resp st z.o.z
    a.u.b e.d vs""".split()
)
# Abbreviations that may close a sentence: end one only when the next word has a capital.
_SOMS_EINDE = frozenset(
    """enz etc jan feb febr mrt apr jun jul aug sep sept okt nov dec ma di wo do vr za zo
    u""".split()
)

_VOWEL_GROUP_RE = re.compile(
    r"aai|ooi|oei|eeu|ieu|eau|aa|ee|oo|uu|ie|oe|eu|ui|ei|ou|au|ai|oi|ey|uy"
    r"|[aeiouyáéíóúàèìòùâêîôûäëïöü]"
)
"""One vowel sound of Dutch: a digraph or triphthong, else a single vowel. A vowel with a
diaeresis (ë, ï) is always a sound of its own; "io", "ea", "ia" are two sounds (bi-o-scoop)."""
_DIGITS_RE = re.compile(r"\d+")
_LETTERS_RE = re.compile(rf"{_L}+")
_SAID_AS_WORD = {"GOK": 1, "OKAN": 2, "ZILL": 1}
"""Capital abbreviations that people say as a word, with their syllables."""

_GREETING_MAX_WORDS = 8

_SLOTGROET_RE = re.compile(
    r"(?:(?:met\s+)?(?:(?:heel\s+|zeer\s+)?(?:vriendelijke|hartelijke|beste|warme|lieve|veel|zonnige"
    r"|fijne|collegiale)\s+)?groet(?:en|jes)?(?:\s+van\s+\S.*)?"
    r"|hoogachtend|met\s+de\s+meeste\s+hoogachting|tot\s+(?:dan|ziens|snel|binnenkort|gauw|morgen))"
    r"[\s,.!]*",
    re.IGNORECASE,
)
"""A closing formula on a line of its own: the signature block starts here."""
_AANHEF_RE = re.compile(
    r"(?:beste|lieve|geachte|hallo|hoi|goedemorgen|goeiedag|dag\s+(?!van\b|en\b|of\b|na\b))"
    r"[^.?:;,!]*[,!]?",
    re.IGNORECASE,
)
"""A salutation without a comma ("Beste ouders", "Hallo allemaal!"); only in the first two lines."""
_AFZENDER_RE = re.compile(
    r"(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|dhr\.?|directeur|directrice|namens\b"
    r"|(?:de|het|uw|jullie)\s+(?:directie|directeur|directrice|schoolteam|team|leerkrachtenteam"
    r"|klasleerkracht|klasleerkrachten|leerkracht|leerkrachten|juf|juffen|meester|meesters"
    r"|zorgcoördinator|zorgleerkracht|ouderraad|oudercomité|oudervereniging|schoolbestuur))\b.*",
    re.IGNORECASE,
)
"""A trailing line that names the sender ("Juf Sara", "De directie"), without a closing above it."""
_AANHEF_MAX_WORDS = 6


# --------------------------------------------------------------------------- syllables


@functools.lru_cache(maxsize=1)
def _pyphen():
    import pyphen  # imported on first use: importing samenschool stays cheap

    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


@functools.lru_cache(maxsize=20000)
def _letter_syllables(part: str) -> int:
    """Syllables in a run of letters (lower case): Pyphen split points, then vowel groups."""
    if not part:
        return 0
    total = 0
    for piece in _pyphen().inserted(part).split("-"):
        total += len(_VOWEL_GROUP_RE.findall(piece))
    return max(1, total)


@functools.lru_cache(maxsize=20000)
def lettergrepen(woord: str) -> int:
    """Number of syllables of one word (see the module docstring for the rules)."""
    word = unicodedata.normalize("NFC", woord).strip(".'’")
    if not word:
        return 0
    if word in _SAID_AS_WORD:
        return _SAID_AS_WORD[word]
    parts = re.split(r"[-‐]", word)
    if len(parts) > 1:
        return sum(lettergrepen(p) for p in parts if p)
    if "." in word and not any(ch.isdigit() for ch in word):  # o.a, m.a.w
        return sum(1 for p in word.split(".") if p)
    if word.isupper() and 2 <= len(word) <= 5 and word.isalpha():  # CLB, MDO, IAC
        return len(word)
    word = word.replace("'", "").replace("’", "")
    count = len(_DIGITS_RE.findall(word))
    for letters in _LETTERS_RE.findall(word):
        count += _letter_syllables(letters.lower())
    return max(1, count)


def woorden(tekst: str) -> list[str]:
    """The words of a text, in order (see the module docstring for what a word is)."""
    return WORD_RE.findall(tekst)


# --------------------------------------------------------------------------- sentences


@dataclass(frozen=True)
class _Zin:
    start: int
    end: int
    text: str
    words: tuple[str, ...]
    greeting: bool = False


def _is_abbreviation_stop(text: str, term_start: int, term: str, next_char: str) -> bool:
    """True when a period at term_start belongs to an abbreviation and does not end the sentence."""
    if term != ".":
        return False
    i = term_start
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    token = text[i:term_start].lstrip("([\"'“‘").lower()
    if not token:
        return False
    if len(token) == 1 and token.isalpha():
        return True  # an initial (J. Peeters) or a single letter
    if token in _NOOIT_EINDE:
        return True
    if token in _SOMS_EINDE:
        return not next_char.isupper()
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):  # unknown dotted abbreviation: a.s, z.s.m
        return not next_char.isupper()
    return False


def _split_unit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Split text[start:end] (one line or joined lines) at sentence-ending punctuation."""
    pos = start
    for m in _TERMINATOR_RE.finditer(text, start, end):
        nxt = _NEXT_CHAR_RE.match(text, m.end(), end)
        next_char = nxt.group(1) if nxt else ""
        if next_char and next_char.islower():
            continue
        term = m.group(0).rstrip("\"'”’»)]")
        if _is_abbreviation_stop(text, m.start(), term, next_char):
            continue
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line break."""
    spans = []
    for m in _LINE_RE.finditer(text):
        if m.start() == m.end():
            break
        line = m.group(0).rstrip("\r\n")
        spans.append((m.start(), m.start() + len(line)))
    return spans


def _units(text: str) -> list[tuple[int, int, bool]]:
    """Blocks that sentence punctuation then splits: (start, end, is_bullet)."""
    units: list[list] = []
    for ls, le in _lines(text):
        line = text[ls:le]
        if not line.strip():
            units.append(None)  # blank line: hard boundary
            continue
        bullet = _BULLET_RE.match(line)
        if bullet:
            units.append([ls + bullet.end(), le, True])
            continue
        prev = units[-1] if units else None
        stripped = line.lstrip()
        if (
            prev is not None
            and stripped[:1].islower()
            and not re.search(r"[.!?…:;,]\s*$", text[prev[0]:prev[1]])
        ):
            prev[1] = le  # hard-wrapped continuation of the previous line
            continue
        units.append([ls, le, False])
    return [(u[0], u[1], u[2]) for u in units if u is not None]


def _greeting(z: _Zin) -> _Zin:
    return z if z.greeting else _Zin(z.start, z.end, z.text, z.words, greeting=True)


def _tail_line(z: _Zin) -> bool:
    """Could this line belong to the signature block (short, no sentence punctuation at the end)?"""
    if len(z.words) > _GREETING_MAX_WORDS:
        return False
    return z.greeting or bool(_SLOTGROET_RE.fullmatch(z.text)) or not re.search(r"[.?!:;…]$", z.text)


def _mark_salutation_and_signature(blocks: list[tuple[bool, list[_Zin]]]) -> None:
    """Mark salutations without a comma and the signature block (see the module docstring)."""
    for i, (bullet, zinnen) in enumerate(blocks[:2]):
        if (not bullet and len(zinnen) == 1 and len(zinnen[0].words) <= _AANHEF_MAX_WORDS
                and _AANHEF_RE.fullmatch(zinnen[0].text)):
            blocks[i] = (bullet, [_greeting(zinnen[0])])
    tail = len(blocks)
    while tail > 0:
        bullet, zinnen = blocks[tail - 1]
        if bullet or len(zinnen) != 1 or not _tail_line(zinnen[0]):
            break
        tail -= 1
    lines = [blocks[i][1][0] for i in range(tail, len(blocks))]
    start = next((k for k, z in enumerate(lines) if z.greeting or _SLOTGROET_RE.fullmatch(z.text)), None)
    if start is None:
        start = next((k for k, z in enumerate(lines) if _AFZENDER_RE.fullmatch(z.text)), None)
    if start is None:
        return
    for i in range(tail + start, len(blocks)):
        blocks[i] = (blocks[i][0], [_greeting(blocks[i][1][0])])


def _sentences(text: str) -> list[_Zin]:
    blocks: list[tuple[bool, list[_Zin]]] = []
    for start, end, bullet in _units(text):
        spans: list[tuple[int, int]] = []
        _split_unit(text, start, end, spans)
        zinnen = []
        for s, e in spans:
            raw = text[s:e]
            # trim white space, keep offsets exact
            lead = len(raw) - len(raw.lstrip())
            s, raw = s + lead, raw.strip()
            e = s + len(raw)
            words = tuple(WORD_RE.findall(raw))
            if not words:
                continue  # a line of only symbols or punctuation ("***", "—")
            zinnen.append(_Zin(s, e, " ".join(raw.split()), words))
        if (len(zinnen) == 1 and not bullet and zinnen[0].text.endswith(",")
                and len(zinnen[0].words) <= _GREETING_MAX_WORDS):
            zinnen = [_greeting(zinnen[0])]  # a line on its own ending in a comma: greeting or closing
        if zinnen:
            blocks.append((bullet, zinnen))
    _mark_salutation_and_signature(blocks)
    return [z for _, zinnen in blocks for z in zinnen]


def splits_zinnen(tekst: str, *, met_aanhef: bool = False) -> list[str]:
    """The sentences of a text, white space tidied. Greeting lines only with met_aanhef=True."""
    text = _nfc(tekst)
    return [z.text for z in _sentences(text) if met_aanhef or not z.greeting]


# --------------------------------------------------------------------------- word list


@dataclass(frozen=True)
class _Entry:
    woord: str  # main form
    suggestie: str
    soort: str
    bron: str
    vormen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Woordenlijst:
    """Hard words with their plain suggestion, compiled for fast whole-word matching."""

    entries: tuple[_Entry, ...]
    bestanden: tuple[str, ...] = ()
    _forms: dict = field(default_factory=dict, repr=False, compare=False)
    _patterns: tuple = field(default=(), repr=False, compare=False)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]], bestanden: Sequence[str] = ()) -> "Woordenlijst":
        """Build from dicts with woord, suggestie, soort (bron optional). Later rows win."""
        by_main: dict[str, tuple[_Entry, tuple[str, ...]]] = {}
        for row in rows:
            forms = tuple(f.strip() for f in str(row["woord"]).split("|") if f.strip())
            entry = _Entry(forms[0], str(row["suggestie"]).strip(), str(row["soort"]).strip(),
                           str(row.get("bron", "") or "").strip(), forms)
            by_main[_key(forms[0])] = (entry, forms)
        forms_map: dict[str, _Entry] = {}
        sensitive: list[str] = []
        insensitive: list[str] = []
        for entry, forms in by_main.values():
            for form in forms:
                case = _case_sensitive(form)
                forms_map[form if case else form.lower()] = entry
                (sensitive if case else insensitive).append(form)
        patterns = []
        for forms_list, flags in ((sensitive, 0), (insensitive, re.IGNORECASE)):
            if not forms_list:
                continue
            alts = sorted(set(forms_list), key=lambda f: (-len(f), f))
            body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in alts)
            patterns.append(re.compile(rf"(?<![\w.])(?:{body})(?![\w])", flags))
        return cls(tuple(e for e, _ in by_main.values()), tuple(bestanden), forms_map, tuple(patterns))

    def __len__(self) -> int:
        return len(self.entries)

    def zoek(self, tekst: str) -> list[dict]:
        """Hard words in tekst: [{woord (as found), suggestie, soort, bron, positie}], in order."""
        found: list[tuple[int, int, _Entry]] = []
        for pattern in self._patterns:
            for m in pattern.finditer(tekst):
                form = " ".join(m.group(0).split())
                entry = self._forms.get(form) or self._forms.get(form.lower())
                if entry is None:  # pragma: no cover - every alternative is in the map
                    continue
                found.append((m.start(), m.end(), entry))
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        out, last_end = [], -1
        for s, e, entry in found:
            if s < last_end:
                continue  # overlaps a longer or earlier match
            out.append({"woord": tekst[s:e], "suggestie": entry.suggestie, "soort": entry.soort,
                        "bron": entry.bron, "positie": s})
            last_end = e
        return out


def _case_sensitive(word: str) -> bool:
    """Abbreviations in capitals (CLB, GOK, MDO) match only in capitals."""
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2


def _key(word: str) -> str:
    return word if _case_sensitive(word) else word.lower()


def _read_csv(path: Path) -> list[dict]:
    """Rows of one word-list file, checked against the schema of ``moeilijke_woorden`` in
    datasets/datapackage.json (through the kit's data loader), then for the word forms.
    Raises DataError naming file and row."""
    from samenschool import data

    name = str(path)
    if not path.is_file():
        raise DataError(f"De woordenlijst '{name}' bestaat niet of is geen bestand.")
    from samenschool import validatie

    if path.stat().st_size > validatie.MAX_TEKSTBESTAND:  # checked before reading: a word list is a few kB
        raise DataError(f"De woordenlijst '{name}' is te groot: hoogstens {validatie.grootte(validatie.MAX_TEKSTBESTAND)}.")
    frame = data.load_file("moeilijke_woorden", path)
    rows, seen = [], {}
    for index, cells in frame.iterrows():
        rownum = int(index) + 2
        row = {k: str(cells.get(k, "") or "").strip() for k in _KOLOMMEN}
        if not any(row.values()):
            continue
        for k in ("woord", "suggestie", "soort"):
            if not row[k]:
                raise DataError(f"De woordenlijst '{name}', rij {rownum}: de kolom '{k}' is leeg.")
        forms = [f.strip() for f in row["woord"].split("|")]
        if any(not f for f in forms):
            raise DataError(
                f"De woordenlijst '{name}', rij {rownum}: een lege vorm in '{row['woord']}'. "
                "Scheid vormen met één | zonder lege stukken."
            )
        for form in forms:
            key = _key(form)
            if key in seen:
                raise DataError(
                    f"De woordenlijst '{name}', rij {rownum}: '{form}' staat al in rij {seen[key]}."
                )
            seen[key] = rownum
        rows.append(row)
    if not rows:
        raise DataError(f"De woordenlijst '{name}' heeft geen woorden.")
    return rows


def standaard_woordenlijst_pad() -> Path:
    from samenschool.paths import datasets_dir

    return datasets_dir() / "moeilijke_woorden.csv"


@functools.lru_cache(maxsize=16)
def _load_cached(paths: tuple[str, ...], stamps: tuple) -> Woordenlijst:
    rows: list[dict] = []
    for p in paths:
        rows.extend(_read_csv(Path(p)))
    return Woordenlijst.from_rows(rows, bestanden=paths)


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return (None, None)


def laad_woordenlijst(pad: str | Path | None = None, extra_woorden: str | Path | None = None) -> Woordenlijst:
    """Load the kit's hard-word list (or pad) plus an optional school file, cached.

    The cache key includes each file's modification time, so a school that edits the CSV
    sees its change on the next call without restarting the kernel.
    """
    paths = [Path(pad) if pad else standaard_woordenlijst_pad()]
    if extra_woorden:
        paths.append(Path(extra_woorden))
    key = tuple(str(p) for p in paths)
    return _load_cached(key, tuple(_stamp(p) for p in paths))


# --------------------------------------------------------------------------- scores


def flesch_douma(woorden_per_zin: float, lettergrepen_per_woord: float) -> float:
    """Flesch-Douma (unrounded)."""
    return 206.835 - 0.93 * woorden_per_zin - 77 * lettergrepen_per_woord


def brouwer(woorden_per_zin: float, lettergrepen_per_woord: float) -> float:
    """Leesindex Brouwer (unrounded)."""
    return 195 - 2 * woorden_per_zin - 66.7 * lettergrepen_per_woord


def band(score: float) -> str:
    """The Dutch band word for a score (Douma's table, see BANDEN_BRON)."""
    for lower, word in BANDEN:
        if score >= lower:
            return word
    return BANDEN[-1][1]  # pragma: no cover


@dataclass(frozen=True)
class Leesbaarheid:
    """The readability of one text. Build it with analyse()."""

    woorden: int
    zinnen: int
    lettergrepen: int
    flesch_douma: float
    brouwer: float
    band_flesch: str
    band_brouwer: str
    lange_zinnen: list[str]
    moeilijke_woorden: list[dict]
    zinnen_lijst: list[str]

    @property
    def woorden_per_zin(self) -> float:
        return self.woorden / self.zinnen

    @property
    def lettergrepen_per_woord(self) -> float:
        return self.lettergrepen / self.woorden

    def to_dict(self) -> dict:
        """JSON-ready dict (all values are str, int, float, list or dict)."""
        return {
            "flesch_douma": self.flesch_douma,
            "band_flesch": self.band_flesch,
            "brouwer": self.brouwer,
            "band_brouwer": self.band_brouwer,
            "woorden": self.woorden,
            "zinnen": self.zinnen,
            "lettergrepen": self.lettergrepen,
            "woorden_per_zin": round(self.woorden_per_zin, 2),
            "lettergrepen_per_woord": round(self.lettergrepen_per_woord, 2),
            "lange_zin_grens": LANGE_ZIN,
            "lange_zinnen": list(self.lange_zinnen),
            "moeilijke_woorden": [dict(w) for w in self.moeilijke_woorden],
            "zinnen_lijst": list(self.zinnen_lijst),
            "caveat": CAVEAT,
            "banden_bron": BANDEN_BRON,
        }


def _nfc(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"tekst moet een str zijn, niet {type(text).__name__}")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _resolve_list(woordenlijst, extra_woorden) -> Woordenlijst:
    if woordenlijst is None:
        return laad_woordenlijst(extra_woorden=extra_woorden)
    if isinstance(woordenlijst, Woordenlijst):
        base = woordenlijst
    elif isinstance(woordenlijst, (str, Path)):
        return laad_woordenlijst(woordenlijst, extra_woorden)
    else:
        base = Woordenlijst.from_rows(woordenlijst)
    if extra_woorden:
        extra = _read_csv(Path(extra_woorden))
        rows = [{"woord": "|".join(e.vormen or (e.woord,)), "suggestie": e.suggestie,
                 "soort": e.soort, "bron": e.bron} for e in base.entries]
        return Woordenlijst.from_rows(rows + extra, bestanden=base.bestanden + (str(extra_woorden),))
    return base


def analyse(tekst: str, woordenlijst=None, *, extra_woorden: str | Path | None = None) -> Leesbaarheid:
    """Scores, long sentences and hard words of a letter.

    woordenlijst: None (the kit's list, cached), a Woordenlijst, a path to a CSV, or rows
    (dicts with woord, suggestie, soort). extra_woorden: a second CSV of the school.
    Raises SamenschoolError (Dutch message) for empty text or text without sentences.
    """
    text = _nfc(tekst)
    if not text.strip():
        raise SamenschoolError("De tekst is leeg. Plak of typ eerst de brief die u wilt nakijken.")
    lijst = _resolve_list(woordenlijst, extra_woorden)
    zinnen = [z for z in _sentences(text) if not z.greeting]
    if not zinnen:
        raise SamenschoolError(
            "De tekst heeft geen zinnen om te meten (alleen een aanhef, een slotgroet, een "
            "ondertekening of tekens zonder woorden). "
            "Plak de hele brief."
        )
    n_words = sum(len(z.words) for z in zinnen)
    n_syll = sum(lettergrepen(w) for z in zinnen for w in z.words)
    wps = n_words / len(zinnen)
    spw = n_syll / n_words
    fd = round(flesch_douma(wps, spw), 1)
    br = round(brouwer(wps, spw), 1)
    return Leesbaarheid(
        woorden=n_words,
        zinnen=len(zinnen),
        lettergrepen=n_syll,
        flesch_douma=fd,
        brouwer=br,
        band_flesch=band(fd),
        band_brouwer=band(br),
        lange_zinnen=[z.text for z in zinnen if len(z.words) > LANGE_ZIN],
        moeilijke_woorden=lijst.zoek(text),
        zinnen_lijst=[z.text for z in zinnen],
    )


# --------------------------------------------------------------------------- HTML


def markeer_html(tekst: str, result: Leesbaarheid) -> str:
    """The text as HTML: hard words in <mark title="suggestion">, long sentences in
    <span class="ss-lang">. Every piece of the text is escaped; line breaks are kept
    (white-space: pre-wrap)."""
    text = _nfc(tekst)
    long_spans = [(z.start, z.end, len(z.words)) for z in _sentences(text)
                  if not z.greeting and len(z.words) > LANGE_ZIN]
    marks = []
    for w in result.moeilijke_woorden:
        pos, word = int(w.get("positie", -1)), str(w.get("woord", ""))
        if pos >= 0 and word and text[pos:pos + len(word)] == word:
            marks.append((pos, pos + len(word), w))
    points = sorted({0, len(text)} | {p for s, e, _ in long_spans for p in (s, e)}
                    | {p for s, e, _ in marks for p in (s, e)})
    out = ['<div class="ss-leesbaarheid" style="white-space: pre-wrap">']
    open_span = open_mark = None
    marks.sort(key=lambda m: m[0])
    si = mi = 0  # both lists are sorted and free of overlaps: sweep them once
    for a, b in zip(points, points[1:]):
        while si < len(long_spans) and long_spans[si][1] <= a:
            si += 1
        while mi < len(marks) and marks[mi][1] <= a:
            mi += 1
        span = long_spans[si] if si < len(long_spans) and long_spans[si][0] <= a else None
        mark = marks[mi] if mi < len(marks) and marks[mi][0] <= a else None
        if open_mark is not None and mark is not open_mark:
            out.append("</mark>")
            open_mark = None
        if open_span is not None and span is not open_span:
            if open_mark is not None:
                out.append("</mark>")
                open_mark = None
            out.append("</span>")
            open_span = None
        if span is not None and open_span is None:
            title = f"Lange zin: {span[2]} woorden. Probeer er twee zinnen van te maken."
            out.append(f'<span class="ss-lang" title="{html.escape(title)}">')
            open_span = span
        if mark is not None and open_mark is None:
            info = mark[2]
            title = f"Moeilijk woord ({info.get('soort', '')}). Eenvoudiger: {info.get('suggestie', '')}"
            out.append(f'<mark class="ss-moeilijk" title="{html.escape(title)}">')
            open_mark = mark
        out.append(html.escape(text[a:b]))
    if open_mark is not None:
        out.append("</mark>")
    if open_span is not None:
        out.append("</span>")
    out.append("</div>")
    return "".join(out)
