"""IR statements -> Python closures, on top of `compile_expr`.

Consumes: checked IR statement blocks of functions and tests.
Produces: closures `env -> control code` (`NORMAL`, `BREAK`, `CONTINUE`,
`RETURN`; a returned value is left in slot 0 of `env`). Loops follow
LANGUAGE.md: `for x in list` and `for k, v in map` evaluate the collection
once (maps in ascending key order); `for i in a..b` evaluates `a`, then
`b`, once, and runs i = a, a+1, …, b-1. `require c, m` evaluates `m` only
when `c` is false. When the host has a `StepBudget`, every loop iteration
costs one step, charged before the body runs; otherwise loops run unmetered.
`expect`/`expect_error` (tests only) raise `ExpectFailed` with a
human-readable report.

`xs = append(xs, item)` on a local list (`body` finds these names first)
appends in place to a `Growing` list the slot owns, so building a list in a
loop is linear rather than quadratic; reads of the name freeze it back into
a tuple (`compile_expr`). Nothing else can tell the difference: reading a
local has no effects, so evaluating `item` first changes nothing, and an
error in `item` leaves `xs` as it was.
"""

from __future__ import annotations

from typing import Any, Callable, assert_never

from ..ir import nodes as ir
from . import containers
from .builtins import lookup
from .compile_expr import _COMPARE, Env, ExprCompiler, ExprFn, Growing
from .errors import DgError
from .host import StepBudget, StepLimit
from .values import display

StmtFn = Callable[[Env], int]

NORMAL, BREAK, CONTINUE, RETURN = 0, 1, 2, 3


class ExpectFailed(Exception):
    """An `expect` or `expect_error` in a test did not hold; `args[0]` says why."""


def _normal(env: Env) -> int:
    return NORMAL


