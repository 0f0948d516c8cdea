"""The domaingen Python runtime: errors, checked arithmetic and built-ins.

Consumes: values of generated code (int, float, bool, str, tuple, dict,
enums, frozen dataclasses).
Produces: the LANGUAGE.md section 5 semantics, mirroring the reference
interpreter (`domaingen.interp`) operation by operation, including the order
of the checks inside each operation and the error messages:

* Int: exact in [-(2^53-1), 2^53-1], `IntegerOverflow` outside; `/`
  truncates, `%` takes the dividend's sign, zero divisor `DivisionByZero`;
* Float: a non-finite result is `NotFinite`; `sqrt pow exp …` come from the
  bundled fdlibm port (`floatlib`), formatting from `numfmt` (ECMAScript);
* String: code points (Python's own `str`), ASCII-only case mapping, ASCII
  whitespace trimming;
* List/Map: `IndexOutOfRange`, `KeyNotFound`; maps iterate in key order.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Mapping, NoReturn, Protocol, TypeVar

from . import floatlib
from .numfmt import format_float, parse_float as _parse_float

INT_MAX = 9007199254740991
INT_MIN = -INT_MAX


class DomainError(Exception):
    """Every error a domaingen function raises: `kind` and `message`.

    `require`/`fail` raise this class itself (kind "DomainError", the
    message of the source); the other seven kinds are subclasses.
    """

    kind: str = "DomainError"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class IntegerOverflow(DomainError):
    kind = "IntegerOverflow"


class DivisionByZero(DomainError):
    kind = "DivisionByZero"


class NotFinite(DomainError):
    kind = "NotFinite"


class InvalidConversion(DomainError):
    kind = "InvalidConversion"


class IndexOutOfRange(DomainError):
    kind = "IndexOutOfRange"


class KeyNotFound(DomainError):
    kind = "KeyNotFound"


class NoneValue(DomainError):
    kind = "NoneValue"


T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class _Ordered(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


O = TypeVar("O", bound=_Ordered)

# --- Int -------------------------------------------------------------------------


def overflow(op: str) -> NoReturn:
    raise IntegerOverflow(f"Int overflow in {op}")


def add(a: int, b: int) -> int:
    r = a + b
    if INT_MIN <= r <= INT_MAX:
        return r
    raise IntegerOverflow("Int overflow in +")


def sub(a: int, b: int) -> int:
    r = a - b
    if INT_MIN <= r <= INT_MAX:
        return r
    raise IntegerOverflow("Int overflow in -")


def mul(a: int, b: int) -> int:
    r = a * b
    if INT_MIN <= r <= INT_MAX:
        return r
    raise IntegerOverflow("Int overflow in *")


def div(a: int, b: int) -> int:
    """Quotient truncated toward zero."""
    if b == 0:
        raise DivisionByZero("division by zero")
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def rem(a: int, b: int) -> int:
    """Remainder with the dividend's sign."""
    if b == 0:
        raise DivisionByZero("remainder by zero")
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def ipow(base: int, exponent: int) -> int:
    if exponent < 0:
        raise InvalidConversion("negative exponent in pow")
    if exponent == 0 or base == 1:
        return 1
    if base == 0:
        return 0
    if base == -1:
        return -1 if exponent % 2 else 1
    if exponent > 53:
        raise IntegerOverflow("Int overflow in pow")
    r: int = base**exponent
    if INT_MIN <= r <= INT_MAX:
        return r
    raise IntegerOverflow("Int overflow in pow")


_trunc = math.trunc
_floor = math.floor
_ceil = math.ceil


def _in_range(r: int, name: str) -> int:
    if INT_MIN <= r <= INT_MAX:
        return r
    raise InvalidConversion(f"Float out of Int range in {name}")


# Each conversion first compares the Float itself against the exact bounds of
# the inputs whose result is an Int (cheaper than comparing the result); the
# rest, including a non-finite value, take the general path.


def to_int(x: float) -> int:
    if -9007199254740992.0 < x < 9007199254740992.0:
        return _trunc(x)
    return _in_range(_trunc(x), "int")


def trunc(x: float) -> int:
    if -9007199254740992.0 < x < 9007199254740992.0:
        return _trunc(x)
    return _in_range(_trunc(x), "trunc")


def floor(x: float) -> int:
    if -9007199254740991.0 <= x < 9007199254740992.0:
        return _floor(x)
    return _in_range(_floor(x), "floor")


def ceil(x: float) -> int:
    if -9007199254740992.0 < x <= 9007199254740991.0:
        return _ceil(x)
    return _in_range(_ceil(x), "ceil")


def round_half_away(x: float) -> int:
    """Half away from zero, exactly (`x - trunc(x)` is exact in binary64)."""
    r = math.trunc(x)
    if abs(x - r) >= 0.5:
        r += 1 if x > 0 else -1
    return _in_range(r, "round")


