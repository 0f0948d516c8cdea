"""Generation benchmark: full and no-op `domaingen generate`, and scaling.

Usage: python bench/generate.py [--runs N] [--targets python,typescript,...] [--no-scaling] [--write]

Everything runs in a scratch copy of the project (pyproject.toml + dsl/ +
generated/) so the repository's `generated/` is never touched. Figures are
medians of N runs; CPU time of the child process (user+sys, from
`resource.getrusage(RUSAGE_CHILDREN)`) is the headline because the machine is
shared; wall time and the load average are shown beside it.

* full generate: empty output folder, all targets that work, with the
  content-addressed caches warm (formatter output and test vectors, keyed by
  their inputs: the usual case after any earlier run) and cold (a fresh
  XDG_CACHE_HOME: black/gofmt/rustfmt and the vector builder really run);
* no-op: the same command again, nothing changed (fingerprint fast path);
* `_tool_digest()`: hashing domaingen's own sources and templates, in-process;
* scaling: in-process stages (front end, each backend, test vectors) for
  bench/synth.py modules of 1,000 and 10,000 lines, CPU time.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

ALL_TARGETS = ("python", "go", "rust", "typescript")


def _arg(name: str, default: str | None = None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def scratch_project() -> Path:
    work = Path(tempfile.mkdtemp(prefix="dg-bench-gen-"))
    shutil.copy(ROOT / "pyproject.toml", work / "pyproject.toml")
    shutil.copytree(ROOT / "dsl", work / "dsl")
    return work


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, env=env, encoding="utf-8")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def working_targets(work: Path, env: dict[str, str]) -> list[str]:
    ok = []
    for target in ALL_TARGETS:
        done = subprocess.run(
            [sys.executable, "-m", "domaingen", "-q", "generate", "-t", target, "-o", str(work / f"probe-{target}"), "dsl/"],
            cwd=work, capture_output=True, env=env,
        )
        if done.returncode == 0:
            ok.append(target)
    return ok


def cli_figures(runs: int, targets: list[str] | None) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    work = scratch_project()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pyc")  # byte-code cached, as for an installed tool
    env["XDG_CACHE_HOME"] = str(work / "cache")
    try:
        targets = targets or working_targets(work, env)
        flags = [x for t in targets for x in ("-t", t)]
        rows = []
        full_warm, full_cold, noop = [], [], []
        for i in range(runs):
            out = work / "out"
            shutil.rmtree(out, ignore_errors=True)
            full_warm.append(run([sys.executable, "-m", "domaingen", "-q", "generate", *flags, "-o", str(out), "dsl/"], work, env))
            noop.append(run([sys.executable, "-m", "domaingen", "-q", "generate", *flags, "-o", str(out), "dsl/"], work, env))
            if i < max(1, runs // 3):  # cold formatter cache: slow, fewer runs
                shutil.rmtree(work / "cache", ignore_errors=True)
                shutil.rmtree(out, ignore_errors=True)
                full_cold.append(run([sys.executable, "-m", "domaingen", "-q", "generate", *flags, "-o", str(out), "dsl/"], work, env))

        def fmt(samples: list[tuple[float, float]]) -> tuple[str, str]:
            return (f"{statistics.median(c for c, _ in samples) * 1000:,.0f} ms", f"{statistics.median(w for _, w in samples) * 1000:,.0f} ms")

        names = ", ".join(targets)
        rows.append((f"full generate dsl/ ({names}), caches cold: formatters and test vectors run (n={len(full_cold)})", *fmt(full_cold), "< 3 s"))
        rows.append((f"full generate dsl/ ({names}), caches warm (formatcache + vectors cache; output folder empty) (n={runs})", *fmt(full_warm), "< 3 s"))
        rows.append((f"no-op regenerate (n={runs})", *fmt(noop), "< 0.4 s wall"))
        return rows, targets
    finally:
        shutil.rmtree(work, ignore_errors=True)


def digest_figure(runs: int) -> tuple[str, str, str, str]:
    from domaingen import codegen

    times = []
    for _ in range(runs):
        start = time.process_time()
        codegen._tool_digest()
        times.append(time.process_time() - start)
    return ("`_tool_digest()` (every file in src/domaingen and templates/)", f"{statistics.median(times) * 1000:.1f} ms", "", "")


def stage_figures(lines: int, targets: list[str], runs: int) -> list[tuple[str, str, str, str]]:
    """In-process CPU time per stage for a synthetic module of `lines` lines."""
    from synth import module

    from domaingen.backends import get_backend
    from domaingen.backends.base import TargetOptions
    from domaingen.frontend import load_texts
    from domaingen.vectors.build import build_vectors

    text = module(lines)
    actual = text.count("\n")
    samples: dict[str, list[float]] = {}

    def timed(name: str, func):  # type: ignore[no-untyped-def]
        start = time.process_time()
        result = func()
        samples.setdefault(name, []).append(time.process_time() - start)
        return result

    for _ in range(runs):
        front = timed("front end", lambda: load_texts({"synth.dg": text}))
        assert front.program is not None, front.errors[:3]
        for target in targets:
            backend = get_backend(target)
            options = TargetOptions(package=backend.default_package, sources={"bench.synth": "synth.dg"})
            timed(f"{target} backend (render + format, cache warm after run 1)", lambda: backend.generate(front.program, options))  # noqa: B023
        timed("test vectors", lambda: list(build_vectors(front.program)))
    rows = []
    for name, values in samples.items():
        median = statistics.median(values)
        rows.append((f"{actual:,} lines: {name}", f"{median * 1000:,.0f} ms", f"{actual / median:,.0f} lines/s" if median else "", ""))
    return rows


def main() -> None:
    runs = int(_arg("--runs", "5") or 5)
    chosen = _arg("--targets")
    load = os.getloadavg()
    rows, targets = cli_figures(runs, chosen.split(",") if chosen else None)
    rows.append(digest_figure(max(runs, 5)))
    if "--no-scaling" not in sys.argv:
        for size in (1_000, 10_000):
            rows += stage_figures(size, targets, 3)
    table = ["| measurement | CPU time | wall / rate | target |", "| --- | --- | --- | --- |"]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    skipped = [t for t in ALL_TARGETS if t not in targets]
    table += ["", f"Targets measured: {', '.join(targets)}" + (f"; not measured (backend failing or not asked for): {', '.join(skipped)}." if skipped else ".")]
    table += [f"Load average at start: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) on {os.cpu_count()} cores."]
    print("\n".join(table))
    if "--write" in sys.argv:
        from results import write_section

        write_section("Generation", "python bench/generate.py --write", table)


if __name__ == "__main__":
    main()
