"""Statements and bodies: blocks of functions and tests, with control flow.

Consumes: `ast.FnDecl` / `ast.TestDecl` bodies of one module.
Produces: `ir.Function` and `ir.Test` with typed statements: locals declared
without shadowing (DG111), assignment only to `var` locals (DG207) with
`x += e` desugared to `x = x + e`, conditions of type Bool, `for` over a
List (`ForList`), a Map (`ForMap`) or a range (`ForRange`), loop control
only in loops (DG309), `return` typed by the function (not in tests: DG312),
`expect`/`expect_error` only in tests (DG308, DG313, DG216). Control flow:
every function path must end in `return` or `fail` (DG302) and nothing may
follow a statement that always ends its block (DG310).
"""

from __future__ import annotations

from .. import diagnostics as dg
from ..ir import nodes as ir
from ..syntax import ast
from ..naming.collisions import COLLISION_HINT
from ..naming.words import words
from ..syntax.parser import ERROR_KINDS
from . import types as ty
from .calls import CallChecker
from .match import MatchChecker
from .scope import ConstInfo, Env, FnInfo, LocalVar, ModuleInfo, TestInfo, article, lookup_type
from .types import BOOL, ERROR, INT, STRING, Type

_KIND_WORDS = {"param": "a parameter", "let": "a `let` binding", "loop": "a loop variable", "binding": "a match binding"}


