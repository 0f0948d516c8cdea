"""LANGUAGE.md section 5, row by row and built-in by built-in, in the reference interpreter.

Every case is a DSL snippet compiled by the real front end: a row gives the
result type, an expression (or a body ending in `return`), and the expected
outcome — the canonical JSON of the result, or `!Kind` / `!Kind: message`
for a run-time error. All rows go into one module, checked once.
"""

from __future__ import annotations

import math
import re
import textwrap
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domaingen.frontend import load_texts
from domaingen.interp import DgError, Interpreter, ints, strings
from domaingen.interp.consteval import fold_const
from domaingen.interp.runner import CallRecord, run_call, run_tests
from domaingen.interp.values import display, value_to_literal
from domaingen.ir import nodes as ir
from domaingen.semantics import floatlib
from domaingen.semantics.numfmt import format_float

MAX = 2**53 - 1

PRELUDE = """\
enum Rarity { Common, Rare, Epic }
record P { a: Int, b: Int }
union U { V(a: Int, b: Int), W }
fn zero() -> Int {
  return 0
}
fn id(x: Int) -> Int {
  return x
}
fn fid(x: Float) -> Float {
  return x
}
fn pair(a: Int, b: Int) -> Int {
  return a * 10 + b
}
fn boom(message: String) -> P {
  fail message
}
"""

PI = format_float(math.pi)

