"""Rust spellings of DSL types.

Consumes: `ir.Type` and the module the reference is written in.
Produces: type text (`i64`, `Vec<String>`, `BTreeMap<String, i64>`,
`Option<crate::game::items::Item>`), and facts the emitters need: whether a
type is `Copy` (so reads need no `.clone()`), and whether it can live in a
Rust `const` item.
"""

from __future__ import annotations

from typing import assert_never

from ...ir import nodes as ir
from ...naming.scheme import Role
from .naming import SCHEME, module_path


def named_ref(module: str, name: str, here: str) -> str:
    """A declared type (or any module item) as seen from module `here`."""
    if module == here:
        return name
    return f"{module_path(module)}::{name}"


def type_ref(t: ir.Type, here: str) -> str:
    match t:
        case ir.IntType():
            return "i64"
        case ir.FloatType():
            return "f64"
        case ir.BoolType():
            return "bool"
        case ir.StringType():
            return "String"
        case ir.ListType(elem=elem):
            return f"Vec<{type_ref(elem, here)}>"
        case ir.MapType(key=key, value=value):
            return f"BTreeMap<{type_ref(key, here)}, {type_ref(value, here)}>"
        case ir.OptionalType(inner=inner):
            return f"Option<{type_ref(inner, here)}>"
        case ir.NamedType(module=module, name=name):
            return named_ref(module, SCHEME.name(Role.TYPE, name), here)
        case _:
            assert_never(t)


def is_copy(t: ir.Type) -> bool:
    """Int, Float, Bool, enums and optionals of those are `Copy` in Rust."""
    match t:
        case ir.IntType() | ir.FloatType() | ir.BoolType():
            return True
        case ir.NamedType(decl=decl):
            return decl == "enum"
        case ir.OptionalType(inner=inner):
            return is_copy(inner)
        case ir.StringType() | ir.ListType() | ir.MapType():
            return False
        case _:
            assert_never(t)
