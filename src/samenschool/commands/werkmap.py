"""`samenschool werkmap …`: show, export or wipe the learner's saved answers."""

from __future__ import annotations

import sys

from samenschool import klas as klas_export
from samenschool import werkboek
from samenschool.werkmap import Werkmap

HELP = "Je bewaarde antwoorden tonen, bundelen in een werkboek of wissen."


def register(parser) -> None:
    sub = parser.add_subparsers(dest="actie", metavar="ACTIE")
    sub.add_parser("toon", help="Toon waar je antwoorden staan en welke modules er zijn.")
    exp = sub.add_parser("export", help="Bundel alles in één werkboek (HTML en/of Markdown).")
    exp.add_argument("--uit", required=True, metavar="BESTAND",
                     help="bv. werkboek.html, werkboek.md, of werkboek (dan beide)")
    klas = sub.add_parser("klas", help="Klasmodus: één werkboek per deelnemer in een map (voor de begeleider), "
                                       "genummerd in de volgorde waarin ze binnenkwamen.")
    klas.add_argument("--uit", required=True, metavar="MAP", help="map voor de werkboeken, bv. werkboeken-klas")
    wis = sub.add_parser("wis", help="Wis al je bewaarde antwoorden (vraagt eerst of je zeker bent).")
    wis.add_argument("--ja", action="store_true", help="niet meer vragen: meteen wissen")


def run(args) -> int:
    wm = Werkmap.default()
    if args.actie == "export":
        for path in werkboek.export(wm, args.uit):
            print(f"Werkboek geschreven: {path}")
        return 0
    if args.actie == "klas":
        written = klas_export.export_deelnemers(wm, args.uit)
        if not written:
            print("Er zijn nog geen antwoorden van deelnemers (klasmodus: samenschool start --netwerk).")
            return 1
        print(f"{len(written) // 2} werkboek(en) geschreven in {args.uit}.")
        return 0
    if args.actie == "wis":
        if not args.ja:
            print(f"Dit wist al je antwoorden in {wm.folder}.")
            print("Typ ja en druk op Enter om te wissen: ", end="", flush=True)
            answer = sys.stdin.readline().strip().lower() if sys.stdin else ""
            if answer != "ja":
                print("Niets gewist.")
                return 1
        count = wm.wis()
        print(f"Gewist: {count} bestand(en) uit {wm.folder}.")
        return 0
    modules = wm.modules()
    print(f"Je werkmap: {wm.folder}")
    print("Modules met antwoorden: " + (", ".join(modules) if modules else "nog geen"))
    return 0
