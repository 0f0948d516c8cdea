"""generated/ is the committed output for dsl/: it must be exactly what domaingen produces now."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_generated_folder_is_fresh() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "domaingen", "generate", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (
        "generated/ is stale; run `domaingen generate` and commit the result\n" + result.stdout[-4000:] + result.stderr[-2000:]
    )
