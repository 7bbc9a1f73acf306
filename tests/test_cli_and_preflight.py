"""The samenschool command: help in Dutch, preflight check, no tracebacks."""

import subprocess
import sys
from pathlib import Path

from samenschool import controle
from samenschool.cli import main


def test_without_a_subcommand_it_shows_help_and_fails(capsys):
    assert main([]) == 2
    assert "OPDRACHT" in capsys.readouterr().out


def test_every_subcommand_has_dutch_help(capsys):
    from samenschool.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"start", "werkmap", "controle"} <= set(sub.choices)
    for name, cmd in sub.choices.items():
        assert cmd.description and cmd.description[0].isupper(), name


def test_preflight_passes_here_and_names_the_werkmap(werkmap_dir):
    ok, text = controle.report()
    assert ok, text
    assert str(werkmap_dir) in text and "Alles klaar" in text


def test_preflight_reports_an_unwritable_werkmap(monkeypatch, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    monkeypatch.setenv("SAMENSCHOOL_WERKMAP", str(blocker / "werkmap"))  # a file where a folder should be
    ok, text = controle.report()
    assert not ok and "NIET  Werkmap" in text


def test_entry_point_runs_as_a_program():
    exe = Path(sys.executable).parent / "samenschool"
    proc = subprocess.run([str(exe), "controle"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
