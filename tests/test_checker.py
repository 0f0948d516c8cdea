"""The checker on good programs: they check clean and produce the IR the later stages rely on.

Each test checks a small in-memory program and asserts the shape of the IR
for one construct: implicit `SomeWrap`, built-in overload tags, `match`
normalisation, compound-assignment desugaring, written-order fields,
dependency-ordered modules, folded constants, and that warnings do not
make a program fail. A last test times the checker on a generated
10,000-line program.
"""

from __future__ import annotations

import time
from typing import Any, Sequence

import pytest

from domaingen.check import check_modules
from domaingen.frontend import load_texts
from domaingen.ir import nodes as ir
from domaingen.source import SourceFile
from domaingen.syntax.parser import parse

# LANGUAGE.md section 2, verbatim.
SAMPLE = '''/// Player progression rules.
module game.progression

const MAX_LEVEL: Int = 100
const BASE_EXP: Float = 100.0

enum Rarity { Common, Rare, Epic, Legendary }

/// A player's profile as stored by every server.
record Profile {
  id: String
  level: Int
  exp: Int
  tags: List<String>
  stats: Map<String, Int>
  guild: String?
}

record LevelUp {
  profile: Profile
  levels_gained: Int
}

/// Total experience needed to reach `level`.
fn required_exp(level: Int) -> Int {
  if level <= 1 {
    return 0
  }
  return floor(BASE_EXP * pow(float(level - 1), 1.5))
}

fn add_exp(profile: Profile, amount: Int) -> LevelUp {
  require amount >= 0, "amount must be non-negative"
  var level = profile.level
  let exp = profile.exp + amount
  while level < MAX_LEVEL and exp >= required_exp(level + 1) {
    level += 1
  }
  return LevelUp {
    profile: profile with { level: level, exp: exp },
    levels_gained: level - profile.level,
  }
}

fn bonus(r: Rarity) -> Int {
  return match r {
    Common => 1
    Rare => 2
    Epic, Legendary => 5
  }
}

test "150 exp takes a new player to level 2" {
  let p = Profile { id: "p1", level: 1, exp: 0, tags: [], stats: {}, guild: none }
  let r = add_exp(p, 150)
  expect r.profile.level == 2
  expect r.levels_gained == 1
}

test "negative amounts are rejected" {
  let p = Profile { id: "p1", level: 1, exp: 0, tags: [], stats: {}, guild: none }
  expect_error add_exp(p, -5), "amount must be non-negative"
}
'''


def check(texts: dict[str, str] | str) -> ir.Program:
    """Check in-memory files; fail with the diagnostics if there is any error."""
    files = {"t.dg": texts} if isinstance(texts, str) else texts
    front = load_texts(files)
    assert not front.errors, [f"{d.span.line}:{d.span.col} {d.code} {d.message}" for d in front.errors if d.span]
    assert front.program is not None
    return front.program


def decl(program: ir.Program, name: str, module: int = 0) -> Any:
    for d in program.modules[module].decls:
        if d.name == name:
            return d
    raise KeyError(name)


def body(source: str, fn: str = "f") -> tuple[ir.Stmt, ...]:
    function = decl(check(source), fn)
    assert isinstance(function, ir.Function)
    return function.body


def lets(stmts: Sequence[ir.Stmt]) -> dict[str, ir.Expr]:
    return {s.name: s.value for s in stmts if isinstance(s, ir.Let)}


def opt(t: Any) -> ir.OptionalType:
    return ir.OptionalType(inner=t)


# --- whole programs -----------------------------------------------------------


def test_language_sample_checks_clean() -> None:
    front = load_texts({"progression.dg": SAMPLE})
    assert front.diagnostics == []
    assert front.program is not None
    module = front.program.modules[0]
    assert module.name == "game.progression"
    kinds = [d.kind for d in module.decls]
    assert kinds == ["const", "const", "enum", "record", "record", "function", "function", "function", "test", "test"]
    assert decl(front.program, "Profile").doc == "A player's profile as stored by every server."


