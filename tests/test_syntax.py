"""The parser and layout rules of LANGUAGE.md section 3-4, one case per rule."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from domaingen.source import SourceFile, Span, read_source
from domaingen.syntax import ast
from domaingen.syntax.parser import parse

REPO = Path(__file__).resolve().parents[1]


def parse_ok(text: str) -> ast.Module:
    module, diags = parse(SourceFile("t.dg", text))
    assert diags == [], [f"{d.span.line}:{d.span.col} {d.message}" for d in diags if d.span]
    assert module is not None
    return module


def body_of(text: str) -> tuple[ast.Stmt, ...]:
    module = parse_ok("module t\nfn f(x: Int) -> Int {\n" + text + "\n}\n")
    fn = module.decls[0]
    assert isinstance(fn, ast.FnDecl)
    return fn.body.stmts


def expr_of(text: str) -> ast.Expr:
    (stmt,) = body_of("return " + text)
    assert isinstance(stmt, ast.Return)
    return stmt.value


def test_declarations_and_docs() -> None:
    module = parse_ok(
        "/// Module doc.\n/// Second line.\nmodule game.core\nimport game.items\n\n"
        "/// Max.\nconst MAX: Int = 1_000\n"
        "enum Rarity { Common, /// rare ones\n Rare, }\n"
        "record R {\n  /// the id\n  id: String\n  tags: List<String>, guild: String?\n}\n"
        "union Reward { Gold(amount: Int), Nothing }\n"
        'test "t" { expect true }\n'
    )
    assert module.dotted == "game.core"
    assert module.doc == "Module doc.\nSecond line."
    assert [i.dotted for i in module.imports] == ["game.items"]
    const, enum, record, union, test = module.decls
    assert isinstance(const, ast.ConstDecl) and const.doc == "Max." and const.value == ast.IntLit(1000)
    assert isinstance(enum, ast.EnumDecl) and [m.name.name for m in enum.members] == ["Common", "Rare"]
    assert enum.members[1].doc == "rare ones"
    assert isinstance(record, ast.RecordDecl) and [f.name.name for f in record.fields] == ["id", "tags", "guild"]
    assert record.fields[0].doc == "the id"
    assert isinstance(record.fields[2].type, ast.OptionalType)
    assert isinstance(union, ast.UnionDecl) and [len(v.fields) for v in union.variants] == [1, 0]
    assert isinstance(test, ast.TestDecl) and test.name == "t"


def test_precedence_loosest_first() -> None:
    e = expr_of("not a or b and c == d ?? e + f * -g")
    assert isinstance(e, ast.Binary) and e.op == "or"
    assert isinstance(e.left, ast.Unary) and e.left.op == "not"
    right = e.right
    assert isinstance(right, ast.Binary) and right.op == "and"
    cmp = right.right
    assert isinstance(cmp, ast.Binary) and cmp.op == "=="
    coalesce = cmp.right
    assert isinstance(coalesce, ast.Binary) and coalesce.op == "??"
    add = coalesce.right
    assert isinstance(add, ast.Binary) and add.op == "+"
    mul = add.right
    assert isinstance(mul, ast.Binary) and mul.op == "*" and isinstance(mul.right, ast.Unary)


def test_if_expression_is_loosest() -> None:
    e = expr_of("if a then b or c else d")
    assert isinstance(e, ast.IfExpr) and isinstance(e.then, ast.Binary)


def test_left_associative_arithmetic() -> None:
    e = expr_of("a - b - c")
    assert isinstance(e, ast.Binary) and isinstance(e.left, ast.Binary) and e.left.op == "-"


def test_postfix_chain() -> None:
    e = expr_of("p.stats[\"hp\"].x(1, 2) with { a: 1, b: 2, }")
    assert isinstance(e, ast.With) and isinstance(e.obj, ast.Call) and len(e.updates) == 2


def test_newline_after_operator_continues_expression() -> None:
    (stmt,) = body_of("return 1 +\n  2")
    assert isinstance(stmt, ast.Return) and isinstance(stmt.value, ast.Binary)


def test_newlines_free_inside_brackets_and_literals() -> None:
    stmts = body_of("let xs = [\n 1,\n 2,\n]\nlet r = R {\n a: 1,\n b: f(\n 2\n ),\n}\nreturn 0")
    assert len(stmts) == 3


def test_semicolons_separate_statements() -> None:
    assert len(body_of("let a = 1; let b = 2; return a")) == 3


def test_else_on_next_line() -> None:
    (stmt, _ret) = body_of("if x > 1 {\n return 1\n}\nelse if x < 0 {\n return 2\n}\nelse {\n return 3\n}\nreturn 4")
    assert isinstance(stmt, ast.If) and isinstance(stmt.else_, ast.If) and isinstance(stmt.else_.else_, ast.Block)


def test_record_literal_needs_parentheses_in_headers() -> None:
    (stmt, _) = body_of("if p == (P { a: 1 }) { return 1 }\nreturn 0")
    assert isinstance(stmt, ast.If)
    module, diags = parse(SourceFile("t.dg", "module t\nfn f() -> Int {\n if p == P { a: 1 } { return 1 }\n return 0\n}\n"))
    assert module is None and diags[0].code == "DG003"


def test_match_arms_on_separate_lines_and_patterns() -> None:
    e = expr_of("match r {\n  Gold(amount) => amount\n  Item(_, n),\n  Other => n\n  none => 0\n  some(v) => v\n  _ => 1\n}")
    assert isinstance(e, ast.Match) and len(e.arms) == 5
    first, multi, none_arm, some_arm, wild = e.arms
    assert first.patterns == (ast.CasePat(ast.Ident("Gold"), (ast.Ident("amount"),)),)
    assert [type(p) for p in multi.patterns] == [ast.CasePat, ast.CasePat]
    assert isinstance(none_arm.patterns[0], ast.NonePat)
    assert isinstance(some_arm.patterns[0], ast.SomePat)
    assert isinstance(wild.patterns[0], ast.WildcardPat)


def test_match_scrutinee_may_be_a_name_before_brace() -> None:
    e = expr_of("match x { A => 1, B => 2 }")
    assert isinstance(e, ast.Match) and isinstance(e.scrutinee, ast.Name)


def test_loops_and_assignments() -> None:
    stmts = body_of(
        "var t = 0\nfor i in 0..x { t += i }\nfor k, v in m { t -= v }\nfor s in xs { continue }\n"
        "while t > 0 { t *= 2\n break }\nreturn t"
    )
    assert [type(s).__name__ for s in stmts] == ["Let", "ForRange", "ForIn", "ForIn", "While", "Return"]
    assert isinstance(stmts[0], ast.Let) and stmts[0].mutable
    assert isinstance(stmts[2], ast.ForIn) and stmts[2].value is not None


def test_statements_of_tests() -> None:
    module = parse_ok(
        'module t\ntest "x" {\n expect f(1) == 2, "msg"\n expect_error f(-1), "bad"\n'
        " expect_error f(99), IntegerOverflow\n require true, \"m\"\n fail \"no\"\n}\n"
    )
    (test,) = module.decls
    assert isinstance(test, ast.TestDecl)
    expect, by_message, by_kind, _req, _fail = test.body.stmts
    assert isinstance(expect, ast.Expect) and expect.message == ast.StringLit("msg")
    assert isinstance(by_message, ast.ExpectError) and by_message.kind is None
    assert isinstance(by_kind, ast.ExpectError) and by_kind.kind == ast.Ident("IntegerOverflow")


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("42", 42), ("1_000_000", 1_000_000), ("0x1F", 31), ("9007199254740991", 2**53 - 1)],
)
def test_int_literals(text: str, value: int) -> None:
    assert expr_of(text) == ast.IntLit(value)


@pytest.mark.parametrize(("text", "value"), [("1.0", 1.0), ("0.5", 0.5), ("1e-3", 1e-3), ("2.5E+10", 2.5e10)])
def test_float_literals(text: str, value: float) -> None:
    e = expr_of(text)
    assert isinstance(e, ast.FloatLit) and e.value == value


def test_range_is_not_a_float() -> None:
    (stmt, _) = body_of("for i in 0..10 { continue }\nreturn 0")
    assert isinstance(stmt, ast.ForRange) and stmt.start == ast.IntLit(0)


def test_string_escapes() -> None:
    e = expr_of(r'"a\n\t\r\"\\\u{1F600}\u{41}"')
    assert e == ast.StringLit('a\n\t\r"\\\U0001F600A')


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (r'"\q"', "DG005"),
        (r'"\u{D800}"', "DG005"),
        (r'"\u{110000}"', "DG005"),
        (r'"\u{}"', "DG005"),
        ("9007199254740992", "DG007"),
        ("1e999", "DG008"),
        ("a < b < c", "DG010"),
    ],
)
def test_literal_and_comparison_errors(text: str, code: str) -> None:
    _module, diags = parse(SourceFile("t.dg", f"module t\nfn f() -> Int {{\n return {text}\n}}\n"))
    assert [d.code for d in diags] == [code]
    assert diags[0].span is not None and diags[0].span.line == 3


def test_doc_comment_inside_body_is_a_plain_comment() -> None:
    assert len(body_of("/// not a doc\nreturn 1")) == 1


def test_spans_are_one_based_code_points() -> None:
    module = parse_ok('module t\nconst S: String = "😀" + x\n')
    const = module.decls[0]
    assert isinstance(const, ast.ConstDecl) and isinstance(const.value, ast.Binary)
    right = const.value.right
    assert right.span.line == 2 and right.span.col == 25


def test_standalone_parser_is_current() -> None:
    from domaingen.syntax import parser

    expected = parser.standalone_source()
    assert parser.STANDALONE_PATH.read_text(encoding="utf-8") == expected, "run: python -m domaingen.syntax.parser --standalone"


def test_parse_uses_the_standalone_parser() -> None:
    from domaingen.syntax import parser

    assert parser._load_standalone() is not None, "grammar.lark or layout.py changed: run python -m domaingen.syntax.parser --standalone"


def test_fast_path_tables_are_current() -> None:
    from domaingen.syntax import parser

    expected = parser.tables_source()
    assert parser.TABLES_PATH.read_text(encoding="utf-8") == expected, "run: python -m domaingen.syntax.parser --standalone"


def test_parse_uses_the_fast_path() -> None:
    from domaingen.syntax import parser

    assert parser._engine() is not None, "grammar.lark or layout.py changed: run python -m domaingen.syntax.parser --standalone"


def test_first_character_regexes_split_like_the_whole_token_regex() -> None:
    """The lexer's per-first-character regexes pick the same terminal, the same length."""
    from domaingen.syntax import parser

    engine = parser._engine()
    rng = random.Random(7)
    alphabet = string.printable + "é😀\u2028_" + "".join(sorted(engine._match_by_char))
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        for pos in range(len(text)):
            whole = engine._match(text, pos)
            fast = engine._match_by_char.get(text[pos], engine._match)(text, pos)
            assert (whole and (whole.lastgroup, whole.end())) == (fast and (fast.lastgroup, fast.end())), (text, pos)
            checked += 1
    assert checked > 10_000


