"""`samenschool vertelgesprek …`: an example plan, or the four documents of a plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from samenschool.errors import SamenschoolError

HELP = "Ouder-vertelgesprek: toon een voorbeeldplan of maak de vier documenten van een plan."


def register(parser) -> None:
    parser.add_argument("plan", nargs="?", metavar="PLAN.json",
                        help="het plan als JSON-bestand (maak er een met --voorbeeld)")
    parser.add_argument("--voorbeeld", action="store_true",
                        help="toon een volledig voorbeeldplan als JSON (bewaar het en pas het aan)")
    parser.add_argument("--naar", choices=("html", "docx", "md"), default="html",
                        help="formaat van de documenten (standaard: html)")
    parser.add_argument("--uit", metavar="MAP", default="vertelgesprek",
                        help="map waarin de vier documenten komen (standaard: ./vertelgesprek)")


def lees_plan(path: Path):
    """Read and validate a plan file. Every problem is a SamenschoolError that names it."""
    from samenschool.vertelgesprek.model import Plan, validate

    if not path.exists():
        raise SamenschoolError(f"het bestand {path} bestaat niet.")
    if path.is_dir():
        raise SamenschoolError(f"{path} is een map, geen plan. Geef een JSON-bestand.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SamenschoolError(f"{path} is geen tekstbestand (UTF-8). Bewaar het plan als JSON.") from None
    except OSError as exc:
        raise SamenschoolError(f"kan {path} niet lezen: {exc.strerror}.") from None
    if not text.strip():
        raise SamenschoolError(f"{path} is leeg. Maak een plan met: samenschool vertelgesprek --voorbeeld > plan.json")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SamenschoolError(f"{path} is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: "
                               f"{exc.msg}).") from None
    if not isinstance(data, dict):
        raise SamenschoolError(f"{path} bevat geen plan: verwacht een JSON-object met context, wanneer, ...")
    plan = Plan.from_dict(data)
    meldingen = validate(plan)
    fouten = [m for m in meldingen if m.is_fout]
    if fouten:
        raise SamenschoolError(f"het plan in {path} is nog niet klaar:\n" + "\n".join(f"  - {m.regel()}" for m in fouten))
    return plan, [m for m in meldingen if not m.is_fout]


def run(args) -> int:
    if args.voorbeeld:
        from samenschool.vertelgesprek.voorbeeld import voorbeeld

        print(json.dumps(voorbeeld().to_dict(), ensure_ascii=False, indent=2))
        return 0
    if not args.plan:
        raise SamenschoolError("geef een plan (PLAN.json) of gebruik --voorbeeld. "
                               "Voorbeeld: samenschool vertelgesprek plan.json --naar docx --uit map")
    from samenschool.vertelgesprek import documenten

    plan, waarschuwingen = lees_plan(Path(args.plan))
    for melding in waarschuwingen:
        print(melding.regel(), file=sys.stderr)
    for path in documenten.write_all(plan, Path(args.uit), args.naar):
        print(f"Geschreven: {path}")
    return 0
