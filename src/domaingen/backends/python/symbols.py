"""Program-wide Python names: every declaration, field, member and variant class.

Consumes: a checked `ir.Program`.
Produces: `Symbols`, the one place that decides how a DSL declaration is
spelled in Python and how it is referenced from another module:

* records, enums and unions: PascalCase (`SCHEME`, reserved words escaped);
* union variants: one class each, always named `<Union><Variant>`
  (`Reward.Gold` -> `RewardGold`), so a variant never clashes with a
  top-level declaration of the same name; if even that name is taken by a
  declaration of the module, `_` is appended;
* a module imported by another is bound as `_m_<part>__<part>` (`game.items`
  -> `_m_game__items`), module files are `<pkg>/<part>/<part>.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...ir import nodes as ir
from ...naming.scheme import Role
from .naming import SCHEME

Key = tuple[str, str]


def module_parts(module: str) -> list[str]:
    return [SCHEME.name(Role.MODULE, part) for part in module.split(".")]


def module_alias(module: str) -> str:
    return "_m_" + "__".join(module_parts(module))


@dataclass
class Symbols:
    program: ir.Program
    records: dict[Key, ir.Record] = field(default_factory=dict)
    enums: dict[Key, ir.Enum] = field(default_factory=dict)
    unions: dict[Key, ir.Union_] = field(default_factory=dict)
    functions: dict[Key, ir.Function] = field(default_factory=dict)
    consts: dict[Key, ir.Const] = field(default_factory=dict)
    variant_classes: dict[tuple[str, str, str], str] = field(default_factory=dict)
    top_names: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for module in self.program.modules:
            names = self.top_names.setdefault(module.name, set())
            for decl in module.decls:
                key = (module.name, decl.name)
                match decl:
                    case ir.Record():
                        self.records[key] = decl
                        names.add(self.type_name(decl.name))
                    case ir.Enum():
                        self.enums[key] = decl
                        names.add(self.type_name(decl.name))
                    case ir.Union_():
                        self.unions[key] = decl
                        names.add(self.type_name(decl.name))
                    case ir.Function():
                        self.functions[key] = decl
                        names.add(self.function(decl.name))
                    case ir.Const():
                        self.consts[key] = decl
                        names.add(self.const(decl.name))
                    case ir.Test():
                        pass
            for decl in module.decls:
                if isinstance(decl, ir.Union_):
                    base = self.type_name(decl.name).rstrip("_")
                    for variant in decl.variants:
                        name = base + SCHEME.name(Role.VARIANT, variant.name).rstrip("_")
                        while name in names or name in SCHEME.reserved:
                            name += "_"
                        names.add(name)
                        self.variant_classes[(module.name, decl.name, variant.name)] = name

    # --- spelling ----------------------------------------------------------------

    @staticmethod
    def type_name(name: str) -> str:
        return SCHEME.name(Role.TYPE, name)

    @staticmethod
    def field(name: str) -> str:
        return SCHEME.name(Role.FIELD, name)

    @staticmethod
    def member(name: str) -> str:
        return SCHEME.name(Role.MEMBER, name)

    @staticmethod
    def function(name: str) -> str:
        return SCHEME.name(Role.FUNCTION, name)

    @staticmethod
    def const(name: str) -> str:
        return SCHEME.name(Role.CONST, name)

    @staticmethod
    def local(name: str) -> str:
        return SCHEME.name(Role.LOCAL, name)

    def variant_class(self, module: str, union: str, variant: str) -> str:
        return self.variant_classes[(module, union, variant)]

    # --- references from a module -------------------------------------------------

    @staticmethod
    def qualify(target_module: str, name: str, from_module: str) -> str:
        if target_module == from_module:
            return name
        return f"{module_alias(target_module)}.{name}"

    def variant_fields(self, t: ir.Type, variant: str) -> tuple[ir.RecordField, ...]:
        assert isinstance(t, ir.NamedType)
        union = self.unions[(t.module, t.name)]
        return next(v.fields for v in union.variants if v.name == variant)

    def record_fields(self, t: ir.Type) -> tuple[ir.RecordField, ...]:
        assert isinstance(t, ir.NamedType)
        return self.records[(t.module, t.name)].fields
