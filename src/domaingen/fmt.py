"""Formatting: `.dg` source text in, the same program in one canonical style out.

Consumes: source text (a `SourceFile`).
Produces: `(formatted text, diagnostics)`. The text is re-lexed with the
project's own Lark lexer *before* the layout post-lexer, so comments and
newlines are tokens; the parsed tree only supplies where the items of
`match` arms and record/enum/union bodies start (they may be separated by
newlines alone). Tokens are printed verbatim with canonical spacing:

* 2-space indentation per open bracket whose items are one per line;
  continuation lines (a line break inside a statement or item) one level more;
* `{ … }`, `( … )`, `[ … ]` that spanned lines stay one item per line (with
  a trailing comma where the grammar takes one: literals, arguments,
  parameters, enum members; record fields, union variants and match arms get
  none); ones written on one line stay on one line; a block that spanned
  lines gets one statement per line (`;` becomes a line break);
* one space around binary operators, `=`, `->`, `=>`, after `,` and `:`;
  none inside `( )`, `[ ]`, map braces or type arguments; unary `-` tight;
* at most one blank line kept inside bodies; exactly one between top-level
  declarations, except that consecutive one-line declarations of the same
  kind (`import`, `const`, one-line `fn`) may stay together as written;
* comments stay where they were (a trailing `//` stays trailing, `///` is
  always on its own line); trailing whitespace is removed (including inside
  `///` text, the one change the tree comparison ignores) and the file ends
  with one newline.

A file with parse errors is returned unchanged with its diagnostics. Every
result is re-parsed and compared with the original tree (spans aside); a
difference raises `FormatterBug` rather than changing a program's meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lark import Token
from lark.lexer import BasicLexer, LexerThread

from .diagnostics import Diagnostic
from .source import SourceFile
from .syntax import ast
from .syntax.layout import _HEADERS, _can_end  # the exact statement-end rules
from .syntax.parser import get_parser, parse

TRIVIA = frozenset({"NEWLINE", "SEMI", "COMMENT"})
WORDS = frozenset({"NAME", "INT", "FLOAT", "STRING"})
ITEM_KEYWORDS = frozenset({"module", "import", "const", "enum", "record", "union", "fn", "test"})
COMMA_LISTS = frozenset({"call", "params", "vfields", "list", "map", "record", "with"})
ITEM_LISTS = frozenset({"match", "fields", "members", "variants"})  # items need not have commas
TERMINATED = COMMA_LISTS | {"members"}  # one item per line: every item ends with `,`
SPACED = frozenset({"block", "match", "fields", "members", "variants", "record", "with"})
_DECL_KINDS = {"record": "fields", "enum": "members", "union": "variants", "match": "match"}


class FormatterBug(Exception):
    """The formatted text would not parse to the same tree (a bug in fmt)."""


def format_source(source: SourceFile) -> tuple[str, list[Diagnostic]]:
    """Format one file; on parse errors return it unchanged with the diagnostics."""
    module, diags = parse(source)
    if module is None or any(d.severity == "error" for d in diags):
        return source.text, diags
    text = _Formatter(source.text, module).run()
    again, _ = parse(SourceFile(source.path, text))
    if again is None or canonical_tree(again) != canonical_tree(module):
        raise FormatterBug(f"{source.path}: formatting would change the program; please report this")
    return text, diags


def format_text(text: str, path: str = "<stdin>") -> tuple[str, list[Diagnostic]]:
    return format_source(SourceFile(path, text))


def raw_tokens(text: str) -> list[Token]:
    """Every token of `text` as the lexer sees it, before layout.py: with
    NEWLINE, SEMI and COMMENT (`//` and `///`) tokens, without spaces."""
    lexer = BasicLexer(get_parser().lexer_conf)
    return list(LexerThread.from_text(lexer, text).lex(None))  # type: ignore[no-untyped-call]


def canonical_tree(node: Any) -> Any:
    """The tree with trailing whitespace stripped from doc-comment lines."""
    if isinstance(node, tuple):
        return tuple(canonical_tree(n) for n in node)
    if isinstance(node, ast.Node):
        changes: dict[str, Any] = {}
        for name in node.compared:
            value = getattr(node, name)
            if name == "doc" and isinstance(value, str):
                changes[name] = "\n".join(line.rstrip() for line in value.split("\n"))
            else:
                changes[name] = canonical_tree(value)
        return ast.replace(node, **changes)
    return node


def _landmarks(node: Any, starts: set[int], maps: set[int]) -> None:
    """Offsets where match arms and record/enum/union items begin, and of the
    `{` of every map literal (even one in a `for … in {…}` header)."""
    if isinstance(node, tuple):
        for n in node:
            _landmarks(n, starts, maps)
        return
    if not isinstance(node, ast.Node) or isinstance(node, ast.Ident):
        return
    if isinstance(node, ast.MatchArm):
        starts.add(node.patterns[0].span.offset)
    elif isinstance(node, (ast.EnumMember, ast.FieldDecl, ast.VariantDecl)):
        starts.add(node.span.offset)
    elif isinstance(node, ast.MapLit):
        maps.add(node.span.offset)
    for name in node.compared:
        _landmarks(getattr(node, name), starts, maps)


def _sym(tok: Token) -> str:
    """A keyword or punctuation token's text; '' for names and literals."""
    return "" if tok.type in WORDS or tok.type == "COMMENT" else str(tok.value)


