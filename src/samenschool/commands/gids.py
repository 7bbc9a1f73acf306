"""`samenschool gids …`: the timed schedules of the facilitator guide, made from the notebooks."""

from __future__ import annotations

from samenschool import gids

HELP = "Tijdschema's voor de begeleidersgids maken uit de pagina's, of controleren of ze nog kloppen."


def register(parser) -> None:
    sub = parser.add_subparsers(dest="actie", metavar="ACTIE")
    sub.add_parser("maak", help="Schrijf facilitator_guide/tijdschema_<route>.md voor elke route.",
                   description="Schrijf facilitator_guide/tijdschema_<route>.md voor elke route.")
    sub.add_parser("controleer", help="Controleer of de tijdschema's nog kloppen met de pagina's (exit 1 als niet).",
                   description="Controleer of de tijdschema's nog kloppen met de pagina's (exit 1 als niet).")
    toon = sub.add_parser("toon", help="Toon het tijdschema van één route.",
                          description="Toon het tijdschema van één route.")
    toon.add_argument("route", help="de route: " + ", ".join(sorted(gids.routes_info())))


def run(args) -> int:
    actie = getattr(args, "actie", None)
    if actie == "maak":
        changed = gids.maak()
        for path in changed:
            print(f"Geschreven: {path}")
        print(f"{len(changed)} tijdschema('s) aangepast." if changed else "Alle tijdschema's waren al up-to-date.")
        return 0
    if actie == "controleer":
        problemen = gids.controleer()
        if problemen:
            for melding in problemen:
                print(f"Niet up-to-date: {melding}")
            print("Los het op met: samenschool gids maak")
            return 1
        print("Alle koppen en tijdschema's kloppen met de pagina's.")
        return 0
    if actie == "toon":
        print(gids.schema_markdown(args.route))
        return 0
    print("Kies een actie: samenschool gids maak  of  samenschool gids controleer")
    return 2
