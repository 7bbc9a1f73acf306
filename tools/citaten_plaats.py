"""Fill the columns pagina_van, pagina_tot and context of datasets/citaten.csv from the report.

Run after a change to the quotes: ``.venv/bin/python tools/citaten_plaats.py``. The rules
are in ``samenschool.rapport_plaats``; tests/test_stemmen_data.py recomputes them.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from samenschool import paths, rapport_plaats

KOLOMMEN = ("pagina_van", "pagina_tot", "context")


def main() -> int:
    bron = paths.bron_report()
    if bron is None:
        print("Het rapport (../shared/bron) ontbreekt.", file=sys.stderr)
        return 1
    ds = paths.datasets_dir()
    pad = ds / "citaten.csv"
    rijen = list(csv.DictReader(pad.open(encoding="utf-8", newline="")))
    delen = list(csv.DictReader((ds / "rapport_delen.csv").open(encoding="utf-8", newline="")))
    plaatsen = rapport_plaats.plaatsen(
        Path(bron).read_text(encoding="utf-8"),
        [(r["id"], r["tekst"], r["sectie"]) for r in rijen],
        [(d["id"], d["kop"]) for d in sorted(delen, key=lambda d: int(d["volgorde"]))],
    )
    velden = [k for k in rijen[0] if k not in KOLOMMEN] + list(KOLOMMEN)
    for r in rijen:
        p = plaatsen[r["id"]]
        r["pagina_van"] = str(p.pagina_van)
        r["pagina_tot"] = "" if p.pagina_tot is None else str(p.pagina_tot)
        r["context"] = p.context
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=velden, lineterminator="\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    pad.write_text(uit.getvalue(), encoding="utf-8")
    print(f"{pad}: {len(rijen)} citaten bijgewerkt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