def _ends_expr(tok: Token) -> bool:
    return tok.type in WORDS or _sym(tok) in ("true", "false", "none", ")", "]", "}")


@dataclass
class _Ctx:
    kind: str  # top, block, match, fields, members, variants, record, with, map, call, params, ...
    open: int  # index of the opening token (-1 for the file)
    close: int  # index of the closing token
    broken: bool  # items one per line
    indent: int  # indent of the lines inside


@dataclass
class _Line:
    indent: int  # -1: a blank line
    text: str = ""
    comment: str = ""


class _Printer:
    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self.last_code: _Line | None = None

    @property
    def cur(self) -> _Line:
        return self.lines[-1]

    def newline(self, indent: int, blanks: int) -> None:
        if self.lines:
            self.lines.extend(_Line(-1) for _ in range(blanks))
        self.lines.append(_Line(indent))

    def word(self, text: str, space: bool) -> None:
        line = self.cur
        line.text += (" " if space and line.text else "") + text
        self.last_code = line

    def comment(self, text: str) -> None:
        self.cur.comment = text

    def ensure_comma(self) -> None:
        if self.last_code is not None and not self.last_code.text.endswith(","):
            self.last_code.text += ","

    def render(self) -> str:
        out = []
        for line in self.lines:
            if line.indent < 0:
                out.append("")
                continue
            text = f"{line.text} {line.comment}" if line.text and line.comment else line.text or line.comment
            out.append(("  " * line.indent + text).rstrip())
        return "\n".join(out).strip("\n") + "\n"


