"""Int arithmetic and Float-to-Int conversions (LANGUAGE.md section 5).

Consumes: Python ints already in the Int range, finite floats.
Produces: Int results, checked against [-(2^53-1), 2^53-1] after every
operation, or `DgError`. Messages are part of the cross-target contract:

| operation            | error                                             |
|----------------------|---------------------------------------------------|
| `a + b`, `-`, `*`    | IntegerOverflow "Int overflow in +" (`-`, `*`)     |
| `a / 0`              | DivisionByZero "division by zero"                 |
| `a % 0`              | DivisionByZero "remainder by zero"                |
| `pow(a, b)`, b < 0   | InvalidConversion "negative exponent in pow"      |
| `pow(a, b)` too big  | IntegerOverflow "Int overflow in pow"             |
| `int floor ceil round trunc` out of range | InvalidConversion "Float out of Int range in round" (name of the built-in) |
"""

from __future__ import annotations

import math

from .errors import DgError

INT_MAX = 2**53 - 1
INT_MIN = -INT_MAX


def check(result: int, op: str) -> int:
    if INT_MIN <= result <= INT_MAX:
        return result
    raise DgError("IntegerOverflow", f"Int overflow in {op}")


def add(a: int, b: int) -> int:
    r = a + b
    if INT_MIN <= r <= INT_MAX:
        return r
    raise DgError("IntegerOverflow", "Int overflow in +")


def sub(a: int, b: int) -> int:
    r = a - b
    if INT_MIN <= r <= INT_MAX:
        return r
    raise DgError("IntegerOverflow", "Int overflow in -")


def mul(a: int, b: int) -> int:
    r = a * b
    if INT_MIN <= r <= INT_MAX:
        return r
    raise DgError("IntegerOverflow", "Int overflow in *")


def div(a: int, b: int) -> int:
    """Quotient truncated toward zero (never overflows: the range is symmetric)."""
    if b == 0:
        raise DgError("DivisionByZero", "division by zero")
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def rem(a: int, b: int) -> int:
    """Remainder with the dividend's sign: a == b * div(a, b) + rem(a, b)."""
    if b == 0:
        raise DgError("DivisionByZero", "remainder by zero")
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def neg(a: int) -> int:
    return -a


def abs_(a: int) -> int:
    return -a if a < 0 else a


def pow_(base: int, exponent: int) -> int:
    """`pow(Int, Int)`: exponent < 0 is checked first, then overflow; pow(0, 0) == 1."""
    if exponent < 0:
        raise DgError("InvalidConversion", "negative exponent in pow")
    if exponent == 0 or base == 1:
        return 1
    if base == 0:
        return 0
    if base == -1:
        return -1 if exponent % 2 else 1
    if exponent > 53:  # |base| >= 2: at least 2^54
        raise DgError("IntegerOverflow", "Int overflow in pow")
    return check(base**exponent, "pow")


def _in_range(r: int, name: str) -> int:
    if INT_MIN <= r <= INT_MAX:
        return r
    raise DgError("InvalidConversion", f"Float out of Int range in {name}")


def to_int(x: float) -> int:
    """`int(f)`: truncates toward zero."""
    return _in_range(math.trunc(x), "int")


def trunc(x: float) -> int:
    return _in_range(math.trunc(x), "trunc")


def floor(x: float) -> int:
    return _in_range(math.floor(x), "floor")


def ceil(x: float) -> int:
    return _in_range(math.ceil(x), "ceil")


def round_(x: float) -> int:
    """Half away from zero, exactly: r = trunc(x); |x - r| >= 0.5 moves r one away from zero.

    `x - trunc(x)` is exact in binary64, so no double rounding (0.49999999999999994 -> 0).
    """
    r = math.trunc(x)
    if abs(x - r) >= 0.5:
        r += 1 if x > 0 else -1
    return _in_range(r, "round")


def to_float(a: int) -> float:
    """`float(i)`: exact, since |i| < 2^53."""
    return float(a)


def parse_int(s: str) -> int:
    """Exactly `-?[0-9]+` (ASCII digits; leading zeros allowed, "-0" is 0), in range."""
    digits = s[1:] if s.startswith("-") else s
    if not digits or not all("0" <= c <= "9" for c in digits):
        raise DgError("InvalidConversion", "invalid Int text in parse_int")
    significant = digits.lstrip("0")
    if len(significant) > 16:  # more than 16 digits is beyond 2^53 - 1 (16 digits)
        raise DgError("InvalidConversion", "invalid Int text in parse_int")
    value = int(significant or "0")
    if s.startswith("-"):
        value = -value
    if INT_MIN <= value <= INT_MAX:
        return value
    raise DgError("InvalidConversion", "invalid Int text in parse_int")
