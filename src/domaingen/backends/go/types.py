"""Go spellings of DSL types, and the per-type helpers generated code needs.

Consumes: IR types, as seen from one module (a `Scope` that knows the
module's imports and records which packages the emitted text uses, since
Go rejects unused imports).
Produces: strings — the Go type (`int64`, `[]progression.Profile`,
`map[string]int64`, `*T`), its zero value, its deep-equality expression and
function value, its canonical-JSON encoder and strict decoder function
values, and its DSL spelling for decode messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from ...interp.decls import type_text
from ...ir import nodes as ir
from .escape import string_literal
from .naming import package_name, type_name

RT = "dgrt"


@dataclass
class Scope:
    """One output file: its own module, import aliases, and what it used."""

    module: str
    aliases: dict[str, str]  # DSL module -> Go package alias
    unions: dict[tuple[str, str], ir.Union_] = field(default_factory=dict)  # every union of the program
    top: dict[str, dict[str, str]] = field(default_factory=dict)  # module -> DSL const/fn name -> Go name
    used: set[str] = field(default_factory=set)  # DSL modules referenced
    uses_runtime: bool = False

    def variant_fields(self, t: ir.NamedType) -> dict[str, list[str]]:
        """Variant name -> its field names in declaration order."""
        union = self.unions[(t.module, t.name)]
        return {v.name: [f.name for f in v.fields] for v in union.variants}

    def rt(self, name: str) -> str:
        self.uses_runtime = True
        return f"{RT}.{name}"

    def qual(self, module: str, name: str) -> str:
        if module == self.module:
            return name
        self.used.add(module)
        return f"{self.aliases.get(module) or package_name(module)}.{name}"

    def top_name(self, module: str, name: str) -> str:
        """A constant or function, qualified (see `naming.top_level_names`)."""
        return self.qual(module, self.top[module][name])

    def named(self, t: ir.NamedType, name: str | None = None) -> str:
        return self.qual(t.module, name if name is not None else type_name(t.name))


def go_type(t: ir.Type, s: Scope) -> str:
    match t:
        case ir.IntType():
            return "int64"
        case ir.FloatType():
            return "float64"
        case ir.BoolType():
            return "bool"
        case ir.StringType():
            return "string"
        case ir.ListType(elem=elem):
            return "[]" + go_type(elem, s)
        case ir.MapType(key=key, value=value):
            return f"map[{go_type(key, s)}]{go_type(value, s)}"
        case ir.OptionalType(inner=inner):
            return "*" + go_type(inner, s)
        case ir.NamedType():
            return s.named(t)
        case _:
            assert_never(t)


def zero_value(t: ir.Type, s: Scope) -> str:
    match t:
        case ir.IntType() | ir.FloatType():
            return "0"
        case ir.BoolType():
            return "false"
        case ir.StringType():
            return '""'
        case ir.ListType() | ir.MapType() | ir.OptionalType():
            return "nil"
        case ir.NamedType(decl="record"):
            return s.named(t) + "{}"
        case ir.NamedType(decl="union"):
            return "nil"
        case ir.NamedType():
            return "0"
        case _:
            assert_never(t)


def is_scalar(t: ir.Type) -> bool:
    """Compared with Go's `==` (Int, Float as IEEE, Bool, String, enums)."""
    return isinstance(t, (ir.IntType, ir.FloatType, ir.BoolType, ir.StringType)) or (
        isinstance(t, ir.NamedType) and t.decl == "enum"
    )


def equal_fn(t: ir.Type, s: Scope) -> str:
    """A Go function value `func(a, b T) bool` for deep equality."""
    if is_scalar(t):
        return s.rt(f"Eq[{go_type(t, s)}]")
    if isinstance(t, ir.NamedType):
        return f"{s.named(t)}.Equal"
    gt = go_type(t, s)
    return f"func(a, b {gt}) bool {{ return {equal_expr(t, 'a', 'b', s)} }}"


def equal_expr(t: ir.Type, a: str, b: str, s: Scope) -> str:
    match t:
        case ir.ListType(elem=elem):
            return f"{s.rt('ListEqual')}({a}, {b}, {equal_fn(elem, s)})"
        case ir.MapType(value=value):
            return f"{s.rt('MapEqual')}({a}, {b}, {equal_fn(value, s)})"
        case ir.OptionalType(inner=inner):
            return f"{s.rt('OptEqual')}({a}, {b}, {equal_fn(inner, s)})"
        case ir.NamedType(decl="record") | ir.NamedType(decl="union"):
            return f"{a}.Equal({b})"
        case _:
            return f"({a} == {b})"


_SCALAR_ENCODERS = {"int": "AppendInt", "float": "AppendFloat", "bool": "AppendBool", "string": "AppendString"}


def encoder(t: ir.Type, s: Scope) -> str:
    """A Go function value `func(dst []byte, v T) []byte` (canonical JSON)."""
    if t.kind in _SCALAR_ENCODERS:
        return s.rt(_SCALAR_ENCODERS[t.kind])
    return f"func(dst []byte, v {go_type(t, s)}) []byte {{ return {encode_call(t, 'dst', 'v', s)} }}"


def encode_call(t: ir.Type, dst: str, v: str, s: Scope) -> str:
    """A Go expression appending the canonical JSON of `v` (of type t) to `dst`."""
    match t:
        case ir.IntType() | ir.FloatType() | ir.BoolType() | ir.StringType():
            return f"{encoder(t, s)}({dst}, {v})"
        case ir.ListType(elem=elem):
            return f"{s.rt('AppendList')}({dst}, {v}, {encoder(elem, s)})"
        case ir.MapType(key=key, value=value):
            key_enc = s.rt("AppendIntKey") if isinstance(key, ir.IntType) else encoder(key, s)
            return f"{s.rt('AppendMap')}({dst}, {v}, {key_enc}, {encoder(value, s)})"
        case ir.OptionalType(inner=inner):
            return f"{s.rt('AppendOpt')}({dst}, {v}, {encoder(inner, s)})"
        case ir.NamedType():
            return f"{v}.AppendJSON({dst})"
        case _:
            assert_never(t)


def decoder(t: ir.Type, s: Scope) -> str:
    """A Go function value `func(v *dgrt.JSON, p *dgrt.Path) (T, error)` (strict)."""
    sig = f"func(v *{s.rt('JSON')}, p *{s.rt('Path')}) ({go_type(t, s)}, error)"
    text = string_literal(type_text(t))
    match t:
        case ir.IntType():
            return s.rt("DecodeInt")
        case ir.FloatType():
            return s.rt("DecodeFloat")
        case ir.BoolType():
            return s.rt("DecodeBool")
        case ir.StringType():
            return s.rt("DecodeString")
        case ir.ListType(elem=elem):
            return f"{sig} {{ return {s.rt('DecodeList')}(v, p, {text}, {decoder(elem, s)}) }}"
        case ir.MapType(key=key, value=value):
            return f"{sig} {{ return {s.rt('DecodeMap')}(v, p, {text}, {key_decoder(key, s)}, {decoder(value, s)}) }}"
        case ir.OptionalType(inner=inner):
            return f"{sig} {{ return {s.rt('DecodeOpt')}(v, p, {decoder(inner, s)}) }}"
        case ir.NamedType():
            return s.named(t, type_name(t.name) + "FromJSON")
        case _:
            assert_never(t)


def key_decoder(t: ir.Type, s: Scope) -> str:
    match t:
        case ir.IntType():
            return s.rt("IntKey")
        case ir.NamedType():
            return s.named(t, type_name(t.name) + "FromJSONKey")
        case _:
            return s.rt("StringKey")
