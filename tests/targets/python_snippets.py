"""DSL snippets for the Python target tests (forms the bundled examples miss).

Consumes: nothing.
Produces: `SNIPPETS`, {file name: DSL text}: constants of record/enum/map
type declared before their types, a local named like a module function,
sibling blocks binding one name at two types, single-variant unions,
`match` with `_`, enum ordering and enum map keys, `with` replacing every
field of a fallible object, fields written out of declaration order; and
(`snip.class`, imported by `snip.user`) names the generated code itself
uses: `Mapping`, `Final`, `Union`, `dataclass`, `self`, `cls`, `to_json`;
`snip.ranges` and `snip.tricky` probe `ranges` (which checks it may drop):
guards, loops, merges, reassignments and sibling blocks that must not let a
fact outlive the code it holds in.
"""

from __future__ import annotations

SNIPPETS: dict[str, str] = {
    "snip_a.dg": """\
/// Snippet module for the Python target tests.
module snip.a

const ORIGIN: Point = Point { x: 0, y: 0 }
const LEVELS: Map<Color, Int> = {Color.Red: 1, Color.Blue: 3}
const NOTHING: Int? = none

enum Color { Red, Green, Blue }

record Point {
  x: Int
  y: Int
}

record Empty {}

union Impossible { Never }

enum NoColor { Clear }

record Holder {
  never: Impossible?
  colors: Map<NoColor, Int>
}

fn holder() -> Holder {
  return Holder { never: none, colors: {} }
}

union Shape {
  Circle(r: Float)
  Rect(w: Float, h: Float)
  Dot
}

union Single {
  Only(v: Int)
}

fn level(p: Point) -> Int {
  return p.x + p.y
}

fn uses_level(level: Int, p: Point) -> Int {
  return level + level(p)
}

fn siblings(flag: Bool) -> String {
  if flag {
    let v = 1
    return to_string(v + 1)
  } else {
    let v = "one"
    return v + "!"
  }
}

fn area(s: Shape) -> Float {
  return match s {
    Circle(r) => 3.0 * r * r
    Rect(w, h) => w * h
    Dot => 0.0
  }
}

fn only(s: Single) -> Int {
  return match s { Only(v) => v }
}

fn is_dot(s: Shape) -> Bool {
  return match s {
    Dot => true
    _ => false
  }
}

fn color_rank(c: Color) -> Int {
  return match c {
    Red => 1
    _ => 9
  }
}

fn sorted_colors(cs: List<Color>) -> List<Color> {
  return sort(cs)
}

fn later(a: Color, b: Color) -> Bool {
  return a > b
}

fn sum_levels(m: Map<Color, Int>) -> String {
  var out = ""
  for k, v in m {
    out = out + to_string(k == Color.Red) + ":" + to_string(v) + ","
  }
  return out
}

fn int_keys(m: Map<Int, String>) -> List<Int> {
  return keys(m)
}

fn moved(ps: List<Point>, i: Int) -> Point {
  return ps[i] with { x: 1, y: 2 }
}

fn pick(o: Int?, d: Int) -> Int {
  return o ?? d + 1
}

fn opt(o: Int?) -> Int {
  return match o {
    some(v) => v * 2
    none => -1
  }
}

fn divs(a: Int, b: Int) -> List<Int> {
  return [a / b, a % b]
}

fn ranges(n: Int) -> Int {
  var total = 0
  for i in 0..n {
    if i % 2 == 0 {
      continue
    }
    total += i
    if total > 50 {
      break
    }
  }
  return total
}

fn empty() -> Empty {
  return Empty {}
}

fn get_origin() -> Point {
  return ORIGIN
}

fn level_map() -> Map<Color, Int> {
  return LEVELS
}

fn get_nothing() -> Int? {
  return NOTHING
}

fn order(a: Int, b: Int) -> Point {
  return Point { y: [1][a], x: 10 / b }
}

fn with_order(ps: List<Point>, i: Int, b: Int) -> Point {
  return ps[i] with { y: 10 / b }
}

fn entry_order(m: Map<String, Int>, b: Int) -> Map<String, Int> {
  return {"a": m["missing"], "b": 10 / b}
}

fn arg_order(xs: List<Int>, b: Int) -> Int {
  return max(xs[5], 10 / b)
}

test "snippets" {
  expect uses_level(1, Point { x: 2, y: 3 }) == 6
  expect siblings(true) == "2"
  expect siblings(false) == "one!"
  expect area(Shape.Circle(r: 2.0)) == 12.0
  expect area(Shape.Rect(w: 2.0, h: 0.5)) == 1.0
  expect area(Shape.Dot) == 0.0
  expect only(Single.Only(v: 4)) == 4
  expect is_dot(Shape.Dot)
  expect not is_dot(Shape.Circle(r: 1.0))
  expect color_rank(Color.Red) == 1
  expect color_rank(Color.Blue) == 9
  expect sorted_colors([Color.Blue, Color.Red, Color.Green]) == [Color.Red, Color.Green, Color.Blue]
  expect later(Color.Blue, Color.Green)
  expect sum_levels({Color.Blue: 2, Color.Red: 1}) == "true:1,false:2,"
  expect int_keys({10: "a", -2: "b", 3: "c"}) == [-2, 3, 10]
  expect moved([Point { x: 5, y: 5 }], 0) == Point { x: 1, y: 2 }
  expect_error moved([], 0), IndexOutOfRange
  expect pick(none, 1) == 2
  expect pick(5, 1) == 5
  expect opt(3) == 6
  expect opt(none) == -1
  expect divs(-7, 2) == [-3, -1]
  expect_error divs(1, 0), DivisionByZero
  expect ranges(100) == 64
  expect empty() == Empty {}
  expect holder() == Holder { never: none, colors: {} }
  expect get_origin() == Point { x: 0, y: 0 }
  expect len(level_map()) == 2
  expect get_nothing() == none
  expect_error order(5, 0), IndexOutOfRange
  expect order(0, 4) == Point { x: 2, y: 1 }
  expect_error with_order([], 0, 0), IndexOutOfRange
  expect with_order([Point { x: 1, y: 1 }], 0, 5) == Point { x: 1, y: 2 }
  expect_error entry_order({}, 0), KeyNotFound
  expect_error arg_order([], 0), IndexOutOfRange
}
""",
    "snip_b.dg": """\
/// Names the Python output itself uses.
module snip.class

const INF: Int = 1
const UV: Int = 2

record Mapping {
  self: Int
  cls: String
  to_json: Bool
}

enum Final { Value, Name, Enum }

union Union {
  Alias(dataclass: Int)
  Other
}

union U {
  V
}

fn dataclass(self: Mapping, cls: Int) -> Int {
  let annotations = self.self + cls
  return annotations + INF + UV
}

fn typing(f: Final) -> Final {
  return f
}

fn to_json(u: Union) -> Int {
  return match u {
    Alias(dataclass) => dataclass
    Other => 0
  }
}

fn u() -> U {
  return U.V
}

test "names" {
  expect dataclass(Mapping { self: 1, cls: "x", to_json: true }, 2) == 6
  expect typing(Final.Enum) == Final.Enum
  expect to_json(Union.Alias(dataclass: 7)) == 7
  expect u() == U.V
}
""",
    "snip_c.dg": """\
module snip.user
import snip.class

fn use(m: class.Mapping) -> class.Final {
  return if m.to_json then class.typing(class.Final.Name) else class.Final.Value
}

test "cross-module" {
  expect use(class.Mapping { self: 1, cls: "", to_json: true }) == class.Final.Name
}
""",
    "snip_ranges.dg": """\
/// Checks that `ranges` drops (plain operators) or keeps (`_rt.add` …), at the Int and Float limits.
module snip.ranges

const TOP: Int = 9_007_199_254_740_991
const CURVE: Float = 1.5

// after `if x >= TOP { return }` the sum cannot overflow: `x + 1`
fn inc_guarded(x: Int) -> Int {
  if x >= TOP {
    return 0
  }
  return x + 1
}

// no guard: stays checked
fn inc(x: Int) -> Int {
  return x + 1
}

// an off-by-one guard (`>` instead of `>=`): stays checked
fn inc_loose(x: Int) -> Int {
  if x > TOP {
    return 0
  }
  return x + 1
}

// the `else` branch and `and`/`or`/`then` operands see their conditions
fn branches(x: Int, flag: Bool) -> Int {
  var r = 0
  if x < -9_007_199_254_740_990 {
    r = 1
  } else {
    r = x - 1
  }
  let a = if x > 0 then x - 1 else 0
  let b = x < 100 and x + 1 > 0
  let c = x >= 100 or x + 1 > 0
  if b or c or flag {
    r += a
  }
  return r
}

// a counter assigned in the loop is forgotten at its head, then `i < n` bounds it
fn count(n: Int) -> Int {
  var i = 0
  var total = 0
  while i < n {
    i += 1
    total += 2
  }
  return i + total
}

// after the loop `i` is unknown again: `i + TOP` stays checked
fn after_loop(n: Int) -> Int {
  var i = 0
  while i < n {
    i += 1
  }
  return i + 9_007_199_254_740_990
}

fn halves(n: Int) -> List<Int> {
  require n >= 0, "negative"
  return [n / 2, n % 7, (0 - n) / 2, (0 - n) % 7]
}

fn loop_sum(n: Int) -> Int {
  var s = 0
  for i in 0..n {
    s += i + 1
  }
  return s
}

// finite for every Int: plain
fn scale(n: Int) -> List<Float> {
  return [float(n) * 1e200, float(n) / 4.0, float(n) - 1e300]
}

// may overflow or divide by zero: checked
fn scale_big(n: Int) -> Float {
  return float(n) * 1e300
}

fn inverse(n: Int) -> Float {
  return 1.0 / float(n)
}

// `pow` with a constant exponent goes through `_rt.pow_to`; odd exponents keep the sign of -0.0
fn powers(x: Float) -> List<Float> {
  return [pow(x, CURVE), pow(x, 3.0), pow(x, -1.0), pow(x, 2.0), pow(x, 0.5)]
}

// the sign of a zero power, made visible by atan2 (pi or -pi)
fn zero_signs(x: Float) -> List<Float> {
  return [atan2(pow(x, 3.0), -1.0), atan2(pow(x, 2.0), -1.0), atan2(pow(x, 0.5), -1.0), atan2(pow(x, CURVE), -1.0)]
}

// 0.0, then -0.0 (JSON vectors cannot carry -0.0), then 0.0 again: the memos keep the signs apart
fn zero_sign_table() -> List<Float> {
  return concat(concat(zero_signs(0.0), zero_signs(-0.0)), zero_signs(0.0))
}

fn cased(s: String) -> List<String> {
  return [to_lower(s), to_upper(s)]
}

test "ranges" {
  expect inc_guarded(9_007_199_254_740_990) == 9_007_199_254_740_991
  expect inc_guarded(9_007_199_254_740_991) == 0
  expect inc_guarded(-9_007_199_254_740_991) == -9_007_199_254_740_990
  expect_error inc(9_007_199_254_740_991), IntegerOverflow
  expect_error inc_loose(9_007_199_254_740_991), IntegerOverflow
  expect branches(-9_007_199_254_740_991, false) == 1
  expect branches(-9_007_199_254_740_990, false) == -9_007_199_254_740_991
  expect_error branches(9_007_199_254_740_991, false), IntegerOverflow
  expect branches(5, true) == 8
  expect count(3) == 9
  expect count(-5) == 0
  expect after_loop(1) == 9_007_199_254_740_991
  expect_error after_loop(2), IntegerOverflow
  expect halves(15) == [7, 1, -7, -1]
  expect halves(9_007_199_254_740_991) == [4_503_599_627_370_495, 3, -4_503_599_627_370_495, -3]
  expect_error halves(-1), "negative"
  expect loop_sum(4) == 10
  expect loop_sum(-3) == 0
  expect scale(9_007_199_254_740_991) == [9_007_199_254_740_991.0 * 1e200, 2_251_799_813_685_247.75, -1e300]
  expect scale(-1) == [-1e200, -0.25, -1e300]
  expect scale_big(179_769_313) == 179_769_313.0 * 1e300
  expect_error scale_big(179_769_314), NotFinite
  expect_error scale_big(-179_769_314), NotFinite
  expect inverse(-4) == -0.25
  expect_error inverse(0), NotFinite
  expect powers(4.0) == [8.0, 64.0, 0.25, 16.0, 2.0]
  expect_error powers(0.0), NotFinite
  expect_error powers(-0.0), NotFinite
  expect_error powers(-4.0), NotFinite
  expect zero_signs(0.0) == [3.141592653589793, 3.141592653589793, 3.141592653589793, 3.141592653589793]
  let pi = 3.141592653589793
  expect zero_sign_table() == [pi, pi, pi, pi, -pi, pi, pi, pi, pi, pi, pi, pi]
  expect cased("Ab-Z\\u{C9}\\u{130}\\u{DF}\\u{212A}\\u{1F600}") == ["ab-z\\u{C9}\\u{130}\\u{DF}\\u{212A}\\u{1F600}", "AB-Z\\u{C9}\\u{130}\\u{DF}\\u{212A}\\u{1F600}"]
  expect cased("\\u{E9}e") == ["\\u{E9}e", "\\u{E9}E"]
  expect cased("MiXeD 09 ~") == ["mixed 09 ~", "MIXED 09 ~"]
}
""",
    "snip_tricky.dg": """\
/// Hand-written traps for `ranges`: facts that must not survive a loop, a merge, a reassignment or a sibling block.
module snip.tricky

const TOP: Int = 9_007_199_254_740_991
const HALF: Int = 4_503_599_627_370_495

enum Mode { Up, Down }

// `y < 10` holds at the guard, not after the loop that raises it
fn guard_then_loop(x: Int, n: Int) -> Int {
  var y = x
  if y < 10 {
    var k = 0
    while k < n {
      k += 1
      y += 1000
      if k >= 3 {
        break
      }
    }
    return y + 9_007_199_254_740_982
  }
  return 0
}

// `y <= 0` is lost when a `for` body reassigns `y`
fn for_reassigns(x: Int, xs: List<Int>) -> Int {
  var y = x
  require y <= 0, "positive"
  for v in xs {
    y = v
  }
  return y + TOP
}

// after the merge `r` is in [0, TOP]: `r - 1` is plain, `(r - 1) / 2` truncates a negative dividend
fn merged(x: Int, flag: Bool) -> List<Int> {
  var r = 0
  if flag {
    r = 5
  } else {
    if x < 0 {
      return []
    }
    r = x
  }
  return [r - 1, (r - 1) / 2, (r - 1) % 2, r * 2]
}

// sibling blocks bind the same name to different ranges
fn siblings_reuse(x: Int, flag: Bool) -> Int {
  var out = 0
  if flag {
    let t = 3
    out = t + 1
  } else {
    let t = x
    out = t + 1
  }
  for i in 0..2 {
    let t = 2
    out = out + t * i
  }
  for i in 0..1 {
    let t = x
    out = t * 2
  }
  return out
}

// a `match` assignment replaces the guarded value
fn match_assign(x: Int, m: Mode) -> Int {
  var r = x
  if r > 0 {
    r = 0
  }
  r = match m {
    Up => r + TOP
    Down => -1
  }
  return r + 1
}

fn opt_alias(o: Int?, x: Int) -> Int {
  let a = match o {
    some(v) => if v <= 0 then v + TOP else v - 1
    none => x + 1
  }
  return a + (o ?? 0)
}

// only a nonzero divisor of one sign is plain; -0.0 equals 0.0
fn fdiv_zero(x: Float, y: Float) -> Float {
  if y >= 0.0 and y <= 0.0 {
    return 1.0 / y
  }
  if y > 0.0 {
    return x / y
  }
  if y <= -1.0 and x >= -1e300 and x <= 1e300 {
    return x / y + x * 1e8
  }
  return x - y
}

fn trunc_div(x: Int, y: Int) -> List<Int> {
  if x >= -5 and x <= 5 and y >= 2 and y <= 3 {
    return [x / y, x % y, (x + 5) / y, (x + 5) % y, -x / y, (0 - x) % y]
  }
  return []
}

fn elif_chain(x: Int) -> Int {
  var r = 0
  if x < 0 {
    r = 1
  } else if x < 100 {
    r = x * 1000
  } else {
    r = x * 2
  }
  return r - 1
}

// the inner loop reassigns `x`: its `require x < 10` fact dies at the inner head
fn nested_loops(n: Int) -> Int {
  var x = 0
  for i in 0..3 {
    require x < 10, "x"
    for j in 0..n {
      x = x + HALF
      if j >= 2 {
        break
      }
    }
    return x - 1
  }
  return x
}

fn two_locals(x: Int, y: Int) -> List<Int> {
  if x < y {
    return [x + 1, y - 1]
  }
  return [x - y]
}

fn logic(x: Int, flag: Bool) -> List<Bool> {
  return [not (x >= TOP or flag) and x + 1 > 0, x < 5 or x - 5 > 100, if x > -TOP then x - 1 < 0 else flag]
}

// on exit the loop condition is false: `v > 0` must not survive
fn countdown(x: Int) -> Int {
  var v = x
  var steps = 0
  while v > 0 and steps < 3 {
    v = v - HALF
    steps += 1
  }
  return v - HALF
}

fn require_loop(xs: List<Int>) -> Int {
  var total = 0
  for v in xs {
    require v >= 0 and v <= 1000, "range"
    total = total + v * 1000
  }
  return total
}

// `continue` leaves `v >= 0` behind it; a branch that does not leave leaves nothing
fn skip_neg(xs: List<Int>) -> List<Int> {
  var best = 0
  var other = 0
  for v in xs {
    if v < 0 {
      other = 1
    }
    other = other + v / 2 + v % 2
    if v < 0 {
      continue
    }
    best = max(best, v / 2 + v % 2)
  }
  return [best, other]
}

fn range_edge(a: Int) -> Int {
  var s = 0
  for i in 9_007_199_254_740_988..TOP {
    s = i + 1
  }
  for i in a..a + 2 {
    s = i * 2
  }
  return s
}

// contradictory guards make dead code whose spans are empty: generation must not crash
fn dead_guards(x: Float, y: Float, n: Int) -> Float {
  if y >= 1.0 and y <= 0.0 {
    return x / y + sqrt(y) + pow(y, 1.5)
  }
  if n > 4 and n < 1 and x >= 0.0 {
    return float(n / n + 7 / n)
  }
  if x >= 0.5 and x <= -1.0 {
    return sqrt(x) + pow(x, 1.5)
  }
  return x
}

test "ranges traps" {
  expect guard_then_loop(0, 0) == 9_007_199_254_740_982
  expect guard_then_loop(9, 0) == TOP
  expect guard_then_loop(50, 3) == 0
  expect_error guard_then_loop(0, 3), IntegerOverflow
  expect for_reassigns(0, []) == TOP
  expect_error for_reassigns(-1, [1]), IntegerOverflow
  expect_error for_reassigns(1, []), "positive"
  expect merged(0, false) == [-1, 0, -1, 0]
  expect merged(0, true) == [4, 2, 0, 10]
  expect merged(-3, false) == []
  expect_error merged(TOP, false), IntegerOverflow
  expect siblings_reuse(5, true) == 10
  expect siblings_reuse(HALF, true) == 9_007_199_254_740_990
  expect_error siblings_reuse(TOP, false), IntegerOverflow
  expect_error match_assign(0, Mode.Up), IntegerOverflow
  expect_error match_assign(5, Mode.Up), IntegerOverflow
  expect match_assign(-5, Mode.Up) == 9_007_199_254_740_987
  expect match_assign(3, Mode.Down) == 0
  expect opt_alias(none, 1) == 2
  expect opt_alias(-TOP, 0) == -TOP
  expect opt_alias(5, 0) == 9
  expect opt_alias(0, 0) == TOP
  expect_error fdiv_zero(1.0, -0.0), NotFinite
  expect_error fdiv_zero(1.0, 0.0), NotFinite
  expect_error fdiv_zero(1e308, 0.5), NotFinite
  expect_error fdiv_zero(1.0, 5e-324), NotFinite
  expect fdiv_zero(3.0, -2.0) == -1.5 + 3e8
  expect fdiv_zero(1.0, -0.5) == 1.5
  expect trunc_div(-5, 2) == [-2, -1, 0, 0, 2, 1]
  expect trunc_div(5, 3) == [1, 2, 3, 1, -1, -2]
  expect elif_chain(-1) == 0
  expect elif_chain(99) == 98_999
  expect_error elif_chain(HALF + 1), IntegerOverflow
  expect nested_loops(0) == -1
  expect nested_loops(2) == 9_007_199_254_740_989
  expect_error nested_loops(3), IntegerOverflow
  expect two_locals(TOP - 1, TOP) == [TOP, TOP - 1]
  expect_error two_locals(TOP, -TOP), IntegerOverflow
  expect logic(TOP - 1, false) == [true, true, false]
  expect logic(-TOP, false) == [false, true, false]
  expect countdown(1) == -9_007_199_254_740_989
  expect countdown(0) == -HALF
  expect_error countdown(-TOP), IntegerOverflow
  expect require_loop([1000, 5]) == 1_005_000
  expect_error require_loop([-1]), "range"
  expect skip_neg([-3, 5]) == [3, 2]
  expect range_edge(0) == 2
  expect_error range_edge(TOP - 1), IntegerOverflow
  expect_error range_edge(HALF), IntegerOverflow
  expect dead_guards(1.0, 2.0, 3) == 1.0
}
""",
}
