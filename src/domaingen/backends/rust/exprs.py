"""IR expressions -> Rust expression text.

Consumes: checked `ir.Expr` nodes, a `Scope` (how each local is bound) and
the `ProgramInfo` of the whole program (declarations, constants).
Produces: `R` — Rust text plus what the caller needs to use it safely: its
precedence (for parentheses), its kind (`value`: an owned temporary;
`place`: a local, field path or constant that must be cloned to be owned,
unless `liveness` proved this read may move it;
`ref`: a `&T` binding of a match arm or loop; `str`: a `&str` literal or
String constant) and whether it contains a `?` (so it cannot go in a closure).

Evaluation order is Rust's own, which is the DSL's: call arguments, `vec!`
items, tuple and struct-literal fields all evaluate left to right in the
order written, and `?` returns the first error. Laziness is kept with `&&`,
`||`, `if`/`else` and `match`; `a ?? b` is `a.unwrap_or(b)` only when `b`
cannot fail (evaluating an infallible expression early is unobservable), and
a `match` otherwise. `with` on a local is `T { f: v, ..x }` (reading a local
cannot fail, so its position is unobservable); on any other expression it is
a block that evaluates the record first. String concatenation is
`[a, b, c].concat()` over `&str`s, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, assert_never

from ...ir import nodes as ir
from ...naming.scheme import Role
from .anchors import anchored, needs_int_anchor
from .builtins import lookup
from .literals import float_literal, int_literal, string_literal
from .naming import SCHEME
from .program import ProgramInfo
from .types import is_copy, named_ref, type_ref

ATOM, PREFIX, CMP, AND, OR, LOW = 100, 80, 50, 40, 30, 10

_EMPTY = re.compile(r"(Vec|BTreeMap)::<.*>::new\(\)")

Kind = Literal["value", "place", "ref", "str"]


@dataclass(frozen=True)
class R:
    text: str
    prec: int = ATOM
    kind: Kind = "value"
    fallible: bool = False
    struct: bool = False  # an unparenthesised struct literal (not allowed in conditions)
    root: str | None = None  # the local a place is rooted at
    lazy: str | None = None  # the path of a `LazyLock` constant this place is
    node: int | None = None  # id of the by-value `ir.Local` a place is rooted at


@dataclass
class Binding:
    rust: str
    type: ir.Type
    ref: bool


@dataclass
class Scope:
    """Locals of one function body: DSL name -> how it is bound in Rust."""

    module: str
    frames: list[dict[str, Binding]] = field(default_factory=lambda: [{}])
    reads: frozenset[str] = frozenset()
    assigned: frozenset[str] = frozenset()
    local_names: frozenset[str] = frozenset()
    movable: frozenset[int] = frozenset()  # ids of `ir.Local` reads that may move
    counter: int = 0

    def push(self) -> None:
        self.frames.append({})

    def pop(self) -> None:
        self.frames.pop()

    def bind(self, name: str, t: ir.Type, ref: bool) -> str:
        """Declare a local; returns its Rust spelling (`_x` when never read)."""
        rust = local_name(name)
        if name not in self.reads and rust != "_":
            rust = "_" + rust.removeprefix("r#")
        self.frames[-1][name] = Binding(rust, t, ref)
        return rust

    def get(self, name: str) -> Binding:
        for frame in reversed(self.frames):
            if name in frame:
                return frame[name]
        raise KeyError(f"unbound local {name!r}")

    def temp(self, stem: str) -> str:
        self.counter += 1
        return f"_{stem}{self.counter}"


def local_name(name: str) -> str:
    return "_" if name == "_" else SCHEME.name(Role.LOCAL, name)


def paren(r: R, min_prec: int) -> str:
    return r.text if r.prec >= min_prec else f"({r.text})"


class ExprEmitter:
    def __init__(self, info: ProgramInfo, scope: Scope) -> None:
        self.info = info
        self.scope = scope
        self.module = scope.module

    # --- the four ways to use a result -------------------------------------

    def owned(self, e: ir.Expr) -> R:
        """An owned value of the expression's type."""
        r = self.expr(e)
        copy = is_copy(e.type)
        match r.kind:
            case "value":
                return r
            case "place":
                if copy or (r.node is not None and r.node in self.scope.movable):
                    return r  # a copy, or the last use of a local: moved
                return R(f"{paren(r, ATOM)}.clone()", ATOM, "value", r.fallible)
            case "ref":
                return (
                    R(f"*{r.text}", PREFIX, "value", r.fallible)
                    if copy
                    else R(f"{r.text}.clone()", ATOM, "value", r.fallible)
                )
            case "str":
                if r.text == '""':
                    return R("String::new()")
                return R(f"{r.text}.to_string()", ATOM, "value", r.fallible)
        assert_never(r.kind)

    def typed(self, e: ir.Expr) -> R:
        """`owned`, where the Rust type is known from the context (a `let`
        with its type, a field, a return): empty collections lose the turbofish."""
        r = self.owned(e)
        empty = _EMPTY.fullmatch(r.text)
        return R(f"{empty.group(1)}::new()") if empty else r

    def borrow(self, e: ir.Expr) -> R:
        """A `&T` (a `&str` for Strings) of the expression."""
        r = self.expr(e)
        if r.kind in ("ref", "str"):
            return r
        if isinstance(e, ir.ListLit) and r.text.startswith("vec!["):
            return R("&" + r.text.removeprefix("vec!"), PREFIX, "value", r.fallible)  # a slice: no allocation
        if r.lazy is not None:
            return R(f"dgrt::lazy::<{type_ref(e.type, self.module)}>(&{r.lazy})", ATOM, "value")
        return R(f"&{paren(r, PREFIX)}", PREFIX, "value", r.fallible)

    def str_part(self, e: ir.Expr) -> R:
        """A `&str` of a String expression (for `[a, b].concat()` and ordering)."""
        r = self.expr(e)
        if r.kind == "str":
            return r
        return R(f"{paren(r, ATOM)}.as_str()", ATOM, "value", r.fallible)

    def operand(self, e: ir.Expr) -> R:
        """A `T` usable by `==`/`<` without moving a place."""
        r = self.expr(e)
        if r.kind == "ref":
            return R(f"*{r.text}", PREFIX, "value", r.fallible)
        return r

    def operands(self, left: ir.Expr, right: ir.Expr, ordering: bool) -> tuple[R, R]:
        """Both sides of a comparison. A String literal or constant is a
        `&str`: `String == &str` works both ways, but ordering needs two `&str`."""
        a, b = self.operand(left), self.operand(right)
        if isinstance(left.type, ir.StringType) and ordering and "str" in (a.kind, b.kind):
            return self.str_part(left), self.str_part(right)
        if not anchored(left) and not anchored(right):
            a = self.anchor(left, a)
        return a, b

    def anchor(self, e: ir.Expr, r: R) -> R:
        """`r` with its Rust type spelled out when rustc could not infer it (see `anchors`)."""
        if anchored(e) or not needs_int_anchor(e.type):
            return r
        return R(f"dgrt::typed::<{type_ref(e.type, self.module)}>({r.text})", ATOM, "value", r.fallible)

    def anchored_owned(self, e: ir.Expr) -> R:
        return self.anchor(e, self.owned(e))

    def condition(self, e: ir.Expr) -> str:
        r = self.owned(e)
        return f"({r.text})" if r.struct else r.text

    # --- expressions ---------------------------------------------------------

    def expr(self, e: ir.Expr) -> R:  # noqa: C901 - one arm per IR kind
        match e:
            case ir.IntLit(value=v):
                return R(int_literal(v), PREFIX if v < 0 else ATOM)
            case ir.FloatLit(value=v):
                text = float_literal(v)
                return R(text, PREFIX if text.startswith("-") else ATOM)
            case ir.BoolLit(value=v):
                return R("true" if v else "false")
            case ir.StringLit(value=v):
                return R(string_literal(v), ATOM, "str")
            case ir.NoneLit():
                return R("None")
            case ir.Local(name=name):
                bound = self.scope.get(name)
                if bound.ref:
                    return R(bound.rust, ATOM, "ref", root=name)
                return R(bound.rust, ATOM, "place", root=name, node=id(e))
            case ir.ConstRef(module=module, name=name):
                return self.const_ref(module, name)
            case ir.EnumValue(type=t, member=member):
                return R(f"{self.type_path(t)}::{SCHEME.name(Role.MEMBER, member)}")
            case ir.ListLit(type=t, items=items):
                if not items:
                    return R(f"{self.turbofish(t)}::new()")
                parts = [self.owned(i) for i in items]
                return R(f"vec![{', '.join(p.text for p in parts)}]", fallible=any(p.fallible for p in parts))
            case ir.MapLit(type=t, entries=entries):
                return self.map_lit(t, entries)
            case ir.RecordLit(type=t, fields=fields):
                return self.struct_lit(self.type_path(t), fields, None)
            case ir.VariantLit(type=t, variant=variant, fields=fields):
                path = f"{self.type_path(t)}::{SCHEME.name(Role.VARIANT, variant)}"
                if not fields:
                    return R(path)
                return self.struct_lit(path, fields, None)
            case ir.FieldGet(obj=obj, field=name):
                r = self.expr(obj)
                kind: Kind = "value" if r.kind == "value" else "place"
                text = f"{paren(r, ATOM)}.{SCHEME.name(Role.FIELD, name)}"
                node = r.node if r.kind == "place" else None
                return R(text, ATOM, kind, r.fallible, root=r.root, node=node)
            case ir.ListIndex(obj=obj, index=index):
                return self.call("dgrt::list_index", [self.borrow(obj), self.owned(index)], True)
            case ir.MapIndex(obj=obj, key=key):
                return self.call("dgrt::map_index", [self.borrow(obj), self.borrow(key)], True)
            case ir.With(type=t, obj=obj, updates=updates):
                return self.with_(t, obj, updates)
            case ir.Neg(operand=operand):
                return self.prefix("-", self.owned(operand))
            case ir.Not(operand=operand):
                return self.prefix("!", self.owned(operand))
            case ir.Arith(op=op, left=left, right=right):
                name = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "rem"}[op]
                return self.call(f"dgrt::{name}", [self.owned(left), self.owned(right)], True)
            case ir.Concat():
                return self.concat(e)
            case ir.Compare(op=op, left=left, right=right):
                return self.binary(op, *self.operands(left, right, ordering=True), CMP)
            case ir.Equal(negate=negate, left=left, right=right):
                return self.equal(negate, left, right)
            case ir.Logic(op=op, left=left, right=right):
                prec = AND if op == "and" else OR
                return self.binary("&&" if op == "and" else "||", self.owned(left), self.owned(right), prec, assoc=True)
            case ir.Coalesce(left=left, right=right):
                return self.coalesce(left, right)
            case ir.Cond(cond=cond, then=then, else_=else_):
                c, a, b = self.owned(cond), self.owned(then), self.owned(else_)
                ctext = f"({c.text})" if c.struct else c.text
                text = f"if {ctext} {{ {a.text} }} else {{ {b.text} }}"
                return R(text, LOW, fallible=c.fallible or a.fallible or b.fallible)
            case ir.CallFn(module=module, function=function, args=args):
                return self.call(self.fn_path(module, function), [self.owned(a) for a in args], True)
            case ir.CallBuiltin(builtin=builtin, overload=overload, args=args):
                return self.builtin(builtin, overload, args)
            case ir.SomeWrap(value=value):
                r = self.owned(value)
                return R(f"Some({r.text})", fallible=r.fallible)
            case ir.MatchEnum(scrutinee=scrutinee, arms=arms, default=default):
                return self.match_enum(scrutinee, arms, default)
            case ir.MatchUnion(scrutinee=scrutinee, arms=uarms, default=default):
                return self.match_union(scrutinee, uarms, default)
            case ir.MatchOptional(scrutinee=scrutinee, binding=binding, some_body=some_body, none_body=none_body):
                return self.match_optional(scrutinee, binding, some_body, none_body)
            case _:
                assert_never(e)

    # --- helpers -------------------------------------------------------------

    def type_path(self, t: ir.Type) -> str:
        assert isinstance(t, ir.NamedType), t
        return named_ref(t.module, SCHEME.name(Role.TYPE, t.name), self.module)

    def turbofish(self, t: ir.Type) -> str:
        text = type_ref(t, self.module)
        head, _, rest = text.partition("<")
        return f"{head}::<{rest}" if rest else head

    def fn_path(self, module: str, function: str) -> str:
        name = SCHEME.name(Role.FUNCTION, function)
        if module != self.module:
            return named_ref(module, name, self.module)
        return f"self::{name}" if name in self.scope.local_names else name

    def const_ref(self, module: str, name: str) -> R:
        path = named_ref(module, SCHEME.name(Role.CONST, name), self.module)
        const = self.info.consts[(module, name)]
        if isinstance(const.type, ir.StringType):
            return R(path, ATOM, "str")
        if self.info.is_lazy(const.type):
            return R(f"(*{path})", ATOM, "place", lazy=path)
        return R(path, ATOM, "place")

    def call(self, path: str, args: list[R], fallible: bool) -> R:
        text = f"{path}({', '.join(a.text for a in args)})" + ("?" if fallible else "")
        return R(text, ATOM, "value", fallible or any(a.fallible for a in args))

    def prefix(self, op: str, r: R) -> R:
        inner = paren(r, PREFIX)
        if inner.startswith(("-", "!")):
            inner = f"({r.text})"
        return R(f"{op}{inner}", PREFIX, "value", r.fallible, r.struct)

    def binary(self, op: str, a: R, b: R, prec: int, assoc: bool = False) -> R:
        left = paren(a, prec if assoc else prec + 1)
        right = paren(b, prec + 1)
        return R(f"{left} {op} {right}", prec, "value", a.fallible or b.fallible, a.struct or b.struct)

    def equal(self, negate: bool, left: ir.Expr, right: ir.Expr) -> R:
        for lit, other in ((left, right), (right, left)):
            if isinstance(lit, ir.BoolLit):
                r = self.owned(other)
                return r if lit.value != negate else self.prefix("!", r)
            if isinstance(lit, ir.StringLit) and lit.value == "":
                r = self.expr(other)
                method = R(f"{paren(r, ATOM)}.is_empty()", ATOM, "value", r.fallible)
                return self.prefix("!", method) if negate else method
        return self.binary("!=" if negate else "==", *self.operands(left, right, ordering=False), CMP)

    def map_lit(self, t: ir.Type, entries: tuple[ir.MapEntry, ...]) -> R:
        if not entries:
            return R(f"{self.turbofish(t)}::new()")
        pairs = [(self.owned(en.key), self.owned(en.value)) for en in entries]
        inner = ", ".join(f"({k.text}, {v.text})" for k, v in pairs)
        fallible = any(k.fallible or v.fallible for k, v in pairs)
        return R(f"dgrt::map_of(vec![{inner}])", fallible=fallible)

    def field_inits(self, fields: tuple[ir.FieldValue, ...]) -> tuple[list[str], bool]:
        out: list[str] = []
        fallible = False
        for f in fields:
            name = SCHEME.name(Role.FIELD, f.name)
            r = self.typed(f.value)
            fallible = fallible or r.fallible
            out.append(name if r.text == name else f"{name}: {r.text}")
        return out, fallible

    def struct_lit(self, path: str, fields: tuple[ir.FieldValue, ...], base: str | None) -> R:
        inits, fallible = self.field_inits(fields)
        if base is not None:
            inits.append(f"..{base}")
        return R(f"{path} {{ {', '.join(inits)} }}", ATOM, "value", fallible, struct=True)

    def with_(self, t: ir.Type, obj: ir.Expr, updates: tuple[ir.FieldValue, ...]) -> R:
        path = self.type_path(t)
        record = self.info.records[(t.module, t.name)] if isinstance(t, ir.NamedType) else None
        assert record is not None
        every = {f.name for f in record.fields} <= {u.name for u in updates}
        base = self.expr(obj)
        if base.kind in ("place", "ref") and not base.fallible:
            if every:
                return self.struct_lit(path, updates, None)
            return self.struct_lit(path, updates, self.owned(obj).text)
        tmp = self.scope.temp("with")
        first = self.owned(obj)
        lines = [f"let mut {tmp} = {first.text};"]
        fallible = first.fallible
        for u in updates:
            r = self.typed(u.value)
            fallible = fallible or r.fallible
            lines.append(f"{tmp}.{SCHEME.name(Role.FIELD, u.name)} = {r.text};")
        return R("{ " + " ".join(lines) + f" {tmp} }}", LOW, "value", fallible)

    def concat(self, e: ir.Expr) -> R:
        leaves: list[ir.Expr] = []

        def walk(x: ir.Expr) -> None:
            if isinstance(x, ir.Concat):
                walk(x.left)
                walk(x.right)
            else:
                leaves.append(x)

        walk(e)
        parts = [self.str_part(leaf) for leaf in leaves]
        text = f"[{', '.join(p.text for p in parts)}].concat()"
        return R(text, ATOM, "value", any(p.fallible for p in parts))

    def coalesce(self, left: ir.Expr, right: ir.Expr) -> R:
        a, b = self.owned(left), self.owned(right)
        if not b.fallible:
            return R(f"{paren(a, ATOM)}.unwrap_or({b.text})", ATOM, "value", a.fallible)
        # `v` is scoped to its own arm, so it cannot shadow anything `b` reads
        text = f"match {a.text} {{ Some(v) => v, None => {b.text} }}"
        return R(text, LOW, "value", True)

    def builtin(self, name: str, overload: str, args: tuple[ir.Expr, ...]) -> R:
        spec = lookup(name, overload)
        if spec.path is None:
            return self.owned(args[0])
        parts = [self.builtin_arg(a, mode) for mode, a in zip(spec.modes, args)]
        return self.call(spec.path, parts, spec.fallible)

    def builtin_arg(self, e: ir.Expr, mode: str) -> R:
        """A built-in's argument; a container of bare Int literals gets its type."""
        container = isinstance(e.type, (ir.ListType, ir.MapType, ir.OptionalType))
        if container and not anchored(e) and needs_int_anchor(e.type):
            r = self.anchored_owned(e)
            return r if mode == "v" else R(f"&{r.text}", PREFIX, "value", r.fallible)
        return self.owned(e) if mode == "v" else self.borrow(e)

    def scrutinee(self, e: ir.Expr) -> tuple[str, bool, bool]:
        """(text, bindings are references, fallible)."""
        r = self.expr(e)
        if r.kind == "place":
            return f"&{paren(r, PREFIX)}", True, r.fallible
        if r.kind == "ref":
            return r.text, True, r.fallible
        o = self.anchored_owned(e)
        return (f"({o.text})" if o.struct else o.text), False, o.fallible

    def match_enum(self, scrutinee: ir.Expr, arms: tuple[ir.EnumArm, ...], default: ir.Expr | None) -> R:
        s = self.owned(scrutinee)
        t = scrutinee.type
        path = self.type_path(t)
        seen: set[str] = set()
        lines: list[str] = []
        fallible = s.fallible
        for arm in arms:
            members = [m for m in arm.members if m not in seen]
            seen.update(members)
            if not members:
                continue
            body = self.owned(arm.body)
            fallible = fallible or body.fallible
            pats = " | ".join(f"{path}::{SCHEME.name(Role.MEMBER, m)}" for m in members)
            lines.append(f"{pats} => {body.text},")
        assert isinstance(t, ir.NamedType)
        all_members = {m.name for m in self.info.enums[(t.module, t.name)].members}
        if default is not None and not all_members <= seen:
            body = self.owned(default)
            fallible = fallible or body.fallible
            lines.append(f"_ => {body.text},")
        scrut = f"({s.text})" if s.struct else s.text
        return R(f"match {scrut} {{ {' '.join(lines)} }}", LOW, "value", fallible)

    def match_union(self, scrutinee: ir.Expr, arms: tuple[ir.UnionArm, ...], default: ir.Expr | None) -> R:
        scrut, by_ref, fallible = self.scrutinee(scrutinee)
        t = scrutinee.type
        assert isinstance(t, ir.NamedType)
        union = self.info.unions[(t.module, t.name)]
        variants = {v.name: v for v in union.variants}
        path = self.type_path(t)
        seen: set[str] = set()
        lines: list[str] = []
        for arm in arms:
            if arm.variant in seen:
                continue
            seen.add(arm.variant)
            variant = variants[arm.variant]
            self.scope.push()
            pats: list[str] = []
            for f, binding in zip(variant.fields, arm.bindings):
                if binding is None or binding == "_" or binding not in self.scope.reads:
                    continue
                rust = self.scope.bind(binding, f.type, by_ref)
                fname = SCHEME.name(Role.FIELD, f.name)
                pats.append(fname if fname == rust else f"{fname}: {rust}")
            body = self.owned(arm.body)
            self.scope.pop()
            fallible = fallible or body.fallible
            vpath = f"{path}::{SCHEME.name(Role.VARIANT, variant.name)}"
            if not variant.fields:
                pat = vpath
            elif len(pats) == len(variant.fields):
                pat = f"{vpath} {{ {', '.join(pats)} }}"
            else:
                pat = f"{vpath} {{ {', '.join(pats + ['..'])} }}"
            lines.append(f"{pat} => {body.text},")
        if default is not None and not set(variants) <= seen:
            body = self.owned(default)
            fallible = fallible or body.fallible
            lines.append(f"_ => {body.text},")
        return R(f"match {scrut} {{ {' '.join(lines)} }}", LOW, "value", fallible)

    def match_optional(self, scrutinee: ir.Expr, binding: str | None, some_body: ir.Expr, none_body: ir.Expr) -> R:
        scrut, by_ref, fallible = self.scrutinee(scrutinee)
        t = scrutinee.type
        inner = t.inner if isinstance(t, ir.OptionalType) else t
        self.scope.push()
        if binding is not None and binding != "_" and binding in self.scope.reads:
            pat = f"Some({self.scope.bind(binding, inner, by_ref)})"
        else:
            pat = "Some(_)"
        some = self.owned(some_body)
        self.scope.pop()
        none = self.owned(none_body)
        fallible = fallible or some.fallible or none.fallible
        return R(f"match {scrut} {{ {pat} => {some.text}, None => {none.text}, }}", LOW, "value", fallible)