# (result type, expression or body, expected JSON or "!Kind[: message]")
CASES: list[tuple[str, str, str]] = [
    # --- Int: range [-(2^53-1), 2^53-1], checked after every operation -------------
    ("Int", f"{MAX} + 0", str(MAX)),
    ("Int", f"id({MAX}) + 1", "!IntegerOverflow: Int overflow in +"),
    ("Int", f"1 + id({MAX})", "!IntegerOverflow: Int overflow in +"),
    ("Int", f"-{MAX} - 0", str(-MAX)),
    ("Int", f"-id({MAX}) - 1", "!IntegerOverflow: Int overflow in -"),
    ("Int", f"-id({MAX}) + -1", "!IntegerOverflow: Int overflow in +"),
    ("Int", f"id({MAX}) - -1", "!IntegerOverflow: Int overflow in -"),
    ("Int", f"id({MAX}) * 1", str(MAX)),
    ("Int", f"id({MAX}) * -1", str(-MAX)),
    ("Int", "id(4503599627370496) * 2", "!IntegerOverflow: Int overflow in *"),
    ("Int", "id(-4503599627370496) * 2", "!IntegerOverflow: Int overflow in *"),
    ("Int", "id(94906265) * 94906265", "9007199136250225"),
    ("Int", "id(94906266) * 94906266", "!IntegerOverflow: Int overflow in *"),
    ("Int", f"-id({MAX})", str(-MAX)),
    ("Int", f"-id(-{MAX})", str(MAX)),
    ("Int", "-id(0)", "0"),
    # --- Int / and %: truncation, dividend's sign, zero divisor ------------------------
    ("Int", "id(7) / 2", "3"),
    ("Int", "id(-7) / 2", "-3"),
    ("Int", "id(7) / -2", "-3"),
    ("Int", "id(-7) / -2", "3"),
    ("Int", "id(7) % 2", "1"),
    ("Int", "id(-7) % 2", "-1"),
    ("Int", "id(7) % -2", "1"),
    ("Int", "id(-7) % -2", "-1"),
    ("Int", "id(6) % -3", "0"),
    ("Int", "id(-6) % 3", "0"),
    ("Int", "id(1) / 3", "0"),
    ("Int", "id(-1) / 3", "0"),
    ("Int", f"id(-{MAX}) / -1", str(MAX)),
    ("Int", f"id(-{MAX}) % -1", "0"),
    ("Int", "id(1) / zero()", "!DivisionByZero: division by zero"),
    ("Int", "id(0) / zero()", "!DivisionByZero: division by zero"),
    ("Int", "id(1) % zero()", "!DivisionByZero: remainder by zero"),
    # --- Int <-> Float ----------------------------------------------------------------
    ("Float", f"float(id({MAX}))", str(MAX)),
    ("Float", f"float(id(-{MAX}))", str(-MAX)),
    ("Int", "int(fid(2.9))", "2"),
    ("Int", "int(fid(-2.9))", "-2"),
    ("Int", "int(fid(9007199254740991.0))", str(MAX)),
    ("Int", "int(fid(9007199254740992.0))", "!InvalidConversion: Float out of Int range in int"),
    ("Int", "int(fid(-9007199254740992.0))", "!InvalidConversion: Float out of Int range in int"),
    ("Int", "int(fid(1e300))", "!InvalidConversion: Float out of Int range in int"),
    ("Int", "floor(fid(-0.5))", "-1"),
    ("Int", "floor(fid(2.5))", "2"),
    ("Int", "ceil(fid(-0.5))", "0"),
    ("Int", "ceil(fid(2.1))", "3"),
    ("Int", "trunc(fid(-0.5))", "0"),
    ("Int", "trunc(fid(-7.9))", "-7"),
    ("Int", "floor(fid(1e16))", "!InvalidConversion: Float out of Int range in floor"),
    ("Int", "ceil(fid(-1e16))", "!InvalidConversion: Float out of Int range in ceil"),
    ("Int", "trunc(fid(1e16))", "!InvalidConversion: Float out of Int range in trunc"),
    ("Int", "floor(fid(-9007199254740991.0))", str(-MAX)),
    ("Int", "round(fid(0.5))", "1"),
    ("Int", "round(fid(-0.5))", "-1"),
    ("Int", "round(fid(1.5))", "2"),
    ("Int", "round(fid(-1.5))", "-2"),
    ("Int", "round(fid(2.5))", "3"),
    ("Int", "round(fid(-2.5))", "-3"),
    ("Int", "round(fid(0.49999999999999994))", "0"),
    ("Int", "round(fid(-0.49999999999999994))", "0"),
    ("Int", "round(fid(0.4))", "0"),
    ("Int", "round(fid(-0.0))", "0"),
    ("Int", "round(fid(4503599627370495.5))", "4503599627370496"),
    ("Int", "round(fid(-4503599627370495.5))", "-4503599627370496"),
    ("Int", "round(fid(9007199254740991.0))", str(MAX)),
    ("Int", "round(fid(9007199254740992.0))", "!InvalidConversion: Float out of Int range in round"),
    # --- Float: IEEE binary64, non-finite -> NotFinite -------------------------------
    ("Float", "fid(0.1) + 0.2", "0.30000000000000004"),
    ("Float", "fid(1.0) / 3.0", "0.3333333333333333"),
    ("Float", "fid(1.0) / 0.0", "!NotFinite: non-finite result of /"),
    ("Float", "fid(-1.0) / 0.0", "!NotFinite: non-finite result of /"),
    ("Float", "fid(0.0) / 0.0", "!NotFinite: non-finite result of /"),
    ("Float", "fid(1.0) / -0.0", "!NotFinite: non-finite result of /"),
    ("Float", "fid(1e308) * 10.0", "!NotFinite: non-finite result of *"),
    ("Float", "fid(1e308) + 1e308", "!NotFinite: non-finite result of +"),
    ("Float", "fid(-1e308) - 1e308", "!NotFinite: non-finite result of -"),
    ("Float", "fid(1e-320) / 1e10", "0"),
    ("Float", "fid(5e-324) / 2.0", "0"),
    ("Float", "-fid(0.0)", "0"),
    ("Float", "fid(1.7976931348623157e308) * 1.0", "1.7976931348623157e+308"),
    # --- Float functions (bit-exact, from semantics.floatlib) --------------------------
    ("Float", "sqrt(fid(2.0))", "1.4142135623730951"),
    ("Float", "sqrt(fid(-0.0))", "0"),
    ("Float", "sqrt(fid(-1.0))", "!NotFinite: non-finite result of sqrt"),
    ("Float", "pow(fid(2.0), 0.5)", format_float(floatlib.pow(2.0, 0.5))),
    ("Float", "pow(fid(9.0), 1.5)", "27"),
    ("Float", "pow(fid(10.0), 308.0)", "1e+308"),
    ("Float", "pow(fid(10.0), 309.0)", "!NotFinite: non-finite result of pow"),
    ("Float", "pow(fid(0.0), -1.0)", "!NotFinite: non-finite result of pow"),
    ("Float", "pow(fid(-8.0), 1.0 / 3.0)", "!NotFinite: non-finite result of pow"),
    ("Float", "pow(fid(0.0), 0.0)", "1"),
    ("Float", "exp(fid(1.0))", format_float(floatlib.exp(1.0))),
    ("Float", "exp(fid(710.0))", "!NotFinite: non-finite result of exp"),
    ("Float", "exp(fid(-1000.0))", "0"),
    ("Float", "ln(fid(1.0))", "0"),
    ("Float", "ln(fid(10.0))", format_float(floatlib.ln(10.0))),
    ("Float", "ln(fid(0.0))", "!NotFinite: non-finite result of ln"),
    ("Float", "ln(fid(-1.0))", "!NotFinite: non-finite result of ln"),
    ("Float", "log10(fid(1000.0))", "3"),
    ("Float", "log10(fid(0.0))", "!NotFinite: non-finite result of log10"),
    ("Float", "sin(fid(0.0))", "0"),
    ("Float", "sin(fid(1.0))", format_float(floatlib.sin(1.0))),
    ("Float", "cos(fid(0.0))", "1"),
    ("Float", "cos(fid(1e22))", format_float(floatlib.cos(1e22))),
    ("Float", "tan(fid(1.0))", format_float(floatlib.tan(1.0))),
    ("Float", "atan2(fid(1.0), 1.0)", format_float(floatlib.atan2(1.0, 1.0))),
    ("Float", "atan2(fid(0.0), -1.0)", PI),
    ("Float", "atan2(fid(-0.0), -1.0)", "-" + PI),
    # --- Float -> String (ECMAScript Number-to-String) --------------------------------
    ("String", "to_string(fid(1e21))", '"1e+21"'),
    ("String", "to_string(fid(1e20))", '"100000000000000000000"'),
    ("String", "to_string(fid(1e-7))", '"1e-7"'),
    ("String", "to_string(fid(0.000001))", '"0.000001"'),
    ("String", "to_string(fid(-0.0))", '"0"'),
    ("String", "to_string(fid(100.0))", '"100"'),
    ("String", "to_string(fid(123.456))", '"123.456"'),
    ("String", "to_string(fid(-1.5e300))", '"-1.5e+300"'),
    ("String", "to_string(fid(0.1) + 0.2)", '"0.30000000000000004"'),
    ("String", "to_string(fid(5e-324))", '"5e-324"'),
    # --- to_string of the other types -------------------------------------------------
    ("String", "to_string(id(42))", '"42"'),
    ("String", f"to_string(id(-{MAX}))", f'"{-MAX}"'),
    ("String", "to_string(true)", '"true"'),
    ("String", "to_string(false)", '"false"'),
    ("String", 'to_string("x\\n")', '"x\\n"'),
    # --- String: code points ----------------------------------------------------------
    ("Int", 'len("h\\u{E9}llo\\u{1F600}")', "6"),
    ("Int", 'len("")', "0"),
    ("String", 'substring("a\\u{1F600}b", 1, 2)', '"😀"'),
    ("String", 'substring("abc", 3, 3)', '""'),
    ("String", 'substring("abc", 0, 3)', '"abc"'),
    ("String", 'substring("abc", -1, 2)', "!IndexOutOfRange: substring range -1..2 out of range for length 3"),
    ("String", 'substring("abc", 0, 4)', "!IndexOutOfRange: substring range 0..4 out of range for length 3"),
    ("String", 'substring("abc", 2, 1)', "!IndexOutOfRange: substring range 2..1 out of range for length 3"),
    ("Int", 'index_of("a\\u{1F600}b", "b")', "2"),
    ("Int", 'index_of("abcabc", "c")', "2"),
    ("Int", 'index_of("abc", "")', "0"),
    ("Int", 'index_of("", "")', "0"),
    ("Int", 'index_of("abc", "z")', "-1"),
    ("Bool", '"\\u{FF5E}" < "\\u{1F600}"', "true"),
    ("Bool", '"\\u{1F600}" < "\\u{FF5E}"', "false"),
    ("Bool", '"Z" < "a"', "true"),
    ("Bool", '"" < "a"', "true"),
    ("Bool", '"ab" < "b"', "true"),
    ("Bool", '"ab" >= "ab"', "true"),
    ("Bool", '"b" <= "ab"', "false"),
    ("Bool", '"a" > "B"', "true"),
    ("String", '"ab" + "\\u{1F600}"', '"ab😀"'),
    ("String", 'to_upper("stra\\u{DF}e-\\u{E9}")', '"STRAßE-é"'),
    ("String", 'to_lower("\\u{130}STANBUL \\u{C9}")', '"İstanbul É"'),
    ("String", 'to_upper("abc xyz 09")', '"ABC XYZ 09"'),
    ("String", 'to_lower("ABC XYZ @[")', '"abc xyz @["'),
    ("String", 'trim(" \\t\\n\\r\\u{C}x y\\u{C} ")', '"x y"'),
    ("String", 'trim("\\u{B}x\\u{B}")', '"\\u000bx\\u000b"'),
    ("String", 'trim("\\u{A0}x\\u{3000}")', '"\u00a0x\u3000"'),
    ("String", 'trim("   ")', '""'),
    ("List<String>", 'split("a,,b", ",")', '["a","","b"]'),
    ("List<String>", 'split(",a,", ",")', '["","a",""]'),
    ("List<String>", 'split("", ",")', '[""]'),
    ("List<String>", 'split("a\\u{1F600}b\\u{1F600}", "\\u{1F600}")', '["a","b",""]'),
    ("List<String>", 'split("a--b---c", "--")', '["a","b","-c"]'),
    ("List<String>", 'split("abc", "")', "!InvalidConversion: empty separator in split"),
    ("String", 'join(["a", "b", "c"], ", ")', '"a, b, c"'),
    ("String", 'join(split("x", ","), "-")', '"x"'),
    ("String", 'let xs: List<String> = []\nreturn join(xs, ",")', '""'),
    ("Bool", 'contains("abc", "bc")', "true"),
    ("Bool", 'contains("abc", "")', "true"),
    ("Bool", 'contains("abc", "cb")', "false"),
    ("Bool", 'starts_with("abc", "ab")', "true"),
    ("Bool", 'starts_with("abc", "")', "true"),
    ("Bool", 'starts_with("abc", "b")', "false"),
    ("Bool", 'ends_with("abc", "bc")', "true"),
    ("Bool", 'ends_with("abc", "abcd")', "false"),
    # --- parse_int: exactly -?[0-9]+ (ASCII), in range --------------------------------
    ("Int", 'parse_int("42")', "42"),
    ("Int", 'parse_int("-0")', "0"),
    ("Int", 'parse_int("007")', "7"),
    ("Int", 'parse_int("000000000000000000000000001")', "1"),
    ("Int", f'parse_int("{MAX}")', str(MAX)),
    ("Int", f'parse_int("-{MAX}")', str(-MAX)),
    ("Int", 'parse_int("9007199254740992")', "!InvalidConversion: invalid Int text in parse_int"),
    ("Int", 'parse_int("-9007199254740992")', "!InvalidConversion"),
    ("Int", 'parse_int("123456789012345678901234567890")', "!InvalidConversion"),
    ("Int", 'parse_int("")', "!InvalidConversion"),
    ("Int", 'parse_int("-")', "!InvalidConversion"),
    ("Int", 'parse_int("+1")', "!InvalidConversion"),
    ("Int", 'parse_int(" 1")', "!InvalidConversion"),
    ("Int", 'parse_int("1 ")', "!InvalidConversion"),
    ("Int", 'parse_int("1\\n")', "!InvalidConversion"),
    ("Int", 'parse_int("1_000")', "!InvalidConversion"),
    ("Int", 'parse_int("0x10")', "!InvalidConversion"),
    ("Int", 'parse_int("1.0")', "!InvalidConversion"),
    ("Int", 'parse_int("--1")', "!InvalidConversion"),
    ("Int", 'parse_int("\\u{661}\\u{662}")', "!InvalidConversion"),
    ("Int", 'parse_int("\\u{FF11}")', "!InvalidConversion"),
    ("Int", 'parse_int("\\u{B2}")', "!InvalidConversion"),
    # --- parse_float ------------------------------------------------------------------
    ("Float", 'parse_float("1.5")', "1.5"),
    ("Float", 'parse_float("-0.5e3")', "-500"),
    ("Float", 'parse_float("1e5")', "100000"),
    ("Float", 'parse_float("0.1")', "0.1"),
    ("Float", 'parse_float("1e400")', "!InvalidConversion: invalid Float text in parse_float"),
    ("Float", 'parse_float("1.")', "!InvalidConversion"),
    ("Float", 'parse_float(".5")', "!InvalidConversion"),
    ("Float", 'parse_float("NaN")', "!InvalidConversion"),
    ("Float", 'parse_float("inf")', "!InvalidConversion"),
    ("Float", 'parse_float(" 1")', "!InvalidConversion"),
    ("Float", 'parse_float("+1")', "!InvalidConversion"),
    ("Float", 'parse_float("")', "!InvalidConversion"),
    ("Float", 'parse_float("\\u{661}")', "!InvalidConversion"),
    # --- List -------------------------------------------------------------------------
    ("Int", "[10, 20, 30][id(1)]", "20"),
    ("Int", "[10, 20, 30][id(3)]", "!IndexOutOfRange: list index 3 out of range for length 3"),
    ("Int", "[10, 20, 30][id(-1)]", "!IndexOutOfRange: list index -1 out of range for length 3"),
    ("Int", "let xs: List<Int> = []\nreturn xs[0]", "!IndexOutOfRange: list index 0 out of range for length 0"),
    ("Int", "len([1, 2, 3])", "3"),
    ("Bool", "contains([[1], [2, 3]], [2, 3])", "true"),
    ("Bool", "contains([[1], [2, 3]], [3, 2])", "false"),
    ("Bool", "contains([0.0], -0.0)", "true"),
    ("Bool", 'contains(["a"], "A")', "false"),
    ("List<Int>", "append([1], 2)", "[1,2]"),
    ("List<Int>", "concat([1], [2, 3])", "[1,2,3]"),
    ("List<Int>", "slice([1, 2, 3], 1, 3)", "[2,3]"),
    ("List<Int>", "slice([1, 2, 3], 3, 3)", "[]"),
    ("List<Int>", "slice([1, 2, 3], -1, 1)", "!IndexOutOfRange: slice range -1..1 out of range for length 3"),
    ("List<Int>", "slice([1, 2, 3], 0, 4)", "!IndexOutOfRange: slice range 0..4 out of range for length 3"),
    ("List<Int>", "slice([1, 2, 3], 2, 1)", "!IndexOutOfRange: slice range 2..1 out of range for length 3"),
    ("List<Int>", "reverse([1, 2, 3])", "[3,2,1]"),
    ("List<Int>", "sort([3, -1, 2, -1])", "[-1,-1,2,3]"),
    ("List<Float>", "sort([2.5, -1.0, 0.5])", "[-1,0.5,2.5]"),
    ("List<String>", 'sort(["b", "a", "B", "\\u{1F600}", "\\u{FF5E}", "", "ab"])', '["","B","a","ab","b","～","😀"]'),
    ("List<Rarity>", "sort([Rarity.Epic, Rarity.Common, Rarity.Rare])", '["Common","Rare","Epic"]'),
    ("Float", "atan2(sort([0.0, -0.0])[0], -1.0)", PI),
    ("Float", "atan2(sort([-0.0, 0.0])[0], -1.0)", "-" + PI),
    ("Int", "sum([1, 2, 3])", "6"),
    ("Int", "let xs: List<Int> = []\nreturn sum(xs)", "0"),
    ("Float", "let xs: List<Float> = []\nreturn sum(xs)", "0"),
    ("Int", f"sum([{MAX}, 1, -1])", "!IntegerOverflow: Int overflow in sum"),
    ("Int", f"sum([{MAX}, -1, 1])", str(MAX)),
    ("Float", "sum([0.1, 0.2, 0.3])", "0.6000000000000001"),
    ("Float", "sum([1e308, 1e308, -1e308])", "!NotFinite: non-finite result of sum"),
    ("Float", "sum([1e16, 1.0, -1e16])", "0"),
    ("Int", "min_of([3, 1, 2])", "1"),
    ("Int", "max_of([3, 1, 2])", "3"),
    ("Float", "min_of([2.5, -1.5])", "-1.5"),
    ("Float", "atan2(min_of([-0.0, 0.0]), -1.0)", "-" + PI),
    ("Float", "atan2(min_of([0.0, -0.0]), -1.0)", PI),
    ("Float", "atan2(max_of([-0.0, 0.0]), -1.0)", "-" + PI),
    ("Int", "let xs: List<Int> = []\nreturn min_of(xs)", "!IndexOutOfRange: empty list in min_of"),
    ("Float", "let xs: List<Float> = []\nreturn max_of(xs)", "!IndexOutOfRange: empty list in max_of"),
    # --- abs / min / max / clamp ------------------------------------------------------
    ("Int", f"abs(id(-{MAX}))", str(MAX)),
    ("Int", "abs(id(5))", "5"),
    ("Float", "abs(fid(-2.5))", "2.5"),
    ("Float", "atan2(abs(fid(-0.0)), -1.0)", PI),
    ("Int", "min(id(1), 2)", "1"),
    ("Int", "max(id(1), 2)", "2"),
    ("Float", "min(fid(1.5), -1.5)", "-1.5"),
    ("Float", "atan2(min(fid(0.0), -0.0), -1.0)", PI),
    ("Float", "atan2(min(fid(-0.0), 0.0), -1.0)", "-" + PI),
    ("Float", "atan2(max(fid(0.0), -0.0), -1.0)", PI),
    ("Float", "atan2(max(fid(-0.0), 0.0), -1.0)", "-" + PI),
    ("Int", "clamp(id(5), 0, 3)", "3"),
    ("Int", "clamp(id(-1), 0, 3)", "0"),
    ("Int", "clamp(id(2), 0, 3)", "2"),
    ("Int", "clamp(id(1), 3, 0)", "0"),
    ("Float", "clamp(fid(0.5), 0.0, 1.0)", "0.5"),
    ("Float", "atan2(clamp(fid(-0.0), 0.0, 1.0), -1.0)", "-" + PI),
    # --- pow(Int, Int) ------------------------------------------------------------------
    ("Int", "pow(id(2), 52)", "4503599627370496"),
    ("Int", "pow(id(2), 53)", "!IntegerOverflow: Int overflow in pow"),
    ("Int", "pow(id(-2), 53)", "!IntegerOverflow: Int overflow in pow"),
    ("Int", "pow(id(-2), 3)", "-8"),
    ("Int", "pow(id(3), 33)", "5559060566555523"),
    ("Int", "pow(id(3), 34)", "!IntegerOverflow: Int overflow in pow"),
    ("Int", "pow(id(2), 1000000000)", "!IntegerOverflow: Int overflow in pow"),
    ("Int", "pow(id(0), 0)", "1"),
    ("Int", "pow(id(0), 5)", "0"),
    ("Int", "pow(id(5), 0)", "1"),
    ("Int", "pow(id(1), 1000000000)", "1"),
    ("Int", "pow(id(-1), 1000000001)", "-1"),
    ("Int", "pow(id(-1), 1000000000)", "1"),
    ("Int", f"pow(id({MAX}), 1)", str(MAX)),
    ("Int", "pow(id(2), -1)", "!InvalidConversion: negative exponent in pow"),
    ("Int", "pow(id(1), -1)", "!InvalidConversion: negative exponent in pow"),
    ("Int", "pow(id(0), -1)", "!InvalidConversion: negative exponent in pow"),
    # --- Map ----------------------------------------------------------------------------
    ("Int", '{"a": 1}["a"]', "1"),
    ("Int", '{"a": 1}["b"]', "!KeyNotFound: key not found in map"),
    ("Int", "{1: 1}[id(2)]", "!KeyNotFound"),
    ("Int?", 'get({"a": 1}, "a")', "1"),
    ("Int?", 'get({"a": 1}, "z")', "null"),
    ("Bool", 'has({"a": 1}, "a")', "true"),
    ("Bool", 'has({"a": 1}, "b")', "false"),
    ("Map<String, Int>", 'put({"b": 1}, "a", 2)', '{"a":2,"b":1}'),
    ("Map<String, Int>", 'put({"b": 1}, "b", 2)', '{"b":2}'),
    ("Map<String, Int>", 'remove({"a": 1, "b": 2}, "a")', '{"b":2}'),
    ("Map<String, Int>", 'remove({"a": 1}, "z")', '{"a":1}'),
    ("Map<String, Int>", '{"b": 1, "a": 2, "B": 3, "\\u{1F600}": 4, "\\u{FF5E}": 5}', '{"B":3,"a":2,"b":1,"～":5,"😀":4}'),
    ("Map<Int, String>", '{10: "x", -1: "y", 9: "z"}', '{"-1":"y","9":"z","10":"x"}'),
    ("Map<Rarity, Int>", "{Rarity.Epic: 1, Rarity.Common: 2}", '{"Common":2,"Epic":1}'),
    ("List<Int>", '{3: "c", -1: "a", 20: "b"} |> keys', "[-1,3,20]"),
    ("List<String>", 'values({3: "c", -1: "a", 20: "b"})', '["a","c","b"]'),
    ("List<String>", 'keys({"b": 1, "a": 2, "B": 3})', '["B","a","b"]'),
    ("List<Rarity>", "keys({Rarity.Epic: 1, Rarity.Common: 2})", '["Common","Epic"]'),
    ("Int", '{"a": 1, "b": 2}["b"] + len({"a": 1, "b": 2})', "4"),
    (
        "String",
        'var out = ""\nfor k, v in {"b": 1, "a": 2, "c": 3} {\n  out = out + k + to_string(v)\n}\nreturn out',
        '"a2b1c3"',
    ),
    (
        "List<Int>",
        "var out: List<Int> = []\nfor k, v in {10: 0, -1: 0, 2: 0} {\n  out = append(out, k)\n}\nreturn out",
        "[-1,2,10]",
    ),
    # --- Optional -------------------------------------------------------------------------
    ("Int", "let o: Int? = none\nreturn unwrap(o)", "!NoneValue: unwrap of none"),
    ("Int", "let o: Int? = 4\nreturn unwrap(o)", "4"),
    ("Bool", "let o: Int? = none\nreturn is_some(o)", "false"),
    ("Bool", "let o: Int? = 0\nreturn is_some(o)", "true"),
    ("Int", "let o: Int? = none\nreturn o ?? 7", "7"),
    ("Int", "let o: Int? = 3\nreturn o ?? 7", "3"),
    ("Int", "let o: Int? = 3\nreturn match o {\n  some(v) => v + 1,\n  none => 0,\n}", "4"),
    ("String?", "let o: String? = none\nreturn o", "null"),
    # --- equality and ordering ---------------------------------------------------------------
    ("Bool", "[1, 2] == [1, 2]", "true"),
    ("Bool", "[1, 2] != [2, 1]", "true"),
    ("Bool", '{"a": [1]} == {"a": [1]}', "true"),
    ("Bool", '{"a": 1, "b": 2} == {"b": 2, "a": 1}', "true"),
    ("Bool", '{"a": 1} == {"a": 2}', "false"),
    ("Bool", "fid(-0.0) == 0.0", "true"),
    ("Bool", "[fid(-0.0)] == [0.0]", "true"),
    ("Bool", "P { a: 1, b: 2 } == P { b: 2, a: 1 }", "true"),
    ("Bool", "P { a: 1, b: 2 } == P { a: 2, b: 1 }", "false"),
    ("Bool", "U.V(a: 1, b: 2) == U.V(b: 2, a: 1)", "true"),
    ("Bool", "U.V(a: 1, b: 2) != U.W", "true"),
    ("Bool", "Rarity.Rare == Rarity.Rare", "true"),
    ("Bool", "Rarity.Rare < Rarity.Epic", "true"),
    ("Bool", "Rarity.Rare > Rarity.Epic", "false"),
    ("Bool", "Rarity.Common >= Rarity.Common", "true"),
    ("Bool", "id(1) < 2", "true"),
    ("Bool", "fid(-0.0) < 0.0", "false"),
    ("Bool", "let a: Int? = none\nlet b: Int? = none\nreturn a == b", "true"),
    ("Bool", "let a: Int? = 1\nlet b: Int? = none\nreturn a == b", "false"),
    # --- records, variants, match ----------------------------------------------------------
    ("P", "P { b: 2, a: 1 }", '{"a":1,"b":2}'),
    ("P", "P { a: 1, b: 2 } with { b: 5 }", '{"a":1,"b":5}'),
    ("Int", "(P { a: 1, b: 2 } with { a: 7 }).a", "7"),
    ("U", "U.V(b: 2, a: 1)", '{"kind":"V","a":1,"b":2}'),
    ("U", "U.W", '{"kind":"W"}'),
    ("Int", "match U.V(a: 1, b: 2) {\n  V(x, y) => x * 10 + y,\n  W => 0,\n}", "12"),
    ("Int", "match U.V(a: 1, b: 2) {\n  V(_, y) => y,\n  W => 0,\n}", "2"),
    ("Int", "match U.W {\n  V(x, y) => x,\n  W => 9,\n}", "9"),
    ("Int", "match Rarity.Rare {\n  Common => 1,\n  Rare, Epic => 2,\n}", "2"),
    ("Int", "match Rarity.Epic {\n  Common => 1,\n  _ => 3,\n}", "3"),
    # --- evaluation order: left to right, first error wins -------------------------------------
    ("Int", "pair(id(1) / zero(), [1][id(5)])", "!DivisionByZero"),
    ("Int", "pair([1][id(5)], id(1) / zero())", "!IndexOutOfRange"),
    ("Int", "pow(id(1) / zero(), -1)", "!DivisionByZero"),
    ("Int", "pow(id(2), -1) + id(1) / zero()", "!InvalidConversion"),
    ("Int", "(id(1) / zero()) + [1][id(5)]", "!DivisionByZero"),
    ("Int", "[1][id(5)] + (id(1) / zero())", "!IndexOutOfRange"),
    ("Bool", "[1][id(5)] < id(1) / zero()", "!IndexOutOfRange"),
    ("Bool", "id(1) / zero() == [1][id(5)]", "!DivisionByZero"),
    ("List<Int>", "[id(1) / zero(), [1][id(5)]]", "!DivisionByZero"),
    ("List<Int>", "[[1][id(5)], id(1) / zero()]", "!IndexOutOfRange"),
    ("Map<String, Int>", '{"a": [1][id(5)], "b": id(1) / zero()}', "!IndexOutOfRange"),
    ("Map<Int, Int>", "{id(1) / zero(): [1][id(5)]}", "!DivisionByZero"),
    ("Map<Int, Int>", "{[1][id(5)]: id(1) / zero()}", "!IndexOutOfRange"),
    ("P", "P { b: id(1) / zero(), a: [1][id(5)] }", "!DivisionByZero"),
    ("P", "P { a: [1][id(5)], b: id(1) / zero() }", "!IndexOutOfRange"),
    ("U", "U.V(b: id(1) / zero(), a: [1][id(5)])", "!DivisionByZero"),
    ("P", 'boom("obj") with { a: id(1) / zero() }', "!DomainError: obj"),
    ("P", "P { a: 1, b: 2 } with { b: id(1) / zero(), a: [1][id(5)] }", "!DivisionByZero"),
    ("String", 'to_string(id(1) / zero()) + to_string([1][id(5)])', "!DivisionByZero"),
    ("Int", 'substring("abc", id(1) / zero(), [1][id(5)]) |> len', "!DivisionByZero"),
    # --- laziness: and / or / ?? / if-then-else / match --------------------------------------
    ("Bool", "false and id(1) / zero() == 1", "false"),
    ("Bool", "true or id(1) / zero() == 1", "true"),
    ("Bool", "true and id(1) / zero() == 1", "!DivisionByZero"),
    ("Bool", "false or id(1) / zero() == 1", "!DivisionByZero"),
    ("Bool", "not (false and id(1) / zero() == 1)", "true"),
    ("Int", "let o: Int? = 3\nreturn o ?? id(1) / zero()", "3"),
    ("Int", "let o: Int? = none\nreturn o ?? id(1) / zero()", "!DivisionByZero"),
    ("Int", "if true then 1 else id(1) / zero()", "1"),
    ("Int", "if false then id(1) / zero() else 2", "2"),
    ("Int", "if id(1) / zero() == 0 then 1 else 2", "!DivisionByZero"),
    ("Int", "match Rarity.Rare {\n  Common => id(1) / zero(),\n  Rare => 2,\n  Epic => [1][id(5)],\n}", "2"),
    ("Int", "match U.W {\n  V(x, y) => id(1) / zero(),\n  W => 5,\n}", "5"),
    ("Int", "let o: Int? = none\nreturn match o {\n  some(v) => id(1) / zero(),\n  none => 6,\n}", "6"),
    # --- statements -------------------------------------------------------------------------
    ("Int", "var n = 3\nvar c = 0\nfor i in 0..n {\n  n += 10\n  c += 1\n}\nreturn c", "3"),
    ("Int", "var c = 0\nfor i in 5..2 {\n  c += 1\n}\nreturn c", "0"),
    ("Int", "var s = 0\nfor i in -2..3 {\n  s += i\n}\nreturn s", "0"),
    ("Int", "var c = 0\nfor i in id(1) / zero()..[1][id(5)] {\n  c += 1\n}\nreturn c", "!DivisionByZero"),
    ("Int", "var c = 0\nfor i in [1][id(5)]..id(1) / zero() {\n  c += 1\n}\nreturn c", "!IndexOutOfRange"),
    (
        "Int",
        "var xs = [1, 2, 3]\nvar s = 0\nfor x in xs {\n  xs = append(xs, x)\n  s += x\n}\nreturn s * 100 + len(xs)",
        "606",
    ),
    # `xs = append(xs, item)` grows a private list in place: other holders keep their tuple
    (
        "List<Int>",
        "var xs: List<Int> = []\nxs = append(xs, 1)\nlet ys = xs\nxs = append(xs, 2)\nxs = append(xs, 3)\n"
        "return [len(ys), len(xs), ys[0], xs[2]]",
        "[1,3,1,3]",
    ),
    ("List<Int>", "var xs = [5]\nfor i in 0..3 {\n  xs = append(xs, len(xs) * 10 + xs[len(xs) - 1])\n}\nreturn xs", "[5,15,35,65]"),
    (
        "List<List<Int>>",
        "var rows: List<List<Int>> = []\nvar row: List<Int> = []\nfor i in 0..4 {\n  row = append(row, i)\n"
        "  rows = append(rows, row)\n}\nreturn rows",
        "[[0],[0,1],[0,1,2],[0,1,2,3]]",
    ),
    ("List<Int>", "var xs = [1]\nlet ys = xs\nxs = append(xs, [1][id(3)])\nreturn ys", "!IndexOutOfRange"),
    ("Bool", "var xs: List<Int> = []\nxs = append(xs, 1)\nreturn xs == [1]", "true"),
    (
        "List<Int>",
        "var xs: List<Int> = []\nvar i = 0\nwhile i < 3 {\n  if i % 2 == 0 {\n    xs = append(xs, i)\n  } else {\n"
        "    xs = append(xs, -i)\n  }\n  i += 1\n}\nreturn xs",
        "[0,-1,2]",
    ),
    (
        "Int",
        "var xs: List<Int> = []\nxs = append(xs, 4)\nlet p = P { a: len(xs), b: xs[0] }\nxs = append(xs, 5)\n"
        "return p.a * 100 + p.b * 10 + len(xs)",
        "142",
    ),
    ("List<Int>", "var xs = [1]\nvar ys = [7]\nxs = append(ys, 2)\nys = append(ys, 3)\nreturn concat(xs, ys)", "[7,2,7,3]"),
    (
        "Int",
        "var s = 0\nvar i = 0\nwhile true {\n  i += 1\n  if i > 10 {\n    break\n  }\n"
        "  if i % 2 == 0 {\n    continue\n  }\n  s += i\n}\nreturn s",
        "25",
    ),
    (
        "Int",
        "for i in 0..10 {\n  for j in 0..10 {\n    if i * j == 12 {\n      return i * 100 + j\n    }\n  }\n}\nreturn -1",
        "206",
    ),
    ("Int", 'require id(1) > 0, to_string(id(1) / zero())\nreturn 1', "1"),
    ("Int", 'require id(1) < 0, "must be negative"\nreturn 1', "!DomainError: must be negative"),
    ("Int", 'require id(1) < 0, "n=" + to_string(id(1))\nreturn 1', "!DomainError: n=1"),
    ("Int", 'if id(1) > 0 {\n  fail "positive"\n}\nreturn 0', "!DomainError: positive"),
    ("Int", "var x = 1\nx += 2\nx *= 5\nx -= 1\nreturn x", "14"),
    ("Int", f"var x = {MAX}\nx += 1\nreturn x", "!IntegerOverflow: Int overflow in +"),
]


