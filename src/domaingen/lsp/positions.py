"""Positions: code-point offsets and 1-based spans to LSP positions and back.

Consumes: document text, `source.Span`s (1-based line/column in code points)
and LSP positions (0-based line, column in the negotiated encoding: UTF-16
code units unless the client chose `utf-8` or `utf-32`).
Produces: code-point offsets and `lsprotocol` ranges. An astral character
counts as 2 UTF-16 units and 4 UTF-8 bytes.
"""

from __future__ import annotations

from lsprotocol import types as lsp

from ..source import Span


def _units(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == "utf-8":
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    if encoding == "utf-32":
        return 1
    return 2 if code > 0xFFFF else 1


def column_units(line: str, col: int, encoding: str = "utf-16") -> int:
    """Units before code-point column `col` (0-based) of `line`."""
    return sum(_units(c, encoding) for c in line[:col])


def column_points(line: str, units: int, encoding: str = "utf-16") -> int:
    """The code-point column of a unit column (clamped to the line)."""
    seen = 0
    for index, char in enumerate(line):
        if seen >= units:
            return index
        seen += _units(char, encoding)
    return len(line)


class LineTable:
    """One text's line starts, for converting in both directions."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def offset(self, position: lsp.Position) -> int:
        """Code-point offset of an LSP position (clamped to the text)."""
        if position.line >= len(self.lines):
            return len(self.text)
        line = self.lines[max(0, position.line)]
        return self.starts[max(0, position.line)] + column_points(line, position.character, self.encoding)

    def position(self, offset: int) -> lsp.Position:
        offset = max(0, min(offset, len(self.text)))
        low, high = 0, len(self.starts) - 1
        while low < high:  # last start <= offset
            mid = (low + high + 1) // 2
            if self.starts[mid] <= offset:
                low = mid
            else:
                high = mid - 1
        line = self.lines[low]
        return lsp.Position(low, column_units(line, offset - self.starts[low], self.encoding))

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(self.position(start), self.position(end))

    def span_range(self, span: Span | None) -> lsp.Range:
        """A 1-based code-point span as an LSP range (line/col, not offsets)."""
        if span is None or span.line < 1:
            return lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
        return lsp.Range(self._point(span.line, span.col), self._point(span.end_line, span.end_col))

    def _point(self, line: int, col: int) -> lsp.Position:
        index = min(max(line, 1), len(self.lines)) - 1
        text = self.lines[index]
        return lsp.Position(index, column_units(text, max(col, 1) - 1, self.encoding))
