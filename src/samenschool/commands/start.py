"""`samenschool start`: open the kit as pages (Voilà), or in JupyterLab with --lab."""

from samenschool import app

HELP = "Start de kit in je browser (pagina's zonder code). Met --lab: JupyterLab om aan te passen."


def register(parser) -> None:
    parser.add_argument("--poort", type=int, default=None, help=f"poort (standaard {app.DEFAULT_PORT} of een vrije)")
    parser.add_argument("--lab", action="store_true", help="open JupyterLab in plaats van de pagina's")
    parser.add_argument("--netwerk", action="store_true",
                        help="ook bereikbaar voor andere toestellen in het lokale netwerk (klas)")
    parser.add_argument("--geen-browser", action="store_true", help="geen browser openen")


def run(args) -> int:
    return app.serve("lab" if args.lab else "app", port=args.poort,
                     host="0.0.0.0" if args.netwerk else "127.0.0.1", open_browser=not args.geen_browser)
