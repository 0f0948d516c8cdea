"""IR expressions -> Python expressions, keeping the DSL's evaluation order.

Consumes: checked IR expressions, `Symbols`, and the `Locals` of the
function being emitted (DSL local -> Python spelling, temporaries).
Produces: `Emitted` Python expressions. Every DSL expression becomes one
Python expression, because Python already evaluates strictly left to right
in each form used here: operands, call arguments, keyword arguments (record
and variant fields are passed in the order written), tuple items, dict
displays (key, then value, entry by entry). The lazy forms map to Python's
lazy forms (`and`, `or`, `x if c else y`); `??` and `match` bind their
scrutinee once with an assignment expression (`(_t3 := e)`) and test it in a
conditional chain, so match bindings become attribute reads of that
temporary (`_t3.amount`) and no statement lowering is ever needed. `with`
builds the record directly: the object first, then the updates as written,
then the untouched fields read back from the object. Arithmetic is a checked
runtime helper (`_rt.add(a, b)`) unless `ranges` proves that it cannot fail,
then Python's operator (`a + b`); `pow(x, C)` with a constant `C` calls the
module's memo `_pow_c(x)` (see `pow_memo`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from ...ir import nodes as ir
from .builtins import ADD, AND, ATOM, CMP, COND, MUL, NOT, OR, UNARY, Emitted, builtin
from .escape import string_literal
from .ranges import Ranges
from .symbols import Symbols

_INT_OPS = {"+": "_rt.add", "-": "_rt.sub", "*": "_rt.mul", "/": "_rt.div", "%": "_rt.rem"}
_FLOAT_OPS = {"+": "_rt.fadd", "-": "_rt.fsub", "*": "_rt.fmul", "/": "_rt.fdiv"}


@dataclass
class Locals:
    """DSL local names in scope -> Python expressions; fresh temporaries per function."""

    frames: list[dict[str, str]] = field(default_factory=lambda: [{}])
    temps: int = 0

    def lookup(self, name: str) -> str:
        for frame in reversed(self.frames):
            if name in frame:
                return frame[name]
        raise KeyError(f"unknown local {name!r}")

    def bind(self, name: str, python: str) -> None:
        self.frames[-1][name] = python

    def push(self) -> None:
        self.frames.append({})

    def pop(self) -> None:
        self.frames.pop()

    def temp(self) -> str:
        self.temps += 1
        return f"_t{self.temps}"


class ExprEmitter:
    def __init__(self, symbols: Symbols, module: str, locals_: Locals, pow_memos: dict[str, str] | None = None) -> None:
        self.symbols = symbols
        self.module = module
        self.locals = locals_
        self.ranges = Ranges(symbols, locals_)
        # module-level `_pow_x = _rt.pow_to(x)` bindings this module needs: name -> exponent text
        self.pow_memos: dict[str, str] = {} if pow_memos is None else pow_memos

    def emit(self, e: ir.Expr) -> Emitted:  # noqa: C901 - one arm per IR kind
        match e:
            case ir.IntLit(value=v):
                return Emitted(str(v), UNARY if v < 0 else ATOM)
            case ir.FloatLit(value=v):
                text = repr(v)
                return Emitted(text, UNARY if text.startswith("-") else ATOM)
            case ir.StringLit(value=v):
                return Emitted(string_literal(v))
            case ir.BoolLit(value=v):
                return Emitted("True" if v else "False")
            case ir.NoneLit():
                return Emitted("None")
            case ir.Local(name=name):
                return Emitted(self.locals.lookup(name))
            case ir.ConstRef(module=module, name=name):
                return Emitted(Symbols.qualify(module, Symbols.const(name), self.module))
            case ir.EnumValue(type=t, member=member):
                return Emitted(f"{self.named(t)}.{Symbols.member(member)}")
            case ir.ListLit(items=items):
                texts = [self.emit(i).text for i in items]
                return Emitted("(" + ", ".join(texts) + ("," if len(texts) == 1 else "") + ")")
            case ir.MapLit(entries=entries):
                pairs = [f"{self.emit(en.key).text}: {self.emit(en.value).text}" for en in entries]
                return Emitted("{" + ", ".join(pairs) + "}")
            case ir.RecordLit(type=t, fields=fields):
                return Emitted(f"{self.named(t)}({self.kwargs(fields)})")
            case ir.VariantLit(type=t, variant=variant, fields=fields):
                assert isinstance(t, ir.NamedType)
                cls = Symbols.qualify(t.module, self.symbols.variant_class(t.module, t.name, variant), self.module)
                return Emitted(f"{cls}({self.kwargs(fields)})")
            case ir.FieldGet(obj=obj, field=name):
                return Emitted(f"{self.emit(obj).at(ATOM)}.{Symbols.field(name)}")
            case ir.ListIndex(obj=obj, index=index):
                return self.call("_rt.index", obj, index)
            case ir.MapIndex(obj=obj, key=key):
                return self.call("_rt.lookup", obj, key)
            case ir.With(type=t, obj=obj, updates=updates):
                return self.with_(t, obj, updates)
            case ir.Neg(operand=operand):
                return Emitted(f"-{self.emit(operand).at(UNARY)}", UNARY)
            case ir.Not(operand=operand):
                return Emitted(f"not {self.emit(operand).at(NOT)}", NOT)
            case ir.Arith(type=t, op=op, left=left, right=right):
                if self.ranges.plain(e):
                    return self.operator(e)
                ops = _INT_OPS if isinstance(t, ir.IntType) else _FLOAT_OPS
                return self.call(ops[op], left, right)
            case ir.Concat(left=left, right=right):
                return Emitted(f"{self.emit(left).at(ADD)} + {self.emit(right).at(MUL)}", ADD)
            case ir.Compare(op=op, left=left, right=right):
                return Emitted(f"{self.emit(left).at(ADD)} {op} {self.emit(right).at(ADD)}", CMP)
            case ir.Equal(negate=negate, left=left, right=right):
                eq = "!=" if negate else "=="
                return Emitted(f"{self.emit(left).at(ADD)} {eq} {self.emit(right).at(ADD)}", CMP)
            case ir.Logic(op=op, left=left, right=right):
                # operands of `and`/`or` are parenthesized unless tighter than both (reads unambiguously)
                prec = AND if op == "and" else OR
                lhs = self.emit(left)
                lhs_text = lhs.text if isinstance(left, ir.Logic) and left.op == op else lhs.at(NOT)
                rhs = self.refined(right, left, op == "and")
                return Emitted(f"{lhs_text} {op} {rhs.at(NOT)}", prec)
            case ir.Coalesce(left=left, right=right):
                bound, first = self.bind(left)
                rhs = self.emit(right)
                return Emitted(f"{bound} if {first} is not None else {rhs.at(COND)}", COND)
            case ir.Cond(cond=cond, then=then, else_=else_):
                test, yes, no = self.emit(cond), self.refined(then, cond, True), self.refined(else_, cond, False)
                return Emitted(f"{yes.at(OR)} if {test.at(OR)} else {no.at(COND)}", COND)
            case ir.CallFn(module=module, function=function, args=args):
                fn = Symbols.qualify(module, Symbols.function(function), self.module)
                return Emitted(f"{fn}({', '.join(self.emit(a).text for a in args)})")
            case ir.CallBuiltin(builtin=name, overload=overload, args=args):
                memo = self.pow_memo(args[1]) if (name, overload) == ("pow", "float") else None
                if memo is not None:  # the exponent is a constant: nothing to evaluate
                    return Emitted(f"{memo}({self.emit(args[0]).text})")
                return builtin(name, overload, [self.emit(a) for a in args])
            case ir.SomeWrap(value=value):
                return self.emit(value)
            case ir.MatchEnum():
                return self.match_enum(e)
            case ir.MatchUnion():
                return self.match_union(e)
            case ir.MatchOptional():
                return self.match_optional(e)
            case _:
                assert_never(e)

    # --- helpers -------------------------------------------------------------------

    def refined(self, e: ir.Expr, cond: ir.Expr, truth: bool) -> Emitted:
        """`e`, emitted knowing that `cond` evaluated to `truth` (see `ranges`)."""
        saved = self.ranges.snapshot()
        self.ranges.refine(cond, truth)
        emitted = self.emit(e)
        self.ranges.restore(saved)
        return emitted

    def operator(self, e: ir.Arith) -> Emitted:
        """Python's own operator for an operation `ranges` proved cannot fail.

        Int `/` and `%` only get here with a non-negative dividend and a
        positive divisor, where truncation is Python's floor division.
        """
        symbol = "//" if e.op == "/" and isinstance(e.type, ir.IntType) else e.op
        left, right = self.emit(e.left), self.emit(e.right)
        if e.op in ("+", "-"):
            return Emitted(f"{left.at(ADD)} {symbol} {right.at(MUL)}", ADD)
        return Emitted(f"{left.at(MUL)} {symbol} {right.at(UNARY)}", MUL)

    def pow_memo(self, exponent: ir.Expr) -> str | None:
        """The module-level memo of `pow(_, exponent)` for a constant exponent (`_rt.pow_to`), else None."""
        if isinstance(exponent, ir.ConstRef) and exponent.module == self.module:
            name, text = "_pow_" + Symbols.const(exponent.name).lower(), Symbols.const(exponent.name)
        else:
            value = self.ranges.constant(exponent)
            if value is None:
                return None
            text = repr(value)
            name = "_pow_" + text.replace("-", "minus_").replace(".", "_").replace("+", "")
        while self.pow_memos.setdefault(name, text) != text:
            name += "_"
        return name

    def named(self, t: ir.Type) -> str:
        assert isinstance(t, ir.NamedType)
        return Symbols.qualify(t.module, Symbols.type_name(t.name), self.module)

    def call(self, fn: str, *args: ir.Expr) -> Emitted:
        return Emitted(f"{fn}({', '.join(self.emit(a).text for a in args)})")

    def kwargs(self, fields: tuple[ir.FieldValue, ...]) -> str:
        return ", ".join(f"{Symbols.field(f.name)}={self.emit(f.value).text}" for f in fields)

    def bind(self, e: ir.Expr) -> tuple[str, str]:
        """(name to read the value by, text that evaluates it first) — a temporary unless `e` is a local."""
        if isinstance(e, ir.Local):
            name = self.locals.lookup(e.name)
            return name, name
        temp = self.locals.temp()
        return temp, f"({temp} := {self.emit(e).text})"

    def with_(self, t: ir.Type, obj: ir.Expr, updates: tuple[ir.FieldValue, ...]) -> Emitted:
        decl_fields = self.symbols.record_fields(t)
        updated = {u.name for u in updates}
        kept = [Symbols.field(f.name) for f in decl_fields if f.name not in updated]
        parts: list[str] = []
        if not kept:  # every field replaced: the object is still evaluated first
            obj_text = "" if isinstance(obj, ir.Local) else self.emit(obj).text
            for u in updates:
                value = self.emit(u.value).text
                if obj_text:
                    value, obj_text = f"({obj_text}, {value})[1]", ""
                parts.append(f"{Symbols.field(u.name)}={value}")
            return Emitted(f"{self.named(t)}({', '.join(parts)})")
        name, first = self.bind(obj)
        head, *rest = kept
        parts.append(f"{head}={first}.{head}")
        parts += [f"{Symbols.field(u.name)}={self.emit(u.value).text}" for u in updates]
        parts += [f"{k}={name}.{k}" for k in rest]
        return Emitted(f"{self.named(t)}({', '.join(parts)})")

    def chain(self, arms: list[tuple[str, str]], last: str | None, first: str, name: str) -> Emitted:
        """`b1 if c1 else b2 if c2 else … last`; a lone arm still evaluates the scrutinee."""
        if not arms:  # only `_ =>`, or a match over an empty enum/union
            last = last or "_rt.unreachable()"
            return Emitted(last if first == name else f"({first}, {last})[1]")
        if last is None:
            if len(arms) == 1:
                last = "_rt.unreachable()"
            else:
                *arms, (body, _) = arms
                last = body
        text = ""
        for body, test in arms:
            text += f"{body} if {test} else "
        return Emitted(text + last, COND)

    def match_enum(self, e: ir.MatchEnum) -> Emitted:
        name, first = self.bind(e.scrutinee)
        enum = self.named(e.scrutinee.type)
        arms: list[tuple[str, str]] = []
        for arm in e.arms:
            tests: list[str] = []
            for member in arm.members:
                subject = first if not arms and not tests else name
                tests.append(f"{subject} is {enum}.{Symbols.member(member)}")
            arms.append((self.emit(arm.body).at(OR), " or ".join(tests)))
        last = self.emit(e.default).at(COND) if e.default is not None else None
        return self.chain(arms, last, first, name)

    def match_union(self, e: ir.MatchUnion) -> Emitted:
        t = e.scrutinee.type
        assert isinstance(t, ir.NamedType)
        name, first = self.bind(e.scrutinee)
        arms: list[tuple[str, str]] = []
        for arm in e.arms:
            cls = Symbols.qualify(t.module, self.symbols.variant_class(t.module, t.name, arm.variant), self.module)
            fields = self.symbols.variant_fields(t, arm.variant)
            self.locals.push()
            for position, binding in enumerate(arm.bindings):
                if binding is not None:
                    self.locals.bind(binding, f"{name}.{Symbols.field(fields[position].name)}")
            body = self.emit(arm.body).at(OR)
            self.locals.pop()
            arms.append((body, f"isinstance({first if not arms else name}, {cls})"))
        last = self.emit(e.default).at(COND) if e.default is not None else None
        return self.chain(arms, last, first, name)

    def match_optional(self, e: ir.MatchOptional) -> Emitted:
        name, first = self.bind(e.scrutinee)
        self.locals.push()
        if e.binding is not None:
            self.locals.bind(e.binding, name)
        some = self.emit(e.some_body).at(OR)
        self.locals.pop()
        none = self.emit(e.none_body).at(COND)
        return Emitted(f"{some} if {first} is not None else {none}", COND)
