"""gofmt for generated Go files, through the shared formatter cache.

Consumes: generated files (path -> text).
Produces: the same files with every `.go` file run through `gofmt`
(`formatcache.cached_format`, so unchanged input never runs gofmt again).
A gofmt failure is a generator bug: it raises with gofmt's message and the
offending text, numbered, so the bad line is easy to find.
"""

from __future__ import annotations

import shutil
import subprocess

from ...formatcache import cached_format


class GofmtError(RuntimeError):
    pass


def _gofmt(text: str) -> str:
    proc = subprocess.run(["gofmt"], input=text.encode("utf-8"), capture_output=True, check=False)
    if proc.returncode != 0:
        numbered = "\n".join(f"{i + 1:4d} {line}" for i, line in enumerate(text.splitlines()))
        raise GofmtError(proc.stderr.decode("utf-8", "replace") + "\n" + numbered)
    return proc.stdout.decode("utf-8")


def format_files(files: dict[str, str]) -> dict[str, str]:
    if shutil.which("gofmt") is None:
        return files  # no Go toolchain: unformatted (and never cached as formatted)
    return {
        path: cached_format("gofmt", text, _gofmt) if path.endswith(".go") else text for path, text in files.items()
    }
