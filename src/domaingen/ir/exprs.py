"""IR expressions: every one carries its type; names and overloads are resolved.

Consumes: IR types.
Produces: the expression nodes and their closed union `Expr` (on `kind`).
"""

from typing import Annotated, Literal, Union

from .base import Node, Tagged
from .types import Type


class IntLit(Node):
    kind: Literal["int_lit"] = "int_lit"
    type: Type
    value: int


class FloatLit(Node):
    kind: Literal["float_lit"] = "float_lit"
    type: Type
    value: float


class StringLit(Node):
    kind: Literal["string_lit"] = "string_lit"
    type: Type
    value: str


class BoolLit(Node):
    kind: Literal["bool_lit"] = "bool_lit"
    type: Type
    value: bool


class NoneLit(Node):
    """`none`; its type is the optional type the context expects."""

    kind: Literal["none_lit"] = "none_lit"
    type: Type


class Local(Node):
    """A parameter, `let`/`var` binding, loop variable or match binding."""

    kind: Literal["local"] = "local"
    type: Type
    name: str


class ConstRef(Node):
    kind: Literal["const_ref"] = "const_ref"
    type: Type
    module: str
    name: str


class EnumValue(Node):
    kind: Literal["enum_value"] = "enum_value"
    type: Type
    member: str


class ListLit(Node):
    kind: Literal["list_lit"] = "list_lit"
    type: Type
    items: "tuple[Expr, ...]"


class MapEntry(Node):
    key: "Expr"
    value: "Expr"


class MapLit(Node):
    kind: Literal["map_lit"] = "map_lit"
    type: Type
    entries: tuple[MapEntry, ...]


class FieldValue(Node):
    """`name: value` in a record/variant literal or `with`, in written order."""

    name: str
    value: "Expr"


class RecordLit(Node):
    """Fields in the order written (that is the evaluation order)."""

    kind: Literal["record_lit"] = "record_lit"
    type: Type
    fields: tuple[FieldValue, ...]


class VariantLit(Node):
    """`U.V(a: e)`; `type` is the union; fields in the order written."""

    kind: Literal["variant_lit"] = "variant_lit"
    type: Type
    variant: str
    fields: tuple[FieldValue, ...]


class FieldGet(Node):
    kind: Literal["field_get"] = "field_get"
    type: Type
    obj: "Expr"
    field: str


class ListIndex(Node):
    kind: Literal["list_index"] = "list_index"
    type: Type
    obj: "Expr"
    index: "Expr"


class MapIndex(Node):
    kind: Literal["map_index"] = "map_index"
    type: Type
    obj: "Expr"
    key: "Expr"


class With(Node):
    kind: Literal["with"] = "with"
    type: Type
    obj: "Expr"
    updates: tuple[FieldValue, ...]


class Neg(Node):
    """Unary minus; Int or Float by `type`."""

    kind: Literal["neg"] = "neg"
    type: Type
    operand: "Expr"


class Not(Node):
    kind: Literal["not"] = "not"
    type: Type
    operand: "Expr"


ArithOp = Literal["+", "-", "*", "/", "%"]
CompareOp = Literal["<", "<=", ">", ">="]


class Arith(Node):
    """Arithmetic on two Ints or two Floats (`type` says which); `%` is Int only."""

    kind: Literal["arith"] = "arith"
    type: Type
    op: ArithOp
    left: "Expr"
    right: "Expr"


class Concat(Node):
    kind: Literal["concat"] = "concat"
    type: Type
    left: "Expr"
    right: "Expr"


class Compare(Node):
    """Ordering of Int, Float, String (by code point) or enum (declaration order)."""

    kind: Literal["compare"] = "compare"
    type: Type
    op: CompareOp
    left: "Expr"
    right: "Expr"


class Equal(Node):
    """Deep structural `==` (or `!=` when `negate`); operands share one type."""

    kind: Literal["equal"] = "equal"
    type: Type
    negate: bool
    left: "Expr"
    right: "Expr"


class Logic(Node):
    """Short-circuit `and`/`or`."""

    kind: Literal["logic"] = "logic"
    type: Type
    op: Literal["and", "or"]
    left: "Expr"
    right: "Expr"


class Coalesce(Node):
    """`left ?? right`; `right` is evaluated only when `left` is none."""

    kind: Literal["coalesce"] = "coalesce"
    type: Type
    left: "Expr"
    right: "Expr"


class Cond(Node):
    """`if c then a else b`."""

    kind: Literal["cond"] = "cond"
    type: Type
    cond: "Expr"
    then: "Expr"
    else_: "Expr"


class CallFn(Node):
    kind: Literal["call_fn"] = "call_fn"
    type: Type
    module: str
    function: str
    args: "tuple[Expr, ...]"


class CallBuiltin(Node):
    """A built-in, with its overload chosen (see `domaingen.check.builtins`).

    `builtin` is the DSL name (`len`, `pow`, …). `overload` tags the operand
    type where the name is overloaded: `len`: string|list|map; `abs min max
    clamp sum min_of max_of pow`: int|float; `contains`: string|list;
    `to_string`: int|float|bool|string; every other built-in: "".
    """

    kind: Literal["call_builtin"] = "call_builtin"
    type: Type
    builtin: str
    overload: str
    args: "tuple[Expr, ...]"


class SomeWrap(Node):
    """The implicit conversion of a `T` to `T?`."""

    kind: Literal["some_wrap"] = "some_wrap"
    type: Type
    value: "Expr"


class EnumArm(Node):
    members: tuple[str, ...]
    body: "Expr"


class MatchEnum(Node):
    kind: Literal["match_enum"] = "match_enum"
    type: Type
    scrutinee: "Expr"
    arms: tuple[EnumArm, ...]
    default: "Expr | None"


class UnionArm(Node):
    """One variant; `bindings` name its fields positionally (None: ignored)."""

    variant: str
    bindings: tuple[str | None, ...]
    body: "Expr"


class MatchUnion(Node):
    kind: Literal["match_union"] = "match_union"
    type: Type
    scrutinee: "Expr"
    arms: tuple[UnionArm, ...]
    default: "Expr | None"


class MatchOptional(Node):
    kind: Literal["match_optional"] = "match_optional"
    type: Type
    scrutinee: "Expr"
    binding: str | None
    some_body: "Expr"
    none_body: "Expr"


Expr = Annotated[
    Union[
        IntLit,
        FloatLit,
        StringLit,
        BoolLit,
        NoneLit,
        Local,
        ConstRef,
        EnumValue,
        ListLit,
        MapLit,
        RecordLit,
        VariantLit,
        FieldGet,
        ListIndex,
        MapIndex,
        With,
        Neg,
        Not,
        Arith,
        Concat,
        Compare,
        Equal,
        Logic,
        Coalesce,
        Cond,
        CallFn,
        CallBuiltin,
        SomeWrap,
        MatchEnum,
        MatchUnion,
        MatchOptional,
    ],
    Tagged("kind"),
]
