"""The TypeScript runtime's fast paths against the Python reference, bit for bit.

Consumes: templates/typescript/runtime/*.ts (compiled with the pinned `tsc`
from tools/, `npm ci --prefix tools`), `node`, the Python float port
(`domaingen.semantics.floatlib`) and the interpreter's Int and string
built-ins (`domaingen.interp.ints`, `domaingen.interp.strings`).
Produces: assertions. The fast paths checked here are the ones whose speed
comes from a shortcut that must not change a single result:

* `pow`: doubles built arithmetically instead of through word writes, the
  value tests that replace libm's word tests (|z| around 0.5, 1024, -1075),
  the inlined scalbn, and the memo keyed on the argument bits (each input runs
  with the memo off, then twice with it on: computed, then a hit; then all
  again in reverse order with the memo kept, where inputs that differ in one
  32-bit word only share slots, so a key compare that missed a word would
  return another input's result). Inputs: seeded random bit
  patterns, subnormals, integers to the power 1.5 and exponents aimed at the
  over/underflow and rounding thresholds.
* `ln`, `log10`, `tan` (which share the word helpers) on random bit patterns.
* `toLower` / `toUpper` / `trim` and the one-pass `trimToLower` /
  `trimToUpper` (emitted for `to_lower(trim(s))`): ASCII, Latin-1, astral,
  whitespace-only, every unit below U+0030 at both edges, and one non-ASCII
  unit at each position of strings around the four-unit scan steps.
* Int arithmetic at +-(2**53 - 1), and Float-to-Int conversions at +-2**53 and -0.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from domaingen.interp import ints, strings
from domaingen.interp.errors import DgError
from domaingen.semantics import floatlib

REPO = Path(__file__).resolve().parents[2]
TSC = REPO / "tools" / "node_modules" / ".bin" / "tsc"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node not found: install Node.js 20+"),
    pytest.mark.skipif(not TSC.exists(), reason="TypeScript compiler missing: run `npm ci --prefix tools`"),
]

INT_MAX = 2**53 - 1


def bits(x: float) -> str:
    return format(struct.unpack("<Q", struct.pack("<d", x))[0], "016x")


def from_bits(b: int) -> float:
    return float(struct.unpack("<d", struct.pack("<Q", b))[0])


def same(got: str, want: float) -> bool:
    """Bit-identical; any NaN matches any NaN (no NaN escapes the language)."""
    return got == bits(want) or (math.isnan(want) and (int(got, 16) >> 52) & 0x7FF == 0x7FF and int(got, 16) << 12 != 0)


DRIVER = r"""
import * as dgmath from "./dgmath.js";
import * as str from "./str.js";
import * as int from "./int.js";
import { readFileSync } from "node:fs";