def _deep(node: object) -> object:
    """A syntax tree as nested tuples, spans and token classes included."""
    if isinstance(node, ast.Node):
        return (type(node).__name__,) + tuple((name, _deep(getattr(node, name))) for name in node.field_names)
    if isinstance(node, (tuple, list)):
        return tuple(_deep(item) for item in node)
    if isinstance(node, str):
        return (type(node).__name__, str(node))
    return node


def _both_paths(source: SourceFile) -> tuple[object, object]:
    from domaingen.syntax import parser

    fast_module, fast_diags = parse(source)
    lark_module, lark_diags = parser._lark_parse(source)
    return (_deep(fast_module), fast_diags), (_deep(lark_module), lark_diags)


_CORPUS = sorted(p for folder in ("dsl", "tests", "docs") for p in (REPO / folder).rglob("*.dg"))


@pytest.mark.parametrize("path", _CORPUS, ids=lambda p: str(p.relative_to(REPO)))
def test_fast_path_builds_the_same_tree_as_lark(path: Path) -> None:
    """`engine.py` and Lark's parser agree, node for node and span for span."""
    source, problem = read_source(str(path))
    assert source is not None, problem
    fast, lark = _both_paths(source)
    assert fast == lark


def test_fast_path_agrees_with_lark_on_mangled_files() -> None:
    """Deleting, inserting and duplicating bits of real files: both paths give the same result."""
    rng = random.Random(20261122)
    bits = ["(", ")", "{", "}", "\n", ";", ",", " if ", '"', "///x\n", "..", "?", "<", ">", "x", "1", "1.5e3", "\\", " else ", "-"]
    texts = [source.text for source, _ in (read_source(str(p)) for p in _CORPUS[:40]) if source is not None]
    parsed = 0
    for text in texts:
        for _ in range(15):
            i = rng.randrange(len(text) + 1)
            j = min(len(text), i + rng.randrange(1, 8))
            choice = rng.randrange(3)
            if choice == 0:
                mangled = text[:i] + text[j:]
            elif choice == 1:
                mangled = text[:i] + rng.choice(bits) + text[i:]
            else:
                mangled = text[:i] + text[j : j + 5] + text[i:]
            fast, lark = _both_paths(SourceFile("m.dg", mangled))
            assert fast == lark, mangled
            parsed += fast[0] is not None  # type: ignore[index]
    assert parsed > 50  # the mangling leaves enough files that still parse


def test_syntax_nodes_are_frozen_values_that_ignore_spans() -> None:
    here = Span("a.dg", 1, 1, 1, 2)
    a = ast.Name("x", here)
    b = ast.Name(name="x", span=Span("b.dg", 5, 5, 5, 6))
    assert a == b and hash(a) == hash(b) and a != ast.Name("y", here)
    assert repr(a) == "Name(name='x')"
    assert ast.Name("x").span == ast.NO_SPAN
    with pytest.raises(AttributeError, match="frozen"):
        a.name = "y"  # type: ignore[misc]
    moved = ast.replace(a, name="y")
    assert (moved.name, moved.span, a.name) == ("y", here, "x")
    assert ast.Call.field_names[-1] == "span" and "span" not in ast.Call.compared
    with pytest.raises(TypeError):
        ast.Name()  # type: ignore[call-arg]
