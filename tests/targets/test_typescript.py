"""The TypeScript target end to end: strict compile, agreement with the interpreter, escaping.

Consumes: the DSL examples in `dsl/` (game, stress, edge), the reference
interpreter (`domaingen.interp`), the pinned TypeScript compiler in
`tools/node_modules` (`npm ci --prefix tools`) and `node`.
Produces: assertions. The generated package is type-checked with the
package's own strict tsconfig (`strict`, `noUnusedLocals`,
`noUnusedParameters`, `noImplicitReturns`, `exactOptionalPropertyTypes`) and
must print nothing; it is then built (cached under `.cache/ts-target/<hash>`
so an unchanged package is never rebuilt) and its replay driver must print,
for every call the DSL tests make plus hand-picked calls, exactly the line
the interpreter predicts. Decode errors must carry the interpreter's path
messages, and string literals / doc comments must survive every hostile input.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from domaingen.backends.base import TargetOptions
from domaingen.backends.typescript.backend import TypeScriptBackend
from domaingen.backends.typescript.escape import doc_comment, string_literal
from domaingen.frontend import load, load_texts
from domaingen.interp.jsoncodec import DecodeError, decode, encode
from domaingen.interp.jsontext import json_string
from domaingen.interp.runner import CallRecord, run_call, run_tests
from domaingen.ir import nodes as ir

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the typescript_hazards helper
from typescript_hazards import HAZARD_BAD_ARGS, HAZARD_CALLS, HAZARDS  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
TSC = REPO / "tools" / "node_modules" / ".bin" / "tsc"
INSTALL = "npm ci --prefix tools"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node not found: install Node.js 20+ (https://nodejs.org)"),
    pytest.mark.skipif(not TSC.exists(), reason=f"TypeScript compiler missing: run `{INSTALL}`"),
]


def _run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout)


# --- fixtures --------------------------------------------------------------------


@pytest.fixture(scope="module")
def program() -> ir.Program:
    front = load([str(REPO / "dsl")])
    assert not front.errors, [str(d) for d in front.errors]
    assert front.program is not None
    return front.program


@pytest.fixture(scope="module")
def files(program: ir.Program) -> dict[str, str]:
    sources = {m.name: Path(os.path.relpath(m.path, REPO)).as_posix() for m in program.modules}
    generation = TypeScriptBackend().generate(program, TargetOptions(package="domain", sources=sources))
    assert not [d for d in generation.diagnostics if d.severity == "error"]
    return generation.files


@pytest.fixture(scope="module")
def package(files: dict[str, str]) -> Path:
    """The generated package, written and built once per distinct content."""
    digest = hashlib.sha256()
    for path, text in sorted(files.items()):
        digest.update(path.encode() + b"\0" + text.encode() + b"\0")
    digest.update(TSC.resolve().as_posix().encode())
    folder = REPO / ".cache" / "ts-target" / digest.hexdigest()[:16]
    for stale in folder.parent.glob("*") if folder.parent.exists() else []:
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)
    if not (folder / "dist" / ".built").exists():
        shutil.rmtree(folder, ignore_errors=True)
        for path, text in files.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
        check = _run([str(TSC), "-p", ".", "--noEmit", "--pretty", "false"], folder)
        (folder / "check.txt").write_text(f"{check.returncode}\n{check.stdout}{check.stderr}", encoding="utf-8")
        if check.returncode == 0:
            build = _run([str(TSC), "-p", ".", "--pretty", "false"], folder)
            assert build.returncode == 0, build.stdout + build.stderr
            (folder / "dist" / ".built").write_text("ok\n", encoding="utf-8")
    return folder


# --- 1. strict check -------------------------------------------------------------


def test_generated_package_layout(files: dict[str, str]) -> None:
    for path in (
        "package.json",
        "tsconfig.json",
        "src/calls.ts",
        "src/replay.ts",
        "src/dgrt/index.ts",
        "src/dgrt/dgmath.ts",
    ):
        assert path in files, path
    assert "src/game/progression.ts" in files and "src/stress/names.ts" in files
    package_json = json.loads(files["package.json"])
    assert package_json["type"] == "module" and package_json["scripts"]["build"] == "tsc -p ."
    for path, text in files.items():
        if path.endswith(".ts"):
            assert text.startswith("// Code generated by domaingen. DO NOT EDIT.\n// source: "), path
    assert files["src/game/progression.ts"].splitlines()[1] == "// source: dsl/game/progression.dg"


def test_output_is_deterministic(program: ir.Program, files: dict[str, str]) -> None:
    sources = {m.name: Path(os.path.relpath(m.path, REPO)).as_posix() for m in program.modules}
    again = TypeScriptBackend().generate(program, TargetOptions(package="domain", sources=sources)).files
    assert again == files


def test_strict_typecheck_has_no_diagnostics(package: Path) -> None:
    code, _, output = (package / "check.txt").read_text(encoding="utf-8").partition("\n")
    assert output == "", output
    assert code == "0"
    assert (package / "dist" / "game" / "progression.d.ts").exists()
    assert (package / "dist" / "dgrt" / "index.d.ts").exists()
    tsconfig = (package / "tsconfig.json").read_text(encoding="utf-8")
    for flag in ("strict", "noUnusedLocals", "noUnusedParameters", "noImplicitReturns", "exactOptionalPropertyTypes"):
        assert f'"{flag}": true' in tsconfig, flag


# --- 2. agreement with the reference interpreter ---------------------------------


def _outcome_of_record(rec: CallRecord, program: ir.Program) -> str:
    if rec.error is None:
        return "ok " + encode(rec.result, rec.ret, program)
    if rec.error.kind == "DomainError":
        return "err DomainError " + json_string(rec.error.message)
    return "err " + rec.error.kind


def _outcome_of_call(program: ir.Program, name: str, args: list[str]) -> str:
    ok, output = run_call(program, name, args)
    if ok:
        return "ok " + output
    kind, _, message = output.removeprefix("error: ").partition(": ")
    return f"err DomainError {json_string(message)}" if kind == "DomainError" else f"err {kind}"


HOSTILE = [
    "",
    '"double" \\ back',
    '${injected} `tick` */ /* """',
    "line\u2028para\u2029next\u0085end",
    "nul\x00bell\x07esc\x1bdel\x7f",
    "😀 𝄞 \U0010ffff",
    "\u202eevil\u202c \ufeffbom",
    "～ vs 😀",
]

