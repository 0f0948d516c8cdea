"""Front-end benchmark: cold CLI start and parse+check scaling.

Usage: python bench/frontend.py [--runs N] [--pythonpath DIR] [--write]   (--write updates bench/RESULTS.md)

Figures (medians of N runs; the machine is shared, so CPU time is the
headline and wall time is shown beside it with the load average):

* `domaingen check dsl/` as a fresh process, start-up included: CPU time of
  the child (user+sys, from `resource.getrusage(RUSAGE_CHILDREN)`) and wall,
  with byte-code cached as for an installed tool (and, for reference, with
  PYTHONDONTWRITEBYTECODE=1); `python -c pass` shows the interpreter's share.
* in-process parse and parse+check of synthetic modules (bench/synth.py) of
  1,000 and 10,000 lines, CPU time (`time.process_time`), after a warm-up
  so imports and grammar loading are not counted.

`--pythonpath DIR` runs the cold check against another copy of the sources
(e.g. a checkout of the previous commit's `src/`) for before/after tables.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synth import module  # noqa: E402


def _arg(name: str, default: str | None = None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def child(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median (cpu seconds, wall seconds) of running `cmd` as a fresh process."""
    cpus, walls = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(cpus), statistics.median(walls)


def parse_check(lines: int, runs: int) -> tuple[float, float, int]:
    """Median CPU seconds of parse only and of parse+check, and the line count."""
    from domaingen.frontend import load_texts
    from domaingen.source import SourceFile
    from domaingen.syntax.parser import parse

    text = module(lines)
    actual = text.count("\n")
    load_texts({"warm.dg": module(50)})  # import and grammar-load costs are not part of this figure
    parses, fulls = [], []
    for _ in range(runs):
        start = time.process_time()
        tree, _ = parse(SourceFile("synth.dg", text))
        parses.append(time.process_time() - start)
        assert tree is not None
        start = time.process_time()
        front = load_texts({"synth.dg": text})
        fulls.append(time.process_time() - start)
        assert not front.errors, front.errors[:3]
    return statistics.median(parses), statistics.median(fulls), actual


def table(runs: int) -> list[str]:
    # As installed: byte-code cached (in a scratch prefix, so the tree stays clean).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="dg-bench-pyc-")
    where = _arg("--pythonpath")
    if where:
        env["PYTHONPATH"] = where
    no_pyc = {k: v for k, v in env.items() if k != "PYTHONPYCACHEPREFIX"}
    no_pyc["PYTHONDONTWRITEBYTECODE"] = "1"
    check = [sys.executable, "-m", "domaingen", "check", "dsl/"]
    subprocess.run(check, cwd=ROOT, env=env, capture_output=True)  # fills the byte-code cache
    load = os.getloadavg()
    rows = []
    cpu, wall = child([sys.executable, "-c", "pass"], runs, env)
    rows.append(("`python -c pass` (interpreter start, for reference)", f"{cpu * 1000:.0f} ms", f"{wall * 1000:.0f} ms", ""))
    cpu, wall = child(check, runs, env)
    rows.append((f"`domaingen check dsl/` (cold process, byte-code cached, median of {runs})", f"{cpu * 1000:.0f} ms", f"{wall * 1000:.0f} ms", "< 350 ms"))
    cpu, wall = child(check, max(3, runs // 2), no_pyc)
    rows.append(("same, PYTHONDONTWRITEBYTECODE=1 (every module compiled each run)", f"{cpu * 1000:.0f} ms", f"{wall * 1000:.0f} ms", ""))
    per_line = []
    for size in (1_000, 10_000):
        parse_s, full_s, actual = parse_check(size, max(3, runs // 2))
        per_line.append(full_s / actual)
        rows.append((f"parse only, {actual:,} lines", f"{parse_s * 1000:.0f} ms ({actual / parse_s:,.0f} lines/s)", "", ""))
        target = "< 1.5 s" if size == 10_000 else ""
        rows.append((f"parse + check, {actual:,} lines", f"{full_s * 1000:.0f} ms ({actual / full_s:,.0f} lines/s)", "", target))
    rows.append(("per-line cost at 10k ÷ at 1k (1.0 = linear)", f"{per_line[1] / per_line[0]:.2f}", "", "≈ 1"))
    out = ["| measurement | CPU time | wall | target |", "| --- | --- | --- | --- |"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    out += ["", f"Load average at start: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) on {os.cpu_count()} cores."]
    return out


def main() -> None:
    runs = int(_arg("--runs", "9") or 9)
    lines = table(runs)
    print("\n".join(lines))
    if "--write" in sys.argv:
        from results import write_section

        write_section("Front end", "python bench/frontend.py --write", lines)


if __name__ == "__main__":
    main()
