"""Analysis: a whole-workspace index of names, for hover, definition and completion.

Consumes: `{path: text}` of the workspace view (the same texts the
diagnostics come from).
Produces: `Analysis` — per file the parsed tree, the checker's `ModuleInfo`,
every name occurrence with the `Symbol` it denotes (uses *and* declaring
names), the locals with where they are visible, and expression types.

It runs the checker's own passes (`check.decls`, `rules`, `consts`) and then
a recording body checker (`recorder.Recorder`) over every body, so names
resolve exactly as the checker resolves them, even in a program with type
errors. A file that does not parse is missing from the analysis; the server
keeps its last good index. Any failure gives an empty analysis, never an
exception.
"""

from __future__ import annotations

import bisect
import os
import sys
from dataclasses import dataclass, field
from typing import Mapping

from ..check import decls, rules
from ..check.consts import check_consts
from ..check.exprs import Static
from ..check.scope import ConstInfo, EnumInfo, Env, FnInfo, ModuleInfo, RecordInfo, Sink, TestInfo, UnionInfo
from ..check.types import Type
from ..source import SourceFile
from ..syntax import ast
from ..syntax.parser import parse
from . import symbols as sym
from .recorder import Facts, LocalDef, Recorder, type_refs
from .symbols import Symbol


@dataclass
class FileIndex:
    path: str
    source: SourceFile
    tree: ast.Module
    info: ModuleInfo | None = None
    refs: list[tuple[int, int, Symbol]] = field(default_factory=list)  # sorted by start
    locals: list[LocalDef] = field(default_factory=list)

    def symbol_at(self, offset: int) -> Symbol | None:
        """The innermost name at `offset` (a cursor just after a name counts)."""
        best: tuple[int, int, Symbol] | None = None
        starts = [r[0] for r in self.refs]
        for start, end, symbol in self.refs[: bisect.bisect_right(starts, offset)]:
            if start <= offset <= end and (best is None or end - start < best[1] - best[0]):
                best = (start, end, symbol)
        return best[2] if best is not None else None

    def locals_at(self, offset: int) -> list[Symbol]:
        """Locals visible at `offset`, innermost (latest declared) first, one per name."""
        seen: dict[str, Symbol] = {}
        for local in reversed(self.locals):
            if local.start <= offset <= local.end and local.symbol.name not in seen:
                seen[local.symbol.name] = local.symbol
        return list(seen.values())


@dataclass
class Analysis:
    files: dict[str, FileIndex] = field(default_factory=dict)
    env: Env | None = None
    types: dict[tuple[str, int, int], Type] = field(default_factory=dict)
    statics: dict[tuple[str, int, int], Static] = field(default_factory=dict)

    def type_ending_at(self, path: str, end: int) -> Type | None:
        """The type of the longest expression of `path` that ends at `end`."""
        found = [(start, t) for (p, start, stop), t in self.types.items() if p == path and stop == end]
        return min(found, key=lambda pair: pair[0])[1] if found else None

    def static_ending_at(self, path: str, end: int) -> Static | None:
        found = [(start, s) for (p, start, stop), s in self.statics.items() if p == path and stop == end]
        return min(found, key=lambda pair: pair[0])[1] if found else None


def analyze(texts: Mapping[str, str]) -> Analysis:
    """Index every file of the workspace view; see the module docstring."""
    sources = {path: SourceFile(path, text) for path, text in texts.items()}
    out = Analysis()
    trees: list[ast.Module] = []
    for path, source in sorted(sources.items()):
        try:
            tree, _ = parse(source)
        except Exception:  # noqa: BLE001 - a parser bug must not stop the server
            tree = None
        if tree is not None:
            trees.append(tree)
            out.files[path] = FileIndex(path, source, tree)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))
    try:
        facts = _check(out, trees, sources)
    except Exception:  # noqa: BLE001 - keep what the parse gave
        if os.environ.get("DOMAINGEN_DEBUG"):
            raise
        facts = Facts()
    finally:
        sys.setrecursionlimit(limit)
    for path, index in out.files.items():
        index.refs = sorted(facts.refs.get(path, []), key=lambda r: (r[0], r[1]))
        index.locals = facts.locals.get(path, [])
    out.types, out.statics = facts.types, facts.statics
    return out


def _check(out: Analysis, trees: list[ast.Module], sources: Mapping[str, SourceFile]) -> Facts:
    env = Env(Sink())
    out.env = env
    facts = Facts()
    decls.build_modules(env, trees, sources)
    for info in env.infos:
        decls.bind_imports(env, info)
        index = out.files.get(info.source.path)
        if index is not None:
            index.info = info
    rules.import_cycles(env)
    for info in env.infos:
        decls.collect(env, info)
    for info in env.infos:
        decls.resolve_signatures(env, info)
    rules.recursive_types(env)
    check_consts(env)
    for info in env.infos:
        _declarations(facts, env, info)
        for item in info.decls:
            _body(facts, env, info, item)
    return facts


def _body(facts: Facts, env: Env, info: ModuleInfo, item: object) -> None:
    """Record one body; a failure loses only that body's names."""
    try:
        if isinstance(item, FnInfo):
            Recorder(env, info, facts).function(item, False)
        elif isinstance(item, TestInfo):
            Recorder(env, info, facts).test(item)
        elif isinstance(item, ConstInfo):
            cx = Recorder(env, info, facts)
            cx.const = item
            cx.infer(item.decl.value, item.type)
    except Exception:  # noqa: BLE001
        if os.environ.get("DOMAINGEN_DEBUG"):
            raise


def _declarations(facts: Facts, env: Env, info: ModuleInfo) -> None:
    """Declaring names, imports and the types written in signatures."""
    tree = info.tree
    facts.ref(sym.module(info).span or tree.span, sym.module(info))
    for imp in tree.imports:
        target = env.modules.get(imp.dotted)
        if target is not None and imp.path:
            first, last = imp.path[0].span, imp.path[-1].span
            facts.refs.setdefault(first.path, []).append((first.offset, last.end_offset, sym.module(target)))
    for item in info.decls:
        if isinstance(item, TestInfo):
            continue
        facts.ref(item.decl.name.span, sym.item(item, info))
        if isinstance(item, EnumInfo):
            for m in item.decl.members:
                facts.ref(m.name.span, sym.member(item, m.name.name))
        elif isinstance(item, RecordInfo):
            for f in item.decl.fields:
                facts.ref(f.name.span, sym.field(item, f.name.name, info.name, item.name))
                type_refs(facts, env, info, f.type)
        elif isinstance(item, UnionInfo):
            for v in item.decl.variants:
                facts.ref(v.name.span, sym.variant(item, v.name.name))
                variant = item.variants.get(v.name.name)
                for f in v.fields:
                    if variant is not None:
                        facts.ref(f.name.span, sym.field(variant, f.name.name, info.name, f"{item.name}.{v.name.name}"))
                    type_refs(facts, env, info, f.type)
        elif isinstance(item, FnInfo):
            for p in item.decl.params:
                type_refs(facts, env, info, p.type)
            type_refs(facts, env, info, item.decl.ret)
        else:
            type_refs(facts, env, info, item.decl.type)
