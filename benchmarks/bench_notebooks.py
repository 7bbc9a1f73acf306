"""Execution time and kernel memory of every notebook against the floor, in the same run.

The floor (benchmarks/floor.ipynb) imports pandas, pyplot and ipywidgets and shows one
table, one chart and one widget: the cost no page of this kit can avoid. Each round runs
the floor and then every notebook, each in a fresh kernel, so noise hits both alike.
We report medians and ratios (time) and differences (memory) to the floor. Targets from
the issues: time at most 1.25x the floor, memory at most 30 MB above it.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / "benchmarks" / "floor.ipynb"
TIME_TARGET, MEM_TARGET_MB = 1.25, 30.0


def run_once(path: Path) -> tuple[float, float]:
    """Seconds from kernel start to last cell, and the kernel's RSS in MB after the run."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        elapsed = time.perf_counter() - start
        pid = client.km.provisioner.pid
        rss = psutil.Process(pid).memory_info().rss / 1e6
    return elapsed, rss


def main() -> int:
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    os.environ.setdefault("SAMENSCHOOL_WERKMAP", tempfile.mkdtemp(prefix="samenschool-bench-"))
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    targets = [FLOOR] + notebooks
    samples: dict[str, list[tuple[float, float]]] = {p.stem: [] for p in targets}
    run_once(FLOOR)  # warm-up: file caches, bytecode
    for r in range(rounds):
        for path in targets:
            samples[path.stem].append(run_once(path))
            print(f"ronde {r + 1}/{rounds}: {path.stem:<22} {samples[path.stem][-1][0]:5.2f} s", file=sys.stderr)
    floor_t = statistics.median(s[0] for s in samples["floor"])
    floor_m = statistics.median(s[1] for s in samples["floor"])
    rows = []
    for name, values in samples.items():
        t = statistics.median(v[0] for v in values)
        m = statistics.median(v[1] for v in values)
        rows.append({"notebook": name, "seconden": round(t, 2), "ratio_tijd": round(t / floor_t, 2),
                     "geheugen_mb": round(m, 1), "extra_geheugen_mb": round(m - floor_m, 1),
                     "binnen_doel": name == "floor" or (t / floor_t <= TIME_TARGET and m - floor_m <= MEM_TARGET_MB)})
    print(f"\nNotebooks tegen de vloer ({rounds} rondes, mediaan; doel: ≤ {TIME_TARGET}× tijd, ≤ +{MEM_TARGET_MB:.0f} MB)")
    print(f"{'notebook':<22} {'s':>6} {'× vloer':>8} {'MB':>7} {'+MB':>7}  doel")
    for row in rows:
        print(f"{row['notebook']:<22} {row['seconden']:6.2f} {row['ratio_tijd']:8.2f} {row['geheugen_mb']:7.1f} "
              f"{row['extra_geheugen_mb']:7.1f}  {'ja' if row['binnen_doel'] else 'NEE'}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "notebooks.json").write_text(json.dumps({"rondes": rounds, "resultaten": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
