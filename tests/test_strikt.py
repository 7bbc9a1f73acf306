"""Strict mode: under tests a broken widget fails its notebook instead of hiding behind the
Dutch message the learner would see (issue "Antwoord", item 4).

The proof runs nbval on a copy of module 01 in which one cell breaks the sorter's view. In strict
mode (what the test suite sets) nbval fails on that module; with strict mode off the same
notebook "passes", showing the learner's Dutch message: that is why strict mode must be on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BREAK = ("from samenschool.widgets import sorteer\n"
         "def _kapot(self, *args, **kwargs):\n"
         "    raise RuntimeError('kapotte sorteerder')\n"
         "sorteer.SorteerView.__init__ = _kapot")


def _broken_copy(tmp_path: Path) -> Path:
    nb = json.loads((REPO / "notebooks" / "01_gelijke_kansen.ipynb").read_text(encoding="utf-8"))
    index = next(i for i, c in enumerate(nb["cells"]) if "".join(c["source"]).startswith("pagina.sorteer("))
    nb["cells"].insert(index, {"cell_type": "code", "execution_count": None, "id": "breek-de-sorteerder",
                               "metadata": {}, "outputs": [], "source": BREAK})
    path = tmp_path / "01_gelijke_kansen_kapot.ipynb"
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return path


def _nbval(path: Path, strikt: bool, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SAMENSCHOOL_WERKMAP=str(tmp_path / "werkmap"), MPLBACKEND="Agg")
    env["SAMENSCHOOL_STRIKT"] = "1" if strikt else "0"
    return subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q",
                           "--rootdir", str(tmp_path), "-c", os.devnull, str(path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_a_broken_widget_fails_nbval_in_strict_mode(tmp_path):
    path = _broken_copy(tmp_path)
    result = _nbval(path, strikt=True, tmp_path=tmp_path)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "kapotte sorteerder" in result.stdout
    assert "1 failed" in result.stdout


@pytest.mark.slow
def test_without_strict_mode_the_same_break_hides_behind_the_learners_message(tmp_path):
    path = _broken_copy(tmp_path)
    result = _nbval(path, strikt=False, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "failed" not in result.stdout
