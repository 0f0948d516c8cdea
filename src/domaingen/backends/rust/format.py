"""Formatting generated Rust with rustfmt, through the shared format cache.

Consumes: generated files (path -> text).
Produces: the same files with every `.rs` file as `rustfmt --edition 2021`
prints it (default options: `--config-path` points at an empty
`rustfmt.toml`, so no `rustfmt.toml` of the caller's folders or home applies).
rustfmt runs once per distinct input ever (`cached_format`), so regenerating
unchanged code costs no process at all, and the static runtime
(`src/dgrt/`, copied from `templates/rust/runtime/`) never runs it: those
files are committed rustfmt-clean (tests/test_format_batch.py keeps them so).
On a cold cache the misses are formatted in batches (`rustfmt_many`): one
rustfmt process formats several files in a temporary folder. A rustfmt
failure is a generator bug: `FormatError` names the file, with rustfmt's
message and the input. When rustfmt is not installed the text is returned
as rendered (still valid Rust).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from ...formatcache import batched, cached_format, rewrite_files

# The cache key names the settings: edition 2021, rustfmt's defaults (an empty
# `--config-path`, so no `rustfmt.toml` of the caller's can change the output).
TOOL = "rustfmt-2021-defaults"

# `mod name;` declarations: rustfmt formats those files too, so a batch
# gives each one an empty stand-in beside the files it formats.
_MOD = re.compile(r"^[ \t]*(?:pub(?:\([^)]*\))?[ \t]+)?mod[ \t]+(?:r#)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*;", re.M)


class FormatError(RuntimeError):
    """rustfmt rejected generated code (a domaingen bug)."""


def _command(exe: str, config: str) -> list[str]:
    return [exe, "--edition", "2021", "--quiet", "--config-path", config]


def _empty_config(folder: str) -> str:
    with open(os.path.join(folder, "rustfmt.toml"), "w", encoding="utf-8"):
        pass
    return folder


def _rustfmt_one(exe: str, name: str, text: str) -> str:
    """One file through rustfmt's stdin (no `mod` files looked up)."""
    with tempfile.TemporaryDirectory(prefix="domaingen-rustfmt-") as folder:
        proc = subprocess.run(
            [*_command(exe, _empty_config(folder)), "--emit", "stdout"],
            input=text.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    if proc.returncode != 0:
        raise FormatError(
            f"rustfmt rejected the generated file {name or '<unnamed>'} (a domaingen bug):\n"
            + proc.stderr.decode("utf-8", "replace")
            + "\n--- input ---\n"
            + text
        )
    return proc.stdout.decode("utf-8")


def _rustfmt_batch(exe: str, texts: list[str]) -> list[str] | None:
    """All `texts` through one rustfmt process (files in a temporary folder);
    None when rustfmt failed (the caller then finds the culprit file by file)."""
    with tempfile.TemporaryDirectory(prefix="domaingen-rustfmt-") as folder:
        # A digit starts each name, so no `mod` declaration can name one of them.
        children = sorted({child for text in texts for child in _MOD.findall(text)})
        stand_ins = [(f"{c}.rs", "") for c in children]
        return rewrite_files(folder, texts, ".rs", _command(exe, _empty_config(folder)), stand_ins)


def rustfmt_many(named: list[tuple[str, str]]) -> list[str]:
    """(path, text) pairs -> their formatted texts, in order, with one rustfmt
    process for all of them when it succeeds (else one per file, so a
    failure names its file)."""
    return batched(shutil.which("rustfmt"), named, _rustfmt_batch, _rustfmt_one)


def _rustfmt(text: str) -> str:
    return rustfmt_many([("", text)])[0]


def _runtime_paths() -> frozenset[str]:
    from .backend import RUNTIME_FILES

    return frozenset(f"src/dgrt/{name}" for name in RUNTIME_FILES)


def format_files(files: dict[str, str]) -> dict[str, str]:
    runtime = _runtime_paths()
    return {
        path: cached_format(TOOL, text, _rustfmt, name=path, batch=rustfmt_many)
        if path.endswith(".rs") and path not in runtime
        else text
        for path, text in files.items()
    }
