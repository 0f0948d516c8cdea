"""Value ranges of Int and Float expressions, to drop checks that cannot fail.

Consumes: checked IR expressions, the `Locals` of the function being emitted
(DSL local -> Python name) and the folded constants of `Symbols`.
Produces: `Ranges`, which the statement and expression emitters consult:
`span(e)` is a closed interval containing every value `e` can have, and
`plain(e)` says whether an `ir.Arith` provably succeeds (no Int overflow, no
zero divisor, a finite Float result), so that it may be written as Python's
own `a + b` instead of the checked `_rt.add(a, b)`.

The facts are intervals per Python local name, gathered forwards through a
function body by `StmtEmitter`: an assignment sets its target's interval,
a branch refines the locals its condition compares (`if level <= 1 { return
0 }` leaves `level >= 2` after it), `and`/`or`/`if … then … else` refine
their later operands, and a loop forgets every outer local its body assigns.
A name without a fact has its type's whole range: every Int value lies in
[-(2^53-1), 2^53-1] and every Float value is finite (LANGUAGE.md section 5:
each operation checks its result). A span is never empty: where facts
contradict each other (`if n > 4 and n < 1`) the code is unreachable, so
the facts are kept as they were instead of narrowed to nothing (an empty
span would divide by a zero bound or take the root of a negative one while
generating). Bounds are sound because Python's Int arithmetic is exact and
IEEE rounding is monotone: the rounded result of `a * b` for `a` in
[a0, a1], `b` in [b0, b1] lies between the rounded products of the
corners, which are computed here with the same floats.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Protocol

from ...ir import nodes as ir
from .symbols import Symbols

INT_MAX = 2**53 - 1
FLOAT_MAX = sys.float_info.max


@dataclass(frozen=True)
class Span:
    """A closed interval [lo, hi] of ints (for Int) or floats (for Float)."""

    lo: float
    hi: float


INT_SPAN = Span(-INT_MAX, INT_MAX)
FLOAT_SPAN = Span(-FLOAT_MAX, FLOAT_MAX)
# pow comes from the fdlibm port (error < 1 ulp); its bounds are widened far beyond that
_POW_SLACK = 1e-9

Facts = dict[str, Span]


class LocalsLike(Protocol):
    """What `Ranges` needs of `exprs.Locals`: DSL local name -> Python spelling."""

    def lookup(self, name: str) -> str: ...


def _whole(t: ir.Type) -> Span | None:
    if isinstance(t, ir.IntType):
        return INT_SPAN
    if isinstance(t, ir.FloatType):
        return FLOAT_SPAN
    return None


def _meet(a: Span, b: Span) -> Span | None:
    """The intersection; None when it is empty (the value cannot exist: the code is unreachable)."""
    met = Span(max(a.lo, b.lo), min(a.hi, b.hi))
    return met if met.lo <= met.hi else None


def _corners(a: Span, b: Span, op: str) -> Span | None:
    """Bounds of `a op b` computed in the operands' own arithmetic; None if a corner overflows."""
    try:
        if op == "+":
            values = [a.lo + b.lo, a.hi + b.hi]
        elif op == "-":
            values = [a.lo - b.hi, a.hi - b.lo]
        elif op == "*":
            values = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        else:  # "/" with a divisor of one sign
            values = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]
    except OverflowError:
        return None
    if any(math.isinf(v) or math.isnan(v) for v in values):
        return None
    return Span(min(values), max(values))


