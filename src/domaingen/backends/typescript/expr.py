"""Expressions in TypeScript, keeping the language's evaluation order.

Consumes: checked IR expressions (`ir.Expr`) of one function body, the
declaration index (for union payload field names) and the names in scope.
Produces: one TypeScript expression string per IR expression. JavaScript
already evaluates call arguments, array elements and object literal
properties left to right, so list items, map entries (key, then value),
record and variant fields (in written order) and `with` (the object, then
the updates, via spread) keep the DSL's order without temporaries. Binary
operations are always parenthesised, Int and Float arithmetic go through the
checked runtime (`dgrt.iadd`, `dgrt.fdiv`), and the lazy forms map to
`&&`, `||`, `??` and `?:`. Inside a function body a `match` becomes a
comma expression over a `$m<N>` temporary, declared once at the top of the
body (`let $m1: T;`): `($m1 = scrutinee as T, $m1 === "A" ? a : b)` evaluates
the scrutinee once, in place, and the arms lazily, without allocating; the
`as T` keeps TypeScript from narrowing the temporary to the assigned literal.
Payload bindings are substituted by property reads of the temporary, which
TypeScript narrows by `kind`. Outside a body (a constant's value) the same
chain is the body of an immediately applied arrow function over `$m<N>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from ...ir import nodes as ir
from .builtins import builtin_call, fused_call
from .escape import string_literal
from .naming import const_name, field_name, function_name, local_name, module_alias
from .types import cmp_ref, is_primitive, type_ref

_INT_OPS = {"+": "dgrt.iadd", "-": "dgrt.isub", "*": "dgrt.imul", "/": "dgrt.idiv", "%": "dgrt.irem"}
_FLOAT_OPS = {"+": "dgrt.fadd", "-": "dgrt.fsub", "*": "dgrt.fmul", "/": "dgrt.fdiv"}


@dataclass
class Scope:
    """What one function body needs while it is emitted."""

    module: str
    unions: dict[tuple[str, str], ir.Union_]
    functions: frozenset[str] = frozenset()  # this module's TS function names
    bound: dict[str, str] = field(default_factory=dict)  # DSL local -> TS expression (match bindings)
    counter: int = 0
    temps: list[tuple[str, str]] | None = None  # (name, TS type) of match temporaries; None: no body to declare them in

    def local(self, name: str) -> str:
        """A local's TS name; a trailing `_` when it would shadow a function of this module."""
        spelled = local_name(name)
        return spelled + "_" if spelled in self.functions else spelled

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"${stem}{self.counter}"


def float_literal(value: float) -> str:
    text = repr(value)
    return f"({text})" if text.startswith("-") else text


def int_literal(value: int) -> str:
    return f"({value})" if value < 0 else str(value)


