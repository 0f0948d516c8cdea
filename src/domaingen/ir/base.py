"""The base of every IR node, `new` (the checker's fast constructor) and `replace`.

Consumes: nothing (plain data).
Produces: `Node`, a frozen plain class whose subclasses declare their fields
as annotations (like a dataclass); `Tagged`, the marker that makes a union
of nodes a closed union discriminated by a field (`kind`); `new` and
`replace`. The node families live in `types`, `exprs`, `stmts` and
`decls`; `nodes` gathers them.

Why not pydantic models at run time: importing pydantic and building ~70
model classes costs ~170 ms on every `domaingen check`, over a third of
its start-up budget. The published IR (JSON document, JSON Schema and
validation of IR documents) is still pydantic: `export` builds one
pydantic model per node class from these declarations, only when a command
needs it (docs/architecture.md, "The IR").
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from ..source import Span

IR_VERSION = 1


class Tagged:
    """`Annotated[Union[...], Tagged("kind")]`: a closed union discriminated by `kind`."""

    __slots__ = ("field",)

    def __init__(self, field: str) -> None:
        self.field = field

    def __repr__(self) -> str:
        return f"Tagged({self.field!r})"


class Node:
    """Base of every IR node: frozen, closed, span kept out of equality.

    Fields are the class's annotations (the base's `span` first, then each
    class's in declaration order); a class attribute of the same name is
    the default. Instances compare and hash by every field but `span`.
    """

    # Filled in for each subclass by `__init_subclass__`.
    field_names: ClassVar[tuple[str, ...]] = ("span",)
    defaults: ClassVar[dict[str, Any]] = {"span": None}

    span: Span | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: list[str] = []
        defaults: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            for name, annotation in klass.__dict__.get("__annotations__", {}).items():
                if name.startswith("_") or "ClassVar" in str(annotation) or name in ("field_names", "defaults"):
                    continue
                if name not in names:
                    names.append(name)
                if name in klass.__dict__:
                    defaults[name] = klass.__dict__[name]
        cls.field_names = tuple(names)
        cls.defaults = defaults

    def __init__(self, **fields: Any) -> None:
        """Keyword construction with checks (tests and tools; the checker uses `new`)."""
        cls = type(self)
        unknown = sorted(set(fields) - set(cls.field_names))
        missing = [name for name in cls.field_names if name not in fields and name not in cls.defaults]
        if unknown or missing:
            raise TypeError(f"{cls.__name__}: unknown fields {unknown}, missing fields {missing}")
        values = {**cls.defaults, **fields}
        for name, value in values.items():
            if isinstance(value, list):  # sequences are tuples in the IR
                values[name] = tuple(value)
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(self) is not type(other):
            return False
        mine, theirs = self.__dict__, other.__dict__
        return all(mine[f] == theirs[f] for f in type(self).field_names if f != "span")

    def __hash__(self) -> int:
        values = self.__dict__
        return hash(tuple(values[f] for f in type(self).field_names if f != "span"))

    def __repr__(self) -> str:
        values = self.__dict__
        shown = ", ".join(f"{f}={values[f]!r}" for f in type(self).field_names if f != "span")
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), dict(self.__dict__)))


def _rebuild(cls: type[N], values: dict[str, Any]) -> N:
    obj = cls.__new__(cls)
    obj.__dict__.update(values)
    return obj


N = TypeVar("N", bound=Node)


def new(cls: type[N], **fields: Any) -> N:
    """Build a node without checks (the checker's inputs are already checked).

    Fields left out take their defaults (`kind`, `span`, `doc`).
    """
    obj = cls.__new__(cls)
    values = obj.__dict__
    values.update(cls.defaults)
    values.update(fields)
    return obj


def replace(node: N, **changes: Any) -> N:
    """A copy of `node` with some fields changed (the nodes are frozen)."""
    obj = type(node).__new__(type(node))
    values = obj.__dict__
    values.update(node.__dict__)
    values.update(changes)
    return obj
