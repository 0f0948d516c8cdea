"""String built-ins (LANGUAGE.md section 5): strings are sequences of code points.

Consumes: Python `str` values (code points; indices and lengths count code
points, ordering is code point order — Python's own `str` semantics).
Produces: results or `DgError`:

| built-in                 | error                                                                 |
|--------------------------|-----------------------------------------------------------------------|
| `substring(s, a, b)`     | IndexOutOfRange "substring range a..b out of range for length n" when a < 0, b > n or a > b |
| `split(s, "")`           | InvalidConversion "empty separator in split"                          |
| `parse_int(s)`           | see `ints.parse_int`                                                  |
| `parse_float(s)`         | InvalidConversion "invalid Float text in parse_float"                 |
"""

from __future__ import annotations

from ..semantics.numfmt import format_float, parse_float as _parse_float
from .errors import DgError

_UPPER = {c: c - 32 for c in range(ord("a"), ord("z") + 1)}
_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_WHITESPACE = " \t\n\r\f"  # not \v, not Unicode spaces


def length(s: str) -> int:
    return len(s)


def concat(a: str, b: str) -> str:
    return a + b


def substring(s: str, start: int, end: int) -> str:
    if start < 0 or end > len(s) or start > end:
        raise DgError("IndexOutOfRange", f"substring range {start}..{end} out of range for length {len(s)}")
    return s[start:end]


def index_of(s: str, sub: str) -> int:
    """Code point index of the first occurrence, -1 if absent; "" is found at 0."""
    return s.find(sub)


def contains(s: str, sub: str) -> bool:
    return sub in s


def starts_with(s: str, prefix: str) -> bool:
    return s.startswith(prefix)


def ends_with(s: str, suffix: str) -> bool:
    return s.endswith(suffix)


def to_upper(s: str) -> str:
    """ASCII a-z only: "ß" and "é" stay as they are."""
    return s.translate(_UPPER)


def to_lower(s: str) -> str:
    """ASCII A-Z only: "İ" and "É" stay as they are."""
    return s.translate(_LOWER)


def trim(s: str) -> str:
    return s.strip(_WHITESPACE)


def split(s: str, sep: str) -> tuple[str, ...]:
    """Every piece, empty ones included: split("a,,b", ",") == ["a", "", "b"], split("", ",") == [""]."""
    if not sep:
        raise DgError("InvalidConversion", "empty separator in split")
    return tuple(s.split(sep))


def join(items: tuple[str, ...], sep: str) -> str:
    return sep.join(items)


def int_to_string(a: int) -> str:
    return str(a)


def float_to_string(x: float) -> str:
    return format_float(x)


def bool_to_string(b: bool) -> str:
    return "true" if b else "false"


def string_to_string(s: str) -> str:
    return s


def parse_float(s: str) -> float:
    value = _parse_float(s)
    if value is None:
        raise DgError("InvalidConversion", "invalid Float text in parse_float")
    return value