class ExprEmitter:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def ref(self, module: str, spelled: str) -> str:
        return spelled if module == self.scope.module else f"{module_alias(module)}.{spelled}"

    def expr(self, e: ir.Expr) -> str:  # noqa: C901 - one arm per IR kind
        here = self.scope.module
        match e:
            case ir.IntLit(value=value):
                return int_literal(value)
            case ir.FloatLit(value=fvalue):
                return float_literal(fvalue)
            case ir.StringLit(value=svalue):
                return string_literal(svalue)
            case ir.BoolLit(value=bvalue):
                return "true" if bvalue else "false"
            case ir.NoneLit():
                return "null"
            case ir.Local(name=name):
                return self.scope.bound.get(name) or self.scope.local(name)
            case ir.ConstRef(module=module, name=name):
                return self.ref(module, const_name(name))
            case ir.EnumValue(member=member):
                return string_literal(member)
            case ir.ListLit(items=items):
                return "[" + ", ".join(self.expr(i) for i in items) + "]"
            case ir.MapLit(type=t, entries=entries):
                assert isinstance(t, ir.MapType), t
                pairs = ", ".join(f"[{self.expr(en.key)}, {self.expr(en.value)}]" for en in entries)
                return f"dgrt.mapOf<{type_ref(t.key, here)}, {type_ref(t.value, here)}>([{pairs}])"
            case ir.RecordLit(fields=fields):
                return self._object(None, fields)
            case ir.VariantLit(variant=variant, fields=fields):
                return self._object(f"kind: {string_literal(variant)}", fields)
            case ir.FieldGet(obj=obj, field=fname):
                target = self.expr(obj)
                if target.startswith("{"):
                    target = f"({target})"
                return f"{target}.{field_name(fname)}"
            case ir.ListIndex(obj=obj, index=index):
                return f"dgrt.listIndex({self.expr(obj)}, {self.expr(index)})"
            case ir.MapIndex(obj=obj, key=key):
                return f"dgrt.mapIndex({self.expr(obj)}, {self.expr(key)})"
            case ir.With(obj=obj, updates=updates):
                return self._object(f"...{self.expr(obj)}", updates)
            case ir.Neg(type=t, operand=operand):
                if isinstance(t, ir.IntType):
                    return f"dgrt.ineg({self.expr(operand)})"
                return f"(-{self.expr(operand)})"
            case ir.Not(operand=operand):
                return f"(!{self.expr(operand)})"
            case ir.Arith(type=t, op=op, left=left, right=right):
                table = _INT_OPS if isinstance(t, ir.IntType) else _FLOAT_OPS
                return f"{table[op]}({self.expr(left)}, {self.expr(right)})"
            case ir.Concat(left=left, right=right):
                lhs = self.expr(left)
                if isinstance(left, ir.Concat):  # `+` is left-associative: a + b + c
                    lhs = lhs[1:-1]
                return f"({lhs} + {self.expr(right)})"
            case ir.Compare(op=op, left=left, right=right):
                lhs, rhs = self.expr(left), self.expr(right)
                if isinstance(left.type, (ir.IntType, ir.FloatType)):
                    return f"({lhs} {op} {rhs})"
                return f"({cmp_ref(left.type, here)}({lhs}, {rhs}) {op} 0)"
            case ir.Equal(negate=negate, left=left, right=right):
                lhs, rhs = self.expr(left), self.expr(right)
                if is_primitive(left.type) and is_primitive(right.type):
                    if _narrowable(left.type):
                        # TypeScript narrows `const l: Level = "Low"` to "Low" and then
                        # rejects `l === "High"`; widening to the declared type keeps it legal.
                        lhs = f"({lhs} as {type_ref(left.type, here)})"
                    return f"({lhs} {'!==' if negate else '==='} {rhs})"
                return f"{'!' if negate else ''}dgrt.eq({lhs}, {rhs})"
            case ir.Logic(op=op, left=left, right=right):
                lhs = self.expr(left)
                if isinstance(left, ir.Logic) and left.op == op:  # a && b && c
                    lhs = lhs[1:-1]
                return f"({lhs} {'&&' if op == 'and' else '||'} {self.expr(right)})"
            case ir.Coalesce(left=left, right=right):
                return f"({self.expr(left)} ?? {self.expr(right)})"
            case ir.Cond(cond=cond, then=then, else_=else_):
                return f"({self.expr(cond)} ? {self.expr(then)} : {self.expr(else_)})"
            case ir.CallFn(module=module, function=function, args=args):
                return f"{self.ref(module, function_name(function))}({', '.join(self.expr(a) for a in args)})"
            case ir.CallBuiltin(args=args):
                fused = fused_call(e)
                if fused is not None:
                    return f"{fused[0]}({self.expr(fused[1])})"
                return builtin_call(e, [self.expr(a) for a in args], here)
            case ir.SomeWrap(value=value):
                return self.expr(value)
            case ir.MatchEnum(type=t, scrutinee=scrutinee, arms=arms, default=default):
                return self._match_enum(t, scrutinee, arms, default)
            case ir.MatchUnion(type=t, scrutinee=scrutinee, arms=uarms, default=default):
                return self._match_union(t, scrutinee, uarms, default)
            case ir.MatchOptional(type=t, scrutinee=scrutinee, binding=binding, some_body=some, none_body=none):
                return self._match_optional(t, scrutinee, binding, some, none)
            case _:
                assert_never(e)

    def lines(self, e: ir.Expr, indent: str, width: int = 100) -> list[str]:
        """`e` as lines: a long record/variant/`with`/list literal gets one member per line.

        The first line continues whatever precedes it; later lines carry their
        own indentation (`indent` is that of the line the expression starts on).
        Only the layout changes: members stay in written (= evaluation) order.
        """
        counter, temps = self.scope.counter, len(self.scope.temps or ())
        flat = self.expr(e)
        if len(indent) + len(flat) <= width or not isinstance(e, (ir.RecordLit, ir.VariantLit, ir.With, ir.ListLit)):
            return [flat]
        # emitted again below: forget the temporaries of the flat attempt
        self.scope.counter = counter
        if self.scope.temps is not None:
            del self.scope.temps[temps:]
        inner = indent + "  "
        members: list[list[str]]
        match e:
            case ir.RecordLit(fields=fields) | ir.VariantLit(fields=fields) | ir.With(updates=fields):
                members = []
                if isinstance(e, ir.VariantLit):
                    members.append([f"kind: {string_literal(e.variant)}"])
                elif isinstance(e, ir.With):
                    members.append([f"...{self.expr(e.obj)}"])
                for f in fields:
                    value = self.lines(f.value, inner, width)
                    first = bare(value[0]) if len(value) == 1 else value[0]
                    members.append([f"{field_name(f.name)}: {first}", *value[1:]])
                opening, closing = "{", "}"
            case ir.ListLit(items=items):
                members = [self.lines(item, inner, width) for item in items]
                opening, closing = "[", "]"
            case _:
                return [flat]
        out = [opening]
        for member in members:
            out.append(inner + member[0])
            out += member[1:]
            out[-1] += ","
        out.append(indent + closing)
        return out

    def _object(self, head: str | None, fields: tuple[ir.FieldValue, ...]) -> str:
        parts = [head] if head is not None else []
        parts += [f"{field_name(f.name)}: {self.expr(f.value)}" for f in fields]
        return "{ " + ", ".join(parts) + " }" if parts else "{}"

    def _temp(self, scrutinee: ir.Expr) -> str:
        """A fresh `$m<N>`, declared at the top of the body when there is one (in allocation order)."""
        name = self.scope.fresh("m")
        if self.scope.temps is not None:
            self.scope.temps.append((name, type_ref(scrutinee.type, self.scope.module)))
        return name

    def _subject(self, param: str, scrutinee: ir.Expr, result: ir.Type, body: str) -> str:
        """`body` (which reads `param`) applied to the scrutinee, evaluated once before it."""
        here = self.scope.module
        t = type_ref(scrutinee.type, here)
        if self.scope.temps is not None:
            return f"({param} = {self.expr(scrutinee)} as {t}, {body})"
        return f"(({param}: {t}): {type_ref(result, here)} => {body})({self.expr(scrutinee)})"

    def _chain(self, tests: list[tuple[str, str]], last: str) -> str:
        out = last
        for test, body in reversed(tests):
            out = f"{test} ? {body} : {out}"
        return out

    def _match_enum(self, t: ir.Type, scrutinee: ir.Expr, arms: tuple[ir.EnumArm, ...], default: ir.Expr | None) -> str:
        m = self._temp(scrutinee)
        tests: list[tuple[str, str]] = []
        for arm in arms:
            cond = " || ".join(f"{m} === {string_literal(member)}" for member in arm.members)
            tests.append((f"({cond})" if len(arm.members) > 1 else cond, self.expr(arm.body)))
        if default is not None:
            last = self.expr(default)
        else:
            last = tests.pop()[1]
        return self._subject(m, scrutinee, t, self._chain(tests, last))

    def union_arms(self, subject: str, scrutinee: ir.Expr, arms: tuple[ir.UnionArm, ...]) -> list[tuple[str, str]]:
        """(variant, body) per arm; payload bindings read `subject`'s properties."""
        st = scrutinee.type
        assert isinstance(st, ir.NamedType), st
        union = self.scope.unions[(st.module, st.name)]
        variants = {v.name: v for v in union.variants}
        out: list[tuple[str, str]] = []
        for arm in arms:
            fields = variants[arm.variant].fields
            saved = dict(self.scope.bound)
            for position, binding in enumerate(arm.bindings):
                if binding is not None:
                    self.scope.bound[binding] = f"{subject}.{field_name(fields[position].name)}"
            out.append((arm.variant, self.expr(arm.body)))
            self.scope.bound = saved
        return out

    def _match_union(
        self, t: ir.Type, scrutinee: ir.Expr, arms: tuple[ir.UnionArm, ...], default: ir.Expr | None
    ) -> str:
        m = self._temp(scrutinee)
        tests = [(f"{m}.kind === {string_literal(v)}", body) for v, body in self.union_arms(m, scrutinee, arms)]
        if default is not None:
            last = self.expr(default)
        else:
            last = tests.pop()[1]
        return self._subject(m, scrutinee, t, self._chain(tests, last))

    def _match_optional(self, t: ir.Type, scrutinee: ir.Expr, binding: str | None, some: ir.Expr, none: ir.Expr) -> str:
        m = self._temp(scrutinee)
        saved = dict(self.scope.bound)
        if binding is not None:
            self.scope.bound[binding] = m
        some_text = self.expr(some)
        self.scope.bound = saved
        return self._subject(m, scrutinee, t, f"{m} !== null ? {some_text} : {self.expr(none)}")


def _narrowable(t: ir.Type) -> bool:
    """Types that are unions of literals in TypeScript (enums, `boolean`), optional or not."""
    inner = t.inner if isinstance(t, ir.OptionalType) else t
    return isinstance(inner, ir.BoolType) or (isinstance(inner, ir.NamedType) and inner.decl == "enum")


def bare(text: str) -> str:
    """Drop one pair of outer parentheses when they enclose the whole expression.

    A comma expression (a `match` over its temporary) keeps them: without them
    `const x = a, b;` would declare or pass two things.
    """
    if not (text.startswith("(") and text.endswith(")")):
        return text
    depth = 0  # of (), [] and {} together
    in_string = False
    escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return text
        elif ch == "," and depth == 1:
            return text
    return text[1:-1]
