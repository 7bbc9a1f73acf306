"""Time samenschool.leesbaarheid.analyse on the example letters and on a 400-word letter.

Not a test: run it by hand or in CI and read the table.

    .venv/bin/python benchmarks/bench_leesbaarheid.py [--herhaal 200]

The baseline is measured in the same run on the same text: ``len(text.split())`` plus
``re.findall(r"\\w+", text)`` (the floor of touching the text once). Ratios to that baseline
travel between machines better than milliseconds. Results: benchmarks/results/leesbaarheid.json.
Uses only the standard library and the package.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # run from a checkout even without an install

from samenschool.leesbaarheid import analyse, laad_woordenlijst  # noqa: E402
from samenschool.paths import datasets_dir  # noqa: E402

DOEL_MS = 20.0
_WORD = re.compile(r"\w+")


def baseline(text: str) -> int:
    return len(text.split()) + len(_WORD.findall(text))


def median_ms(func, text: str, repeat: int) -> float:
    func(text)  # warm-up: caches, regexes, word list
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func(text)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def letter_400() -> str:
    """A 400-word letter built from the example letters (hard and plain mixed), cut at 400 words."""
    folder = datasets_dir() / "brieven"
    parts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words_needed, out = 400, []
    for para in "\n\n".join(parts).split("\n"):
        n = len(para.split())
        if words_needed <= 0:
            break
        if n > words_needed:
            para = " ".join(para.split()[:words_needed]) + "."
            n = words_needed
        out.append(para)
        words_needed -= n
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Meet hoe snel analyse() is.")
    parser.add_argument("--herhaal", type=int, default=200, help="aantal herhalingen per tekst")
    args = parser.parse_args(argv)

    laad_woordenlijst()  # load once, like a notebook would
    texts = {p.name: p.read_text(encoding="utf-8")
             for p in sorted((datasets_dir() / "brieven").glob("*.txt"))}
    big = letter_400()
    texts["brief_400_woorden (samengesteld)"] = big

    rows = []
    for name, text in texts.items():
        base = median_ms(baseline, text, args.herhaal)
        ms = median_ms(analyse, text, args.herhaal)
        rows.append({"tekst": name, "woorden": len(text.split()), "analyse_ms": round(ms, 3),
                     "basis_ms": round(base, 4), "verhouding": round(ms / base, 1) if base else None})

    width = max(len(r["tekst"]) for r in rows)
    print(f"{'tekst':<{width}}  woorden  analyse (ms)  basis (ms)  verhouding")
    for r in rows:
        print(f"{r['tekst']:<{width}}  {r['woorden']:>7}  {r['analyse_ms']:>12.2f}  "
              f"{r['basis_ms']:>10.4f}  {r['verhouding']:>9}x")
    big_ms = rows[-1]["analyse_ms"]
    print(f"\n400 woorden: {big_ms:.2f} ms (doel < {DOEL_MS:.0f} ms)"
          f" -> {'OK' if big_ms < DOEL_MS else 'TE TRAAG'}")

    result = {
        "benchmark": "leesbaarheid.analyse",
        "herhalingen": args.herhaal,
        "statistiek": "mediaan",
        "basis": "len(text.split()) + re.findall(r'\\w+', text)",
        "doel_ms_400_woorden": DOEL_MS,
        "ms_400_woorden": big_ms,
        "gehaald": big_ms < DOEL_MS,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "rijen": rows,
    }
    out = REPO / "benchmarks" / "results" / "leesbaarheid.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Resultaten bewaard in {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
