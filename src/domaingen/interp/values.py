"""Run-time values of the reference interpreter.

Consumes: IR types (`ir.nodes`) to describe records, variants and enums.
Produces: the Python representation of every DSL value, deep equality,
`value_to_literal` (a value back to literal-only IR, for folded constants)
and `display` (a DSL-like text for test failure messages).

| DSL type      | Python value                                               |
|---------------|------------------------------------------------------------|
| Int           | `int` (always within the Int range)                        |
| Float         | `float` (always finite)                                    |
| Bool          | `bool`                                                     |
| String        | `str` (code points; never a lone surrogate)                |
| List<T>       | `tuple`                                                    |
| Map<K, V>     | `dict`, insertion order meaningless: iterate `sorted(m)`   |
| T?            | `None` or the `T` value (optionals never nest)             |
| enum          | `EnumVal`, ordered by declaration index                    |
| record        | `RecordVal`: shape + field values in declaration order     |
| union variant | `VariantVal`: shape + field values in declaration order    |

Python's `==` on these is the DSL's deep structural equality (floats compare
as IEEE numbers, so `-0.0 == 0.0`; NaN never exists). Python's `<` on Int,
Float, String (code point order) and `EnumVal` is the DSL's ordering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeAlias, Union, assert_never

from ..ir import nodes as ir
from ..semantics.numfmt import format_float


@dataclass(frozen=True, slots=True)
class Shape:
    """The layout of a record or of one union variant.

    `variant` is None for records. `fields` and `types` are in declaration
    order; `index` maps a field name to its position.
    """

    module: str
    name: str
    variant: str | None
    fields: tuple[str, ...]
    types: tuple[ir.Type, ...]
    index: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        self.index.update({name: i for i, name in enumerate(self.fields)})

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.module, self.name, self.variant)


@dataclass(frozen=True, slots=True, order=True)
class EnumVal:
    """An enum member; orders by declaration `index` within one enum."""

    module: str
    enum: str
    index: int
    member: str


@dataclass(frozen=True, slots=True, eq=False)
class RecordVal:
    shape: Shape
    values: tuple["Value", ...]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, RecordVal)
            and self.shape.key == other.shape.key
            and self.values == other.values
        )

    def __hash__(self) -> int:
        return hash((self.shape.key, self.values))

    def get(self, name: str) -> "Value":
        return self.values[self.shape.index[name]]


@dataclass(frozen=True, slots=True, eq=False)
class VariantVal:
    shape: Shape
    values: tuple["Value", ...]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, VariantVal)
            and self.shape.key == other.shape.key
            and self.values == other.values
        )

    def __hash__(self) -> int:
        return hash((self.shape.key, self.values))

    @property
    def variant(self) -> str:
        assert self.shape.variant is not None
        return self.shape.variant

    def get(self, name: str) -> "Value":
        return self.values[self.shape.index[name]]


# `dict[Any, Value]`: map keys are int, str or EnumVal.
Value: TypeAlias = Union[
    int, float, bool, str, tuple["Value", ...], dict[Any, "Value"], None, EnumVal, RecordVal, VariantVal
]


# --- display -----------------------------------------------------------------


def display_string(s: str) -> str:
    """A DSL string literal for `s` (escapes `\\ " \\n \\t \\r`, other controls as `\\u{…}`)."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{{{ord(ch):X}}}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def display_float(x: float) -> str:
    """The shortest round-trip text, always with a `.0` or exponent so it reads as a Float."""
    text = format_float(x)
    if x == 0.0 and str(x).startswith("-"):
        text = "-0"
    if "." not in text and "e" not in text:
        text += ".0"
    return text


def display(value: Value) -> str:
    """A DSL-like rendering for humans (test failures); not a wire format."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return display_float(value)
    if isinstance(value, str):
        return display_string(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(display(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{" + ", ".join(f"{display(k)}: {display(value[k])}" for k in sorted(value)) + "}"
    if isinstance(value, EnumVal):
        return f"{value.enum}.{value.member}"
    if isinstance(value, RecordVal):
        inner = ", ".join(f"{n}: {display(v)}" for n, v in zip(value.shape.fields, value.values))
        return f"{value.shape.name} {{ {inner} }}" if inner else f"{value.shape.name} {{}}"
    if isinstance(value, VariantVal):
        head = f"{value.shape.name}.{value.variant}"
        if not value.values:
            return head
        return head + "(" + ", ".join(f"{n}: {display(v)}" for n, v in zip(value.shape.fields, value.values)) + ")"
    raise TypeError(f"not a DSL value: {value!r}")


# --- values back to literal IR -------------------------------------------------


def value_to_literal(value: Value, type: ir.Type) -> ir.Expr:
    """Literal-only IR for `value` of `type` (the form of a folded constant).

    Optionals holding a value become `SomeWrap(inner literal)`; maps list
    their entries in ascending key order; records and variants list their
    fields in declaration order. Negative numbers are plain literals
    (`IntLit(-5)`, `FloatLit(-0.0)`): backends must print them so.
    """
    match type:
        case ir.OptionalType(inner=inner):
            if value is None:
                return ir.new(ir.NoneLit, type=type)
            return ir.new(ir.SomeWrap, type=type, value=value_to_literal(value, inner))
        case ir.IntType():
            assert isinstance(value, int) and not isinstance(value, bool)
            return ir.new(ir.IntLit, type=type, value=value)
        case ir.FloatType():
            assert isinstance(value, float)
            return ir.new(ir.FloatLit, type=type, value=value)
        case ir.BoolType():
            assert isinstance(value, bool)
            return ir.new(ir.BoolLit, type=type, value=value)
        case ir.StringType():
            assert isinstance(value, str)
            return ir.new(ir.StringLit, type=type, value=value)
        case ir.ListType(elem=elem):
            assert isinstance(value, tuple)
            return ir.new(ir.ListLit, type=type, items=tuple(value_to_literal(v, elem) for v in value))
        case ir.MapType(key=key, value=vtype):
            assert isinstance(value, dict)
            entries = tuple(
                ir.new(ir.MapEntry, key=value_to_literal(k, key), value=value_to_literal(value[k], vtype))
                for k in sorted(value)
            )
            return ir.new(ir.MapLit, type=type, entries=entries)
        case ir.NamedType():
            if isinstance(value, EnumVal):
                return ir.new(ir.EnumValue, type=type, member=value.member)
            if isinstance(value, RecordVal):
                return ir.new(ir.RecordLit, type=type, fields=_field_literals(value.shape, value.values))
            if isinstance(value, VariantVal):
                return ir.new(
                    ir.VariantLit, type=type, variant=value.variant, fields=_field_literals(value.shape, value.values)
                )
            raise TypeError(f"not a value of {type.name}: {value!r}")
        case _:
            assert_never(type)


def _field_literals(shape: Shape, values: tuple[Value, ...]) -> tuple[ir.FieldValue, ...]:
    return tuple(
        ir.new(ir.FieldValue, name=name, value=value_to_literal(v, t))
        for name, t, v in zip(shape.fields, shape.types, values)
    )
