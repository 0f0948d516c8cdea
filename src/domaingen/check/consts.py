"""Constants: check initialisers, order them, fold them with the interpreter.

Consumes: the `ConstInfo`s of every module (types already resolved).
Produces: each constant's checked initialiser and its folded literal value
(`ConstInfo.folded`), computed by `domaingen.interp.consteval.fold_const`
(the interpreter's own semantics; a plain literal is its own value) in
dependency order — constants may refer
to each other in any order. Diagnostics: DG305 for a constant that depends
on itself, calls a function (raised while checking, in `calls`) or that the
folder finds not constant; DG306 for a constant whose evaluation fails.
"""

from __future__ import annotations

from typing import Any

from ..ir import nodes as ir
from ..source import Span
from . import types as ty
from .rules import components, is_cycle
from .decls import type_decl_ir
from .keys import duplicate_keys, report_duplicate_key
from .scope import ConstInfo, Env
from .stmts import BodyChecker


def check_consts(env: Env) -> None:
    consts: list[ConstInfo] = []
    deps: dict[int, list[tuple[ConstInfo, Span]]] = {}
    for module in env.infos:
        for item in module.decls:
            if not isinstance(item, ConstInfo):
                continue
            cx = BodyChecker(env, module)
            cx.const = item
            before = env.sink.errors
            item.value = cx.check(item.decl.value, item.type)
            primary = module.items.get(item.name) is item and env.modules.get(module.name) is module
            item.ok = primary and env.sink.errors == before and not ty.has_error(item.type)
            deps[id(item)] = cx.const_deps
            consts.append(item)

    def succ(c: ConstInfo) -> list[ConstInfo]:
        return [d for d, _ in deps.get(id(c), ())]

    folded: dict[tuple[str, str], ir.Expr] = {}
    type_decls = {key: type_decl_ir(item) for key, item in env.types.items()}
    for component in components(consts, succ):
        if is_cycle(component, succ):
            members = {id(c) for c in component}
            for c in component:
                span = next((s for d, s in deps[id(c)] if id(d) in members), c.decl.name.span)
                if len(component) == 1:
                    message = f"constant `{c.name}` depends on itself"
                else:
                    message = f"constant `{c.name}` is part of a cycle: " + ", ".join(sorted(f"`{m.name}`" for m in component))
                env.sink.error("DG305", span, message)
                c.ok = False
            continue
        const = component[0]
        if not const.ok or not all(d.ok for d in succ(const)):
            const.ok = False
            continue
        _fold(env, const, folded, type_decls)
    for module, node, keys, reported in env.pending_maps:
        for i in duplicate_keys(env, keys)[0]:
            if i not in reported:
                report_duplicate_key(env, module, node.entries[i].key)


def _fold(
    env: Env,
    const: ConstInfo,
    folded: dict[tuple[str, str], ir.Expr],
    type_decls: dict[tuple[str, str], ir.Enum | ir.Record | ir.Union_],
) -> None:
    assert const.value is not None
    literal = _literal(const.value)
    if literal is not None:
        const.folded = literal
        folded[(const.module, const.name)] = literal
        return
    try:
        from ..interp.consteval import fold_const
    except ImportError:  # the interpreter is not there yet: keep the checked expression
        const.folded = None
        return
    value, problem = fold_const(const.value, folded, type_decls)
    if value is None:
        kind, message = problem if problem is not None else ("NotConstant", "cannot be evaluated")
        if kind == "NotConstant":
            env.sink.error("DG305", const.decl.value.span, f"constant `{const.name}` cannot be evaluated at check time: {message}")
        else:
            env.sink.error("DG306", const.decl.value.span, f"constant `{const.name}` fails: {kind}: {message}")
        const.ok = False
        return
    const.folded = value
    folded[(const.module, const.name)] = value


_LITERALS: dict[type, tuple[type, type]] = {
    ir.IntLit: (int, ir.IntType),
    ir.FloatLit: (float, ir.FloatType),
    ir.StringLit: (str, ir.StringType),
    ir.BoolLit: (bool, ir.BoolType),
}


def _literal(expr: ir.Expr) -> ir.Expr | None:
    """What `fold_const` makes of a literal or a negated number literal, without the interpreter.

    A literal evaluates to its own value (`-` to the negated one: the Int
    range is symmetric), and `values.value_to_literal` turns that back into
    a literal of the expression's type, without a span (tests/test_checker.py
    compares the two). Most constants are such literals, so `domaingen check`
    rarely needs to load the interpreter.
    """
    negated = type(expr) is ir.Neg
    inner: ir.Expr = expr.operand if isinstance(expr, ir.Neg) else expr
    kind = _LITERALS.get(type(inner))
    if kind is None or (negated and type(inner) not in (ir.IntLit, ir.FloatLit)):
        return None
    python_type, ir_type = kind
    value: Any = inner.value  # type: ignore[union-attr]
    if type(value) is not python_type or type(expr.type) is not ir_type:
        return None
    return ir.new(type(inner), type=expr.type, value=_negated(value) if negated else value)


def _negated(value: Any) -> Any:
    """`-value` (a function: inline, mypy narrows `value` to `object` after the `type(value)` test)."""
    return -value
