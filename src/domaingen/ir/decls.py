"""IR declarations, modules and the program.

Consumes: IR types, expressions and statements.
Produces: the declaration nodes, their closed union `Decl` (on `kind`),
`Module` and `Program`. Declarations refer to one another by (module,
name), never by parent pointers.
"""

from typing import Annotated, Literal, Union

from .base import IR_VERSION, Node, Tagged
from .exprs import Expr
from .stmts import Stmt
from .types import Type


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


Decl = Annotated[Union[Const, Enum, Record, Union_, Function, Test], Tagged("kind")]


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
