"""The syntax tree: what the parser produces and the checker consumes.

Consumes: nothing (plain data).
Produces: frozen, slotted dataclasses that mirror the surface syntax one to
one, each with a `Span`. Nothing here is resolved or typed; that is the
checker's job, which turns these into the IR (`domaingen.ir`), a different
family of types, so a backend can never receive an unchecked tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from reprlib import recursive_repr
from typing import TypeVar, Union, dataclass_transform

from ..source import Span

NO_SPAN = Span("<none>", 0, 0, 0, 0)
_span = field(default=NO_SPAN, compare=False, repr=False)
_T = TypeVar("_T")


class Node:
    """Base of every syntax-tree class: equality, hashing and repr as
    `@dataclass(frozen=True)` would write them, shared by all.

    `dataclass` compiles each method it writes from source, which made
    creating the ~50 classes of this module the largest import-time cost of
    `domaingen check`; these generic versions give the same results.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return _compared(self) == _compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_compared(self))

    @recursive_repr()
    def __repr__(self) -> str:
        cls = type(self)
        names = _REPRS.get(cls)
        if names is None:
            names = _REPRS[cls] = tuple(f.name for f in fields(cls) if f.repr)  # type: ignore[arg-type]
        return cls.__qualname__ + "(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in names) + ")"


_COMPARES: dict[type, tuple[str, ...]] = {}
_REPRS: dict[type, tuple[str, ...]] = {}


def _compared(node: Node) -> tuple[object, ...]:
    cls = type(node)
    names = _COMPARES.get(cls)
    if names is None:
        names = _COMPARES[cls] = tuple(f.name for f in fields(cls) if f.compare)  # type: ignore[arg-type]
    return tuple(getattr(node, name) for name in names)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def _node(cls: type[_T]) -> type[_T]:
    """`@dataclass(frozen=True, slots=True)`, with `Node`'s equality, hash and repr."""
    if cls.__doc__ is None:
        cls.__doc__ = f"The `{cls.__name__}` node."  # else dataclass computes a signature for it
    return dataclass(frozen=True, slots=True, eq=False, repr=False)(cls)


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
