"""Python spellings of the DSL built-ins (LANGUAGE.md section 5).

Consumes: a built-in name, its overload tag (see `ir.CallBuiltin`) and the
already emitted argument expressions (`Emitted`, in order).
Produces: one Python expression. Python evaluates call arguments left to
right, so a built-in is either a runtime helper call `_rt.f(a, b)` or a
native form that evaluates its operands in the same order (`len(x)`,
`s.startswith(p)`, `xs + ys`, `{**m, k: v}`); forms that would reorder
operands (`k in m`, `sep.join(xs)`) always go through a helper.
"""

from __future__ import annotations

from dataclasses import dataclass

# Python precedence levels (higher binds tighter).
COND, OR, AND, NOT, CMP, ADD, MUL, UNARY, ATOM = range(9)


@dataclass(frozen=True)
class Emitted:
    text: str
    prec: int = ATOM

    def at(self, prec: int) -> str:
        """The text, parenthesized if it binds looser than `prec`."""
        return self.text if self.prec >= prec else f"({self.text})"


def call(fn: str, args: list[Emitted]) -> Emitted:
    return Emitted(f"{fn}({', '.join(a.text for a in args)})")


_HELPERS: dict[tuple[str, str], str] = {
    ("clamp", "int"): "_rt.clamp",
    ("clamp", "float"): "_rt.clamp",
    ("int", ""): "_rt.to_int",
    ("floor", ""): "_rt.floor",
    ("ceil", ""): "_rt.ceil",
    ("round", ""): "_rt.round_half_away",
    ("trunc", ""): "_rt.trunc",
    ("sqrt", ""): "_rt.sqrt",
    ("pow", "int"): "_rt.ipow",
    ("pow", "float"): "_rt.fpow",
    ("exp", ""): "_rt.exp",
    ("ln", ""): "_rt.ln",
    ("log10", ""): "_rt.log10",
    ("sin", ""): "_rt.sin",
    ("cos", ""): "_rt.cos",
    ("tan", ""): "_rt.tan",
    ("atan2", ""): "_rt.atan2",
    ("to_string", "float"): "_rt.fmt_float",
    ("parse_int", ""): "_rt.parse_int",
    ("parse_float", ""): "_rt.parse_float",
    ("contains", "string"): "_rt.str_contains",
    ("contains", "list"): "_rt.list_contains",
    ("substring", ""): "_rt.substring",
    ("to_upper", ""): "_rt.to_upper",
    ("to_lower", ""): "_rt.to_lower",
    ("split", ""): "_rt.split",
    ("join", ""): "_rt.join",
    ("slice", ""): "_rt.slice_",
    ("sort", ""): "_rt.sort",
    ("sum", "int"): "_rt.sum_int",
    ("sum", "float"): "_rt.sum_float",
    ("min_of", "int"): "_rt.min_of",
    ("min_of", "float"): "_rt.min_of",
    ("max_of", "int"): "_rt.max_of",
    ("max_of", "float"): "_rt.max_of",
    ("has", ""): "_rt.has",
    ("put", ""): "_rt.put",
    ("remove", ""): "_rt.remove",
    ("keys", ""): "_rt.keys",
    ("values", ""): "_rt.values",
    ("unwrap", ""): "_rt.unwrap",
}

_NATIVE_CALLS: dict[str, str] = {
    "len": "len",
    "abs": "abs",
    "min": "min",
    "max": "max",
    "float": "float",
}


def builtin(name: str, overload: str, args: list[Emitted]) -> Emitted:  # noqa: C901 - one row per form
    helper = _HELPERS.get((name, overload)) or _HELPERS.get((name, ""))
    if helper is not None:
        return call(helper, args)
    if name in _NATIVE_CALLS:
        return call(_NATIVE_CALLS[name], args)
    if name == "to_string":
        (a,) = args
        if overload == "int":
            return call("str", args)
        if overload == "bool":
            return Emitted(f'"true" if {a.at(OR)} else "false"', COND)
        return a  # String
    if name == "starts_with":
        return Emitted(f"{args[0].at(ATOM)}.startswith({args[1].text})")
    if name == "ends_with":
        return Emitted(f"{args[0].at(ATOM)}.endswith({args[1].text})")
    if name == "index_of":
        return Emitted(f"{args[0].at(ATOM)}.find({args[1].text})")
    if name == "trim":
        return Emitted(f"{args[0].at(ATOM)}.strip(_rt.WHITESPACE)")
    if name == "append":
        return Emitted(f"{args[0].at(ADD)} + ({args[1].text},)", ADD)
    if name == "concat":
        return Emitted(f"{args[0].at(ADD)} + {args[1].at(MUL)}", ADD)
    if name == "reverse":
        return Emitted(f"{args[0].at(ATOM)}[::-1]")
    if name == "get":
        return Emitted(f"{args[0].at(ATOM)}.get({args[1].text})")
    if name == "is_some":
        return Emitted(f"{args[0].at(CMP + 1)} is not None", CMP)
    raise ValueError(f"unknown built-in {name!r} ({overload!r})")
