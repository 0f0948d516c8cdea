"""IR expressions -> Python closures (the reference interpreter's fast path).

Consumes: checked IR expressions (`ir.Expr`), a `Host` (constants,
functions, declarations) and a `Scope` (local name -> slot).
Produces: closures `env -> value`, where `env` is the list of a call's local
slots. Each IR node is compiled once; running a closure evaluates the node
with the semantics of LANGUAGE.md section 5:

* strictly left to right: operands, call arguments, list items, map entries
  (key then value, entry by entry), record/variant fields in the order
  written, `with` the object first and then the updates as written;
* lazily only for `and`/`or` (right operand), `??` (right operand),
  `if … then … else` (untaken branch) and `match` (untaken arms);
* the first `DgError` raised wins (it simply propagates).

Map literals with duplicate keys are a check error; at run time a later
entry with an equal (computed) key replaces the earlier one.

Speed: operands that are plain locals or constants are
read inline by the closure of their operator instead of through closures of
their own (`_operand`), and a `var` list that is only grown by
`xs = append(xs, item)` may hold a private, mutable `Growing` list between
reads (`compile_stmt`): every read of such a name goes through `_growing`,
which freezes it back into a tuple, so programs only ever see tuples.
"""

from __future__ import annotations

import operator
from typing import Any, Callable, assert_never

from ..ir import nodes as ir
from . import containers, floats, ints, strings
from .builtins import lookup
from .errors import DgError
from .host import Host, NotConstant
from .values import RecordVal, Value, VariantVal

Env = list[Any]
ExprFn = Callable[[Env], Any]

# Kinds of operand (`ExprCompiler._operand`)
_SLOT, _CONST, _FN = 0, 1, 2


class Growing(list):  # type: ignore[type-arg]
    """A list value under construction, owned by one local slot (see the module docstring)."""

    __slots__ = ()


def _growing(slot: int) -> ExprFn:
    """Read a slot that may hold a `Growing` list: freeze it to a tuple first."""

    def read(env: Env) -> Any:
        value = env[slot]
        if type(value) is Growing:
            value = env[slot] = tuple(value)
        return value

    return read

_INT_OPS: dict[str, Callable[[int, int], int]] = {
    "+": ints.add,
    "-": ints.sub,
    "*": ints.mul,
    "/": ints.div,
    "%": ints.rem,
}
_FLOAT_OPS: dict[str, Callable[[float, float], float]] = {
    "+": floats.add,
    "-": floats.sub,
    "*": floats.mul,
    "/": floats.div,
}
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


class Scope:
    """Lexical scopes of one function or test body, mapping names to env slots.

    Slot 0 holds the return value; every binding gets a fresh slot, so
    shadowing (which the checker forbids anyway) could not corrupt values.
    """

    def __init__(self) -> None:
        self.frames: list[dict[str, int]] = [{}]
        self.size = 1

    def push(self) -> None:
        self.frames.append({})

    def pop(self) -> None:
        self.frames.pop()

    def bind(self, name: str) -> int:
        slot = self.size
        self.size += 1
        self.frames[-1][name] = slot
        return slot

    def lookup(self, name: str) -> int:
        for frame in reversed(self.frames):
            if name in frame:
                return frame[name]
        raise NotConstant(f"`{name}` is not a constant")


def _const(value: Any) -> ExprFn:
    return lambda env: value


