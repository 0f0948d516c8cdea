"""The Transformer: Lark's reductions to syntax-tree nodes, with spans.

Consumes: tokens and already-built children, as Lark reduces each rule (it
calls these methods inline while parsing, so no parse tree is built).
Produces: `ast` nodes whose spans come from their first and last tokens, and
diagnostics for problems found inside literals (DG005, DG007, DG008, DG010).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import diagnostics as dg
from ..diagnostics import Diagnostic
from ..source import SourceFile, Span
from . import ast
from .literals import parse_float_literal, parse_int_literal, unescape_string

if TYPE_CHECKING:
    from lark import Token


class ToAst:
    """Builds `ast` nodes from the parse; one method per grammar rule.

    Lark calls these methods as inline callbacks while it reduces (the
    `transformer=` option), so no parse tree is built. It needs no base
    class: Lark looks the methods up by rule name, and a rule without a
    method would build a plain `Tree`.
    """

    def __init__(self) -> None:
        self.source: SourceFile = SourceFile("<input>", "")
        self.diags: list[Diagnostic] = []
        # The token classes of whichever Lark runs (stand-alone and/or runtime).
        self.tokens: tuple[type[Token], ...] = ()

    # --- helpers ---------------------------------------------------------
    def _span(self, first: Any, last: Any | None = None) -> Span:
        last = first if last is None else last
        start = self._start(first)
        end = self._end(last)
        return self.source.span(start, max(start, end))

    def _ident(self, tok: Token) -> ast.Ident:
        return ast.Ident(str(tok), self._tok_span(tok))

    def _tok_span(self, tok: Token) -> Span:
        start = tok.start_pos or 0
        return self.source.span(start, tok.end_pos if tok.end_pos is not None else start)

    def _node_span(self, children: list[Any]) -> Span:
        present = [c for c in children if c is not None and self._start(c) >= 0]
        if not present:
            return self.source.end_span
        return self._span(present[0], present[-1])

    # --- module and declarations ----------------------------------------
    def start(self, children: list[Any]) -> ast.Module:
        (doc, name, header_span), *items = children
        imports = tuple(i for i in items if isinstance(i, ast.Import))
        decls = tuple(i for i in items if not isinstance(i, ast.Import))
        return ast.Module(name, imports, decls, doc, header_span)

    def module_header(self, children: list[Any]) -> tuple[str | None, tuple[ast.Ident, ...], Span]:
        doc, name = children
        return doc, name, self._span(name[0], name[-1])

    def dotted(self, children: list[Token]) -> tuple[ast.Ident, ...]:
        return tuple(self._ident(t) for t in children)

    def docs(self, children: list[Token]) -> str | None:
        if not children:
            return None
        lines = []
        for tok in children:
            text = str(tok)[3:]
            lines.append(text[1:] if text.startswith(" ") else text)
        return "\n".join(lines)

    def import_decl(self, children: list[Any]) -> ast.Import:
        (path,) = children
        return ast.Import(path, self._span(path[0], path[-1]))

    def const_decl(self, children: list[Any]) -> ast.ConstDecl:
        doc, name, type_, _eq, value = children
        return ast.ConstDecl(self._ident(name), type_, value, doc, self._span(name, value))

    def enum_decl(self, children: list[Any]) -> ast.EnumDecl:
        doc, name, *members = children
        return ast.EnumDecl(self._ident(name), self._present(members), doc, self._tok_span(name))

    def member(self, children: list[Any]) -> ast.EnumMember:
        doc, name = children
        return ast.EnumMember(self._ident(name), doc, self._tok_span(name))

    def record_decl(self, children: list[Any]) -> ast.RecordDecl:
        doc, name, *fields = children
        return ast.RecordDecl(self._ident(name), self._present(fields), doc, self._tok_span(name))

    def field_decl(self, children: list[Any]) -> ast.FieldDecl:
        doc, name, type_ = children
        return ast.FieldDecl(self._ident(name), type_, doc, self._span(name, type_))

    def union_decl(self, children: list[Any]) -> ast.UnionDecl:
        doc, name, *variants = children
        return ast.UnionDecl(self._ident(name), self._present(variants), doc, self._tok_span(name))

    def variant(self, children: list[Any]) -> ast.VariantDecl:
        doc, name, *rest = children
        fields = rest[0] if rest else ()
        return ast.VariantDecl(self._ident(name), fields, doc, self._tok_span(name))

    def variant_fields(self, children: list[Any]) -> tuple[ast.FieldDecl, ...]:
        return self._present(children)

    def fn_decl(self, children: list[Any]) -> ast.FnDecl:
        doc, name, *params, ret, body = children
        return ast.FnDecl(self._ident(name), self._present(params), ret, body, doc, self._tok_span(name))

    def param(self, children: list[Any]) -> ast.Param:
        name, type_ = children
        return ast.Param(self._ident(name), type_, self._span(name, type_))

    def test_decl(self, children: list[Any]) -> ast.TestDecl:
        doc, name, body = children
        return ast.TestDecl(self._string(name), body, doc, self._tok_span(name))

    # --- types -----------------------------------------------------------
    def named_type(self, children: list[Any]) -> ast.NamedType:
        path, *rest = children
        args: tuple[ast.TypeExpr, ...] = rest[0] if rest else ()
        last = rest[0][-1] if rest and rest[0] else path[-1]
        return ast.NamedType(path, args, self._span(path[0], last))

    def type_args(self, children: list[Any]) -> tuple[ast.TypeExpr, ...]:
        return tuple(c for c in children if not isinstance(c, self.tokens))

    def optional_type(self, children: list[Any]) -> ast.OptionalType:
        (inner,) = children
        return ast.OptionalType(inner, inner.span)

    def nested_optional(self, children: list[Any]) -> ast.OptionalType:
        (inner,) = children
        return ast.OptionalType(ast.OptionalType(inner, inner.span), inner.span)

    # --- statements ------------------------------------------------------
    def block(self, children: list[Any]) -> ast.Block:
        stmts = self._present(children)
        span = self._node_span(list(stmts)) if stmts else self.source.end_span
        return ast.Block(stmts, span)

    def let_stmt(self, children: list[Any]) -> ast.Let:
        kw, name, *rest = children
        type_ = rest[0] if len(rest) == 3 else None
        value = rest[-1]
        return ast.Let(self._ident(name), str(kw) == "var", type_, value, self._span(kw, value))

    def assign_stmt(self, children: list[Any]) -> ast.Assign:
        target, op, value = children
        return ast.Assign(target, str(op), value, self._span(target, value))

    def if_stmt(self, children: list[Any]) -> ast.If:
        keyword, cond, then, *rest = children
        return ast.If(cond, then, rest[0] if rest else None, self._span(keyword, cond))

    def while_stmt(self, children: list[Any]) -> ast.While:
        keyword, cond, body = children
        return ast.While(cond, body, self._span(keyword, cond))

    def for_stmt(self, children: list[Any]) -> ast.ForIn | ast.ForRange:
        keyword, *children = children
        names = [self._ident(c) for c in children if isinstance(c, self.tokens)]
        exprs = [c for c in children if not isinstance(c, self.tokens)]
        body = exprs.pop()
        span = self._span(keyword, exprs[-1])
        if len(exprs) == 2:
            if len(names) == 2:
                self.diags.append(dg.make("DG003", names[1].span, "a range loop binds one variable", "write `for i in a..b`"))
            return ast.ForRange(names[0], exprs[0], exprs[1], body, span)
        return ast.ForIn(names[0], names[1] if len(names) == 2 else None, exprs[0], body, span)

    def break_stmt(self, children: list[Any]) -> ast.Break:
        return ast.Break(self._tok_span(children[0]))

    def continue_stmt(self, children: list[Any]) -> ast.Continue:
        return ast.Continue(self._tok_span(children[0]))

    def return_stmt(self, children: list[Any]) -> ast.Return:
        keyword, value = children
        return ast.Return(value, self._span(keyword, value))

    def require_stmt(self, children: list[Any]) -> ast.Require:
        keyword, cond, message = children
        return ast.Require(cond, message, self._span(keyword, message))

    def fail_stmt(self, children: list[Any]) -> ast.Fail:
        keyword, message = children
        return ast.Fail(message, self._span(keyword, message))

    def expect_stmt(self, children: list[Any]) -> ast.Expect:
        keyword, cond, *rest = children
        return ast.Expect(cond, rest[0] if rest else None, self._span(keyword, children[-1]))

    def expect_error_stmt(self, children: list[Any]) -> ast.ExpectError:
        keyword, call, *rest = children
        message: ast.Expr | None = rest[0] if rest else None
        kind = None
        if isinstance(message, ast.Name) and message.name[:1].isupper():
            kind, message = ast.Ident(message.name, message.span), None
        return ast.ExpectError(call, message, kind, self._span(keyword, children[-1]))

    # --- expressions -----------------------------------------------------
    def if_expr(self, children: list[Any]) -> ast.IfExpr:
        cond, then, else_ = children
        return ast.IfExpr(cond, then, else_, self._span(cond, else_))

    def or_(self, children: list[Any]) -> ast.Binary:
        left, right = children
        return ast.Binary("or", left, right, self._span(left, right))

    def and_(self, children: list[Any]) -> ast.Binary:
        left, right = children
        return ast.Binary("and", left, right, self._span(left, right))

    def not_(self, children: list[Any]) -> ast.Unary:
        (operand,) = children
        return ast.Unary("not", operand, operand.span)

    def compare(self, children: list[Any]) -> ast.Binary:
        left = children[0]
        if len(children) > 3:
            op = children[3]
            self.diags.append(
                dg.make("DG010", self._tok_span(op), f"comparison `{op}` cannot follow another comparison", "add parentheses or use `and`")
            )
        result: ast.Binary | None = None
        for i in range(1, len(children), 2):
            right = children[i + 1]
            result = ast.Binary(str(children[i]), result or left, right, self._span(children[0], right))
        assert result is not None
        return result

    def coalesce(self, children: list[Any]) -> ast.Binary:
        left, right = children
        return ast.Binary("??", left, right, self._span(left, right))

    def binary(self, children: list[Any]) -> ast.Binary:
        left, op, right = children
        return ast.Binary(str(op), left, right, self._span(left, right))

    def neg(self, children: list[Any]) -> ast.Expr:
        op, operand = children
        return ast.Unary("-", operand, self._span(op, operand))

    def call(self, children: list[Any]) -> ast.Call:
        callee, *args = children
        return ast.Call(callee, self._present(args), self._span(callee, children[-1]))

    def arg(self, children: list[Any]) -> ast.Arg:
        if len(children) == 2:
            name, value = children
            return ast.Arg(self._ident(name), value, self._span(name, value))
        (value,) = children
        return ast.Arg(None, value, value.span)

    def field(self, children: list[Any]) -> ast.Field:
        obj, name = children
        return ast.Field(obj, self._ident(name), self._span(obj, name))

    def index(self, children: list[Any]) -> ast.Index:
        obj, index, close = children
        return ast.Index(obj, index, self._span(obj, close))

    def with_(self, children: list[Any]) -> ast.With:
        obj, *inits = children
        return ast.With(obj, self._present(inits), self._span(obj, children[-1]))

    def record_lit(self, children: list[Any]) -> ast.Expr:
        head, _brace, *inits = children
        path = _path_of(head)
        if path is None:
            self.diags.append(dg.make("DG003", head.span, "expected a record type name before `{`"))
            path = (ast.Ident("?", head.span),)
        return ast.RecordLit(path, self._present(inits), self._span(head, children[-1]))

    def field_init(self, children: list[Any]) -> ast.FieldInit:
        name, value = children
        return ast.FieldInit(self._ident(name), value, self._span(name, value))

    def int_lit(self, children: list[Token]) -> ast.IntLit:
        (tok,) = children
        value, problem = parse_int_literal(str(tok))
        if problem:
            self.diags.append(dg.make("DG007", self._tok_span(tok), problem, "Int values lie in [-(2^53-1), 2^53-1]; use a Float"))
        return ast.IntLit(value, self._tok_span(tok))

    def float_lit(self, children: list[Token]) -> ast.FloatLit:
        (tok,) = children
        value, problem = parse_float_literal(str(tok))
        if problem:
            self.diags.append(dg.make("DG008", self._tok_span(tok), problem))
        return ast.FloatLit(value, str(tok), self._tok_span(tok))

    def string_lit(self, children: list[Token]) -> ast.StringLit:
        (tok,) = children
        return ast.StringLit(self._string(tok), self._tok_span(tok))

    def _string(self, tok: Token) -> str:
        value, problems = unescape_string(str(tok))
        base = tok.start_pos or 0
        for offset, length, message in problems:
            self.diags.append(dg.make("DG005", self.source.span(base + offset, base + offset + length), message))
        return value

    def true_lit(self, children: list[Any]) -> ast.BoolLit:
        return ast.BoolLit(True, self._tok_span(children[0]))

    def false_lit(self, children: list[Any]) -> ast.BoolLit:
        return ast.BoolLit(False, self._tok_span(children[0]))

    def none_lit(self, children: list[Any]) -> ast.NoneLit:
        return ast.NoneLit(self._tok_span(children[0]))

    def name(self, children: list[Token]) -> ast.Name:
        (tok,) = children
        return ast.Name(str(tok), self._tok_span(tok))

    def list_lit(self, children: list[Any]) -> ast.ListLit:
        return ast.ListLit(self._present(children), self._span(children[0], children[-1]))

    def map_lit(self, children: list[Any]) -> ast.MapLit:
        return ast.MapLit(self._present(children), self._span(children[0], children[-1]))

    def map_entry(self, children: list[Any]) -> ast.MapEntry:
        key, value = children
        return ast.MapEntry(key, value, self._span(key, value))

    def match_expr(self, children: list[Any]) -> ast.Match:
        keyword, scrutinee, *arms = children
        return ast.Match(scrutinee, self._present(arms), self._span(keyword, scrutinee))

    def arm(self, children: list[Any]) -> ast.MatchArm:
        *patterns, body = children
        return ast.MatchArm(tuple(patterns), body, self._span(patterns[0], body))

    def case_pat(self, children: list[Any]) -> ast.Pattern:
        name, *rest = children
        ident = self._ident(name)
        if not rest:
            if ident.name == "_":
                return ast.WildcardPat(ident.span)
            return ast.CasePat(ident, None, ident.span)
        bindings = tuple(self._ident(t) for t in rest if t is not None)
        span = self._span(name, rest[-1] if rest[-1] is not None else name)
        if ident.name == "some" and len(bindings) == 1:
            return ast.SomePat(bindings[0], span)
        return ast.CasePat(ident, bindings, span)

    def none_pat(self, children: list[Any]) -> ast.NonePat:
        return ast.NonePat(self._tok_span(children[0]))

    def _start(self, node: Any) -> int:
        if isinstance(node, self.tokens):
            return node.start_pos if node.start_pos is not None else -1
        span = getattr(node, "span", None)
        return span.offset if span is not None else -1

    def _end(self, node: Any) -> int:
        if isinstance(node, self.tokens):
            return node.end_pos if node.end_pos is not None else 0
        span = getattr(node, "span", None)
        return span.end_offset if span is not None else 0

    def _present(self, items: list[Any]) -> tuple[Any, ...]:
        return tuple(item for item in items if item is not None and not isinstance(item, self.tokens))


def _path_of(expr: Any) -> tuple[ast.Ident, ...] | None:
    if isinstance(expr, ast.Name):
        return (ast.Ident(expr.name, expr.span),)
    if isinstance(expr, ast.Field):
        head = _path_of(expr.obj)
        return None if head is None else head + (expr.name,)
    return None
