"""Built-in functions: the signature table of LANGUAGE.md §5 and overload choice.

Consumes: a call of a built-in (`ast.Call` with its positional arguments)
and the expression checker, which types the arguments.
Produces: `ir.CallBuiltin(builtin, overload, args)` with the overload tags
fixed by the IR (see `ir.nodes.CallBuiltin`): `len` string|list|map; `abs
min max clamp sum min_of max_of pow` int|float; `contains` string|list;
`to_string` int|float|bool|string; "" for every other built-in. Arity
errors are DG202, argument types DG201, unordered `sort`/`min_of`/`max_of`
elements DG209.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..ir import nodes as ir
from ..source import Span
from ..syntax import ast
from . import types as ty
from .types import BOOL, ERROR, FLOAT, INT, STRING, Type

if TYPE_CHECKING:
    from .exprs import ExprChecker

Handler = Callable[["ExprChecker", str, ast.Call, list[ast.Expr], "Type | None"], ir.Expr]

_F1 = ((FLOAT,), FLOAT)
_S1 = ((STRING,), STRING)
_SS_B = ((STRING, STRING), BOOL)

# Built-ins with one signature: parameter types and result type.
_MONO: dict[str, tuple[tuple[Type, ...], Type]] = {
    "float": ((INT,), FLOAT),
    "int": ((FLOAT,), INT),
    "floor": ((FLOAT,), INT),
    "ceil": ((FLOAT,), INT),
    "round": ((FLOAT,), INT),
    "trunc": ((FLOAT,), INT),
    "sqrt": _F1,
    "exp": _F1,
    "ln": _F1,
    "log10": _F1,
    "sin": _F1,
    "cos": _F1,
    "tan": _F1,
    "atan2": ((FLOAT, FLOAT), FLOAT),
    "parse_int": ((STRING,), INT),
    "parse_float": ((STRING,), FLOAT),
    "starts_with": _SS_B,
    "ends_with": _SS_B,
    "substring": ((STRING, INT, INT), STRING),
    "index_of": ((STRING, STRING), INT),
    "to_upper": _S1,
    "to_lower": _S1,
    "trim": _S1,
    "split": ((STRING, STRING), ty.list_of(STRING)),
    "join": ((ty.list_of(STRING), STRING), STRING),
}

_NUMERIC_ARITY = {"abs": 1, "min": 2, "max": 2, "clamp": 3, "pow": 2}
_LIST_ARITY = {"append": 2, "concat": 2, "slice": 3, "reverse": 1, "sort": 1}
_MAP_ARITY = {"get": 2, "has": 2, "put": 3, "remove": 2, "keys": 1, "values": 1}


def _node(name: str, overload: str, args: list[ir.Expr], t: Type, span: Span) -> ir.Expr:
    return ir.new(ir.CallBuiltin, type=t, builtin=name, overload=overload, args=tuple(args), span=span)


def _arity_ok(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], want: int) -> bool:
    if len(args) == want:
        return True
    plural = "argument" if want == 1 else "arguments"
    span = args[want].span if len(args) > want else call.callee.span
    cx.error("DG202", span, f"`{name}` takes {want} {plural}, found {len(args)}")
    for arg in args:
        cx.infer(arg, None)
    return False


def _rest(cx: ExprChecker, args: list[ast.Expr]) -> None:
    for arg in args:
        cx.infer(arg, None)


def _wrong(cx: ExprChecker, arg: ast.Expr, name: str, wanted: str, found: Type) -> None:
    cx.error("DG201", arg.span, f"`{name}` needs {wanted}, found {cx.show(found)}")


def _mono(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    params, ret = _MONO[name]
    if not _arity_ok(cx, name, call, args, len(params)):
        return cx.bad(call.span, ret)
    return _node(name, "", [cx.check(a, p) for a, p in zip(args, params)], ret, call.span)


def _numeric(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, _NUMERIC_ARITY[name]):
        return cx.bad(call.span)
    first = cx.infer(args[0], hint if hint is INT or hint is FLOAT else None)
    t = first.type
    if not ty.is_numeric(t):
        if not ty.has_error(t):
            _wrong(cx, args[0], name, "an Int or a Float", t)
        _rest(cx, args[1:])
        return cx.bad(call.span)
    rest = [cx.check(a, t) for a in args[1:]]
    return _node(name, "int" if t is INT else "float", [first, *rest], t, call.span)


def _len(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, 1):
        return cx.bad(call.span, INT)
    arg = cx.infer(args[0], None)
    t = arg.type
    overload = "string" if t is STRING else "list" if isinstance(t, ir.ListType) else "map" if isinstance(t, ir.MapType) else ""
    if not overload and not ty.has_error(t):
        _wrong(cx, args[0], name, "a String, a List or a Map", t)
    return _node(name, overload, [arg], INT, call.span)


def _to_string(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, 1):
        return cx.bad(call.span, STRING)
    arg = cx.infer(args[0], None)
    t = arg.type
    overload = {id(INT): "int", id(FLOAT): "float", id(BOOL): "bool", id(STRING): "string"}.get(id(t), "")
    if not overload and not ty.has_error(t):
        _wrong(cx, args[0], name, "an Int, Float, Bool or String", t)
    return _node(name, overload, [arg], STRING, call.span)


def _contains(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, 2):
        return cx.bad(call.span, BOOL)
    first = cx.infer(args[0], None)
    t = first.type
    if t is STRING:
        return _node(name, "string", [first, cx.check(args[1], STRING)], BOOL, call.span)
    if isinstance(t, ir.ListType):
        return _node(name, "list", [first, cx.check(args[1], t.elem)], BOOL, call.span)
    if not ty.has_error(t):
        _wrong(cx, args[0], name, "a String or a List", t)
    _rest(cx, args[1:])
    return cx.bad(call.span, BOOL)


def _list_fn(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, _LIST_ARITY[name]):
        return cx.bad(call.span)
    list_hint: Type | None = hint if isinstance(hint, ir.ListType) else None
    first_arg = args[0]
    later: ir.Expr | None = None
    if name == "append" and list_hint is None and cx.needs_context(first_arg):
        later = cx.infer(args[1], None)  # `append([], x)`: the element tells the type
        if not ty.has_error(later.type):
            list_hint = ty.list_of(later.type)
    first = cx.infer(first_arg, list_hint)
    t = first.type
    if not isinstance(t, ir.ListType):
        if not ty.has_error(t):
            _wrong(cx, first_arg, name, "a List", t)
        if later is None:
            _rest(cx, args[1:])
        return cx.bad(call.span)
    if name == "append":
        rest = [cx.check(args[1], t.elem) if later is None else cx.coerce(later, t.elem, args[1].span)]
    elif name == "concat":
        rest = [cx.check(args[1], t)]
    elif name == "slice":
        rest = [cx.check(args[1], INT), cx.check(args[2], INT)]
    else:
        rest = []
        if name == "sort" and not ty.is_orderable(t.elem) and not ty.has_error(t.elem):
            cx.error("DG209", first_arg.span, f"`sort` needs a list of Int, Float, String or an enum, found {cx.show(t)}")
    return _node(name, "", [first, *rest], t, call.span)


def _list_numeric(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, 1):
        return cx.bad(call.span)
    hint_list = ty.list_of(hint) if hint is INT or hint is FLOAT else None
    arg = cx.infer(args[0], hint_list)
    t = arg.type
    if isinstance(t, ir.ListType) and ty.is_numeric(t.elem):
        return _node(name, "int" if t.elem is INT else "float", [arg], t.elem, call.span)
    if not ty.has_error(t):
        if isinstance(t, ir.ListType) and name != "sum":
            cx.error("DG209", args[0].span, f"`{name}` needs a list of Int or Float, found {cx.show(t)}")
        else:
            _wrong(cx, args[0], name, "a List<Int> or a List<Float>", t)
    return cx.bad(call.span)


def _map_fn(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, _MAP_ARITY[name]):
        return cx.bad(call.span)
    map_hint: Type | None = hint if isinstance(hint, ir.MapType) else None
    later: list[ir.Expr] | None = None
    if name == "put" and map_hint is None and cx.needs_context(args[0]):
        later = [cx.infer(args[1], None), cx.infer(args[2], None)]  # `put({}, k, v)`
        if not any(ty.has_error(x.type) for x in later) and ty.is_map_key(later[0].type):
            map_hint = ty.map_of(later[0].type, later[1].type)
    first = cx.infer(args[0], map_hint)
    t = first.type
    if not isinstance(t, ir.MapType):
        if not ty.has_error(t):
            _wrong(cx, args[0], name, "a Map", t)
        if later is None:
            _rest(cx, args[1:])
        return cx.bad(call.span)
    if later is not None:
        rest = [cx.coerce(later[0], t.key, args[1].span), cx.coerce(later[1], t.value, args[2].span)]
    else:
        rest = [cx.check(args[1], t.key)] if len(args) > 1 else []
        if name == "put":
            rest.append(cx.check(args[2], t.value))
    result: Type
    if name == "get":
        if isinstance(t.value, ir.OptionalType):
            cx.error(
                "DG201",
                args[0].span,
                f"`get` on a map with optional values ({cx.show(t)}) would give a `T??`",
                "use `has(m, k)` and `m[k]`",
            )
        result = ty.opt(t.value)
    elif name == "has":
        result = BOOL
    elif name == "keys":
        result = ty.list_of(t.key)
    elif name == "values":
        result = ty.list_of(t.value)
    else:
        result = t
    return _node(name, "", [first, *rest], result, call.span)


def _optional_fn(cx: ExprChecker, name: str, call: ast.Call, args: list[ast.Expr], hint: Type | None) -> ir.Expr:
    if not _arity_ok(cx, name, call, args, 1):
        return cx.bad(call.span, BOOL if name == "is_some" else ERROR)
    arg_hint = ty.opt(hint) if name == "unwrap" and hint is not None and not ty.has_error(hint) else None
    arg = cx.infer(args[0], arg_hint)
    t = arg.type
    if not isinstance(t, ir.OptionalType):
        if not ty.has_error(t):
            _wrong(cx, args[0], name, "an optional value", t)
        return cx.bad(call.span, BOOL if name == "is_some" else ERROR)
    return _node(name, "", [arg], BOOL if name == "is_some" else t.inner, call.span)


BUILTINS: dict[str, Handler] = {name: _mono for name in _MONO}
BUILTINS.update({name: _numeric for name in _NUMERIC_ARITY})
BUILTINS.update({name: _list_fn for name in _LIST_ARITY})
BUILTINS.update({name: _map_fn for name in _MAP_ARITY})
BUILTINS.update(
    {
        "len": _len,
        "to_string": _to_string,
        "contains": _contains,
        "sum": _list_numeric,
        "min_of": _list_numeric,
        "max_of": _list_numeric,
        "unwrap": _optional_fn,
        "is_some": _optional_fn,
    }
)
BUILTIN_NAMES = frozenset(BUILTINS)


def check_builtin(cx: ExprChecker, name: str, call: ast.Call, hint: Type | None) -> ir.Expr:
    """Type a call of the built-in `name` (DG215 for named arguments)."""
    args: list[ast.Expr] = []
    for arg in call.args:
        if arg.name is not None:
            cx.error("DG215", arg.name.span, f"`{name}` takes positional arguments", f"drop `{arg.name.name}:`")
        args.append(arg.value)
    return BUILTINS[name](cx, name, call, args, hint)