def _pipe(code: str) -> str:
    """`e |> f` in a row is sugar of this table for `f(e)` (keeps rows readable)."""
    for fn in ("keys", "len"):
        suffix = f" |> {fn}"
        if code.endswith(suffix):
            return f"{fn}({code[: -len(suffix)]})"
    return code


def _source() -> str:
    parts = ["module t", "", PRELUDE]
    for i, (rtype, code, _) in enumerate(CASES):
        code = _pipe(code)
        body = code if "return" in code else f"return {code}"
        parts.append(f"fn case_{i}() -> {rtype} {{\n{textwrap.indent(body, '  ')}\n}}\n")
    return "\n".join(parts)


def _check(texts: dict[str, str]) -> ir.Program:
    from domaingen.diagnostics import render_text

    front = load_texts(texts)
    if front.program is None:
        pytest.fail("the test program does not check:\n" + render_text(front.errors, front.sources))
    return front.program


@pytest.fixture(scope="module")
def program() -> ir.Program:
    return _check({"t.dg": _source()})


@pytest.fixture(scope="module")
def interp(program: ir.Program) -> Interpreter:
    return Interpreter(program)


def _expected(want: str, ok: bool, output: str) -> None:
    if want.startswith("!"):
        assert not ok, f"expected {want[1:]}, got {output}"
        kind_and_message = want[1:]
        if ":" in kind_and_message:
            assert output == f"error: {kind_and_message}"
        else:
            assert output.startswith(f"error: {kind_and_message}: "), output
    else:
        assert ok, f"expected {want}, got {output}"
        assert output == want


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[c[1].split("\n")[-1][:60] for c in CASES])
def test_case(program: ir.Program, interp: Interpreter, index: int, case: tuple[str, str, str]) -> None:
    ok, output = run_call(program, f"t.case_{index}", [], interpreter=interp)
    _expected(case[2], ok, output)


