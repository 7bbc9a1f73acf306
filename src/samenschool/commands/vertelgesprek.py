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
    """Read and check a plan file. Every problem is named (field or row) in one SamenschoolError;
    returns (plan, warnings). Limits: at most 1 MB, 32 levels of nesting, numbers of at most
    9 digits, no control or non-characters (see samenschool.validatie)."""
    from samenschool import validatie
    from samenschool.vertelgesprek.model import Plan, controleer_vorm, validate

    data = validatie.lees_json_bestand(path, soort="plan")
    vorm = controleer_vorm(data)
    fouten = [p for p in vorm if p.blokkeert]
    if fouten:
        raise SamenschoolError(f"het plan in {path} kan niet gelezen worden:\n"
                               + "\n".join(f"  - {p}" for p in fouten[:MAX_MELDINGEN])
                               + _nog(len(fouten)))
    plan = Plan.from_dict(data)
    meldingen = validate(plan)
    fouten = [m for m in meldingen if m.is_fout]
    if fouten:
        raise SamenschoolError(f"het plan in {path} is nog niet klaar:\n"
                               + "\n".join(f"  - {m.regel()}" for m in fouten[:MAX_MELDINGEN])
                               + _nog(len(fouten)))
    overgeslagen = [f"Let op: {p}" for p in vorm if not p.blokkeert]
    return plan, overgeslagen + [m.regel() for m in meldingen if not m.is_fout]


MAX_MELDINGEN = 30  # a file full of mistakes gets the first 30, not a thousand lines


def _nog(n: int) -> str:
    return f"\n  ... en nog {n - MAX_MELDINGEN} andere." if n > MAX_MELDINGEN else ""


def run(args) -> int:
    if args.voorbeeld:
        from samenschool.vertelgesprek.voorbeeld import voorbeeld

        print(json.dumps(voorbeeld().to_dict(), ensure_ascii=False, indent=2))
        return 0
    if not args.plan:
        raise SamenschoolError("geef een plan (PLAN.json) of gebruik --voorbeeld. "
                               "Voorbeeld: samenschool vertelgesprek plan.json --naar docx --uit map")
    from samenschool.vertelgesprek import documenten

    if not str(args.uit).strip():
        raise SamenschoolError("geef na --uit de naam van een map, bv. --uit vertelgesprek.")
    plan, waarschuwingen = lees_plan(Path(args.plan))
    for melding in waarschuwingen:
        print(melding, file=sys.stderr)
    for path in documenten.write_all(plan, Path(args.uit), args.naar):
        print(f"Geschreven: {path}")
    return 0
