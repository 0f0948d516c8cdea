"""Negative goldens: every program under tests/bad/ fails with exactly the diagnostics it declares.

A case is one `.dg` file, or a folder of `.dg` files for multi-module cases.
Each file starts with comment lines naming what the front end must report
in that file: `// expect: DG201 12:9` for an error at line 12, column 9, and
`// warn: DG112 3:8` for a warning. The errors (and the warnings) found must
be exactly the declared ones — no more, no fewer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from domaingen.diagnostics import CATALOGUE
from domaingen.frontend import load

BAD = Path(__file__).resolve().parent / "bad"
HEADER = re.compile(r"^//\s*(expect|warn):\s*(DG\d{3})\s+(\d+):(\d+)\s*$")
CASES = sorted(p for p in BAD.iterdir() if p.suffix == ".dg" or p.is_dir())
# Codes no bad program can produce: unreadable files and empty folders are the
# CLI's business, DG900 is a bug.
UNCOVERABLE = {"DG001", "DG011", "DG900"}

Expected = set[tuple[str, str, int, int]]


def expectations(case: Path) -> tuple[Expected, Expected]:
    """(errors, warnings) declared by the header comments of a case's files."""
    errors: Expected = set()
    warnings: Expected = set()
    files = sorted(case.glob("*.dg")) if case.is_dir() else [case]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = HEADER.match(line)
            if match is None:
                break
            kind, code, row, col = match.groups()
            (errors if kind == "expect" else warnings).add((path.name, code, int(row), int(col)))
    return errors, warnings


def found(case: Path) -> tuple[Expected, Expected, list[str]]:
    front = load([str(case)])
    assert (front.program is None) == bool(front.errors), "a program is returned exactly when there is no error"
    errors: Expected = set()
    warnings: Expected = set()
    lines = []
    for diag in front.diagnostics:
        assert diag.span is not None, diag
        key = (Path(diag.span.path).name, diag.code, diag.span.line, diag.span.col)
        (errors if diag.severity == "error" else warnings).add(key)
        lines.append(f"{key[0]}:{key[2]}:{key[3]}: {diag.severity} {diag.code} {diag.message}")
    return errors, warnings, lines


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_program(case: Path) -> None:
    want_errors, want_warnings = expectations(case)
    assert want_errors or want_warnings, f"{case.name} declares no expected diagnostic"
    got_errors, got_warnings, report = found(case)
    detail = (
        f"\nexpected errors:   {sorted(want_errors)}\nfound errors:      {sorted(got_errors)}"
        f"\nexpected warnings: {sorted(want_warnings)}\nfound warnings:    {sorted(got_warnings)}"
        "\n" + "\n".join(report)
    )
    assert got_errors == want_errors, detail
    assert got_warnings == want_warnings, detail


def test_every_code_is_covered() -> None:
    covered = set()
    for case in CASES:
        errors, warnings = expectations(case)
        covered |= {code for _, code, _, _ in errors | warnings}
    missing = sorted(set(CATALOGUE) - UNCOVERABLE - covered)
    assert not missing, f"no bad program covers {missing}"


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 70