def test_every_builtin_is_covered() -> None:
    from domaingen.interp.builtins import NAMES

    text = "\n".join(code for _, code, _ in CASES)
    missing = sorted(name for name in NAMES if f"{name}(" not in text and f"|> {name}" not in text)
    assert missing == []


# --- calls with JSON arguments -----------------------------------------------------------

CALLS = """\
module shop
enum Tier { Basic, Gold }
record Item { name: String, price: Int, tags: List<String>, note: String? }
record Order { items: List<Item>, tier: Tier, extra: Map<String, Int> }
fn total(order: Order, discount: Int) -> Int {
  require discount >= 0, "discount must be non-negative"
  var sum = 0
  for item in order.items {
    sum += item.price
  }
  for k, v in order.extra {
    sum += v
  }
  if order.tier == Tier.Gold {
    sum = sum * 9 / 10
  }
  return sum - discount
}
fn names(order: Order) -> List<String> {
  var out: List<String> = []
  for item in order.items {
    out = append(out, item.name + (item.note ?? ""))
  }
  return out
}
"""

ORDER = (
    '{"items":[{"name":"a","price":100,"tags":[],"note":null},{"name":"b","price":50,"tags":["x"],"note":"!"}],'
    '"tier":"Gold","extra":{"ship":10}}'
)


