"""Go calls for the DSL built-ins (LANGUAGE.md section 5, built-in table).

Consumes: an `ir.CallBuiltin` whose arguments are already lowered to pure Go
expressions (evaluated left to right by the caller), and the file `Scope`.
Produces: `(go_expression, fallible)`; a fallible expression returns
`(T, error)` and the caller binds it to a temporary and checks the error.
Every built-in maps to one `dgrt` function (or a plain Go expression where
nothing can fail or differ), so the semantics live in the runtime.
"""

from __future__ import annotations

from ...ir import nodes as ir
from .types import Scope, equal_fn

# name -> (dgrt function, fallible) for built-ins whose overload does not change the call.
_PLAIN: dict[str, tuple[str, bool]] = {
    "int": ("IntOf", True),
    "floor": ("Floor", True),
    "ceil": ("Ceil", True),
    "round": ("Round", True),
    "trunc": ("Trunc", True),
    "sqrt": ("FSqrt", True),
    "exp": ("FExp", True),
    "ln": ("FLn", True),
    "log10": ("FLog10", True),
    "sin": ("FSin", True),
    "cos": ("FCos", True),
    "tan": ("FTan", True),
    "atan2": ("FAtan2", True),
    "parse_int": ("ParseInt", True),
    "parse_float": ("ParseFloatText", True),
    "starts_with": ("StartsWith", False),
    "ends_with": ("EndsWith", False),
    "substring": ("Substring", True),
    "index_of": ("IndexOf", False),
    "to_upper": ("ToUpper", False),
    "to_lower": ("ToLower", False),
    "trim": ("Trim", False),
    "split": ("Split", True),
    "join": ("Join", False),
    "append": ("Append", False),
    "concat": ("Concat", False),
    "slice": ("Slice", True),
    "reverse": ("Reverse", False),
    "sort": ("Sort", False),
    "min_of": ("MinOf", True),
    "max_of": ("MaxOf", True),
    "get": ("Get", False),
    "has": ("Has", False),
    "put": ("Put", False),
    "remove": ("Remove", False),
    "keys": ("Keys", False),
    "values": ("Values", False),
    "unwrap": ("Unwrap", True),
}

# (name, overload) -> (dgrt function, fallible) where the overload picks the function.
_BY_OVERLOAD: dict[tuple[str, str], tuple[str, bool]] = {
    ("abs", "int"): ("AbsInt", False),
    ("abs", "float"): ("AbsFloat", False),
    ("min", "int"): ("MinInt", False),
    ("min", "float"): ("MinFloat", False),
    ("max", "int"): ("MaxInt", False),
    ("max", "float"): ("MaxFloat", False),
    ("clamp", "int"): ("ClampInt", False),
    ("clamp", "float"): ("ClampFloat", False),
    ("pow", "int"): ("IPow", True),
    ("pow", "float"): ("FPow", True),
    ("sum", "int"): ("SumInt", True),
    ("sum", "float"): ("SumFloat", True),
    ("to_string", "int"): ("IntToString", False),
    ("to_string", "float"): ("FormatFloat", False),
    ("to_string", "bool"): ("BoolToString", False),
    ("contains", "string"): ("StrContains", False),
}


def builtin_call(e: ir.CallBuiltin, args: list[str], s: Scope) -> tuple[str, bool]:
    name, overload = e.builtin, e.overload
    joined = ", ".join(args)
    if name == "len":
        if overload == "string":
            return f"{s.rt('StrLen')}({joined})", False
        return f"int64(len({joined}))", False
    if name == "float":
        return f"float64({joined})", False
    if name == "is_some":
        return f"({joined} != nil)", False
    if name == "to_string" and overload == "string":
        return args[0], False
    if name == "contains" and overload == "list":
        elem = e.args[1].type
        return f"{s.rt('ListContains')}({joined}, {equal_fn(elem, s)})", False
    found = _BY_OVERLOAD.get((name, overload)) or _PLAIN.get(name)
    if found is None:
        raise ValueError(f"unknown built-in {name}/{overload}")
    func, fallible = found
    return f"{s.rt(func)}({joined})", fallible
