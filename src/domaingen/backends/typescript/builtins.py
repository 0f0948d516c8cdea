"""Built-in calls in TypeScript: one row per (built-in, overload).

Consumes: an `ir.CallBuiltin` whose arguments are already emitted (strings,
evaluated left to right as JavaScript evaluates call arguments), plus the
module the call is emitted in.
Produces: the TypeScript call of the runtime (`dgrt.substring(s, a, b)`;
`to_lower(trim(s))` becomes the one-pass `dgrt.trimToLower(s)`),
with explicit type arguments for the generic list/map/optional helpers so
literals inside them are contextually typed.
"""

from __future__ import annotations

from ...ir import nodes as ir
from .types import cmp_ref, type_ref

# Built-ins that are one runtime function of the same arguments.
_DIRECT: dict[tuple[str, str], str] = {
    ("len", "string"): "dgrt.len",
    ("abs", "int"): "dgrt.iabs",
    ("abs", "float"): "dgrt.fabs",
    ("float", ""): "dgrt.toFloat",
    ("int", ""): "dgrt.toInt",
    ("floor", ""): "dgrt.floor",
    ("ceil", ""): "dgrt.ceil",
    ("round", ""): "dgrt.round",
    ("trunc", ""): "dgrt.trunc",
    ("sqrt", ""): "dgrt.sqrt",
    ("pow", "int"): "dgrt.ipow",
    ("pow", "float"): "dgrt.pow",
    ("exp", ""): "dgrt.exp",
    ("ln", ""): "dgrt.ln",
    ("log10", ""): "dgrt.log10",
    ("sin", ""): "dgrt.sin",
    ("cos", ""): "dgrt.cos",
    ("tan", ""): "dgrt.tan",
    ("atan2", ""): "dgrt.atan2",
    ("to_string", "int"): "dgrt.intToString",
    ("to_string", "float"): "dgrt.formatFloat",
    ("to_string", "bool"): "dgrt.boolToString",
    ("parse_int", ""): "dgrt.parseInt",
    ("parse_float", ""): "dgrt.parseFloat",
    ("contains", "string"): "dgrt.contains",
    ("starts_with", ""): "dgrt.startsWith",
    ("ends_with", ""): "dgrt.endsWith",
    ("substring", ""): "dgrt.substring",
    ("index_of", ""): "dgrt.indexOf",
    ("to_upper", ""): "dgrt.toUpper",
    ("to_lower", ""): "dgrt.toLower",
    ("trim", ""): "dgrt.trim",
    ("split", ""): "dgrt.split",
    ("join", ""): "dgrt.join",
    ("sum", "int"): "dgrt.sumInt",
    ("sum", "float"): "dgrt.sumFloat",
}

# `to_lower(trim(s))` / `to_upper(trim(s))`: one runtime pass over `s` (trim
# cannot fail and case mapping keeps whitespace, so the result is the same).
_TRIM_CASE: dict[str, str] = {"to_lower": "dgrt.trimToLower", "to_upper": "dgrt.trimToUpper"}

# Generic list helpers: type argument = the element type of the first argument.
_LIST: dict[str, str] = {
    "contains": "dgrt.listContains",
    "append": "dgrt.append",
    "concat": "dgrt.concat",
    "slice": "dgrt.slice",
    "reverse": "dgrt.reverse",
}

# Generic map helpers: type arguments = key and value types of the first argument.
_MAP: dict[str, str] = {"get": "dgrt.get", "has": "dgrt.has", "put": "dgrt.put", "remove": "dgrt.remove"}


def _list_elem(t: ir.Type) -> ir.Type:
    assert isinstance(t, ir.ListType), t
    return t.elem


def fused_call(e: ir.CallBuiltin) -> tuple[str, ir.Expr] | None:
    """The runtime function and its one argument when `e` is `to_lower(trim(s))` or `to_upper(trim(s))`."""
    fn = _TRIM_CASE.get(e.builtin)
    if fn is None or len(e.args) != 1:
        return None
    inner = e.args[0]
    if isinstance(inner, ir.CallBuiltin) and inner.builtin == "trim" and len(inner.args) == 1:
        return fn, inner.args[0]
    return None


def builtin_call(e: ir.CallBuiltin, args: list[str], here: str) -> str:  # noqa: C901 - a table
    name, overload = e.builtin, e.overload
    joined = ", ".join(args)
    direct = _DIRECT.get((name, overload))
    if direct is not None:
        return f"{direct}({joined})"
    first = e.args[0].type if e.args else None
    if name == "len":
        return f"{args[0]}.size" if overload == "map" else f"{args[0]}.length"
    if name == "to_string":
        return args[0]
    if name in ("min", "max", "clamp"):
        return f"dgrt.{name}({joined}, {cmp_ref(e.type, here)})"
    if name in _LIST and (name != "contains" or overload == "list"):
        assert first is not None
        return f"{_LIST[name]}<{type_ref(_list_elem(first), here)}>({joined})"
    if name in ("sort", "min_of", "max_of"):
        assert first is not None
        elem = _list_elem(first)
        fn = {"sort": "dgrt.sort", "min_of": "dgrt.minOf", "max_of": "dgrt.maxOf"}[name]
        return f"{fn}<{type_ref(elem, here)}>({joined}, {cmp_ref(elem, here)})"
    if name in _MAP or name in ("keys", "values"):
        assert isinstance(first, ir.MapType), first
        targs = f"<{type_ref(first.key, here)}, {type_ref(first.value, here)}>"
        if name in _MAP:
            return f"{_MAP[name]}{targs}({joined})"
        return f"dgrt.{name}{targs}({joined}, {cmp_ref(first.key, here)})"
    if name in ("unwrap", "is_some"):
        assert isinstance(first, ir.OptionalType), first
        fn = "dgrt.unwrap" if name == "unwrap" else "dgrt.isSome"
        return f"{fn}<{type_ref(first.inner, here)}>({joined})"
    raise ValueError(f"unknown built-in {name!r} with overload {overload!r}")