@pytest.fixture(scope="module")
def shop() -> ir.Program:
    return _check({"shop.dg": CALLS})


def test_run_call_decodes_arguments_and_encodes_the_result(shop: ir.Program) -> None:
    assert run_call(shop, "shop.total", [ORDER, "5"]) == (True, "139")
    assert run_call(shop, "shop.names", [ORDER]) == (True, '["a","b!"]')
    assert run_call(shop, "shop.total", [ORDER, "-1"]) == (False, "error: DomainError: discount must be non-negative")


def test_run_call_rejects_bad_input_with_the_parameter_path(shop: ir.Program) -> None:
    bad = ORDER.replace('"price":50', '"price":"50"')
    assert run_call(shop, "shop.total", [bad, "5"]) == (
        False,
        "invalid input: order.items[1].price: expected Int, got string",
    )
    assert run_call(shop, "shop.total", [ORDER, "5.0"]) == (
        False,
        "invalid input: discount: Int must be written without fraction or exponent",
    )
    assert run_call(shop, "shop.total", [ORDER, "5", "{"])[0] is False
    assert run_call(shop, "shop.total", [ORDER, "{"]) == (
        False,
        "invalid input: discount: invalid JSON: expected a string key at offset 1",
    )
    assert run_call(shop, "shop.total", [ORDER]) == (False, "invalid input: `shop.total` takes 2 arguments, got 1")
    assert run_call(shop, "shop.nope", []) == (False, "invalid input: no function `shop.nope`")


