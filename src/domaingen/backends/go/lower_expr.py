"""Lowering IR expressions to Go statements plus one pure Go expression (ANF).

Consumes: checked IR expressions of one function body, the file `Scope`.
Produces: lines of Go appended to the current block, and for each
expression a Go expression that cannot fail, panic or observe order. Every
fallible operation (checked arithmetic, calls, indexing, conversions …) is
bound to a fresh temporary `t_N, err := …` followed by an early return,
in strict left-to-right order; `and`, `or`, `??`, `if … then … else` and
`match` lower their lazy parts into `if`/`switch` blocks so that those parts
run only when needed (LANGUAGE.md section 5, evaluation order).
"""

from __future__ import annotations

from typing import Any, Callable, assert_never

from ...ir import nodes as ir
from .builtins import builtin_call
from .escape import string_literal
from .naming import field_name, local_name, member_name, variant_name
from .types import Scope, equal_expr, go_type, is_scalar, zero_value

_LITERAL_KINDS = ("int_lit", "float_lit", "string_lit", "bool_lit", "enum_value")
_COMPOSITE_KINDS = ("list_lit", "map_lit", "record_lit", "variant_lit")


def reads(node: Any) -> set[str]:
    """Names of the locals read anywhere inside `node` (IR node, tuple or None)."""
    out: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, ir.Local):
            out.add(item.name)
        elif isinstance(item, ir.Node):
            stack.extend(getattr(item, f) for f in type(item).field_names if f != "span")
        elif isinstance(item, tuple):
            stack.extend(item)
    return out


def needs_declared_type(e: ir.Expr) -> bool:
    """Whether `x := <e>` would give x the wrong Go type (untyped constant, nil, variant struct)."""
    match e:
        case ir.IntLit() | ir.NoneLit() | ir.VariantLit():
            return True
        case ir.Neg(operand=operand):
            return needs_declared_type(operand)
        case _:
            return False


def _chain(op: str, e: ir.Expr) -> list[ir.Expr]:
    """The operands of a chain of one logical operator (`a and b and c`)."""
    if isinstance(e, ir.Logic) and e.op == op:
        return _chain(op, e.left) + _chain(op, e.right)
    return [e]


def _vet_suspect(op: str, left: ir.Expr, right: ir.Expr) -> bool:
    """Whether `go vet` (the `bools` check) would flag `left && right` / `left || right`.

    It reports a repeated operand (`x != nil && x != nil`) and `x != 1 || x != 2`
    / `x == 1 && x == 2`; such chains are lowered to `if` statements instead.
    """
    leaves = _chain(op, left) + _chain(op, right)
    compared = []
    for i, leaf in enumerate(leaves):
        if any(leaf == other for other in leaves[:i]):
            return True
        if isinstance(leaf, ir.Equal):
            compared += [leaf.left, leaf.right]
        elif isinstance(leaf, ir.CallBuiltin) and leaf.builtin == "is_some":
            compared += list(leaf.args)
    return len(compared) != len(set(map(repr, compared)))


