"""What compiled code needs from its surroundings: the `Host` protocol.

Consumes: nothing (interfaces and two small implementations).
Produces: `Host` — constant values, callable functions, enum members and
record/variant shapes, and the call recorder of test bodies — with
`ProgramHost` backed by a whole `ProgramIndex` (the interpreter) and
`ConstHost` for constant folding, where only the constants seen so far and
optionally the type declarations are known; `StepBudget`, an optional cap on
the loop iterations of one call (test-vector building only: a call over the
cap raises `StepLimit`, which is not a DSL error).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Protocol

from ..ir import nodes as ir
from .decls import Key, ProgramIndex
from .errors import DgError
from .values import EnumVal, Shape, Value

CompiledFn = Callable[[list[Value]], Value]


class NotConstant(Exception):
    """Raised while compiling or folding a `const` initialiser that cannot be folded."""


class StepLimit(Exception):
    """A call ran more loop iterations than its `StepBudget` allows (not a `DgError`)."""


class StepBudget:
    """Loop iterations left for the current call; `reset()` before each call.

    Deterministic, unlike a wall-clock limit: whether a call fits does not
    depend on the machine or its load. Every iteration of every loop
    (`while`, `for` over a list, a map or a range), in the called function
    and in everything it calls, costs one step.
    """

    __slots__ = ("limit", "left")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def reset(self) -> None:
        self.left = self.limit


class Host(Protocol):
    def const_value(self, module: str, name: str) -> Value: ...

    def function(self, module: str, name: str) -> CompiledFn: ...

    def enum_member(self, t: ir.Type, member: str) -> EnumVal: ...

    def declared_shape(self, t: ir.Type, variant: str | None) -> Shape:
        """The record's (variant is None) or the variant's shape in declaration order."""
        ...

    def literal_shape(self, t: ir.Type, variant: str | None, fields: tuple[ir.FieldValue, ...]) -> Shape:
        """The shape a literal with these written fields builds."""
        ...

    def record_call(
        self, module: str, function: str, args: list[Value], result: Value, error: DgError | None
    ) -> None: ...


class ProgramHost:
    """The host of the interpreter: every declaration is known."""

    def __init__(
        self, index: ProgramIndex, function: Callable[[str, str], CompiledFn], steps: StepBudget | None = None
    ) -> None:
        self.index = index
        self._function = function
        self.steps = steps
        self._consts: dict[Key, Value] = {}
        self.recorder: Callable[[str, str, list[Value], Value, DgError | None], None] | None = None

    def const_value(self, module: str, name: str) -> Value:
        key = (module, name)
        if key not in self._consts:
            from .compile_expr import evaluate_closed

            self._consts[key] = evaluate_closed(self.index.consts[key].value, self)
        return self._consts[key]

    def function(self, module: str, name: str) -> CompiledFn:
        return self._function(module, name)

    def enum_member(self, t: ir.Type, member: str) -> EnumVal:
        return self.index.member(t, member)

    def declared_shape(self, t: ir.Type, variant: str | None) -> Shape:
        return self.index.shape(t, variant)

    def literal_shape(self, t: ir.Type, variant: str | None, fields: tuple[ir.FieldValue, ...]) -> Shape:
        return self.declared_shape(t, variant)

    def record_call(
        self, module: str, function: str, args: list[Value], result: Value, error: DgError | None
    ) -> None:
        if self.recorder is not None:
            self.recorder(module, function, args, result, error)


class _ProvisionalEnumVal(EnumVal):
    """An enum member whose declaration index is unknown: ordering it is not constant-foldable."""

    __slots__ = ()

    def _no_order(self, other: Any) -> bool:
        raise NotConstant(f"ordering `{self.enum}` members needs the enum's declaration")

    __lt__ = __le__ = __gt__ = __ge__ = _no_order


class ConstHost:
    """The host of constant folding: no locals, no functions, constants by key.

    Without `decls`, enums, records and unions are still foldable where the
    declaration is not needed (records get their fields in name order);
    ordering enum members or matching union payloads then raises NotConstant.
    """

    def __init__(
        self,
        consts: Mapping[tuple[str, str], ir.Expr],
        decls: Mapping[tuple[str, str], ir.Enum | ir.Record | ir.Union_] | None,
    ) -> None:
        self._consts = consts
        self._decls = decls
        self._values: dict[Key, Value] = {}
        self._index: ProgramIndex | None = None
        if decls is not None:
            self._index = ProgramIndex()
            for (mod, _), decl in decls.items():
                self._index.add(mod, decl)

    def const_value(self, module: str, name: str) -> Value:
        key = (module, name)
        if key not in self._values:
            if key not in self._consts:
                raise NotConstant(f"constant `{module}.{name}` is not known (yet)")
            from .compile_expr import evaluate_closed

            self._values[key] = evaluate_closed(self._consts[key], self)
        return self._values[key]

    def function(self, module: str, name: str) -> CompiledFn:
        raise NotConstant(f"call of function `{name}`")

    def enum_member(self, t: ir.Type, member: str) -> EnumVal:
        if self._index is not None:
            return self._index.member(t, member)
        assert isinstance(t, ir.NamedType)
        return _ProvisionalEnumVal(t.module, t.name, -1, member)

    def declared_shape(self, t: ir.Type, variant: str | None) -> Shape:
        if self._index is not None:
            return self._index.shape(t, variant)
        raise NotConstant("matching a union payload needs the union's declaration")

    def literal_shape(self, t: ir.Type, variant: str | None, fields: tuple[ir.FieldValue, ...]) -> Shape:
        if self._index is not None:
            return self.declared_shape(t, variant)
        assert isinstance(t, ir.NamedType)
        ordered = sorted(fields, key=lambda f: f.name)
        return Shape(t.module, t.name, variant, tuple(f.name for f in ordered), tuple(f.value.type for f in ordered))

    def record_call(
        self, module: str, function: str, args: list[Value], result: Value, error: DgError | None
    ) -> None:
        raise NotConstant("function call")
