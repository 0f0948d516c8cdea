"""Statements and function bodies in TypeScript.

Consumes: checked IR statement blocks (`ir.Stmt`) of one function, the
function's parameters, and an `ExprEmitter`.
Produces: indented lines. `let` becomes `const`, `var` becomes `let`, both
annotated with their type; `for i in a..b` evaluates `a` then `b` once
(`$end<N>` holds the bound); map loops go through `dgrt.entries` in
ascending key order; `require c, m` evaluates `m` only when `c` is false.
Locals that are never read (TypeScript's `noUnusedLocals` /
`noUnusedParameters` reject them) keep their evaluation but lose their
name: the initialiser becomes `void (e);`, loop variables get a leading
`_` or an elided destructuring slot, parameters a leading `_`. A `return
match …` becomes a `switch` (enums, unions) or an `if (x !== null)` (optionals)
whose branches return, so TypeScript narrows the scrutinee in each case; a
`match` anywhere else is an expression (see `expr`). `require` conditions are
negated by flipping the comparison (`amount < 0`), exact because NaN never exists.
"""

from __future__ import annotations

from typing import assert_never

from ...ir import nodes as ir
from ...ir.walk import walk as _walk
from .expr import ExprEmitter, bare as _bare
from .escape import string_literal
from .types import cmp_ref, type_ref

INDENT = "  "


def read_names(body: tuple[ir.Stmt, ...]) -> frozenset[str]:
    """Every local name that some expression of `body` reads."""
    return frozenset(n.name for n in _walk(body) if isinstance(n, ir.Local))


