"""Go string literals and doc comments that no input can break out of.

Consumes: DSL string values and doc texts (Unicode scalar values).
Produces: `string_literal` — an interpreted Go string literal holding
exactly the same code points, printable ASCII kept and everything else
escaped (`\\n \\t \\r`, `\\x..` for other ASCII controls, `\\u`/`\\U` beyond
ASCII, so NUL, U+FEFF, U+2028/2029 and bidi controls never reach the source
raw); and `doc_comment` — `//` lines, where every line break a reader might
see (LF, CR, U+0085, U+2028, U+2029) starts a new `//` line, other control
characters and U+FEFF (illegal or invisible in Go source) are shown as
`\\u{..}`, and a line that would read as a build constraint (`+build`) is
defused. Every line starts `// ` with a space, so no text can become a
`//go:` or `//line` directive; `*/` and quotes are harmless in `//` comments.
"""

from __future__ import annotations

import re

_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def string_literal(value: str) -> str:
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code < 0x80:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def _visible(ch: str) -> str:
    code = ord(ch)
    if (code < 0x20 and ch != "\t") or code == 0x7F or 0x80 <= code < 0xA0 or code == 0xFEFF or code in _BIDI:
        return f"\\u{{{code:X}}}"
    return ch


def doc_lines(text: str) -> list[str]:
    lines = []
    for raw in _BREAKS.split(text):
        line = "".join(_visible(ch) for ch in raw).rstrip()
        if line.lstrip().startswith("+build"):  # `// +build` is a constraint even with the space
            line = "\\" + line.lstrip()
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def doc_comment(text: str, indent: str = "", name: str = "") -> str:
    """`// Name text…` lines (Go doc comments start with the declared name)."""
    lines = doc_lines(text)
    if name:
        first = lines[0] if lines else ""
        lines = [f"{name}: {first}".rstrip() if first else name] + lines[1:]
    return "\n".join(f"{indent}//" + (f" {line}" if line else "") for line in lines)
