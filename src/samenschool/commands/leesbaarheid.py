"""`samenschool leesbaarheid BRIEF.txt [--json]`: how readable is a letter to parents?

Reads a plain-text file (UTF-8, with or without BOM). A file with NUL bytes, or one that is
not valid UTF-8, is refused with a Dutch message: we do not guess another encoding, because
a wrong guess silently turns "ë" into rubbish and the scores would still look fine.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from samenschool.errors import SamenschoolError

HELP = "Meet hoe leesbaar een brief voor ouders is: scores, lange zinnen en moeilijke woorden."


def register(parser) -> None:
    parser.add_argument("brief", metavar="BRIEF.txt", help="de brief als tekstbestand (UTF-8)")
    parser.add_argument("--json", action="store_true",
                        help="geef het resultaat als één JSON-object (voor andere programma's)")
    parser.add_argument("--extra-woorden", metavar="CSV", default=None,
                        help="extra lijst moeilijke woorden van uw school "
                             "(kolommen woord,suggestie,soort,bron)")


def lees_brief(pad: str | Path) -> str:
    """The text of a letter file, or SamenschoolError with a Dutch message. At most 1 MB is
    read (a letter is a few kB), so /dev/zero or a huge file gets a message, not a MemoryError."""
    from samenschool import validatie

    path = Path(pad)
    text = validatie.lees_tekstbestand(path, max_bytes=validatie.MAX_TEKSTBESTAND, soort="tekstbestand")
    if not text.strip():
        raise SamenschoolError(f"Het bestand '{path}' is leeg. Zet eerst de tekst van de brief erin.")
    return validatie.zonder_vreemde_tekens(text)


def _getal(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def rapport(naam: str, result) -> str:
    """The plain Dutch report for one letter."""
    from samenschool.leesbaarheid import CAVEAT, LANGE_ZIN

    lines = [
        f"Leesbaarheid van {naam}",
        "",
        f"Flesch-Douma:      {_getal(result.flesch_douma)} ({result.band_flesch})",
        f"Leesindex Brouwer: {_getal(result.brouwer)} ({result.band_brouwer})",
        "Hoe hoger de score, hoe makkelijker de tekst.",
        "",
        f"Woorden: {result.woorden}. Zinnen: {result.zinnen}. "
        f"Gemiddeld {_getal(result.woorden / result.zinnen)} woorden per zin.",
        "De aanhef en de slotgroet tellen niet mee.",
        "",
    ]
    if result.lange_zinnen:
        lines.append(f"Lange zinnen (meer dan {LANGE_ZIN} woorden): {len(result.lange_zinnen)}")
        for i, zin in enumerate(result.lange_zinnen, 1):
            lines.append(f"  {i}. {zin}")
        lines.append("  Tip: maak er twee of drie korte zinnen van.")
    else:
        lines.append(f"Lange zinnen (meer dan {LANGE_ZIN} woorden): geen. Goed zo.")
    lines.append("")
    if result.moeilijke_woorden:
        counts: dict[str, list] = {}
        for w in result.moeilijke_woorden:
            key = w["woord"].lower() if w["woord"] != w["woord"].upper() else w["woord"]
            counts.setdefault(key, [w, 0])[1] += 1
        lines.append(f"Moeilijke woorden: {len(result.moeilijke_woorden)}")
        for w, n in counts.values():
            keer = f" ({n} keer)" if n > 1 else ""
            lines.append(f"  - {w['woord']}{keer}: beter '{w['suggestie']}'")
    else:
        lines.append("Moeilijke woorden: geen gevonden in de woordenlijst.")
    lines += ["", f"Let op: {CAVEAT}"]
    return "\n".join(lines)


def run(args) -> int:
    from samenschool.leesbaarheid import analyse

    text = lees_brief(args.brief)
    result = analyse(text, extra_woorden=args.extra_woorden)
    if args.json:
        data = result.to_dict()
        data["bestand"] = str(args.brief)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(rapport(Path(args.brief).name, result) + "\n")
    return 0
