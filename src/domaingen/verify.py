"""Verification: replay the vectors in every target and compare with the interpreter.

Consumes: a generated output folder (`generated/<target>/`), vector files
(`generated/vectors/*.json`) and the target's package name.
Produces: a `TargetReport` per target — vectors run, passed, failed, the
first disagreement — by building the package and running its replay driver
(docs/targets.md) in a cache folder outside the source tree. A missing
toolchain is reported as such (which tool, how to install), not raised.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "domaingen"
CARGO_TARGET = CACHE / "cargo-target"
REPO = Path(__file__).resolve().parent.parent.parent


@dataclass
class Disagreement:
    vector: str
    function: str
    args: list[str]
    expected: str
    actual: str


@dataclass
class TargetReport:
    target: str
    run: int = 0
    passed: int = 0
    failed: int = 0
    problem: str | None = None  # a missing tool or a build failure
    first: Disagreement | None = None
    lines: list[str] = field(default_factory=list)


@dataclass
class Step:
    argv: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)


TOOLS: dict[str, list[tuple[str, str]]] = {
    "python": [],
    "go": [("go", "install Go 1.21+ (https://go.dev/dl)")],
    "rust": [("cargo", "install Rust with rustup (https://rustup.rs)")],
    "typescript": [("node", "install Node.js 20+"), ("tsc", "run `npm ci --prefix tools` (the pinned TypeScript compiler)")],
}


def tsc_path() -> str | None:
    local = REPO / "tools" / "node_modules" / ".bin" / "tsc"
    return str(local) if local.exists() else shutil.which("tsc")


def _which(tool: str) -> str | None:
    return tsc_path() if tool == "tsc" else shutil.which(tool)


def steps(target: str, package_dir: Path, package: str, files: list[Path]) -> list[Step]:
    names = [str(f.resolve()) for f in files]
    if target == "python":
        import sys

        module = package.replace("-", "_")
        return [Step([sys.executable, "-m", f"{module}._replay", *names], package_dir, {"PYTHONPATH": str(package_dir)})]
    if target == "go":
        return [Step(["go", "run", "./cmd/replay", *names], package_dir)]
    if target == "rust":
        env = {"CARGO_TARGET_DIR": str(CARGO_TARGET)}
        return [Step(["cargo", "run", "--quiet", "--release", "--bin", "replay", "--", *names], package_dir, env)]
    if target == "typescript":
        out = CACHE / "ts-build" / package.replace("/", "_")
        tsc = tsc_path() or "tsc"
        return [
            Step([tsc, "-p", str(package_dir), "--outDir", str(out)], package_dir),
            Step(["node", str(out / "replay.js"), *names], package_dir),
        ]
    raise ValueError(f"no replay driver for target {target}")


def expected_lines(files: list[Path]) -> list[tuple[str, str, list[str], str]]:
    """(line prefix, function, args, expected outcome) per vector, in replay order."""
    out = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for index, vector in enumerate(data["vectors"]):
            prefix = f"{data['module']}.{vector['function']}#{index}"
            out.append((prefix, vector["function"], vector["args"], vector["expect"]))
    return out


def replay(target: str, package_dir: Path, package: str, files: list[Path], timeout: float = 900) -> TargetReport:
    report = TargetReport(target)
    for tool, hint in TOOLS[target]:
        if _which(tool) is None:
            report.problem = f"`{tool}` not found: {hint}"
            return report
    if not package_dir.is_dir():
        report.problem = f"{package_dir} does not exist: run `domaingen generate -t {target}` first"
        return report
    output = ""
    for step in steps(target, package_dir, package, files):
        env = dict(os.environ, **step.env)
        try:
            done = subprocess.run(step.argv, cwd=step.cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            report.problem = f"`{' '.join(step.argv[:3])}` timed out after {timeout:.0f} s"
            return report
        if done.returncode not in (0, 1) or (done.returncode == 1 and not done.stdout):
            tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
            report.problem = f"`{' '.join(step.argv[:3])} …` failed (exit {done.returncode}):\n" + "\n".join(tail)
            return report
        output = done.stdout
    actual = {}
    for line in output.split("\n"):
        prefix, _, rest = line.partition(" ")
        if "#" in prefix:
            actual[prefix] = rest
    report.lines = [line for line in output.split("\n") if "#" in line.partition(" ")[0]]
    for prefix, function, args, expect in expected_lines(files):
        report.run += 1
        got = actual.get(prefix, "<no output>")
        if got == expect:
            report.passed += 1
        else:
            report.failed += 1
            if report.first is None:
                report.first = Disagreement(prefix, function, args, expect, got)
    return report


def table(reports: list[TargetReport]) -> str:
    rows = ["target       vectors   passed   failed", "-----------  --------  -------  -------"]
    for r in reports:
        if r.problem:
            rows.append(f"{r.target:<11}  {'-':>8}  {'-':>7}  {'-':>7}   {r.problem.splitlines()[0]}")
        else:
            rows.append(f"{r.target:<11}  {r.run:>8}  {r.passed:>7}  {r.failed:>7}")
    return "\n".join(rows) + "\n"
