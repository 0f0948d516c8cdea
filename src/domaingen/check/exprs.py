"""Expressions: names, literals, operators, fields, indexing and branches.

Consumes: `ast.Expr` nodes of one module, with an expected type where the
context knows one (bidirectional typing: `check` = `infer` + `coerce`).
Produces: typed IR expressions with every name resolved, `SomeWrap` made
explicit, `+` on Strings as `Concat`, `==` as `Equal` and `<` as `Compare`.
Calls, record/variant literals and `with` live in `calls`, `match` in
`match`; `stmts.BodyChecker` puts the pieces together.

An expression with a reported error gets type `ERROR` (see `types`), so a
mistake is reported once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .. import diagnostics as dg
from ..ir import nodes as ir
from ..source import Span
from ..syntax import ast
from . import types as ty
from .builtins import BUILTIN_NAMES
from .keys import duplicate_keys, report_duplicate_key
from .scope import ConstInfo, EnumInfo, Env, FnInfo, Item, Locals, ModuleInfo, RecordInfo, UnionInfo, article, kind_of, report_unimported
from .types import BOOL, ERROR, FLOAT, INT, STRING, Type

ARITH_OPS = frozenset("+-*/%")
COMPARE_OPS = frozenset(("<", "<=", ">", ">="))


@dataclass(slots=True)
class Static:
    """What a name or dotted path denotes when it is not a value."""

    kind: str  # module | item | builtin | member | variant | error
    item: Item | None = None
    module: ModuleInfo | None = None
    name: str = ""


ERR = Static("error")


_HANDLERS: dict[type, str] = {
    ast.IntLit: "infer_int",
    ast.FloatLit: "infer_float",
    ast.StringLit: "infer_string",
    ast.BoolLit: "infer_bool",
    ast.NoneLit: "infer_none",
    ast.Name: "infer_name",
    ast.Field: "infer_field",
    ast.Index: "infer_index",
    ast.Call: "infer_call",
    ast.With: "infer_with",
    ast.Unary: "infer_unary",
    ast.Binary: "infer_binary",
    ast.IfExpr: "infer_if",
    ast.ListLit: "infer_list",
    ast.MapLit: "infer_map",
    ast.RecordLit: "infer_record",
    ast.Match: "infer_match",
}


class ExprChecker:
    """Types expressions of one module; subclasses add calls, match and statements."""

    _table: dict[type, Callable[[Any, Any, Type | None], ir.Expr]]

    def __init__(self, env: Env, module: ModuleInfo) -> None:
        self.env = env
        self.sink = env.sink
        self.module = module
        self.here = module.name
        self.locals = Locals()
        self.locals.push()
        self.local_words: dict[tuple[str, ...], str] = {}  # words of every local so far -> its name (DG110)
        self.const: ConstInfo | None = None  # set while checking a constant
        self.const_deps: list[tuple[ConstInfo, Span]] = []
        self.fn_key: tuple[str, str] | None = None
        cls = type(self)
        if "_table" not in cls.__dict__:  # unbound methods, per class: no reference cycles
            cls._table = {t: getattr(cls, n) for t, n in _HANDLERS.items()}
        self._dispatch = cls._table

    # --- helpers -------------------------------------------------------------
    def error(self, code: str, span: Span | None, message: str, hint: str | None = None) -> None:
        self.sink.error(code, span, message, hint)

    def show(self, t: Type) -> str:
        return ty.show(t, self.here)

    def bad(self, span: Span | None, t: Type = ERROR) -> ir.Expr:
        """A stand-in for an expression whose error is already reported."""
        return ir.new(ir.NoneLit, type=t, span=span)

    @staticmethod
    def needs_context(e: ast.Expr) -> bool:
        """`none`, `[]` and `{}` have no type of their own."""
        return isinstance(e, ast.NoneLit) or (isinstance(e, ast.ListLit) and not e.items) or (isinstance(e, ast.MapLit) and not e.entries)

    def infer(self, e: ast.Expr, hint: Type | None) -> ir.Expr:
        """Type `e`; `hint` (the expected type, if known) only guides inference."""
        return self._dispatch[type(e)](self, e, hint)

    def check(self, e: ast.Expr, expected: Type) -> ir.Expr:
        return self.coerce(self.infer(e, expected), expected, e.span)

    def coerce(self, x: ir.Expr, expected: Type, span: Span) -> ir.Expr:
        """`x` as a value of `expected`: unchanged, wrapped in `SomeWrap`, or DG201."""
        t = x.type
        if t is expected:
            return x
        fit = ty.fits(t, expected)
        if fit == ty.WRAP:
            return ir.new(ir.SomeWrap, type=expected, value=x, span=x.span)
        if fit == ty.NO:
            self.error("DG201", span, f"expected {self.show(expected)}, found {self.show(t)}", ty.conversion_hint(t, expected))
        return x

    # --- branches (if/else, match arms, list elements, map entries) ---------
    def infer_branch(self, e: ast.Expr, hint: Type | None) -> ir.Expr | None:
        """None for a `none`/`[]`/`{}` whose type must come from its siblings."""
        if hint is None and self.needs_context(e):
            return None
        return self.infer(e, hint)

    def join(self, nodes: list[ast.Expr], results: list[ir.Expr | None], what: str) -> tuple[list[ir.Expr], Type]:
        """Unify sibling branches (T with T? gives T?, `none` with T gives T?) and wrap."""
        t: Type | None = None
        for node, x in zip(nodes, results):
            if x is None:
                continue
            if t is None:
                t = x.type
                continue
            u = ty.unify(t, x.type)
            if u is None:
                self.error("DG201", node.span, f"this {what} is {self.show(x.type)}, but the ones before are {self.show(t)}")
            else:
                t = u
        out: list[ir.Expr] = []
        if t is None:  # every branch needs context: report the first one
            first = True
            for node in nodes:
                out.append(self.infer(node, None) if first else self.bad(node.span))
                first = False
            return out, ERROR
        if any(x is None for x in results):
            if any(isinstance(n, ast.NoneLit) for n, x in zip(nodes, results) if x is None):
                t = ty.opt(t)
            results = [self.infer(n, t) if x is None else x for n, x in zip(nodes, results)]
        for x in results:
            assert x is not None
            if x.type is not t and ty.fits(x.type, t) == ty.WRAP:
                x = ir.new(ir.SomeWrap, type=t, value=x, span=x.span)
            out.append(x)
        return out, t

    # --- literals -------------------------------------------------------------
    def infer_int(self, e: ast.IntLit, hint: Type | None) -> ir.Expr:
        return ir.new(ir.IntLit, type=INT, value=e.value, span=e.span)

    def infer_float(self, e: ast.FloatLit, hint: Type | None) -> ir.Expr:
        return ir.new(ir.FloatLit, type=FLOAT, value=e.value, span=e.span)

    def infer_string(self, e: ast.StringLit, hint: Type | None) -> ir.Expr:
        return ir.new(ir.StringLit, type=STRING, value=e.value, span=e.span)

    def infer_bool(self, e: ast.BoolLit, hint: Type | None) -> ir.Expr:
        return ir.new(ir.BoolLit, type=BOOL, value=e.value, span=e.span)

    def infer_none(self, e: ast.NoneLit, hint: Type | None) -> ir.Expr:
        if hint is None:
            self.error("DG208", e.span, "cannot tell the type of `none` here", "give the type, e.g. `let x: Int? = none`")
            return self.bad(e.span)
        if isinstance(hint, ir.OptionalType) or ty.has_error(hint):
            return ir.new(ir.NoneLit, type=hint, span=e.span)
        self.error("DG201", e.span, f"expected {self.show(hint)}, found `none`", f"only an optional (`{self.show(hint)}?`) can be none")
        return self.bad(e.span)

    def infer_list(self, e: ast.ListLit, hint: Type | None) -> ir.Expr:
        want = ty.peel(hint)
        if isinstance(want, ir.ListType):
            items = tuple(self.check(item, want.elem) for item in e.items)
            return ir.new(ir.ListLit, type=want, items=items, span=e.span)
        if not e.items:
            if hint is None:
                self.error("DG208", e.span, "cannot tell the element type of `[]` here", "give the type, e.g. `let xs: List<Int> = []`")
            elif not ty.has_error(hint):
                self.error("DG201", e.span, f"expected {self.show(hint)}, found a list")
            return self.bad(e.span)
        nodes = list(e.items)
        out, elem = self.join(nodes, [self.infer_branch(n, None) for n in nodes], "element")
        return ir.new(ir.ListLit, type=ty.list_of(elem), items=tuple(out), span=e.span)

    def infer_map(self, e: ast.MapLit, hint: Type | None) -> ir.Expr:
        want = ty.peel(hint)
        keys: list[ir.Expr]
        values: list[ir.Expr]
        t: Type
        if isinstance(want, ir.MapType):
            t = want
            keys = [self.check(entry.key, t.key) for entry in e.entries]
            values = [self.check(entry.value, t.value) for entry in e.entries]
        elif not e.entries:
            if hint is None:
                self.error("DG208", e.span, "cannot tell the type of `{}` here", "give the type, e.g. `let m: Map<String, Int> = {}`")
            elif not ty.has_error(hint):
                self.error("DG201", e.span, f"expected {self.show(hint)}, found a map")
            return self.bad(e.span)
        else:
            key_nodes = [entry.key for entry in e.entries]
            value_nodes = [entry.value for entry in e.entries]
            keys, key_type = self.join(key_nodes, [self.infer_branch(n, None) for n in key_nodes], "key")
            values, value_type = self.join(value_nodes, [self.infer_branch(n, None) for n in value_nodes], "value")
            if not ty.has_error(key_type) and not ty.is_map_key(key_type):
                self.error("DG205", key_nodes[0].span, f"a Map key must be Int, String or an enum, not {self.show(key_type)}")
            t = ty.map_of(key_type, value_type)
        dups, unfolded = duplicate_keys(self.env, keys)
        for i in dups:
            report_duplicate_key(self.env, self.module, e.entries[i].key)
        if unfolded and self.const is not None:  # decided again once constants are folded
            self.env.pending_maps.append((self.module, e, keys, set(dups)))
        entries = tuple(ir.new(ir.MapEntry, key=k, value=v, span=n.span) for k, v, n in zip(keys, values, e.entries))
        return ir.new(ir.MapLit, type=t, entries=entries, span=e.span)

    # --- names and paths ------------------------------------------------------
    def resolve_static(self, e: ast.Expr) -> Static | None:
        """What a non-local name or dotted path denotes; None for a value expression."""
        if isinstance(e, ast.Name):
            name = e.name
            if name in self.locals.active:
                return None
            item = self.module.items.get(name)
            if item is not None:
                return Static("item", item=item)
            if name in BUILTIN_NAMES:
                return Static("builtin", name=name)
            target = self.module.aliases.get(name)
            if target is not None:
                self.module.used.add(name)
                return Static("module", module=target)
            if not report_unimported(self.env, self.module, ast.Ident(name, e.span)):
                candidates = [*self.locals.active, *self.module.items, *self.module.aliases, *BUILTIN_NAMES]
                self.error("DG101", e.span, f"unknown name `{name}`", dg.did_you_mean(name, candidates))
            return ERR
        if not isinstance(e, ast.Field):
            return None
        base = self.resolve_static(e.obj)
        if base is None or base is ERR:
            return base
        name = e.name.name
        if base.kind == "module":
            assert base.module is not None
            item = base.module.items.get(name)
            if item is None:
                hint = dg.did_you_mean(name, base.module.items)
                self.error("DG101", e.name.span, f"module `{base.module.name}` has no `{name}`", hint)
                return ERR
            return Static("item", item=item)
        item = base.item
        if isinstance(item, ConstInfo):
            return None  # a field of a constant's value
        if isinstance(item, EnumInfo):
            if name in item.members:
                return Static("member", item=item, name=name)
            self.error("DG107", e.name.span, f"enum `{item.name}` has no member `{name}`", dg.did_you_mean(name, item.members))
            return ERR
        if isinstance(item, UnionInfo):
            if name in item.variants:
                return Static("variant", item=item, name=name)
            self.error("DG107", e.name.span, f"union `{item.name}` has no variant `{name}`", dg.did_you_mean(name, item.variants))
            return ERR
        what = f"`{self.module.text(e.obj.span)}` is {article(self.describe(base))}"
        self.error("DG213", e.name.span, f"{what}, not a value; it has no field `{name}`")
        return ERR

    def describe(self, s: Static) -> str:
        if s.kind == "item" and s.item is not None:
            kind = kind_of(s.item)
            return f"{kind} type" if isinstance(s.item, (EnumInfo, RecordInfo, UnionInfo)) else kind
        return {"module": "module", "builtin": "built-in function", "member": "enum member", "variant": "union variant"}.get(s.kind, "name")

    def static_value(self, s: Static, e: ast.Expr) -> ir.Expr:
        """The value a static path denotes (constant, enum member, field-less variant)."""
        if s is ERR:
            return self.bad(e.span)
        item = s.item
        if s.kind == "member":
            assert isinstance(item, EnumInfo)
            return ir.new(ir.EnumValue, type=item.type, member=s.name, span=e.span)
        if s.kind == "variant":
            assert isinstance(item, UnionInfo)
            return self.variant_value(item, s.name, e, None)
        if isinstance(item, ConstInfo):
            if self.const is not None:
                self.const_deps.append((item, e.span))
            return ir.new(ir.ConstRef, type=item.type, module=item.module, name=item.name, span=e.span)
        text = self.module.text(e.span)
        hint = None
        if isinstance(item, FnInfo) or s.kind == "builtin":
            hint = f"call it: `{text}(…)`"
        elif isinstance(item, EnumInfo):
            hint = f"write a member: `{text}.{next(iter(item.members), 'Member')}`"
        elif isinstance(item, RecordInfo):
            hint = f"build one: `{text} {{ … }}`"
        self.error("DG101", e.span, f"`{text}` is {article(self.describe(s))}, not a value", hint)
        return self.bad(e.span)

    def infer_name(self, e: ast.Name, hint: Type | None) -> ir.Expr:
        var = self.locals.active.get(e.name)
        if var is not None:
            return ir.new(ir.Local, type=var.type, name=e.name, span=e.span)
        s = self.resolve_static(e)
        assert s is not None
        return self.static_value(s, e)

    def infer_field(self, e: ast.Field, hint: Type | None) -> ir.Expr:
        s = self.resolve_static(e)
        if s is not None:
            return self.static_value(s, e)
        obj = self.infer(e.obj, None)
        t = obj.type
        info = self.env.type_info(t)
        name = e.name.name
        if isinstance(info, RecordInfo):
            field_type = info.fields.get(name)
            if field_type is None:
                hint_text = dg.did_you_mean(name, info.fields)
                self.error("DG106", e.name.span, f"record `{self.show(t)}` has no field `{name}`", hint_text)
                return self.bad(e.span)
            return ir.new(ir.FieldGet, type=field_type, obj=obj, field=name, span=e.span)
        if not ty.has_error(t):
            hint_text = "the value may be none: use `??`, `match` or `unwrap` first" if isinstance(t, ir.OptionalType) else None
            self.error("DG213", e.name.span, f"`.{name}` on a value of type {self.show(t)}, which is not a record", hint_text)
        return self.bad(e.span)

    def infer_index(self, e: ast.Index, hint: Type | None) -> ir.Expr:
        obj = self.infer(e.obj, None)
        t = obj.type
        if isinstance(t, ir.ListType):
            return ir.new(ir.ListIndex, type=t.elem, obj=obj, index=self.check(e.index, INT), span=e.span)
        if isinstance(t, ir.MapType):
            return ir.new(ir.MapIndex, type=t.value, obj=obj, key=self.check(e.index, t.key), span=e.span)
        if not ty.has_error(t):
            hint_text = "the value may be none: use `??`, `match` or `unwrap` first" if isinstance(t, ir.OptionalType) else None
            self.error("DG214", e.obj.span, f"cannot index a value of type {self.show(t)}", hint_text)
        self.infer(e.index, None)
        return self.bad(e.span)

    # --- operators ------------------------------------------------------------
    def infer_unary(self, e: ast.Unary, hint: Type | None) -> ir.Expr:
        operand = self.infer(e.operand, None)
        t = operand.type
        if e.op == "not":
            if t is not BOOL and not ty.has_error(t):
                self.error("DG203", e.operand.span, f"`not` needs a Bool, found {self.show(t)}")
            return ir.new(ir.Not, type=BOOL, operand=operand, span=e.span)
        if ty.is_numeric(t):
            return ir.new(ir.Neg, type=t, operand=operand, span=e.span)
        if not ty.has_error(t):
            self.error("DG203", e.operand.span, f"`-` needs an Int or a Float, found {self.show(t)}")
        return self.bad(e.span)

    def infer_binary(self, e: ast.Binary, hint: Type | None) -> ir.Expr:
        op = e.op
        if op in ("and", "or"):
            left, right = self.infer(e.left, None), self.infer(e.right, None)
            for node, x in ((e.left, left), (e.right, right)):
                if x.type is not BOOL and not ty.has_error(x.type):
                    self.error("DG203", node.span, f"`{op}` needs Bool operands, found {self.show(x.type)}")
            return ir.new(ir.Logic, type=BOOL, op=op, left=left, right=right, span=e.span)
        if op in ("==", "!="):
            return self.equality(e)
        if op == "??":
            return self.coalesce(e, hint)
        left, right = self.infer(e.left, None), self.infer(e.right, None)
        if op in COMPARE_OPS:
            lt, rt = left.type, right.type
            if ty.has_error(lt) or ty.has_error(rt):
                pass
            elif lt is not rt:
                self.error("DG203", e.span, f"cannot compare {self.show(lt)} with {self.show(rt)}", _mixed_hint(lt, rt))
            elif not ty.is_orderable(lt):
                self.error("DG209", e.span, f"`{op}` needs Int, Float, String or enum operands, found {self.show(lt)}")
            return ir.new(ir.Compare, type=BOOL, op=op, left=left, right=right, span=e.span)
        return self.arith(op, left, right, e.span)

    def arith(self, op: str, left: ir.Expr, right: ir.Expr, span: Span) -> ir.Expr:
        """`+ - * / %` on two IR operands (also used by `x += e`)."""
        lt, rt = left.type, right.type
        if ty.has_error(lt) or ty.has_error(rt):
            return self.bad(span)
        if lt is rt and (lt is INT or (lt is FLOAT and op != "%")):
            return ir.new(ir.Arith, type=lt, op=op, left=left, right=right, span=span)
        if lt is rt and lt is STRING and op == "+":
            return ir.new(ir.Concat, type=STRING, left=left, right=right, span=span)
        if lt is rt and lt is FLOAT:
            self.error("DG203", span, "`%` needs Int operands, found Float")
        elif lt is rt:
            self.error("DG203", span, f"`{op}` cannot be applied to {self.show(lt)}")
        else:
            self.error("DG203", span, f"`{op}` needs operands of one type, found {self.show(lt)} and {self.show(rt)}", _mixed_hint(lt, rt))
        return self.bad(span)

    def equality(self, e: ast.Binary) -> ir.Expr:
        if self.needs_context(e.left) and not self.needs_context(e.right):
            right = self.infer(e.right, None)
            left = self.infer(e.left, self._other_side(e.left, right.type))
        else:
            left = self.infer(e.left, None)
            right = self.infer(e.right, self._other_side(e.right, left.type))
        t = ty.unify(left.type, right.type)
        if t is None:
            self.error("DG203", e.span, f"cannot compare {self.show(left.type)} with {self.show(right.type)}", _mixed_hint(left.type, right.type))
        elif not ty.has_error(t):
            if left.type is not t:
                left = ir.new(ir.SomeWrap, type=t, value=left, span=left.span)
            if right.type is not t:
                right = ir.new(ir.SomeWrap, type=t, value=right, span=right.span)
        return ir.new(ir.Equal, type=BOOL, negate=e.op == "!=", left=left, right=right, span=e.span)

    @staticmethod
    def _other_side(node: ast.Expr, t: Type) -> Type | None:
        if ty.has_error(t):
            return t
        return ty.opt(t) if isinstance(node, ast.NoneLit) else t

    def coalesce(self, e: ast.Binary, hint: Type | None) -> ir.Expr:
        left = self.infer(e.left, ty.opt(hint) if hint is not None and not ty.has_error(hint) else None)
        lt = left.type
        if not isinstance(lt, ir.OptionalType):
            if not ty.has_error(lt):
                self.error("DG203", e.left.span, f"the left side of `??` must be optional, found {self.show(lt)}")
            self.infer(e.right, None)
            return self.bad(e.span)
        inner = lt.inner
        right = self.infer(e.right, lt if isinstance(e.right, ast.NoneLit) else inner)
        rt = right.type
        if rt is inner or ty.has_error(rt):
            result = inner
        elif rt is lt:
            result = lt
        else:
            self.error("DG203", e.right.span, f"the default of `??` must be {self.show(inner)} or {self.show(lt)}, found {self.show(rt)}", ty.conversion_hint(rt, inner))
            result = inner
        return ir.new(ir.Coalesce, type=result, left=left, right=right, span=e.span)

    def infer_if(self, e: ast.IfExpr, hint: Type | None) -> ir.Expr:
        cond = self.check(e.cond, BOOL)
        nodes = [e.then, e.else_]
        (then, else_), t = self.join(nodes, [self.infer_branch(n, hint) for n in nodes], "branch")
        return ir.new(ir.Cond, type=t, cond=cond, then=then, else_=else_, span=e.span)

    # --- provided by subclasses ----------------------------------------------
    def infer_call(self, e: ast.Call, hint: Type | None) -> ir.Expr:
        raise NotImplementedError

    def infer_with(self, e: ast.With, hint: Type | None) -> ir.Expr:
        raise NotImplementedError

    def infer_record(self, e: ast.RecordLit, hint: Type | None) -> ir.Expr:
        raise NotImplementedError

    def infer_match(self, e: ast.Match, hint: Type | None) -> ir.Expr:
        raise NotImplementedError

    def variant_value(self, union: UnionInfo, variant: str, e: ast.Expr, call: ast.Call | None) -> ir.Expr:
        raise NotImplementedError


def _mixed_hint(a: Type, b: Type) -> str | None:
    if {id(a), id(b)} == {id(INT), id(FLOAT)}:
        return "convert one side: float(x) or int(x)"
    return None
