"""`samenschool handouts`: printable handouts (HTML for A4) from the notebooks, the datasets
and the facilitator guide, into dist/handouts/."""

from __future__ import annotations

from pathlib import Path

HELP = "Maak handouts om af te drukken (modules, oefeningen, citaat- en scenariokaarten, gids) in dist/handouts/."


def register(parser) -> None:
    parser.add_argument("--uit", type=Path, default=None,
                        help="map voor de handouts (standaard: dist/handouts in de kit)")


def run(args) -> int:
    from samenschool import handouts

    gemaakt = handouts.bouw(args.uit)
    uit = args.uit or (handouts.repo_root() / handouts.UIT_MAP)
    print(f"{len(gemaakt)} handouts gemaakt in {uit}:")
    for h in gemaakt:
        print(f"  {h.pad:40}  {h.titel}")
    print(f"Open {Path(uit) / 'index.html'} in je browser en kies Afdrukken (A4).")
    return 0