class _Unmetered:
    """A budget that never runs out (hosts without a `StepBudget`)."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = float("inf")


def _self_append(name: str, value: ir.Expr) -> ir.Expr | None:
    """The item of `name = append(name, item)`, else None."""
    if (
        isinstance(value, ir.CallBuiltin)
        and value.builtin == "append"
        and len(value.args) == 2
        and isinstance(value.args[0], ir.Local)
        and value.args[0].name == name
        and lookup(value.builtin, value.overload) is containers.append
    ):
        return value.args[1]
    return None


def _self_appended(stmts: tuple[ir.Stmt, ...], out: set[str]) -> set[str]:
    """Names assigned `name = append(name, item)` anywhere in `stmts` (nested blocks too)."""
    for s in stmts:
        match s:
            case ir.Assign(name=name, value=value):
                if _self_append(name, value) is not None:
                    out.add(name)
            case ir.If(then=then, else_=else_):
                _self_appended(then, out)
                _self_appended(else_ or (), out)
            case ir.While(body=body) | ir.ForList(body=body) | ir.ForMap(body=body) | ir.ForRange(body=body):
                _self_appended(body, out)
    return out


class StmtCompiler(ExprCompiler):
    def body(self, stmts: tuple[ir.Stmt, ...]) -> StmtFn:
        """A whole function or test body (finds the names that may hold a `Growing` list first)."""
        self.growing = frozenset(_self_appended(stmts, set()))
        return self.block(stmts)

    def block(self, stmts: tuple[ir.Stmt, ...]) -> StmtFn:
        self.scope.push()
        fns = [self.stmt(s) for s in stmts]
        self.scope.pop()
        if not fns:
            return _normal
        if len(fns) == 1:
            return fns[0]
        # The first non-zero code wins (NORMAL is 0): `a(env) or b(env)` is the loop below, unrolled.
        if len(fns) == 2:
            a, b = fns
            return lambda env: a(env) or b(env)
        if len(fns) == 3:
            a, b, c = fns
            return lambda env: a(env) or b(env) or c(env)

        def run(env: Env) -> int:
            for fn in fns:
                code = fn(env)
                if code:
                    return code
            return NORMAL

        return run

    def stmt(self, s: ir.Stmt) -> StmtFn:  # noqa: C901 - one arm per IR kind
        match s:
            case ir.Let(name=name, value=value):
                get = self.expr(value)  # the initialiser cannot see the new name
                slot = self.scope.bind(name)

                def let(env: Env) -> int:
                    env[slot] = get(env)
                    return NORMAL

                return let
            case ir.Assign(name=name, value=value):
                item = _self_append(name, value) if name in self.growing else None
                if item is not None:
                    return self._append_in_place(self.scope.lookup(name), item)
                get = self.expr(value)
                slot = self.scope.lookup(name)

                def assign(env: Env) -> int:
                    env[slot] = get(env)
                    return NORMAL

                return assign
            case ir.If(cond=cond, then=then, else_=else_):
                test = self.expr(cond)
                yes = self.block(then)
                no = self.block(else_) if else_ is not None else _normal
                return lambda env: yes(env) if test(env) else no(env)
            case ir.While(cond=cond, body=body):
                return self._while(cond, body)
            case ir.ForList(var=var, iterable=iterable, body=body):
                return self._for_list(var, iterable, body)
            case ir.ForMap(key=key, value=value, iterable=iterable, body=body):
                return self._for_map(key, value, iterable, body)
            case ir.ForRange(var=var, start=start, end=end, body=body):
                return self._for_range(var, start, end, body)
            case ir.Break():
                return lambda env: BREAK
            case ir.Continue():
                return lambda env: CONTINUE
            case ir.Return(value=value):
                get = self.expr(value)

                def ret(env: Env) -> int:
                    env[0] = get(env)
                    return RETURN

                return ret
            case ir.Require(cond=cond, message=message):
                test, text = self.expr(cond), self.expr(message)

                def require(env: Env) -> int:
                    if not test(env):
                        raise DgError("DomainError", text(env))
                    return NORMAL

                return require
            case ir.Fail(message=message):
                text = self.expr(message)

                def fail(env: Env) -> int:
                    raise DgError("DomainError", text(env))

                return fail
            case ir.Expect():
                return self._expect(s)
            case ir.ExpectError():
                return self._expect_error(s)
            case _:
                assert_never(s)

    def _append_in_place(self, slot: int, item: ir.Expr) -> StmtFn:
        get = self.expr(item)

        def append(env: Env) -> int:
            value = get(env)
            xs = env[slot]
            if type(xs) is Growing:
                xs.append(value)
            else:
                grown = env[slot] = Growing(xs)
                grown.append(value)
            return NORMAL

        return append

    # --- loops ---------------------------------------------------------------
    # Each loop charges its step inline: `steps.left -= 1`, then StepLimit below 0.

    def _steps(self) -> StepBudget | _Unmetered:
        steps = getattr(self.host, "steps", None)
        return _Unmetered() if steps is None else steps

    def _loop_body(self, names: tuple[str, ...], body: tuple[ir.Stmt, ...]) -> tuple[list[int], StmtFn]:
        self.scope.push()
        slots = [self.scope.bind(n) for n in names]
        run = self.block(body)
        self.scope.pop()
        return slots, run

    def _while(self, cond: ir.Expr, body: tuple[ir.Stmt, ...]) -> StmtFn:
        test = self.expr(cond)
        run = self.block(body)
        steps = self._steps()

        def loop(env: Env) -> int:
            while test(env):
                steps.left -= 1
                if steps.left < 0:
                    raise StepLimit()
                code = run(env)
                if code == BREAK:
                    break
                if code == RETURN:
                    return RETURN
            return NORMAL

        return loop

    def _for_list(self, var: str, iterable: ir.Expr, body: tuple[ir.Stmt, ...]) -> StmtFn:
        get = self.expr(iterable)
        (slot,), run = self._loop_body((var,), body)
        steps = self._steps()

        def loop(env: Env) -> int:
            for item in get(env):
                env[slot] = item
                steps.left -= 1
                if steps.left < 0:
                    raise StepLimit()
                code = run(env)
                if code == BREAK:
                    break
                if code == RETURN:
                    return RETURN
            return NORMAL

        return loop

    def _for_map(self, key: str, value: str, iterable: ir.Expr, body: tuple[ir.Stmt, ...]) -> StmtFn:
        get = self.expr(iterable)
        (kslot, vslot), run = self._loop_body((key, value), body)
        steps = self._steps()

        def loop(env: Env) -> int:
            mapping: dict[Any, Any] = get(env)
            for k in sorted(mapping):
                env[kslot] = k
                env[vslot] = mapping[k]
                steps.left -= 1
                if steps.left < 0:
                    raise StepLimit()
                code = run(env)
                if code == BREAK:
                    break
                if code == RETURN:
                    return RETURN
            return NORMAL

        return loop

    def _for_range(self, var: str, start: ir.Expr, end: ir.Expr, body: tuple[ir.Stmt, ...]) -> StmtFn:
        get_start, get_end = self.expr(start), self.expr(end)
        (slot,), run = self._loop_body((var,), body)
        steps = self._steps()

        def loop(env: Env) -> int:
            first = get_start(env)
            last = get_end(env)
            for i in range(first, last):
                env[slot] = i
                steps.left -= 1
                if steps.left < 0:
                    raise StepLimit()
                code = run(env)
                if code == BREAK:
                    break
                if code == RETURN:
                    return RETURN
            return NORMAL

        return loop

    # --- tests ---------------------------------------------------------------

    def _expect(self, s: ir.Expect) -> StmtFn:
        text = s.text
        note = self.expr(s.message) if s.message is not None else None

        def report(env: Env, detail: str) -> ExpectFailed:
            suffix = f" ({note(env)})" if note is not None else ""
            return ExpectFailed(f"expect {text}: {detail}{suffix}")

        cond = s.cond
        if isinstance(cond, (ir.Equal, ir.Compare)):
            lhs, rhs = self.expr(cond.left), self.expr(cond.right)
            if isinstance(cond, ir.Equal):
                holds: Callable[[Any, Any], bool] = (lambda a, b: a != b) if cond.negate else (lambda a, b: a == b)
            else:
                holds = _COMPARE[cond.op]

            def expect_sides(env: Env) -> int:
                left, right = lhs(env), rhs(env)
                if not holds(left, right):
                    raise report(env, f"left is {display(left)}, right is {display(right)}")
                return NORMAL

            return expect_sides

        test: ExprFn = self.expr(cond)

        def expect(env: Env) -> int:
            if not test(env):
                raise report(env, "is false")
            return NORMAL

        return expect

    def _expect_error(self, s: ir.ExpectError) -> StmtFn:
        call = self.expr(s.call)
        want_kind = s.error_kind
        want_message = self.expr(s.message) if s.message is not None else None
        text = s.text

        def expect_error(env: Env) -> int:
            try:
                value = call(env)
            except DgError as err:
                message = want_message(env) if want_message is not None else None
                wrong_kind = want_kind is not None and err.kind != want_kind
                wrong_message = message is not None and (err.kind != "DomainError" or err.message != message)
                if wrong_kind or wrong_message:
                    want = want_kind or ("DomainError" if message is not None else "an error")
                    if message is not None:
                        want += f" {display(message)}"
                    raise ExpectFailed(
                        f"expect_error {text}: expected {want}, got {err.kind} {display(err.message)}"
                    ) from None
                return NORMAL
            raise ExpectFailed(f"expect_error {text}: expected an error, but it returned {display(value)}")

        return expect_error
