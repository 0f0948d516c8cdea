"""The checked IR: what the checker produces and every later stage consumes.

Consumes: nothing (plain data).
Produces: frozen pydantic models, closed unions discriminated by `kind`, so
backends can `match` on them exhaustively (`assert_never` in the default
case). Every name is resolved, every expression carries its type, every
overload of a built-in is chosen, implicit `T -> T?` conversions are explicit
(`SomeWrap`) and compound assignment is desugared. Declarations refer to one
another by (module, name), never by parent pointers. Spans stay out of
equality and out of `model_dump` unless asked for (`context={"spans": True}`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, SerializationInfo, SerializerFunctionWrapHandler, model_serializer
from pydantic_core import PydanticUndefined

from ..source import Span

IR_VERSION = 1


class Node(BaseModel):
    """Base of every IR node: frozen, closed, span kept out of equality."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True, defer_build=True)

    span: Span | None = Field(default=None, repr=False)

    def __eq__(self, other: object) -> bool:
        if type(self) is not type(other):
            return False
        return all(getattr(self, f) == getattr(other, f) for f in type(self).model_fields if f != "span")

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, f) for f in type(self).model_fields if f != "span"))

    @model_serializer(mode="wrap")
    def _drop_span(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        context = info.context or {}
        if isinstance(data, dict) and not context.get("spans"):
            data.pop("span", None)
        return data


# --- types -----------------------------------------------------------------


class IntType(Node):
    kind: Literal["int"] = "int"


class FloatType(Node):
    kind: Literal["float"] = "float"


class BoolType(Node):
    kind: Literal["bool"] = "bool"


class StringType(Node):
    kind: Literal["string"] = "string"


class ListType(Node):
    kind: Literal["list"] = "list"
    elem: Type


class MapType(Node):
    kind: Literal["map"] = "map"
    key: Type
    value: Type


class OptionalType(Node):
    kind: Literal["optional"] = "optional"
    inner: Type


class NamedType(Node):
    """A user-declared enum, record or union, by module and name."""

    kind: Literal["named"] = "named"
    module: str
    name: str
    decl: Literal["enum", "record", "union"]


Type = Annotated[
    Union[IntType, FloatType, BoolType, StringType, ListType, MapType, OptionalType, NamedType],
    Field(discriminator="kind"),
]

INT = IntType()
FLOAT = FloatType()
BOOL = BoolType()
STRING = StringType()


# --- expressions -----------------------------------------------------------


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
    items: tuple[Expr, ...]


class MapEntry(Node):
    key: Expr
    value: Expr


class MapLit(Node):
    kind: Literal["map_lit"] = "map_lit"
    type: Type
    entries: tuple[MapEntry, ...]


class FieldValue(Node):
    """`name: value` in a record/variant literal or `with`, in written order."""

    name: str
    value: Expr


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
    obj: Expr
    field: str


class ListIndex(Node):
    kind: Literal["list_index"] = "list_index"
    type: Type
    obj: Expr
    index: Expr


class MapIndex(Node):
    kind: Literal["map_index"] = "map_index"
    type: Type
    obj: Expr
    key: Expr


class With(Node):
    kind: Literal["with"] = "with"
    type: Type
    obj: Expr
    updates: tuple[FieldValue, ...]


class Neg(Node):
    """Unary minus; Int or Float by `type`."""

    kind: Literal["neg"] = "neg"
    type: Type
    operand: Expr


class Not(Node):
    kind: Literal["not"] = "not"
    type: Type
    operand: Expr


ArithOp = Literal["+", "-", "*", "/", "%"]
CompareOp = Literal["<", "<=", ">", ">="]


class Arith(Node):
    """Arithmetic on two Ints or two Floats (`type` says which); `%` is Int only."""

    kind: Literal["arith"] = "arith"
    type: Type
    op: ArithOp
    left: Expr
    right: Expr


class Concat(Node):
    kind: Literal["concat"] = "concat"
    type: Type
    left: Expr
    right: Expr


class Compare(Node):
    """Ordering of Int, Float, String (by code point) or enum (declaration order)."""

    kind: Literal["compare"] = "compare"
    type: Type
    op: CompareOp
    left: Expr
    right: Expr


class Equal(Node):
    """Deep structural `==` (or `!=` when `negate`); operands share one type."""

    kind: Literal["equal"] = "equal"
    type: Type
    negate: bool
    left: Expr
    right: Expr


class Logic(Node):
    """Short-circuit `and`/`or`."""

    kind: Literal["logic"] = "logic"
    type: Type
    op: Literal["and", "or"]
    left: Expr
    right: Expr


class Coalesce(Node):
    """`left ?? right`; `right` is evaluated only when `left` is none."""

    kind: Literal["coalesce"] = "coalesce"
    type: Type
    left: Expr
    right: Expr


class Cond(Node):
    """`if c then a else b`."""

    kind: Literal["cond"] = "cond"
    type: Type
    cond: Expr
    then: Expr
    else_: Expr


class CallFn(Node):
    kind: Literal["call_fn"] = "call_fn"
    type: Type
    module: str
    function: str
    args: tuple[Expr, ...]


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
    args: tuple[Expr, ...]


class SomeWrap(Node):
    """The implicit conversion of a `T` to `T?`."""

    kind: Literal["some_wrap"] = "some_wrap"
    type: Type
    value: Expr


class EnumArm(Node):
    members: tuple[str, ...]
    body: Expr


class MatchEnum(Node):
    kind: Literal["match_enum"] = "match_enum"
    type: Type
    scrutinee: Expr
    arms: tuple[EnumArm, ...]
    default: Expr | None


class UnionArm(Node):
    """One variant; `bindings` name its fields positionally (None: ignored)."""

    variant: str
    bindings: tuple[str | None, ...]
    body: Expr


class MatchUnion(Node):
    kind: Literal["match_union"] = "match_union"
    type: Type
    scrutinee: Expr
    arms: tuple[UnionArm, ...]
    default: Expr | None


class MatchOptional(Node):
    kind: Literal["match_optional"] = "match_optional"
    type: Type
    scrutinee: Expr
    binding: str | None
    some_body: Expr
    none_body: Expr


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
    Field(discriminator="kind"),
]


