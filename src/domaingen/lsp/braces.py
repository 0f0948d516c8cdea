"""Brace matching on source text, for where bodies end.

Consumes: `.dg` source text and an offset.
Produces: the offset just past the `}` that closes a body. The syntax tree's
spans of blocks and declarations cover their first token(s) only, so the
language server finds body ends here; strings and `//` comments are skipped.
"""

from __future__ import annotations


def body_end(text: str, after: int) -> int:
    """Just past the `}` matching the first `{` at or after `after` (or len(text))."""
    index = _skip_to_open(text, after)
    if index < 0:
        return len(text)
    depth = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            index = _string_end(text, index)
            continue
        if text.startswith("//", index):
            newline = text.find("\n", index)
            index = len(text) if newline == -1 else newline
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


def block_end(text: str, first_stmt: int) -> int:
    """Just past the `}` of the block whose first statement starts at `first_stmt`."""
    opening = text.rfind("{", 0, first_stmt)
    return body_end(text, opening) if opening >= 0 else len(text)


def _skip_to_open(text: str, index: int) -> int:
    while index < len(text):
        if text[index] == '"':
            index = _string_end(text, index)
            continue
        if text.startswith("//", index):
            newline = text.find("\n", index)
            index = len(text) if newline == -1 else newline
            continue
        if text[index] == "{":
            return index
        index += 1
    return -1


def _string_end(text: str, start: int) -> int:
    index = start + 1
    while index < len(text) and text[index] not in '"\n':
        index += 2 if text[index] == "\\" else 1
    return index + 1
