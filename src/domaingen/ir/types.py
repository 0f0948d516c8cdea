"""IR types: `Int`, `Float`, `Bool`, `String`, `List<T>`, `Map<K, V>`, `T?` and named types.

Consumes: nothing (plain data).
Produces: the type nodes, their closed union `Type` (on `kind`) and the
shared instances `INT`, `FLOAT`, `BOOL`, `STRING`.
"""

from typing import Annotated, Literal, Union

from .base import Node, Tagged, new


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
    elem: "Type"


class MapType(Node):
    kind: Literal["map"] = "map"
    key: "Type"
    value: "Type"


class OptionalType(Node):
    kind: Literal["optional"] = "optional"
    inner: "Type"


class NamedType(Node):
    """A user-declared enum, record or union, by module and name."""

    kind: Literal["named"] = "named"
    module: str
    name: str
    decl: Literal["enum", "record", "union"]


Type = Annotated[
    Union[IntType, FloatType, BoolType, StringType, ListType, MapType, OptionalType, NamedType],
    Tagged("kind"),
]

INT, FLOAT, BOOL, STRING = new(IntType), new(FloatType), new(BoolType), new(StringType)
