"""List, map, optional and ordering built-ins (LANGUAGE.md section 5).

Consumes: run-time values (`values.Value`): lists are tuples, maps dicts,
optionals None-or-value.
Produces: new values (nothing is mutated) or `DgError`:

| operation              | error                                                              |
|------------------------|--------------------------------------------------------------------|
| `xs[i]`                | IndexOutOfRange "list index i out of range for length n" (i < 0 too) |
| `slice(xs, a, b)`      | IndexOutOfRange "slice range a..b out of range for length n"       |
| `min_of([])`           | IndexOutOfRange "empty list in min_of" (`max_of` likewise)          |
| `sum` (Int)            | IntegerOverflow "Int overflow in sum" at the first partial sum out of range |
| `sum` (Float)          | NotFinite "non-finite result of sum" at the first non-finite partial sum |
| `m[k]`                 | KeyNotFound "key not found in map"                                 |
| `unwrap(none)`         | NoneValue "unwrap of none"                                         |

Ordering choices every target mirrors: `min(a, b)` is `b if b < a else a`,
`max(a, b)` is `b if b > a else a` (ties give the first argument, so
`min(0.0, -0.0)` is `0.0`); `min_of`/`max_of` keep the first of equal
elements; `sort` is stable, so `-0.0` and `0.0` keep their input order.
Map iteration is in ascending key order (Int numerically, String by code
point, enum by declaration index).
"""

from __future__ import annotations

import math
from typing import Any

from .errors import DgError
from .ints import INT_MAX, INT_MIN
from .values import Value

# --- ordering ------------------------------------------------------------------


def min2(a: Any, b: Any) -> Any:
    return b if b < a else a


def max2(a: Any, b: Any) -> Any:
    return b if b > a else a


def clamp(x: Any, lo: Any, hi: Any) -> Any:
    """min(max(x, lo), hi) with the tie rules above (lo > hi gives hi)."""
    m = lo if lo > x else x
    return hi if hi < m else m


# --- lists -----------------------------------------------------------------------


def list_len(xs: tuple[Value, ...]) -> int:
    return len(xs)


def list_index(xs: tuple[Value, ...], i: int) -> Value:
    if 0 <= i < len(xs):
        return xs[i]
    raise DgError("IndexOutOfRange", f"list index {i} out of range for length {len(xs)}")


def list_contains(xs: tuple[Value, ...], x: Value) -> bool:
    return any(item == x for item in xs)


def append(xs: tuple[Value, ...], x: Value) -> tuple[Value, ...]:
    return xs + (x,)


def concat(xs: tuple[Value, ...], ys: tuple[Value, ...]) -> tuple[Value, ...]:
    return xs + ys


def slice_(xs: tuple[Value, ...], start: int, end: int) -> tuple[Value, ...]:
    if start < 0 or end > len(xs) or start > end:
        raise DgError("IndexOutOfRange", f"slice range {start}..{end} out of range for length {len(xs)}")
    return xs[start:end]


def reverse(xs: tuple[Value, ...]) -> tuple[Value, ...]:
    return xs[::-1]


def sort(xs: tuple[Any, ...]) -> tuple[Value, ...]:
    """Stable ascending sort (Python's `sorted` is stable)."""
    return tuple(sorted(xs))


def sum_int(xs: tuple[int, ...]) -> int:
    total = 0
    for x in xs:
        total += x
        if not INT_MIN <= total <= INT_MAX:
            raise DgError("IntegerOverflow", "Int overflow in sum")
    return total


def sum_float(xs: tuple[float, ...]) -> float:
    """Plain left-to-right addition (not Python's compensated `sum`)."""
    total = 0.0
    for x in xs:
        total += x
        if not math.isfinite(total):
            raise DgError("NotFinite", "non-finite result of sum")
    return total


def min_of(xs: tuple[Any, ...]) -> Any:
    if not xs:
        raise DgError("IndexOutOfRange", "empty list in min_of")
    best = xs[0]
    for x in xs[1:]:
        if x < best:
            best = x
    return best


def max_of(xs: tuple[Any, ...]) -> Any:
    if not xs:
        raise DgError("IndexOutOfRange", "empty list in max_of")
    best = xs[0]
    for x in xs[1:]:
        if x > best:
            best = x
    return best


# --- maps ------------------------------------------------------------------------


def map_len(m: dict[Any, Value]) -> int:
    return len(m)


def map_index(m: dict[Any, Value], key: Any) -> Value:
    try:
        return m[key]
    except KeyError:
        raise DgError("KeyNotFound", "key not found in map") from None


def get(m: dict[Any, Value], key: Any) -> Value:
    return m.get(key)


def has(m: dict[Any, Value], key: Any) -> bool:
    return key in m


def put(m: dict[Any, Value], key: Any, value: Value) -> dict[Any, Value]:
    new = dict(m)
    new[key] = value
    return new


def remove(m: dict[Any, Value], key: Any) -> dict[Any, Value]:
    if key not in m:
        return m
    new = dict(m)
    del new[key]
    return new


def keys(m: dict[Any, Value]) -> tuple[Value, ...]:
    return tuple(sorted(m))


def values(m: dict[Any, Value]) -> tuple[Value, ...]:
    return tuple(m[k] for k in sorted(m))


# --- optionals -------------------------------------------------------------------


def unwrap(x: Value) -> Value:
    if x is None:
        raise DgError("NoneValue", "unwrap of none")
    return x


def is_some(x: Value) -> bool:
    return x is not None
