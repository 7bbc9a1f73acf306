"""The learning path: the modules in order, with titles and timings read from the
notebooks' own metadata (``metadata.samenschool``), so schedules are generated, not retyped."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from samenschool.paths import notebooks_dir


@dataclass(frozen=True)
class Module:
    id: str            # file stem, e.g. "01_gelijke_kansen"
    titel: str
    uitleg_min: int    # teaching minutes
    activiteit_min: int  # activity minutes

    @property
    def bestand(self) -> str:
        return f"{self.id}.ipynb"

    @property
    def totaal_min(self) -> int:
        return self.uitleg_min + self.activiteit_min


@lru_cache(maxsize=1)
def modules() -> tuple[Module, ...]:
    """Every notebook in notebooks/ that carries samenschool metadata, in file order."""
    found = []
    for path in sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb")):
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("samenschool")
        if not meta:
            continue
        tijd = meta.get("tijd", {})
        found.append(Module(path.stem, meta["titel"], int(tijd.get("uitleg", 0)), int(tijd.get("activiteiten", 0))))
    return tuple(found)


def module(module_id: str) -> Module:
    for item in modules():
        if item.id == module_id:
            return item
    raise KeyError(module_id)


def buren(module_id: str) -> tuple[Module | None, Module | None]:
    """The previous and next module of ``module_id``."""
    items = modules()
    ids = [m.id for m in items]
    i = ids.index(module_id)
    return (items[i - 1] if i > 0 else None, items[i + 1] if i + 1 < len(items) else None)
