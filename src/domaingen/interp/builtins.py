"""The table of built-in functions: (name, overload) -> Python implementation.

Consumes: `ir.CallBuiltin.builtin` and `.overload` (the overload tags are
documented on `ir.CallBuiltin`: "int"/"float" for numeric built-ins,
"string"/"list"/"map" for `len`, "string"/"list" for `contains`, the
operand type for `to_string`, "" for every other built-in).
Produces: `lookup(name, overload)`, a strict function of the already
evaluated arguments (every built-in evaluates all its arguments, left to
right, before it runs). The error each one raises is documented in
`ints`, `floats`, `strings` and `containers`.
"""

from __future__ import annotations

from typing import Callable, Final

from . import containers as c
from . import floats as f
from . import ints as i
from . import strings as s
from .values import Value

Builtin = Callable[..., Value]

_TABLE: Final[dict[tuple[str, str], Builtin]] = {
    ("len", "string"): s.length,
    ("len", "list"): c.list_len,
    ("len", "map"): c.map_len,
    ("abs", "int"): i.abs_,
    ("abs", "float"): f.abs_,
    ("min", "int"): c.min2,
    ("min", "float"): c.min2,
    ("max", "int"): c.max2,
    ("max", "float"): c.max2,
    ("clamp", "int"): c.clamp,
    ("clamp", "float"): c.clamp,
    ("float", ""): i.to_float,
    ("int", ""): i.to_int,
    ("floor", ""): i.floor,
    ("ceil", ""): i.ceil,
    ("round", ""): i.round_,
    ("trunc", ""): i.trunc,
    ("sqrt", ""): f.sqrt,
    ("pow", "int"): i.pow_,
    ("pow", "float"): f.pow_,
    ("exp", ""): f.exp,
    ("ln", ""): f.ln,
    ("log10", ""): f.log10,
    ("sin", ""): f.sin,
    ("cos", ""): f.cos,
    ("tan", ""): f.tan,
    ("atan2", ""): f.atan2,
    ("to_string", "int"): s.int_to_string,
    ("to_string", "float"): s.float_to_string,
    ("to_string", "bool"): s.bool_to_string,
    ("to_string", "string"): s.string_to_string,
    ("parse_int", ""): i.parse_int,
    ("parse_float", ""): s.parse_float,
    ("contains", "string"): s.contains,
    ("contains", "list"): c.list_contains,
    ("starts_with", ""): s.starts_with,
    ("ends_with", ""): s.ends_with,
    ("substring", ""): s.substring,
    ("index_of", ""): s.index_of,
    ("to_upper", ""): s.to_upper,
    ("to_lower", ""): s.to_lower,
    ("trim", ""): s.trim,
    ("split", ""): s.split,
    ("join", ""): s.join,
    ("append", ""): c.append,
    ("concat", ""): c.concat,
    ("slice", ""): c.slice_,
    ("reverse", ""): c.reverse,
    ("sort", ""): c.sort,
    ("sum", "int"): c.sum_int,
    ("sum", "float"): c.sum_float,
    ("min_of", "int"): c.min_of,
    ("min_of", "float"): c.min_of,
    ("max_of", "int"): c.max_of,
    ("max_of", "float"): c.max_of,
    ("get", ""): c.get,
    ("has", ""): c.has,
    ("put", ""): c.put,
    ("remove", ""): c.remove,
    ("keys", ""): c.keys,
    ("values", ""): c.values,
    ("unwrap", ""): c.unwrap,
    ("is_some", ""): c.is_some,
}

NAMES: Final[frozenset[str]] = frozenset(name for name, _ in _TABLE)


class UnknownBuiltin(LookupError):
    """The IR names a built-in/overload this interpreter does not know (a checker bug)."""


def lookup(name: str, overload: str) -> Builtin:
    found = _TABLE.get((name, overload))
    if found is None:
        # Built-ins whose overloads share one implementation tolerate any tag.
        candidates = {fn for (n, _), fn in _TABLE.items() if n == name}
        if len(candidates) == 1:
            return candidates.pop()
        raise UnknownBuiltin(f"no built-in {name!r} with overload {overload!r}")
    return found