def test_sample_ir_details() -> None:
    program = check(SAMPLE)
    assert decl(program, "MAX_LEVEL").value == ir.IntLit(type=ir.INT, value=100)
    required = decl(program, "required_exp")
    floor_call = required.body[1].value
    assert isinstance(floor_call, ir.CallBuiltin) and floor_call.builtin == "floor" and floor_call.overload == ""
    pow_call = floor_call.args[0].right
    assert (pow_call.builtin, pow_call.overload, pow_call.type) == ("pow", "float", ir.FLOAT)
    test = decl(program, "150 exp takes a new player to level 2")
    expect = test.body[2]
    assert isinstance(expect, ir.Expect) and expect.text == "r.profile.level == 2"
    guild = test.body[0].value.fields[-1]
    assert guild.name == "guild" and guild.value == ir.NoneLit(type=opt(ir.STRING))
    rejected = decl(program, "negative amounts are rejected").body[1]
    assert isinstance(rejected, ir.ExpectError)
    assert rejected.text == "add_exp(p, -5)" and rejected.error_kind is None
    assert rejected.message == ir.StringLit(type=ir.STRING, value="amount must be non-negative")


# --- implicit conversions -----------------------------------------------------------


def test_some_wrap_is_explicit_at_the_top_of_a_value() -> None:
    stmts = body(
        """module t
record R { name: String? }
fn f(n: Int) -> Int? {
  let a: Int? = n
  let b: Int? = none
  let r = R { name: "x" }
  let xs: List<Int?> = [1, none]
  let c = if n > 0 then n else none
  return n
}
"""
    )
    values = lets(stmts)
    assert values["a"] == ir.SomeWrap(type=opt(ir.INT), value=ir.Local(type=ir.INT, name="n"))
    assert values["b"] == ir.NoneLit(type=opt(ir.INT))
    assert values["r"].fields[0].value == ir.SomeWrap(type=opt(ir.STRING), value=ir.StringLit(type=ir.STRING, value="x"))
    assert [item.kind for item in values["xs"].items] == ["some_wrap", "none_lit"]
    cond = values["c"]
    assert cond.type == opt(ir.INT) and cond.then.kind == "some_wrap" and cond.else_.kind == "none_lit"
    ret = stmts[-1]
    assert isinstance(ret, ir.Return) and ret.value.kind == "some_wrap"


def test_equality_wraps_the_plain_side() -> None:
    stmts = body("module t\nfn f(o: Int?, n: Int) -> Bool {\n  return o == n\n}\n")
    equal = stmts[0].value
    assert isinstance(equal, ir.Equal) and not equal.negate
    assert equal.left == ir.Local(type=opt(ir.INT), name="o")
    assert equal.right == ir.SomeWrap(type=opt(ir.INT), value=ir.Local(type=ir.INT, name="n"))


def test_coalesce_types() -> None:
    values = lets(
        body(
            """module t
fn f(a: Int?, b: Int?) -> Int {
  let x = a ?? 0
  let y = a ?? b
  return x
}
"""
        )
    )
    assert values["x"].type == ir.INT and values["x"].kind == "coalesce"
    assert values["y"].type == opt(ir.INT)


