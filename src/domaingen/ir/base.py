"""The base of every IR node, and `new`, the checker's fast constructor.

Consumes: nothing (plain data).
Produces: `Node` (frozen pydantic model, span kept out of equality and out
of `model_dump` unless asked for) and `new`. The node families live in
`types`, `exprs`, `stmts` and `decls`; `nodes` gathers them.
"""

from typing import Any, TypeVar

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
    obj = cls.__new__(cls)
    _set_dict(obj, {**defaults, **fields})
    _set_fields_set(obj, set(fields))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


# `BaseModel`'s slots, set directly (it is frozen: its own `__setattr__` refuses).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
