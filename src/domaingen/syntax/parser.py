"""Parsing: source text to syntax tree.

Consumes: a `SourceFile`.
Produces: `(ast.Module | None, diagnostics)`. The LALR parser is built once
per process from `grammar.lark` (its tables cached on disk, keyed by the
grammar's hash) and builds the tree in one pass through `ToAst`; lexical
problems (bad escapes, literal ranges) are reported as diagnostics.
"""

from __future__ import annotations

import gc
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

from .. import diagnostics as dg
from ..diagnostics import Diagnostic
from ..source import SourceFile, Span
from . import ast
from .layout import Layout

if TYPE_CHECKING:
    from lark import Lark, Token
from .literals import parse_float_literal, parse_int_literal, unescape_string

GRAMMAR_PATH = Path(__file__).with_name("grammar.lark")
LAYOUT_PATH = Path(__file__).with_name("layout.py")
STANDALONE_PATH = Path(__file__).with_name("_lalr_standalone.py")
ERROR_KINDS = (
    "DomainError",
    "IntegerOverflow",
    "DivisionByZero",
    "NotFinite",
    "InvalidConversion",
    "IndexOutOfRange",
    "KeyNotFound",
    "NoneValue",
)


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

    # --- helpers ---------------------------------------------------------
    def _span(self, first: Any, last: Any | None = None) -> Span:
        last = first if last is None else last
        start = _start(first)
        end = _end(last)
        return self.source.span(start, max(start, end))

    def _ident(self, tok: Token) -> ast.Ident:
        return ast.Ident(str(tok), self._tok_span(tok))

    def _tok_span(self, tok: Token) -> Span:
        start = tok.start_pos or 0
        return self.source.span(start, tok.end_pos if tok.end_pos is not None else start)

    def _node_span(self, children: list[Any]) -> Span:
        present = [c for c in children if c is not None and _start(c) >= 0]
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
        return ast.EnumDecl(self._ident(name), _present(members), doc, self._tok_span(name))

    def member(self, children: list[Any]) -> ast.EnumMember:
        doc, name = children
        return ast.EnumMember(self._ident(name), doc, self._tok_span(name))

    def record_decl(self, children: list[Any]) -> ast.RecordDecl:
        doc, name, *fields = children
        return ast.RecordDecl(self._ident(name), _present(fields), doc, self._tok_span(name))

    def field_decl(self, children: list[Any]) -> ast.FieldDecl:
        doc, name, type_ = children
        return ast.FieldDecl(self._ident(name), type_, doc, self._span(name, type_))

    def union_decl(self, children: list[Any]) -> ast.UnionDecl:
        doc, name, *variants = children
        return ast.UnionDecl(self._ident(name), _present(variants), doc, self._tok_span(name))

    def variant(self, children: list[Any]) -> ast.VariantDecl:
        doc, name, *rest = children
        fields = rest[0] if rest else ()
        return ast.VariantDecl(self._ident(name), fields, doc, self._tok_span(name))

    def variant_fields(self, children: list[Any]) -> tuple[ast.FieldDecl, ...]:
        return _present(children)

    def fn_decl(self, children: list[Any]) -> ast.FnDecl:
        doc, name, *params, ret, body = children
        return ast.FnDecl(self._ident(name), _present(params), ret, body, doc, self._tok_span(name))

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
        return tuple(c for c in children if not isinstance(c, _TOKENS))

    def optional_type(self, children: list[Any]) -> ast.OptionalType:
        (inner,) = children
        return ast.OptionalType(inner, inner.span)

    def nested_optional(self, children: list[Any]) -> ast.OptionalType:
        (inner,) = children
        return ast.OptionalType(ast.OptionalType(inner, inner.span), inner.span)

    # --- statements ------------------------------------------------------
    def block(self, children: list[Any]) -> ast.Block:
        stmts = _present(children)
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
        names = [self._ident(c) for c in children if isinstance(c, _TOKENS)]
        exprs = [c for c in children if not isinstance(c, _TOKENS)]
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
        return ast.Call(callee, _present(args), self._span(callee, children[-1]))

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
        return ast.With(obj, _present(inits), self._span(obj, children[-1]))

    def record_lit(self, children: list[Any]) -> ast.Expr:
        head, _brace, *inits = children
        path = _path_of(head)
        if path is None:
            self.diags.append(dg.make("DG003", head.span, "expected a record type name before `{`"))
            path = (ast.Ident("?", head.span),)
        return ast.RecordLit(path, _present(inits), self._span(head, children[-1]))

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
        return ast.ListLit(_present(children), self._span(children[0], children[-1]))

    def map_lit(self, children: list[Any]) -> ast.MapLit:
        return ast.MapLit(_present(children), self._span(children[0], children[-1]))

    def map_entry(self, children: list[Any]) -> ast.MapEntry:
        key, value = children
        return ast.MapEntry(key, value, self._span(key, value))

    def match_expr(self, children: list[Any]) -> ast.Match:
        keyword, scrutinee, *arms = children
        return ast.Match(scrutinee, _present(arms), self._span(keyword, scrutinee))

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



