"""`samenschool werkmap …`: show, export or wipe the learner's saved answers."""

from __future__ import annotations

import sys

from samenschool import klas, validatie, werkboek
from samenschool.werkmap import Werkmap

HELP = "Je bewaarde antwoorden tonen, bundelen in een werkboek of wissen."
WERKBOEK_FORMATEN = {".html": "HTML", ".docx": "Word", ".md": "Markdown", ".htm": "HTML"}  # werkboek.FORMATEN


def register(parser) -> None:
    sub = parser.add_subparsers(dest="actie", metavar="ACTIE")
    sub.add_parser("toon", help="Toon waar je antwoorden staan en welke modules er zijn.")
    exp = sub.add_parser("export", help="Bundel alles in één werkboek (HTML, Word en/of Markdown).")
    exp.add_argument("--uit", required=True, metavar="BESTAND",
                     help="bv. werkboek.html, werkboek.docx, werkboek.md, of werkboek (dan alle drie)")
    klas = sub.add_parser("klas", help="Klasmodus: één werkboek per deelnemer in een map (voor de begeleider), "
                                       "genummerd in de volgorde waarin ze binnenkwamen.")
    klas.add_argument("--uit", required=True, metavar="MAP", help="map voor de werkboeken, bv. werkboeken-klas")
    wis = sub.add_parser("wis", help="Wis je eigen bewaarde antwoorden (vraagt eerst of je zeker bent). "
                                     "De antwoorden van deelnemers (klasmodus) blijven staan.")
    wis.add_argument("--klas", action="store_true",
                     help="wis in de plaats daarvan de antwoorden van alle deelnemers (klasmodus); toont eerst hoeveel")
    wis.add_argument("--ja", action="store_true", help="niet meer vragen: meteen wissen")


def run(args) -> int:
    wm = Werkmap.default()
    if args.actie == "export":
        uit = validatie.controleer_uitvoer(args.uit, formaten=WERKBOEK_FORMATEN, zonder_einde=True)
        for path in werkboek.export(wm, uit):
            print(f"Werkboek geschreven: {path}")
        for melding in wm.meldingen:  # a file set aside while reading: say so here too
            print(f"Let op: {melding}", file=sys.stderr)
        return 0
    if args.actie == "klas":
        written = klas.export_deelnemers(wm, args.uit)
        if not written:
            print("Er zijn nog geen antwoorden van deelnemers (klasmodus: samenschool start --netwerk).")
            return 1
        print(f"{len(written) // 3} werkboek(en) geschreven in {args.uit}.")
        return 0
    if args.actie == "wis":
        return _wis_klas(wm, args.ja) if args.klas else _wis_eigen(wm, args.ja)
    modules = wm.modules()
    print(f"Je werkmap: {wm.folder}")
    print("Modules met antwoorden: " + (", ".join(modules) if modules else "nog geen"))
    mensen = _met_antwoorden(wm)
    if mensen:
        print(f"Klasmodus: antwoorden van {len(mensen)} deelnemer(s) in {wm.folder / 'deelnemers'}.")
    return 0


def _bevestigd(ja: bool) -> bool:
    if ja:
        return True
    print("Typ ja en druk op Enter om te wissen: ", end="", flush=True)
    answer = sys.stdin.readline().strip().lower() if sys.stdin else ""
    if answer != "ja":
        print("Niets gewist.")
        return False
    return True


def _wis_eigen(wm: Werkmap, ja: bool) -> int:
    aantal = len(wm.modules())
    print(f"Dit wist je eigen antwoorden ({aantal} module{'s' if aantal != 1 else ''}) in {wm.folder}.")
    if wm.deelnemers():
        print(f"De antwoorden van {len(_met_antwoorden(wm))} deelnemer(s) blijven staan "
              "(die wis je met: samenschool werkmap wis --klas).")
    if not _bevestigd(ja):
        return 1
    count = wm.wis()
    print(f"Gewist: {count} bestand(en) met je eigen antwoorden uit {wm.folder}.")
    return 0


def _met_antwoorden(wm: Werkmap) -> list:
    return [p for p in wm.deelnemers() if Werkmap(p).modules()]


def _wis_klas(wm: Werkmap, ja: bool) -> int:
    mensen = _met_antwoorden(wm)
    if not mensen:
        print("Er zijn geen antwoorden van deelnemers om te wissen.")
        return 0
    print(f"Dit wist de antwoorden van {len(mensen)} deelnemer(s) (klasmodus), in {wm.folder / 'deelnemers'}.")
    print("Je eigen antwoorden blijven staan. Maak eerst de werkboeken als je ze wil bewaren: "
          "samenschool werkmap klas --uit MAP")
    if not _bevestigd(ja):
        return 1
    count = wm.wis_klas()
    print(f"Gewist: {count} bestand(en) van {len(mensen)} deelnemer(s).")
    return 0

