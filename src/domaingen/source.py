"""Source files and spans: the first stage of the pipeline.

Consumes: paths on disk (or text handed in by an editor).
Produces: `SourceFile` objects (path, text, line table) and `Span`s that every
later stage uses to point back into the source. Lines and columns are
1-based; columns count code points, as editors and the language spec do.
"""

from __future__ import annotations

import bisect
from bisect import bisect_right as _bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open region of one source file, in 1-based line/column terms."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    offset: int = 0
    end_offset: int = 0

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.col)

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
        }


_new_object = object.__new__
_set_path, _set_line, _set_col, _set_end_line, _set_end_col, _set_offset, _set_end_offset = (
    Span.__dict__[name].__set__ for name in ("path", "line", "col", "end_line", "end_col", "offset", "end_offset")
)


@dataclass(frozen=True)
class SourceFile:
    """One `.dg` file: its display path and its text."""

    path: str
    text: str
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        text = self.text
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        object.__setattr__(self, "_line_starts", starts)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        # `position` twice, inlined: the parser makes a span for every token and node.
        starts = self._line_starts
        line = _bisect_right(starts, start)
        if starts[line - 1] <= end and (line == len(starts) or end < starts[line]):
            end_line = line  # the usual case: both ends on one line
        else:
            end_line = _bisect_right(starts, end)
        # As `Span(...)`, but filling the slots directly: the frozen dataclass's
        # `__init__` goes through `object.__setattr__` for each field (2x slower).
        span = _new_object(Span)
        _set_path(span, self.path)
        _set_line(span, line)
        _set_col(span, start - starts[line - 1] + 1)
        _set_end_line(span, end_line)
        _set_end_col(span, end - starts[end_line - 1] + 1)
        _set_offset(span, start)
        _set_end_offset(span, end)
        return span

    @property
    def end_span(self) -> Span:
        return self.span(len(self.text), len(self.text))


def read_source(path: str, display: str | None = None) -> tuple[SourceFile | None, str | None]:
    """Read a file as UTF-8; return (file, None) or (None, reason)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return None, exc.strerror or str(exc)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 (byte {exc.start})"
    if text.startswith("\ufeff"):
        text = text[1:]
    return SourceFile(display or path, text.replace("\r\n", "\n")), None
