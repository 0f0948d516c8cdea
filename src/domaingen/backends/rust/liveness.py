"""Which reads of a local may move it instead of cloning it.

Consumes: a checked `ir.Function` body.
Produces: `movable(fn)`, the ids of `ir.Local` nodes whose value the Rust
emitter may move (`f(x)` instead of `f(x.clone())`). DSL values are
immutable, so moving and cloning give the same value; the only question is
whether Rust's borrow checker accepts the move. A read may move when

* it is the only read of that local in its statement's own expressions
  (no borrow of the same local can be alive beside it) — or it is the base
  of a `with` and the other reads are of `Copy` fields (`T { .., ..x }`
  moves only the fields it does not set; `x.level` stays readable), and
* the local is dead after that point: no later statement, nested block or
  (for loop bodies) next iteration reads it — liveness is computed
  backwards over the structured body, by name, which over-approximates
  (a same-named later binding only keeps a value alive longer), and
* it is not a local bound outside the loop the read is in;

or it is the one read of `x` in `x = f(x)` (the old value dies there).
"""

from __future__ import annotations

from typing import Any, assert_never

from ...ir import nodes as ir
from ...ir.walk import binders, walk
from .types import is_copy


def _reads(node: Any) -> list[ir.Local]:
    return [n for n in walk(node) if isinstance(n, ir.Local)]


def _partial_moves(exprs: list[Any]) -> tuple[set[int], set[int]]:
    """`with` bases that are locals, and reads `x.f` of a `Copy` field of a local.

    `T { f: v, ..x }` moves only the fields of `x` it does not set, and a
    `Copy` field is copied, not moved: `x.level` stays readable after it (in
    either order). So a `with` base may move even beside such reads of `x`.
    """
    bases: set[int] = set()
    copies: set[int] = set()
    for n in walk(tuple(exprs)):
        match n:
            case ir.With(obj=ir.Local() as base):
                bases.add(id(base))
            case ir.FieldGet(obj=ir.Local() as obj, type=t) if is_copy(t):
                copies.add(id(obj))
            case _:
                pass
    return bases, copies


def _bound(stmts: tuple[ir.Stmt, ...]) -> set[str]:
    """Names bound anywhere inside `stmts` (lets, loop variables, match bindings)."""
    return {name for n in walk(stmts) for name in binders(n)}


class _Liveness:
    def __init__(self) -> None:
        self.movable: set[int] = set()

    def own(self, exprs: list[Any], live: set[str], outer: set[str]) -> None:
        """Moves among a statement's own expressions, given what is live after them."""
        reads = _reads(tuple(exprs))
        bases, copies = _partial_moves(exprs)
        others: dict[str, list[ir.Local]] = {}
        for r in reads:
            if id(r) not in copies:
                others.setdefault(r.name, []).append(r)
        for r in reads:
            if r.name in live or r.name in outer:
                continue
            alone = len(others[r.name]) == 1 if id(r) in bases else sum(x.name == r.name for x in reads) == 1
            if alone:
                self.movable.add(id(r))

    def block(self, stmts: tuple[ir.Stmt, ...], live_after: set[str], outer: set[str]) -> set[str]:
        """Walks `stmts` backwards; returns the names live before them."""
        live = set(live_after)
        for s in reversed(stmts):
            live = self.stmt(s, live, outer)
        return live

    def loop(
        self, body: tuple[ir.Stmt, ...], heads: list[Any], live: set[str], outer: set[str], own_vars: set[str]
    ) -> set[str]:
        """A loop body; `heads` are evaluated every iteration (a `while` condition)."""
        inside = {r.name for r in _reads((body, tuple(heads)))}
        per_iteration = _bound(body) | own_vars
        from_outside = inside - per_iteration  # alive through every iteration
        self.block(body, live | from_outside, outer | from_outside)
        return live | from_outside

    def stmt(self, s: ir.Stmt, live: set[str], outer: set[str]) -> set[str]:  # noqa: C901 - one arm per IR kind
        match s:
            case ir.Let(name=name, value=value):
                after = live - {name}
                self.own([value], after, outer)
                return after | {r.name for r in _reads(value)}
            case ir.Assign(name=name, value=value):
                own = [r for r in _reads(value) if r.name == name]
                if len(own) == 1:
                    self.movable.add(id(own[0]))
                after = live - {name}
                self.own([value], after | {name}, outer)
                return after | {r.name for r in _reads(value)}
            case ir.If(cond=cond, then=then, else_=else_):
                before_then = self.block(then, live, outer)
                before_else = self.block(else_ or (), live, outer)
                branches = before_then | before_else
                self.own([cond], branches, outer)
                return branches | {r.name for r in _reads(cond)}
            case ir.While(cond=cond, body=body):
                return self.loop(body, [cond], live, outer, set())
            case ir.ForList(var=var, iterable=iterable, body=body):
                after_head = self.loop(body, [], live, outer, {var})
                self.own([iterable], after_head, outer)
                return after_head | {r.name for r in _reads(iterable)}
            case ir.ForMap(key=key, value=value, iterable=iterable, body=body):
                after_head = self.loop(body, [], live, outer, {key, value})
                self.own([iterable], after_head, outer)
                return after_head | {r.name for r in _reads(iterable)}
            case ir.ForRange(var=var, start=start, end=end, body=body):
                after_head = self.loop(body, [], live, outer, {var})
                self.own([start, end], after_head, outer)
                return after_head | {r.name for r in _reads((start, end))}
            case ir.Return(value=value) | ir.Fail(message=value):
                self.own([value], set(), outer)
                return {r.name for r in _reads(value)}
            case ir.Require(cond=cond, message=message):
                self.own([cond, message], live, outer)
                return live | {r.name for r in _reads((cond, message))}
            case ir.Break() | ir.Continue() | ir.Expect() | ir.ExpectError():
                return live
            case _:
                assert_never(s)


def movable(fn: ir.Function) -> frozenset[int]:
    analysis = _Liveness()
    analysis.block(fn.body, set(), set())
    return frozenset(analysis.movable)
