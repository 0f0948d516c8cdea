"""TypeScript spellings of DSL types: type expressions, codecs and comparators.

Consumes: `ir.Type` values and the module they are seen from.
Produces: strings for generated code — the type (`readonly Item[]`,
`ReadonlyMap<string, number>`, `game$items.Rarity | null`), the runtime
codec expression that encodes/decodes it (`dgrt.list(dgrt.INT)`), the
three-way comparator of an ordered type (`dgrt.cmpNum`, `dgrt.cmpStr`, an
enum's `cmp`), and whether `===` is already its deep equality.
"""

from __future__ import annotations

from typing import assert_never

from ...ir import nodes as ir
from .naming import module_alias, type_name


def named_ref(module: str, name: str, here: str) -> str:
    """A declaration's companion name (type and codec share it), qualified when imported."""
    spelled = type_name(name)
    return spelled if module == here else f"{module_alias(module)}.{spelled}"


def type_ref(t: ir.Type, here: str) -> str:
    match t:
        case ir.IntType() | ir.FloatType():
            return "number"
        case ir.BoolType():
            return "boolean"
        case ir.StringType():
            return "string"
        case ir.ListType(elem=elem):
            inner = type_ref(elem, here)
            if isinstance(elem, (ir.OptionalType, ir.ListType)):
                inner = f"({inner})"
            return f"readonly {inner}[]"
        case ir.MapType(key=key, value=value):
            return f"ReadonlyMap<{type_ref(key, here)}, {type_ref(value, here)}>"
        case ir.OptionalType(inner=inner_t):
            return f"{type_ref(inner_t, here)} | null"
        case ir.NamedType(module=module, name=name):
            return named_ref(module, name, here)
        case _:
            assert_never(t)


def codec_ref(t: ir.Type, here: str) -> str:
    match t:
        case ir.IntType():
            return "dgrt.INT"
        case ir.FloatType():
            return "dgrt.FLOAT"
        case ir.BoolType():
            return "dgrt.BOOL"
        case ir.StringType():
            return "dgrt.STRING"
        case ir.ListType(elem=elem):
            return f"dgrt.list({codec_ref(elem, here)})"
        case ir.MapType(key=key, value=value):
            return f"dgrt.map({codec_ref(key, here)}, {codec_ref(value, here)})"
        case ir.OptionalType(inner=inner):
            return f"dgrt.optional({codec_ref(inner, here)})"
        case ir.NamedType(module=module, name=name):
            return named_ref(module, name, here)
        case _:
            assert_never(t)


def cmp_ref(t: ir.Type, here: str) -> str:
    """The comparator of an ordered type (Int, Float, String, enum)."""
    match t:
        case ir.IntType() | ir.FloatType():
            return "dgrt.cmpNum"
        case ir.StringType():
            return "dgrt.cmpStr"
        case ir.NamedType(module=module, name=name, decl="enum"):
            return f"{named_ref(module, name, here)}.cmp"
        case _:
            raise ValueError(f"type {t!r} has no ordering")


def is_primitive(t: ir.Type) -> bool:
    """True when `===` is the DSL's `==` for values of `t`."""
    match t:
        case ir.IntType() | ir.FloatType() | ir.BoolType() | ir.StringType():
            return True
        case ir.NamedType(decl=decl):
            return decl == "enum"
        case ir.OptionalType(inner=inner):
            return is_primitive(inner)
        case ir.ListType() | ir.MapType():
            return False
        case _:
            assert_never(t)