INTS = ["0", "1", "-1", "53", "9007199254740991", "-9007199254740991"]


def _hand_picked(program: ir.Program) -> list[tuple[str, list[str]]]:
    """Calls the DSL tests do not make: hostile strings and Int range edges."""
    calls: list[tuple[str, list[str]]] = [("stress.names.echo", [json_string(s)]) for s in HOSTILE]
    calls += [("stress.names.strings", [])]
    calls += [("stress.names.def", [i, i, "1", json_string(s), "[1,2]", "-1"]) for i in INTS for s in HOSTILE[:3]]
    calls += [("stress.names.match_type", [json_string(m)]) for m in ("Class", "Self_", "None", "True")]
    calls += [("stress.names.unwrap_option", ['{"kind":"Ok","result":' + json_string(s) + "}"]) for s in HOSTILE]
    functions = {(m.name, d.name): d for m in program.modules for d in m.decls if isinstance(d, ir.Function)}
    for (module, name), fn in sorted(functions.items()):
        kinds = [p.type for p in fn.params]
        if kinds and all(isinstance(t, ir.IntType) for t in kinds):
            calls += [(f"{module}.{name}", [i] * len(kinds)) for i in INTS]
        elif kinds and all(isinstance(t, ir.StringType) for t in kinds):
            calls += [(f"{module}.{name}", [json_string(s)] * len(kinds)) for s in HOSTILE]
    return calls


