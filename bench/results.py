"""Keeps bench/RESULTS.md: one section per benchmark script, replaced in place."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nFigures as measured by the scripts in bench/; each section says how to reproduce it.\n"


def write_section(title: str, command: str, table: list[str]) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    body = f"## {title}\n\n`{command}` — {time.strftime('%Y-%m-%d')}, {machine}\n\n" + "\n".join(table) + "\n"
    marker = f"## {title}\n"
    if marker in text:
        start = text.index(marker)
        end = text.find("\n## ", start + len(marker))
        text = text[:start] + body + (text[end + 1 :] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    RESULTS.write_text(text, encoding="utf-8")