# --- statements ------------------------------------------------------------


class Let(Node):
    kind: Literal["let"] = "let"
    name: str
    mutable: bool
    type: Type
    value: Expr


class Assign(Node):
    """`x = e`; `x += e` arrives here as `x = x + e`."""

    kind: Literal["assign"] = "assign"
    name: str
    value: Expr


class If(Node):
    """`else if` chains nest an `If` as the only statement of `else_`."""

    kind: Literal["if"] = "if"
    cond: Expr
    then: tuple[Stmt, ...]
    else_: tuple[Stmt, ...] | None


class While(Node):
    kind: Literal["while"] = "while"
    cond: Expr
    body: tuple[Stmt, ...]


class ForList(Node):
    kind: Literal["for_list"] = "for_list"
    var: str
    iterable: Expr
    body: tuple[Stmt, ...]


class ForMap(Node):
    """Iterates in ascending key order."""

    kind: Literal["for_map"] = "for_map"
    key: str
    value: str
    iterable: Expr
    body: tuple[Stmt, ...]


class ForRange(Node):
    """`for i in start..end`, half-open; both bounds evaluated once, first."""

    kind: Literal["for_range"] = "for_range"
    var: str
    start: Expr
    end: Expr
    body: tuple[Stmt, ...]


class Break(Node):
    kind: Literal["break"] = "break"


class Continue(Node):
    kind: Literal["continue"] = "continue"


class Return(Node):
    kind: Literal["return"] = "return"
    value: Expr


class Require(Node):
    """Fails with `DomainError(message)` when `cond` is false."""

    kind: Literal["require"] = "require"
    cond: Expr
    message: Expr


class Fail(Node):
    kind: Literal["fail"] = "fail"
    message: Expr


class Expect(Node):
    """Test only. `text` is the condition as written, for failure reports."""

    kind: Literal["expect"] = "expect"
    cond: Expr
    message: Expr | None
    text: str


class ExpectError(Node):
    """Test only: `call` must fail; with `error_kind` and/or `message` as given."""

    kind: Literal["expect_error"] = "expect_error"
    call: Expr
    error_kind: str | None
    message: Expr | None
    text: str


Stmt = Annotated[
    Union[Let, Assign, If, While, ForList, ForMap, ForRange, Break, Continue, Return, Require, Fail, Expect, ExpectError],
    Field(discriminator="kind"),
]


# --- declarations ----------------------------------------------------------


class Const(Node):
    """A constant; `value` is already folded to a literal expression."""

    kind: Literal["const"] = "const"
    name: str
    type: Type
    value: Expr
    doc: str | None = None


class EnumMember(Node):
    name: str
    doc: str | None = None


class Enum(Node):
    kind: Literal["enum"] = "enum"
    name: str
    members: tuple[EnumMember, ...]
    doc: str | None = None


class RecordField(Node):
    name: str
    type: Type
    doc: str | None = None


class Record(Node):
    kind: Literal["record"] = "record"
    name: str
    fields: tuple[RecordField, ...]
    doc: str | None = None


class Variant(Node):
    name: str
    fields: tuple[RecordField, ...]
    doc: str | None = None


class Union_(Node):
    kind: Literal["union"] = "union"
    name: str
    variants: tuple[Variant, ...]
    doc: str | None = None


class Param(Node):
    name: str
    type: Type


class Function(Node):
    kind: Literal["function"] = "function"
    name: str
    params: tuple[Param, ...]
    ret: Type
    body: tuple[Stmt, ...]
    doc: str | None = None


class Test(Node):
    kind: Literal["test"] = "test"
    name: str
    body: tuple[Stmt, ...]
    doc: str | None = None


Decl = Annotated[Union[Const, Enum, Record, Union_, Function, Test], Field(discriminator="kind")]


class Module(Node):
    """One checked `.dg` file; `decls` in source order."""

    name: str
    path: str
    doc: str | None
    imports: tuple[str, ...]
    decls: tuple[Decl, ...]


class Program(Node):
    """Every input module, each after the modules it imports."""

    version: int = IR_VERSION
    modules: tuple[Module, ...]


def rebuild_all() -> None:
    """Resolve forward references and build validators (slow: ~1 s).

    Only validation, JSON Schema export and `model_validate` need this; the
    checker builds nodes with `model_construct`, so `domaingen check` never
    pays for it.
    """
    for model in list(globals().values()):
        if isinstance(model, type) and issubclass(model, Node) and model is not Node:
            model.model_rebuild()


N = TypeVar("N", bound=Node)
_DEFAULTS: dict[type[Node], dict[str, Any]] = {}


def new(cls: type[N], **fields: Any) -> N:
    """Build a node without validation (the checker's inputs are already checked).

    About 10x faster than `model_construct`; defaults (`kind`, `span`, `doc`)
    are filled in from the model's field defaults.
    """
    defaults = _DEFAULTS.get(cls)
    if defaults is None:
        defaults = {
            name: info.default for name, info in cls.model_fields.items() if info.default is not PydanticUndefined
        }
        _DEFAULTS[cls] = defaults
    data = dict(defaults)
    data.update(fields)
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", data)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj
