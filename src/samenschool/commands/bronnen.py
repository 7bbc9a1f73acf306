"""`samenschool bronnen …`: facilitator_guide/bronnen.md, made from datasets/bronnen.csv."""

from __future__ import annotations

from samenschool import bronnen

HELP = "De bronnenlijst van de gids maken uit datasets/bronnen.csv, of controleren of ze nog klopt."


def register(parser) -> None:
    sub = parser.add_subparsers(dest="actie", metavar="ACTIE")
    sub.add_parser("maak", help="Schrijf facilitator_guide/bronnen.md.",
                   description="Schrijf facilitator_guide/bronnen.md uit datasets/bronnen.csv.")
    sub.add_parser("controleer", help="Controleer of bronnen.md nog klopt (exit 1 als niet).",
                   description="Controleer of facilitator_guide/bronnen.md nog klopt met datasets/bronnen.csv.")


def run(args) -> int:
    actie = getattr(args, "actie", None)
    if actie == "maak":
        veranderd = bronnen.maak()
        print(f"Geschreven: {bronnen.bestand()}" if veranderd else "bronnen.md was al up-to-date.")
        return 0
    if actie == "controleer":
        problemen = bronnen.controleer()
        for melding in problemen:
            print(f"Niet up-to-date: {melding}")
        if problemen:
            print("Los het op met: samenschool bronnen maak")
            return 1
        print("bronnen.md klopt met datasets/bronnen.csv.")
        return 0
    print("Kies een actie: samenschool bronnen maak  of  samenschool bronnen controleer")
    return 2