class Body:
    """The lines of one function body under construction."""

    def __init__(self, scope: Scope, ret: ir.Type | None, package_aliases: set[str]) -> None:
        """`ret` None: a test body, a `func() error` (errors return alone)."""
        self.s = scope
        self.ret = ret
        self.zero = zero_value(ret, scope) if ret is not None else ""
        self.aliases = package_aliases
        self.lines: list[str] = []
        self.counter = 0

    # --- plumbing ------------------------------------------------------------

    def emit(self, line: str) -> None:
        self.lines.append(line)

    def tmp(self) -> str:
        self.counter += 1
        return f"t_{self.counter}"

    def local(self, name: str) -> str:
        spelled = local_name(name)
        return spelled + "_" if spelled in self.aliases else spelled

    def fallible(self, call: str) -> str:
        t = self.tmp()
        self.emit(f"{t}, err := {call}")
        self.fail_if_err()
        return t

    def fail_if_err(self) -> None:
        self.emit("if err != nil {")
        self.emit(self.return_error("err"))
        self.emit("}")

    def return_error(self, error: str) -> str:
        return f"return {self.zero}, {error}" if self.ret is not None else f"return {error}"

    def sub(self, fn: Callable[[], str]) -> tuple[list[str], str]:
        """Run `fn` into a fresh line buffer: (its lines, its value)."""
        saved, self.lines = self.lines, []
        try:
            value = fn()
            return self.lines, value
        finally:
            self.lines = saved

    def declare(self, name: str, e: ir.Expr, value: str) -> None:
        if needs_declared_type(e):
            self.emit(f"var {name} {go_type(e.type, self.s)} = {value}")
        else:
            self.emit(f"{name} := {value}")

    def stable(self, e: ir.Expr) -> str:
        """The value of `e` as an identifier (bound to a temporary unless it already is one)."""
        value = self.expr(e)
        if value.isidentifier():
            return value
        t = self.tmp()
        self.declare(t, e, value)
        return t

    def typed(self, e: ir.Expr, value: str, ints: bool = False) -> str:
        """`value` converted to its Go type where a generic runtime call could not infer it.

        `nil` and variant structs always (a generic `T` is inferred exactly);
        Int literals only with `ints` (where nothing else fixes `T`, as in `dgrt.Some(5)`).
        """
        if not needs_declared_type(e) or (not ints and e.kind in ("int_lit", "neg")):
            return value
        t = go_type(e.type, self.s)
        return f"({t})({value})" if t.startswith("*") else f"{t}({value})"

    # --- expressions -----------------------------------------------------------

    def expr(self, e: ir.Expr) -> str:  # noqa: C901 - one arm per IR kind
        s = self.s
        match e:
            case ir.IntLit(value=v):
                return f"({v})" if v < 0 else str(v)
            case ir.FloatLit(value=v):
                if v == 0.0 and str(v).startswith("-"):
                    return f"{s.rt('NegZero')}()"
                text = repr(v)
                return f"({text})" if v < 0 else text
            case ir.StringLit(value=v):
                return string_literal(v)
            case ir.BoolLit(value=v):
                return "true" if v else "false"
            case ir.NoneLit():
                return "nil"
            case ir.Local(name=name):
                return self.local(name)
            case ir.ConstRef(module=module, name=name):
                return s.top_name(module, name)
            case ir.EnumValue(type=t, member=member):
                assert isinstance(t, ir.NamedType)
                return s.named(t, member_name(t.name, member))
            case ir.ListLit(type=t, items=items):
                values = [self.expr(item) for item in items]
                return f"{go_type(t, s)}{{{', '.join(values)}}}"
            case ir.MapLit():
                return self._map(e)
            case ir.RecordLit(type=t, fields=fields):
                assert isinstance(t, ir.NamedType)
                return f"{s.named(t)}{{{self._fields(fields)}}}"
            case ir.VariantLit(type=t, variant=variant, fields=fields):
                assert isinstance(t, ir.NamedType)
                return f"{s.named(t, variant_name(t.name, variant))}{{{self._fields(fields)}}}"
            case ir.FieldGet(obj=obj, field=name):
                value = self.expr(obj)
                if obj.kind in _COMPOSITE_KINDS:
                    value = f"({value})"
                return f"{value}.{field_name(name)}"
            case ir.ListIndex(obj=obj, index=index):
                xs, i = self.expr(obj), self.expr(index)
                return self.fallible(f"{s.rt('Index')}({xs}, {i})")
            case ir.MapIndex(obj=obj, key=key):
                m, k = self.expr(obj), self.expr(key)
                return self.fallible(f"{s.rt('MapIndex')}({m}, {k})")
            case ir.With(obj=obj, updates=updates):
                base = self.expr(obj)
                updated = [(u.name, self.expr(u.value)) for u in updates]
                copy = self.tmp()
                self.emit(f"{copy} := {base}")
                for fname, fvalue in updated:
                    self.emit(f"{copy}.{field_name(fname)} = {fvalue}")
                return copy
            case ir.Neg(type=t, operand=operand):
                value = self.expr(operand)
                if isinstance(t, ir.FloatType) and not (isinstance(operand, ir.FloatLit) and operand.value != 0.0):
                    # Go constant arithmetic has no -0.0 (`-0.0` and `-Zero` are +0): negate at run time.
                    return f"{s.rt('FNeg')}({value})"
                return f"(-{value})"
            case ir.Not(operand=operand):
                return f"(!{self.expr(operand)})"
            case ir.Arith(type=t, op=op, left=left, right=right):
                a, b = self.expr(left), self.expr(right)
                prefix = "I" if isinstance(t, ir.IntType) else "F"
                names = {"+": "Add", "-": "Sub", "*": "Mul", "/": "Div", "%": "Rem"}
                return self.fallible(f"{s.rt(prefix + names[op])}({a}, {b})")
            case ir.Concat(left=left, right=right):
                a, b = self.expr(left), self.expr(right)
                return f"({a} + {b})"
            case ir.Compare(op=op, left=left, right=right):
                a, b = self.expr(left), self.expr(right)
                return f"({a} {op} {b})"
            case ir.Equal(negate=negate, left=left, right=right):
                a, b = self.expr(left), self.expr(right)
                if left.kind in _COMPOSITE_KINDS:
                    a = f"({a})"  # `T{…}.Equal(…)` would not parse in an `if` header
                if negate and is_scalar(left.type):
                    return f"({a} != {b})"
                test = equal_expr(left.type, a, b, s)
                return f"(!{test})" if negate else test
            case ir.Logic(op=op, left=left, right=right):
                return self._logic(op, left, right)
            case ir.Coalesce():
                return self._coalesce(e)
            case ir.Cond() | ir.MatchEnum() | ir.MatchUnion() | ir.MatchOptional():
                out = self.tmp()
                self.emit(f"var {out} {go_type(e.type, s)}")
                self.tail(e, lambda value: f"{out} = {value}")
                return out
            case ir.CallFn(module=module, function=function, args=args):
                values = [self.expr(a) for a in args]
                return self.fallible(f"{s.top_name(module, function)}({', '.join(values)})")
            case ir.CallBuiltin(args=args):
                values = [self.typed(a, self.expr(a)) for a in args]
                call, fallible = builtin_call(e, values, s)
                return self.fallible(call) if fallible else call
            case ir.SomeWrap(value=value):
                inner = self.expr(value)
                return f"{s.rt('Some')}({self.typed(value, inner, ints=True)})"
            case _:
                assert_never(e)

    # --- helpers -------------------------------------------------------------

    def _fields(self, fields: tuple[ir.FieldValue, ...]) -> str:
        """Field values in written order (that is the evaluation order)."""
        return ", ".join(f"{field_name(f.name)}: {self.expr(f.value)}" for f in fields)

    def _map(self, e: ir.MapLit) -> str:
        t = go_type(e.type, self.s)
        if all(entry.key.kind in _LITERAL_KINDS for entry in e.entries):
            pairs = [(self.expr(entry.key), self.expr(entry.value)) for entry in e.entries]
            return f"{t}{{{', '.join(f'{k}: {v}' for k, v in pairs)}}}"
        out = self.tmp()
        self.emit(f"{out} := make({t}, {len(e.entries)})")
        for entry in e.entries:
            k = self.expr(entry.key)
            v = self.expr(entry.value)
            self.emit(f"{out}[{k}] = {v}")
        return out

    def tail(self, e: ir.Expr, sink: Callable[[str], str], returns: bool = False) -> None:
        """Evaluate `e` and hand its value to `sink` (an assignment or a `return`).

        Conditionals and matches become `if`/`switch` statements whose every
        branch ends in the sink, so `return match …` returns from each arm and
        nested conditionals need no temporaries. With `returns` (the sink is
        a `return` and nothing follows) the `else` of a conditional is
        flattened after its `if`, as idiomatic Go writes it.
        """
        match e:
            case ir.Cond(cond=cond, then=then, else_=else_):
                test = self.expr(cond)
                self.emit(f"if {test} {{")
                self.tail(then, sink, returns)
                if returns:
                    self.emit("}")
                    self.tail(else_, sink, returns)
                else:
                    self.emit("} else {")
                    self.tail(else_, sink)
                    self.emit("}")
            case ir.MatchEnum():
                self._match_enum(e, sink, returns)
            case ir.MatchUnion():
                self._match_union(e, sink, returns)
            case ir.MatchOptional():
                self._match_optional(e, sink, returns)
            case _:
                self.emit(sink(self.expr(e)))

    def _no_match(self, t: ir.Type) -> None:
        """`default:` of an exhaustive switch: only an invalid Go value (a nil union) gets here."""
        assert isinstance(t, ir.NamedType)
        self.emit("default:")
        self.emit(self.return_error(f"{self.s.rt('InvalidValue')}({string_literal(t.name)})"))

    def _logic(self, op: str, left: ir.Expr, right: ir.Expr) -> str:
        a = self.expr(left)
        lines, b = self.sub(lambda: self.expr(right))
        if not lines and not _vet_suspect(op, left, right):
            return f"({a} {'&&' if op == 'and' else '||'} {b})"
        out = self.tmp()
        self.emit(f"{out} := {a}")
        self.emit(f"if {out} {{" if op == "and" else f"if !{out} {{")
        self.lines += lines
        self.emit(f"{out} = {b}")
        self.emit("}")
        return out

    def _coalesce(self, e: ir.Coalesce) -> str:
        s = self.s
        left = self.stable(e.left)
        lines, right = self.sub(lambda: self.typed(e.right, self.expr(e.right)))
        if isinstance(e.type, ir.OptionalType):
            out = self.tmp()
            self.emit(f"{out} := {left}")
            self.emit(f"if {out} == nil {{")
            self.lines += lines
            self.emit(f"{out} = {right}")
            self.emit("}")
            return out
        if not lines:
            return f"{s.rt('OrElse')}({left}, {right})"
        out = self.tmp()
        self.emit(f"var {out} {go_type(e.type, s)}")
        self.emit(f"if {left} != nil {{")
        self.emit(f"{out} = *{left}")
        self.emit("} else {")
        self.lines += lines
        self.emit(f"{out} = {right}")
        self.emit("}")
        return out

    def _match_enum(self, e: ir.MatchEnum, sink: Callable[[str], str], returns: bool) -> None:
        assert isinstance(e.scrutinee.type, ir.NamedType)
        enum = e.scrutinee.type
        subject = self.expr(e.scrutinee)
        self.emit(f"switch {subject} {{")
        for arm in e.arms:
            members = ", ".join(self.s.named(enum, member_name(enum.name, m)) for m in arm.members)
            self.emit(f"case {members}:")
            self.tail(arm.body, sink, returns)
        if e.default is not None:
            self.emit("default:")
            self.tail(e.default, sink, returns)
        else:
            self._no_match(enum)
        self.emit("}")

    def _match_union(self, e: ir.MatchUnion, sink: Callable[[str], str], returns: bool) -> None:
        s = self.s
        union = e.scrutinee.type
        assert isinstance(union, ir.NamedType)
        subject = self.stable(e.scrutinee)
        decl_fields = s.variant_fields(union)
        binds: list[list[tuple[str, str]]] = []
        for arm in e.arms:
            used = reads(arm.body)
            names = decl_fields[arm.variant]
            binds.append(
                [
                    (self.local(b), field_name(names[i]))
                    for i, b in enumerate(arm.bindings)
                    if b is not None and b in used
                ]
            )
        switch_var = self.tmp() if any(binds) else ""
        self.emit(f"switch {switch_var} := {subject}.(type) {{" if switch_var else f"switch {subject}.(type) {{")
        for arm, arm_binds in zip(e.arms, binds):
            self.emit(f"case {s.named(union, variant_name(union.name, arm.variant))}:")
            for local, fname in arm_binds:
                self.emit(f"{local} := {switch_var}.{fname}")
            self.tail(arm.body, sink, returns)
        if e.default is not None:
            self.emit("default:")
            self.tail(e.default, sink, returns)
        else:
            self._no_match(union)
        self.emit("}")

    def _match_optional(self, e: ir.MatchOptional, sink: Callable[[str], str], returns: bool) -> None:
        subject = self.stable(e.scrutinee)
        self.emit(f"if {subject} != nil {{")
        if e.binding is not None and e.binding in reads(e.some_body):
            self.emit(f"{self.local(e.binding)} := *{subject}")
        self.tail(e.some_body, sink, returns)
        if returns:
            self.emit("}")
            self.tail(e.none_body, sink, returns)
        else:
            self.emit("} else {")
            self.tail(e.none_body, sink)
            self.emit("}")
