"""A DSL module of Go lowering hazards, for tests/targets/test_go.py.

Lazy parts (`and`/`or`/`??`/`if then else`/`match` arms) that contain
fallible calls, `else if` chains with fallible conditions, a `while` whose
condition can fail, unused `let`s and loop variables, untyped literals
(`none`, Int literals, variant literals) bound to variables, computed map
keys that collide at run time, `with` whose updates fail in written order,
-0.0 constants, enum and Int map keys, an FMA-sensitive `a * b + c`, and
snapshots of a list appended to in place.
Its `test` block is run by the interpreter; every call it makes, plus
generated inputs, becomes a vector the Go replay must reproduce.
"""

TRICKY_DG = r"""
/// Lowering hazards for Go: lazy parts with fallible code, unused names, typed literals.
module go.tricky

enum Color { Red, Green, Blue }

record Box {
  items: List<Shape>
  tags: Map<Color, Int>
  counts: Map<Int, String>
  note: String?
}

union Shape {
  Dot
  Line(length: Int)
  Pair(a: Float, b: Float)
}

const NEG_ZERO: Float = -0.0
const COLORS: List<Color> = [Color.Red, Color.Blue]
const MAYBE: Int? = 3

fn div(a: Int, b: Int) -> Int { return a / b }

fn lazy_chain(a: Int, b: Int) -> Bool {
  return a != 0 and div(10, a) > 1 or b != 0 and div(10, b) > 1
}

fn coalesce_opt(x: Int?, y: Int?, a: Int) -> Int? {
  return x ?? y ?? div(10, a)
}

fn cond_nested(a: Int) -> Int {
  return if a > 0 then div(100, a) else if a < 0 then div(-100, a) else div(1, a)
}

fn else_if_chain(a: Int) -> String {
  if div(10, a) > 5 {
    return "big"
  } else if div(20, a) > 5 {
    return "mid"
  } else if a == 7 {
    return "seven"
  } else {
    return "small"
  }
}

fn while_fallible(n: Int) -> Int {
  var i = 0
  var total = 0
  while div(100, n - i) > 10 {
    i += 1
    total += i
    if total > 1000 { break }
  }
  return total
}

fn unused_names(m: Map<String, Int>, xs: List<Int>) -> Int {
  let unused = 5
  var count = 0
  for k, v in m { count += 1 }
  for x in xs { count += 1 }
  for i in 0..len(xs) { count += 1 }
  for k, v in m { count += v }
  for k, v in m { count += len(k) }
  return count
}

fn variants(n: Int) -> Shape {
  var s = Shape.Dot
  if n > 0 { s = Shape.Line(length: n) }
  if n > 10 { s = Shape.Pair(a: float(n), b: 0.5) }
  let none_yet: Int? = none
  let one: Int? = 1
  return if is_some(none_yet) or unwrap(one) > n then Shape.Dot else s
}

fn describe(s: Shape) -> String {
  return match s {
    Line(length) => "line " + to_string(div(100, length))
    _ => "other"
  }
}

fn color_name(c: Color) -> Int {
  return match c {
    Red => div(1, 0)
    _ => 2
  }
}

fn opt_match(x: Int?, a: Int) -> Int {
  return match x {
    some(v) => div(v, a)
    none => div(a, 0)
  }
}

fn opt_ignore(x: Int?) -> Int {
  return match x {
    some(v) => 1
    none => 0
  }
}

fn computed_keys(a: String, b: String) -> Map<String, Int> {
  return {a: 1, b: 2}
}

fn boxes(n: Int) -> Box {
  let b = Box { items: [Shape.Dot, Shape.Line(length: n)], tags: {Color.Blue: 1, Color.Red: 2}, counts: {10: "ten", -2: "minus", 3: "three"}, note: none }
  return b with { note: to_string(len(b.items)) }
}

fn box_equal(a: Box, b: Box) -> Bool { return a == b and not (a != b) }

fn literal_field(n: Int) -> Int {
  return if (Box { items: [], tags: {}, counts: {}, note: none }).items == [] then 1 else 0
}

fn floats(a: Float, b: Float, c: Float) -> List<Float> {
  return sort([a * b + c, NEG_ZERO, 0.0, -0.0, min(0.0, -0.0), max(-0.0, 0.0), min_of([c, a]), a * b - c * a])
}

fn ints(xs: List<Int>) -> List<Int> {
  return [max_of(xs), min_of(xs), sum(xs), pow(2, len(xs)), 7 / -2, -7 % 2, abs(-3), clamp(5, 10, 1)]
}

fn strings(s: String) -> List<String> {
  return [to_string(s), substring(s, 1, 3), to_upper(s), to_lower(s), trim(s), to_string(index_of(s, "é")), join(split(s, "é"), "|"), to_string(len(s))]
}

fn const_use() -> Int {
  return len(COLORS) + (MAYBE ?? 0)
}

fn with_order(b: Box, n: Int) -> Box {
  return b with { counts: put(b.counts, div(1, n), "x"), note: to_string(div(2, n - 1)) }
}

fn literal_compare(b: Box) -> Int {
  if (Box { items: [], tags: {}, counts: {}, note: none }) == b {
    return 1
  }
  if Shape.Dot == Shape.Line(length: 1) or [1] == [2] or {1: 2} == {2: 1} {
    return 2
  }
  return 0
}

fn literal_args(xs: List<Shape>, m: Map<Int, Shape>, opts: List<Int?>) -> List<Bool> {
  return [
    contains(xs, Shape.Dot), is_some(get(m, 1)), has(put(m, 1, Shape.Dot), 1), contains(append(xs, Shape.Line(length: 2)), Shape.Line(length: 2)),
    contains(opts, none), contains(append(opts, none), none), len(values(put(m, -1, Shape.Dot))) > 0
  ]
}

fn unwrap_none(n: Int) -> Int {
  let x: Int? = if n > 0 then n else none
  return unwrap(x) + unwrap(if n > 1 then 1 else none)
}

const ZERO: Float = 0.0

fn neg_zero(f: Float) -> List<Float> {
  return [atan2(0.0, -0.0), atan2(0.0, -f), atan2(0.0, -ZERO), atan2(0.0, NEG_ZERO), -ZERO, -(-f)]
}

fn find(xs: List<Int>, x: Int) -> Int {
  for i in 0..len(xs) {
    if xs[i] == x { return i }
  }
  return -1
}

fn spin(n: Int) -> Int {
  var i = 0
  while true {
    i += 1
    if i >= n { return i }
  }
  return 0
}

fn dead_code(n: Int) -> Int {
  if n > 0 {
    return 1
  } else {
    return 2
  }
}

test "tricky" {
  expect literal_compare(Box { items: [], tags: {}, counts: {}, note: none }) == 1
  expect literal_compare(boxes(1)) == 0
  expect len(literal_args([Shape.Dot], {1: Shape.Dot}, [1, none])) == 7
  expect unwrap_none(2) == 3
  expect_error unwrap_none(1), NoneValue
  expect_error unwrap_none(0), NoneValue
  expect len(neg_zero(0.0)) == 6
  expect find([4, 5, 6], 6) == 2
  expect find([4, 5, 6], 7) == -1
  expect spin(3) == 3
  expect dead_code(1) == 1
  expect lazy_chain(0, 0) == false
  expect lazy_chain(5, 0) == true
  expect lazy_chain(20, 0) == false
  expect coalesce_opt(none, none, 5) == 2
  expect coalesce_opt(none, 4, 0) == 4
  expect_error coalesce_opt(none, none, 0), DivisionByZero
  expect cond_nested(5) == 20
  expect cond_nested(-5) == 20
  expect_error cond_nested(0), DivisionByZero
  expect else_if_chain(1) == "big"
  expect else_if_chain(3) == "mid"
  expect else_if_chain(7) == "seven"
  expect else_if_chain(9) == "small"
  expect_error else_if_chain(0), DivisionByZero
  expect_error while_fallible(5), DivisionByZero
  expect while_fallible(50) == 0
  expect_error while_fallible(3), DivisionByZero
  expect unused_names({"a": 1, "bb": 2}, [1, 2, 3]) == 14
  expect variants(0) == Shape.Dot
  expect variants(5) == Shape.Line(length: 5)
  expect variants(20) == Shape.Pair(a: 20.0, b: 0.5)
  expect describe(Shape.Line(length: 3)) == "line 33"
  expect describe(Shape.Dot) == "other"
  expect_error describe(Shape.Line(length: 0)), DivisionByZero
  expect_error color_name(Color.Red), DivisionByZero
  expect color_name(Color.Green) == 2
  expect opt_match(6, 3) == 2
  expect_error opt_match(none, 3), DivisionByZero
  expect opt_ignore(4) == 1
  expect computed_keys("a", "a") == {"a": 2}
  expect computed_keys("b", "a") == {"a": 2, "b": 1}
  expect len(boxes(3).items) == 2
  expect box_equal(boxes(1), boxes(1))
  expect not box_equal(boxes(1), boxes(2))
  expect literal_field(1) == 1
  expect len(floats(0.1, 0.2, 0.3)) == 8
  expect_error floats(1e308, 10.0, 1.0), NotFinite
  expect len(ints([3, 1, 2])) == 8
  expect_error ints([]), IndexOutOfRange
  expect len(strings(" aé bé c ")) == 8
  expect_error strings("é"), IndexOutOfRange
  expect const_use() == 5
  expect_error with_order(boxes(1), 0), DivisionByZero
  expect_error with_order(boxes(1), 1), DivisionByZero
  expect with_order(boxes(1), 2).note == "2"
}

/// In-place `append` (Go): snapshots taken between appends keep their
/// contents, and lists not bound to a list literal are copied on append.
fn snapshots(n: Int) -> List<List<Int>> {
  var xs: List<Int> = []
  var shots: List<List<Int>> = []
  for i in 0..n {
    xs = append(xs, i)
    shots = append(shots, xs)
  }
  var ys = xs
  ys = append(ys, 7)
  var zs: List<Int> = []
  zs = xs
  zs = append(zs, 8)
  let from_shot = append(shots[2], 100)
  let again = append(shots[2], 200)
  xs = append(xs, 99)
  return concat(shots, [from_shot, again, xs, ys, zs])
}

test "in-place append never changes a snapshot" {
  let got = snapshots(3)
  expect got == [[0], [0, 1], [0, 1, 2], [0, 1, 2, 100], [0, 1, 2, 200], [0, 1, 2, 99], [0, 1, 2, 7], [0, 1, 2, 8]]
  let five = snapshots(5)
  expect five[2] == [0, 1, 2]
  expect five[5] == [0, 1, 2, 100]
  expect five[7] == [0, 1, 2, 3, 4, 99]
  expect five[8] == [0, 1, 2, 3, 4, 7]
  expect five[9] == [0, 1, 2, 3, 4, 8]
}
"""

