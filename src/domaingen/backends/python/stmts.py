"""IR statements -> Python statement lines, with function-level local naming.

Consumes: a checked `ir.Function` (its parameters and body), `Symbols`.
Produces: `FunctionBody`: the parameter list and the body as lines of Python
(indented by four spaces per level; black reformats afterwards).

Python scopes locals per function, the DSL per block. Two DSL bindings of
one name in sibling blocks may have different types, which mypy rejects as a
redefinition, so `LocalNamer` gives each (name, type) its own Python name
deterministically: the first keeps the plain snake_case spelling, later
ones with a different type get `<name>__2`, `<name>__3` … (a re-cased DSL
name never contains `__`). A local that would shadow one of the module's
functions is renamed the same way. The first binding of a Python name
carries the annotation (`level: int = …`); later ones are plain assignments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, assert_never

from ...ir import nodes as ir
from .builtins import NOT
from .exprs import ExprEmitter, Locals
from .ranges import Facts, Ranges, Span
from .symbols import Symbols
from .types import type_ref


@dataclass
class LocalNamer:
    forbidden: set[str]
    used: dict[str, str] = field(default_factory=dict)  # python name -> type text

    def name(self, dsl_name: str, type_text: str) -> tuple[str, bool]:
        """(python name, whether this is its first binding in the function)."""
        base = Symbols.local(dsl_name)
        candidate, n = base, 1
        while candidate in self.forbidden or self.used.get(candidate, type_text) != type_text:
            n += 1
            candidate = f"{base}__{n}"
        first = candidate not in self.used
        self.used[candidate] = type_text
        return candidate, first


@dataclass
class FunctionBody:
    params: str
    lines: list[str]


class StmtEmitter:
    def __init__(self, symbols: Symbols, module: str, pow_memos: dict[str, str] | None = None) -> None:
        self.symbols = symbols
        self.module = module
        self.locals = Locals()
        self.exprs = ExprEmitter(symbols, module, self.locals, pow_memos)
        self.ranges = self.exprs.ranges
        self.namer = LocalNamer(set(symbols.top_names.get(module, set())))
        self.lines: list[str] = []
        self.depth = 1

    def function(self, fn: ir.Function) -> FunctionBody:
        params = []
        for p in fn.params:
            name, _ = self.namer.name(p.name, type_ref(p.type, self.module))
            self.locals.bind(p.name, name)
            params.append(f"{name}: {type_ref(p.type, self.module)}")
        self.block(fn.body)
        return FunctionBody(", ".join(params), self.lines)

    # --- statements ----------------------------------------------------------------

    def line(self, text: str) -> None:
        self.lines.append("    " * self.depth + text)

    def expr(self, e: ir.Expr) -> str:
        return self.exprs.emit(e).text

    def block(self, stmts: tuple[ir.Stmt, ...]) -> None:
        self.locals.push()
        before = len(self.lines)
        for s in stmts:
            self.stmt(s)
        if len(self.lines) == before:
            self.line("pass")
        self.locals.pop()

    def nested(self, stmts: tuple[ir.Stmt, ...]) -> None:
        self.depth += 1
        self.block(stmts)
        self.depth -= 1

    def bind(self, dsl_name: str, t: ir.Type) -> tuple[str, bool]:
        name, first = self.namer.name(dsl_name, type_ref(t, self.module))
        self.locals.bind(dsl_name, name)
        return name, first

    def loop_var(self, dsl_name: str, t: ir.Type, span: Span | None = None) -> str:
        name = self.bind(dsl_name, t)[0]
        self.ranges.set(name, span)
        return name

    def loop(self, body: tuple[ir.Stmt, ...]) -> Facts:
        """The facts at the head of a loop: none about an outer local that `body` assigns."""
        for dsl_name in _assigned(body):
            try:
                self.ranges.forget(self.locals.lookup(dsl_name))
            except KeyError:  # declared inside the body: its `let` sets its facts
                pass
        return self.ranges.snapshot()

    def stmt(self, s: ir.Stmt) -> None:  # noqa: C901 - one arm per IR kind
        match s:
            case ir.Let(name=dsl_name, type=t, value=value):
                span = self.ranges.span(value)
                name, first = self.namer.name(dsl_name, type_ref(t, self.module))
                annotated = [first]

                def let(text: str) -> str:
                    if annotated[0]:
                        annotated[0] = False
                        return f"{name}: {type_ref(t, self.module)} = {text}"
                    return f"{name} = {text}"

                self.put(value, let)
                self.locals.bind(dsl_name, name)
                self.ranges.set(name, span)
            case ir.Assign(name=dsl_name, value=value):
                target = self.locals.lookup(dsl_name)
                span = self.ranges.span(value)
                self.put(value, lambda text: f"{target} = {text}")
                self.ranges.set(target, span)
            case ir.If():
                self.if_(s, "if")
            case ir.While(cond=cond, body=body):
                head = self.loop(body)
                self.line(f"while {self.expr(cond)}:")
                self.ranges.refine(cond, True)
                self.nested(body)
                self.ranges.restore(head)
            case ir.ForList(var=var, iterable=iterable, body=body):
                seq = self.expr(iterable)
                assert isinstance(iterable.type, ir.ListType)
                head = self.loop(body)
                self.locals.push()
                self.line(f"for {self.loop_var(var, iterable.type.elem)} in {seq}:")
                self.nested(body)
                self.locals.pop()
                self.ranges.restore(head)
            case ir.ForMap(key=key, value=value, iterable=iterable, body=body):
                mapping = self.expr(iterable)
                assert isinstance(iterable.type, ir.MapType)
                head = self.loop(body)
                self.locals.push()
                k = self.loop_var(key, iterable.type.key)
                v = self.loop_var(value, iterable.type.value)
                self.line(f"for {k}, {v} in _rt.items({mapping}):")
                self.nested(body)
                self.locals.pop()
                self.ranges.restore(head)
            case ir.ForRange(var=var, start=start, end=end, body=body):
                bounds = f"range({self.expr(start)}, {self.expr(end)})"
                low, high = self.ranges.span(start), self.ranges.span(end)
                head = self.loop(body)
                self.locals.push()
                within = Span(low.lo, high.hi - 1) if low is not None and high is not None else None
                if within is not None and within.lo > within.hi:  # the loop never runs: no facts, no empty span
                    within = None
                self.line(f"for {self.loop_var(var, ir.INT, within)} in {bounds}:")
                self.nested(body)
                self.locals.pop()
                self.ranges.restore(head)
            case ir.Break():
                self.line("break")
            case ir.Continue():
                self.line("continue")
            case ir.Return(value=value):
                self.put(value, lambda text: f"return {text}")
            case ir.Require(cond=cond, message=message):
                self.line(f"if {self.negated(cond)}:")
                self.depth += 1
                self.line(f"raise _rt.DomainError({self.expr(message)})")
                self.depth -= 1
                self.ranges.refine(cond, True)
            case ir.Fail(message=message):
                self.line(f"raise _rt.DomainError({self.expr(message)})")
            case ir.Expect(cond=cond, text=text):
                self.line(f"assert {self.expr(cond)}, {text!r}")
            case ir.ExpectError(text=text):
                self.line(f"raise NotImplementedError({text!r})  # expect_error: tests only")
            case _:
                assert_never(s)

    # --- `match` as a statement ----------------------------------------------------

    def put(self, e: ir.Expr, sink: Callable[[str], str]) -> None:
        """Emit `sink(value of e)`; a `match` becomes a `match` statement (or `if`) with one sink per arm."""
        match e:
            case ir.MatchEnum() | ir.MatchUnion():
                self.match_stmt(e, sink)
            case ir.MatchOptional():
                self.match_optional(e, sink)
            case _:
                self.line(sink(self.expr(e)))

    def subject(self, scrutinee: ir.Expr, reread: bool = False) -> str:
        """A name for the scrutinee; with `reread`, a field path of a local is used as it is."""
        if isinstance(scrutinee, ir.Local):
            return self.locals.lookup(scrutinee.name)
        if reread and _field_path(scrutinee):
            return self.expr(scrutinee)
        temp = self.locals.temp()
        self.line(f"{temp} = {self.expr(scrutinee)}")
        return temp

    def arm(self, pattern: str, body: ir.Expr, sink: Callable[[str], str]) -> None:
        self.line(f"case {pattern}:")
        self.depth += 1
        self.put(body, sink)
        self.depth -= 1

    def match_stmt(self, e: ir.MatchEnum | ir.MatchUnion, sink: Callable[[str], str]) -> None:
        subject = self.subject(e.scrutinee, reread=isinstance(e, ir.MatchEnum))
        t = e.scrutinee.type
        assert isinstance(t, ir.NamedType)
        self.line(f"match {subject}:")
        self.depth += 1
        if isinstance(e, ir.MatchEnum):
            enum = self.exprs.named(t)
            for enum_arm in e.arms:
                pattern = " | ".join(f"{enum}.{Symbols.member(m)}" for m in enum_arm.members)
                self.arm(pattern, enum_arm.body, sink)
        else:
            for union_arm in e.arms:
                cls = self.symbols.variant_class(t.module, t.name, union_arm.variant)
                fields = self.symbols.variant_fields(t, union_arm.variant)
                self.locals.push()
                for position, binding in enumerate(union_arm.bindings):
                    if binding is not None:
                        self.locals.bind(binding, f"{subject}.{Symbols.field(fields[position].name)}")
                self.arm(f"{Symbols.qualify(t.module, cls, self.module)}()", union_arm.body, sink)
                self.locals.pop()
        if e.default is not None:
            self.arm("_", e.default, sink)
        elif not e.arms:  # a match over an empty enum or union: no value can reach it
            self.line("case _:")
            self.depth += 1
            self.line(sink("_rt.unreachable()"))
            self.depth -= 1
        self.depth -= 1

    def match_optional(self, e: ir.MatchOptional, sink: Callable[[str], str]) -> None:
        subject = self.subject(e.scrutinee)
        self.line(f"if {subject} is not None:")
        self.depth += 1
        self.locals.push()
        if e.binding is not None:
            self.locals.bind(e.binding, subject)
        self.put(e.some_body, sink)
        self.locals.pop()
        self.depth -= 1
        self.line("else:")
        self.depth += 1
        self.put(e.none_body, sink)
        self.depth -= 1

    def negated(self, cond: ir.Expr) -> str:
        """`not cond`, written positively where that is exact (no NaN exists, orders are total)."""
        match cond:
            case ir.Not(operand=operand):
                return self.expr(operand)
            case ir.Equal():
                return self.expr(
                    ir.new(ir.Equal, type=cond.type, negate=not cond.negate, left=cond.left, right=cond.right)
                )
            case ir.Compare(op=op):
                flipped = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}[op]
                return self.expr(ir.new(ir.Compare, type=cond.type, op=flipped, left=cond.left, right=cond.right))
            case _:
                return f"not {self.exprs.emit(cond).at(NOT)}"

    def if_(self, s: ir.If, keyword: str) -> None:
        """The `if`/`elif`/`else` chain; afterwards the facts of the paths that continue, joined."""
        before = self.ranges.snapshot()
        self.line(f"{keyword} {self.expr(s.cond)}:")
        self.ranges.refine(s.cond, True)
        self.nested(s.then)
        then_end = self.ranges.snapshot()
        self.ranges.restore(before)
        self.ranges.refine(s.cond, False)
        if s.else_ is not None:
            if len(s.else_) == 1 and isinstance(s.else_[0], ir.If):
                self.if_(s.else_[0], "elif")
            else:
                self.line("else:")
                self.nested(s.else_)
        if _terminates(s.then):
            return
        if s.else_ is not None and _terminates(s.else_):
            self.ranges.restore(then_end)
        else:
            self.ranges.restore(Ranges.join(then_end, self.ranges.snapshot()))


def _terminates(stmts: tuple[ir.Stmt, ...]) -> bool:
    """True when control never reaches the end of the block (it returns, fails, breaks or continues)."""
    for s in stmts:
        if isinstance(s, (ir.Return, ir.Fail, ir.Break, ir.Continue)):
            return True
        if isinstance(s, ir.If) and s.else_ is not None and _terminates(s.then) and _terminates(s.else_):
            return True
    return False


def _assigned(stmts: tuple[ir.Stmt, ...]) -> set[str]:
    """The DSL names that `x = …` statements anywhere in `stmts` assign."""
    names: set[str] = set()
    for s in stmts:
        match s:
            case ir.Assign(name=name):
                names.add(name)
            case ir.If(then=then, else_=else_):
                names |= _assigned(then) | _assigned(else_ or ())
            case ir.While(body=body) | ir.ForList(body=body) | ir.ForMap(body=body) | ir.ForRange(body=body):
                names |= _assigned(body)
            case _:
                pass
    return names


def _field_path(e: ir.Expr) -> bool:
    """`x.a.b`: reading it again is free and cannot fail."""
    while isinstance(e, ir.FieldGet):
        e = e.obj
    return isinstance(e, ir.Local)
