"""Subcommands of the `samenschool` command, one module each (see samenschool.cli)."""
