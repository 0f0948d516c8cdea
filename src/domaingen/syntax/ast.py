"""The syntax tree: what the parser produces and the checker consumes.

Consumes: nothing (plain data).
Produces: frozen, slotted classes (declared like dataclasses) that mirror
the surface syntax one to one, each with a `Span`. Nothing here is resolved or typed; that is the
checker's job, which turns these into the IR (`domaingen.ir`), a different
family of types, so a backend can never receive an unchecked tree.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, Union, dataclass_transform

from ..source import Span

NO_SPAN = Span("<none>", 0, 0, 0, 0)
_span = NO_SPAN  # every node's last field: `span: Span = _span`, left out of equality and repr
_T = TypeVar("_T")


class Node:
    """Base of every syntax-tree class: frozen and slotted, with equality,
    hashing and `repr` over every field but `span` (as
    `@dataclass(frozen=True, slots=True)` with `span` marked
    `compare=False, repr=False` would write them).

    Not a `dataclass`: creating ~50 dataclasses was the largest import-time
    cost of `domaingen check` (each compiles several methods and re-creates
    its class for `__slots__`); `_node` writes only `__init__`.
    """

    __slots__ = ()
    field_names: ClassVar[tuple[str, ...]] = ()  # in declaration order, `span` last
    compared: ClassVar[tuple[str, ...]] = ()  # every field but `span`

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: syntax-tree nodes are frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: syntax-tree nodes are frozen")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return all(getattr(self, name) == getattr(other, name) for name in self.compared)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in self.compared))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.compared)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), tuple(getattr(self, name) for name in self.field_names))


def replace(node: _T, **changes: Any) -> _T:
    """A copy of `node` with some fields changed."""
    cls = type(node)
    return cls(**{name: changes.get(name, getattr(node, name)) for name in cls.field_names})  # type: ignore[attr-defined]


@dataclass_transform(frozen_default=True)
def _node(cls: type[_T]) -> type[_T]:
    """The node class for a declaration: `__slots__` for its annotated fields and a positional-or-keyword `__init__`."""
    names = tuple(cls.__dict__.get("__annotations__", {}))
    namespace = {key: value for key, value in cls.__dict__.items() if key not in names and key not in ("__dict__", "__weakref__")}
    namespace.update(__slots__=names, field_names=names, compared=tuple(n for n in names if n != "span"), __match_args__=names)
    built = type(cls.__name__, cls.__bases__, namespace)
    setters = {f"_set_{name}": getattr(built, name).__set__ for name in names}
    params = ", ".join(f"{name}=_span" if name == "span" else name for name in names)
    body = "".join(f"\n    _set_{name}(self, {name})" for name in names) or "\n    pass"
    code: dict[str, Any] = {}
    exec(f"def __init__(self, {params}):{body}", {"_span": _span, **setters}, code)  # noqa: S102 - our own field names
    code["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    built.__init__ = code["__init__"]  # type: ignore[misc]
    return built


@_node
class Ident(Node):
    name: str
    span: Span = _span


# --- types ---------------------------------------------------------------


@_node
class NamedType(Node):
    """`Int`, `Profile`, `inv.Item`, `List<T>`, `Map<K, V>`."""

    path: tuple[Ident, ...]
    args: tuple["TypeExpr", ...]
    span: Span = _span


@_node
class OptionalType(Node):
    inner: "TypeExpr"
    span: Span = _span


TypeExpr = Union[NamedType, OptionalType]


# --- expressions ---------------------------------------------------------


@_node
class IntLit(Node):
    value: int
    span: Span = _span


@_node
class FloatLit(Node):
    value: float
    text: str
    span: Span = _span


@_node
class StringLit(Node):
    value: str
    span: Span = _span


@_node
class BoolLit(Node):
    value: bool
    span: Span = _span


@_node
class NoneLit(Node):
    span: Span = _span


@_node
class Name(Node):
    name: str
    span: Span = _span


@_node
class Field(Node):
    """`obj.name` — also `module.Name`, `Enum.Member` and `Union.Variant` before resolution."""

    obj: "Expr"
    name: Ident
    span: Span = _span


@_node
class Index(Node):
    obj: "Expr"
    index: "Expr"
    span: Span = _span


@_node
class Arg(Node):
    """A call argument; `name` is set for `Variant(field: value)` forms."""

    name: Ident | None
    value: "Expr"
    span: Span = _span


@_node
class Call(Node):
    callee: "Expr"
    args: tuple[Arg, ...]
    span: Span = _span


@_node
class FieldInit(Node):
    name: Ident
    value: "Expr"
    span: Span = _span


@_node
class With(Node):
    obj: "Expr"
    updates: tuple[FieldInit, ...]
    span: Span = _span


@_node
class Unary(Node):
    op: str  # "-" | "not"
    operand: "Expr"
    span: Span = _span


@_node
class Binary(Node):
    op: str  # or and == != < <= > >= ?? + - * / %
    left: "Expr"
    right: "Expr"
    span: Span = _span


@_node
class IfExpr(Node):
    cond: "Expr"
    then: "Expr"
    else_: "Expr"
    span: Span = _span


@_node
class ListLit(Node):
    items: tuple["Expr", ...]
    span: Span = _span


@_node
class MapEntry(Node):
    key: "Expr"
    value: "Expr"
    span: Span = _span


@_node
class MapLit(Node):
    entries: tuple[MapEntry, ...]
    span: Span = _span


@_node
class RecordLit(Node):
    """`Profile { id: "p1", … }` or `inv.Item { … }`."""

    path: tuple[Ident, ...]
    fields: tuple[FieldInit, ...]
    span: Span = _span


# --- match patterns ------------------------------------------------------


@_node
class WildcardPat(Node):
    span: Span = _span


@_node
class NonePat(Node):
    span: Span = _span


@_node
class SomePat(Node):
    binding: Ident
    span: Span = _span


@_node
class CasePat(Node):
    """An enum member (`Rare`) or a union variant (`Gold(amount)`, `Nothing`)."""

    name: Ident
    bindings: tuple[Ident, ...] | None  # None: written without parentheses
    span: Span = _span


Pattern = Union[WildcardPat, NonePat, SomePat, CasePat]


@_node
class MatchArm(Node):
    patterns: tuple[Pattern, ...]
    body: "Expr"
    span: Span = _span


@_node
class Match(Node):
    scrutinee: "Expr"
    arms: tuple[MatchArm, ...]
    span: Span = _span


Expr = Union[
    IntLit,
    FloatLit,
    StringLit,
    BoolLit,
    NoneLit,
    Name,
    Field,
    Index,
    Call,
    With,
    Unary,
    Binary,
    IfExpr,
    ListLit,
    MapLit,
    RecordLit,
    Match,
]


# --- statements ----------------------------------------------------------


@_node
class Block(Node):
    stmts: tuple["Stmt", ...]
    span: Span = _span


@_node
class Let(Node):
    name: Ident
    mutable: bool
    type: TypeExpr | None
    value: Expr
    span: Span = _span


@_node
class Assign(Node):
    target: Expr
    op: str  # "=" | "+=" | "-=" | "*="
    value: Expr
    span: Span = _span


@_node
class If(Node):
    cond: Expr
    then: Block
    else_: "Block | If | None"
    span: Span = _span


@_node
class While(Node):
    cond: Expr
    body: Block
    span: Span = _span


@_node
class ForIn(Node):
    """`for x in xs`, `for k, v in m`; `value` is set only for the map form."""

    var: Ident
    value: Ident | None
    iterable: Expr
    body: Block
    span: Span = _span


@_node
class ForRange(Node):
    var: Ident
    start: Expr
    end: Expr
    body: Block
    span: Span = _span


@_node
class Break(Node):
    span: Span = _span


@_node
class Continue(Node):
    span: Span = _span


@_node
class Return(Node):
    value: Expr
    span: Span = _span


@_node
class Require(Node):
    cond: Expr
    message: Expr
    span: Span = _span


@_node
class Fail(Node):
    message: Expr
    span: Span = _span


@_node
class Expect(Node):
    cond: Expr
    message: Expr | None
    span: Span = _span


@_node
class ExpectError(Node):
    """`expect_error call`, `…, "message"` or `…, ErrorKind`."""

    call: Expr
    message: Expr | None
    kind: Ident | None
    span: Span = _span


Stmt = Union[Let, Assign, If, While, ForIn, ForRange, Break, Continue, Return, Require, Fail, Expect, ExpectError]


# --- declarations --------------------------------------------------------


@_node
class Import(Node):
    path: tuple[Ident, ...]
    span: Span = _span

    @property
    def dotted(self) -> str:
        return ".".join(part.name for part in self.path)


@_node
class ConstDecl(Node):
    name: Ident
    type: TypeExpr
    value: Expr
    doc: str | None
    span: Span = _span


@_node
class EnumMember(Node):
    name: Ident
    doc: str | None
    span: Span = _span


@_node
class EnumDecl(Node):
    name: Ident
    members: tuple[EnumMember, ...]
    doc: str | None
    span: Span = _span


@_node
class FieldDecl(Node):
    name: Ident
    type: TypeExpr
    doc: str | None
    span: Span = _span


@_node
class RecordDecl(Node):
    name: Ident
    fields: tuple[FieldDecl, ...]
    doc: str | None
    span: Span = _span


@_node
class VariantDecl(Node):
    name: Ident
    fields: tuple[FieldDecl, ...]
    doc: str | None
    span: Span = _span


@_node
class UnionDecl(Node):
    name: Ident
    variants: tuple[VariantDecl, ...]
    doc: str | None
    span: Span = _span


@_node
class Param(Node):
    name: Ident
    type: TypeExpr
    span: Span = _span


@_node
class FnDecl(Node):
    name: Ident
    params: tuple[Param, ...]
    ret: TypeExpr
    body: Block
    doc: str | None
    span: Span = _span


@_node
class TestDecl(Node):
    name: str
    body: Block
    doc: str | None
    span: Span = _span


Decl = Union[ConstDecl, EnumDecl, RecordDecl, UnionDecl, FnDecl, TestDecl]


@_node
class Module(Node):
    name: tuple[Ident, ...]
    imports: tuple[Import, ...]
    decls: tuple[Decl, ...]
    doc: str | None
    span: Span = _span

    @property
    def dotted(self) -> str:
        return ".".join(part.name for part in self.name)
