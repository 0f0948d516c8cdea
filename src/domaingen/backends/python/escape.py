"""Python string literals and docstrings that no input can break out of.

Consumes: any Python `str` (DSL strings are Unicode scalar values).
Produces: `string_literal(s)`, a double-quoted literal equal to `s`, and
`docstring(text, indent)`, a triple-quoted docstring whose value is `text`.
One code-point-aware escape serves both: `\\` is escaped, control and other
non-printable characters (NUL, U+0085, U+2028/2029, bidi controls, BOM …)
become `\\xNN`/`\\uNNNN`/`\\UNNNNNNNN`, so neither Python's tokenizer nor
black's line splitting ever sees them raw; printable text, astral characters
included, stays readable. In a literal every `"` is escaped; in a docstring
only a `"` that touches another `"` or a line end, so `\"\"\"` can never form
(`\\x22` at the very start and end, where black would pad it).
"""

from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _char(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    if ch.isprintable():
        return ch
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def string_literal(value: str) -> str:
    """Double-quoted unless that needs more escapes than single quotes (black's choice)."""
    quote = "'" if value.count('"') > value.count("'") else '"'
    return quote + "".join("\\" + ch if ch == quote else _char(ch) for ch in value) + quote


def docstring_body(text: str, indent: str = "") -> str:
    """The inside of a docstring: lines joined by real newlines, re-indented."""
    lines = text.split("\n")
    out_lines: list[str] = []
    for line in lines:
        parts: list[str] = []
        for i, ch in enumerate(line):
            if ch == '"' and (line is lines[0] and i == 0 or line is lines[-1] and i == len(line) - 1):
                parts.append("\\x22")  # black pads a docstring that starts or ends with a quote
            elif ch == '"':
                touches = i == 0 or i == len(line) - 1 or line[i - 1] == '"' or line[i + 1] == '"'
                parts.append('\\"' if touches else '"')
            elif ch == " " and i == len(line) - 1:
                parts.append("\\x20")  # black strips trailing spaces; keep the text exact
            else:
                parts.append(_char(ch))
        out_lines.append("".join(parts))
    # black strips the indentation of an empty docstring line
    return "\n".join(indent + x if x and i else x for i, x in enumerate(out_lines)).rstrip(" ")


def docstring(text: str, indent: str = "") -> str:
    """A docstring statement (without leading indentation on its first line)."""
    body = docstring_body(text, indent)
    if "\n" in body:
        return '"""' + body + "\n" + indent + '"""'
    return '"""' + body + '"""'
