"""gofmt for generated Go files, through the shared formatter cache.

Consumes: generated files (path -> text).
Produces: the same files with every `.go` file run through `gofmt`
(`formatcache.cached_format`, so unchanged input never runs gofmt again),
except the static runtime `dgrt/*.go` (copied from `templates/go/runtime/`,
committed gofmt-clean; tests/test_format_batch.py keeps them so). On a cold
cache the misses are formatted in batches (`gofmt_many`: one `gofmt -w` over
a temporary folder). A gofmt failure is a generator bug: `GofmtError` names
the file and gives gofmt's message and the offending text, numbered, so the
bad line is easy to find.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile

from ...formatcache import batched, cached_format, rewrite_files


class GofmtError(RuntimeError):
    pass


def _gofmt_one(exe: str, name: str, text: str) -> str:
    proc = subprocess.run([exe], input=text.encode("utf-8"), capture_output=True, check=False)
    if proc.returncode != 0:
        numbered = "\n".join(f"{i + 1:4d} {line}" for i, line in enumerate(text.splitlines()))
        raise GofmtError(
            f"gofmt rejected the generated file {name or '<unnamed>'} (a domaingen bug):\n"
            + proc.stderr.decode("utf-8", "replace")
            + "\n"
            + numbered
        )
    return proc.stdout.decode("utf-8")


def _gofmt_batch(exe: str, texts: list[str]) -> list[str] | None:
    """All `texts` through one `gofmt -w`; None when gofmt failed."""
    with tempfile.TemporaryDirectory(prefix="domaingen-gofmt-") as folder:
        return rewrite_files(folder, texts, ".go", [exe, "-w"])


def gofmt_many(named: list[tuple[str, str]]) -> list[str]:
    """(path, text) pairs -> their gofmt output, in order: one gofmt process
    for all when it succeeds (else one per file, so a failure names its file)."""
    return batched(shutil.which("gofmt"), named, _gofmt_batch, _gofmt_one)


def _gofmt(text: str) -> str:
    return gofmt_many([("", text)])[0]


def _runtime_paths() -> frozenset[str]:
    from ...render import templates_dir

    folder = templates_dir() / "go" / "runtime"
    return frozenset(f"dgrt/{p.name}" for p in folder.glob("*.go") if not p.name.endswith("_test.go"))


def format_files(files: dict[str, str]) -> dict[str, str]:
    if shutil.which("gofmt") is None:
        return files  # no Go toolchain: unformatted (and never cached as formatted)
    runtime = _runtime_paths()
    return {
        path: cached_format("gofmt", text, _gofmt, name=path, batch=gofmt_many)
        if path.endswith(".go") and path not in runtime
        else text
        for path, text in files.items()
    }