def test_replay_agrees_with_interpreter(program: ir.Program, package: Path, tmp_path: Path) -> None:
    assert (package / "dist" / ".built").exists(), (package / "check.txt").read_text(encoding="utf-8")
    per_module: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def record(rec: CallRecord) -> None:
        args = [encode(v, p.type, program) for v, p in zip(rec.args, rec.params)]
        per_module[rec.module].append(
            {"function": rec.function, "args": args, "expect": _outcome_of_record(rec, program)}
        )

    results = run_tests(program, recorder=record)
    assert results and per_module
    for name, args in _hand_picked(program):
        module, _, function = name.rpartition(".")
        per_module[module].append({"function": function, "args": args, "expect": _outcome_of_call(program, name, args)})

    paths: list[str] = []
    expected: list[str] = []
    for module in sorted(per_module):
        vectors = per_module[module]
        path = tmp_path / f"{module}.json"
        path.write_text(json.dumps({"version": 1, "module": module, "vectors": vectors}), encoding="utf-8")
        paths.append(str(path))
        expected += [f"{module}.{v['function']}#{i} {v['expect']}" for i, v in enumerate(vectors)]

    replay = _run([str(NODE), "dist/replay.js", *paths], package)
    lines = replay.stdout.split("\n")
    assert lines[-1] == ""
    got, summary = lines[:-2], lines[-2]
    mismatches = [(e, g) for e, g in zip(expected, got) if e != g]
    assert not mismatches, mismatches[:5]
    assert len(got) == len(expected)
    assert summary == f"{len(expected)} passed, 0 failed"
    assert replay.returncode == 0
    assert len(expected) > 500


BAD_ARGS = [
    ("stress.names.def", ["1.0", "0", "0", '""', "[]", "0"]),
    ("stress.names.def", ["1e2", "0", "0", '""', "[]", "0"]),
    ("stress.names.def", ["9007199254740992", "0", "0", '""', "[]", "0"]),
    ("stress.names.def", ["-0", "0", "0", "1", "[]", "0"]),
    ("stress.names.def", ["0", "0", "0", '"a"', '[1,"x"]', "0"]),
    ("stress.names.def", ["01", "0", "0", '""', "[]", "0"]),
    ("stress.names.echo", ['"\\ud800"']),
    ("stress.names.echo", ['"\\udc00x"']),
    ("stress.names.def", ["0", "0", "0", '""', "[1,]", "0"]),
    ("stress.names.echo", ['"a" x']),
    ("stress.names.echo", ["NaN"]),
    ("stress.names.echo", ['"tab\there"']),
    ("stress.names.match_type", ['"Nope"']),
    ("stress.names.match_type", ["null"]),
    ("stress.names.unwrap_option", ['{"value":1}']),
    ("stress.names.unwrap_option", ['{"kind":1}']),
    ("stress.names.unwrap_option", ['{"kind":"Maybe"}']),
    ("stress.names.unwrap_option", ['{"kind":"Some"}']),
    ("stress.names.unwrap_option", ['{"kind":"Some","value":1,"value":2}']),
    ("stress.names.unwrap_option", ['{"kind":"Some","value":1,"extra":2}']),
    ("stress.names.unwrap_option", ['{"kind":"None","kind":"None"}']),
    ("stress.names.unwrap_option", ['{"kind":"Some","value":"7"}']),
    ("stress.names.impl", ['{"type":1}']),
    ("stress.names.impl", ["[]"]),
]


