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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
