"""Rust literals and doc comments that no input can break out of.

Consumes: DSL string values, doc texts, Int and Float values.
Produces: Rust source text. `string_literal` is one code-point-aware
function: `"` and `\\` are backslash-escaped, the usual controls get their
short escapes, and every other control, line/paragraph separator, bidi
control, BOM or other invisible format character becomes `\\u{…}` (rustc
denies bidi controls in literals and comments). Everything else, astral
characters included, is written raw (Rust source is UTF-8). Doc comments are
`///` lines: line breaks of every kind start a new `///` line, a bare CR can
never appear (rustc rejects it in doc comments), invisible characters are
shown as `\\u{…}` text, and Markdown code fences are neutralised so no doc
text becomes a doctest.
"""

from __future__ import annotations

import math
import unicodedata

_SHORT = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def _invisible(ch: str) -> bool:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI or code in (0x2028, 0x2029, 0xFEFF):
        return True
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs")


def _unicode_escape(ch: str) -> str:
    return f"\\u{{{ord(ch):x}}}"


def string_literal(value: str) -> str:
    out = ['"']
    for ch in value:
        short = _SHORT.get(ch)
        if short is not None:
            out.append(short)
        elif _invisible(ch):
            out.append(_unicode_escape(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


_LINE_BREAKS = ("\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _doc_line(line: str) -> str:
    text = "".join(_unicode_escape(ch) if _invisible(ch) and ch != "\t" else ch for ch in line)
    text = text.replace("\t", "    ").rstrip()
    stripped = text.lstrip()
    if stripped.startswith(("```", "~~~")):
        text = text[: len(text) - len(stripped)] + "\\" + stripped
    return text


def doc_comment(text: str, indent: str = "") -> str:
    """`///` lines (each ends in a newline); empty text gives no comment."""
    for brk in _LINE_BREAKS:
        text = text.replace(brk, "\n")
    lines = [_doc_line(line) for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "".join(f"{indent}/// {line}\n" if line else f"{indent}///\n" for line in lines)


def int_literal(value: int) -> str:
    return str(value)


def float_literal(value: float) -> str:
    """Shortest round-trip text, always readable as an f64 literal (`1.0`, `1e-7`, `-0.0`)."""
    assert math.isfinite(value), value
    text = repr(value)
    if "." not in text and "e" not in text:
        text += ".0"
    if "e" in text:
        mant, _, exp = text.partition("e")
        if "." not in mant:
            mant += ".0"
        text = f"{mant}e{int(exp)}"
    return text
