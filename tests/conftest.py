"""Fixtures for unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def werkmap_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty werkmap folder for one test (also set as SAMENSCHOOL_WERKMAP)."""
    folder = tmp_path / "werkmap"
    monkeypatch.setenv("SAMENSCHOOL_WERKMAP", str(folder))
    return folder


@pytest.fixture
def werkmap(werkmap_dir):
    from samenschool.werkmap import Werkmap

    return Werkmap(werkmap_dir)