def test_interpreter_call_with_values(shop: ir.Program) -> None:
    from domaingen.interp.jsoncodec import decode

    interp = Interpreter(shop)
    order_type = interp.index.functions[("shop", "total")].params[0].type
    order = decode(ORDER, order_type, shop, "order")
    assert interp.call("shop", "total", [order, 0]) == 144
    with pytest.raises(DgError) as info:
        interp.call("shop", "total", [order, -3])
    assert (info.value.kind, info.value.message) == ("DomainError", "discount must be non-negative")


# --- tests, expect, expect_error and call records -------------------------------------------

TESTS = """\
module tt
record R { level: Int }
fn lvl(x: Int) -> R {
  require x >= 0, "negative"
  return R { level: x }
}
fn inc(x: Int) -> Int {
  return x + 1
}
fn outer(x: Int) -> Int {
  return inc(inc(x))
}
test "passes" {
  expect lvl(2).level == 2
  expect inc(1) > 1
}
test "sides" {
  let r = lvl(2)
  expect r.level == 3
}
test "compare sides" {
  expect inc(1) >= 5
}
test "not equal sides" {
  expect [1, 2] != [1, 2]
}
test "plain" {
  expect lvl(2).level > 5 and true
}
test "message" {
  expect 1 == 2, "one is not two"
}
test "error message ok" {
  expect_error lvl(-1), "negative"
}
test "error kind ok" {
  expect_error inc(9007199254740991), IntegerOverflow
}
test "error any ok" {
  expect_error lvl(-1)
}
test "error wrong kind" {
  expect_error inc(9007199254740991), DivisionByZero
}
test "error wrong message" {
  expect_error lvl(-1), "other"
}
test "error message but other kind" {
  expect_error inc(9007199254740991), "Int overflow in +"
}
test "error but returned" {
  expect_error lvl(1)
}
test "uncaught" {
  let x = inc(9007199254740991)
  expect x == 0
}
test "stops at first failure" {
  expect 1 == 2
  expect inc(9007199254740991) == 0
}
test "nested calls" {
  expect outer(inc(1)) == 4
}
"""

