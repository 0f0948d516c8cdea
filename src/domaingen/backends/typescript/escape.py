"""String literals and doc comments that no input can break out of.

Consumes: DSL string values and doc comment text (any Unicode scalar values).
Produces: a TypeScript double-quoted string literal that is pure printable
ASCII (every other code point is a `\\uXXXX` or `\\u{XXXXX}` escape, so
U+2028/2029, NUL, bidi controls and astral characters are all visible and
harmless), and a JSDoc block whose text cannot end the comment (`*/`
becomes `*\\/`) and whose lines are split at every JavaScript line
terminator.
"""

from __future__ import annotations

import re

_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f", "\v": "\\v"}


def _char(ch: str) -> str:
    short = _SHORT.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if 0x20 <= code < 0x7F:
        return ch
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\u{{{code:X}}}"


def string_literal(value: str) -> str:
    return '"' + "".join(_char(ch) for ch in value) + '"'


_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029]")


def _doc_char(ch: str) -> str:
    code = ord(ch)
    if (
        code < 0x20
        or code == 0x7F
        or 0x80 <= code < 0xA0
        or code in (0x200E, 0x200F, 0xFEFF)
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
    ):
        return f"\\u{{{code:X}}}"
    return ch


def doc_comment(text: str, indent: str = "") -> str:
    """A `/** ... */` block; every line prefixed by `indent`; no trailing newline."""
    lines = [("".join(_doc_char(ch) for ch in line)).replace("*/", "*\\/").rstrip() for line in _LINE_BREAK.split(text)]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) <= 1:
        return f"{indent}/** {''.join(lines)} */"
    body = "\n".join(f"{indent} * {line}".rstrip() for line in lines)
    return f"{indent}/**\n{body}\n{indent} */"
