"""Data of the TypeScript hazard snippet: a DSL module that probes what JavaScript gets wrong.

Consumes: nothing.
Produces: `HAZARDS` (the module text), `HAZARD_CALLS` (calls replayed in both
the interpreter and the generated package) and `HAZARD_BAD_ARGS` (inputs whose
decode errors must match the interpreter's messages). The hazards: UTF-16
versus code point ordering and lengths, -0 leaking out of Int arithmetic
(seen through `atan2`), TypeScript's literal narrowing of `===`, locals that
shadow functions, unused names under `noUnusedLocals`, evaluation order
around `match`, `match` temporaries (nested, in loops, arguments, fields, around
calls), enum- and Int-keyed maps.
"""

from __future__ import annotations

HAZARDS = """\
/// TypeScript hazards: UTF-16 ordering, -0, shadowing, unused names.
module ts.hazards

enum Level { Low, Mid, High }

record Box {
  level: Level
  counts: Map<Level, Int>
  names: Map<String, Int>
}

union Token {
  Word(text: String)
  Num(value: Int)
  End
}

fn less(a: String, b: String) -> Bool { return a < b }
fn sorted_strings(xs: List<String>) -> List<String> { return sort(xs) }
fn name_keys(b: Box) -> List<String> { return keys(b.names) }
fn level_values(b: Box) -> List<Int> {
  var out: List<Int> = []
  for k, v in b.counts {
    out = append(out, v)
  }
  return out
}
fn level_keys(b: Box) -> List<Level> {
  var out: List<Level> = []
  for k, v in b.counts {
    out = append(out, k)
  }
  return out
}
fn sign_of_zero(x: Float) -> Float { return atan2(x, -1.0) }
fn mul_zero(a: Int) -> Float { return sign_of_zero(float(a * -1)) }
fn div_zero(a: Int) -> Float { return sign_of_zero(float(a / -5)) }
fn rem_zero(a: Int) -> Float { return sign_of_zero(float(a % 5)) }
fn neg_zero(a: Int) -> Float { return sign_of_zero(float(-a)) }
fn round_zero(x: Float) -> Float { return sign_of_zero(float(round(x))) }
fn trunc_zero(x: Float) -> Float { return sign_of_zero(float(int(x))) }
fn parse_zero(s: String) -> Float { return sign_of_zero(float(parse_int(s))) }
fn min_zero(a: Float, b: Float) -> Float { return sign_of_zero(min(a, b)) }
fn first_sorted(xs: List<Float>) -> Float { return sign_of_zero(sort(xs)[0]) }
fn ipow(a: Int, b: Int) -> Int { return pow(a, b) }
fn fpow(a: Float, b: Float) -> Float { return pow(a, b) }
fn text_ops(s: String, sub: String) -> List<String> {
  let n = len(s)
  let at = index_of(s, sub)
  let cut = if n >= 2 then substring(s, 1, n) else ""
  return [to_string(n), to_string(at), cut, to_upper(s), to_lower(s), trim(s)]
}
fn pieces(s: String, sep: String) -> List<String> { return split(s, sep) }
fn total(xs: List<Int>) -> Int { return sum(xs) }
fn uses_total(xs: List<Int>, unused: Int) -> Int {
  let ignored = len(xs)
  var never = 0
  never = 1
  for x in xs {
    continue
  }
  for i in 0..3 {
    break
  }
  let t = total(xs)
  return t
}
fn describe(t: Token, u: Token) -> String {
  return match t {
    Word(text) => match u {
      Word(text2) => text + text2
      Num(value) => text + to_string(value)
      End => text
    }
    Num(value) => to_string(value)
    _ => "end"
  }
}
fn order(xs: List<Int>, a: Int) -> List<Int> {
  return [xs[2], match Level.Low { Low => 10 / a
 _ => 0 }]
}
fn maybe(x: Int?) -> String {
  return match x {
    some(v) => to_string(v)
    none => "none"
  }
}
fn floats(x: Float) -> List<String> {
  return [to_string(x), to_string(x * 1e21), to_string(x / 1e7), to_string(sqrt(x)), to_string(exp(x)), to_string(ln(x))]
}
fn bump(b: Box, by: Int) -> Box {
  return b with { counts: put(b.counts, Level.High, by), level: Level.High }
}
fn same(a: Box, b: Box) -> Bool { return a == b }
fn level_less(a: Level, b: Level) -> Bool { return a < b }
fn sorted_levels(xs: List<Level>) -> List<Level> { return sort(xs) }
fn clamp_it(x: Int, lo: Int, hi: Int) -> Int { return clamp(x, lo, hi) }
fn contains_box(xs: List<Box>, b: Box) -> Bool { return contains(xs, b) }
const FLAG: Bool = true
const START: Level = Level.Low
fn narrowed(a: Int) -> List<Bool> {
  let l = Level.Low
  let b = a > 0
  let t = true
  let o: Level? = none
  var v = Level.Mid
  return [l == Level.High, t == false, o == Level.Low, v == Level.High, FLAG == false, START == Level.High, (if b then l else Level.High) == Level.Mid, b == t]
}
fn int_keys(m: Map<Int, String>) -> List<Int> { return keys(m) }
fn map_text(m: Map<Int, String>, b: Box) -> String { return to_string(len(m)) + join(values(m), "|") + to_string(len(b.counts)) }
fn local_enum_match(a: Int) -> Int {
  let l = Level.Low
  return match l {
    Low => 1
    Mid => 2
    High => 3
  }
}
fn local_union_match(a: Int) -> String {
  let t = Token.End
  return match t {
    Word(text) => text
    _ => "end"
  }
}
fn local_optional_match(a: Int) -> String {
  let o: Int? = none
  return match o {
    some(v) => to_string(v)
    none => "none"
  }
}
fn local_var_match(a: Int) -> Int {
  let o: Int? = 5
  var l = Level.Mid
  l = Level.High
  let m = match l {
    High => a
    _ => 2
  }
  return (o ?? 7) + m
}
fn shadow(xs: List<Int>) -> Int {
  let total = total(xs)
  return total
}
fn match_temps(ts: List<Token>, a: Int) -> List<String> {
  var out: List<String> = []
  for t in ts {
    let head = match t {
      Word(text) => match t {
        Word(again) => again + "!"
        _ => "?"
      }
      Num(value) => to_string(10 / value)
      End => "end"
    }
    out = append(out, head + match Level.High {
      High => "h"
      _ => "x"
    })
  }
  return out
}
fn match_args(x: Int?, l: Level) -> Int {
  return pow(match x {
    some(v) => v
    none => 2
  }, match l {
    Low => 1
    Mid => 2
    High => 3
  })
}
fn match_fields(t: Token, b: Box) -> Box {
  return b with {
    level: match t {
      Word(text) => Level.Low
      Num(value) => if value > 0 then Level.High else Level.Mid
      End => b.level
    },
  }
}
fn token_size(t: Token) -> Int {
  let n = match t {
    Word(text) => len(text)
    Num(value) => value
    End => 0
  }
  return n
}
fn match_calls(ts: List<Token>) -> Int {
  var total = 0
  for t in ts {
    total += match t {
      Num(value) => token_size(t) + value
      _ => token_size(t) + match t {
        Word(text) => len(text)
        _ => 100
      }
    }
  }
  return total
}
"""

