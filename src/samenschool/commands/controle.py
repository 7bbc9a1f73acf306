"""`samenschool controle`: preflight check before a session."""

from samenschool import controle

HELP = "Controleer of alles klaar staat voor een sessie (Python, pakketten, gegevens, werkmap)."


def register(parser) -> None:
    pass


def run(args) -> int:
    ok, text = controle.report()
    print(text)
    return 0 if ok else 1
