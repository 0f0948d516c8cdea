"""Scopes: the module table, imports, declared items, locals and name lookup.

Consumes: parsed `ast.Module`s and their `SourceFile`s.
Produces: the tables every other check pass reads — `Env` (all modules, the
diagnostic sink, folded constants, the call graph), one `ModuleInfo` per
file (its items by name, its import aliases and which are used), the item
records (`EnumInfo`, `RecordInfo`, `UnionInfo`, `FnInfo`, `ConstInfo`), the
`Locals` stack of a function body, and `lookup_type`, which resolves a
written type name (`Item`, `items.Item`) to an IR type with DG102/DG113.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from .. import diagnostics as dg
from ..diagnostics import Diagnostic
from ..ir import nodes as ir
from ..source import SourceFile, Span
from ..syntax import ast
from . import types as ty


class Sink:
    """Collects diagnostics; `errors` counts the error-severity ones."""

    def __init__(self) -> None:
        self.diags: list[Diagnostic] = []
        self.errors = 0

    def error(self, code: str, span: Span | None, message: str, hint: str | None = None) -> None:
        self.diags.append(dg.make(code, span, message, hint))
        self.errors += 1

    def warning(self, code: str, span: Span | None, message: str, hint: str | None = None) -> None:
        assert code in dg.CATALOGUE, code
        self.diags.append(Diagnostic(code, message, span, hint, severity="warning"))

    def extend(self, diags: list[Diagnostic]) -> None:
        for diag in diags:
            self.diags.append(diag)
            self.errors += diag.severity == "error"


# --- declared items ---------------------------------------------------------


@dataclass(eq=False)
class EnumInfo:
    module: str
    name: str
    decl: ast.EnumDecl
    type: ir.Type
    members: dict[str, int] = field(default_factory=dict)


@dataclass(eq=False)
class RecordInfo:
    module: str
    name: str
    decl: ast.RecordDecl
    type: ir.Type
    fields: dict[str, ir.Type] = field(default_factory=dict)


@dataclass(eq=False)
class VariantInfo:
    name: str
    decl: ast.VariantDecl
    fields: dict[str, ir.Type] = field(default_factory=dict)


@dataclass(eq=False)
class UnionInfo:
    module: str
    name: str
    decl: ast.UnionDecl
    type: ir.Type
    variants: dict[str, VariantInfo] = field(default_factory=dict)


@dataclass(eq=False)
class FnInfo:
    module: str
    name: str
    decl: ast.FnDecl
    params: list[tuple[str, ir.Type]] = field(default_factory=list)
    ret: ir.Type = ty.ERROR


@dataclass(eq=False)
class ConstInfo:
    module: str
    name: str
    decl: ast.ConstDecl
    type: ir.Type = ty.ERROR
    value: ir.Expr | None = None  # checked initialiser
    folded: ir.Expr | None = None  # literal-only value
    ok: bool = False  # checked without errors


@dataclass(eq=False)
class TestInfo:
    module: str
    name: str
    decl: ast.TestDecl


TypeItem = Union[EnumInfo, RecordInfo, UnionInfo]
Item = Union[EnumInfo, RecordInfo, UnionInfo, FnInfo, ConstInfo]
AnyDecl = Union[EnumInfo, RecordInfo, UnionInfo, FnInfo, ConstInfo, TestInfo]


@dataclass(eq=False)
class ModuleInfo:
    name: str
    tree: ast.Module
    source: SourceFile
    items: dict[str, Item] = field(default_factory=dict)
    decls: list[AnyDecl] = field(default_factory=list)  # source order, duplicates included
    aliases: dict[str, "ModuleInfo"] = field(default_factory=dict)
    alias_imports: dict[str, ast.Import] = field(default_factory=dict)
    imports: list[str] = field(default_factory=list)  # dotted names, written order
    used: set[str] = field(default_factory=set)

    def text(self, span: Span) -> str:
        return self.source.text[span.offset : span.end_offset]


@dataclass(eq=False)
class Env:
    """Everything shared by the passes of one `check_modules` call."""

    sink: Sink
    modules: dict[str, ModuleInfo] = field(default_factory=dict)  # first file per name
    infos: list[ModuleInfo] = field(default_factory=list)  # every file
    types: dict[tuple[str, str], TypeItem] = field(default_factory=dict)
    by_last: dict[str, list[str]] = field(default_factory=dict)  # last segment -> modules
    calls: dict[tuple[str, str], list[tuple[tuple[str, str], Span]]] = field(default_factory=dict)
    # map literals in constants whose keys need folded constants: (module, node, keys, reported)
    pending_maps: list[tuple["ModuleInfo", ast.MapLit, list[ir.Expr], set[int]]] = field(default_factory=list)

    def type_info(self, t: ir.Type) -> TypeItem | None:
        if isinstance(t, ir.NamedType):
            return self.types.get((t.module, t.name))
        return None


# --- locals -----------------------------------------------------------------


@dataclass(slots=True)
class LocalVar:
    name: str
    type: ir.Type
    kind: str  # param | let | var | loop | binding


class Locals:
    """The locals in scope: one dict plus an undo log per block (O(1) lookup)."""

    def __init__(self) -> None:
        self.active: dict[str, LocalVar] = {}
        self.frames: list[list[tuple[str, LocalVar | None]]] = []

    def push(self) -> None:
        self.frames.append([])

    def pop(self) -> None:
        for name, previous in reversed(self.frames.pop()):
            if previous is None:
                del self.active[name]
            else:
                self.active[name] = previous

    def declare(self, var: LocalVar) -> None:
        self.frames[-1].append((var.name, self.active.get(var.name)))
        self.active[var.name] = var


# --- type names -------------------------------------------------------------


def lookup_type(env: Env, module: ModuleInfo, node: ast.NamedType | tuple[ast.Ident, ...]) -> ir.Type:
    """A declared type written as `Name` or `alias.Name`; reports DG102/DG113."""
    path = node.path if isinstance(node, ast.NamedType) else node
    item = lookup_type_item(env, module, path)
    return ty.ERROR if item is None else item.type


def lookup_type_item(env: Env, module: ModuleInfo, path: tuple[ast.Ident, ...]) -> TypeItem | None:
    sink = env.sink
    head = path[0]
    if len(path) == 1:
        item = module.items.get(head.name)
        if isinstance(item, (EnumInfo, RecordInfo, UnionInfo)):
            return item
        if item is not None:
            sink.error("DG102", head.span, f"`{head.name}` is {article(_kind(item))}, not a type")
            return None
        names = [n for n, i in module.items.items() if isinstance(i, (EnumInfo, RecordInfo, UnionInfo))]
        sink.error("DG102", head.span, f"unknown type `{head.name}`", dg.did_you_mean(head.name, names + list(ty.BUILTIN_TYPES)))
        return None
    target = module.aliases.get(head.name)
    if target is None:
        if not report_unimported(env, module, head):
            local = module.items.get(head.name)
            if isinstance(local, UnionInfo) and len(path) == 2:
                sink.error("DG102", head.span, f"`{head.name}.{path[1].name}` is a variant, not a type", f"use the union type `{head.name}`")
            else:
                sink.error("DG102", head.span, f"unknown module or type `{head.name}`", dg.did_you_mean(head.name, module.aliases))
        return None
    module.used.add(head.name)
    if len(path) > 2:
        span = path[1].span
        sink.error("DG102", span, f"`{'.'.join(p.name for p in path)}` is not a type name", f"write `{head.name}.{path[-1].name}`")
        return None
    name = path[1]
    item = target.items.get(name.name)
    if isinstance(item, (EnumInfo, RecordInfo, UnionInfo)):
        return item
    if item is not None:
        sink.error("DG102", name.span, f"`{head.name}.{name.name}` is {article(_kind(item))}, not a type")
        return None
    names = [n for n, i in target.items.items() if isinstance(i, (EnumInfo, RecordInfo, UnionInfo))]
    sink.error("DG102", name.span, f"module `{target.name}` has no type `{name.name}`", dg.did_you_mean(name.name, names))
    return None


def report_unimported(env: Env, module: ModuleInfo, head: ast.Ident) -> bool:
    """DG113 if `head` is the alias a missing `import` would give; True if reported."""
    candidates = [m for m in env.by_last.get(head.name, []) if m != module.name]
    if not candidates:
        return False
    env.sink.error("DG113", head.span, f"module `{candidates[0]}` is not imported", f"add `import {candidates[0]}`")
    return True


def _kind(item: Item) -> str:
    if isinstance(item, FnInfo):
        return "function"
    if isinstance(item, ConstInfo):
        return "constant"
    if isinstance(item, EnumInfo):
        return "enum"
    if isinstance(item, RecordInfo):
        return "record"
    return "union"


kind_of = _kind


def article(word: str) -> str:
    """`word` with "a" or "an" in front."""
    vowel = word[:1] in "aeiouAEIOU" and not word.startswith(("uni", "Uni"))
    return f"an {word}" if vowel else f"a {word}"