class StmtEmitter:
    def __init__(self, exprs: ExprEmitter, used: frozenset[str], params: frozenset[str] = frozenset()) -> None:
        self.exprs = exprs
        self.used = used
        self.params = params
        self.module = exprs.scope.module

    def block(self, stmts: tuple[ir.Stmt, ...], depth: int) -> list[str]:
        out: list[str] = []
        for s in stmts:
            out += self.stmt(s, depth)
        return out

    def stmt(self, s: ir.Stmt, depth: int) -> list[str]:  # noqa: C901 - one arm per IR kind
        pad = INDENT * depth
        e = self.exprs.expr
        match s:
            case ir.Let(name=name, mutable=mutable, type=t, value=value):
                if name not in self.used:
                    return [f"{pad}void {e(value)};"]
                keyword = "let" if mutable else "const"
                return self._wrap(
                    f"{pad}{keyword} {self.exprs.scope.local(name)}: {type_ref(t, self.module)} = ", value, pad
                )
            case ir.Assign(name=name, value=value):
                if name not in self.used:
                    return [f"{pad}void {e(value)};"]
                return self._wrap(f"{pad}{self.exprs.scope.local(name)} = ", value, pad)
            case ir.If():
                return self._if(s, depth, pad)
            case ir.While(cond=cond, body=body):
                return [f"{pad}while ({_bare(e(cond))}) {{", *self.block(body, depth + 1), f"{pad}}}"]
            case ir.ForList(var=var, iterable=iterable, body=body):
                name = self.exprs.scope.local(var) if var in self.used else "_" + self.exprs.scope.local(var)
                head = f"{pad}for (const {name} of {e(iterable)}) {{"
                return [head, *self.block(body, depth + 1), f"{pad}}}"]
            case ir.ForMap(key=key, value=value, iterable=iterable, body=body):
                t = iterable.type
                assert isinstance(t, ir.MapType), t
                k = self.exprs.scope.local(key) if key in self.used else ""
                v = self.exprs.scope.local(value) if value in self.used else ""
                pattern = f"[{k}, {v}]" if v else f"[{k}]" if k else "[]"
                source = f"dgrt.entries({e(iterable)}, {cmp_ref(t.key, self.module)})"
                return [f"{pad}for (const {pattern} of {source}) {{", *self.block(body, depth + 1), f"{pad}}}"]
            case ir.ForRange(var=var, start=start, end=end, body=body):
                i = self.exprs.scope.local(var)
                bound = self.exprs.scope.fresh("end")
                head = f"{pad}for (let {i} = {e(start)}, {bound} = {e(end)}; {i} < {bound}; {i} += 1) {{"
                return [head, *self.block(body, depth + 1), f"{pad}}}"]
            case ir.Break():
                return [f"{pad}break;"]
            case ir.Continue():
                return [f"{pad}continue;"]
            case ir.Return(value=ir.MatchEnum() | ir.MatchUnion() as match):
                return self._switch(match, depth, pad)
            case ir.Return(value=ir.MatchOptional() as optional):
                return self._if_some(optional, pad)
            case ir.Return(value=value):
                return self._wrap(f"{pad}return ", value, pad)
            case ir.Require(cond=cond, message=message):
                return [
                    f"{pad}if ({_bare(self._negated(cond))}) {{",
                    f"{pad}{INDENT}throw new dgrt.DomainError({e(message)});",
                    f"{pad}}}",
                ]
            case ir.Fail(message=message):
                return [f"{pad}throw new dgrt.DomainError({e(message)});"]
            case ir.Expect() | ir.ExpectError():
                raise ValueError("`expect` is only allowed in tests, which are not generated")
            case _:
                assert_never(s)

    def _wrap(self, head: str, value: ir.Expr, pad: str) -> list[str]:
        """`head` + the value + `;`, breaking long literals one member per line."""
        lines = self.exprs.lines(value, pad, 100 - len(head) + len(pad))
        if len(lines) == 1:
            return [f"{head}{_bare(lines[0])};"]
        return [head + lines[0], *lines[1:-1], lines[-1] + ";"]

    def _negated(self, cond: ir.Expr) -> str:
        """`not cond`, flipping comparisons (exact: NaN never exists)."""
        e = self.exprs.expr
        match cond:
            case ir.Not(operand=operand):
                return e(operand)
            case ir.Equal():
                return e(ir.replace(cond, negate=not cond.negate))
            case ir.Compare(op=op):
                flipped = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}[op]
                return e(ir.replace(cond, op=flipped))
            case _:
                return f"!{e(cond)}"

    def _subject(self, scrutinee: ir.Expr, pad: str, out: list[str]) -> str:
        """The scrutinee as a name TypeScript can narrow: a parameter or binding as is, else a `$m<N>` const.

        A `let`/`var` local is copied through `as T`: TypeScript narrows
        `const l: Level = "Low"` to `"Low"` and would reject the other cases.
        """
        subject = self.exprs.expr(scrutinee)
        if isinstance(scrutinee, ir.Local) and (
            scrutinee.name in self.params or scrutinee.name in self.exprs.scope.bound
        ):
            return subject
        temp = self.exprs.scope.fresh("m")
        t = type_ref(scrutinee.type, self.module)
        value = f"{subject} as {t}" if isinstance(scrutinee, ir.Local) else _bare(subject)
        out.append(f"{pad}const {temp}: {t} = {value};")
        return temp

    def _if_some(self, match: ir.MatchOptional, pad: str) -> list[str]:
        """`return match x { some(v) => a, none => b }` as `if (x !== null) { return a; } return b;`."""
        out: list[str] = []
        subject = self._subject(match.scrutinee, pad, out)
        scope = self.exprs.scope
        saved = dict(scope.bound)
        if match.binding is not None:
            scope.bound[match.binding] = subject
        some = self._wrap(f"{pad}{INDENT}return ", match.some_body, pad + INDENT)
        scope.bound = saved
        return [
            *out,
            f"{pad}if ({subject} !== null) {{",
            *some,
            f"{pad}}}",
            *self._wrap(f"{pad}return ", match.none_body, pad),
        ]

    def _switch(self, match: ir.MatchEnum | ir.MatchUnion, depth: int, pad: str) -> list[str]:
        """`return match ...` as a `switch` whose cases return (TypeScript narrows each case)."""
        inner = pad + INDENT
        out: list[str] = []
        subject = self._subject(match.scrutinee, pad, out)
        cases: list[tuple[list[str], str]]
        if isinstance(match, ir.MatchEnum):
            out.append(f"{pad}switch ({subject}) {{")
            cases = [([string_literal(m) for m in arm.members], self.exprs.expr(arm.body)) for arm in match.arms]
        else:
            out.append(f"{pad}switch ({subject}.kind) {{")
            arms = self.exprs.union_arms(subject, match.scrutinee, match.arms)
            cases = [([string_literal(variant)], body) for variant, body in arms]
        for labels, body in cases:
            out += [f"{inner}case {label}:" for label in labels]
            out.append(f"{inner}{INDENT}return {_bare(body)};")
        if match.default is not None:
            out += [f"{inner}default:", f"{inner}{INDENT}return {_bare(self.exprs.expr(match.default))};"]
        out.append(f"{pad}}}")
        return out

    def _if(self, s: ir.If, depth: int, pad: str) -> list[str]:
        out = [f"{pad}if ({_bare(self.exprs.expr(s.cond))}) {{", *self.block(s.then, depth + 1)]
        rest = s.else_
        while rest is not None:
            if len(rest) == 1 and isinstance(rest[0], ir.If):
                inner = rest[0]
                out += [
                    f"{pad}}} else if ({_bare(self.exprs.expr(inner.cond))}) {{",
                    *self.block(inner.then, depth + 1),
                ]
                rest = inner.else_
            else:
                out += [f"{pad}}} else {{", *self.block(rest, depth + 1)]
                rest = None
        out.append(f"{pad}}}")
        return out
