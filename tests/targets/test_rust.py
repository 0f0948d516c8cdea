"""The Rust target end to end: generate, clippy, build, replay, escape.

Consumes: the bundled DSL (`dsl/`: game, stress, edge) plus a small module of
Rust-specific hazards (`NAMES_DG` below), the reference interpreter
(`domaingen.interp`) and the Rust backend.
Produces: assertions that

1. the generated crate passes `cargo clippy --all-targets -- -D warnings`
   and `cargo build --release` with zero warnings;
2. it agrees with the interpreter on every call the DSL tests make, plus
   hand-picked calls (overflow, bad JSON, decode paths, hostile strings): the
   interpreter's outcomes are written as vector files (docs/vectors.md) and
   the generated replay driver must print exactly the same lines;
3. `string_literal`/`doc_comment` survive every nasty input (a table), the
   same inputs compile as literals and doc comments, and the stress module's
   strings round-trip through the generated JSON encoder and decoder.

The crate is generated into a stable folder and only changed files are
rewritten, and every build uses one target dir
(`~/.cache/domaingen/cargo-target`), so a warm run takes seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from domaingen.backends.base import TargetOptions
from domaingen.backends.rust.backend import RustBackend
from domaingen.backends.rust.literals import doc_comment, string_literal
from domaingen.frontend import load_texts
from domaingen.interp.jsoncodec import encode
from domaingen.interp.jsontext import json_string
from domaingen.interp.runner import CallRecord, run_call, run_tests
from domaingen.ir import nodes as ir

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for the rust_hazards helper
from rust_hazards import TEXTS  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "domaingen"
CRATE_DIR = CACHE / "rust-target-test" / "crate"
TARGET_DIR = CACHE / "cargo-target"
PACKAGE = "dg_rust_target"

NASTY = [
    "",
    "plain",
    '"',
    '"""',
    "'''",
    "\\",
    "ends with \\",
    "\\\\server\\",
    "${x} {{ y }} {% z %} %s {0} #{r}",
    "*/ /* // # -- <!-- -->",
    "a\nb\r\nc\td\n",
    "\r",
    "line\u2028para\u2029next\x85end",
    "nul\x00bell\x07esc\x1bunit\x1fdel\x7f",
    "\x00" + "1",
    "😀 𝄞 \U0010ffff",
    "\u202eevil\u202c \u2066iso\u2069 \ufeffbom \u200bzw",
    "```\nfn main() { panic!() }\n```",
    "/// not a doc /** */ //! inner",
    'r#"raw"#',
]


def _cargo() -> str:
    exe = shutil.which("cargo")
    if exe is None or shutil.which("cargo-clippy") is None:
        pytest.skip("cargo and clippy are required: install Rust with `rustup component add clippy rustfmt`")
    return exe


def _texts() -> dict[str, str]:
    texts = {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "dsl").rglob("*.dg"))
    }
    texts.update(TEXTS)
    texts.update(_random_modules())
    return texts


def _random_modules() -> dict[str, str]:
    """Random well-typed expressions (the shared generator in go_exprgen.py):
    every fallible operation mixed with every lazy form."""
    try:
        from go_exprgen import random_module
    except ImportError:  # pragma: no cover - the generator is optional
        return {}
    out = {}
    for seed in (1, 8, 21):
        text = random_module(seed, 40).replace("module go.random", f"module rustrandom.seed{seed}")
        out[f"tests/targets/rustrandom/seed{seed}.dg"] = text
    return out


@pytest.fixture(scope="module")
def program() -> ir.Program:
    front = load_texts(_texts())
    assert not front.errors, [d.message for d in front.errors]
    assert front.program is not None
    return front.program


@pytest.fixture(scope="module")
def crate(program: ir.Program) -> Path:
    sources = {m.name: m.path for m in program.modules}
    generation = RustBackend().generate(program, TargetOptions(package=PACKAGE, sources=sources))
    assert not [d for d in generation.diagnostics if d.severity == "error"]
    CRATE_DIR.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for rel, content in generation.files.items():
        path = CRATE_DIR / rel
        wanted.add(path)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    for path in CRATE_DIR.rglob("*"):
        if path.is_file() and path not in wanted and "target" not in path.parts and path.name != "Cargo.lock":
            path.unlink()
    return CRATE_DIR


