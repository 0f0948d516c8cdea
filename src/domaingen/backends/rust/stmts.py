"""IR function bodies -> Rust statements.

Consumes: a checked `ir.Function` (statements of every kind) and the
`ProgramInfo`.
Produces: the Rust signature and body lines of `pub fn name(p: T, …) ->
Result<R, dgrt::Error>` (rustfmt lays them out afterwards).

Decisions, all made here so the templates stay thin:

* parameters are taken by value (the DSL's values are immutable; callers
  clone what they keep), locals are `let`, `var`s that are assigned become
  `let mut`; a local that is never read is spelled `_name` so rustc and
  clippy stay silent;
* the checker guarantees every path ends in `return`/`fail` and that nothing
  follows them, so the last statement of the body is emitted as the tail
  expression (`Ok(v)`, `Err(..)`, or an `if`/`else` of tails) — no
  `needless_return`;
* `while true` becomes `loop`; a `for` over a local borrows it (`for x in
  &xs`) unless the body assigns that local, in which case it iterates an
  owned copy, exactly like the interpreter's snapshot;
* `require c, "literal"` is `dgrt::require(c, "literal")?;`; any other
  message is evaluated only when the condition fails;
* `expect`/`expect_error` exist only in tests, which are not emitted.
"""

from __future__ import annotations

from typing import assert_never

from ...ir import nodes as ir
from ...ir.walk import binders, walk
from ...naming.scheme import Role
from .exprs import ATOM, LOW, PREFIX, ExprEmitter, Scope, local_name, paren
from .liveness import movable
from .naming import SCHEME
from .program import ProgramInfo
from .types import type_ref


def analyse(fn: ir.Function) -> Scope:
    reads: set[str] = set()
    assigned: set[str] = set()
    names: set[str] = {p.name for p in fn.params}
    for node in walk(fn.body):
        match node:
            case ir.Local(name=name):
                reads.add(name)
            case ir.Assign(name=name):
                assigned.add(name)
            case _:
                names.update(binders(node))
    return Scope(
        module="",
        reads=frozenset(reads),
        assigned=frozenset(assigned),
        local_names=frozenset(local_name(n) for n in names),
        movable=movable(fn),
    )


def _breaks(stmts: tuple[ir.Stmt, ...]) -> bool:
    """Whether a `break` in `stmts` leaves the loop they are the body of."""
    for s in stmts:
        match s:
            case ir.Break():
                return True
            case ir.If(then=then, else_=else_):
                if _breaks(then) or (else_ is not None and _breaks(else_)):
                    return True
            case _:
                pass
    return False


def _diverges(s: ir.Stmt) -> bool:
    """`while true` whose body never breaks out: Rust's `loop` of type `!`."""
    return isinstance(s, ir.While) and isinstance(s.cond, ir.BoolLit) and s.cond.value and not _breaks(s.body)