def parse_int(s: str) -> int:
    """Exactly `-?[0-9]+` (ASCII digits), in range."""
    digits = s[1:] if s.startswith("-") else s
    if not digits or not all("0" <= c <= "9" for c in digits):
        raise InvalidConversion("invalid Int text in parse_int")
    significant = digits.lstrip("0")
    if len(significant) > 16:
        raise InvalidConversion("invalid Int text in parse_int")
    value = int(significant or "0")
    if s.startswith("-"):
        value = -value
    if INT_MIN <= value <= INT_MAX:
        return value
    raise InvalidConversion("invalid Int text in parse_int")


# --- Float -----------------------------------------------------------------------

INF = math.inf


def not_finite(op: str) -> NoReturn:
    raise NotFinite(f"non-finite result of {op}")


_isfinite = math.isfinite


def fadd(a: float, b: float) -> float:
    r = a + b
    if _isfinite(r):
        return r
    raise NotFinite("non-finite result of +")


def fsub(a: float, b: float) -> float:
    r = a - b
    if _isfinite(r):
        return r
    raise NotFinite("non-finite result of -")


def fmul(a: float, b: float) -> float:
    r = a * b
    if _isfinite(r):
        return r
    raise NotFinite("non-finite result of *")


def fdiv(a: float, b: float) -> float:
    if b == 0.0:
        raise NotFinite("non-finite result of /")
    r = a / b
    if _isfinite(r):
        return r
    raise NotFinite("non-finite result of /")


def _checked1(
    fn: Callable[[float], float], name: str, memoize: bool = True
) -> Callable[[float], float]:
    """`fn` checked for a finite result, with a bounded memo of finite results.

    The float functions are pure, and slow in pure Python (the fdlibm port),
    while domain code calls them with few distinct arguments (`pow(x, 1.5)`
    for each level). Equal non-zero floats are bit-identical, so the memo is
    exact; zeros are never stored because `-0.0 == 0.0` while `sin(-0.0)` is
    `-0.0` (a zero argument therefore always misses and is computed).
    """
    memo: dict[float, float] = {}
    _MEMOS.append(memo)

    def call(x: float) -> float:
        r = memo.get(x)
        if r is not None:
            return r
        try:
            r = fn(x)
        except (ZeroDivisionError, OverflowError, ValueError):
            raise NotFinite(f"non-finite result of {name}") from None
        if not _isfinite(r):
            raise NotFinite(f"non-finite result of {name}")
        if x != 0.0:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[x] = r
        return r

    def plain(x: float) -> float:
        try:
            r = fn(x)
        except (ZeroDivisionError, OverflowError, ValueError):
            raise NotFinite(f"non-finite result of {name}") from None
        if _isfinite(r):
            return r
        raise NotFinite(f"non-finite result of {name}")

    return call if memoize else plain


def _checked2(
    fn: Callable[[float, float], float], name: str
) -> Callable[[float, float], float]:
    """Like `_checked1`, for `pow` and `atan2` (no zero in either argument is stored)."""
    memo: dict[tuple[float, float], float] = {}
    _MEMOS.append(memo)

    def call(x: float, y: float) -> float:
        r = memo.get((x, y))
        if r is not None:
            return r
        try:
            r = fn(x, y)
        except (ZeroDivisionError, OverflowError, ValueError):
            raise NotFinite(f"non-finite result of {name}") from None
        if not _isfinite(r):
            raise NotFinite(f"non-finite result of {name}")
        if x != 0.0 and y != 0.0:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[(x, y)] = r
        return r

    return call


_MEMO_SIZE = 4096
_MEMOS: list[dict[Any, float]] = []  # every memo of this module, for `clear_memos`


def clear_memos() -> None:
    """Empty every float-function memo (benchmarks measure the uncached cost with it)."""
    for memo in _MEMOS:
        memo.clear()

sqrt = _checked1(
    floatlib.sqrt, "sqrt", memoize=False
)  # native and correctly rounded: no memo
exp = _checked1(floatlib.exp, "exp")
ln = _checked1(floatlib.ln, "ln")
log10 = _checked1(floatlib.log10, "log10")
sin = _checked1(floatlib.sin, "sin")
cos = _checked1(floatlib.cos, "cos")
tan = _checked1(floatlib.tan, "tan")
fpow = _checked2(floatlib.pow, "pow")
atan2 = _checked2(floatlib.atan2, "atan2")


class _PowMemo(dict[float, float]):
    """`pow(x, y)` for one exponent `y`, keyed by `x`: a hit is one C-level dict lookup."""

    def __init__(self, y: float) -> None:
        super().__init__()
        self.y = y

    def __missing__(self, x: float) -> float:
        r = fpow(x, self.y)
        if len(self) >= _MEMO_SIZE:
            self.clear()
        self[x] = r
        return r