def _start(node: Any) -> int:
    if isinstance(node, _TOKENS):
        return node.start_pos if node.start_pos is not None else -1
    span = getattr(node, "span", None)
    return span.offset if span is not None else -1


def _end(node: Any) -> int:
    if isinstance(node, _TOKENS):
        return node.end_pos if node.end_pos is not None else 0
    span = getattr(node, "span", None)
    return span.end_offset if span is not None else 0


def _present(items: list[Any]) -> tuple[Any, ...]:
    return tuple(item for item in items if item is not None and not isinstance(item, _TOKENS))


def _path_of(expr: Any) -> tuple[ast.Ident, ...] | None:
    if isinstance(expr, ast.Name):
        return (ast.Ident(expr.name, expr.span),)
    if isinstance(expr, ast.Field):
        head = _path_of(expr.obj)
        return None if head is None else head + (expr.name,)
    return None


_PARSER: Lark | None = None
_TRANSFORMER = ToAst()


def grammar_digest() -> str:
    """What the parse tables are a function of: grammar.lark and the post-lexer."""
    import hashlib

    return hashlib.sha256(GRAMMAR_PATH.read_bytes() + b"\0" + LAYOUT_PATH.read_bytes()).hexdigest()[:32]


def _load_standalone() -> Any:
    """The generated stand-alone parser module, or None when it is missing or stale.

    `_lalr_standalone.py` is Lark's stand-alone parser for grammar.lark
    (`python -m domaingen.syntax.parser --standalone` regenerates it): the
    same LALR tables and runtime, without importing `lark` or loading the
    tables from the disk cache (docs/performance.md). Its first line records
    the digest of the grammar and post-lexer it was generated from; if they
    changed since, we fall back to runtime Lark, never to a stale table.
    """
    try:
        with open(STANDALONE_PATH, encoding="utf-8") as handle:
            head = handle.readline()
    except OSError:
        return None
    if head.strip() != f"# grammar digest: {grammar_digest()}":
        return None
    from . import _lalr_standalone

    return _lalr_standalone


_STANDALONE = _load_standalone()
if _STANDALONE is not None:
    _TOKENS: tuple[type[Token], ...] = (_STANDALONE.Token,)
    _ERRORS: Any = _STANDALONE
else:
    import lark
    import lark.exceptions

    _TOKENS = (lark.Token,)
    _ERRORS = lark.exceptions
_FAST: Any = None  # what `parse` uses: the stand-alone parser when fresh, else `get_parser()`


def _cache_path() -> str | bool:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "domaingen")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        folder = tempfile.gettempdir()
    # Lark keys its cache on the grammar; the post-lexer shapes the tables too.
    import hashlib

    import lark

    digest = hashlib.sha256(GRAMMAR_PATH.read_bytes() + LAYOUT_PATH.read_bytes())
    digest.update(lark.__version__.encode())
    return os.path.join(folder, f"grammar-{digest.hexdigest()[:16]}.lalr")


