"""Python spellings of DSL types, and of their JSON codec descriptors.

Consumes: IR types (`ir.Type`) and `Symbols`.
Produces: annotation text (`tuple[int, ...]`, `Mapping[str, int]`,
`Profile | None`, `_m_game__items.Item`) and the expression that builds a
type's codec from the runtime (`_codec.ListCodec(_codec.INT)`), as seen
from one module. Named types' codecs live in their module as
`_codec_<Class>`.
"""

from __future__ import annotations

from typing import assert_never

from ...ir import nodes as ir
from .symbols import Symbols


def type_ref(t: ir.Type, module: str) -> str:
    match t:
        case ir.IntType():
            return "int"
        case ir.FloatType():
            return "float"
        case ir.BoolType():
            return "bool"
        case ir.StringType():
            return "str"
        case ir.ListType(elem=elem):
            return f"tuple[{type_ref(elem, module)}, ...]"
        case ir.MapType(key=key, value=value):
            return f"Mapping[{type_ref(key, module)}, {type_ref(value, module)}]"
        case ir.OptionalType(inner=inner):
            return f"{type_ref(inner, module)} | None"
        case ir.NamedType(module=target, name=name):
            return Symbols.qualify(target, Symbols.type_name(name), module)
        case _:
            assert_never(t)


def codec_name(t: ir.NamedType, module: str) -> str:
    return Symbols.qualify(t.module, "_codec_" + Symbols.type_name(t.name), module)


def codec_ref(t: ir.Type, module: str) -> str:
    match t:
        case ir.IntType():
            return "_codec.INT"
        case ir.FloatType():
            return "_codec.FLOAT"
        case ir.BoolType():
            return "_codec.BOOL"
        case ir.StringType():
            return "_codec.STRING"
        case ir.ListType(elem=elem):
            return f"_codec.ListCodec({codec_ref(elem, module)})"
        case ir.MapType(key=key, value=value):
            return f"_codec.MapCodec({codec_ref(key, module)}, {codec_ref(value, module)})"
        case ir.OptionalType(inner=inner):
            return f"_codec.OptionalCodec({codec_ref(inner, module)})"
        case ir.NamedType():
            return codec_name(t, module)
        case _:
            assert_never(t)


def named_deps(t: ir.Type) -> list[ir.NamedType]:
    """The named types a type mentions (for ordering codec definitions)."""
    match t:
        case ir.IntType() | ir.FloatType() | ir.BoolType() | ir.StringType():
            return []
        case ir.ListType(elem=elem):
            return named_deps(elem)
        case ir.MapType(key=key, value=value):
            return named_deps(key) + named_deps(value)
        case ir.OptionalType(inner=inner):
            return named_deps(inner)
        case ir.NamedType():
            return [t]
        case _:
            assert_never(t)
