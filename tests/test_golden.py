"""Golden snapshots of generated code: one real file per generated file.

Cases are folders of `.dg` inputs under golden/cases/<case>/; each target's
output is pinned file by file under golden/<case>/<target>/. A stale golden
fails with the exact command that updates it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from domaingen.backends import REGISTRY, get_backend
from domaingen.backends.base import TargetOptions
from domaingen.frontend import load
from goldenfile import GOLDEN, GoldenFile

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.name for p in (GOLDEN / "cases").iterdir() if p.is_dir())
UPDATE = "python -m pytest tests/test_golden.py --snapshot-update"


def generate_case(case: str, target: str) -> dict[str, str]:
    front = load([str(GOLDEN / "cases" / case)])
    assert front.program is not None, [d.message for d in front.errors]
    backend = get_backend(target)
    sources = {m.name: Path(m.path).relative_to(ROOT).as_posix() for m in front.program.modules}
    generation = backend.generate(front.program, TargetOptions(package=backend.default_package, sources=sources))
    assert not generation.diagnostics
    return generation.files


@pytest.mark.parametrize("target", sorted(REGISTRY))
@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, target: str, snapshot: Any) -> None:
    files = generate_case(case, target)
    assert files, "a backend must generate files"
    for rel, content in files.items():
        name = f"{case}/{target}/{rel}"
        assert snapshot(name=name, extension_class=GoldenFile) == content, f"golden {name} is stale; update with: {UPDATE}"


@pytest.mark.parametrize("target", sorted(REGISTRY))
def test_generation_is_deterministic(target: str) -> None:
    assert generate_case(CASES[0], target) == generate_case(CASES[0], target)


@pytest.mark.parametrize("case", CASES)
def test_no_orphaned_goldens(case: str) -> None:
    """Every golden file is still generated: a renamed or removed output must take its golden with it."""
    expected = {f"{target}/{rel}.golden" for target in sorted(REGISTRY) for rel in generate_case(case, target)}
    found = {p.relative_to(GOLDEN / case).as_posix() for p in (GOLDEN / case).rglob("*.golden")}
    assert not found - expected, f"goldens of files no backend generates any more (delete them): {sorted(found - expected)}"
