"""Barrier queries on the datasets: the parents' and the schools' barriers, one barrier's row,
the quotes the kit places with a barrier. Pure data, no widgets.
"""

from __future__ import annotations

import pandas as pd

from samenschool import data

SECTIE_OUDERS = "drempels_ouders"
SECTIE_SCHOOL = "focusgroep_drempels"


def ouder_drempels(drempels: pd.DataFrame | None = None) -> pd.DataFrame:
    """The nine barriers the parents name, in the report's order."""
    frame = data.drempels() if drempels is None else drempels
    frame = frame[frame["kant"] == "ouders"].copy()
    return frame.sort_values("volgorde", kind="stable").reset_index(drop=True)


def school_drempels(drempels: pd.DataFrame | None = None) -> pd.DataFrame:
    """The barriers the focus group (schools, city, partners) names, in order."""
    frame = data.drempels() if drempels is None else drempels
    frame = frame[frame["kant"] == "school"].copy()
    return frame.sort_values("volgorde", kind="stable").reset_index(drop=True)


def drempel_rij(drempel_id: str, drempels: pd.DataFrame | None = None) -> pd.Series:
    frame = data.drempels() if drempels is None else drempels
    match = frame[frame["id"] == drempel_id]
    if match.empty:
        raise KeyError(f"Drempel {drempel_id} bestaat niet in datasets/drempels.csv")
    return match.iloc[0]


def citaat_rij(citaat_id: str, citaten: pd.DataFrame | None = None) -> pd.Series:
    frame = data.citaten() if citaten is None else citaten
    match = frame[frame["id"] == citaat_id]
    if match.empty:
        raise KeyError(f"Citaat {citaat_id} bestaat niet in datasets/citaten.csv")
    return match.iloc[0]


def citaten_bij_drempel(drempel_id: str, citaten: pd.DataFrame | None = None,
                        sectie: str | None = None) -> list[str]:
    """Ids of the quotes the report places with this barrier (in file order)."""
    frame = data.citaten() if citaten is None else citaten
    mask = frame["drempel"] == drempel_id
    if sectie:
        mask &= frame["sectie"] == sectie
    return list(frame.loc[mask, "id"])


def standaard_citaten(aantal: int = 3, citaten: pd.DataFrame | None = None,
                      drempels: pd.DataFrame | None = None) -> list[str]:
    """A fixed, spread-out choice of parents' quotes for the activity (deterministic):
    the first quote of every few barriers, so the quotes show different barriers."""
    ids = list(ouder_drempels(drempels)["id"])
    gekozen: list[str] = []
    stap = max(1, len(ids) // max(1, aantal))
    for drempel_id in ids[::stap] + ids:
        found = [c for c in citaten_bij_drempel(drempel_id, citaten, SECTIE_OUDERS) if c not in gekozen]
        if found:
            gekozen.append(found[0])
        if len(gekozen) >= aantal:
            break
    return gekozen


def schoolkant(drempel_id: str) -> list[str]:
    """The schools' barriers the kit reads beside a parents' barrier (datasets/drempels_schoolkant.csv:
    the kit's own reading, not a link the report makes)."""
    frame = data.load("drempels_schoolkant")
    rows = frame[frame["drempel"] == drempel_id].sort_values("volgorde", kind="stable")
    return list(rows["schooldrempel"])
