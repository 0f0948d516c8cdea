"""A recording body checker: the checker's own name resolution, remembered.

Consumes: an `Env` filled by the checker's declaration passes and one
module's function, test and constant bodies.
Produces: `Facts` — for every name written in a body, the `Symbol` it
denotes (locals, parameters, constants, functions, types, members,
variants, fields, modules, built-ins), every local with the offsets where it
is visible, and the type of every expression. It subclasses the checker's
`BodyChecker` and only observes: every decision is the checker's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..check.exprs import ERR, Static
from ..check.scope import ConstInfo, EnumInfo, Env, FnInfo, LocalVar, ModuleInfo, RecordInfo, TestInfo, UnionInfo
from ..check.stmts import BodyChecker
from ..check.types import Type
from ..ir import nodes as ir
from ..source import Span
from ..syntax import ast
from . import symbols as sym
from .braces import block_end, body_end
from .symbols import Symbol


@dataclass
class LocalDef:
    symbol: Symbol
    start: int  # visible from this offset …
    end: int  # … to this one


@dataclass
class Facts:
    """Everything recorded, by file path."""

    refs: dict[str, list[tuple[int, int, Symbol]]] = field(default_factory=dict)
    locals: dict[str, list[LocalDef]] = field(default_factory=dict)
    types: dict[tuple[str, int, int], Type] = field(default_factory=dict)  # (path, start, end)
    statics: dict[tuple[str, int, int], Static] = field(default_factory=dict)

    def ref(self, span: Span, symbol: Symbol | None) -> None:
        if symbol is not None and span.line > 0:
            self.refs.setdefault(span.path, []).append((span.offset, span.end_offset, symbol))


def static_symbol(s: Static) -> Symbol | None:
    if s.kind == "module" and s.module is not None:
        return sym.module(s.module)
    if s.kind == "builtin":
        return sym.builtin(s.name)
    if s.kind == "member" and isinstance(s.item, EnumInfo):
        return sym.member(s.item, s.name)
    if s.kind == "variant" and isinstance(s.item, UnionInfo):
        return sym.variant(s.item, s.name)
    return None


class Recorder(BodyChecker):
    """`BodyChecker` that records what it resolves into `facts`."""

    def __init__(self, env: Env, module: ModuleInfo, facts: Facts) -> None:
        super().__init__(env, module)
        self.facts = facts
        self.scope_ends: list[int] = []
        self.local_syms: dict[int, tuple[LocalVar, Symbol]] = {}

    def item_symbol(self, item: object) -> Symbol | None:
        if isinstance(item, (FnInfo, ConstInfo, EnumInfo, RecordInfo, UnionInfo)):
            owner = self.env.modules.get(item.module)
            return sym.item(item, owner)
        return None

    # --- scopes -------------------------------------------------------------
    def function(self, fn: FnInfo, primary: bool = True) -> ir.Function:
        self.scope_ends = [body_end(self.module.source.text, fn.decl.name.span.end_offset)]
        return super().function(fn, primary)

    def test(self, test: TestInfo) -> ir.Test:
        self.scope_ends = [body_end(self.module.source.text, test.decl.span.end_offset)]
        return super().test(test)

    def block(self, block: ast.Block) -> tuple[list[ir.Stmt], bool]:
        outer = self.scope_ends[-1] if self.scope_ends else len(self.module.source.text)
        self.scope_ends.append(block_end(self.module.source.text, block.stmts[0].span.offset) if block.stmts else outer)
        try:
            return super().block(block)
        finally:
            self.scope_ends.pop()

    def declare_local(self, name: ast.Ident, t: Type, kind: str) -> None:
        super().declare_local(name, t, kind)
        var = self.locals.active.get(name.name)
        if var is None or name.name == "_":
            return
        symbol = sym.local(name, t, kind, self.here)
        self.local_syms[id(var)] = (var, symbol)
        end = self.scope_ends[-1] if self.scope_ends else name.span.end_offset
        self.facts.locals.setdefault(name.span.path, []).append(LocalDef(symbol, name.span.end_offset, end))
        self.facts.ref(name.span, symbol)

    def use_local(self, name: str, span: Span) -> None:
        var = self.locals.active.get(name)
        found = self.local_syms.get(id(var)) if var is not None else None
        if found is not None:
            self.facts.ref(span, found[1])

    # --- statements ---------------------------------------------------------
    def let(self, s: ast.Let) -> ir.Stmt:
        if s.type is not None:
            type_refs(self.facts, self.env, self.module, s.type)
        return super().let(s)

    def assign(self, s: ast.Assign) -> ir.Stmt:
        if isinstance(s.target, ast.Name):
            self.use_local(s.target.name, s.target.span)
        return super().assign(s)

    # --- expressions --------------------------------------------------------
    def resolve_static(self, e: ast.Expr) -> Static | None:
        s = super().resolve_static(e)
        if s is not None and s is not ERR:
            span = e.span if isinstance(e, ast.Name) else e.name.span if isinstance(e, ast.Field) else None
            if span is not None:
                self.facts.statics[(span.path, e.span.offset, e.span.end_offset)] = s
                self.facts.ref(span, self.item_symbol(s.item) if s.kind == "item" else static_symbol(s))
        return s

    def infer(self, e: ast.Expr, hint: Type | None) -> ir.Expr:
        if isinstance(e, ast.Name):
            self.use_local(e.name, e.span)
        result = super().infer(e, hint)
        span = e.span
        self.facts.types[(span.path, span.offset, span.end_offset)] = result.type
        self.after(e, result)
        return result

    def after(self, e: ast.Expr, result: ir.Expr) -> None:
        """Names whose meaning only the typed result tells."""
        facts = self.facts
        if isinstance(e, ast.Call):
            callee = e.callee.name if isinstance(e.callee, ast.Field) else e.callee
            if isinstance(result, ir.CallFn):
                target = self.env.modules.get(result.module)
                fn = target.items.get(result.function) if target is not None else None
                facts.ref(callee.span, self.item_symbol(fn))
            elif isinstance(result, ir.CallBuiltin):
                facts.ref(callee.span, sym.builtin(result.builtin))
            elif isinstance(result, ir.VariantLit):
                union = self.env.type_info(result.type)
                variant = union.variants.get(result.variant) if isinstance(union, UnionInfo) else None
                for arg in e.args:
                    if arg.name is not None and variant is not None and isinstance(union, UnionInfo):
                        facts.ref(arg.name.span, sym.field(variant, arg.name.name, self.here, f"{union.name}.{variant.name}"))
        elif isinstance(e, ast.Field) and isinstance(result, ir.FieldGet):
            self.record_field(result.obj.type, e.name)
        elif isinstance(e, ast.RecordLit):
            type_path_refs(facts, self.env, self.module, e.path)
            for init in e.fields:
                self.record_field(result.type, init.name)
        elif isinstance(e, ast.With):
            for init in e.updates:
                self.record_field(result.type, init.name)
        elif isinstance(e, ast.Match):
            self.record_patterns(e)

    def record_field(self, t: Type, name: ast.Ident) -> None:
        info = self.env.type_info(t)
        if isinstance(info, RecordInfo):
            self.facts.ref(name.span, sym.field(info, name.name, self.here, info.name))

    def record_patterns(self, e: ast.Match) -> None:
        where = e.scrutinee.span
        found = self.facts.types.get((where.path, where.offset, where.end_offset))
        info = self.env.type_info(found) if found is not None else None
        for arm in e.arms:
            for pattern in arm.patterns:
                if not isinstance(pattern, ast.CasePat):
                    continue
                if isinstance(info, EnumInfo):
                    self.facts.ref(pattern.name.span, sym.member(info, pattern.name.name))
                elif isinstance(info, UnionInfo):
                    self.facts.ref(pattern.name.span, sym.variant(info, pattern.name.name))


def type_refs(facts: Facts, env: Env, module: ModuleInfo, node: ast.TypeExpr) -> None:
    """Record the declared type names written in a type expression."""
    if isinstance(node, ast.OptionalType):
        type_refs(facts, env, module, node.inner)
        return
    type_path_refs(facts, env, module, node.path)
    for arg in node.args:
        type_refs(facts, env, module, arg)


def type_path_refs(facts: Facts, env: Env, module: ModuleInfo, path: tuple[ast.Ident, ...]) -> None:
    if not path:
        return
    target: ModuleInfo | None = module
    last = path[-1]
    if len(path) == 2:
        target = module.aliases.get(path[0].name)
        if target is not None:
            facts.ref(path[0].span, sym.module(target))
    elif len(path) != 1:
        return
    item = target.items.get(last.name) if target is not None else None
    if isinstance(item, (EnumInfo, RecordInfo, UnionInfo)):
        facts.ref(last.span, sym.item(item, target))
