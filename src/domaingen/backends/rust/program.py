"""Whole-program facts the Rust emitters look up.

Consumes: a checked `ir.Program`.
Produces: `ProgramInfo` — declarations by (module, name), and how a
constant of a given type is stored (`const` item, `&str`, or a `LazyLock`
static for values that need allocation).
"""

from __future__ import annotations

from typing import assert_never

from ...ir import nodes as ir

Key = tuple[str, str]


class ProgramInfo:
    def __init__(self, program: ir.Program) -> None:
        self.program = program
        self.consts: dict[Key, ir.Const] = {}
        self.enums: dict[Key, ir.Enum] = {}
        self.records: dict[Key, ir.Record] = {}
        self.unions: dict[Key, ir.Union_] = {}
        self.functions: dict[Key, ir.Function] = {}
        for module in program.modules:
            for decl in module.decls:
                key = (module.name, decl.name)
                match decl:
                    case ir.Const():
                        self.consts[key] = decl
                    case ir.Enum():
                        self.enums[key] = decl
                    case ir.Record():
                        self.records[key] = decl
                    case ir.Union_():
                        self.unions[key] = decl
                    case ir.Function():
                        self.functions[key] = decl
                    case ir.Test():
                        pass
                    case _:
                        assert_never(decl)

    def is_lazy(self, t: ir.Type) -> bool:
        """True when a constant of type `t` needs a `LazyLock` (it allocates)."""
        match t:
            case ir.IntType() | ir.FloatType() | ir.BoolType():
                return False
            case ir.NamedType(decl=decl):
                return decl != "enum"
            case ir.OptionalType(inner=inner):
                return isinstance(inner, ir.StringType) or self.is_lazy(inner)
            case ir.StringType():
                return False  # a `&str` constant
            case ir.ListType() | ir.MapType():
                return True
            case _:
                assert_never(t)