# --- built-ins ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "builtin", "overload", "result"),
    [
        ('len("abc")', "len", "string", ir.INT),
        ("len(xs)", "len", "list", ir.INT),
        ("len(m)", "len", "map", ir.INT),
        ("pow(2, 3)", "pow", "int", ir.INT),
        ("pow(2.0, 0.5)", "pow", "float", ir.FLOAT),
        ("abs(-1.5)", "abs", "float", ir.FLOAT),
        ("clamp(5, 0, 3)", "clamp", "int", ir.INT),
        ("sum(xs)", "sum", "int", ir.INT),
        ("max_of(xs)", "max_of", "int", ir.INT),
        ('contains("abc", "b")', "contains", "string", ir.BOOL),
        ("contains(xs, 1)", "contains", "list", ir.BOOL),
        ("to_string(1.5)", "to_string", "float", ir.STRING),
        ("to_string(true)", "to_string", "bool", ir.STRING),
        ('get(m, "a")', "get", "", opt(ir.INT)),
        ("keys(m)", "keys", "", ir.ListType(elem=ir.STRING)),
        ("unwrap(o)", "unwrap", "", ir.INT),
        ("sort(xs)", "sort", "", ir.ListType(elem=ir.INT)),
        ("round(2.5)", "round", "", ir.INT),
    ],
)
def test_builtin_overloads(call: str, builtin: str, overload: str, result: Any) -> None:
    source = f"module t\nfn f(xs: List<Int>, m: Map<String, Int>, o: Int?) -> Bool {{\n  let v = {call}\n  return true\n}}\n"
    value = lets(body(source))["v"]
    assert isinstance(value, ir.CallBuiltin)
    assert (value.builtin, value.overload, value.type) == (builtin, overload, result)


def test_empty_collections_take_their_type_from_context() -> None:
    values = lets(
        body(
            """module t
fn f() -> Int {
  let xs = append([], 1)
  let m = put({}, "k", 2.5)
  let ys: List<String> = concat([], ["a"])
  return len(xs)
}
"""
        )
    )
    assert values["xs"].type == ir.ListType(elem=ir.INT)
    assert values["m"].type == ir.MapType(key=ir.STRING, value=ir.FLOAT)
    assert values["ys"].args[0] == ir.ListLit(type=ir.ListType(elem=ir.STRING), items=())


# --- match ------------------------------------------------------------------------


def test_match_on_optional_normalises_wildcard() -> None:
    values = lets(
        body(
            """module t
fn f(o: Int?) -> Int {
  let a = match o { some(v) => v, _ => 0 }
  let b = match o { none => 1, _ => 2 }
  let c = match o { some(_) => 1, none => 2 }
  return a
}
"""
        )
    )
    a, b, c = values["a"], values["b"], values["c"]
    assert isinstance(a, ir.MatchOptional) and a.binding == "v"
    assert a.some_body == ir.Local(type=ir.INT, name="v") and a.none_body == ir.IntLit(type=ir.INT, value=0)
    assert b.binding is None and b.none_body.value == 1 and b.some_body.value == 2
    assert c.binding is None and c.some_body.value == 1


def test_match_on_union_binds_positionally() -> None:
    values = lets(
        body(
            """module t
union Reward { Gold(amount: Int, bonus: Int), Item(id: String), Nothing }
fn f(r: Reward) -> Int {
  let a = match r {
    Gold(n, _) => n
    Item(_) => 1
    Nothing => 0
  }
  let b = match r {
    Gold(_, b) => b
    _ => -1
  }
  return a
}
"""
        )
    )
    a = values["a"]
    assert isinstance(a, ir.MatchUnion) and a.default is None
    assert [(arm.variant, arm.bindings) for arm in a.arms] == [("Gold", ("n", None)), ("Item", (None,)), ("Nothing", ())]
    b = values["b"]
    assert [arm.bindings for arm in b.arms] == [(None, "b")]
    assert b.default is not None and b.default.kind == "neg"


def test_match_on_enum_groups_members() -> None:
    program = check(SAMPLE)
    match = decl(program, "bonus").body[0].value
    assert isinstance(match, ir.MatchEnum) and match.default is None
    assert [arm.members for arm in match.arms] == [("Common",), ("Rare",), ("Epic", "Legendary")]


def test_match_arms_unify_with_none() -> None:
    value = lets(
        body(
            """module t
enum E { A, B }
fn f(e: E) -> Int {
  let v = match e { A => none, B => 2 }
  return 0
}
"""
        )
    )["v"]
    assert value.type == opt(ir.INT)
    assert value.arms[0].body == ir.NoneLit(type=opt(ir.INT))
    assert value.arms[1].body.kind == "some_wrap"


# --- statements --------------------------------------------------------------------