def _run_cargo(crate: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET_DIR), CARGO_TERM_COLOR="never")
    return subprocess.run([_cargo(), *args], cwd=crate, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def replay_bin(crate: Path) -> Path:
    build = _run_cargo(crate, "build", "--release", "--message-format=short")
    assert build.returncode == 0, build.stderr
    assert "warning" not in build.stderr, build.stderr
    return TARGET_DIR / "release" / "replay"


# --- 1. strict check -----------------------------------------------------------------


def test_clippy_and_build_have_zero_warnings(crate: Path, replay_bin: Path) -> None:
    clippy = _run_cargo(crate, "clippy", "--all-targets", "--message-format=short", "--", "-D", "warnings")
    assert clippy.returncode == 0, clippy.stderr
    problems = [line for line in clippy.stderr.splitlines() if "warning" in line or "error" in line]
    assert problems == []
    assert replay_bin.exists()


def test_output_is_deterministic(program: ir.Program, crate: Path) -> None:
    sources = {m.name: m.path for m in program.modules}
    again = RustBackend().generate(program, TargetOptions(package=PACKAGE, sources=sources)).files
    for rel, content in again.items():
        assert (crate / rel).read_text(encoding="utf-8") == content, rel
        assert "Code generated by domaingen. DO NOT EDIT." in content.splitlines()[0], rel
    assert "source: dsl/game/progression.dg" in again["src/game/progression.rs"]


# --- 2. agreement with the interpreter ---------------------------------------------


def _outcome(ok: bool, output: str) -> str:
    if ok:
        return f"ok {output}"
    if output.startswith("invalid input: "):
        return "err InvalidConversion"  # docs/targets.md: a bad argument is a decode error
    kind, _, message = output.removeprefix("error: ").partition(": ")
    return f"err DomainError {json_string(message)}" if kind == "DomainError" else f"err {kind}"


def _hand_picked(program: ir.Program) -> list[tuple[str, str, list[str]]]:
    """(module, function, args): overflow, decode errors, hostile strings."""
    profile = '{"id":"p1","name":"A","level":1,"exp":0,"tags":[],"stats":{"hp":3},"guild":null}'
    calls = [
        ("game.progression", "required_exp", ["9007199254740991"]),
        ("game.progression", "required_exp", ["1.0"]),
        ("game.progression", "required_exp", ["1e2"]),
        ("game.progression", "required_exp", ["9007199254740992"]),
        ("game.progression", "required_exp", ["-0"]),
        ("game.progression", "required_exp", ["01"]),
        ("game.progression", "required_exp", [" 7 "]),
        ("game.progression", "required_exp", ["NaN"]),
        ("game.progression", "required_exp", []),
        ("game.progression", "stat", [profile, '"hp"']),
        ("game.progression", "stat", [profile, '"mp"']),
        ("game.progression", "stat", [profile.replace('"hp":3', '"hp":"3"'), '"hp"']),
        ("game.progression", "stat", [profile.replace('"guild":null', '"guild":null,"guild":null'), '"hp"']),
        ("game.progression", "stat", [profile.replace(',"guild":null', ""), '"hp"']),
        ("game.progression", "stat", [profile.replace('"id"', '"idx"'), '"hp"']),
        ("game.progression", "new_profile", ['"\\ud800"', '"x"']),
        ("game.progression", "new_profile", ['"\\ud83d\\ude00"', '"x"']),
        ("game.progression", "new_profile", ['"a\tb"', '"x"']),
        ("game.progression", "curve", ["3"]),
        ("game.progression", "add_exp", [profile.replace('"exp":0', '"exp":9007199254740000'), "991"]),
        ("game.progression", "add_exp", [profile.replace('"exp":0', '"exp":9007199254740000'), "992"]),
        ("stress.names", "unwrap_option", ['{"kind":"Some","value":7}']),
        ("stress.names", "unwrap_option", ['{"value":7,"kind":"Some"}']),
        ("stress.names", "unwrap_option", ['{"kind":"None","value":7}']),
        ("stress.names", "unwrap_option", ['{"kind":"Nope"}']),
        ("stress.names", "unwrap_option", ['{"kind":3}']),
        ("stress.names", "unwrap_option", ["{}"]),
        ("lib.x", "f", ['{"kind":"B"}']),
        ("lib.x", "f", ['{"kind":"A"}']),
        ("lib.x", "f", ['{"kind":"A","tag":2}']),
        ("lib.x", "f", ['{"kind":"A","kind":1}']),
        ("lib.x", "g", ['{"members":1,"path":"p","out":2,"key":3,"item":4,"value":5,"tag":6}']),
        ("lib.x", "g", ['{"members":1,"path":"p","out":2,"key":3,"item":4,"value":5}']),
        ("lib.x", "g", ['{"members":1,"path":"p","out":2,"key":3,"item":4,"value":5,"tag":6,"x":1}']),
        ("stress.names", "match_type", ['"Self_"']),
        ("stress.names", "match_type", ['"Self"']),
    ]
    calls += [("stress.names", "echo", [json_string(s)]) for s in NASTY]
    calls += [("stress.names", "echo", [json.dumps(s)]) for s in NASTY]  # \u escapes, upper-case hex
    return calls


@pytest.fixture(scope="module")
def vector_files(program: ir.Program, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, list[str]]]:
    records: list[CallRecord] = []
    results = run_tests(program, recorder=records.append)
    assert all(r.passed for r in results), [r for r in results if not r.passed]
    by_module: dict[str, list[dict[str, object]]] = {}
    for rec in records:
        args = [encode(a, p.type, program) for a, p in zip(rec.args, rec.params)]
        if rec.error is None:
            expect = f"ok {encode(rec.result, rec.ret, program)}"
        else:
            expect = _outcome(False, f"error: {rec.error.kind}: {rec.error.message}")
        by_module.setdefault(rec.module, []).append({"function": rec.function, "args": args, "expect": expect})
    for module, function, args in _hand_picked(program):
        expect = _outcome(*run_call(program, f"{module}.{function}", args))
        by_module.setdefault(module, []).append({"function": function, "args": args, "expect": expect})
    folder = tmp_path_factory.mktemp("rust-vectors")
    out = []
    for module, vectors in sorted(by_module.items()):
        path = folder / f"{module}.json"
        path.write_text(
            json.dumps({"version": 1, "module": module, "vectors": vectors}, ensure_ascii=False), encoding="utf-8"
        )
        lines = [f"{module}.{v['function']}#{i} {v['expect']}" for i, v in enumerate(vectors)]
        out.append((path, lines))
    return out