def _decode_mismatches(program: ir.Program, dist: Path, cases: list[tuple[str, list[str]]], tmp: Path) -> list[Any]:
    """Cases whose TypeScript error differs from the interpreter's DecodeError (kind and path message)."""
    functions = {f"{m.name}.{d.name}": d for m in program.modules for d in m.decls if isinstance(d, ir.Function)}
    expected = []
    for name, args in cases:
        message = None
        for param, text in zip(functions[name].params, args):
            try:
                decode(text, param.type, program, param.name)
            except DecodeError as err:
                message = str(err)
                break
        assert message is not None, (name, args)
        expected.append(["InvalidConversion", message])
    script = tmp / "decode_errors.mjs"
    script.write_text(
        f'import {{ call }} from "{(dist / "calls.js").as_uri()}";\n'
        f"const cases = {json.dumps(cases)};\n"
        "const out = cases.map(([name, args]) => {\n"
        "  try { return ['ok', call(name, args)]; } catch (err) { return [err.kind, err.message]; }\n"
        "});\n"
        "process.stdout.write(JSON.stringify(out));\n",
        encoding="utf-8",
    )
    result = _run([str(NODE), str(script)], tmp)
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    # The syntax detail after "invalid JSON:" is not part of the contract.
    return [
        (case, want, have)
        for case, want, have in zip(cases, expected, got)
        if [want[0], want[1].split(": invalid JSON: ")[0]] != [have[0], have[1].split(": invalid JSON: ")[0]]
    ]


def test_decode_errors_match_interpreter(program: ir.Program, package: Path, tmp_path: Path) -> None:
    """Bad arguments: InvalidConversion with the interpreter's exact path message."""
    assert _decode_mismatches(program, package / "dist", BAD_ARGS, tmp_path) == []


# --- 3. escaping -------------------------------------------------------------------

NASTY = [
    ("plain", '"plain"'),
    ('say "hi"', '"say \\"hi\\""'),
    ("back\\slash", '"back\\\\slash"'),
    ("${x}", '"${x}"'),
    ("*/ end", '"*/ end"'),
    ('"""', '"\\"\\"\\""'),
    ("a\nb\r\nc", '"a\\nb\\r\\nc"'),
    ("\u2028\u2029", '"\\u2028\\u2029"'),
    ("nul\x00", '"nul\\u0000"'),
    ("😀", '"\\u{1F600}"'),
    ("\U0010ffff", '"\\u{10FFFF}"'),
    ("é\u0085\ufeff", '"\\u00E9\\u0085\\uFEFF"'),
    ("\u202e", '"\\u202E"'),
    ("</script>", '"</script>"'),
]


@pytest.mark.parametrize(("value", "literal"), NASTY, ids=[repr(v) for v, _ in NASTY])
def test_string_literal_table(value: str, literal: str) -> None:
    assert string_literal(value) == literal
    assert literal.isascii() and literal.isprintable()


