"""The `samenschool` command. Each subcommand lives in `samenschool.commands.<name>`.

A command module defines ``HELP`` (one line, Dutch), ``register(parser)`` to add its
arguments and ``run(args) -> int``. Messages for users are in Dutch; a known problem
(``SamenschoolError``) prints its message and exits non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from samenschool import __version__, commands
from samenschool.errors import SamenschoolError


_ARGPARSE_NL = (  # argparse's messages (Python 3.10-3.13) in plain Dutch
    (r"the following arguments are required: (.+)", r"dit ontbreekt nog: \1"),
    (r"argument (\S+): invalid choice: '?([^' ]*)'? \(choose from (.+)\)", r"\1: '\2' kennen we niet. Kies uit: \3"),
    (r"argument (\S+): invalid \w+ value: '?([^']*)'?", r"\1: '\2' is geen geldige waarde"),
    (r"argument (\S+): expected one argument", r"\1: zet er een waarde achter"),
    (r"argument (\S+): (.+)", r"\1: \2"),
    (r"unrecognized arguments: (.+)", r"dit begrijpen we niet: \1"),
)


class NederlandseParser(argparse.ArgumentParser):
    """argparse with its error messages in Dutch: "Fout: ...", then where to find help."""

    def error(self, message: str):  # noqa: D401 - argparse API
        import re

        for pattern, dutch in _ARGPARSE_NL:
            if re.fullmatch(pattern, message, flags=re.DOTALL):
                message = re.sub(pattern, dutch, message, flags=re.DOTALL)
                break
        self.exit(2, f"Fout: {message}.\nHulp: {self.prog} --help\n")


def build_parser() -> argparse.ArgumentParser:
    parser = NederlandseParser(
        prog="samenschool",
        description="Samen School Maken: hulpmiddelen bij de vormingskit.",
    )
    parser.add_argument("--version", action="version", version=f"samenschool {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"samenschool.commands.{info.name}")
        name = getattr(module, "NAME", info.name)
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.register(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except SamenschoolError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Gestopt.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
