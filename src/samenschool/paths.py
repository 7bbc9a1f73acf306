"""Where the kit's files live: the repository, its datasets and the source report."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent


def repo_root() -> Path:
    """The checkout that holds datasets/, notebooks/ and friends."""
    return Path(os.environ.get("SAMENSCHOOL_ROOT", REPO_ROOT))


def datasets_dir() -> Path:
    return Path(os.environ.get("SAMENSCHOOL_DATASETS", repo_root() / "datasets"))


def notebooks_dir() -> Path:
    return repo_root() / "notebooks"


def bron_report() -> Path | None:
    """The report as text (../shared/bron beside the checkout), or None where it is absent."""
    candidates = []
    if os.environ.get("SAMENSCHOOL_BRON"):
        candidates.append(Path(os.environ["SAMENSCHOOL_BRON"]))
    root = repo_root()
    candidates += [
        root.parent / "shared" / "bron" / "recht-op_partnerschap-ouders-school.txt",
        root / "shared" / "bron" / "recht-op_partnerschap-ouders-school.txt",
    ]
    for path in candidates:
        if path.is_file():
            return path
    return None
