"""DSL sources of Rust-specific hazards for `test_rust.py`.

Consumes: nothing.
Produces: `TEXTS`, {display path: DSL text}: modules the shared `dsl/` does
not have — prelude names as types, raw identifiers in every role, a local
named like a function, Cargo's reserved file names, codec-local field
names, doc comments that try to become doctests, and every built-in
overload in one function. Their `test` blocks give the agreement vectors.
"""

from __future__ import annotations

# Rust hazards the shared stress module does not have: names of prelude
# types and generated identifiers, locals named like functions, raw
# identifiers in every role, and doc comments that try to break out.
NAMES_DG = '''\
/// Rust hazards: ``` fences
/// ```
/// fn main() { panic!("doctest") }
/// ```
/// */ """ \u202e bidi \u2028 separator
module rusthazards.names

/// A const named like prelude items: */ ```
const RESULT: String = "\\u{202E}x\\u{2066}y\\u{0}z"
const DEFAULTS: List<String> = ["a", "b\\n"]
const LIMITS: Map<String, Int> = {"hp": 10, "mp": 5}
const MAYBE: Int? = 3

/// Named like the std prelude.
record Result { ok: Int, err: String, some: Int? }
record Vec { type: String, self: Int, crate: Int, super: Int, loop: Int }
enum Some { Ok, Err, Some, None, Self_, Vec }
union Box { Ok(value: Int), Err(message: String), Empty }

fn curve(x: Int) -> Int {
  return x * 2
}

/// A local named like a function of this module.
fn shadow(curve: Int) -> Int {
  let dgrt = curve + 1
  return dgrt + curve(curve)
}

fn drop(v: Vec) -> Vec {
  return v with { type: v.type + "!", self: v.self + 1 }
}

fn pick(s: Some, b: Box) -> String {
  let which = match s {
    Ok => "ok"
    Err => "err"
    _ => "other"
  }
  return which + ":" + match b {
    Ok(value) => to_string(value)
    Err(message) => message
    Empty => "-"
  }
}

fn result(r: Result) -> Int {
  return r.ok + (r.some ?? 0) + len(r.err) + len(DEFAULTS) + LIMITS["hp"] + (MAYBE ?? 0)
}

fn loops(xs: List<Int>, m: Map<String, Int>) -> Int {
  var total = 0
  var ys = xs
  for x in ys {
    ys = append(ys, x)
    total += x
  }
  for k, v in m {
    total += v + len(k)
  }
  for k, _ in m {
    total += len(k)
  }
  while true {
    if total > 5 {
      return total
    }
    total += 1
  }
  return -1
}

fn rebuilt(v: Vec) -> Int {
  let w = drop(v) with { loop: 9, crate: v.crate + 1 }
  return w.loop + w.crate + w.self
}

fn extras(s: String, fs: List<Float>, xs: List<Int>) -> String {
  return to_string(s) + to_string(min_of(fs)) + to_string(max_of(xs))
}

test "hazards" {
  expect extras("a", [2.5, -0.0, 0.0], [3, 1]) == "a03"
  expect rebuilt(Vec { type: "t", self: 1, crate: 2, super: 3, loop: 4 }) == 14
  expect_error extras("a", [], [1]), IndexOutOfRange
  expect shadow(3) == 10
  expect drop(Vec { type: "t", self: 1, crate: 2, super: 3, loop: 4 }).self == 2
  expect pick(Some.Ok, Box.Ok(value: 4)) == "ok:4"
  expect pick(Some.Self_, Box.Empty) == "other:-"
  expect result(Result { ok: 1, err: "ab", some: none }) == 18
  expect loops([1, 2], {"a": 1}) == 6
}
'''


# Module paths Cargo and Rust care about: `lib` (src/lib.rs is the crate
# root), `type` (a keyword: `pub mod r#type;` in type/) and fields named
# like the generated codec's locals (`tag`, `members`, `path`, …).
LIB_DG = """\
module lib.x
import type.inner

union U { A(tag: Int), B }

fn f(u: U) -> Int {
  return match u {
    A(tag) => tag
    B => 0
  }
}

fn g(t: inner.T) -> inner.T {
  return t with { members: t.members + 1 }
}
"""

TYPE_DG = """\
module type.inner
record T { members: Int, path: String, out: Int, key: Int, item: Int, value: Int, tag: Int }
"""


# Every built-in and overload in one function, with Int and enum map keys,
# literals borrowed as slices and map literals.
BUILTINS_DG = """\
module rustcov.builtins
enum E { A, B }
record R { v: Int }
fn f(m: Map<Int, String>, n: Map<E, Int>, rs: List<R>, es: List<E>) -> Int {
  let a = len(m[1]) + (get(n, E.A) ?? 0)
  let b = if has(m, 2) then 1 else 0
  let c = len(remove(m, 3)) + len(keys(n)) + len(values(n))
  let d = if contains(rs, R { v: 1 }) and contains(es, E.B) then 1 else 0
  let e = n[E.B] + sum(values(n)) + max_of([1, 2]) + min(1, 2) + clamp(5, 1, 3) + abs(-3) + pow(2, 3)
  let g = int(sqrt(2.0) + exp(1.0) + ln(2.0) + log10(3.0) + sin(1.0) + cos(1.0) + tan(1.0) + atan2(1.0, 2.0) + abs(-1.5) + pow(2.0, 0.5))
  let h = floor(1.5) + ceil(1.5) + round(-2.5) + trunc(-2.5) + parse_int("12") + int(parse_float("1.5e1"))
  let s = slice(reverse(sort(concat([3, 1], [2]))), 0, 2)
  let t = to_string(1.5) + to_string(true) + substring("héllo", 1, 3) + to_upper("a") + join(split("a,b", ","), "-")
  let u = index_of("héllo", "l") + (if starts_with(t, "1") and ends_with(t, "b") and contains(t, "x") then 1 else 0)
  let o: Int? = none
  let p = is_some(o) or unwrap(some_opt(1)) == 1
  var q = put(n, E.A, 5)
  q = put(q, E.B, q[E.A])
  return a + b + c + d + e + g + h + len(s) + len(t) + u + (if p then 1 else 0) + len(q) + m_count({1: "a", 2: "b"}) + len([[1], []])
}
fn some_opt(x: Int) -> Int? { return x }
fn m_count(m: Map<Int, String>) -> Int { return len(m) }

test "every built-in in one function" {
  expect f({1: "héllo", 3: "x"}, {E.A: 2, E.B: 3}, [R { v: 1 }], [E.B]) == 98
  expect_error f({}, {}, [], []), KeyNotFound
}
"""

TEXTS = {
    "tests/targets/rusthazards/names.dg": NAMES_DG,
    "tests/targets/lib/x.dg": LIB_DG,
    "tests/targets/type/inner.dg": TYPE_DG,
    "tests/targets/rustcov/builtins.dg": BUILTINS_DG,
}