class FunctionEmitter:
    def __init__(self, info: ProgramInfo, module: str, fn: ir.Function) -> None:
        self.fn = fn
        self.module = module
        scope = analyse(fn)
        scope.module = module
        self.scope = scope
        self.x = ExprEmitter(info, scope)

    def signature(self) -> str:
        params = []
        for p in self.fn.params:
            rust = self.scope.bind(p.name, p.type, ref=False)
            params.append(f"{rust}: {type_ref(p.type, self.module)}")
        name = SCHEME.name(Role.FUNCTION, self.fn.name)
        ret = type_ref(self.fn.ret, self.module)
        return f"pub fn {name}({', '.join(params)}) -> Result<{ret}, dgrt::Error>"

    def body(self) -> list[str]:
        return self.block(self.fn.body, tail=True)

    # --- statements ------------------------------------------------------------

    def block(self, stmts: tuple[ir.Stmt, ...], tail: bool = False) -> list[str]:
        self.scope.push()
        out: list[str] = []
        for i, s in enumerate(stmts):
            out += self.stmt(s, tail and i == len(stmts) - 1)
            if _diverges(s):
                break  # what follows `while true` without `break` can never run
        self.scope.pop()
        return out

    def stmt(self, s: ir.Stmt, tail: bool) -> list[str]:  # noqa: C901 - one arm per IR kind
        x = self.x
        match s:
            case ir.Let(name=name, mutable=mutable, type=t, value=value):
                v = x.typed(value)
                rust = self.scope.bind(name, t, ref=False)
                mut = "mut " if mutable and name in self.scope.assigned else ""
                return [f"let {mut}{rust}: {type_ref(t, self.module)} = {v.text};"]
            case ir.Assign(name=name, value=value):
                v = x.typed(value)
                return [f"{self.scope.get(name).rust} = {v.text};"]
            case ir.If():
                return self.if_(s, tail)
            case ir.While(cond=cond, body=body):
                head = "loop {" if isinstance(cond, ir.BoolLit) and cond.value else f"while {x.condition(cond)} {{"
                return [head, *self.block(body), "}"]
            case ir.ForList(var=var, iterable=iterable, body=body):
                return self.for_list(var, iterable, body)
            case ir.ForMap(key=key, value=value, iterable=iterable, body=body):
                return self.for_map(key, value, iterable, body)
            case ir.ForRange(var=var, start=start, end=end, body=body):
                a, b = x.owned(start), x.owned(end)
                self.scope.push()
                rust = self.scope.bind(var, ir.INT, ref=False)
                inner = self.block(body)
                self.scope.pop()
                return [f"for {rust} in {paren(a, PREFIX)}..{paren(b, PREFIX)} {{", *inner, "}"]
            case ir.Break():
                return ["break;"]
            case ir.Continue():
                return ["continue;"]
            case ir.Return(value=value):
                v = x.typed(value)
                # `Ok(f(x)?)` is `f(x)`: the error type is always dgrt::Error
                result = v.text[:-1] if v.text.endswith("?") and v.prec >= ATOM else f"Ok({v.text})"
                return [result] if tail else [f"return {result};"]
            case ir.Require(cond=cond, message=message):
                c = x.owned(cond)
                if isinstance(message, ir.StringLit):
                    return [f"dgrt::require({c.text}, {x.expr(message).text})?;"]
                m = x.owned(message)
                test = f"({c.text})" if c.struct else paren(c, PREFIX)
                return [f"if !{test} {{", f"return Err(dgrt::Error::domain({m.text}));", "}"]
            case ir.Fail(message=message):
                m = x.expr(message) if isinstance(message, ir.StringLit) else x.owned(message)
                err = f"Err(dgrt::Error::domain({m.text}))"
                return [err] if tail else [f"return {err};"]
            case ir.Expect() | ir.ExpectError():
                return []  # test-only statements; tests are not emitted
            case _:
                assert_never(s)

    def if_(self, s: ir.If, tail: bool) -> list[str]:
        lines = [f"if {self.x.condition(s.cond)} {{", *self.block(s.then, tail)]
        else_ = s.else_
        while else_ is not None:
            if len(else_) == 1 and isinstance(else_[0], ir.If):
                nested = else_[0]
                lines += [f"}} else if {self.x.condition(nested.cond)} {{", *self.block(nested.then, tail)]
                else_ = nested.else_
            else:
                lines += ["} else {", *self.block(else_, tail)]
                else_ = None
        lines.append("}")
        return lines

    def for_list(self, var: str, iterable: ir.Expr, body: tuple[ir.Stmt, ...]) -> list[str]:
        t = iterable.type
        elem = t.elem if isinstance(t, ir.ListType) else t
        source, by_ref = self.iter_source(iterable)
        self.scope.push()
        rust = self.scope.bind(var, elem, ref=by_ref)
        inner = self.block(body)
        self.scope.pop()
        return [f"for {rust} in {source} {{", *inner, "}"]

    def for_map(self, key: str, value: str, iterable: ir.Expr, body: tuple[ir.Stmt, ...]) -> list[str]:
        t = iterable.type
        assert isinstance(t, ir.MapType), t
        source, by_ref = self.iter_source(iterable)
        self.scope.push()
        k = self.scope.bind(key, t.key, ref=by_ref)
        v = self.scope.bind(value, t.value, ref=by_ref)
        key_used, value_used = key in self.scope.reads, value in self.scope.reads
        base = (
            source.removeprefix("&")
            if by_ref and source.startswith("&")
            else f"({source})" if " " in source else source
        )
        if key_used and value_used or not key_used and not value_used:
            head = f"for ({k}, {v}) in {source} {{"
        elif key_used:
            head = f"for {k} in {base}.{'keys' if by_ref else 'into_keys'}() {{"
        else:
            head = f"for {v} in {base}.{'values' if by_ref else 'into_values'}() {{"
        inner = self.block(body)
        self.scope.pop()
        return [head, *inner, "}"]

    def iter_source(self, iterable: ir.Expr) -> tuple[str, bool]:
        """What a `for` iterates, and whether its items are references."""
        r = self.x.expr(iterable)
        if r.kind == "ref":
            return r.text, True
        if r.kind == "place" and (r.root is None or r.root not in self.scope.assigned):
            return self.x.borrow(iterable).text, True
        o = self.x.anchored_owned(iterable)
        return (f"({o.text})" if o.struct or o.prec <= LOW else o.text), False