def test_compound_assignment_is_desugared() -> None:
    stmts = body(
        """module t
fn f() -> Int {
  var n = 1
  n += 2
  n -= 1
  n *= 3
  var s = "a"
  s += "b"
  var x = 1.5
  x *= 2.0
  return n
}
"""
    )
    assigns = [s for s in stmts if isinstance(s, ir.Assign)]
    n = ir.Local(type=ir.INT, name="n")
    assert assigns[0] == ir.Assign(name="n", value=ir.Arith(type=ir.INT, op="+", left=n, right=ir.IntLit(type=ir.INT, value=2)))
    assert [a.value.op for a in assigns[:3]] == ["+", "-", "*"]
    assert assigns[3].value == ir.Concat(
        type=ir.STRING, left=ir.Local(type=ir.STRING, name="s"), right=ir.StringLit(type=ir.STRING, value="b")
    )
    assert assigns[4].value.type == ir.FLOAT


def test_loops() -> None:
    stmts = body(
        """module t
fn f(xs: List<Int>, m: Map<String, Int>) -> Int {
  var t = 0
  for x in xs { t += x }
  for k, v in m { t += v }
  for i in 0..len(xs) {
    if i == 2 { break } else if i == 1 { continue }
  }
  return t
}
"""
    )
    assert [s.kind for s in stmts] == ["let", "for_list", "for_map", "for_range", "return"]
    for_if = stmts[3].body[0]
    assert isinstance(for_if, ir.If) and for_if.else_ is not None and for_if.else_[0].kind == "if"


def test_expect_error_forms() -> None:
    program = check(
        """module t
const MESSAGE: String = "bad"
fn f(n: Int) -> Int {
  require n > 0, MESSAGE
  return 10 / n
}
test "t" {
  expect_error f(0), DomainError
  expect_error f(-1), MESSAGE
  expect_error parse_int("x"), InvalidConversion
  expect f(1) == 10, "ten"
}
"""
    )
    stmts = decl(program, "t").body
    assert (stmts[0].error_kind, stmts[0].message) == ("DomainError", None)
    assert stmts[1].error_kind is None and stmts[1].message == ir.ConstRef(type=ir.STRING, module="t", name="MESSAGE")
    assert stmts[2].call.kind == "call_builtin" and stmts[2].text == 'parse_int("x")'
    assert stmts[3].message == ir.StringLit(type=ir.STRING, value="ten")


# --- literals ----------------------------------------------------------------------


def test_fields_keep_the_written_order() -> None:
    values = lets(
        body(
            """module t
record R { a: Int, b: String, c: Bool }
union U { V(x: Int, y: Int) }
fn f() -> Int {
  let r = R { c: true, a: 1, b: "s" }
  let u = U.V(y: 2, x: 1)
  let w = r with { b: "t", a: 2 }
  return 0
}
"""
        )
    )
    assert [f.name for f in values["r"].fields] == ["c", "a", "b"]
    assert [f.name for f in values["u"].fields] == ["y", "x"] and values["u"].variant == "V"
    assert [f.name for f in values["w"].updates] == ["b", "a"]


def test_names_resolve_across_modules() -> None:
    program = check(
        {
            "main.dg": """module app.main
import app.items
fn f(i: items.Item) -> Int {
  let r = items.Rarity.Rare
  let s = items.Shape.Dot
  return items.price(i) + items.MARKUP
}
""",
            "items.dg": """module app.items
const MARKUP: Int = 2
enum Rarity { Common, Rare }
union Shape { Dot, Line(n: Int) }
record Item { cost: Int }
fn price(i: Item) -> Int { return i.cost }
""",
        }
    )
    assert [m.name for m in program.modules] == ["app.items", "app.main"]
    main = program.modules[1]
    assert main.imports == ("app.items",)
    f = main.decls[0]
    assert f.params[0].type == ir.NamedType(module="app.items", name="Item", decl="record")
    values = lets(f.body)
    assert values["r"] == ir.EnumValue(type=ir.NamedType(module="app.items", name="Rarity", decl="enum"), member="Rare")
    assert values["s"].kind == "variant_lit" and values["s"].fields == ()
    total = f.body[-1].value
    assert total.left == ir.CallFn(type=ir.INT, module="app.items", function="price", args=(ir.Local(type=f.params[0].type, name="i"),))
    assert total.right == ir.ConstRef(type=ir.INT, module="app.items", name="MARKUP")


