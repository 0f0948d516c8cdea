"""The wheel carries what an installed domaingen needs: templates, grammar, runtimes."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_templates_and_grammar(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("domaingen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "domaingen/syntax/grammar.lark" in names
    assert "domaingen/semantics/floatlib.py" in names
    for target in ("python", "go", "rust", "typescript"):
        assert any(n.startswith(f"domaingen/templates/{target}/") and n.endswith(".j2") for n in names), target
        assert any(n.startswith(f"domaingen/templates/{target}/runtime/") for n in names), target
