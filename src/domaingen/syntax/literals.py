"""Literal text to values: Int, Float and String literals.

Consumes: the text of INT, FLOAT and STRING tokens.
Produces: Python values plus a description of any problem (the parser turns
problems into DG005/DG007/DG008 diagnostics).
"""

from __future__ import annotations

import math

INT_MAX = 2**53 - 1

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def parse_int_literal(text: str) -> tuple[int, str | None]:
    digits = text.replace("_", "")
    value = int(digits[2:], 16) if digits[:2].lower() == "0x" else int(digits, 10)
    if value > INT_MAX:
        return 0, f"Int literal `{text}` is out of range"
    return value, None


def parse_float_literal(text: str) -> tuple[float, str | None]:
    value = float(text.replace("_", ""))
    if not math.isfinite(value):
        return 0.0, f"Float literal `{text}` is not finite"
    return value, None


def unescape_string(token: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Decode a quoted literal. Problems are (offset in token, length, message)."""
    out: list[str] = []
    problems: list[tuple[int, int, str]] = []
    i, end = 1, len(token) - 1
    while i < end:
        ch = token[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = token[i + 1]
        if nxt in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[nxt])
            i += 2
            continue
        if nxt == "u" and i + 2 < end and token[i + 2] == "{":
            close = token.find("}", i + 3, end)
            body = token[i + 3 : close] if close != -1 else ""
            if close == -1 or not body or len(body) > 6 or any(c not in "0123456789abcdefABCDEF" for c in body):
                problems.append((i, 2, "`\\u` needs 1 to 6 hex digits in braces, as in `\\u{1F600}`"))
                i += 2
                continue
            code = int(body, 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                problems.append((i, close + 1 - i, f"`\\u{{{body}}}` is not a Unicode scalar value"))
            else:
                out.append(chr(code))
            i = close + 1
            continue
        problems.append((i, 2, f"unknown escape `\\{nxt}`"))
        i += 2
    return "".join(out), problems
