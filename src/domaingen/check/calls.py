"""Calls and constructors: function calls, built-ins, variants, records, `with`.

Consumes: `ast.Call`, `ast.RecordLit` and `ast.With` nodes (through the
dispatch of `exprs.ExprChecker`).
Produces: `ir.CallFn` (positional arguments only: DG215, DG202, DG201; the
edge is added to the call graph for the recursion check, or DG305 inside a
constant), `ir.CallBuiltin` (via `builtins`), `ir.VariantLit` and
`ir.RecordLit` with fields in the written order (DG206 missing, DG106
unknown, DG109 repeated), `ir.With`, and DG204 for calling a non-function.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from .. import diagnostics as dg
from ..ir import nodes as ir
from ..source import Span
from ..syntax import ast
from . import types as ty
from .builtins import BUILTIN_NAMES, check_builtin
from .exprs import ERR, ExprChecker
from .scope import FnInfo, RecordInfo, UnionInfo, article, kind_of, lookup_type_item
from .types import Type


class CallChecker(ExprChecker):
    def infer_call(self, e: ast.Call, hint: Type | None) -> ir.Expr:
        callee = e.callee
        if isinstance(callee, ast.Name):  # in callee position functions come first
            item = self.module.items.get(callee.name)
            if isinstance(item, FnInfo):
                return self.call_fn(item, e)
            if item is None and callee.name in BUILTIN_NAMES:
                return check_builtin(self, callee.name, e, hint)
        s = self.resolve_static(callee)
        if s is None:
            value = self.infer(callee, None)
            if not ty.has_error(value.type):
                text = self.module.text(callee.span)
                self.error("DG204", callee.span, f"`{text}` is a value of type {self.show(value.type)}, not a function")
            return self.loose_call(e)
        if s is ERR:
            return self.loose_call(e)
        item = s.item
        if isinstance(item, FnInfo) and s.kind == "item":
            return self.call_fn(item, e)
        if s.kind == "builtin":
            return check_builtin(self, s.name, e, hint)
        if s.kind == "variant" and isinstance(item, UnionInfo):
            return self.variant_value(item, s.name, callee, e)
        text = self.module.text(callee.span)
        hint_text = f"build one with `{text} {{ … }}`" if isinstance(item, RecordInfo) else None
        self.error("DG204", callee.span, f"`{text}` is {article(self.describe(s))}, not a function", hint_text)
        return self.loose_call(e)

    def loose_call(self, e: ast.Call) -> ir.Expr:
        """Check the arguments of a call that cannot be typed, for their own errors."""
        for arg in e.args:
            self.infer(arg.value, None)
        return self.bad(e.span)

    def call_fn(self, fn: FnInfo, e: ast.Call) -> ir.Expr:
        params = fn.params
        for arg in e.args:
            if arg.name is not None:
                self.error("DG215", arg.name.span, f"`{fn.name}` takes positional arguments", f"drop `{arg.name.name}:`")
        if len(e.args) != len(params):
            span = e.args[len(params)].span if len(e.args) > len(params) else e.callee.span
            plural = "argument" if len(params) == 1 else "arguments"
            self.error("DG202", span, f"`{fn.name}` takes {len(params)} {plural}, found {len(e.args)}")
        args = tuple(
            self.check(arg.value, params[i][1]) if i < len(params) else self.infer(arg.value, None)
            for i, arg in enumerate(e.args)
        )
        key = (fn.module, fn.name)
        if self.const is not None:
            self.error("DG305", e.callee.span, f"a constant cannot call a function (`{fn.name}`)", "only literals, constants, operators and built-ins")
        elif self.fn_key is not None:
            self.env.calls.setdefault(self.fn_key, []).append((key, e.callee.span))
        return ir.new(ir.CallFn, type=fn.ret, module=fn.module, function=fn.name, args=args, span=e.span)

    # --- variants -----------------------------------------------------------
    def variant_value(self, union: UnionInfo, variant: str, e: ast.Expr, call: ast.Call | None) -> ir.Expr:
        info = union.variants[variant]
        written = f"{self.module.text(e.span)}"
        inits: list[tuple[ast.Ident, ast.Expr]] = []
        positional = False
        for arg in call.args if call is not None else ():
            if arg.name is None:
                first = next(iter(info.fields), "field")
                self.error("DG215", arg.span, "variant fields are given by name", f"write `{first}: …`")
                self.infer(arg.value, None)
                positional = True
            else:
                inits.append((arg.name, arg.value))
        fields = self.field_values(inits, info.fields, f"variant `{written}`", e.span, report_missing=not positional)
        return ir.new(ir.VariantLit, type=union.type, variant=variant, fields=fields, span=e.span)

    def field_values(
        self,
        inits: Sequence[tuple[ast.Ident, ast.Expr]],
        declared: Mapping[str, Type],
        owner: str,
        span: Span,
        report_missing: bool = True,
    ) -> tuple[ir.FieldValue, ...]:
        """`name: value` pairs in written order; DG106 unknown, DG109 twice, DG206 missing.

        A literal with an unknown field (most likely a misspelt one) is not also
        reported for the field it misses.
        """
        out: list[ir.FieldValue] = []
        given: set[str] = set()
        for name, value in inits:
            field_type = declared.get(name.name)
            if field_type is None:
                self.error("DG106", name.span, f"{owner} has no field `{name.name}`", dg.did_you_mean(name.name, declared))
                self.infer(value, None)
                report_missing = False
                continue
            if name.name in given:
                self.error("DG109", name.span, f"field `{name.name}` is given twice")
                self.infer(value, None)
                continue
            given.add(name.name)
            out.append(ir.new(ir.FieldValue, name=name.name, value=self.check(value, field_type), span=name.span))
        missing = [name for name in declared if name not in given]
        if missing and report_missing:
            listed = ", ".join(f"`{m}`" for m in missing)
            self.error("DG206", span, f"{owner} is missing {'field' if len(missing) == 1 else 'fields'} {listed}")
        return tuple(out)

    # --- records ------------------------------------------------------------
    def infer_record(self, e: ast.RecordLit, hint: Type | None) -> ir.Expr:
        item = lookup_type_item(self.env, self.module, e.path)
        inits = [(f.name, f.value) for f in e.fields]
        if not isinstance(item, RecordInfo):
            if item is not None:
                text = ".".join(p.name for p in e.path)
                self.error("DG102", e.span, f"`{text}` is {article(kind_of(item))}, not a record type")
            for _, value in inits:
                self.infer(value, None)
            return self.bad(e.span)
        fields = self.field_values(inits, item.fields, f"record `{self.show(item.type)}`", e.span)
        return ir.new(ir.RecordLit, type=item.type, fields=fields, span=e.span)

    def infer_with(self, e: ast.With, hint: Type | None) -> ir.Expr:
        obj = self.infer(e.obj, hint)
        t = obj.type
        info = self.env.type_info(t)
        if not isinstance(info, RecordInfo):
            if not ty.has_error(t):
                self.error("DG213", e.obj.span, f"`with` needs a record, found {self.show(t)}")
            for init in e.updates:
                self.infer(init.value, None)
            return self.bad(e.span)
        owner = f"record `{self.show(t)}`"
        updates = self.field_values([(u.name, u.value) for u in e.updates], info.fields, owner, e.span, report_missing=False)
        return ir.new(ir.With, type=t, obj=obj, updates=updates, span=e.span)
