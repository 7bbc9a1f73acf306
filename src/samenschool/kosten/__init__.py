"""Schoolkosten (module 06): read a school's cost list, see what it means for families,
and make a year plan for parents.

    lezen     read a messy CSV or .xlsx cost list; bad rows as Dutch messages
    analyse   per month / category, peaks, the maximumfactuur check, 1-3 children, suggestions
    jaarplan  the parents' year plan as HTML (A4), DOCX and Markdown, written atomically

Pure Python: no ipywidgets (the view is samenschool.widgets.kosten).
"""

from samenschool.kosten.analyse import (  # noqa: F401
    NIVEAUS, Maximumfactuur, Overzicht, bereken, maximumfactuur_tabel, schooljaar_norm,
)
from samenschool.kosten.lezen import (  # noqa: F401
    ALLE_MAANDEN, ELKE_MAAND, SCHOOLMAANDEN, Fout, Kost, Kostenlijst, euro, lees, lees_bedrag, lees_maand,
)


def voorbeeld_pad():
    """The kit's invented example list (datasets/voorbeeld_kosten.csv)."""
    from samenschool.paths import datasets_dir

    return datasets_dir() / "voorbeeld_kosten.csv"
