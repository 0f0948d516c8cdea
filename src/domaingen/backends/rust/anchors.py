"""Whether rustc can infer an expression's Rust type from the expression itself.

Consumes: checked `ir.Expr` nodes.
Produces: `anchored(e)`. An Int literal alone is an `{integer}` that rustc
defaults to `i32` when nothing else fixes it — wrong width, and a compile
error for literals beyond 2^31 — so an expression made only of Int literals
(through `if`/`match`, list literals, `some`, generic list built-ins) is
not anchored. Locals, constants, fields, calls of DSL functions and the
runtime's Int/Float arithmetic (whose `Number` trait has only `i64` and
`f64`) are. The emitter wraps a comparison whose two sides are both
unanchored, and an unanchored argument of a generic built-in, in
`dgrt::typed::<T>(…)`.
"""

from __future__ import annotations

from typing import assert_never

from ...ir import nodes as ir

# Built-ins whose Rust result type follows from their first argument (a container).
_FROM_CONTAINER = frozenset(
    {"slice", "reverse", "sort", "append", "concat", "put", "remove", "keys", "values", "get", "unwrap"}
)


def anchored(e: ir.Expr) -> bool:  # noqa: C901 - one arm per IR kind
    match e:
        case ir.IntLit():
            return False
        case ir.NoneLit():
            return False
        case ir.FloatLit() | ir.StringLit() | ir.BoolLit():
            return True
        case ir.Local() | ir.ConstRef() | ir.EnumValue() | ir.FieldGet() | ir.CallFn():
            return True
        case ir.RecordLit() | ir.VariantLit() | ir.With() | ir.Concat():
            return True
        case ir.Not() | ir.Logic() | ir.Compare() | ir.Equal() | ir.Arith():
            return True
        case ir.Neg(operand=operand):
            return anchored(operand)
        case ir.ListLit(items=items):
            return not items or any(anchored(i) for i in items)
        case ir.MapLit(entries=entries):
            return not entries or any(anchored(en.key) and anchored(en.value) for en in entries)
        case ir.ListIndex(obj=obj) | ir.MapIndex(obj=obj):
            return anchored(obj)
        case ir.SomeWrap(value=value):
            return anchored(value)
        case ir.Coalesce(left=left, right=right):
            return anchored(left) or anchored(right)
        case ir.Cond(then=then, else_=else_):
            return anchored(then) or anchored(else_)
        case ir.MatchEnum(arms=arms, default=default):
            return any(anchored(a.body) for a in arms) or (default is not None and anchored(default))
        case ir.MatchUnion(arms=uarms, default=default):
            return any(anchored(a.body) for a in uarms) or (default is not None and anchored(default))
        case ir.MatchOptional(some_body=some_body, none_body=none_body):
            return anchored(some_body) or anchored(none_body)
        case ir.CallBuiltin(builtin=builtin, args=args):
            if builtin in _FROM_CONTAINER:
                return anchored(args[0])
            if builtin == "contains" and isinstance(args[0].type, ir.ListType):
                return True  # Bool
            return True  # concrete (`len`, `to_string`…) or `Number`-generic (only i64/f64)
        case _:
            assert_never(e)


def needs_int_anchor(t: ir.Type) -> bool:
    """Types in which an unanchored Int literal could default to `i32`."""
    match t:
        case ir.IntType():
            return True
        case ir.ListType(elem=inner) | ir.OptionalType(inner=inner):
            return needs_int_anchor(inner)
        case ir.MapType(key=key, value=value):
            return needs_int_anchor(key) or needs_int_anchor(value)
        case ir.FloatType() | ir.BoolType() | ir.StringType() | ir.NamedType():
            return False
        case _:
            assert_never(t)