def _replay_lines(replay_bin: Path, paths: list[Path]) -> list[str]:
    proc = subprocess.run([str(replay_bin), *map(str, paths)], capture_output=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.stdout.decode("utf-8").split("\n")[:-1]


def test_replay_agrees_with_interpreter(replay_bin: Path, vector_files: list[tuple[Path, list[str]]]) -> None:
    got = _replay_lines(replay_bin, [p for p, _ in vector_files])
    want = [line for _, lines in vector_files for line in lines]
    assert len(want) > 300
    assert got[:-1] == want
    assert got[-1] == f"{len(want)} passed, 0 failed"


def test_replay_agrees_on_generated_inputs(program: ir.Program, replay_bin: Path, tmp_path: Path) -> None:
    """Boundary and random arguments per function (`domaingen.vectors.build`)."""
    from domaingen.vectors.build import build_vectors

    paths, want = [], []
    for vf in build_vectors(program, per_function=20):
        path = tmp_path / f"{vf.module}.json"
        path.write_text(vf.text(), encoding="utf-8")
        paths.append(path)
        want += [f"{vf.module}.{v.function}#{i} {v.expect}" for i, v in enumerate(vf.vectors)]
    got = _replay_lines(replay_bin, paths)
    assert len(want) > 1000
    assert got[:-1] == want
    assert got[-1] == f"{len(want)} passed, 0 failed"


def test_replay_reports_failures(replay_bin: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    vectors = [
        {"function": "curve", "args": ["3"], "expect": "ok 1"},
        {"function": "required_exp", "args": ["5"], "expect": "ok 800"},
    ]
    path.write_text(json.dumps({"version": 1, "module": "game.progression", "vectors": vectors}), encoding="utf-8")
    proc = subprocess.run([str(replay_bin), str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "game.progression.curve#0 ok 282.84271247461896",
        "game.progression.required_exp#1 ok 800",
        "1 passed, 1 failed",
    ]


def test_decode_errors_name_the_same_path(program: ir.Program, replay_bin: Path) -> None:
    """Beyond the kind: a bad argument's message is the interpreter's, byte for byte."""
    compared = 0
    for module, function, args in _hand_picked(program):
        ok, output = run_call(program, f"{module}.{function}", args)
        if ok or not output.startswith("invalid input: "):
            continue
        proc = subprocess.run(
            [str(replay_bin), "--call", f"{module}.{function}", *args], capture_output=True, timeout=60
        )
        got = proc.stdout.decode("utf-8").rstrip("\n")
        assert got == "error: InvalidConversion: " + output.removeprefix("invalid input: "), (function, args)
        compared += 1
    assert compared >= 15


# The runtime's codec fast paths: strings borrowed from the input unless they
# have escapes (an escape after plain or non-ASCII text switches paths mid-
# string), keys and Ints written without intermediate strings, error paths
# formatted only on error (nested index, map key needing escapes, union kind).
_CODEC_PATHS = [
    ("edge.collections", "with_key", ['{"-5":"a\\u0001b","9007199254740991":"\\"x\\\\"}', "-9007199254740991", '"é\\n\\u00e9\\ud83d\\ude00 tail\\u001f"']),
    ("edge.collections", "with_key", ['{"0":"","10":"\\/"}', "-1", '"\u00ff\u2028\\b\\f\\r\\t"']),
    ("edge.collections", "key_list", ['{"-0":"a"}']),
    ("edge.collections", "key_list", ['{"a\\u0000":"a"}']),
    ("edge.collections", "lookup", ['{"a\\"b":1,"plain":2}', '"a\\"b"']),
    ("edge.collections", "lookup", ['{"x\\ty":"s"}', '"x"']),
    ("edge.collections", "lookup", ['{"é\\u0001":[1]}', '"x"']),
    ("edge.collections", "lookup", ['{"a":1,"\\u0061":2}', '"a"']),
    ("edge.collections", "color_keys", ['{"Red":1,"Blue":2,"Green":-3}']),
    ("edge.collections", "color_keys", ['{"Pink":1}']),
    ("edge.collections", "sorted_colors", ['["Blue","Red","Gre\\u0065n"]']),
    ("edge.collections", "at", ['[1,2,"x"]', "0"]),
    ("edge.collections", "at", ['[1,2', "0"]),
    ("stress.names", "echo", ['"abc']),
    ("stress.names", "echo", ['"a\\n']),
    ("stress.names", "echo", ['"é\x01"']),
    ("stress.names", "echo", ['"\\q"']),
    ("stress.names", "unwrap_option", ['{"kind":"Some","value":[1]}']),
    ("stress.names", "unwrap_option", ['{"kind":"N\\u006fne"}']),
]


def test_codec_fast_paths_agree_with_interpreter(program: ir.Program, replay_bin: Path) -> None:
    """Outputs and error messages of the codec's fast paths are the interpreter's, byte for byte."""
    errors = 0
    for module, function, args in _CODEC_PATHS:
        ok, output = run_call(program, f"{module}.{function}", args)
        proc = subprocess.run(
            [str(replay_bin), "--call", f"{module}.{function}", *args], capture_output=True, timeout=60
        )
        got = proc.stdout.decode("utf-8").rstrip("\n")
        if ok:
            assert got == f"ok {output}", (function, args)
        else:
            assert output.startswith("invalid input: "), (function, args, output)
            assert got == "error: InvalidConversion: " + output.removeprefix("invalid input: "), (function, args)
            errors += 1
    assert 0 < errors < len(_CODEC_PATHS)


def test_hazard_module_has_no_doctests(crate: Path) -> None:
    text = (crate / "src/rusthazards/names.rs").read_text(encoding="utf-8")
    assert "\n//! \\```" in text and "\n//! ```" not in text
    assert "\u202e" not in text and "\u2028" not in text


# --- 3. escaping -------------------------------------------------------------------

LITERALS = [
    ("", '""'),
    ('"', '"\\""'),
    ("\\", '"\\\\"'),
    ("${x} {{ y }}", '"${x} {{ y }}"'),
    ("*/ /*", '"*/ /*"'),
    ("a\nb\r\nc\td", '"a\\nb\\r\\nc\\td"'),
    ("nul\x00" + "1", '"nul\\01"'),
    ("bell\x07\x1b\x7f\x85", '"bell\\u{7}\\u{1b}\\u{7f}\\u{85}"'),
    ("line\u2028para\u2029", '"line\\u{2028}para\\u{2029}"'),
    ("\u202eevil\u202c\u2066\u2069\ufeff\u200b", '"\\u{202e}evil\\u{202c}\\u{2066}\\u{2069}\\u{feff}\\u{200b}"'),
    ("😀 𝄞 \U0010ffff", '"😀 𝄞 \\u{10ffff}"'),
    ("é ß 中", '"é ß 中"'),
]


@pytest.mark.parametrize(("value", "expected"), LITERALS)
def test_string_literal_table(value: str, expected: str) -> None:
    assert string_literal(value) == expected


def _unescape_rust(literal: str) -> str:
    """Read back a literal from `string_literal` (its escapes only)."""
    body, out, i = literal[1:-1], [], 0
    simple = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"'}
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
        elif body[i + 1] == "u":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3 : end], 16)))
            i = end + 1
        else:
            out.append(simple[body[i + 1]])
            i += 2
    return "".join(out)