def _lark_options() -> dict[str, Any]:
    return dict(
        parser="lalr",
        lexer="basic",
        # Spans come from tokens (`_tok_span`/`_span`), never from Lark's
        # `meta`; propagating positions cost ~10-25% of parse time for nothing.
        propagate_positions=False,
        maybe_placeholders=True,
        strict=True,
    )


def get_parser() -> Lark:
    """The runtime Lark parser (tables cached on disk); `fmt` uses its lexer."""
    global _PARSER, _TOKENS
    if _PARSER is None:
        from lark import Lark, Token

        _PARSER = Lark(
            GRAMMAR_PATH.read_text(encoding="utf-8"),
            postlex=Layout(),
            transformer=_TRANSFORMER,
            cache=_cache_path(),
            **_lark_options(),
        )
        if Token not in _TOKENS:
            _TOKENS = _TOKENS + (Token,)
    return _PARSER


def _fast_parser() -> Any:
    global _FAST
    if _FAST is None:
        if _STANDALONE is not None:
            _FAST = _STANDALONE.Lark_StandAlone(postlex=Layout(), transformer=_TRANSFORMER)
        else:
            _FAST = get_parser()
    return _FAST


def _canonical_states(table: Any) -> None:
    """Renumber LALR states in breadth-first order from the start states,
    actions sorted by terminal name, so the generated file does not depend
    on set iteration order (object hashes) in Lark's table construction."""
    order: dict[int, int] = {}
    queue = [table.start_states[name] for name in sorted(table.start_states)]
    while queue:
        state = queue.pop(0)
        if state in order:
            continue
        order[state] = len(order)
        for token in sorted(table.states[state]):
            action, arg = table.states[state][token]
            if action.name == "Shift" and arg not in order:
                queue.append(arg)
    for state in table.states:  # unreachable states (none expected) keep a stable place
        order.setdefault(state, len(order))
    table.states = {
        order[state]: {
            token: (action, order[arg] if action.name == "Shift" else arg)
            for token, (action, arg) in sorted(table.states[state].items())
        }
        for state in sorted(table.states, key=order.__getitem__)
    }
    table.start_states = {name: order[s] for name, s in sorted(table.start_states.items())}
    table.end_states = {name: order[s] for name, s in sorted(table.end_states.items())}


def standalone_source() -> str:
    """The text of `_lalr_standalone.py` for the current grammar (needs `lark`).

    Lark numbers symbols in set order, so generation runs with
    PYTHONHASHSEED=0, and states are renumbered canonically: regenerating
    gives the committed file byte for byte.
    """
    import io

    if os.environ.get("PYTHONHASHSEED") != "0":
        import subprocess
        import sys

        code = "import sys; from domaingen.syntax.parser import standalone_source as s; sys.stdout.write(s())"
        env = dict(os.environ, PYTHONHASHSEED="0")
        done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, encoding="utf-8")
        return done.stdout

    from lark import Lark
    from lark.tools.standalone import gen_standalone

    class KeepLayoutTerminals:
        """Stands in for `Layout` while generating: the terminals it needs
        are kept, and its repr is what the options dict in the file should
        say (`_fast_parser` passes the real `Layout()` when loading)."""

        always_accept = Layout.always_accept

        def process(self, stream: Any) -> Any:
            return stream

        def __repr__(self) -> str:
            return "None"

    grammar = Lark(GRAMMAR_PATH.read_text(encoding="utf-8"), postlex=KeepLayoutTerminals(), **_lark_options())
    _canonical_states(grammar.parser.parser.parser.parse_table)
    out = io.StringIO()
    gen_standalone(grammar, out=out)  # type: ignore[no-untyped-call]
    return (
        f"# grammar digest: {grammar_digest()}\n"
        "# GENERATED from grammar.lark by `python -m domaingen.syntax.parser --standalone`; do not edit.\n"
        "# mypy: ignore-errors\n"
        "# ruff: noqa\n"
        "# fmt: off\n" + out.getvalue()
    )