class _Formatter:
    """One file's tokens and the facts about them, then one printing pass."""

    def __init__(self, text: str, module: ast.Module) -> None:
        self.code: list[Token] = []
        self.gaps: list[list[Token]] = [[]]  # gaps[i]: trivia before code[i]
        for tok in raw_tokens(text):
            if tok.type in TRIVIA:
                self.gaps[-1].append(tok)
            else:
                self.code.append(tok)
                self.gaps.append([])
        self.starts: set[int] = set()
        self.maps: set[int] = set()
        _landmarks(module, self.starts, self.maps)
        self.kinds: dict[int, str] = {}
        self.closes: dict[int, int] = {}
        self.broken: set[int] = set()
        self.types: set[int] = set()
        self.one_line: dict[int, bool] = {}
        self._brackets()
        self._types()
        self.p = _Printer()

    # --- facts -----------------------------------------------------------
    def _brackets(self) -> None:
        """Kind, partner and one-per-line-ness of every bracket (as layout.py sees them)."""
        code, gaps = self.code, self.gaps
        stack: list[int] = []
        deep: set[int] = set()  # brackets with a line break anywhere inside
        headers: list[tuple[int, str]] = []
        item = -1
        for i, tok in enumerate(code):
            if any(t.type in TRIVIA for t in gaps[i]):
                deep.update(stack)
                if stack:
                    self.broken.add(stack[-1])
                if item >= 0 and (stack or _sym(tok) not in ITEM_KEYWORDS):
                    self.one_line[item] = False
            sym, prev = _sym(tok), code[i - 1] if i else None
            if not stack and sym in ITEM_KEYWORDS:
                item = i
                self.one_line[i] = True
            if sym in _HEADERS:
                headers.append((len(stack), sym))
            elif sym == "then" and headers and headers[-1] == (len(stack), "if"):
                headers.pop()
            elif sym in ("{", "(", "["):
                self.kinds[i] = self._kind(sym, tok.start_pos, prev, code[i - 2] if i > 1 else None, stack, headers)
                stack.append(i)
            elif sym in (")", "]", "}") and stack:
                opener = stack.pop()
                self.closes[opener] = i
                if self.kinds[opener] == "block" and opener in deep:
                    self.broken.add(opener)
                while headers and headers[-1][0] > len(stack):
                    headers.pop()

    def _kind(self, sym: str, at: int | None, prev: Token | None, before: Token | None, stack: list[int], headers: list[tuple[int, str]]) -> str:
        outer = self.kinds[stack[-1]] if stack else "top"
        if sym == "{":
            if at in self.maps:
                return "map"
            if headers and headers[-1][0] == len(stack):
                return _DECL_KINDS.get(headers.pop()[1], "block")
            if prev is not None and prev.type == "NAME":
                return "record"
            if prev is not None and _sym(prev) == "else":
                return "block"
            return "with" if prev is not None and _sym(prev) == "with" else "map"
        ends = prev is not None and (prev.type in ("NAME", "STRING") or _sym(prev) in (")", "]", "}"))
        if sym == "[":
            return "index" if ends else "list"
        if prev is not None and prev.type == "NAME" and before is not None and _sym(before) == "fn":
            return "params"
        if prev is not None and prev.type == "NAME" and outer == "variants":
            return "vfields"
        return "call" if ends else "group"

    def _types(self) -> None:
        """Mark the tokens of type expressions (so `<`, `>` and `??` print tight)."""
        code = self.code
        inside: list[str] = ["top"]
        for i, tok in enumerate(code):
            sym = _sym(tok)
            if sym in (")", "]", "}") and len(inside) > 1:
                inside.pop()
            typed = sym == "->" or (
                sym == ":"
                and (inside[-1] in ("params", "vfields", "fields") or (i > 1 and _sym(code[i - 2]) in ("let", "var", "const")))
            )
            if typed:
                self._mark_type(i + 1)
            if i in self.kinds:
                inside.append(self.kinds[i])

    def _mark_type(self, j: int) -> None:
        depth, want_name = 0, True
        while j < len(self.code):
            tok, sym = self.code[j], _sym(self.code[j])
            if want_name:
                if tok.type != "NAME":
                    return
                want_name = False
            elif sym in (".", "<"):
                want_name, depth = True, depth + (sym == "<")
            elif sym == ">" and depth:
                depth -= 1
            elif sym == "," and depth:
                want_name = True
            elif sym not in ("?", "??"):
                return
            self.types.add(j)
            j += 1

    # --- printing --------------------------------------------------------
    def run(self) -> str:
        code, p = self.code, self.p
        stack = [_Ctx("top", -1, len(code), True, 0)]
        item = -1
        for i, tok in enumerate(code):
            ctx = stack[-1]
            sym = _sym(tok)
            line, indent, blanks = self._comments(self.gaps[i], i, ctx, *self._decide(i, ctx, item))
            if sym == "," and i not in self.types and ctx.kind in COMMA_LISTS | ITEM_LISTS and not self._keep_comma(i, ctx):
                continue
            if ctx.kind in ITEM_LISTS and i != ctx.open + 1 and self.code[i].start_pos in self.starts:
                if not ctx.broken or ctx.kind in TERMINATED:
                    p.ensure_comma()
            if i == ctx.close and ctx.broken and ctx.kind in TERMINATED and i != ctx.open + 1:
                p.ensure_comma()
            if line:
                p.newline(indent, blanks)
                p.word(str(tok.value), False)
            else:
                p.word(str(tok.value), self._spaced(i, ctx))
            if ctx.kind == "top" and sym in ITEM_KEYWORDS:
                item = i
            if i == ctx.close:
                stack.pop()
            elif i in self.kinds:
                kind = self.kinds[i]
                close = self.closes.get(i, len(code))
                broken = i in self.broken and not (close == i + 1 and not _has_comment(self.gaps[close]))
                stack.append(_Ctx(kind, i, close, broken, p.cur.indent + 1))
        end = self.gaps[len(code)]
        self._comments(end, len(code), stack[-1], True, 0, 1 if _first_run(end) > 1 else 0)
        return p.render()

    def _decide(self, i: int, ctx: _Ctx, item: int) -> tuple[bool, int, int]:
        """(new line?, its indent, blank lines before it) for code[i], ignoring comments."""
        code, gap = self.code, self.gaps[i]
        if i == 0:
            return True, 0, 0
        prev, tok = code[i - 1], code[i]
        newlines = [t for t in gap if t.type != "COMMENT"]
        blank = 1 if _first_run(gap) > 1 else 0
        if i == ctx.close:
            return ctx.broken, ctx.indent - 1, 0
        if i == ctx.open + 1:
            return ctx.broken, ctx.indent, 0
        if ctx.kind in ("top", "block") and newlines and _sym(tok) != "else":
            if any(t.type == "SEMI" for t in gap) or _can_end(prev):
                if ctx.kind == "top":  # one blank line, unless a run of one-liners of one kind
                    lines = sum(t.type == "NEWLINE" for t in gap)
                    plain = lines <= 1 and _first_run(gap) == lines  # no blank line, no own-line comment
                    alike = _sym(code[item]) == _sym(tok) and self.one_line.get(item, False) and self.one_line.get(i, False)
                    blank = 0 if plain and alike else 1
                return True, ctx.indent, blank
        if ctx.kind in ITEM_LISTS and tok.start_pos in self.starts:
            return ctx.broken, ctx.indent, blank
        if ctx.kind in COMMA_LISTS and _sym(prev) == "," and i - 1 not in self.types and ctx.broken:
            return True, ctx.indent, blank
        if newlines and _sym(tok) != "else":
            return True, ctx.indent + 1, 0
        return False, 0, 0

    def _comments(self, gap: list[Token], i: int, ctx: _Ctx, line: bool, indent: int, blanks: int) -> tuple[bool, int, int]:
        """Print the comments before code[i]; return where code[i] goes (as `_decide`)."""
        p = self.p
        if not _has_comment(gap):
            return line, indent, blanks
        if not line:  # `} // c` then `else`, or the end of the file
            indent = p.cur.indent if p.lines else 0
            blanks = 0
        where = ctx.indent if i == ctx.close else indent
        run, first = 0, True
        for tok in gap:
            if tok.type == "NEWLINE":
                run += 1
                continue
            if tok.type != "COMMENT":
                continue
            text = str(tok.value).rstrip()
            if run == 0 and first and p.lines and p.cur.text and not p.cur.comment and not text.startswith("///"):
                p.comment(text)  # a trailing comment stays trailing
                run = 0
                continue
            p.newline(where, blanks if first else min(max(run - 1, 0), 1))
            p.comment(text)
            run, first = 0, False
        if first:  # only a trailing comment: code[i] goes where it would have gone
            return True, indent, blanks
        return True, indent, 0 if i == ctx.close else min(max(run - 1, 0), 1)

    def _keep_comma(self, i: int, ctx: _Ctx) -> bool:
        nxt = i + 1
        if ctx.kind in ITEM_LISTS and nxt != ctx.close and self.code[nxt].start_pos not in self.starts:
            return True  # `A, B => …`: a comma between patterns
        if nxt == ctx.close:
            return ctx.broken and ctx.kind in TERMINATED
        return not (ctx.broken and ctx.kind not in TERMINATED)

    def _spaced(self, i: int, ctx: _Ctx) -> bool:
        code = self.code
        prev, tok = code[i - 1], code[i]
        ps, ts = _sym(prev), _sym(tok)
        if i == ctx.close or i == ctx.open + 1:
            return ctx.kind in SPACED and not (i == ctx.close and i == ctx.open + 1)
        if ps == "-" and (i < 2 or not _ends_expr(code[i - 2])):
            return False  # unary minus
        if ts in (",", ":", ".", "..", "?") or ps in (".", ".."):
            return False
        if (ts in ("<", ">", "??") and i in self.types) or (ps == "<" and i - 1 in self.types):
            return False
        if ts == "(":
            return not (prev.type == "NAME" or ps in (")", "]"))
        if ts == "[":
            return not (prev.type in ("NAME", "STRING") or ps in (")", "]", "}"))
        return True


def _first_run(gap: list[Token]) -> int:
    """Line breaks before the first own-line comment (or in the whole gap)."""
    count = 0
    for tok in gap:
        if tok.type == "COMMENT" and (count > 0 or tok.value.startswith("///")):
            break
        count += tok.type == "NEWLINE"
    return count


def _has_comment(gap: list[Token]) -> bool:
    return any(t.type == "COMMENT" for t in gap)
