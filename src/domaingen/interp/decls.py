"""Lookup tables over a checked program, shared by the interpreter and the JSON codec.

Consumes: an `ir.Program`.
Produces: `ProgramIndex` — declarations by (module, name), the `Shape` of
every record and union variant, the `EnumVal` of every enum member, and
`type_text` (a type spelled as in DSL source, for messages).
"""

from __future__ import annotations

from typing import assert_never

from ..ir import nodes as ir
from .values import EnumVal, Shape

Key = tuple[str, str]


class ProgramIndex:
    """Declarations of a program by (module, name)."""

    def __init__(self, program: ir.Program | None = None) -> None:
        self.program = program
        self.enums: dict[Key, ir.Enum] = {}
        self.records: dict[Key, ir.Record] = {}
        self.unions: dict[Key, ir.Union_] = {}
        self.functions: dict[Key, ir.Function] = {}
        self.consts: dict[Key, ir.Const] = {}
        self.tests: list[tuple[str, ir.Test]] = []
        self.record_shapes: dict[Key, Shape] = {}
        self.variant_shapes: dict[Key, dict[str, Shape]] = {}
        self.members: dict[Key, dict[str, EnumVal]] = {}
        self.member_list: dict[Key, tuple[EnumVal, ...]] = {}
        if program is not None:
            for module in program.modules:
                for decl in module.decls:
                    self.add(module.name, decl)

    def add(self, module: str, decl: ir.Decl) -> None:
        key = (module, decl.name)
        match decl:
            case ir.Const():
                self.consts[key] = decl
            case ir.Enum():
                self.enums[key] = decl
                vals = tuple(EnumVal(module, decl.name, i, m.name) for i, m in enumerate(decl.members))
                self.member_list[key] = vals
                self.members[key] = {v.member: v for v in vals}
            case ir.Record():
                self.records[key] = decl
                self.record_shapes[key] = _shape(module, decl.name, None, decl.fields)
            case ir.Union_():
                self.unions[key] = decl
                self.variant_shapes[key] = {v.name: _shape(module, decl.name, v.name, v.fields) for v in decl.variants}
            case ir.Function():
                self.functions[key] = decl
            case ir.Test():
                self.tests.append((module, decl))
            case _:
                assert_never(decl)

    def shape(self, t: ir.Type, variant: str | None) -> Shape:
        """The record's (variant None) or the union variant's shape."""
        return self.record_shape(t) if variant is None else self.variant_shape(t, variant)

    def record_shape(self, t: ir.Type) -> Shape:
        assert isinstance(t, ir.NamedType), t
        return self.record_shapes[(t.module, t.name)]

    def variant_shape(self, t: ir.Type, variant: str) -> Shape:
        assert isinstance(t, ir.NamedType), t
        return self.variant_shapes[(t.module, t.name)][variant]

    def member(self, t: ir.Type, name: str) -> EnumVal:
        assert isinstance(t, ir.NamedType), t
        return self.members[(t.module, t.name)][name]


_CACHE: dict[int, tuple[ir.Program, ProgramIndex]] = {}
_CACHE_SIZE = 8


def index_of(program: ir.Program | ProgramIndex) -> ProgramIndex:
    """The index of `program`, built once per program object (a few recent ones are kept)."""
    if isinstance(program, ProgramIndex):
        return program
    hit = _CACHE.get(id(program))
    if hit is not None and hit[0] is program:
        return hit[1]
    index = ProgramIndex(program)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(program)] = (program, index)
    return index


def _shape(module: str, name: str, variant: str | None, fields: tuple[ir.RecordField, ...]) -> Shape:
    return Shape(module, name, variant, tuple(f.name for f in fields), tuple(f.type for f in fields))


def type_text(t: ir.Type) -> str:
    """The type as written in DSL source: `Int`, `List<String>`, `Map<String, Int>`, `Int?`, `Profile`."""
    match t:
        case ir.IntType():
            return "Int"
        case ir.FloatType():
            return "Float"
        case ir.BoolType():
            return "Bool"
        case ir.StringType():
            return "String"
        case ir.ListType(elem=elem):
            return f"List<{type_text(elem)}>"
        case ir.MapType(key=key, value=value):
            return f"Map<{type_text(key)}, {type_text(value)}>"
        case ir.OptionalType(inner=inner):
            return f"{type_text(inner)}?"
        case ir.NamedType(name=name):
            return name
        case _:
            assert_never(t)