def test_literals_and_doc_comments_round_trip_in_node(tmp_path: Path) -> None:
    values = [v for v, _ in NASTY] + HOSTILE + ["*/", "/*/", "a */ b", "end *", "\\", "@param x", "\r", ""]
    lines = []
    for i, value in enumerate(values):
        lines.append(doc_comment(value))
        lines.append(f"export const v{i} = {string_literal(value)};")
        lines.append(doc_comment(value, "  ").strip())
    lines.append(f"process.stdout.write(JSON.stringify([{', '.join(f'v{i}' for i in range(len(values)))}]));")
    script = tmp_path / "lit.mjs"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run([str(NODE), str(script)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == values
    for value in values:
        doc = doc_comment(value)
        assert doc.startswith("/**") and doc.endswith("*/") and doc.count("*/") == 1, doc


def test_stress_strings_round_trip(program: ir.Program, package: Path, tmp_path: Path) -> None:
    """The stress module's hostile constants survive TS encode -> interpreter decode, and echo."""
    module = next(m for m in program.modules if m.name == "stress.names")
    consts = [d for d in module.decls if isinstance(d, ir.Const) and isinstance(d.type, ir.StringType)]
    script = tmp_path / "rt.mjs"
    calls_url = (package / "dist" / "calls.js").as_uri()
    script.write_text(
        f'import {{ call }} from "{calls_url}";\n'
        'const all = call("stress.names.strings", []);\n'
        'const echoed = JSON.parse(all).map((s) => call("stress.names.echo", [JSON.stringify(s)]));\n'
        "process.stdout.write(JSON.stringify([all, echoed]));\n",
        encoding="utf-8",
    )
    result = _run([str(NODE), str(script)], tmp_path)
    assert result.returncode == 0, result.stderr
    text, echoed = json.loads(result.stdout)
    values = decode(text, ir.ListType(elem=ir.StringType()), program, "result")
    assert isinstance(values, tuple)
    literal_values = {c.value.value for c in consts if isinstance(c.value, ir.StringLit)}
    assert set(values) == literal_values
    assert [decode(e, ir.StringType(), program, "result") for e in echoed] == list(values)
    assert text == encode(values, ir.ListType(elem=ir.StringType()), program)


# --- 4. TypeScript hazards (a snippet module) ----------------------------------------


def test_typescript_hazards_agree(tmp_path: Path) -> None:
    front = load_texts({"ts/hazards.dg": HAZARDS})
    assert not front.errors, [str(d) for d in front.errors]
    program = front.program
    assert program is not None
    files = TypeScriptBackend().generate(program, TargetOptions(package="hazards")).files
    for path, text in files.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    build = _run([str(TSC), "-p", ".", "--pretty", "false"], tmp_path)
    assert build.returncode == 0 and build.stdout == "", build.stdout + build.stderr
    vectors = [
        {"function": name, "args": args, "expect": _outcome_of_call(program, f"ts.hazards.{name}", args)}
        for name, args in HAZARD_CALLS
    ]
    vector_file = tmp_path / "hazards.json"
    vector_file.write_text(json.dumps({"version": 1, "module": "ts.hazards", "vectors": vectors}), encoding="utf-8")
    replay = _run([str(NODE), "dist/replay.js", str(vector_file)], tmp_path)
    expected = [f"ts.hazards.{v['function']}#{i} {v['expect']}" for i, v in enumerate(vectors)]
    assert replay.stdout.split("\n")[:-2] == expected
    assert replay.stdout.split("\n")[-2] == f"{len(vectors)} passed, 0 failed"
    assert _decode_mismatches(program, tmp_path / "dist", HAZARD_BAD_ARGS, tmp_path) == []


def test_typescript_only_name_clashes_are_diagnosed() -> None:
    front = load_texts(
        {
            "calls.dg": "module calls\n\nfn f() -> Int { return 1 }\n",
            "clash.dg": "module clash\n\nrecord RewardGold { a: Int }\n\nunion Reward {\n  Gold(amount: Int)\n  Nothing\n}\n",
        }
    )
    assert not front.errors, [str(d) for d in front.errors]
    assert front.program is not None
    generation = TypeScriptBackend().generate(front.program, TargetOptions(package="p"))
    assert generation.files == {}
    messages = sorted(d.message for d in generation.diagnostics)
    assert [d.code for d in generation.diagnostics] == ["DG110", "DG110"]
    assert any("module `calls`" in m for m in messages)
    assert any("identifier `RewardGold`" in m for m in messages)


def test_reserved_words_are_escaped() -> None:
    from domaingen.backends.typescript.naming import field_name, function_name, local_name, type_name

    assert [local_name(n) for n in ("class", "default", "dgrt", "kind", "self", "new")] == [
        "class_",
        "default_",
        "dgrt_",
        "kind_",
        "self",
        "new_",
    ]
    assert [field_name(n) for n in ("class", "kind", "levels_gained")] == ["class", "kind_", "levelsGained"]
    assert [type_name(n) for n in ("Map", "ReadonlyMap", "Error", "Profile")] == [
        "Map_",
        "ReadonlyMap_",
        "Error_",
        "Profile",
    ]
    assert function_name("add_exp") == "addExp"
