"""Lowering IR statements (function and test bodies) to Go lines.

Consumes: a function's or a `test`'s checked IR body and its `Body`
(expression lowering).
Produces: the Go lines of the body (gofmt indents them later); a test body
is a `func() error` where `expect` failures and uncaught errors return, and
`expect_error` runs its call in a closure so its error is caught. Go rules the
DSL does not have are handled here: a `let`/`var` never read afterwards
gets `_ = x` (Go rejects unused variables), loop variables that are never
read become `_`, statements after a terminating statement are dropped
(`go vet` reports unreachable code; they could never run), and a body Go
does not see as terminating ends with an unreachable error return.
`x = append(x, v)` on a list local only ever appended to (`owned_lists`)
is Go's in-place `append`.
"""

from __future__ import annotations

import re
from typing import assert_never

from ...ir import nodes as ir
from .lower_expr import Body, reads
from .owned_lists import owned_lists, self_append
from .escape import string_literal
from .types import encode_call, go_type

_TEMP = re.compile(r"t_[0-9]+")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _declares(lines: list[str], temp: str) -> bool:
    return any(line.startswith((f"{temp}, err := ", f"var {temp} ", f"{temp} := ")) for line in lines)


def _rename(line: str, temp: str, name: str) -> str:
    """Replace the temporary `temp` by `name` outside string literals."""
    word = re.compile(rf"\b{temp}\b")
    out, pos = [], 0
    for m in _STRING.finditer(line):
        out.append(word.sub(name, line[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(word.sub(name, line[pos:]))
    return "".join(out)


def terminates(stmts: tuple[ir.Stmt, ...]) -> bool:
    """Go's "terminating statement" rule, for the Go this module emits."""
    if not stmts:
        return False
    last = stmts[-1]
    match last:
        case ir.Return() | ir.Fail():
            return True
        case ir.If(then=then, else_=else_):
            return else_ is not None and terminates(then) and terminates(else_)
        case ir.While(cond=cond, body=body):
            return isinstance(cond, ir.BoolLit) and cond.value and not _breaks(body)
        case _:
            return False


def _breaks(stmts: tuple[ir.Stmt, ...]) -> bool:
    """Whether a `break` in `stmts` targets the enclosing loop (not a nested one)."""
    for st in stmts:
        match st:
            case ir.Break():
                return True
            case ir.If(then=then, else_=else_):
                if _breaks(then) or (else_ is not None and _breaks(else_)):
                    return True
            case _:
                pass
    return False


def _jumps(st: ir.Stmt) -> bool:
    return isinstance(st, (ir.Break, ir.Continue)) or terminates((st,))


class StmtLowering:
    def __init__(self, body: Body) -> None:
        self.b = body
        self.owned: frozenset[str] = frozenset()  # list locals appended to in place

    def function_body(self, stmts: tuple[ir.Stmt, ...], params: frozenset[str] = frozenset()) -> list[str]:
        self.owned = owned_lists(stmts, params)
        self.block(stmts)
        if not terminates(self._reachable(stmts)):
            self.b.emit(self.b.return_error(f"{self.b.s.rt('Unreachable')}()"))
        return self.b.lines

    @staticmethod
    def _reachable(stmts: tuple[ir.Stmt, ...]) -> tuple[ir.Stmt, ...]:
        for i, st in enumerate(stmts):
            if _jumps(st):
                return stmts[: i + 1]
        return stmts

    def block(self, stmts: tuple[ir.Stmt, ...]) -> None:
        stmts = self._reachable(stmts)
        for i, st in enumerate(stmts):
            self.stmt(st, stmts[i + 1 :])

    def stmt(self, st: ir.Stmt, rest: tuple[ir.Stmt, ...]) -> None:  # noqa: C901
        b = self.b
        match st:
            case ir.Let(name=name, value=value, type=t):
                start = len(b.lines)
                v = b.expr(value)
                local = b.local(name)
                if _TEMP.fullmatch(v) and value.type == t and _declares(b.lines[start:], v):
                    b.lines[start:] = [_rename(line, v, local) for line in b.lines[start:]]
                elif value.kind in ("int_lit", "none_lit", "variant_lit", "neg") or value.type != t:
                    b.emit(f"var {local} {go_type(t, b.s)} = {v}")
                else:
                    b.emit(f"{local} := {v}")
                if name not in reads(rest):
                    b.emit(f"_ = {local}")
            case ir.Assign(name=name, value=value) if name in self.owned and (element := self_append(name, value)):
                local = b.local(name)
                b.emit(f"{local} = append({local}, {b.typed(element, b.expr(element))})")
            case ir.Assign(name=name, value=value):
                v = b.expr(value)
                local = b.local(name)
                b.emit(f"_ = {local}" if v == local else f"{local} = {v}")  # vet rejects `x = x`
            case ir.If():
                self._if(st)
            case ir.While(cond=cond, body=body):
                lines, test = b.sub(lambda: b.expr(cond))
                if isinstance(cond, ir.BoolLit) and cond.value:
                    b.emit("for {")
                elif not lines:
                    b.emit(f"for {test} {{")
                else:
                    b.emit("for {")
                    b.lines += lines
                    b.emit(f"if !{test} {{")
                    b.emit("break")
                    b.emit("}")
                self.block(body)
                b.emit("}")
            case ir.ForList(var=var, iterable=iterable, body=body):
                xs = b.expr(iterable)
                if var in reads(body):
                    b.emit(f"for _, {b.local(var)} := range {xs} {{")
                else:
                    b.emit(f"for range {xs} {{")
                self.block(body)
                b.emit("}")
            case ir.ForMap(key=key, value=value, iterable=iterable, body=body):
                m = b.stable(iterable)
                used = reads(body)
                key_var = b.local(key) if key in used else (b.tmp() if value in used else "")
                if key_var:
                    b.emit(f"for _, {key_var} := range {b.s.rt('Keys')}({m}) {{")
                else:
                    b.emit(f"for range {b.s.rt('Keys')}({m}) {{")
                if value in used:
                    b.emit(f"{b.local(value)} := {m}[{key_var}]")
                self.block(body)
                b.emit("}")
            case ir.ForRange(var=var, start=start, end=end, body=body):
                first = b.expr(start)
                last = b.stable(end) if end.kind not in ("int_lit", "const_ref") else b.expr(end)
                i = b.local(var) if var in reads(body) else b.tmp()
                b.emit(f"for {i} := int64({first}); {i} < {last}; {i}++ {{")
                self.block(body)
                b.emit("}")
            case ir.Break():
                b.emit("break")
            case ir.Continue():
                b.emit("continue")
            case ir.Return(value=value):
                b.tail(value, lambda v: f"return {v}, nil", returns=True)
            case ir.Require(cond=cond, message=message):
                test = b.expr(cond)
                b.emit(f"if !{test} {{")
                text = b.expr(message)
                b.emit(b.return_error(f"{b.s.rt('Fail')}({text})"))
                b.emit("}")
            case ir.Fail(message=message):
                text = b.expr(message)
                b.emit(b.return_error(f"{b.s.rt('Fail')}({text})"))
            case ir.Expect():
                self._expect(st)
            case ir.ExpectError():
                self._expect_error(st)
            case _:
                assert_never(st)

    def test_body(self, stmts: tuple[ir.Stmt, ...]) -> list[str]:
        """A DSL `test` as the body of a `func() error` (nil: passed)."""
        self.owned = owned_lists(stmts)
        self.block(stmts)
        if not terminates(self._reachable(stmts)):
            self.b.emit("return nil")
        return self.b.lines

    def _expect(self, st: ir.Expect) -> None:
        b = self.b
        test = b.expr(st.cond)
        b.emit(f"if !{test} {{")
        note = b.expr(st.message) if st.message is not None else '""'
        b.emit(f"return {b.s.rt('ExpectFailed')}({string_literal('expect ' + st.text)}, {note})")
        b.emit("}")

    def _expect_error(self, st: ir.ExpectError) -> None:
        """The call runs in a closure so that its error is caught, not returned."""
        b = self.b
        inner = Body(b.s, st.call.type, b.aliases)
        inner.counter = b.counter
        value = inner.expr(st.call)
        b.counter = inner.counter
        got = b.tmp()
        b.emit(f"{got}, err := func() ({go_type(st.call.type, b.s)}, error) {{")
        b.lines += inner.lines
        b.emit(f"return {value}, nil")
        b.emit("}()")
        kind = string_literal(st.error_kind or "")
        has_message = "true" if st.message is not None else "false"
        message = b.expr(st.message) if st.message is not None else '""'
        text = string_literal("expect_error " + st.text)
        b.emit("if err == nil {")
        b.emit(f"return {b.s.rt('ExpectedAnError')}({text}, {encode_call(st.call.type, 'nil', got, b.s)})")
        b.emit("}")
        b.emit(f"if err := {b.s.rt('ExpectError')}({text}, err, {kind}, {message}, {has_message}); err != nil {{")
        b.emit("return err")
        b.emit("}")

    def _if(self, st: ir.If) -> None:
        b = self.b
        test = b.expr(st.cond)
        b.emit(f"if {test} {{")
        self.block(st.then)
        else_ = st.else_
        while else_ is not None:
            if len(else_) == 1 and isinstance(else_[0], ir.If):
                nested = else_[0]
                lines, nested_test = b.sub(lambda: b.expr(nested.cond))
                if not lines:
                    b.emit(f"}} else if {nested_test} {{")
                    self.block(nested.then)
                    else_ = nested.else_
                    continue
            b.emit("} else {")
            self.block(else_)
            break
        b.emit("}")
