"""DSL snippets for the Python target tests (forms the bundled examples miss).

Consumes: nothing.
Produces: `SNIPPETS`, {file name: DSL text}: constants of record/enum/map
type declared before their types, a local named like a module function,
sibling blocks binding one name at two types, single-variant unions,
`match` with `_`, enum ordering and enum map keys, `with` replacing every
field of a fallible object, fields written out of declaration order; and
(`snip.class`, imported by `snip.user`) names the generated code itself
uses: `Mapping`, `Final`, `Union`, `dataclass`, `self`, `cls`, `to_json`.
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

fn origin() -> Point {
  return ORIGIN
}

fn level_map() -> Map<Color, Int> {
  return LEVELS
}

fn nothing() -> Int? {
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
  expect origin() == Point { x: 0, y: 0 }
  expect len(level_map()) == 2
  expect nothing() == none
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
}
