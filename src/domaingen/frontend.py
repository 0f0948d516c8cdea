"""The front end as one call: paths (or texts) to a checked program.

Consumes: `.dg` paths (files or folders, searched recursively) or in-memory
texts (editors, tests).
Produces: `FrontEnd` — the checked `ir.Program` (None when there are
errors), every diagnostic sorted by position, and the `SourceFile`s for
rendering them. Checking never runs after a syntax error (as in cel-go):
its errors would only be noise.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from . import diagnostics as dg
from .diagnostics import Diagnostic
from .source import SourceFile, read_source

if TYPE_CHECKING:
    # Imported where used: `discover` (the no-op `generate` path) needs
    # neither the parser nor the syntax tree nor the IR.
    from .ir import nodes as ir
    from .syntax import ast


@dataclass
class FrontEnd:
    program: ir.Program | None
    diagnostics: list[Diagnostic]
    sources: dict[str, SourceFile] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def discover(paths: Sequence[str]) -> tuple[list[str], list[Diagnostic]]:
    """Expand folders to the `.dg` files below them, sorted; report missing paths."""
    found: list[str] = []
    diags: list[Diagnostic] = []
    for path in paths:
        if os.path.isdir(path):
            inside = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                inside += [os.path.join(root, f) for f in sorted(files) if f.endswith(".dg")]
            if not inside:
                diags.append(dg.make("DG011", None, f"{path}: no .dg files in this folder"))
            found += inside
        elif os.path.exists(path):
            found.append(path)
        else:
            diags.append(dg.make("DG001", None, f"{path}: no such file or folder"))
    unique = sorted(dict.fromkeys(os.path.normpath(p) for p in found))
    return unique, diags


def load(paths: Sequence[str]) -> FrontEnd:
    files, diags = discover(paths)
    sources: list[SourceFile] = []
    for path in files:
        source, problem = read_source(path)
        if source is None:
            diags.append(dg.make("DG001", None, f"{path}: {problem}"))
        else:
            sources.append(source)
    return _run(sources, diags)


def load_texts(texts: Mapping[str, str]) -> FrontEnd:
    """Check in-memory files: {display path: text}."""
    return _run([SourceFile(path, text) for path, text in sorted(texts.items())], [])


def _run(sources: Iterable[SourceFile], diags: list[Diagnostic]) -> FrontEnd:
    """Parse and check with the cyclic collector paused: the front end builds
    large acyclic trees (syntax tree, IR) that the collector would only
    rescan, again and again as they grow: ~25% of checking 10,000 lines, and
    what made the cost per line grow with the size of the program."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse_and_check(sources, diags)
    finally:
        if collecting:
            gc.enable()


def _parse_and_check(sources: Iterable[SourceFile], diags: list[Diagnostic]) -> FrontEnd:
    from .syntax.parser import parse

    by_path = {s.path: s for s in sources}
    modules: list[ast.Module] = []
    for source in by_path.values():
        module, found = parse(source)
        diags += found
        if module is not None:
            modules.append(module)
    program: "ir.Program | None" = None
    if not any(d.severity == "error" for d in diags):
        from .check import check_modules

        program, found = check_modules(modules, by_path)
        diags += found
        if any(d.severity == "error" for d in found):
            program = None
    return FrontEnd(program, dg.sort_and_cap(diags, cap=10_000), by_path)