def test_modules_come_in_dependency_order() -> None:
    program = check(
        {
            "a.dg": "module zed.a\nimport mid.b\nfn fa() -> Int { return b.fb() }\n",
            "b.dg": "module mid.b\nimport alpha.c\nfn fb() -> Int { return c.fc() }\n",
            "c.dg": "module alpha.c\nfn fc() -> Int { return 1 }\n",
            "d.dg": "module beta.d\nfn fd() -> Int { return 1 }\n",
            "e.dg": "module aaa.e\nimport zed.a\nfn fe() -> Int { return a.fa() }\n",
        }
    )
    assert [m.name for m in program.modules] == ["alpha.c", "beta.d", "mid.b", "zed.a", "aaa.e"]


def test_constants_are_folded_in_dependency_order() -> None:
    program = check(
        """module t
enum E { A, B }
const TOTAL: Int = BASE * 2 + len(NAMES)
const BASE: Int = 20
const NAMES: List<String> = ["a", "b"]
const FIRST: E = E.B
"""
    )
    assert decl(program, "TOTAL").value == ir.IntLit(type=ir.INT, value=42)
    assert decl(program, "NAMES").value.kind == "list_lit"
    assert decl(program, "FIRST").value == ir.EnumValue(type=ir.NamedType(module="t", name="E", decl="enum"), member="B")


def test_warnings_do_not_fail() -> None:
    front = load_texts(
        {
            "a.dg": "module app.a\nimport app.b\nfn f() -> Int { return 1 }\n",
            "b.dg": "module app.b\nfn g() -> Int { return 2 }\n",
        }
    )
    assert [(d.code, d.severity) for d in front.diagnostics] == [("DG112", "warning")]
    assert front.errors == [] and front.program is not None


def test_sibling_blocks_may_reuse_names() -> None:
    check(
        """module t
fn f(c: Bool, o: Int?) -> Int {
  if c { let x = 1 } else { let x = 2 }
  for i in 0..3 { let y = i }
  for i in 0..3 { let y = i }
  let a = match o { some(v) => v, none => 0 }
  let b = match o { some(v) => v, none => 1 }
  return a + b
}
"""
    )


# --- speed ------------------------------------------------------------------------


def big_program(lines: int) -> str:
    """A valid program of about `lines` lines, repeating varied declarations."""
    out = ["module bench.big", "", "const LIMIT: Int = 100", "const RATE: Float = 1.5", "enum Kind { Alpha, Beta, Gamma, Delta }", ""]
    i = 0
    while len(out) < lines:
        out += f"""/// Record {i}.
record Rec{i} {{
  id: String
  level: Int
  score: Float
  kind: Kind
  tags: List<String>
  stats: Map<String, Int>
  parent: String?
}}

union Shape{i} {{
  Circle(radius: Float),
  Rect(w: Float, h: Float),
  Empty,
}}

fn area{i}(s: Shape{i}) -> Float {{
  return match s {{
    Circle(r) => 3.14159 * r * r
    Rect(w, h) => w * h
    Empty => 0.0
  }}
}}

fn make{i}(id: String, level: Int) -> Rec{i} {{
  require level >= 0, "level must be non-negative"
  return Rec{i} {{ id: id, level: level, score: float(level) * RATE, kind: Kind.Alpha, tags: [], stats: {{}}, parent: none }}
}}

fn bump{i}(r: Rec{i}, amount: Int) -> Rec{i} {{
  var level = r.level
  var total = 0
  for t in r.tags {{
    if contains(t, "x") {{
      total += len(t)
    }} else if t == "skip" {{
      continue
    }}
  }}
  for k, v in r.stats {{
    total += v
  }}
  for j in 0..amount {{
    if level >= LIMIT {{
      break
    }}
    level += 1
  }}
  let name = r.parent ?? "none"
  let rank = match r.kind {{
    Alpha, Beta => 1
    _ => 2
  }}
  let bonus = if total > 10 then total % 7 else -total
  return r with {{ level: level + rank + bonus, tags: append(r.tags, name + to_string(total)), stats: put(r.stats, name, level) }}
}}

fn score{i}(r: Rec{i}, s: Shape{i}) -> Float {{
  let base = area{i}(s) + r.score
  let best = max(base, sqrt(abs(base) + 1.0))
  if best > 100.0 and r.kind != Kind.Gamma {{
    return best / 2.0
  }}
  return best
}}

test "bump{i}" {{
  let r = make{i}("a", 3)
  expect bump{i}(r, 2).level >= 3
  expect_error make{i}("b", -1), "level must be non-negative"
}}
""".splitlines()
        i += 1
    return "\n".join(out) + "\n"