@pytest.mark.parametrize("value", NASTY)
def test_string_literal_round_trips(value: str) -> None:
    literal = string_literal(value)
    assert _unescape_rust(literal) == value
    assert "\n" not in literal and "\r" not in literal
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in literal)


@pytest.mark.parametrize("value", NASTY)
def test_doc_comment_cannot_break_out(value: str) -> None:
    doc = doc_comment(value, "    ")
    for line in doc.splitlines():
        assert line == "    ///" or line.startswith("    /// "), line
        assert not line.lstrip("/ ").startswith("```")
    assert "\r" not in doc and "\x00" not in doc and "\u2028" not in doc and "\u202e" not in doc
    assert doc == "" or doc.endswith("\n")


def test_nasty_strings_round_trip_through_generated_json(replay_bin: Path, tmp_path: Path) -> None:
    vectors = [{"function": "echo", "args": [json_string(s)], "expect": f"ok {json_string(s)}"} for s in NASTY]
    vectors.append({"function": "strings", "args": [], "expect": "ok " + _stress_strings_json()})
    path = tmp_path / "echo.json"
    path.write_text(json.dumps({"version": 1, "module": "stress.names", "vectors": vectors}), encoding="utf-8")
    got = _replay_lines(replay_bin, [path])
    assert got[-1] == f"{len(vectors)} passed, 0 failed", got


def _stress_strings_json() -> str:
    from domaingen.frontend import load

    front = load([str(ROOT / "dsl" / "stress")])
    assert front.program is not None
    ok, output = run_call(front.program, "stress.names.strings", [])
    assert ok
    return output


def _iter_rs(crate: Path) -> Iterator[Path]:
    yield from sorted((crate / "src").rglob("*.rs"))


def test_every_file_has_the_header(crate: Path) -> None:
    for path in _iter_rs(crate):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "// Code generated by domaingen. DO NOT EDIT.", path
