"""The syntax tree: what the parser produces and the checker consumes.

Consumes: nothing (plain data).
Produces: frozen, slotted dataclasses that mirror the surface syntax one to
one, each with a `Span`. Nothing here is resolved or typed; that is the
checker's job, which turns these into the IR (`domaingen.ir`), a different
family of types, so a backend can never receive an unchecked tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from ..source import Span

NO_SPAN = Span("<none>", 0, 0, 0, 0)
_span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Ident:
    name: str
    span: Span = _span


# --- types ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NamedType:
    """`Int`, `Profile`, `inv.Item`, `List<T>`, `Map<K, V>`."""

    path: tuple[Ident, ...]
    args: tuple["TypeExpr", ...]
    span: Span = _span


@dataclass(frozen=True, slots=True)
class OptionalType:
    inner: "TypeExpr"
    span: Span = _span


TypeExpr = Union[NamedType, OptionalType]


# --- expressions ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntLit:
    value: int
    span: Span = _span


@dataclass(frozen=True, slots=True)
class FloatLit:
    value: float
    text: str
    span: Span = _span


@dataclass(frozen=True, slots=True)
class StringLit:
    value: str
    span: Span = _span


@dataclass(frozen=True, slots=True)
class BoolLit:
    value: bool
    span: Span = _span


@dataclass(frozen=True, slots=True)
class NoneLit:
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Field:
    """`obj.name` — also `module.Name`, `Enum.Member` and `Union.Variant` before resolution."""

    obj: "Expr"
    name: Ident
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Index:
    obj: "Expr"
    index: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Arg:
    """A call argument; `name` is set for `Variant(field: value)` forms."""

    name: Ident | None
    value: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Call:
    callee: "Expr"
    args: tuple[Arg, ...]
    span: Span = _span


@dataclass(frozen=True, slots=True)
class FieldInit:
    name: Ident
    value: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class With:
    obj: "Expr"
    updates: tuple[FieldInit, ...]
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # "-" | "not"
    operand: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Binary:
    op: str  # or and == != < <= > >= ?? + - * / %
    left: "Expr"
    right: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class IfExpr:
    cond: "Expr"
    then: "Expr"
    else_: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class ListLit:
    items: tuple["Expr", ...]
    span: Span = _span


@dataclass(frozen=True, slots=True)
class MapEntry:
    key: "Expr"
    value: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class MapLit:
    entries: tuple[MapEntry, ...]
    span: Span = _span


@dataclass(frozen=True, slots=True)
class RecordLit:
    """`Profile { id: "p1", … }` or `inv.Item { … }`."""

    path: tuple[Ident, ...]
    fields: tuple[FieldInit, ...]
    span: Span = _span


# --- match patterns ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WildcardPat:
    span: Span = _span


@dataclass(frozen=True, slots=True)
class NonePat:
    span: Span = _span


@dataclass(frozen=True, slots=True)
class SomePat:
    binding: Ident
    span: Span = _span


@dataclass(frozen=True, slots=True)
class CasePat:
    """An enum member (`Rare`) or a union variant (`Gold(amount)`, `Nothing`)."""

    name: Ident
    bindings: tuple[Ident, ...] | None  # None: written without parentheses
    span: Span = _span


Pattern = Union[WildcardPat, NonePat, SomePat, CasePat]


@dataclass(frozen=True, slots=True)
class MatchArm:
    patterns: tuple[Pattern, ...]
    body: "Expr"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Match:
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


@dataclass(frozen=True, slots=True)
class Block:
    stmts: tuple["Stmt", ...]
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Let:
    name: Ident
    mutable: bool
    type: TypeExpr | None
    value: Expr
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Assign:
    target: Expr
    op: str  # "=" | "+=" | "-=" | "*="
    value: Expr
    span: Span = _span


@dataclass(frozen=True, slots=True)
class If:
    cond: Expr
    then: Block
    else_: "Block | If | None"
    span: Span = _span


@dataclass(frozen=True, slots=True)
class While:
    cond: Expr
    body: Block
    span: Span = _span


@dataclass(frozen=True, slots=True)
class ForIn:
    """`for x in xs`, `for k, v in m`; `value` is set only for the map form."""

    var: Ident
    value: Ident | None
    iterable: Expr
    body: Block
    span: Span = _span


@dataclass(frozen=True, slots=True)
class ForRange:
    var: Ident
    start: Expr
    end: Expr
    body: Block
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Break:
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Continue:
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Return:
    value: Expr
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Require:
    cond: Expr
    message: Expr
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Fail:
    message: Expr
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Expect:
    cond: Expr
    message: Expr | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class ExpectError:
    """`expect_error call`, `…, "message"` or `…, ErrorKind`."""

    call: Expr
    message: Expr | None
    kind: Ident | None
    span: Span = _span


Stmt = Union[Let, Assign, If, While, ForIn, ForRange, Break, Continue, Return, Require, Fail, Expect, ExpectError]


# --- declarations --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Import:
    path: tuple[Ident, ...]
    span: Span = _span

    @property
    def dotted(self) -> str:
        return ".".join(part.name for part in self.path)


@dataclass(frozen=True, slots=True)
class ConstDecl:
    name: Ident
    type: TypeExpr
    value: Expr
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class EnumMember:
    name: Ident
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class EnumDecl:
    name: Ident
    members: tuple[EnumMember, ...]
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class FieldDecl:
    name: Ident
    type: TypeExpr
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class RecordDecl:
    name: Ident
    fields: tuple[FieldDecl, ...]
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class VariantDecl:
    name: Ident
    fields: tuple[FieldDecl, ...]
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class UnionDecl:
    name: Ident
    variants: tuple[VariantDecl, ...]
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class Param:
    name: Ident
    type: TypeExpr
    span: Span = _span


@dataclass(frozen=True, slots=True)
class FnDecl:
    name: Ident
    params: tuple[Param, ...]
    ret: TypeExpr
    body: Block
    doc: str | None
    span: Span = _span


@dataclass(frozen=True, slots=True)
class TestDecl:
    name: str
    body: Block
    doc: str | None
    span: Span = _span


Decl = Union[ConstDecl, EnumDecl, RecordDecl, UnionDecl, FnDecl, TestDecl]


@dataclass(frozen=True, slots=True)
class Module:
    name: tuple[Ident, ...]
    imports: tuple[Import, ...]
    decls: tuple[Decl, ...]
    doc: str | None
    span: Span = _span

    @property
    def dotted(self) -> str:
        return ".".join(part.name for part in self.name)
