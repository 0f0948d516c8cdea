"""DSL sources of Rust-specific hazards for `test_rust.py`.

Consumes: nothing.
Produces: `TEXTS`, {display path: DSL text}: modules the shared `dsl/` does
not have — prelude names as types, raw identifiers in every role, a local
named like a function, Cargo's reserved file names, codec-local field
names, doc comments that try to become doctests, every built-in
overload in one function, and the performance rewrites (moves, in-place
string built-ins, the `pow` memo). Their `test` blocks give the agreement vectors.
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


# Performance rewrites that must not change results: a `with` base moved
# beside reads of its `Copy` fields (and cloned beside anything else), the
# in-place `trim` / `to_lower` / `to_upper` (moved or cloned arguments), and
# the per-thread `pow` memo (hits, evictions, `-0.0` vs `0.0`, errors).
MOVES_DG = """\
module rustperf.moves

record Inner { n: Int, label: String }
record Rec { n: Int, maybe: Int?, flag: Bool, name: String, tags: List<String>, inner: Inner }
record Pair { rec: Rec, before: Int, maybe: Int?, flag: Bool }
record Named { rec: Rec, name_len: Int }

/// `with` on a dead local beside reads of its Copy fields: the base moves.
fn bump(r: Rec) -> Pair {
  return Pair { before: r.n, rec: r with { n: r.n + 1, maybe: none }, maybe: r.maybe, flag: r.flag }
}

/// A non-Copy field read beside the `with`: the base must be cloned.
fn bump_named(r: Rec) -> Named {
  return Named { rec: r with { n: r.n + 1 }, name_len: len(r.name) + len(r.tags) }
}

/// A nested record field read beside the `with` (not a Copy field of `r`).
fn bump_inner(r: Rec) -> Named {
  return Named { rec: r with { inner: r.inner with { n: r.inner.n + 1 } }, name_len: r.inner.n + len(r.inner.label) }
}

/// The local stays alive after the `with`: it must be cloned.
fn twice(r: Rec) -> Int {
  let a = r with { n: 7 }
  return a.n + r.n + len(r.name)
}

fn trims(s: String) -> String {
  let t = trim(s)
  return "[" + t + "|" + to_lower(s) + "|" + to_upper(t) + "|" + trim(to_upper(s)) + "]"
}

fn curve_sum(n: Int) -> Float {
  var total = 0.0
  for i in 0..n {
    total += pow(float(i % 300), 1.5) + pow(float(i % 7) + 0.5, 2.5)
  }
  return total
}

fn zero_signs() -> Float {
  let a = atan2(pow(0.0, 3.0), -1.0)
  let b = atan2(pow(-0.0, 3.0), -1.0)
  let c = atan2(pow(0.0, 3.0), -1.0)
  let d = atan2(pow(-0.0, 3.0), -1.0)
  return a + b * 10.0 + c * 100.0 + d * 1000.0
}

fn bad_pow(x: Float) -> Float {
  return pow(x, 0.5) + pow(x, 1.0 / 3.0)
}

test "with moves, trims and the pow memo agree with the interpreter" {
  let r = Rec { n: 1, maybe: 5, flag: true, name: "ab", tags: ["x"], inner: Inner { n: 3, label: "lbl" } }
  let p = bump(r)
  expect p.before == 1
  expect p.rec.n == 2
  expect p.maybe == 5
  expect not is_some(p.rec.maybe)
  expect p.flag
  expect p.rec.name == "ab"
  expect bump_named(r).name_len == 3
  expect bump_named(r).rec.n == 2
  expect bump_inner(r).rec.inner.n == 4
  expect bump_inner(r).name_len == 6
  expect twice(r) == 10
  expect trims("  Hello World\\t\\n") == "[Hello World|  hello world\\t\\n|HELLO WORLD|HELLO WORLD]"
  expect trims(" \\t\\r\\n\\u{000C} ") == "[| \\t\\r\\n\\u{000C} ||]"
  expect trims("") == "[|||]"
  expect trims("\\u{000B}x\\u{000B}") == "[\\u{000B}x\\u{000B}|\\u{000B}x\\u{000B}|\\u{000B}X\\u{000B}|\\u{000B}X\\u{000B}]"
  expect trims("\\u{00A0}Ärger straße\\u{00A0}") == "[\\u{00A0}Ärger straße\\u{00A0}|\\u{00A0}Ärger straße\\u{00A0}|\\u{00A0}ÄRGER STRAßE\\u{00A0}|\\u{00A0}ÄRGER STRAßE\\u{00A0}]"
  expect trims("lead only") == "[lead only|lead only|LEAD ONLY|LEAD ONLY]"
  expect trims("   😀x") == "[😀x|   😀x|😀X|😀X]"
  // 700 calls over 307 argument pairs, twice: memo hits, misses and evictions
  expect to_string(curve_sum(700)) == "1307120.7611377204"
  expect to_string(curve_sum(700)) == "1307120.7611377204"
  // pow(0.0, 3.0) is 0.0 and pow(-0.0, 3.0) is -0.0, memoized or not
  expect to_string(zero_signs()) == "-2855.7077221131217"
  expect_error bad_pow(-8.0), NotFinite
  expect_error bad_pow(-8.0), NotFinite
}
"""

TEXTS = {
    "tests/targets/rusthazards/names.dg": NAMES_DG,
    "tests/targets/lib/x.dg": LIB_DG,
    "tests/targets/type/inner.dg": TYPE_DG,
    "tests/targets/rustcov/builtins.dg": BUILTINS_DG,
    "tests/targets/rustperf/moves.dg": MOVES_DG,
}