def parse(source: SourceFile) -> tuple[ast.Module | None, list[Diagnostic]]:
    """Parse one file. Returns the module (None on a syntax error) and diagnostics."""
    parser = _fast_parser()
    _TRANSFORMER.source = source
    _TRANSFORMER.diags = []
    # Parsing allocates only acyclic tree nodes: the cyclic collector would
    # only rescan them (up to a third of parse time on big files).
    collecting = gc.isenabled()
    gc.disable()
    try:
        module: ast.Module = parser.parse(source.text)  # ToAst.start builds it
    except _ERRORS.UnexpectedInput as exc:
        return None, _TRANSFORMER.diags + [_missing_module(source) or _syntax_error(source, exc)]
    except _ERRORS.VisitError as exc:  # a transformer method failed on malformed input
        return None, _TRANSFORMER.diags + [dg.make("DG003", source.end_span, f"cannot read this construct ({exc.orig_exc})")]
    finally:
        if collecting:
            gc.enable()
    return module, _TRANSFORMER.diags


_LEADING = re.compile(r"(?:\s|//[^\n]*)*")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\S?")


def _missing_module(source: SourceFile) -> Diagnostic | None:
    """DG009 when the file does not begin (after comments) with `module`."""
    text = source.text
    leading = _LEADING.match(text)
    start = leading.end() if leading else 0
    word = _WORD.match(text, start)
    end = word.end() if word else start
    if text[start:end] == "module":
        return None
    return dg.make("DG009", source.span(start, end), "a file must begin with its `module` line", "add e.g. `module game.items` as the first line")


_TOKEN_WORDS = {
    "NAME": "a name",
    "INT": "an integer",
    "FLOAT": "a number",
    "STRING": "a string",
    "_NL": "end of line",
    "DOC": "a doc comment",
    "$END": "end of file",
    "RECORD_LBRACE": "`{`",
}


def _describe(term: str, parser: Any) -> str:
    if term in _TOKEN_WORDS:
        return _TOKEN_WORDS[term]
    try:
        pattern = parser.get_terminal(term).pattern
    except KeyError:
        return term
    if pattern.type == "str":
        return f"`{pattern.value}`"
    return term.lower()


def _syntax_error(source: SourceFile, exc: Any) -> Diagnostic:
    parser = _fast_parser()
    if isinstance(exc, _ERRORS.UnexpectedCharacters):
        start = exc.pos_in_stream or 0
        char = source.text[start : start + 1]
        if char == '"':
            return dg.make("DG006", source.span(start, start + 1), "unterminated string literal", "close it with `\"` on the same line")
        return dg.make("DG002", source.span(start, start + 1), f"unexpected character {char!r}")
    if isinstance(exc, _ERRORS.UnexpectedEOF) or (isinstance(exc, _ERRORS.UnexpectedToken) and exc.token.type == "$END"):
        return dg.make("DG004", source.end_span, "unexpected end of file", _expected_hint(exc, parser))
    assert isinstance(exc, _ERRORS.UnexpectedToken)
    tok = exc.token
    start = tok.start_pos or 0
    end = tok.end_pos if tok.end_pos is not None else start
    found = _TOKEN_WORDS.get(tok.type) or f"`{tok.value}`"
    if tok.type == "_NL":
        end = start
    return dg.make("DG003", source.span(start, end), f"unexpected {found}", _expected_hint(exc, parser))


def _expected_hint(exc: Any, parser: Any) -> str | None:
    expected = set(getattr(exc, "expected", None) or getattr(exc, "accepts", None) or [])
    if {"NAME", "INT", "STRING", "LPAR"} <= expected:
        return "expected an expression"
    words = sorted({_describe(term, parser) for term in expected})
    if not words:
        return None
    if len(words) > 8:
        words = words[:8] + ["…"]
    return "expected " + ", ".join(words)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--standalone"]:
        sys.exit("usage: python -m domaingen.syntax.parser --standalone   (regenerates _lalr_standalone.py)")
    STANDALONE_PATH.write_text(standalone_source(), encoding="utf-8")
    print(f"wrote {STANDALONE_PATH}")
