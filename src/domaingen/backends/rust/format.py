"""Formatting generated Rust with rustfmt, through the shared format cache.

Consumes: generated files (path -> text).
Produces: the same files with every `.rs` file as `rustfmt --edition 2021`
prints it. rustfmt runs once per distinct input ever (`cached_format`), so
regenerating unchanged code costs no process at all. When rustfmt is not
installed the text is returned as rendered (still valid Rust).
"""

from __future__ import annotations

import shutil
import subprocess

from ...formatcache import cached_format

TOOL = "rustfmt-2021"


class FormatError(RuntimeError):
    """rustfmt rejected generated code (a domaingen bug)."""


def _rustfmt(text: str) -> str:
    exe = shutil.which("rustfmt")
    if exe is None:
        return text
    proc = subprocess.run(
        [exe, "--edition", "2021", "--emit", "stdout", "--quiet"],
        input=text.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        raise FormatError(proc.stderr.decode("utf-8", "replace") + "\n--- input ---\n" + text)
    return proc.stdout.decode("utf-8")


def format_files(files: dict[str, str]) -> dict[str, str]:
    return {path: cached_format(TOOL, text, _rustfmt) if path.endswith(".rs") else text for path, text in files.items()}
