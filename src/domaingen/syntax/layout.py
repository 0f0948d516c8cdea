"""Layout: the post-lexer between Lark's lexer and its LALR parser.

Consumes: raw tokens (including NEWLINE, SEMI and COMMENT).
Produces: the token stream the grammar expects:

* `_NL` separators, one per run of newlines/`;`, only where a statement or
  declaration can end (after a name, literal, `)`, `]`, `}`, `?`, `>` or
  `break`/`continue`), and never right before `}` or `else`; so an
  expression may continue on the next line after an operator or comma.
* no newlines inside `( )`, `[ ]`, record/map/`with` braces, declaration
  braces or `match` arms (LANGUAGE.md section 3).
* `///` comments become DOC tokens where a doc comment may stand (top level
  and inside declaration braces); elsewhere they are plain comments.
* a `{` right after a name is a record literal (RECORD_LBRACE) unless it
  opens the body of an `if`/`while`/`for`/`match`/`fn`/`test`/`record`/
  `enum`/`union` header, as in Rust: `if p == (P { … }) { … }`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # at run time tokens come from runtime Lark or the stand-alone parser
    from lark import Token

# What a `{` opens once a header keyword has been seen at this bracket depth.
_HEADERS = {
    "if": "block",
    "while": "block",
    "for": "block",
    "fn": "block",
    "test": "block",
    "match": "free",
    "record": "decl",
    "enum": "decl",
    "union": "decl",
}
_CAN_END = {"true", "false", "none", "break", "continue", ")", "]", "}", "?", ">"}
_CAN_END_TYPES = {"NAME", "INT", "FLOAT", "STRING"}


class Layout:
    """A Lark post-lexer (see module docstring)."""

    always_accept: tuple[str, ...] = ("NEWLINE", "SEMI", "COMMENT")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        stack: list[str] = []  # "block" | "decl" | "free" per open bracket
        headers: list[tuple[int, str, str]] = []  # (depth, keyword, brace kind)
        pending: Token | None = None
        prev: Token | None = None
        for tok in stream:
            kind = tok.type
            top = stack[-1] if stack else "top"
            if kind == "NEWLINE" or kind == "SEMI":
                if top in ("top", "block") and prev is not None and pending is None:
                    if kind == "SEMI" or _can_end(prev):
                        pending = tok
                elif kind == "SEMI" and top not in ("top", "block"):
                    yield tok  # a stray `;` inside brackets: let the parser report it
                continue
            if kind == "COMMENT":
                if tok.value.startswith("///") and top in ("top", "decl"):
                    kind = "DOC"
                    tok = type(tok).new_borrow_pos("DOC", tok.value, tok)
                else:
                    continue
            value = tok.value
            if pending is not None:
                if value not in ("}", "else"):
                    yield type(pending).new_borrow_pos("_NL", "\n", pending)
                pending = None
            if kind not in _CAN_END_TYPES and kind != "DOC":
                if value in _HEADERS:
                    headers.append((len(stack), value, _HEADERS[value]))
                elif value == "then" and headers and headers[-1][0] == len(stack) and headers[-1][1] == "if":
                    headers.pop()
                elif value == "{":
                    if headers and headers[-1][0] == len(stack):
                        stack.append(headers.pop()[2])
                    elif prev is not None and prev.type == "NAME":
                        stack.append("free")
                        tok = type(tok).new_borrow_pos("RECORD_LBRACE", value, tok)
                    elif prev is not None and prev.value == "else" and prev.type != "STRING":
                        stack.append("block")
                    else:
                        stack.append("free")
                elif value in ("(", "["):
                    stack.append("free")
                elif value in (")", "]", "}"):
                    if stack:
                        stack.pop()
                    while headers and headers[-1][0] > len(stack):
                        headers.pop()
            yield tok
            prev = tok


def _can_end(tok: Token) -> bool:
    return tok.type in _CAN_END_TYPES or (tok.value in _CAN_END and tok.type not in ("STRING", "DOC"))
