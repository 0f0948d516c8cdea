"""Go naming: cases per role and the reserved-word table.

Consumes: DSL identifiers with their role.
Produces: `SCHEME`, the Go `NamingScheme`, and `package_name` for modules.

Reserved (escaped with a trailing `_`, which no re-cased DSL name ends with):

* the 25 keywords of The Go Programming Language Specification, section
  "Keywords" (https://go.dev/ref/spec#Keywords);
* every predeclared identifier of section "Predeclared identifiers"
  (types, constants, `nil`, and the built-in functions including Go 1.21's
  `min`, `max`, `clear`), so a DSL local never shadows one the generated
  code uses;
* the identifiers generated code uses unqualified: `err` (the error
  variable), `dgrt` (the runtime package), `init` and `main` (special at
  package level), `_` (the blank identifier), and the methods every
  generated record, variant and enum carries (`Equal`, `AppendJSON`,
  `MarshalJSON`, `UnmarshalJSON`), which a field of that name would clash
  with.

Names generated code adds itself never meet DSL names: temporaries are
`t_1`, `t_2`… (re-cased DSL names never contain `_`), unexported package
helpers start lower-case (every DSL top-level name is exported), and
exported helpers contain `JSON` (two adjacent capitals, which PascalCase of
DSL words never produces). Imported DSL packages are referred to by their
package name; a local with that name is escaped per module (see `lower`).
"""

from __future__ import annotations

from ...ir import nodes as ir
from ...naming.scheme import NamingScheme, Role
from ...naming.words import words

KEYWORDS = frozenset(
    "break default func interface select case defer go map struct chan else goto package switch "
    "const fallthrough if range type continue for import return var".split()
)
PREDECLARED = frozenset(
    "any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 "
    "rune string uint uint8 uint16 uint32 uint64 uintptr true false iota nil append cap clear close "
    "complex copy delete imag len make max min new panic print println real recover".split()
)
GENERATED = frozenset({"err", "dgrt", "init", "main", "_", "Equal", "AppendJSON", "MarshalJSON", "UnmarshalJSON"})
RESERVED = KEYWORDS | PREDECLARED | GENERATED

SCHEME = NamingScheme(
    target="go",
    cases={
        Role.MODULE: "snake",
        Role.TYPE: "pascal",
        Role.VARIANT: "pascal",
        Role.MEMBER: "pascal",
        Role.FIELD: "pascal",
        Role.FUNCTION: "pascal",
        Role.CONST: "pascal",
        Role.LOCAL: "camel",
    },
    reserved=RESERVED,
    module_scope=frozenset({Role.TYPE}),
)


# Identifiers the generated methods and helpers declare (receivers, parameters,
# locals); an imported package must never be shadowed by one of them.
HELPER_LOCALS = frozenset("e r o v p x f i n dst data other tag ok name text calls".split())


def package_name(module: str) -> str:
    """`game.progression` -> `progression` (lower-case words run together, escaped).

    The name is also the import alias other packages use, so it is escaped
    against reserved words and against the helper identifiers above.
    """
    name = "".join(words(module.rsplit(".", 1)[-1])) or "pkg"
    if name in RESERVED or name in HELPER_LOCALS or not name.isidentifier():
        name += "_"
    return name


# Package folders of the generated Go module that no DSL module may take.
GENERATED_DIRS = {"dgrt": "runtime package", "calls": "call table", "cmd/replay": "vector replay command"}


def package_dir(module: str) -> str:
    """`game.progression` -> `game/progression`."""
    return "/".join(module.split("."))


def type_name(name: str) -> str:
    return SCHEME.name(Role.TYPE, name)


def member_name(enum: str, member: str) -> str:
    """Enum constant: `Rarity` + `Common`."""
    return type_name(enum) + SCHEME.name(Role.MEMBER, member).rstrip("_")


def variant_name(union: str, variant: str) -> str:
    """Variant struct: `Reward` + `Gold`."""
    return type_name(union) + SCHEME.name(Role.VARIANT, variant).rstrip("_")


def field_name(name: str) -> str:
    return SCHEME.name(Role.FIELD, name)


def function_name(name: str) -> str:
    return SCHEME.name(Role.FUNCTION, name)


def const_name(name: str) -> str:
    return SCHEME.name(Role.CONST, name)


def local_name(name: str) -> str:
    return SCHEME.name(Role.LOCAL, name)


def top_level_names(module: ir.Module) -> dict[str, str]:
    """Go names of a module's constants and functions, keyed by DSL name.

    Go has one namespace per package, so `fn objective` and `record
    Objective` would both be `Objective`. Types keep their names; then the
    names generated for them (enum constants, variant structs), then
    constants, then functions, each escaped with `_` while taken. The
    scheme's collision check therefore covers types only (`module_scope`).
    """
    taken: set[str] = set()
    for decl in module.decls:
        if isinstance(decl, (ir.Enum, ir.Record, ir.Union_)):
            taken.add(type_name(decl.name))
        if isinstance(decl, ir.Enum):
            taken.update(member_name(decl.name, m.name) for m in decl.members)
        if isinstance(decl, ir.Union_):
            taken.update(variant_name(decl.name, v.name) for v in decl.variants)
    out: dict[str, str] = {}
    for decl in sorted(
        (d for d in module.decls if isinstance(d, (ir.Const, ir.Function))), key=lambda d: (d.kind != "const",)
    ):
        name = const_name(decl.name) if isinstance(decl, ir.Const) else function_name(decl.name)
        while name in taken:
            name += "_"
        taken.add(name)
        out[decl.name] = name
    return out


def derived_clashes(module: ir.Module) -> list[tuple[str, str, str, ir.Node]]:
    """Go type-level names of one package that would be declared twice.

    Enum constants (`RarityCommon`) and variant structs (`RewardGold`) are
    built from two DSL names, so `enum Rarity { Common }` next to `record
    RarityCommon` would clash. Returns (Go name, first DSL name, second DSL
    name, node of the second) for each clash, for DG110 diagnostics.
    """
    seen: dict[str, str] = {}
    out: list[tuple[str, str, str, ir.Node]] = []

    def claim(go: str, dsl: str, node: ir.Node) -> None:
        first = seen.setdefault(go, dsl)
        if first != dsl:
            out.append((go, first, dsl, node))

    for decl in module.decls:
        if isinstance(decl, (ir.Enum, ir.Record, ir.Union_)):
            claim(type_name(decl.name), decl.name, decl)
    for decl in module.decls:
        if isinstance(decl, ir.Enum):
            for m in decl.members:
                claim(member_name(decl.name, m.name), f"{decl.name}.{m.name}", m)
        elif isinstance(decl, ir.Union_):
            for v in decl.variants:
                claim(variant_name(decl.name, v.name), f"{decl.name}.{v.name}", v)
    return out
