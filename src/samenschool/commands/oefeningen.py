"""`samenschool oefeningen …`: learner versions and model answers from the exercise sources."""

from __future__ import annotations

from pathlib import Path

from samenschool import oefeningen

HELP = "Oefeningen maken uit hun bron (met modeloplossing) of controleren of ze nog kloppen."


def register(parser) -> None:
    sub = parser.add_subparsers(dest="actie", metavar="ACTIE")
    for naam, uitleg in (
        ("maak", "Maak de leerlingversies en de modeloplossingen opnieuw uit exercises/bron/."),
        ("controleer", "Controleer of alle gemaakte bestanden nog kloppen met hun bron (exit 1 als niet)."),
    ):
        cmd = sub.add_parser(naam, help=uitleg, description=uitleg)
        cmd.add_argument("--map", type=Path, default=None, metavar="MAP",
                         help="de map van de kit (standaard: deze checkout)")


def run(args) -> int:
    actie = getattr(args, "actie", None)
    if actie == "maak":
        changed = oefeningen.maak(args.map)
        for path in changed:
            print(f"Geschreven: {path}")
        print(f"{len(changed)} bestand(en) aangepast." if changed else "Alles was al up-to-date.")
        return 0
    if actie == "controleer":
        problemen = oefeningen.controleer(args.map)
        if problemen:
            for melding in problemen:
                print(f"Niet up-to-date: {melding}")
            print("Los het op met: samenschool oefeningen maak")
            return 1
        print("Alle oefeningen en modeloplossingen zijn up-to-date.")
        return 0
    print("Kies een actie: samenschool oefeningen maak  of  samenschool oefeningen controleer")
    return 2