class BodyChecker(CallChecker, MatchChecker):
    """Checks one function, test or constant initialiser."""

    def __init__(self, env: Env, module: ModuleInfo) -> None:
        super().__init__(env, module)
        self.ret: Type | None = None
        self.in_test = False
        self.loops = 0

    # --- declarations ---------------------------------------------------------
    def function(self, fn: FnInfo, primary: bool = True) -> ir.Function:
        """Check a function; only a primary (not duplicated) one joins the call graph."""
        decl = fn.decl
        self.fn_key = (fn.module, fn.name) if primary else None
        self.ret = fn.ret
        params = []
        declared = dict(fn.params)
        for param in decl.params:
            t = declared.pop(param.name.name, None)
            if t is None:
                continue  # a repeated parameter (DG109 already)
            self.declare_local(param.name, t, "param")
            params.append(ir.new(ir.Param, name=param.name.name, type=t, span=param.span))
        body, ends = self.block(decl.body)
        if not ends:
            self.error(
                "DG302",
                decl.name.span,
                f"`{fn.name}` can reach its end without returning {article(self.show(fn.ret))}",
                "end every path with `return` or `fail`",
            )
        return ir.new(ir.Function, name=fn.name, params=tuple(params), ret=fn.ret, body=tuple(body), doc=decl.doc, span=decl.span)

    def test(self, test: TestInfo) -> ir.Test:
        self.in_test = True
        body, _ = self.block(test.decl.body)
        return ir.new(ir.Test, name=test.name, body=tuple(body), doc=test.decl.doc, span=test.decl.span)

    def declare_local(self, name: ast.Ident, t: Type, kind: str) -> None:
        """A new local; DG111 if it reuses a local, parameter or constant in scope."""
        if name.name == "_":
            return
        previous = self.locals.active.get(name.name)
        item = self.module.items.get(name.name)
        if previous is not None:
            self.error("DG111", name.span, f"`{name.name}` is already {_KIND_WORDS.get(previous.kind, 'a local')} in scope", "choose another name")
        elif isinstance(item, ConstInfo):
            self.error("DG111", name.span, f"`{name.name}` is already a constant of this module", "choose another name")
        # `value`/`Value`, `user_id`/`userId`: one identifier in every target, whatever the scopes.
        other = self.local_words.setdefault(words(name.name), name.name)
        if other != name.name:
            self.error("DG110", name.span, f"locals `{name.name}` and `{other}` would become the same identifier", COLLISION_HINT)
        self.locals.declare(LocalVar(name.name, t, kind))

    # --- blocks -------------------------------------------------------------
    def block(self, block: ast.Block) -> tuple[list[ir.Stmt], bool]:
        """The statements of a block and whether it always ends (never falls through)."""
        self.locals.push()
        out: list[ir.Stmt] = []
        ends = False
        reported = False
        for stmt in block.stmts:
            if ends and not reported:
                self.error("DG310", stmt.span, "this statement can never run")
                reported = True
            node, stops = self.stmt(stmt)
            out.append(node)
            ends = ends or stops
        self.locals.pop()
        return out, ends

    def stmt(self, s: ast.Stmt) -> tuple[ir.Stmt, bool]:
        if isinstance(s, ast.Let):
            return self.let(s), False
        if isinstance(s, ast.Assign):
            return self.assign(s), False
        if isinstance(s, ast.If):
            return self.if_stmt(s)
        if isinstance(s, ast.While):
            cond = self.check(s.cond, BOOL)
            body = self.loop_body(s.body)
            return ir.new(ir.While, cond=cond, body=body, span=s.span), False
        if isinstance(s, ast.ForIn):
            return self.for_in(s), False
        if isinstance(s, ast.ForRange):
            start, end = self.check(s.start, INT), self.check(s.end, INT)
            self.locals.push()
            self.declare_local(s.var, INT, "loop")
            body = self.loop_body(s.body)
            self.locals.pop()
            return ir.new(ir.ForRange, var=s.var.name, start=start, end=end, body=body, span=s.span), False
        if isinstance(s, (ast.Break, ast.Continue)):
            word = "break" if isinstance(s, ast.Break) else "continue"
            if self.loops == 0:
                self.error("DG309", s.span, f"`{word}` outside a loop")
            jump: ir.Stmt = ir.new(ir.Break, span=s.span) if isinstance(s, ast.Break) else ir.new(ir.Continue, span=s.span)
            return jump, True
        if isinstance(s, ast.Return):
            if self.in_test or self.ret is None:
                self.error("DG312", s.span, "`return` is not allowed in a test", "use `expect` to check a value")
                value = self.infer(s.value, ERROR)  # ERROR: no second complaint about a bare `none`
            else:
                value = self.check(s.value, self.ret)
            return ir.new(ir.Return, value=value, span=s.span), True
        if isinstance(s, ast.Require):
            cond, message = self.check(s.cond, BOOL), self.check(s.message, STRING)
            return ir.new(ir.Require, cond=cond, message=message, span=s.span), False
        if isinstance(s, ast.Fail):
            return ir.new(ir.Fail, message=self.check(s.message, STRING), span=s.span), True
        if isinstance(s, ast.Expect):
            self.test_only(s, "expect")
            cond = self.check(s.cond, BOOL)
            note = self.check(s.message, STRING) if s.message is not None else None
            text = self.module.text(s.cond.span)
            return ir.new(ir.Expect, cond=cond, message=note, text=text, span=s.span), False
        return self.expect_error(s), False

    def loop_body(self, body: ast.Block) -> tuple[ir.Stmt, ...]:
        self.loops += 1
        stmts, _ = self.block(body)
        self.loops -= 1
        return tuple(stmts)

    def test_only(self, s: ast.Stmt, word: str) -> None:
        if not self.in_test:
            self.error("DG308", s.span, f"`{word}` is only allowed in a test", "use `require` in functions")

    # --- statements ---------------------------------------------------------
    def let(self, s: ast.Let) -> ir.Stmt:
        if s.type is not None:
            t = self.resolve_type(s.type)
            value = self.check(s.value, t)
        else:
            value = self.infer(s.value, None)
            t = value.type
        self.declare_local(s.name, t, "var" if s.mutable else "let")
        return ir.new(ir.Let, name=s.name.name, mutable=s.mutable, type=t, value=value, span=s.span)

    def resolve_type(self, node: ast.TypeExpr) -> Type:
        report: list[dg.Diagnostic] = []
        t = ty.resolve(node, lambda n: lookup_type(self.env, self.module, n), report, self.here)
        self.sink.extend(report)
        return t

    def assign(self, s: ast.Assign) -> ir.Stmt:
        target = s.target
        var = self.locals.active.get(target.name) if isinstance(target, ast.Name) else None
        if var is None or var.kind != "var":
            if isinstance(target, ast.Name) and var is None:
                self.infer(target, None)  # DG101 for an unknown name
                item = self.module.items.get(target.name)
                if isinstance(item, ConstInfo):
                    self.error("DG207", target.span, f"`{target.name}` is a constant and cannot be assigned")
            elif var is not None:
                words = _KIND_WORDS.get(var.kind, "not a `var`")
                self.error("DG207", target.span, f"`{var.name}` is {words} and cannot be assigned", "declare it with `var`")
            else:
                self.error("DG207", target.span, "only a `var` local can be assigned", "values are immutable: build a new one with `with`, `put` or `append`")
            self.infer(s.value, None)
            return ir.new(ir.Assign, name=getattr(target, "name", "?"), value=self.bad(s.value.span), span=s.span)
        if s.op == "=":
            value = self.check(s.value, var.type)
        else:
            current = ir.new(ir.Local, type=var.type, name=var.name, span=target.span)
            value = self.arith(s.op[0], current, self.infer(s.value, None), s.span)
            value = self.coerce(value, var.type, s.span)
        return ir.new(ir.Assign, name=var.name, value=value, span=s.span)

    def if_stmt(self, s: ast.If) -> tuple[ir.Stmt, bool]:
        cond = self.check(s.cond, BOOL)
        then, then_ends = self.block(s.then)
        else_: tuple[ir.Stmt, ...] | None = None
        else_ends = False
        if isinstance(s.else_, ast.Block):
            stmts, else_ends = self.block(s.else_)
            else_ = tuple(stmts)
        elif isinstance(s.else_, ast.If):
            nested, else_ends = self.if_stmt(s.else_)
            else_ = (nested,)
        node = ir.new(ir.If, cond=cond, then=tuple(then), else_=else_, span=s.span)
        return node, then_ends and else_ends

    def for_in(self, s: ast.ForIn) -> ir.Stmt:
        iterable = self.infer(s.iterable, None)
        t = iterable.type
        self.locals.push()
        node: ir.Stmt
        if isinstance(t, ir.MapType) and s.value is not None:
            self.declare_local(s.var, t.key, "loop")
            self.declare_local(s.value, t.value, "loop")
            body = self.loop_body(s.body)
            node = ir.new(ir.ForMap, key=s.var.name, value=s.value.name, iterable=iterable, body=body, span=s.span)
        elif isinstance(t, ir.ListType) and s.value is None:
            self.declare_local(s.var, t.elem, "loop")
            node = ir.new(ir.ForList, var=s.var.name, iterable=iterable, body=self.loop_body(s.body), span=s.span)
        else:
            if isinstance(t, ir.MapType):
                self.error("DG201", s.var.span, "a loop over a Map binds a key and a value", f"write `for {s.var.name}, value in …`")
            elif isinstance(t, ir.ListType):
                assert s.value is not None
                self.error("DG201", s.value.span, "a loop over a List binds one variable", "use `for k, v in …` only for a Map")
            elif not ty.has_error(t):
                self.error("DG201", s.iterable.span, f"cannot loop over a value of type {self.show(t)}", "loop over a List, a Map or a range `a..b`")
            for ident in (s.var, s.value):
                if ident is not None:
                    self.declare_local(ident, ERROR, "loop")
            node = ir.new(ir.ForList, var=s.var.name, iterable=iterable, body=self.loop_body(s.body), span=s.span)
        self.locals.pop()
        return node

    def expect_error(self, s: ast.ExpectError) -> ir.Stmt:
        self.test_only(s, "expect_error")
        call = self.infer(s.call, None)
        if not isinstance(call, (ir.CallFn, ir.CallBuiltin)) and not ty.has_error(call.type):
            self.error("DG313", s.call.span, "`expect_error` needs a call of a function", "write `expect_error f(x)`")
        kind: str | None = None
        message = self.check(s.message, STRING) if s.message is not None else None
        if s.kind is not None:
            item = self.module.items.get(s.kind.name)
            if s.kind.name in ERROR_KINDS:
                kind = s.kind.name
            elif isinstance(item, ConstInfo) or s.kind.name in self.locals.active:
                message = self.check(ast.Name(s.kind.name, s.kind.span), STRING)  # `expect_error f(), MESSAGE`
            else:
                hint = dg.did_you_mean(s.kind.name, ERROR_KINDS) or "kinds: " + ", ".join(ERROR_KINDS)
                self.error("DG216", s.kind.span, f"`{s.kind.name}` is not an error kind", hint)
        text = self.module.text(s.call.span)
        return ir.new(ir.ExpectError, call=call, error_kind=kind, message=message, text=text, span=s.span)