_BOX = '{"level":"Mid","counts":{"High":3,"Low":1},"names":{"～":1,"😀":2,"a":3}}'
_BOX2 = '{"level":"Low","counts":{},"names":{}}'
HAZARD_CALLS: list[tuple[str, list[str]]] = [
    ("less", ['"～"', '"😀"']),
    ("less", ['"😀"', '"～"']),
    ("less", ['"a"', '"ab"']),
    ("sorted_strings", ['["😀","～","a","","퟿",""]']),
    ("name_keys", [_BOX]),
    ("level_values", [_BOX]),
    ("level_keys", [_BOX]),
    ("mul_zero", ["0"]),
    ("div_zero", ["0"]),
    ("div_zero", ["4"]),
    ("div_zero", ["-4"]),
    ("rem_zero", ["-5"]),
    ("rem_zero", ["-7"]),
    ("neg_zero", ["0"]),
    ("round_zero", ["-0.4"]),
    ("round_zero", ["-0.5"]),
    ("round_zero", ["0.49999999999999994"]),
    ("round_zero", ["2.5"]),
    ("trunc_zero", ["-0.9"]),
    ("trunc_zero", ["1e300"]),
    ("parse_zero", ['"-0"']),
    ("parse_zero", ['"-000"']),
    ("parse_zero", ['"9007199254740992"']),
    ("parse_zero", ['"+1"']),
    ("min_zero", ["0", "0"]),
    ("first_sorted", ["[0,-0.0]"]),
    ("ipow", ["2", "53"]),
    ("ipow", ["2", "52"]),
    ("ipow", ["-2", "53"]),
    ("ipow", ["-3", "33"]),
    ("ipow", ["3", "-1"]),
    ("ipow", ["0", "0"]),
    ("ipow", ["-1", "9007199254740991"]),
    ("fpow", ["2.5", "1.5"]),
    ("fpow", ["-8", "0.5"]),
    ("fpow", ["10", "400"]),
    ("text_ops", ['"  😀aßBİ \\f"', '"a"']),
    ("text_ops", ['"\\u000b x \\u000b"', '""']),
    ("text_ops", ['"x"', '"😀"']),
    ("pieces", ['"a,,b,"', '","']),
    ("pieces", ['""', '","']),
    ("pieces", ['"abc"', '""']),
    ("uses_total", ["[1,2,3]", "7"]),
    ("uses_total", ["[9007199254740991,1]", "0"]),
    ("describe", ['{"kind":"Word","text":"a"}', '{"kind":"Num","value":-0}']),
    ("describe", ['{"kind":"Word","text":"a"}', '{"kind":"Word","text":"b"}']),
    ("describe", ['{"kind":"End"}', '{"kind":"End"}']),
    ("order", ["[1]", "0"]),
    ("order", ["[1,2,3]", "0"]),
    ("order", ["[1,2,3]", "3"]),
    ("maybe", ["null"]),
    ("maybe", ["5"]),
    ("floats", ["2"]),
    ("floats", ["1e-7"]),
    ("floats", ["123456.789"]),
    ("floats", ["0"]),
    ("floats", ["1.7976931348623157e308"]),
    ("bump", [_BOX, "9"]),
    ("same", [_BOX, _BOX]),
    ("same", [_BOX, _BOX2]),
    ("level_less", ['"High"', '"Low"']),
    ("sorted_levels", ['["High","Low","Mid","Low"]']),
    ("clamp_it", ["5", "10", "1"]),
    ("contains_box", ["[" + _BOX2 + "," + _BOX + "]", _BOX]),
    ("shadow", ["[1,2]"]),
    ("narrowed", ["1"]),
    ("narrowed", ["0"]),
    ("local_enum_match", ["0"]),
    ("local_union_match", ["0"]),
    ("local_optional_match", ["0"]),
    ("local_var_match", ["9007199254740991"]),
    ("local_var_match", ["3"]),
    ("int_keys", ['{"10":"a","-2":"b","3":"c","-9007199254740991":"d"}']),
    ("map_text", ['{"10":"a","-2":"b"}', _BOX]),
    ("match_temps", ['[{"kind":"Word","text":"w"},{"kind":"Num","value":5},{"kind":"End"}]', "0"]),
    ("match_temps", ['[{"kind":"Num","value":2},{"kind":"Num","value":0},{"kind":"Word","text":"never"}]', "0"]),
    ("match_args", ["null", '"High"']),
    ("match_args", ["3", '"Mid"']),
    ("match_args", ["-9007199254740991", '"Mid"']),
    ("match_fields", ['{"kind":"Num","value":-1}', _BOX]),
    ("match_fields", ['{"kind":"End"}', _BOX]),
    ("match_fields", ['{"kind":"Word","text":""}', _BOX]),
    ("match_calls", ['[{"kind":"Num","value":4},{"kind":"Word","text":"a😀c"},{"kind":"End"},{"kind":"Num","value":9}]']),
    ("match_calls", ['[{"kind":"Num","value":4503599627370496},{"kind":"Word","text":"a"}]']),
]


HAZARD_BAD_ARGS: list[tuple[str, list[str]]] = [
    ("ts.hazards.int_keys", ['{"01":"a"}']),
    ("ts.hazards.int_keys", ['{"-0":"a"}']),
    ("ts.hazards.int_keys", ['{"9007199254740992":"a"}']),
    ("ts.hazards.int_keys", ['{"1":2}']),
    ("ts.hazards.level_keys", ['{"level":"Mid","counts":{"Huge":1},"names":{}}']),
    ("ts.hazards.level_keys", ['{"level":"Mid","counts":{"Low":1.5},"names":{}}']),
    ("ts.hazards.level_keys", ['{"level":"Mid","names":{},"counts":{},"zzz":1}']),
    ("ts.hazards.level_keys", ['{"level":"Mid","names":{}}']),
    ("ts.hazards.describe", ['{"kind":"Word","text":"a","text":"b"}', '{"kind":"End"}']),
    ("ts.hazards.sorted_strings", ['["a",null]']),
    ("ts.hazards.maybe", ['"x"']),
    ("ts.hazards.floats", ["1e400"]),
    ("ts.hazards.floats", ["[1e400]"]),
]
