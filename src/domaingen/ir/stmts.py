"""IR statements: bodies of functions and tests (compound assignment desugared).

Consumes: IR types and expressions.
Produces: the statement nodes and their closed union `Stmt` (on `kind`).
"""

from typing import Annotated, Literal, Union

from .base import Node, Tagged
from .exprs import Expr
from .types import Type


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
    then: "tuple[Stmt, ...]"
    else_: "tuple[Stmt, ...] | None"


class While(Node):
    kind: Literal["while"] = "while"
    cond: Expr
    body: "tuple[Stmt, ...]"


class ForList(Node):
    kind: Literal["for_list"] = "for_list"
    var: str
    iterable: Expr
    body: "tuple[Stmt, ...]"


class ForMap(Node):
    """Iterates in ascending key order."""

    kind: Literal["for_map"] = "for_map"
    key: str
    value: str
    iterable: Expr
    body: "tuple[Stmt, ...]"


class ForRange(Node):
    """`for i in start..end`, half-open; both bounds evaluated once, first."""

    kind: Literal["for_range"] = "for_range"
    var: str
    start: Expr
    end: Expr
    body: "tuple[Stmt, ...]"


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
    Tagged("kind"),
]
