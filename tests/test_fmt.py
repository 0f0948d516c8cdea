"""`domaingen fmt`: idempotent, meaning-preserving, comment-preserving formatting.

Every `.dg` file in the repository that parses is formatted (never rewritten
in place: the CLI cases work on copies in a temporary folder) and must come
back unchanged when formatted again, parse to an equal tree and keep every
comment in order. A table pins the canonical style, one messy input per row.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from domaingen.fmt import canonical_tree, format_text, raw_tokens
from domaingen.source import SourceFile
from domaingen.syntax.parser import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(p for p in ROOT.glob("**/*.dg") if "node_modules" not in p.parts and not p.parts[-2].startswith("."))


def parses(path: Path) -> bool:
    module, diags = parse(SourceFile(str(path), path.read_text(encoding="utf-8")))
    return module is not None and not any(d.severity == "error" for d in diags)


GOOD = [p for p in CORPUS if parses(p)]


def comments(text: str) -> list[str]:
    return [str(t.value).rstrip() for t in raw_tokens(text) if t.type == "COMMENT"]


def fmt(text: str) -> str:
    out, diags = format_text(text)
    assert not [d for d in diags if d.severity == "error"], diags
    return out


def test_the_corpus_is_not_empty() -> None:
    assert len(GOOD) > 20
    assert any("dsl" in p.parts for p in GOOD) and any("bad" in p.parts for p in GOOD)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: str(p.relative_to(ROOT)))
def test_corpus_idempotent_same_tree_same_comments(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    once = fmt(source)
    assert fmt(once) == once
    before, _ = parse(SourceFile("a.dg", source))
    after, _ = parse(SourceFile("a.dg", once))
    assert canonical_tree(after) == canonical_tree(before)
    assert comments(once) == comments(source)
    assert once.endswith("\n") and not once.endswith("\n\n")
    assert all(line == line.rstrip() for line in once.splitlines())
    assert "\n\n\n" not in once


@pytest.mark.parametrize("path", [p for p in GOOD if "dsl" in p.parts], ids=lambda p: p.name)
def test_messy_whitespace_converges(path: Path) -> None:
    """Re-spacing a formatted file (same line breaks) formats back to it."""
    base = fmt(path.read_text(encoding="utf-8"))
    rng = random.Random(path.name)
    parts = []
    for tok in raw_tokens(base):
        if tok.type == "NEWLINE":
            parts.append("\n" + " " * rng.randint(0, 5))
        else:
            parts.append(str(tok.value) + ("" if tok.type == "COMMENT" else rng.choice([" ", "  ", "\t"])))
    assert fmt("".join(parts)) == base


CASES = [
    ("spacing", "module  m\nconst A : Int=1+2*-3\n", "module m\n\nconst A: Int = 1 + 2 * -3\n"),
    (
        "types tight, coalesce spaced",
        "module m\nfn f(x:Map< String ,List<Int?> >?,y:Int??)->Int{return x??y}\n",
        "module m\n\nfn f(x: Map<String, List<Int?>>?, y: Int??) -> Int { return x ?? y }\n",
    ),
    (
        "unary minus, ranges, calls, indexes",
        "module m\nfn f(xs: List<Int>) -> Int {\n for i in 0 .. len( xs ) { total -= - xs [ i ] }\n return f ( - ( 1 ) )\n}\n",
        "module m\n\nfn f(xs: List<Int>) -> Int {\n  for i in 0..len(xs) { total -= -xs[i] }\n  return f(-(1))\n}\n",
    ),
    (
        "one blank line between top-level declarations",
        "module m\n\n\n\nimport a.b\nimport c.d\nconst A: Int = 1\nconst B: Int = 2\nrecord R { a: Int }\nfn f() -> Int { return 1 }\nfn g() -> Int { return 2 }\n\n\n",
        "module m\n\nimport a.b\nimport c.d\n\nconst A: Int = 1\nconst B: Int = 2\n\nrecord R { a: Int }\n\nfn f() -> Int { return 1 }\nfn g() -> Int { return 2 }\n",
    ),
    (
        "blocks: one statement per line, at most one blank line",
        "module m\nfn f() -> Int {\n\n  let a = 1; let b = 2\n\n\n\n      return a+b\n\n}\n",
        "module m\n\nfn f() -> Int {\n  let a = 1\n  let b = 2\n\n  return a + b\n}\n",
    ),
    (
        "else joins the closing brace",
        "module m\nfn f(x: Int) -> Int {\n  if x > 0 {\n    return 1\n  }\n  else if x < 0 {\n    return 2\n  }\n  else {\n    return 3\n  }\n}\n",
        "module m\n\nfn f(x: Int) -> Int {\n  if x > 0 {\n    return 1\n  } else if x < 0 {\n    return 2\n  } else {\n    return 3\n  }\n}\n",
    ),
    (
        "multi-line literals: one item per line with trailing commas",
        "module m\nfn f() -> P {\n  return P { a: [1,\n 2], b: {\"k\": 1,\n \"j\": 2}, c: g(1,\n 2) }\n}\n",
        'module m\n\nfn f() -> P {\n  return P { a: [\n    1,\n    2,\n  ], b: {\n    "k": 1,\n    "j": 2,\n  }, c: g(\n    1,\n    2,\n  ) }\n}\n',
    ),
    (
        "short literals stay on one line without trailing commas",
        'module m\nfn f() -> P {\n  return P {a: [1, 2,], b: {"k": 1,}, c: g(1, 2,)} with {a: []}\n}\n',
        'module m\n\nfn f() -> P {\n  return P { a: [1, 2], b: {"k": 1}, c: g(1, 2) } with { a: [] }\n}\n',
    ),
    (
        "record literal broken at its own level",
        "module m\nfn f() -> P {\n  return P {\n      a: 1, b: 2 }\n}\n",
        "module m\n\nfn f() -> P {\n  return P {\n    a: 1,\n    b: 2,\n  }\n}\n",
    ),
    (
        "match arms: multi-line one per line without commas, short ones with commas",
        "module m\nfn f(c: C) -> Int {\n  let a = match c { Red => 1 Green, Blue => 2 }\n  return match c {\n    Red => 1,\n        Green, Blue =>\n 2,\n  }\n}\n",
        "module m\n\nfn f(c: C) -> Int {\n  let a = match c { Red => 1, Green, Blue => 2 }\n  return match c {\n    Red => 1\n    Green, Blue =>\n      2\n  }\n}\n",
    ),
    (
        "declarations: enum members get commas, record fields and variants none",
        "module m\nenum E { A B }\nenum F {\n  A\n  B\n}\nrecord R {\n  a: Int,\n  b: Int,\n}\nunion U {\n  V(a: Int,), W,\n}\n",
        "module m\n\nenum E { A, B }\n\nenum F {\n  A,\n  B,\n}\n\nrecord R {\n  a: Int\n  b: Int\n}\n\nunion U {\n  V(a: Int)\n  W\n}\n",
    ),
    (
        "continuation lines indent one level more",
        "module m\nfn f(a: Bool, b: Bool) -> Bool {\n  return a and\nb\n}\n",
        "module m\n\nfn f(a: Bool, b: Bool) -> Bool {\n  return a and\n    b\n}\n",
    ),
    (
        "empty bodies",
        "module m\nfn f() -> Int {\n}\nrecord R {\n}\n",
        "module m\n\nfn f() -> Int {}\n\nrecord R {}\n",
    ),
    ("CRLF, tabs and a missing final newline", "module m\r\n\tconst A: Int = 1", "module m\n\nconst A: Int = 1\n"),
]


@pytest.mark.parametrize("name, messy, expected", CASES, ids=[c[0] for c in CASES])
def test_style_table(name: str, messy: str, expected: str) -> None:
    assert fmt(messy) == expected
    assert fmt(expected) == expected


COMMENT_CASES = [
    (
        "trailing comments stay trailing, own-line comments keep their line",
        "module m // the module\n// about A\nconst A: Int = 1   // one\n\n\n// free-standing\n\nconst B: Int = 2\n",
        "module m // the module\n\n// about A\nconst A: Int = 1 // one\n\n// free-standing\n\nconst B: Int = 2\n",
    ),
    (
        "comments inside bodies and before a closing brace",
        "module m\nfn f() -> Int {\n// first\n  let a = [1, // one\n  2]\n     // last\n}\n",
        "module m\n\nfn f() -> Int {\n  // first\n  let a = [\n    1, // one\n    2,\n  ]\n  // last\n}\n",
    ),
    (
        "doc comments stay on their own line, trailing whitespace removed",
        "/// Module doc.   \nmodule m\nrecord R {\n  a: Int /// about b\n  b: Int\n}\n",
        "/// Module doc.\nmodule m\n\nrecord R {\n  a: Int\n  /// about b\n  b: Int\n}\n",
    ),
    (
        "a comment between `}` and `else` keeps `else` on its own line",
        "module m\nfn f(x: Int) -> Int {\n  if x > 0 {\n    return 1\n  } // positive\n  else {\n    return 2\n  }\n}\n",
        "module m\n\nfn f(x: Int) -> Int {\n  if x > 0 {\n    return 1\n  } // positive\n  else {\n    return 2\n  }\n}\n",
    ),
    (
        "a dropped separator comma keeps its comment",
        "module m\nenum E {\n  A, // a\n  B\n}\nrecord R {\n  a: Int, // a\n  b: Int\n}\n",
        "module m\n\nenum E {\n  A, // a\n  B,\n}\n\nrecord R {\n  a: Int // a\n  b: Int\n}\n",
    ),
    ("comment at the end of the file", "module m\nconst A: Int = 1\n\n\n// end", "module m\n\nconst A: Int = 1\n\n// end\n"),
]


@pytest.mark.parametrize("name, messy, expected", COMMENT_CASES, ids=[c[0] for c in COMMENT_CASES])
def test_comments_preserved(name: str, messy: str, expected: str) -> None:
    out = fmt(messy)
    assert out == expected
    assert comments(out) == comments(messy)
    assert fmt(out) == out


def test_syntax_errors_are_refused() -> None:
    text = "module m\nfn f( -> Int {\n   return 1 }\n"
    out, diags = format_text(text, "bad.dg")
    assert out == text
    assert [d.code for d in diags] == ["DG003"]


def test_lexical_errors_are_refused() -> None:
    text = 'module m\nconst A: String  =  "\\q"\n'
    out, diags = format_text(text)
    assert out == text and diags and diags[0].code == "DG005"


# --- the command line ------------------------------------------------------


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "domaingen", "fmt", *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "dsl" / "edge" / "collections.dg", tmp_path / "messy.dg")  # one-line fns need blank lines
    (tmp_path / "clean.dg").write_text(fmt("module clean\nconst A: Int = 1\n"), encoding="utf-8")
    return tmp_path


def test_check_reports_a_diff_and_writes_nothing(workdir: Path) -> None:
    before = (workdir / "messy.dg").read_text(encoding="utf-8")
    result = run("--check", ".", cwd=workdir)
    assert result.returncode == 1, result.stderr
    assert "would reformat messy.dg" in result.stderr and "clean.dg" not in result.stderr
    assert result.stdout.startswith("--- messy.dg\n+++ messy.dg\n@@")
    assert re.search(r"^\+$", result.stdout, re.M)  # an added blank line
    assert (workdir / "messy.dg").read_text(encoding="utf-8") == before


def test_fmt_rewrites_only_changed_files_then_check_passes(workdir: Path) -> None:
    clean = workdir / "clean.dg"
    stamp = clean.stat().st_mtime_ns
    result = run(".", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "formatted messy.dg\n"
    assert clean.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in workdir.iterdir()) == ["clean.dg", "messy.dg"]  # no temp files left
    again = run("--check", ".", cwd=workdir)
    assert again.returncode == 0 and again.stdout == "", again.stderr


def test_check_on_the_repository_sources_only_reads(tmp_path: Path) -> None:
    """`--check` over a copy of every `.dg` file (some have syntax errors): exit 1, never a crash."""
    for path in CORPUS:
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    result = run("--check", "dsl", "golden", "tests/bad", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr
    assert "error[DG003]" in result.stderr and "would reformat dsl/edge/collections.dg" in result.stderr


def test_syntax_error_file_is_left_alone(workdir: Path) -> None:
    bad = workdir / "bad.dg"
    bad.write_text("module bad\nfn f( -> Int {}\n", encoding="utf-8")
    result = run(str(bad), cwd=workdir)
    assert result.returncode == 1
    assert "bad.dg:2:7: error[DG003]" in result.stderr
    assert bad.read_text(encoding="utf-8") == "module bad\nfn f( -> Int {}\n"


def test_stdin_to_stdout(tmp_path: Path) -> None:
    result = run("--stdin", cwd=tmp_path, stdin="module  m\nconst A:Int=1")
    assert result.returncode == 0 and result.stdout == "module m\n\nconst A: Int = 1\n"
    broken = run("--stdin", cwd=tmp_path, stdin="module m\nconst A Int\n")
    assert broken.returncode == 1 and broken.stdout == "module m\nconst A Int\n"
    assert "error[DG003]" in broken.stderr