const view = new DataView(new ArrayBuffer(8));
const arg = (h) => { view.setBigUint64(0, BigInt("0x" + h)); return view.getFloat64(0); };
const hex = (x) => { view.setFloat64(0, x); return view.getBigUint64(0).toString(16).padStart(16, "0"); };
const input = JSON.parse(readFileSync(0, "utf8"));
const out = {};
out.pow = input.pow.map(([x, y]) => {
  dgmath.usePowMemo(false);
  const off = hex(dgmath.pow(arg(x), arg(y)));
  dgmath.usePowMemo(true);
  return [off, hex(dgmath.pow(arg(x), arg(y))), hex(dgmath.pow(arg(x), arg(y)))];
});
// a second pass in another order: hits, misses and overwritten slots
out.powAgain = input.pow.map(([x, y]) => hex(dgmath.pow(arg(x), arg(y)))).reverse();
for (const name of ["ln", "log10", "tan"]) out[name] = input.unary.map((x) => hex(dgmath[name](arg(x))));
const attempt = (f) => { try { return f(); } catch (err) { return `error ${err.kind}: ${err.message}`; } };
out.strings = input.strings.map((s) => [str.toLower(s), str.toUpper(s), str.trim(s), str.trimToLower(s), str.trimToUpper(s)]);
out.converts = input.converts.map(([op, x]) => attempt(() => { const r = int[op](arg(x)); return Object.is(r, -0) ? "-0" : String(r); }));
out.ints = input.ints.map(([op, a, b]) => attempt(() => { const r = int[op](a, b); return Object.is(r, -0) ? "-0" : String(r); }));
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runtime compiled as strictly as a generated package."""
    folder = tmp_path_factory.mktemp("ts-runtime")
    for source in (REPO / "templates" / "typescript" / "runtime").glob("*.ts"):
        shutil.copy(source, folder / source.name)
    args = [str(TSC), "--strict", "--noUncheckedIndexedAccess", "--noUnusedLocals", "--noUnusedParameters"]
    args += ["--noImplicitReturns", "--target", "es2022", "--module", "es2022", "--outDir", "out"]
    args += sorted(p.name for p in folder.glob("*.ts"))
    proc = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (folder / "out" / "package.json").write_text('{"type": "module"}\n')
    (folder / "out" / "driver.js").write_text(DRIVER)
    return folder


def _pow_inputs() -> list[tuple[float, float]]:
    rng = random.Random(20261122)
    cases: list[tuple[float, float]] = []
    for _ in range(3000):  # any bit patterns
        cases.append((from_bits(rng.getrandbits(64)), from_bits(rng.getrandbits(64))))
    for _ in range(2000):  # ordinary magnitudes, both signs, integral exponents too
        x = rng.uniform(-50, 50) * 2.0 ** rng.randint(-30, 30)
        y = rng.choice([rng.uniform(-8, 8), float(rng.randint(-40, 40)), 1.5, 0.5, 2.0])
        cases.append((x, y))
    for _ in range(500):  # subnormal x, and x close to 1
        cases.append((from_bits(rng.getrandbits(52) | (rng.getrandbits(1) << 63)), rng.uniform(-3, 3)))
        cases.append((1.0 + rng.uniform(-1, 1) * 2.0 ** -rng.randint(1, 52), rng.uniform(-1e6, 1e6)))
    cases += [(float(level - 1), 1.5) for level in range(0, 300)]
    # y * log2(x) aimed at the value tests: |z| around 0.5, 1.5, z at 1024 / -1075
    for base in (2.0, 3.0, 10.0, 0.5, 1.5, 7.25):
        for z in (0.5, -0.5, 1.5, -1.5, 100.5, 1023.5, 1024.0, -1074.5, -1075.0, 0.25):
            y0 = z / math.log2(base)
            for k in range(-40, 41):
                cases.append((base, y0 * (1 + k * 2.0**-52)))
                cases.append((base, y0 + k * 2.0**-40 * abs(y0)))
    # inputs that differ in one 32-bit word only: many share a memo slot
    for k in range(1, 1500):
        cases.append((1.0 + k * 2.0**-52, 1.5))  # low word of x
        cases.append((1.0 + k * 2.0**-20, 1.5))  # high word of x
        cases.append((3.0, 1.5 + k * 2.0**-52))  # low word of y
        cases.append((3.0, 1.5 + k * 2.0**-20))  # high word of y
    specials = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -2.0, math.inf, -math.inf, math.nan, 5e-324, 2.0**-1022, 1.7976931348623157e308]
    cases += [(x, y) for x in specials for y in specials]
    return cases


def _unary_inputs() -> list[float]:
    rng = random.Random(7)
    values = [from_bits(rng.getrandbits(64)) for _ in range(3000)]
    values += [rng.uniform(0, 10) * 2.0 ** rng.randint(-60, 60) for _ in range(2000)]
    return values + [0.0, -0.0, 1.0, math.inf, -math.inf, 5e-324, math.pi / 4, 1e300]


STRINGS = [
    "",
    "  PvP ",
    "Founder",
    "\tELITE-Raider\n",
    "x",
    "already lower",
    "ALL UPPER 123",
    "\f\r\n \t",
    "\u000b x \u000b",
    "ÉCOLE é ÀÉÎ ß",
    "İstanbul ıi",
    "Ωmega ω",
    "😀 Emoji 𝐀𝐁 Z",
    "a\U0010ffffB",
    "\u00a0NBSP\u00a0",
    "\u2028Line\u2029",
    " mixed ÄSCII and ascii ",
    "Z" * 100 + "é",
    " ",
    "Q",
    " Q",
    "Q\t",
    "\u000bQ\u000b",
    " \U0001d400 ",
    "\U0001d400",
    " é",
    "É ",
]
# every unit below "0" (the trim set is space, \t, \n, \r, \f; the bit test covers 9..32) at each edge
STRINGS += [f"{chr(c)}Ab{chr(c)}" for c in range(0x30)] + [f"{chr(c)}{chr(c)}" for c in range(0x30)]
# one non-ASCII unit (Latin-1, BMP, astral) at each position, lengths around the four-unit scan steps
for n in range(1, 11):
    for i in range(n):
        for odd in ("É", "\u0130", "\U0001d400"):
            word = "".join("aBcDeFgHiJ"[k] if k != i else odd for k in range(n))
            STRINGS += [word, f" \t{word}\n "]

INT_CASES: list[tuple[str, int, int]] = []
for a, b in [(INT_MAX, 1), (INT_MAX, 0), (-INT_MAX, -1), (-INT_MAX, 1), (INT_MAX - 1, 1), (1, INT_MAX), (0, 0), (5, -5)]:
    INT_CASES += [("iadd", a, b), ("isub", a, b), ("isub", b, a)]
for a, b in [(2**26, 2**27), (2**26, 2**27 - 1), (-(2**26), 2**27), (INT_MAX, -1), (0, -7), (-3, 0), (94906265, 94906265)]:
    INT_CASES.append(("imul", a, b))
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, -5), (INT_MAX, -1), (-INT_MAX, 2), (1, 0)]:
    INT_CASES += [("idiv", a, b), ("irem", a, b)]

PY_INT = {"iadd": ints.add, "isub": ints.sub, "imul": ints.mul, "idiv": ints.div, "irem": ints.rem}
PY_CONVERT = {"toInt": ints.to_int, "trunc": ints.trunc, "floor": ints.floor, "ceil": ints.ceil, "round": ints.round_}
CONVERT_CASES: list[tuple[str, float]] = [
    (op, x)
    for op in PY_CONVERT
    for x in (-0.0, -0.4, -0.5, -0.6, 0.49999999999999994, 2.5, -2.5, 9007199254740991.0, -9007199254740991.0,
              9007199254740992.0, -9007199254740992.0, 9007199254740990.5 - 0.5, 1e300, -1e300, 5e-324, -5e-324)
]


@pytest.fixture(scope="module")
def results(runtime: Path) -> dict[str, list[object]]:
    payload = {
        "pow": [[bits(x), bits(y)] for x, y in _pow_inputs()],
        "unary": [bits(x) for x in _unary_inputs()],
        "strings": STRINGS,
        "ints": INT_CASES,
        "converts": [[op, bits(x)] for op, x in CONVERT_CASES],
    }
    proc = subprocess.run(
        [str(NODE), "out/driver.js"], cwd=runtime, input=json.dumps(payload), capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    out: dict[str, list[object]] = json.loads(proc.stdout)
    return out


def _expected_pow(x: float, y: float) -> float:
    try:
        return floatlib.pow(x, y)
    except (OverflowError, ZeroDivisionError, ValueError):  # pragma: no cover - the port returns inf/NaN
        return math.nan


def test_pow_is_bit_exact_with_and_without_the_memo(results: dict[str, list[object]]) -> None:
    inputs = _pow_inputs()
    got = results["pow"]
    assert len(got) == len(inputs)
    bad = []
    for (x, y), triple in zip(inputs, got):
        want = _expected_pow(x, y)
        assert isinstance(triple, list)
        if not all(same(h, want) for h in triple):
            bad.append((x, y, bits(want), triple))
    assert bad == [], f"{len(bad)} mismatches, e.g. {bad[:5]}"


def test_pow_memo_second_pass_agrees(results: dict[str, list[object]]) -> None:
    first = [triple[0] for triple in results["pow"]]  # type: ignore[index]
    assert list(reversed(results["powAgain"])) == first


@pytest.mark.parametrize("name", ["ln", "log10", "tan"])
def test_word_helper_users_are_bit_exact(results: dict[str, list[object]], name: str) -> None:
    fn = getattr(floatlib, name)
    bad = []
    for x, h in zip(_unary_inputs(), results[name]):
        try:
            want = fn(x)
        except (OverflowError, ZeroDivisionError, ValueError):  # pragma: no cover
            want = math.nan
        assert isinstance(h, str)
        if not same(h, want):
            bad.append((x, bits(want), h))
    assert bad == [], bad[:5]


def test_case_mapping_and_trim_match_the_interpreter(results: dict[str, list[object]]) -> None:
    want = [[strings.to_lower(s), strings.to_upper(s), strings.trim(s)] for s in STRINGS]
    assert [row[:3] for row in results["strings"]] == want  # type: ignore[index]


def test_one_pass_trim_and_case_mapping_match_the_interpreter(results: dict[str, list[object]]) -> None:
    want = [[strings.to_lower(strings.trim(s)), strings.to_upper(strings.trim(s))] for s in STRINGS]
    assert [row[3:] for row in results["strings"]] == want  # type: ignore[index]


def test_int_arithmetic_edges_match_the_interpreter(results: dict[str, list[object]]) -> None:
    want = []
    for op, a, b in INT_CASES:
        try:
            want.append(str(PY_INT[op](a, b)))
        except DgError as err:
            want.append(f"error {err.kind}: {err.message}")
    assert results["ints"] == want


def test_float_to_int_edges_match_the_interpreter(results: dict[str, list[object]]) -> None:
    """No -0 escapes (trunc(-0.4) is 0), and +-2**53 is out of range."""
    want = []
    for op, x in CONVERT_CASES:
        try:
            want.append(str(PY_CONVERT[op](x)))
        except DgError as err:
            want.append(f"error {err.kind}: {err.message}")
    assert results["converts"] == want


def test_backend_emits_the_one_pass_form_for_to_lower_of_trim(tmp_path: Path) -> None:
    """`to_lower(trim(tag))` in dsl/game becomes `dgrt.trimToLower(tag)`; the plain calls stay as they are."""
    import sys

    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(REPO / "dsl", tmp_path / "dsl")
    args = [sys.executable, "-m", "domaingen", "-q", "generate", "-t", "typescript", "-o", "out", "dsl/"]
    subprocess.run(args, cwd=tmp_path, check=True, timeout=300)
    progression = (tmp_path / "out" / "typescript" / "src" / "game" / "progression.ts").read_text(encoding="utf-8")
    assert "return dgrt.trimToLower(tag);" in progression
    assert "dgrt.toLower(dgrt.trim(" not in progression