NAMES_DG = r"""/// A module whose Go package name (`v`) is also a helper identifier.
module go.v

enum Kind { String, Equal, Error }

record R {
  equal: Int
  err: String
  dgrt: Bool
  append_json: Int
  marshal_json: Int
  kind: Kind
}

union U {
  Equal(equal: Int)
  String(v: String)
}

fn make(v: Int, p: Int, err: Int, dgrt: Int, nil: Int, string: Int, go: Int, t: Int) -> R {
  return R { equal: v + p + err + dgrt + nil + string + go + t, err: "e", dgrt: true, append_json: 1, marshal_json: 2, kind: Kind.Equal }
}

fn pick(u: U) -> String {
  return match u {
    Equal(equal) => to_string(equal)
    String(v) => v
  }
}

test "names" {
  expect make(1, 2, 3, 4, 5, 6, 7, 8).equal == 36
  expect pick(U.String(v: "s")) == "s"
  expect pick(U.Equal(equal: 2)) == "2"
}
"""

USES_NAMES_DG = r"""module go.user
import go.v

fn total(r: v.R, v: Int) -> Int {
  return r.equal + v
}

fn wrap(x: Int) -> v.U {
  return v.U.Equal(equal: x)
}

test "imports" {
  expect total(v.make(1, 1, 1, 1, 1, 1, 1, 1), 2) == 10
  expect wrap(3) == v.U.Equal(equal: 3)
}
"""
