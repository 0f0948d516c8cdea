"""Front-end benchmark: cold CLI start and parse+check scaling.

Usage: python bench/frontend.py [--write]   (--write updates bench/RESULTS.md)

Figures: wall time of `domaingen check dsl/` as a fresh process (median of
several runs, start-up included), and in-process parse+check time of
synthetic modules of 1,000 and 10,000 lines (median of runs).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synth import module  # noqa: E402

from domaingen.frontend import load_texts  # noqa: E402


def cold_check(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "domaingen", "check", "dsl/"], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def parse_check(lines: int, runs: int = 3) -> tuple[float, int]:
    text = module(lines)
    actual = text.count("\n")
    load_texts({"warm.dg": module(50)})  # import and grammar-load costs are not part of this figure
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        front = load_texts({"synth.dg": text})
        times.append(time.perf_counter() - start)
        assert not front.errors, front.errors[:3]
    return statistics.median(times), actual


def main() -> None:
    rows = [("`domaingen check dsl/` (cold process, median of 7)", f"{cold_check() * 1000:.0f} ms", "< 350 ms")]
    for size in (1_000, 10_000):
        seconds, actual = parse_check(size)
        target = "< 1.5 s" if size == 10_000 else "linear"
        rows.append((f"parse + check, {actual:,} lines (median of 3)", f"{seconds * 1000:.0f} ms ({actual / seconds:,.0f} lines/s)", target))
    table = ["| measurement | result | target |", "| --- | --- | --- |"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    print("\n".join(table))
    if "--write" in sys.argv:
        from results import write_section

        write_section("Front end", "python bench/frontend.py --write", table)


if __name__ == "__main__":
    main()