def test_checker_speed_on_10k_lines() -> None:
    text = big_program(10_000)
    assert text.count("\n") >= 10_000
    source = SourceFile("big.dg", text)
    module, diags = parse(source)
    assert module is not None and diags == []
    start = time.process_time()  # CPU time: steadier than wall time on a shared machine
    program, found = check_modules([module], {source.path: source})
    elapsed = time.process_time() - start
    assert found == [] and program is not None
    print(f"check of {text.count(chr(10))} lines: {elapsed:.3f} s CPU")
    assert elapsed < 1.0  # about 0.2 s; the budget for parse + check is 1.5 s


CONSTS = """module c
const A: Int = 1_000
const B: Int = -9007199254740991
const C: Int = -0
const D: Float = -0.0
const E: Float = 32.0
const F: Float = -1.5e300
const G: String = "a\\u{1F600}b"
const H: String = ""
const I: Bool = false
const J: Int = -(3)
const K: Int = A + 1
const L: Int? = 5
const M: List<Int> = [1, -2]
const N: Float = --2.0
"""


def test_constants_fold_without_the_interpreter_as_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`consts._literal` folds literals and negated number literals exactly as `fold_const` does."""
    from domaingen.check import consts
    from domaingen.ir.export import ir_json

    front = load_texts({"c.dg": CONSTS})
    assert not front.errors, front.errors
    assert front.program is not None
    monkeypatch.setattr(consts, "_literal", lambda expr: None)
    reference = load_texts({"c.dg": CONSTS})
    assert reference.program is not None
    assert ir_json(front.program, spans=True) == ir_json(reference.program, spans=True)
    for mine, theirs in zip(front.program.modules[0].decls, reference.program.modules[0].decls):
        assert isinstance(mine, ir.Const) and isinstance(theirs, ir.Const)
        assert type(mine.value) is type(theirs.value) and mine.value == theirs.value and mine.value.span == theirs.value.span


def test_only_literals_take_the_shortcut() -> None:
    from domaingen.check.consts import _literal

    one = ir.new(ir.IntLit, type=ir.INT, value=1)
    half = ir.new(ir.FloatLit, type=ir.FLOAT, value=0.5)
    assert _literal(one) is not None and _literal(ir.new(ir.Neg, type=ir.FLOAT, operand=half)) is not None
    not_literals = [
        ir.new(ir.Arith, type=ir.INT, op="+", left=one, right=one),
        ir.new(ir.Neg, type=ir.INT, operand=ir.new(ir.Neg, type=ir.INT, operand=one)),
        ir.new(ir.Neg, type=ir.BOOL, operand=ir.new(ir.BoolLit, type=ir.BOOL, value=True)),
        ir.new(ir.SomeWrap, type=ir.new(ir.OptionalType, inner=ir.INT), value=one),
        ir.new(ir.NoneLit, type=ir.new(ir.OptionalType, inner=ir.INT)),
        ir.new(ir.IntLit, type=ir.FLOAT, value=1),
    ]
    for expr in not_literals:
        assert _literal(expr) is None, expr