class ExprCompiler:
    """Compiles expressions; `record_calls` is set for test bodies (test vectors)."""

    def __init__(self, host: Host, scope: Scope, record_calls: bool = False) -> None:
        self.host = host
        self.scope = scope
        self.record_calls = record_calls
        # Names whose slots may hold a `Growing` list (set by `StmtCompiler.body`).
        self.growing: frozenset[str] = frozenset()

    def expr(self, e: ir.Expr) -> ExprFn:  # noqa: C901 - one arm per IR kind
        match e:
            case ir.IntLit(value=v) | ir.FloatLit(value=v) | ir.StringLit(value=v) | ir.BoolLit(value=v):
                return _const(v)
            case ir.NoneLit():
                return _const(None)
            case ir.Local(name=name):
                slot = self.scope.lookup(name)
                if name in self.growing:
                    return _growing(slot)
                return lambda env: env[slot]
            case ir.ConstRef(module=module, name=name):
                return _const(self.host.const_value(module, name))
            case ir.EnumValue(type=t, member=member):
                return _const(self.host.enum_member(t, member))
            case ir.ListLit(items=items):
                return self._list(items)
            case ir.MapLit(entries=entries):
                return self._map(entries)
            case ir.RecordLit(type=t, fields=fields):
                shape = self.host.literal_shape(t, None, fields)
                build = self._fields(shape.index, fields, len(shape.fields))
                return lambda env: RecordVal(shape, build(env))
            case ir.VariantLit(type=t, variant=variant, fields=fields):
                vshape = self.host.literal_shape(t, variant, fields)
                vbuild = self._fields(vshape.index, fields, len(vshape.fields))
                return lambda env: VariantVal(vshape, vbuild(env))
            case ir.FieldGet(obj=obj, field=field):
                get_obj = self.expr(obj)

                def field_get(env: Env) -> Any:
                    value = get_obj(env)  # a RecordVal; `.get` inlined
                    return value.values[value.shape.index[field]]

                return field_get
            case ir.ListIndex(obj=obj, index=index):
                return self._call2(containers.list_index, obj, index)
            case ir.MapIndex(obj=obj, key=key):
                return self._call2(containers.map_index, obj, key)
            case ir.With(obj=obj, updates=updates):
                return self._with(obj, updates)
            case ir.Neg(type=t, operand=operand):
                neg: Callable[[Any], Any] = ints.neg if isinstance(t, ir.IntType) else floats.neg
                arg = self.expr(operand)
                return lambda env: neg(arg(env))
            case ir.Not(operand=operand):
                arg = self.expr(operand)
                return lambda env: not arg(env)
            case ir.Arith(type=t, op=op, left=left, right=right):
                if isinstance(t, ir.IntType):
                    return self._call2(_INT_OPS[op], left, right)
                if op == "%":
                    raise ValueError("`%` is defined for Int only")
                return self._call2(_FLOAT_OPS[op], left, right)
            case ir.Concat(left=left, right=right):
                return self._call2(strings.concat, left, right)
            case ir.Compare(op=op, left=left, right=right):
                return self._call2(_COMPARE[op], left, right)
            case ir.Equal(negate=negate, left=left, right=right):
                return self._call2(operator.ne if negate else operator.eq, left, right)
            case ir.Logic(op=op, left=left, right=right):
                return self._logic(op, left, right)
            case ir.Coalesce(left=left, right=right):
                lhs, rhs = self.expr(left), self.expr(right)

                def coalesce(env: Env) -> Any:
                    value = lhs(env)
                    return rhs(env) if value is None else value

                return coalesce
            case ir.Cond(cond=cond, then=then, else_=else_):
                test, yes, no = self.expr(cond), self.expr(then), self.expr(else_)
                return lambda env: yes(env) if test(env) else no(env)
            case ir.CallFn(module=module, function=function, args=args):
                return self._call_fn(module, function, args)
            case ir.CallBuiltin(builtin=builtin, overload=overload, args=args):
                return self._call_builtin(builtin, overload, args)
            case ir.SomeWrap(value=value):
                return self.expr(value)
            case ir.MatchEnum(scrutinee=scrutinee, arms=arms, default=default):
                return self._match_enum(scrutinee, arms, default)
            case ir.MatchUnion(scrutinee=scrutinee, arms=uarms, default=default):
                return self._match_union(scrutinee, uarms, default)
            case ir.MatchOptional(scrutinee=scrutinee, binding=binding, some_body=some_body, none_body=none_body):
                return self._match_optional(scrutinee, binding, some_body, none_body)
            case _:
                assert_never(e)

    # --- helpers -------------------------------------------------------------

    def _operand(self, e: ir.Expr) -> tuple[int, Any]:
        """`(_SLOT, slot)` for a plain local, `(_CONST, value)` for a literal or
        constant (evaluated now, as `expr` does), else `(_FN, closure)`."""
        match e:
            case ir.Local(name=name) if name not in self.growing:
                return _SLOT, self.scope.lookup(name)
            case ir.IntLit(value=v) | ir.FloatLit(value=v) | ir.StringLit(value=v) | ir.BoolLit(value=v):
                return _CONST, v
            case ir.ConstRef(module=module, name=name):
                return _CONST, self.host.const_value(module, name)
        return _FN, self.expr(e)

    def _call1(self, fn: Callable[[Any], Any], arg: ir.Expr) -> ExprFn:
        kind, a = self._operand(arg)
        if kind == _SLOT:
            return lambda env: fn(env[a])
        get = a if kind == _FN else _const(a)
        return lambda env: fn(get(env))

    def _call2(self, fn: Callable[[Any, Any], Any], left: ir.Expr, right: ir.Expr) -> ExprFn:
        """`fn(left, right)`, operands left to right; locals and constants read inline."""
        (lk, a), (rk, b) = self._operand(left), self._operand(right)
        if lk == _SLOT:
            if rk == _SLOT:
                return lambda env: fn(env[a], env[b])
            if rk == _CONST:
                return lambda env: fn(env[a], b)
            return lambda env: fn(env[a], b(env))
        if lk == _FN:
            if rk == _SLOT:
                return lambda env: fn(a(env), env[b])
            if rk == _CONST:
                return lambda env: fn(a(env), b)
        elif rk == _SLOT:
            return lambda env: fn(a, env[b])
        elif rk == _FN:
            return lambda env: fn(a, b(env))
        lhs = a if lk == _FN else _const(a)
        rhs = b if rk == _FN else _const(b)
        return lambda env: fn(lhs(env), rhs(env))

    def _list(self, items: tuple[ir.Expr, ...]) -> ExprFn:
        fns = [self.expr(item) for item in items]
        return lambda env: tuple([fn(env) for fn in fns])

    def _map(self, entries: tuple[ir.MapEntry, ...]) -> ExprFn:
        pairs = [(self.expr(entry.key), self.expr(entry.value)) for entry in entries]

        def build(env: Env) -> dict[Any, Value]:
            out: dict[Any, Value] = {}
            for key_fn, value_fn in pairs:
                key = key_fn(env)
                out[key] = value_fn(env)
            return out

        return build

    def _fields(
        self, index: dict[str, int], fields: tuple[ir.FieldValue, ...], size: int
    ) -> Callable[[Env], tuple[Value, ...]]:
        """Evaluate fields in written order into declaration-order slots."""
        plan = [(index[f.name], self.expr(f.value)) for f in fields]
        if [slot for slot, _ in plan] == list(range(size)):
            fns = [fn for _, fn in plan]
            return lambda env: tuple([fn(env) for fn in fns])

        def build(env: Env) -> tuple[Value, ...]:
            out: list[Value] = [None] * size
            for slot, fn in plan:
                out[slot] = fn(env)
            return tuple(out)

        return build

    def _with(self, obj: ir.Expr, updates: tuple[ir.FieldValue, ...]) -> ExprFn:
        get_obj = self.expr(obj)
        plan = [(u.name, self.expr(u.value)) for u in updates]

        def update(env: Env) -> RecordVal:
            record: RecordVal = get_obj(env)
            values = list(record.values)
            index = record.shape.index
            for name, fn in plan:
                values[index[name]] = fn(env)
            return RecordVal(record.shape, tuple(values))

        return update

    def _logic(self, op: str, left: ir.Expr, right: ir.Expr) -> ExprFn:
        lhs, rhs = self.expr(left), self.expr(right)
        if op == "and":
            return lambda env: lhs(env) and rhs(env)
        return lambda env: lhs(env) or rhs(env)

    def _call_fn(self, module: str, function: str, args: tuple[ir.Expr, ...]) -> ExprFn:
        host = self.host
        target = host.function(module, function)
        fns = [self.expr(a) for a in args]
        if not self.record_calls:
            if len(fns) == 1:
                (a,) = fns
                return lambda env: target([a(env)])
            if len(fns) == 2:
                a, b = fns
                return lambda env: target([a(env), b(env)])
            return lambda env: target([fn(env) for fn in fns])

        def recorded(env: Env) -> Value:
            values = [fn(env) for fn in fns]
            try:
                result = target(values)
            except DgError as err:
                host.record_call(module, function, values, None, err)
                raise
            host.record_call(module, function, values, result, None)
            return result

        return recorded

    def _call_builtin(self, builtin: str, overload: str, args: tuple[ir.Expr, ...]) -> ExprFn:
        fn = lookup(builtin, overload)
        if len(args) == 1:
            return self._call1(fn, args[0])
        if len(args) == 2:
            return self._call2(fn, args[0], args[1])
        fns = [self.expr(a) for a in args]
        if len(fns) == 3:
            a, b, c = fns
            return lambda env: fn(a(env), b(env), c(env))
        return lambda env: fn(*[f(env) for f in fns])

    def _match_enum(self, scrutinee: ir.Expr, arms: tuple[ir.EnumArm, ...], default: ir.Expr | None) -> ExprFn:
        get = self.expr(scrutinee)
        table: dict[str, ExprFn] = {}
        for arm in arms:
            body = self.expr(arm.body)
            for member in arm.members:
                table.setdefault(member, body)
        otherwise = self.expr(default) if default is not None else None

        def match(env: Env) -> Any:
            body = table.get(get(env).member, otherwise)
            assert body is not None, "non-exhaustive enum match"
            return body(env)

        return match

    def _match_union(self, scrutinee: ir.Expr, arms: tuple[ir.UnionArm, ...], default: ir.Expr | None) -> ExprFn:
        get = self.expr(scrutinee)
        table: dict[str, tuple[list[tuple[int, int]], ExprFn]] = {}
        for arm in arms:
            self.scope.push()
            binds: list[tuple[int, int]] = []
            if any(b is not None for b in arm.bindings):
                shape = self.host.declared_shape(scrutinee.type, arm.variant)
                assert len(arm.bindings) <= len(shape.fields), (arm.variant, arm.bindings)
                for position, name in enumerate(arm.bindings):
                    if name is not None:
                        binds.append((position, self.scope.bind(name)))
            body = self.expr(arm.body)
            self.scope.pop()
            table.setdefault(arm.variant, (binds, body))
        otherwise = self.expr(default) if default is not None else None

        def match(env: Env) -> Any:
            value: VariantVal = get(env)
            found = table.get(value.variant)
            if found is None:
                assert otherwise is not None, "non-exhaustive union match"
                return otherwise(env)
            binds, body = found
            for position, slot in binds:
                env[slot] = value.values[position]
            return body(env)

        return match

    def _match_optional(
        self, scrutinee: ir.Expr, binding: str | None, some_body: ir.Expr, none_body: ir.Expr
    ) -> ExprFn:
        get = self.expr(scrutinee)
        self.scope.push()
        slot = self.scope.bind(binding) if binding is not None else 0
        some = self.expr(some_body)
        self.scope.pop()
        none = self.expr(none_body)

        def match(env: Env) -> Any:
            value = get(env)
            if value is None:
                return none(env)
            if binding is not None:
                env[slot] = value
            return some(env)

        return match


def evaluate_closed(e: ir.Expr, host: Host) -> Value:
    """Evaluate an expression with no locals (constants); raises DgError or NotConstant."""
    scope = Scope()
    fn = ExprCompiler(host, scope).expr(e)
    result: Value = fn([None] * scope.size)
    return result
