"""Float arithmetic and float built-ins (LANGUAGE.md section 5).

Consumes: finite Python floats.
Produces: finite float results or `DgError("NotFinite", "non-finite result
of <op>")` where <op> is `+ - * /` or the built-in's name (`sqrt`, `pow`,
`exp`, `ln`, `log10`, `sin`, `cos`, `tan`, `atan2`, `sum`). Division by
zero of floats is NotFinite, never DivisionByZero (0.0 / 0.0 is NaN, x / 0.0
is an infinity). The transcendental functions come from
`semantics.floatlib` (bit-exact, raw IEEE results) and are checked here.
"""

from __future__ import annotations

import math
from typing import Callable

from ..semantics import floatlib
from .errors import DgError

_isfinite = math.isfinite


def check(x: float, op: str) -> float:
    if _isfinite(x):
        return x
    raise DgError("NotFinite", f"non-finite result of {op}")


def add(a: float, b: float) -> float:
    r = a + b
    if _isfinite(r):
        return r
    raise DgError("NotFinite", "non-finite result of +")


def sub(a: float, b: float) -> float:
    r = a - b
    if _isfinite(r):
        return r
    raise DgError("NotFinite", "non-finite result of -")


def mul(a: float, b: float) -> float:
    r = a * b
    if _isfinite(r):
        return r
    raise DgError("NotFinite", "non-finite result of *")


def div(a: float, b: float) -> float:
    if b == 0.0:  # Python raises ZeroDivisionError; IEEE gives inf or NaN
        raise DgError("NotFinite", "non-finite result of /")
    r = a / b
    if _isfinite(r):
        return r
    raise DgError("NotFinite", "non-finite result of /")


def neg(a: float) -> float:
    return -a


def abs_(a: float) -> float:
    return math.fabs(a)


def _checked1(fn: Callable[[float], float], name: str) -> Callable[[float], float]:
    def call(x: float) -> float:
        try:
            r = fn(x)
        except (ZeroDivisionError, OverflowError, ValueError):
            raise DgError("NotFinite", f"non-finite result of {name}") from None
        if _isfinite(r):
            return r
        raise DgError("NotFinite", f"non-finite result of {name}")

    call.__name__ = name
    return call


def _checked2(fn: Callable[[float, float], float], name: str) -> Callable[[float, float], float]:
    def call(x: float, y: float) -> float:
        try:
            r = fn(x, y)
        except (ZeroDivisionError, OverflowError, ValueError):
            raise DgError("NotFinite", f"non-finite result of {name}") from None
        if _isfinite(r):
            return r
        raise DgError("NotFinite", f"non-finite result of {name}")

    call.__name__ = name
    return call


sqrt = _checked1(floatlib.sqrt, "sqrt")
exp = _checked1(floatlib.exp, "exp")
ln = _checked1(floatlib.ln, "ln")
log10 = _checked1(floatlib.log10, "log10")
sin = _checked1(floatlib.sin, "sin")
cos = _checked1(floatlib.cos, "cos")
tan = _checked1(floatlib.tan, "tan")
pow_ = _checked2(floatlib.pow, "pow")
atan2 = _checked2(floatlib.atan2, "atan2")
