"""`samenschool actieplan …`: an example action plan, or the plan as a document."""

from __future__ import annotations

import json
from pathlib import Path

from samenschool.errors import SamenschoolError

HELP = "Actieplan (module 07): toon een voorbeeldplan of maak het plan als document."


def register(parser) -> None:
    parser.add_argument("plan", nargs="?", metavar="PLAN.json",
                        help="het actieplan als JSON-bestand (maak er een met --voorbeeld)")
    parser.add_argument("--voorbeeld", action="store_true",
                        help="toon een volledig voorbeeldplan als JSON (bewaar het en pas het aan)")
    parser.add_argument("--naar", choices=("html", "docx", "md"), default="html",
                        help="formaat van het document (standaard: html)")
    parser.add_argument("--uit", metavar="MAP", default="actieplan",
                        help="map waarin het document komt (standaard: ./actieplan)")


def lees_plan(path: Path):
    """Read and check a plan file. Every problem is a SamenschoolError that names the field."""
    from samenschool import actieplan

    from samenschool import validatie

    # at most 1 MB, 32 levels of nesting, numbers of at most 9 digits, no NaN (samenschool.validatie)
    data = validatie.lees_json_bestand(path, soort="plan")
    tekens = list(validatie.vreemde_tekens(data))
    if tekens:  # control and non-characters (U+FFFE) never reach the DOCX writer
        raise SamenschoolError(f"het plan in {path} kan niet gelezen worden:\n"
                               + "\n".join(f"  - {p}" for p in tekens[:30]))
    try:
        plan = actieplan.Plan.from_dict(data)
    except SamenschoolError as exc:
        raise SamenschoolError(f"{path}: {exc}") from None
    problemen = actieplan.fouten(plan)
    if problemen:
        raise SamenschoolError(f"het plan in {path} is nog niet klaar:\n"
                               + "\n".join(f"  - {m.regel()}" for m in problemen))
    return plan


def run(args) -> int:
    from samenschool import actieplan

    if args.voorbeeld:
        print(json.dumps(actieplan.voorbeeld().to_dict(), ensure_ascii=False, indent=2))
        return 0
    if not args.plan:
        raise SamenschoolError("geef een plan (PLAN.json) of gebruik --voorbeeld. "
                               "Voorbeeld: samenschool actieplan plan.json --naar docx --uit map")
    plan = lees_plan(Path(args.plan))
    pad = actieplan.schrijf(plan, Path(args.uit), args.naar)
    print(f"Geschreven: {pad}")
    return 0
