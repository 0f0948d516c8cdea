"""Float <-> text conversions shared by every domaingen target.

``format_float`` is ECMAScript's Number::toString (ECMA-262, section
"Number::toString", radix 10): the shortest digit string that reads back as the
same double (ties between equally short strings go to the one closest to the
exact value), written in plain notation when the decimal exponent is in
[-7, 21) and in ``1e+21`` / ``1.5e-7`` form otherwise; ``-0`` prints ``0``.
LANGUAGE.md section 5 makes this the one text form of a Float in ``to_string``
and canonical JSON, because Python ``repr``, Go ``strconv`` and Rust
``Display`` all differ.  Python's ``repr`` already yields the shortest
round-trip digits (David Gay's algorithm), so only the layout is redone here.

``parse_float`` accepts exactly ``-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?`` (ASCII
digits) and returns the correctly rounded double, or None for any other text or
a non-finite result.

This module is standalone (standard library only) because it is copied
verbatim into generated Python packages; the Go, Rust and TypeScript runtimes
(templates/*/runtime/dgmath.*) implement the same two functions.
"""

from __future__ import annotations

import re

__all__ = ["format_float", "parse_float"]

_FLOAT_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", re.ASCII)
_INF = float("inf")


def format_float(x: float) -> str:
    """ECMAScript ``String(x)`` for a double (``NaN``, ``Infinity`` included)."""
    if x != x:
        return "NaN"
    if x == 0.0:
        return "0"  # also -0
    if x < 0.0:
        return "-" + format_float(-x)
    if x == _INF:
        return "Infinity"
    r = repr(x)  # shortest round-trip: "123.45", "1e+16", "1.5e-07", "0.0001"
    epos = r.find("e")
    if epos >= 0:
        mant = r[:epos]
        exp10 = int(r[epos + 1 :])
    else:
        mant = r
        exp10 = 0
    dot = mant.find(".")
    if dot >= 0:
        digits = mant[:dot] + mant[dot + 1 :]
        point = dot + exp10  # decimal point sits after this many digits
    else:
        digits = mant
        point = len(mant) + exp10
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    # x = 0.digits * 10**point, i.e. ECMAScript's s, k, n with k = len(digits), n = point
    k = len(digits)
    n = point
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    sign = "+" if e >= 0 else "-"
    if k == 1:
        return digits + "e" + sign + str(abs(e))
    return digits[0] + "." + digits[1:] + "e" + sign + str(abs(e))


def parse_float(s: str) -> float | None:
    """The double for ``s`` if it matches ``-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?``
    and is finite, else None."""
    if _FLOAT_RE.fullmatch(s) is None:
        return None
    value = float(s)
    if value == _INF or value == -_INF:
        return None
    return value
