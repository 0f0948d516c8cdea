"""Proof that all targets agree: every vector replayed in every target.

One session-wide workspace holds `domaingen generate` output for dsl/ (all
targets plus vectors). The interpreter's outcomes are pinned per module in
golden/agreement/<module>.golden; each target's replay output must equal
that same snapshot line for line. Knowingly accepted divergences would be
listed, with a reason, in golden/divergences.toml — which is empty and
should stay so. A last test breaks one runtime helper on purpose and checks
that the suite notices, naming the function and the vector.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from domaingen.backends import REGISTRY, get_backend
from domaingen.codegen import generate
from domaingen.config import Config, load_config
from domaingen.verify import CACHE, TargetReport, replay
from goldenfile import GOLDEN, GoldenFile

ROOT = Path(__file__).resolve().parent.parent
TARGETS = [t for t in sorted(REGISTRY) if t != "wasm"]
UPDATE = "python -m pytest tests/test_agreement.py --snapshot-update"
DIVERGENCES = GOLDEN / "divergences.toml"


def _packages() -> dict[str, str]:
    import os

    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        config, problems = load_config()
    finally:
        os.chdir(cwd)
    assert not problems
    return dict(config.packages)


@pytest.fixture(scope="session")
def workspace() -> Path:
    out = CACHE / "agreement" / "dsl"
    config = Config(root=str(ROOT), inputs=(str(ROOT / "dsl"),), output=str(out), targets=tuple(TARGETS), packages=_packages())
    outcome = generate(config, tuple(TARGETS))
    assert outcome.plan is not None, [d.message for d in outcome.diagnostics]
    return out


def vector_files(workspace: Path) -> list[Path]:
    return sorted((workspace / "vectors").glob("*.json"))


def interpreter_lines(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [f"{data['module']}.{v['function']}#{i} {v['expect']}" for i, v in enumerate(data["vectors"])]


def divergences() -> dict[tuple[str, str], str]:
    entries = tomllib.loads(DIVERGENCES.read_text(encoding="utf-8")).get("divergence", [])
    return {(e["target"], e["vector"]): e["reason"] for e in entries}


def test_enough_vectors(workspace: Path) -> None:
    total = sum(len(interpreter_lines(p)) for p in vector_files(workspace))
    assert total >= 5000, f"only {total} vectors"
    modules = {p.stem for p in vector_files(workspace)}
    assert {"game.progression", "edge.ints", "edge.floats", "edge.strings"} <= modules


def test_agreement_snapshot(workspace: Path, snapshot: Any) -> None:
    """The interpreter's outcomes, pinned: a change of semantics shows up here."""
    for path in vector_files(workspace):
        text = "\n".join(interpreter_lines(path)) + "\n"
        name = f"agreement/{path.stem}"
        assert snapshot(name=name, extension_class=GoldenFile) == text, f"{name} changed; if intended: {UPDATE}"


def check_target(report: TargetReport, workspace: Path) -> list[str]:
    """Lines where the target's replay differs from the pinned snapshot."""
    assert report.problem is None, f"{report.target}: {report.problem}"
    actual = {}
    for line in report.lines:
        prefix, _, outcome = line.partition(" ")
        actual[prefix] = outcome
    accepted = divergences()
    problems = []
    for path in vector_files(workspace):
        golden = GOLDEN / "agreement" / f"{path.stem}.golden"
        assert golden.exists(), f"missing {golden}; create it with: {UPDATE}"
        data = json.loads(path.read_text(encoding="utf-8"))
        for line in golden.read_text(encoding="utf-8").split("\n"):
            if not line:
                continue
            prefix, _, expected = line.partition(" ")
            got = actual.get(prefix, "<no output>")
            if got != expected and (report.target, prefix) not in accepted:
                index = int(prefix.rsplit("#", 1)[1])
                args = ", ".join(data["vectors"][index]["args"])
                problems.append(f"{report.target} disagrees on {prefix}({args}):\n  interpreter: {expected}\n  {report.target}: {got}")
    return problems


@pytest.mark.parametrize("target", TARGETS)
def test_target_replays_every_vector(workspace: Path, target: str) -> None:
    package = _packages().get(target, get_backend(target).default_package)
    report = replay(target, workspace / target, package, vector_files(workspace))
    problems = check_target(report, workspace)
    assert not problems, "\n".join(problems[:10]) + f"\n({len(problems)} disagreements)"
    assert report.run >= 5000 and report.failed == 0


def test_divergence_registry_is_well_formed_and_empty() -> None:
    text = DIVERGENCES.read_text(encoding="utf-8")
    entries = tomllib.loads(text).get("divergence", [])
    for entry in entries:
        assert set(entry) == {"target", "vector", "reason"} and entry["reason"].strip()
    assert entries == [], "a divergence was accepted; it must be fixed or justified in review"


def test_a_broken_runtime_is_caught(workspace: Path, tmp_path: Path) -> None:
    """Make TypeScript's Int division floor instead of truncate: the suite must fail, naming the vector."""
    if "typescript" not in TARGETS:
        pytest.skip("no TypeScript target")
    broken = tmp_path / "typescript"
    shutil.copytree(workspace / "typescript", broken, ignore=shutil.ignore_patterns("node_modules", "dist"))
    runtime = broken / "src" / "dgrt" / "int.ts"
    text = runtime.read_text(encoding="utf-8")
    patched, count = re.subn(r"return \(a - \(a % b\)\) / b \+ 0;", "return Math.floor(a / b) + 0;", text)
    assert count == 1, "the division helper changed shape; update this test"
    runtime.write_text(patched, encoding="utf-8")
    package = _packages().get("typescript", "domain") + "-broken"
    report = replay("typescript", broken, package, vector_files(workspace))
    problems = check_target(report, workspace)
    assert problems, "flooring division went unnoticed"
    first = next((p for p in problems if " on edge.ints.div#" in p), None)
    assert first is not None, problems[:3]
    assert re.search(r"edge\.ints\.div#\d+\(-?\d+, -?\d+\)", first), first
