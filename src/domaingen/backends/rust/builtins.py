"""The built-in table for Rust: (DSL name, overload) -> runtime call shape.

Consumes: `ir.CallBuiltin.builtin` / `.overload`.
Produces: `Builtin(path, fallible, modes)`: the `dgrt` function, whether it
returns a `Result` (so the call gets a `?`), and how each argument is passed
(`v` owned value, `r` reference). Every built-in evaluates all of its
arguments left to right before it runs, which is exactly Rust's argument
order. `to_string` on a String is the identity (`path` None).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Builtin:
    path: str | None
    fallible: bool
    modes: str


_B = Builtin

TABLE: dict[tuple[str, str], Builtin] = {
    ("len", "string"): _B("dgrt::str_len", False, "r"),
    ("len", "list"): _B("dgrt::list_len", False, "r"),
    ("len", "map"): _B("dgrt::map_len", False, "r"),
    ("abs", "int"): _B("dgrt::abs", False, "v"),
    ("abs", "float"): _B("dgrt::abs", False, "v"),
    ("min", "int"): _B("dgrt::min", False, "vv"),
    ("min", "float"): _B("dgrt::min", False, "vv"),
    ("max", "int"): _B("dgrt::max", False, "vv"),
    ("max", "float"): _B("dgrt::max", False, "vv"),
    ("clamp", "int"): _B("dgrt::clamp", False, "vvv"),
    ("clamp", "float"): _B("dgrt::clamp", False, "vvv"),
    ("float", ""): _B("dgrt::to_float", False, "v"),
    ("int", ""): _B("dgrt::to_int", True, "v"),
    ("floor", ""): _B("dgrt::floor", True, "v"),
    ("ceil", ""): _B("dgrt::ceil", True, "v"),
    ("round", ""): _B("dgrt::round", True, "v"),
    ("trunc", ""): _B("dgrt::trunc", True, "v"),
    ("sqrt", ""): _B("dgrt::sqrt", True, "v"),
    ("pow", "int"): _B("dgrt::pow_int", True, "vv"),
    ("pow", "float"): _B("dgrt::pow", True, "vv"),
    ("exp", ""): _B("dgrt::exp", True, "v"),
    ("ln", ""): _B("dgrt::ln", True, "v"),
    ("log10", ""): _B("dgrt::log10", True, "v"),
    ("sin", ""): _B("dgrt::sin", True, "v"),
    ("cos", ""): _B("dgrt::cos", True, "v"),
    ("tan", ""): _B("dgrt::tan", True, "v"),
    ("atan2", ""): _B("dgrt::atan2", True, "vv"),
    ("to_string", "int"): _B("dgrt::fmt_int", False, "v"),
    ("to_string", "float"): _B("dgrt::fmt_float", False, "v"),
    ("to_string", "bool"): _B("dgrt::fmt_bool", False, "v"),
    ("to_string", "string"): _B(None, False, "v"),
    ("parse_int", ""): _B("dgrt::parse_int", True, "r"),
    ("parse_float", ""): _B("dgrt::parse_float", True, "r"),
    ("contains", "string"): _B("dgrt::str_contains", False, "rr"),
    ("contains", "list"): _B("dgrt::list_contains", False, "rr"),
    ("starts_with", ""): _B("dgrt::starts_with", False, "rr"),
    ("ends_with", ""): _B("dgrt::ends_with", False, "rr"),
    ("substring", ""): _B("dgrt::substring", True, "rvv"),
    ("index_of", ""): _B("dgrt::index_of", False, "rr"),
    ("to_upper", ""): _B("dgrt::to_upper", False, "v"),  # in place
    ("to_lower", ""): _B("dgrt::to_lower", False, "v"),  # in place
    ("trim", ""): _B("dgrt::trim", False, "v"),  # in place
    ("split", ""): _B("dgrt::split", True, "rr"),
    ("join", ""): _B("dgrt::join", False, "rr"),
    ("append", ""): _B("dgrt::append", False, "vv"),
    ("concat", ""): _B("dgrt::concat", False, "vv"),
    ("slice", ""): _B("dgrt::slice", True, "rvv"),
    ("reverse", ""): _B("dgrt::reverse", False, "v"),
    ("sort", ""): _B("dgrt::sort", False, "v"),
    ("sum", "int"): _B("dgrt::sum", True, "r"),
    ("sum", "float"): _B("dgrt::sum", True, "r"),
    ("min_of", "int"): _B("dgrt::min_of", True, "r"),
    ("min_of", "float"): _B("dgrt::min_of", True, "r"),
    ("max_of", "int"): _B("dgrt::max_of", True, "r"),
    ("max_of", "float"): _B("dgrt::max_of", True, "r"),
    ("get", ""): _B("dgrt::get", False, "rr"),
    ("has", ""): _B("dgrt::has", False, "rr"),
    ("put", ""): _B("dgrt::put", False, "vvv"),
    ("remove", ""): _B("dgrt::remove", False, "vr"),
    ("keys", ""): _B("dgrt::keys", False, "r"),
    ("values", ""): _B("dgrt::values", False, "r"),
    ("unwrap", ""): _B("dgrt::unwrap", True, "v"),
    ("is_some", ""): _B("dgrt::is_some", False, "r"),
}


def lookup(name: str, overload: str) -> Builtin:
    found = TABLE.get((name, overload))
    if found is None:
        candidates = {b for (n, _), b in TABLE.items() if n == name}
        if len(candidates) == 1:
            return candidates.pop()
        raise KeyError(f"no Rust built-in {name!r} with overload {overload!r}")
    return found