class Ranges:
    """Interval facts about the locals of one function, and the spans they imply."""

    def __init__(self, symbols: Symbols, locals_lookup: LocalsLike) -> None:
        self.symbols = symbols
        self.locals = locals_lookup
        self.facts: Facts = {}

    # --- facts ------------------------------------------------------------------------

    def snapshot(self) -> Facts:
        return dict(self.facts)

    def restore(self, facts: Facts) -> None:
        self.facts = dict(facts)

    @staticmethod
    def join(a: Facts, b: Facts) -> Facts:
        """What holds after either path: the hull of each name known on both."""
        return {n: Span(min(s.lo, b[n].lo), max(s.hi, b[n].hi)) for n, s in a.items() if n in b}

    def set(self, python_name: str, span: Span | None) -> None:
        if span is None or not python_name.isidentifier():
            self.facts.pop(python_name, None)
        else:
            self.facts[python_name] = span

    def forget(self, python_name: str) -> None:
        self.facts.pop(python_name, None)

    def refine(self, cond: ir.Expr, truth: bool) -> None:
        """Narrow the facts by `cond` having evaluated to `truth`."""
        match cond:
            case ir.Not(operand=operand):
                self.refine(operand, not truth)
            case ir.Logic(op=op, left=left, right=right):
                if (op == "and") == truth:  # both operands took the value `truth`
                    self.refine(left, truth)
                    self.refine(right, truth)
            case ir.Compare(op=op, left=left, right=right):
                holds: str = op if truth else {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}[op]
                self._narrow(left, holds, right)
                self._narrow(right, {"<": ">", "<=": ">=", ">": "<", ">=": "<="}[holds], left)
            case ir.Equal(negate=negate, left=left, right=right):
                if truth != negate:
                    self._narrow(left, "==", right)
                    self._narrow(right, "==", left)
            case _:
                pass

    def _narrow(self, subject: ir.Expr, op: str, other: ir.Expr) -> None:
        if not isinstance(subject, ir.Local):
            return
        span, bound = self.span(subject), self.span(other)
        if span is None or bound is None:
            return
        step = 1 if isinstance(subject.type, ir.IntType) else 0  # Floats: `<` kept as `<=`
        if op == "<":
            span = Span(span.lo, min(span.hi, bound.hi - step))
        elif op == "<=":
            span = Span(span.lo, min(span.hi, bound.hi))
        elif op == ">":
            span = Span(max(span.lo, bound.lo + step), span.hi)
        elif op == ">=":
            span = Span(max(span.lo, bound.lo), span.hi)
        else:
            span = _meet(span, bound) or span
        if span.lo > span.hi:  # contradictory facts: unreachable code, where keeping the old facts is sound
            return
        self.set(self.locals.lookup(subject.name), span)

    # --- spans ------------------------------------------------------------------------

    def span(self, e: ir.Expr) -> Span | None:  # noqa: C901 - one arm per numeric form
        """An interval holding every value of `e`; None when `e` is not an Int or Float."""
        whole = _whole(e.type)
        if whole is None:
            return None
        match e:
            case ir.IntLit(value=v):
                return Span(v, v)
            case ir.FloatLit(value=v):
                return Span(v, v)
            case ir.Local(name=name):
                try:
                    return self.facts.get(self.locals.lookup(name), whole)
                except KeyError:
                    return whole
            case ir.ConstRef(module=module, name=name):
                const = self.symbols.consts.get((module, name))
                return self.span(const.value) if const is not None else whole
            case ir.Neg(operand=operand):
                s = self.span(operand) or whole
                return Span(-s.hi, -s.lo)
            case ir.Arith():
                raw = self.raw(e)
                return (_meet(raw, whole) if raw is not None else None) or whole
            case ir.CallBuiltin(builtin=name, args=args):
                return self.builtin(name, args, whole)
            case _:
                return whole

    def raw(self, e: ir.Arith) -> Span | None:
        """Bounds of the unchecked result of `e`; None when it may fail or be unbounded."""
        a, b = self.span(e.left), self.span(e.right)
        if a is None or b is None:
            return None
        if e.op in ("+", "-", "*"):
            return _corners(a, b, e.op)
        if b.lo <= 0 <= b.hi:  # the divisor may be zero
            return None
        if isinstance(e.type, ir.FloatType):
            return _corners(a, b, "/")
        if a.lo < 0 or b.lo < 0:  # only non-negative Ints: truncation is Python's floor
            return None
        if e.op == "/":
            return Span(a.lo // b.hi, a.hi // b.lo)
        return Span(0, min(a.hi, b.hi - 1))

    def plain(self, e: ir.Arith) -> bool:
        """True when `e` cannot fail, so Python's own operator gives its exact result."""
        raw = self.raw(e)
        if raw is None:
            return False
        limit = INT_MAX if isinstance(e.type, ir.IntType) else FLOAT_MAX
        return -limit <= raw.lo and raw.hi <= limit

    def builtin(self, name: str, args: tuple[ir.Expr, ...], whole: Span) -> Span:
        spans = [self.span(a) for a in args]
        if name == "len":
            return Span(0, INT_MAX)
        if name == "float" and spans[0] is not None:
            return Span(float(spans[0].lo), float(spans[0].hi))
        if name == "abs" and spans[0] is not None:
            s = spans[0]
            return Span(0 if s.lo <= 0 <= s.hi else min(abs(s.lo), abs(s.hi)), max(abs(s.lo), abs(s.hi)))
        if name in ("min", "max") and spans[0] is not None and spans[1] is not None:
            pick = min if name == "min" else max
            return Span(pick(spans[0].lo, spans[1].lo), pick(spans[0].hi, spans[1].hi))
        if name == "sqrt" and spans[0] is not None and spans[0].lo >= 0:
            return Span(math.sqrt(spans[0].lo), math.sqrt(spans[0].hi))
        if name == "pow" and isinstance(whole.hi, float) and spans[0] is not None:
            return self.pow(spans[0], self.constant(args[1])) or whole
        return whole

    def constant(self, e: ir.Expr) -> float | None:
        """The value of a Float literal or constant, else None."""
        if isinstance(e, ir.ConstRef):
            const = self.symbols.consts.get((e.module, e.name))
            return self.constant(const.value) if const is not None else None
        if isinstance(e, ir.Neg):
            inner = self.constant(e.operand)
            return -inner if inner is not None else None
        return e.value if isinstance(e, ir.FloatLit) else None

    @staticmethod
    def pow(base: Span, y: float | None) -> Span | None:
        """`pow(x, y)` for x >= 0 and a constant y > 0: increasing in x, so bounded by the ends."""
        if y is None or y <= 0 or base.lo < 0:
            return None
        try:
            top = math.pow(base.hi, y)
        except OverflowError:
            return None
        return Span(0.0, top * (1 + _POW_SLACK) + sys.float_info.min)
