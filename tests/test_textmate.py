"""The editor grammar (editors/vscode) tokenised by the real VS Code TextMate engine.

`editors/vscode/test/tokenize.mjs` runs `vscode-textmate` + `vscode-oniguruma`
(pinned in editors/vscode/test/package-lock.json) over every example program
and a sample of each token class; these tests read its JSON. They are skipped
until the engine is installed with the command in `INSTALL`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EDITOR = ROOT / "editors" / "vscode"
GRAMMAR = EDITOR / "syntaxes" / "domaingen.tmLanguage.json"
INSTALL = "npm ci --prefix editors/vscode/test"
EXAMPLES = sorted((ROOT / "dsl").glob("**/*.dg"))

# LANGUAGE.md section 3, "Keywords".
KEYWORDS = (
    "module import const enum record union fn test let var if then else match while for in break "
    "continue return require fail expect expect_error with and or not true false none"
).split()
LITERAL_KEYWORDS = {"true", "false", "none"}  # scoped constant.language.*, as every theme expects

SAMPLE = r'''/// Doc comment for the module.
module sample.tokens

import other.things

// A plain comment.
const MAX_LEVEL: Int = 1_000
const MASK: Int = 0xFF_FF
const RATE: Float = 2.5e-3
const HALF: Float = 0.5

enum Color { Red, Green }

record Point {
  /// The x coordinate.
  x: Float
  tags: Map<String, List<Int>>?
  kind: things.Kind
}

union Shape {
  Circle(radius: Float)
  Empty
}

fn area(s: Shape, p: Point) -> Float {
  let a = "tab\t quote\" slash\\ nl\n cr\r smile\u{1F600}"
  var bad = "\q \u{D800} \u{110000} \u{} \u{12345678}"
  let n = len(a) + pow(2, 3) + area(s, p)
  let c = Color.Red
  let q = p with { x: 1.0 }
  for i in 0..n { bad += "x" }
  while false and not true or none == none { break }
  if n >= 1 then 1 else 2
  let m = match s {
    Circle(r) => r * 2.0
    Empty => 0.0
  }
  let o = match p.tags { some(t) => 1, none => 0 }
  let k = match c { Red, Green => 1, _ => 2 }
  require n != 0, "n"
  fail "no"
  return if n <= 1 then 1.0 else x ?? 2.0 % 3 / 4 - 5
}

test "areas" {
  expect area(Shape.Empty, p) == 0.0
  expect_error area(s, p), DivisionByZero
}
'''


def _engine_ready() -> bool:
    return shutil.which("node") is not None and (EDITOR / "test" / "node_modules" / "vscode-textmate").is_dir()


Token = dict[str, Any]


@pytest.fixture(scope="module")
def tokenised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    if not _engine_ready():
        pytest.skip(f"TextMate engine not installed; run `{INSTALL}`")
    sample = tmp_path_factory.mktemp("tm") / "sample.dg"
    sample.write_text(SAMPLE, encoding="utf-8")
    paths = [str(p) for p in EXAMPLES] + [str(sample)]
    result = subprocess.run(
        ["node", str(EDITOR / "test" / "tokenize.mjs"), *paths], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    return {("SAMPLE" if f["path"] == str(sample) else f["path"]): f for f in files}


def tokens(file: dict[str, Any]) -> list[tuple[int, Token]]:
    return [(n + 1, t) for n, line in enumerate(file["lines"]) for t in line]


def scope(tok: Token) -> str:
    return str(tok["scopes"][-1])


def find(file: dict[str, Any], line: int, text: str) -> Token:
    for tok in file["lines"][line - 1]:
        if tok["text"] == text:
            return dict(tok)
    raise AssertionError(f"no token {text!r} on line {line}: {[t['text'] for t in file['lines'][line - 1]]}")


def line_of(fragment: str) -> int:
    return next(n for n, line in enumerate(SAMPLE.splitlines(), 1) if fragment in line)


def test_examples_exist() -> None:
    assert len(EXAMPLES) >= 10


def test_every_line_tokenises_cleanly(tokenised: dict[str, dict[str, Any]]) -> None:
    """No invalid tokens, no unscoped text, and every begin/end region closed."""
    for path, file in tokenised.items():
        assert file["endDepth"] == 1, f"{path}: a begin/end region is still open at the end of the file"
        for line, tok in tokens(file):
            if path == "SAMPLE" and line == line_of("var bad"):
                continue  # invalid escapes on purpose
            assert not any("invalid" in s for s in tok["scopes"]), f"{path}:{line}: {tok}"
            if tok["text"].strip():
                assert len(tok["scopes"]) > 1, f"{path}:{line}: {tok['text']!r} has no scope"


def test_every_keyword_is_a_keyword(tokenised: dict[str, dict[str, Any]]) -> None:
    seen: set[str] = set()
    for path, file in tokenised.items():
        for line, tok in tokens(file):
            word = tok["text"].strip()
            if word in KEYWORDS and not any(s.startswith(("string", "comment")) for s in tok["scopes"]):
                seen.add(word)
                expected = "constant.language." if word in LITERAL_KEYWORDS else "keyword."
                assert scope(tok).startswith(expected), f"{path}:{line}: {word} is {scope(tok)}"
    assert seen == set(KEYWORDS)


def test_keyword_list_matches_the_parser_grammar() -> None:
    lark = (ROOT / "src" / "domaingen" / "syntax" / "grammar.lark").read_text(encoding="utf-8")
    words = set(re.findall(r'"([a-z_]+)"', lark))
    assert words <= set(KEYWORDS), words - set(KEYWORDS)


def test_keyword_classes_are_separate(tokenised: dict[str, dict[str, Any]]) -> None:
    s = tokenised["SAMPLE"]
    assert scope(find(s, line_of("record Point"), "record")).startswith("keyword.declaration")
    assert scope(find(s, line_of("fn area"), "fn")).startswith("keyword.declaration")
    assert scope(find(s, line_of("require n"), "require")).startswith("keyword.control")
    assert scope(find(s, line_of("for i in"), "for")).startswith("keyword.control")
    assert scope(find(s, line_of('test "areas"'), "test")).startswith("keyword.other.test")
    assert scope(find(s, line_of("expect_error area"), "expect_error")).startswith("keyword.other.test")
    assert scope(find(s, line_of("while false"), "and")).startswith("keyword.operator.word")


def test_names(tokenised: dict[str, dict[str, Any]]) -> None:
    s = tokenised["SAMPLE"]
    fn = line_of("fn area")
    assert scope(find(s, fn, "area")).startswith("entity.name.function")
    assert scope(find(s, fn, "Float")).startswith("support.type.builtin")
    assert scope(find(s, fn, "Shape")).startswith("entity.name.type")
    assert scope(find(s, fn, "s")).startswith("variable.parameter")
    call = line_of("let n = len(a)")
    assert scope(find(s, call, "len")).startswith("support.function.builtin")
    assert scope(find(s, call, "area")).startswith("entity.name.function")
    assert scope(find(s, line_of("MAX_LEVEL: Int"), "MAX_LEVEL")).startswith("variable.other.constant")
    assert scope(find(s, line_of("let c = Color.Red"), "Red")).startswith("variable.other.enummember")
    assert scope(find(s, line_of("Circle(r) =>"), "Circle")).startswith("variable.other.enummember")
    arms = line_of("Red, Green => 1")
    assert scope(find(s, arms, "Green")).startswith("variable.other.enummember")
    assert scope(find(s, line_of("enum Color"), "Green")).startswith("variable.other.enummember")
    assert scope(find(s, line_of("Circle(radius"), "Circle")).startswith("variable.other.enummember")
    assert scope(find(s, line_of("  x: Float"), "x")).startswith("variable.other.property")
    assert scope(find(s, line_of("expect_error area"), "DivisionByZero")).startswith("support.constant.error-kind")


def test_numbers(tokenised: dict[str, dict[str, Any]]) -> None:
    s = tokenised["SAMPLE"]
    assert scope(find(s, line_of("1_000"), "1_000")) == "constant.numeric.integer.domaingen"
    assert scope(find(s, line_of("0xFF_FF"), "0xFF_FF")) == "constant.numeric.hex.domaingen"
    assert scope(find(s, line_of("2.5e-3"), "2.5e-3")) == "constant.numeric.float.domaingen"
    assert scope(find(s, line_of("HALF"), "0.5")) == "constant.numeric.float.domaingen"
    rng = line_of("for i in 0..n")
    assert scope(find(s, rng, "0")) == "constant.numeric.integer.domaingen"
    assert scope(find(s, rng, "..")).startswith("keyword.operator.range")


def test_strings_and_escapes(tokenised: dict[str, dict[str, Any]]) -> None:
    s = tokenised["SAMPLE"]
    good = [t for t in s["lines"][line_of("let a = ") - 1] if "string.quoted.double.domaingen" in t["scopes"]]
    escapes = [t["text"] for t in good if scope(t).startswith("constant.character.escape")]
    assert escapes == ["\\t", '\\"', "\\\\", "\\n", "\\r", "\\u{1F600}"]
    assert not any("invalid" in scope(t) for t in good)
    assert scope(good[0]) == "punctuation.definition.string.begin.domaingen"
    assert scope(good[-1]) == "punctuation.definition.string.end.domaingen"
    bad = s["lines"][line_of("var bad") - 1]
    invalid = [t["text"] for t in bad if scope(t).startswith("invalid.illegal.escape")]
    assert invalid == ["\\q", "\\u{D800}", "\\u{110000}", "\\u{}", "\\u{12345678}"]


def test_comments(tokenised: dict[str, dict[str, Any]]) -> None:
    s = tokenised["SAMPLE"]
    doc = s["lines"][0]
    assert [scope(t) for t in doc] == ["punctuation.definition.comment.domaingen", "comment.line.documentation.domaingen"]
    plain = s["lines"][line_of("// A plain") - 1]
    assert scope(plain[-1]) == "comment.line.double-slash.domaingen"
    field_doc = s["lines"][line_of("/// The x") - 1]
    assert any(scope(t) == "comment.line.documentation.domaingen" for t in field_doc)


def test_operators_and_punctuation(tokenised: dict[str, dict[str, Any]]) -> None:
    s = tokenised["SAMPLE"]
    last = line_of("return if n <= 1")
    expected = {"<=": "comparison", "??": "coalesce", "%": "arithmetic", "/": "arithmetic", "-": "arithmetic"}
    for text, kind in expected.items():
        assert scope(find(s, last, text)).startswith(f"keyword.operator.{kind}")
    assert scope(find(s, line_of("fn area"), "->")).startswith("keyword.operator.arrow")
    assert scope(find(s, line_of("Empty => 0.0"), "=>")).startswith("keyword.operator.arrow")
    assert scope(find(s, line_of("bad += "), "+=")).startswith("keyword.operator.assignment")
    assert scope(find(s, line_of("let c = "), "=")).startswith("keyword.operator.assignment")
    assert scope(find(s, line_of("tags: Map"), "?")).startswith("keyword.operator.optional")
    assert scope(find(s, line_of("tags: Map"), "<")).startswith("punctuation.definition.typeparameters")
    assert scope(find(s, line_of('require n != 0'), ",")).startswith("punctuation.separator.comma")


def test_builtin_functions_match_the_checker() -> None:
    builtins = pytest.importorskip("domaingen.check.builtins")
    grammar = json.loads(GRAMMAR.read_text(encoding="utf-8"))
    rule = next(r for r in grammar["repository"]["code"]["patterns"] if r.get("name") == "support.function.builtin.domaingen")
    names = set(re.search(r"\\b\((.*?)\)\\b", rule["match"]).group(1).split("|"))  # type: ignore[union-attr]
    assert names - {"some"} == set(builtins.BUILTINS)


def test_package_manifest_points_at_the_grammar() -> None:
    manifest = json.loads((EDITOR / "package.json").read_text(encoding="utf-8"))
    (language,) = manifest["contributes"]["languages"]
    (grammar,) = manifest["contributes"]["grammars"]
    assert language["id"] == grammar["language"] == "domaingen" and language["extensions"] == [".dg"]
    assert grammar["scopeName"] == json.loads(GRAMMAR.read_text(encoding="utf-8"))["scopeName"] == "source.domaingen"
    assert (EDITOR / grammar["path"]).resolve() == GRAMMAR.resolve()
    config = json.loads((EDITOR / language["configuration"]).read_text(encoding="utf-8"))
    assert config["comments"]["lineComment"] == "//"
