"""`samenschool start`: open the kit as pages (Voilà), or in JupyterLab with --lab."""

from samenschool import app

HELP = "Start de kit in je browser (pagina's zonder code). Met --lab: JupyterLab om aan te passen."


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
    parser.add_argument("--geen-browser", action="store_true", help="geen browser openen")


def run(args) -> int:
    return app.serve("lab" if args.lab else "app", port=args.poort,
                     host="0.0.0.0" if args.netwerk else "127.0.0.1", open_browser=not args.geen_browser)
