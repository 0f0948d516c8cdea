"""The fast paths of the generated Python runtime (templates/python/runtime/core.py).

* `pow_to(y)`: the memoized one-exponent `pow` that generated modules bind
  for a constant exponent must give exactly `fpow(x, y)` — bit for bit,
  including the sign of a zero result and the `NotFinite` failures — on a
  miss, on a hit, for `-0.0` after `0.0` (equal dict keys), and for the odd
  integer exponents where the two zeros differ; `clear_memos` empties it and
  it stays bounded.
* `to_lower`/`to_upper`: the `str.lower`/`str.upper` fast path for ASCII
  strings must equal the ASCII-only mapping of LANGUAGE.md for every string,
  and non-ASCII strings keep every non-ASCII code point.
* The checked Int helpers at the limits ±(2^53-1).

The runtime is loaded as a package assembled from its sources, as the Python
backend copies them (core.py beside floatlib.py and numfmt.py).
"""

from __future__ import annotations

import importlib
import math
import shutil
import struct
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
INT_MAX = 2**53 - 1


@pytest.fixture(scope="module")
def rt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("pyruntime")
    package = root / "dg_rt_under_test"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    shutil.copy(REPO / "templates" / "python" / "runtime" / "core.py", package / "core.py")
    for name in ("floatlib.py", "numfmt.py"):
        shutil.copy(REPO / "src" / "domaingen" / "semantics" / name, package / name)
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("dg_rt_under_test.core")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("dg_rt_under_test")]:
            del sys.modules[name]


def bits(x: float) -> bytes:
    return struct.pack("<d", x)


def outcome(fn: object, *args: float) -> tuple[str, object]:
    try:
        return "ok", bits(fn(*args))  # type: ignore[operator]
    except Exception as error:  # noqa: BLE001 - the kind and message are compared
        return type(error).__name__, str(error)


BASES = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    2.0,
    -2.0,
    0.5,
    48.0,
    1e-310,
    -1e-310,
    1e300,
    -1e300,
    3.7,
    2.0**-1074,
    1.7976931348623157e308,
]
EXPONENTS = [
    1.5,
    0.5,
    2.0,
    3.0,
    -3.0,
    1.0,
    -1.0,
    -0.5,
    0.0,
    -0.0,
    5.0,
    4.0,
    -2.0,
    2.5,
    1e300,
    -1e300,
    2.0**53,
    2.0**53 + 2,
]


@pytest.mark.parametrize("y", EXPONENTS)
def test_pow_to_is_fpow_bit_for_bit(rt: ModuleType, y: float) -> None:
    memo = rt.pow_to(y)
    for rounds in range(3):  # miss, then hits; the zeros in both orders
        order = BASES if rounds != 1 else BASES[::-1]
        for x in order:
            assert outcome(memo, x) == outcome(rt.fpow, x, y), (x, y, rounds)
    rt.clear_memos()
    for x in BASES:
        assert outcome(memo, x) == outcome(rt.fpow, x, y), (x, y, "after clear")


def test_pow_to_zero_signs(rt: ModuleType) -> None:
    cube, square = rt.pow_to(3.0), rt.pow_to(2.0)
    assert bits(cube(0.0)) == bits(0.0) and bits(cube(-0.0)) == bits(-0.0)
    assert bits(square(-0.0)) == bits(0.0) and bits(square(0.0)) == bits(0.0)
    with pytest.raises(rt.NotFinite, match="^non-finite result of pow$"):
        rt.pow_to(-3.0)(-0.0)


def test_pow_to_memo_is_bounded_and_cleared(rt: ModuleType) -> None:
    memo = rt.pow_to(1.25)
    store = memo.__self__
    for i in range(1, 5000):
        memo(float(i))
    assert 0 < len(store) <= 4096
    rt.clear_memos()
    assert len(store) == 0
    with pytest.raises(rt.NotFinite):
        memo(-2.0)
    assert -2.0 not in store  # failures are never stored


def _ascii_reference(s: str, upper: bool) -> str:
    lo, hi = ("a", "z") if upper else ("A", "Z")
    shift = -32 if upper else 32
    return "".join(chr(ord(c) + shift) if lo <= c <= hi else c for c in s)


CASE_STRINGS = [
    "",
    "MiXeD 09 ~",
    "".join(chr(i) for i in range(128)),
    "\u00c9t\u00e9",
    "Stra\u00dfe",
    "\u0130stanbul",
    "\u212a Kelvin",
    "\u01c5 titlecase",
    "\ufb00 ligature",
    "\U0001f600 Emoji",
    "\x7f\x80\xff",
]


@pytest.mark.parametrize("s", CASE_STRINGS)
def test_case_mapping_is_ascii_only(rt: ModuleType, s: str) -> None:
    assert rt.to_lower(s) == _ascii_reference(s, upper=False)
    assert rt.to_upper(s) == _ascii_reference(s, upper=True)
    assert len(rt.to_lower(s)) == len(s) == len(rt.to_upper(s))


def test_int_limits(rt: ModuleType) -> None:
    assert rt.add(INT_MAX - 1, 1) == INT_MAX
    assert rt.sub(-INT_MAX + 1, 1) == -INT_MAX
    for fn, a, b in ((rt.add, INT_MAX, 1), (rt.sub, -INT_MAX, 1), (rt.mul, INT_MAX, 2), (rt.add, -INT_MAX, -1)):
        with pytest.raises(rt.IntegerOverflow):
            fn(a, b)
    assert math.isfinite(rt.fmul(1e154, 1e154))


EDGE_FLOATS = [
    0.0, -0.0, 0.5, -0.5, 0.49999999999999994, -0.49999999999999994, 1e-300, -1e-300, 2.5, -2.5,
    4503599627370495.5, -4503599627370495.5, 4503599627370496.5 - 1, 9007199254740990.0, -9007199254740990.0,
    9007199254740991.0, -9007199254740991.0, 9007199254740992.0, -9007199254740992.0, 9007199254740994.0,
    -9007199254740994.0, 1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308,
]  # fmt: skip


@pytest.mark.parametrize(
    "name,exact", [("floor", math.floor), ("ceil", math.ceil), ("trunc", math.trunc), ("to_int", math.trunc)]
)
def test_float_to_int_bounds(rt: ModuleType, name: str, exact: object) -> None:
    """The fast range test of floor/ceil/trunc/int is exactly `-(2^53-1) <= result <= 2^53-1`."""
    fn = getattr(rt, name)
    label = "int" if name == "to_int" else name
    for x in EDGE_FLOATS + [
        math.nextafter(b, d) for b in (2.0**52, -(2.0**52), 2.0**53, -(2.0**53)) for d in (0.0, math.inf)
    ]:
        r = exact(x)  # type: ignore[operator]
        if -INT_MAX <= r <= INT_MAX:
            assert fn(x) == r and type(fn(x)) is int, (name, x)
        else:
            with pytest.raises(rt.InvalidConversion, match=f"^Float out of Int range in {label}$"):
                fn(x)
