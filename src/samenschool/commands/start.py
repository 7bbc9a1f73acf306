"""`samenschool start`: open the kit as pages (Voilà), or in JupyterLab with --lab."""

from samenschool import app
from samenschool.errors import SamenschoolError

HELP = "Start de kit in je browser (pagina's zonder code). Met --lab: JupyterLab om aan te passen."
STANDAARD_DEELNEMERS = 5
MAX_DEELNEMERS = 60
# without --route: after the start page, modules 1 and 3 (the first session of self-study, and
# module 3 opens the first session of every route)
STANDAARD_PAGINAS = ("notebooks/01_gelijke_kansen.ipynb", "notebooks/03_drempels.ipynb")


def poort(tekst: str) -> int:
    """A port number: ASCII digits, 1024-65535 (below 1024 needs administrator rights)."""
    import argparse

    from samenschool.validatie import geheel_getal

    nummer = geheel_getal(tekst, 1024, 65535)
    if nummer is None:
        raise argparse.ArgumentTypeError(f"'{tekst[:20]}' is geen poort. Kies een getal van 1024 tot 65535, bv. 8866")
    return nummer


def register(parser) -> None:
    parser.add_argument("--poort", type=poort, default=None, help=f"poort (standaard {app.DEFAULT_PORT} of een vrije)")
    parser.add_argument("--lab", action="store_true", help="open JupyterLab in plaats van de pagina's")
    parser.add_argument("--netwerk", action="store_true",
                        help="ook bereikbaar voor andere toestellen in het lokale netwerk (klas)")
    parser.add_argument("--deelnemers", type=int, default=None, metavar="N",
                        help=f"klas: zoveel deelnemers kunnen tegelijk snel starten (standaard {STANDAARD_DEELNEMERS}; "
                             "elke klaarstaande pagina gebruikt ongeveer 140 MB geheugen)")
    parser.add_argument("--route", default=None, metavar="ROUTE",
                        help="klas: de pagina's van deze route staan klaar, de ene na de andere "
                             "(lerarenopleiding, schoolteam of zelfstudie; standaard: module 1 en 3)")
    parser.add_argument("--sessie", type=int, default=1, metavar="S", help="klas: welke sessie van de route (standaard 1)")
    parser.add_argument("--geen-browser", action="store_true", help="geen browser openen")


def run(args) -> int:
    deelnemers = args.deelnemers
    if deelnemers is not None and not args.netwerk:
        raise SamenschoolError("--deelnemers hoort bij de klasmodus: gebruik samen met --netwerk.")
    if deelnemers is None:
        deelnemers = STANDAARD_DEELNEMERS
    if not 0 <= deelnemers <= MAX_DEELNEMERS:
        raise SamenschoolError(f"Kies voor --deelnemers een getal van 0 tot {MAX_DEELNEMERS}.")
    if (args.route is not None or args.sessie != 1) and not args.netwerk:
        raise SamenschoolError("--route en --sessie horen bij de klasmodus: gebruik samen met --netwerk.")
    paginas = STANDAARD_PAGINAS
    if args.route is not None:
        from samenschool import gids

        paginas = tuple(p for p in gids.sessie_paginas(args.route, args.sessie) if not p.endswith("/00_start.ipynb"))
    return app.serve("lab" if args.lab else "app", port=args.poort,
                     host=app.netwerk_host() if args.netwerk else "127.0.0.1", open_browser=not args.geen_browser,
                     deelnemers=deelnemers if args.netwerk else 0, klas=args.netwerk,
                     paginas=paginas if args.netwerk else ())