def pow_to(y: float) -> Callable[[float], float]:
    """`fpow(_, y)` for a constant exponent, as a memoized one-argument function.

    Generated modules bind one per constant exponent they use
    (`_pow_curve_exponent = _rt.pow_to(CURVE_EXPONENT)`), so a repeated base
    costs a dict lookup and no Python call: the function returned is the
    memo's own `__getitem__`; a miss computes `fpow(x, y)` (same result, same
    `NotFinite`), and a failure is never stored. Keys are compared by `==`,
    so `-0.0` finds the entry of `0.0`: that is exact unless `y` is an odd
    integer (only then do `pow(-0.0, y)` and `pow(0.0, y)` differ: -0.0 and
    0.0, or -inf and inf), so such an exponent gets plain `fpow` calls.
    """
    if y == math.floor(y) and y % 2 == 1:
        return lambda x: fpow(x, y)
    memo = _PowMemo(y)
    _MEMOS.append(memo)
    return memo.__getitem__


def parse_float(s: str) -> float:
    value = _parse_float(s)
    if value is None:
        raise InvalidConversion("invalid Float text in parse_float")
    return value


fmt_float = format_float

# --- ordering --------------------------------------------------------------------


def clamp(x: O, lo: O, hi: O) -> O:
    """min(max(x, lo), hi); ties keep the first argument, lo > hi gives hi."""
    m = lo if lo > x else x
    return hi if hi < m else m


# --- String ----------------------------------------------------------------------

_UPPER = {c: c - 32 for c in range(ord("a"), ord("z") + 1)}
_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
WHITESPACE = " \t\n\r\f"


def to_upper(s: str) -> str:
    """ASCII-only upper case; for an ASCII string that is exactly `str.upper`."""
    return s.upper() if s.isascii() else s.translate(_UPPER)


def to_lower(s: str) -> str:
    """ASCII-only lower case; for an ASCII string that is exactly `str.lower`."""
    return s.lower() if s.isascii() else s.translate(_LOWER)


def str_contains(s: str, sub: str) -> bool:
    return sub in s


def substring(s: str, start: int, end: int) -> str:
    if start < 0 or end > len(s) or start > end:
        raise IndexOutOfRange(
            f"substring range {start}..{end} out of range for length {len(s)}"
        )
    return s[start:end]


def split(s: str, sep: str) -> tuple[str, ...]:
    if not sep:
        raise InvalidConversion("empty separator in split")
    return tuple(s.split(sep))


def join(items: tuple[str, ...], sep: str) -> str:
    return sep.join(items)


# --- List ------------------------------------------------------------------------


def index(xs: tuple[T, ...], i: int) -> T:
    if 0 <= i < len(xs):
        return xs[i]
    raise IndexOutOfRange(f"list index {i} out of range for length {len(xs)}")


def list_contains(xs: tuple[T, ...], x: T) -> bool:
    return any(item == x for item in xs)


def slice_(xs: tuple[T, ...], start: int, end: int) -> tuple[T, ...]:
    if start < 0 or end > len(xs) or start > end:
        raise IndexOutOfRange(
            f"slice range {start}..{end} out of range for length {len(xs)}"
        )
    return xs[start:end]


def sort(xs: tuple[O, ...]) -> tuple[O, ...]:
    return tuple(sorted(xs))


def sum_int(xs: tuple[int, ...]) -> int:
    total = 0
    for x in xs:
        total += x
        if not INT_MIN <= total <= INT_MAX:
            raise IntegerOverflow("Int overflow in sum")
    return total


def sum_float(xs: tuple[float, ...]) -> float:
    total = 0.0
    for x in xs:
        total += x
        if not _isfinite(total):
            raise NotFinite("non-finite result of sum")
    return total


def min_of(xs: tuple[O, ...]) -> O:
    if not xs:
        raise IndexOutOfRange("empty list in min_of")
    best = xs[0]
    for x in xs[1:]:
        if x < best:
            best = x
    return best


def max_of(xs: tuple[O, ...]) -> O:
    if not xs:
        raise IndexOutOfRange("empty list in max_of")
    best = xs[0]
    for x in xs[1:]:
        if best < x:
            best = x
    return best


# --- Map -------------------------------------------------------------------------


def lookup(m: Mapping[K, V], key: K) -> V:
    try:
        return m[key]
    except KeyError:
        raise KeyNotFound("key not found in map") from None


def has(m: Mapping[K, V], key: K) -> bool:
    return key in m


def put(m: Mapping[K, V], key: K, value: V) -> dict[K, V]:
    new = dict(m)
    new[key] = value
    return new


def remove(m: Mapping[K, V], key: K) -> Mapping[K, V]:
    if key not in m:
        return m
    new = dict(m)
    del new[key]
    return new


def keys(m: Mapping[O, V]) -> tuple[O, ...]:
    return tuple(sorted(m))


def values(m: Mapping[O, V]) -> tuple[V, ...]:
    return tuple([m[k] for k in sorted(m)])


def items(m: Mapping[O, V]) -> list[tuple[O, V]]:
    """Entries in ascending key order (the iteration order of `for k, v in m`)."""
    return [(k, m[k]) for k in sorted(m)]


# --- Optional --------------------------------------------------------------------


def unwrap(x: T | None) -> T:
    if x is None:
        raise NoneValue("unwrap of none")
    return x


def unreachable() -> NoReturn:
    """The impossible branch of an exhaustive `match` (the checker proved it)."""
    raise AssertionError("unreachable: non-exhaustive match")