EXPECTED_RESULTS = {
    "passes": None,
    "sides": "expect r.level == 3: left is 2, right is 3",
    "compare sides": "expect inc(1) >= 5: left is 2, right is 5",
    "not equal sides": "expect [1, 2] != [1, 2]: left is [1, 2], right is [1, 2]",
    "plain": "expect lvl(2).level > 5 and true: is false",
    "message": 'expect 1 == 2: left is 1, right is 2 (one is not two)',
    "error message ok": None,
    "error kind ok": None,
    "error any ok": None,
    "error wrong kind": 'expect_error inc(9007199254740991): expected DivisionByZero, got IntegerOverflow "Int overflow in +"',
    "error wrong message": 'expect_error lvl(-1): expected DomainError "other", got DomainError "negative"',
    "error message but other kind": (
        'expect_error inc(9007199254740991): expected DomainError "Int overflow in +", got IntegerOverflow "Int overflow in +"'
    ),
    "error but returned": "expect_error lvl(1): expected an error, but it returned R { level: 1 }",
    "uncaught": "uncaught IntegerOverflow: Int overflow in +",
    "stops at first failure": "expect 1 == 2: left is 1, right is 2",
    "nested calls": None,
}


@pytest.fixture(scope="module")
def tests_program() -> ir.Program:
    return _check({"tt.dg": TESTS})


def _expect_error_texts(program: ir.Program) -> dict[str, str]:
    """Test name -> `text` of its first `expect_error` (the call as the checker quotes it)."""
    out: dict[str, str] = {}
    for decl in program.modules[0].decls:
        if isinstance(decl, ir.Test):
            for stmt in decl.body:
                if isinstance(stmt, ir.ExpectError):
                    out.setdefault(decl.name, stmt.text)
    return out


def test_expect_error_text_is_the_call_as_written(tests_program: ir.Program) -> None:
    assert _expect_error_texts(tests_program)["error but returned"] == "lvl(1)"


def test_run_tests_reports(tests_program: ir.Program) -> None:
    results = run_tests(tests_program)
    assert [r.name for r in results] == list(EXPECTED_RESULTS)
    for result in results:
        want = EXPECTED_RESULTS[result.name]
        assert result.module == "tt"
        assert result.passed == (want is None), (result.name, result.message)
        assert result.message == want, result.name


def test_recorder_sees_calls_made_directly_in_test_bodies(tests_program: ir.Program) -> None:
    records: list[CallRecord] = []
    run_tests(tests_program, records.append)

    def show(r: CallRecord) -> str:
        outcome = f"{r.error.kind}" if r.error is not None else display(r.result)
        return f"{r.function}({', '.join(display(a) for a in r.args)}) -> {outcome}"

    assert [show(r) for r in records] == [
        "lvl(2) -> R { level: 2 }",
        "inc(1) -> 2",
        "lvl(2) -> R { level: 2 }",
        "inc(1) -> 2",
        "lvl(2) -> R { level: 2 }",
        "lvl(-1) -> DomainError",
        "inc(9007199254740991) -> IntegerOverflow",
        "lvl(-1) -> DomainError",
        "inc(9007199254740991) -> IntegerOverflow",
        "lvl(-1) -> DomainError",
        "inc(9007199254740991) -> IntegerOverflow",
        "lvl(1) -> R { level: 1 }",
        "inc(9007199254740991) -> IntegerOverflow",
        # "stops at first failure" makes no call; "nested calls": inc then outer, not outer's inner calls
        "inc(1) -> 2",
        "outer(2) -> 4",
    ]
    first = records[0]
    assert first.module == "tt" and [p.name for p in first.params] == ["x"]
    assert isinstance(first.ret, ir.NamedType) and first.ret.name == "R"
    assert records[5].error is not None and records[5].error.message == "negative"


# --- constant folding ------------------------------------------------------------------------

I = ir.INT


def _int(v: int) -> ir.Expr:
    return ir.new(ir.IntLit, type=I, value=v)


def _arith(op: Any, a: ir.Expr, b: ir.Expr, t: ir.Type = I) -> ir.Expr:
    return ir.new(ir.Arith, type=t, op=op, left=a, right=b)


def test_fold_const_values_and_errors() -> None:
    assert fold_const(_arith("*", _int(6), _int(7)), {}) == (_int(42), None)
    assert fold_const(_arith("+", _int(MAX), _int(1)), {}) == (None, ("IntegerOverflow", "Int overflow in +"))
    assert fold_const(_arith("/", _int(1), _int(0)), {}) == (None, ("DivisionByZero", "division by zero"))
    ref = ir.new(ir.ConstRef, type=I, module="m", name="A")
    assert fold_const(_arith("-", ref, _int(50)), {("m", "A"): _int(100)}) == (_int(50), None)
    kind = fold_const(_arith("-", ref, _int(50)), {})[1]
    assert kind is not None and kind[0] == "NotConstant"
    local = ir.new(ir.Local, type=I, name="x")
    result = fold_const(local, {})
    assert result[0] is None and result[1] is not None and result[1][0] == "NotConstant"
    call = ir.new(ir.CallFn, type=I, module="m", function="f", args=())
    result = fold_const(call, {})
    assert result[1] is not None and result[1][0] == "NotConstant"


def test_fold_const_through_the_checker() -> None:
    source = """\
module c
record Pt { x: Int, y: Float? }
const BASE: Int = 10
const BIG: Int = BASE * 1000 + -3
const HALF: Float = 1.0 / 4.0
const NAME: String = "n" + to_string(BIG)
const WORDS: List<String> = sort(split("b,a,c", ","))
const BY: Map<String, Int> = {"b": 2, "a": 1}
const ORIGIN: Pt = Pt { y: none, x: 0 }
const SOME: Pt = ORIGIN with { y: 2.5 }
fn summary() -> List<String> {
  return [to_string(BIG), to_string(HALF), NAME, join(WORDS, ""), to_string(BY["a"]), to_string(SOME.y ?? 0.0)]
}
fn origin() -> Pt {
  return SOME
}
"""
    program = _check({"c.dg": source})
    assert run_call(program, "c.summary", []) == (True, '["9997","0.25","n9997","abc","1","2.5"]')
    assert run_call(program, "c.origin", []) == (True, '{"x":0,"y":2.5}')
    consts = {d.name: d for d in program.modules[0].decls if isinstance(d, ir.Const)}
    assert consts["BIG"].value == _int(9997)
    by = consts["BY"].value
    assert isinstance(by, ir.MapLit) and [e.key for e in by.entries] == [
        ir.new(ir.StringLit, type=ir.STRING, value=k) for k in "ab"
    ]
    some = consts["SOME"].value
    assert isinstance(some, ir.RecordLit) and {f.name for f in some.fields} == {"x", "y"}


ENUM_CONSTS = """\
module c
enum E { B, A }
const ORDER: List<E> = sort([E.A, E.B])
const BY: Map<E, Int> = {E.A: 1, E.B: 2}
const LESS: Bool = E.B < E.A
fn summary() -> List<E> {
  return if LESS then concat(ORDER, keys(BY)) else []
}
"""


def test_enum_ordering_constants_through_the_checker() -> None:
    program = _check({"c.dg": ENUM_CONSTS})
    assert run_call(program, "c.summary", []) == (True, '["B","A","B","A"]')


def test_fold_const_needs_declarations_only_for_enum_order_and_union_payloads() -> None:
    e_type = ir.new(ir.NamedType, module="m", name="E", decl="enum")
    decl = ir.new(ir.Enum, name="E", members=(ir.new(ir.EnumMember, name="B"), ir.new(ir.EnumMember, name="A")))
    a, b = (ir.new(ir.EnumValue, type=e_type, member=m) for m in "AB")
    less = ir.new(ir.Compare, type=ir.BOOL, op="<", left=b, right=a)
    assert fold_const(less, {}, {("m", "E"): decl}) == (ir.new(ir.BoolLit, type=ir.BOOL, value=True), None)
    value, problem = fold_const(less, {})
    assert value is None and problem is not None and problem[0] == "NotConstant"
    same = ir.new(ir.Equal, type=ir.BOOL, negate=False, left=a, right=a)
    assert fold_const(same, {}) == (ir.new(ir.BoolLit, type=ir.BOOL, value=True), None)
    assert fold_const(a, {}) == (a, None)


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("const X: Int = 9007199254740991 + 1", "IntegerOverflow"),
        ("const X: Int = 1 / 0", "DivisionByZero"),
        ("const X: Float = 1.0 / 0.0", "NotFinite"),
        ('const X: Int = parse_int("x")', "InvalidConversion"),
        ("const X: Int = [1][2]", "IndexOutOfRange"),
    ],
)
def test_failing_constants_are_check_errors(source: str, kind: str) -> None:
    front = load_texts({"k.dg": f"module k\n{source}\n"})
    assert front.program is None
    assert [d.code for d in front.errors] == ["DG306"], front.errors


def test_value_to_literal_round_trips(program: ir.Program, interp: Interpreter) -> None:
    from domaingen.interp.compile_expr import evaluate_closed

    for index, (rtype, _, want) in enumerate(CASES):
        if want.startswith("!"):
            continue
        fn = interp.index.functions[("t", f"case_{index}")]
        value = interp.call("t", f"case_{index}", [])
        literal = value_to_literal(value, fn.ret)
        again = evaluate_closed(literal, interp.host)
        assert again == value, (index, rtype)
        if isinstance(value, float):
            assert math.copysign(1.0, again) == math.copysign(1.0, value)  # type: ignore[arg-type]


def test_display_is_dsl_like(interp: Interpreter) -> None:
    from domaingen.interp.values import RecordVal, VariantVal

    rarity = interp.index.member_list[("t", "Rarity")][1]
    shape = interp.index.record_shapes[("t", "P")]
    variant = interp.index.variant_shapes[("t", "U")]
    assert display(RecordVal(shape, (1, 2))) == "P { a: 1, b: 2 }"
    assert display(VariantVal(variant["V"], (1, 2))) == "U.V(a: 1, b: 2)"
    assert display(VariantVal(variant["W"], ())) == "U.W"
    assert display(rarity) == "Rarity.Rare"
    assert display((1.0, -0.0, 1e21, 'a"\n')) == '[1.0, -0.0, 1e+21, "a\\"\\n"]'
    assert display({"b": None, "a": True}) == '{"a": true, "b": none}'
    assert display({}) == "{}"


# --- properties of the section 5 primitives -------------------------------------------------


INTS = st.integers(-MAX, MAX)


@given(INTS, INTS.filter(lambda b: b != 0))
def test_division_truncates_and_remainder_takes_the_dividends_sign(a: int, b: int) -> None:
    q, r = ints.div(a, b), ints.rem(a, b)
    assert a == b * q + r
    assert abs(r) < abs(b)
    assert r == 0 or (r < 0) == (a < 0)
    assert abs(q) == abs(a) // abs(b)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16))
def test_round_is_exact_half_away_from_zero(x: float) -> None:
    exact = Fraction(x)
    magnitude = int(abs(exact) + Fraction(1, 2))  # floor(|x| + 1/2), exactly
    want = magnitude if exact >= 0 else -magnitude
    if -MAX <= want <= MAX:
        assert ints.round_(x) == want
    else:
        with pytest.raises(DgError):
            ints.round_(x)


@given(INTS, st.integers(0, 70))
def test_int_pow_matches_exact_power(base: int, exponent: int) -> None:
    base = base % 50 - 25 if abs(base) > 100 else base
    exact = base**exponent
    if -MAX <= exact <= MAX:
        assert ints.pow_(base, exponent) == exact
    else:
        with pytest.raises(DgError) as info:
            ints.pow_(base, exponent)
        assert info.value.kind == "IntegerOverflow"


@given(st.text(alphabet="-+0123456789 _\u0661\uff11.e", max_size=25))
def test_parse_int_accepts_exactly_ascii_digits(s: str) -> None:
    valid = re.fullmatch(r"-?[0-9]+", s) is not None and -MAX <= int(s) <= MAX
    if valid:
        assert ints.parse_int(s) == int(s)
    else:
        with pytest.raises(DgError) as info:
            ints.parse_int(s)
        assert info.value.kind == "InvalidConversion"


@given(st.text(alphabet="ab\u00e9\U0001f600 \t\n\r\f\v\u00a0", max_size=12))
def test_trim_strips_only_ascii_whitespace(s: str) -> None:
    out = strings.trim(s)
    assert s.find(out) >= 0
    assert not out or (out[0] not in " \t\n\r\f" and out[-1] not in " \t\n\r\f")
    assert out.strip(" \t\n\r\f") == out and set(s.replace(out, "", 1)) <= set(" \t\n\r\f")
