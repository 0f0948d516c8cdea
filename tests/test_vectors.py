"""Vector files: documented format, deterministic, and faithful to the interpreter."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from domaingen.frontend import load_texts
from domaingen.vectors.build import build_vectors
from domaingen.vectors.outcome import err, json_string, ok

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schema" / "vectors.schema.json").read_text(encoding="utf-8"))

SOURCE = """module v.sample
record P {
  name: String
  n: Int
}
fn grow(p: P, by: Int) -> P {
  require by >= 0, "by must be non-negative"
  return p with { n: p.n + by }
}
fn half(x: Int) -> Int { return x / 2 }
test "grow" {
  expect grow(P { name: "a", n: 1 }, 2).n == 3
  expect_error grow(P { name: "a", n: 1 }, -1), "by must be non-negative"
}
"""


def test_committed_vectors_match_the_schema() -> None:
    files = sorted((ROOT / "generated" / "vectors").glob("*.json"))
    assert files
    for path in files:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA)


def test_vectors_start_with_test_calls_then_boundaries() -> None:
    front = load_texts({"v.dg": SOURCE})
    assert front.program is not None
    (vf,) = build_vectors(front.program, per_function=20, seed=7)
    first, second = vf.vectors[:2]
    assert (first.function, first.args, first.expect) == ("grow", ['{"name":"a","n":1}', "2"], 'ok {"name":"a","n":3}')
    assert second.expect == 'err DomainError "by must be non-negative"'
    halves = [v for v in vf.vectors if v.function == "half"]
    assert [v.args for v in halves[:3]] == [["0"], ["1"], ["-1"]]
    assert ["9007199254740991"] in [v.args for v in halves]
    assert len({(v.function, tuple(v.args)) for v in vf.vectors}) == len(vf.vectors)
    jsonschema.validate(json.loads(vf.text()), SCHEMA)


def test_vectors_are_deterministic() -> None:
    front = load_texts({"v.dg": SOURCE})
    assert front.program is not None
    assert [f.text() for f in build_vectors(front.program, seed=3)] == [f.text() for f in build_vectors(front.program, seed=3)]


def test_outcome_lines() -> None:
    assert ok('{"a":1}') == 'ok {"a":1}'
    assert err("DomainError", 'say "hi"\n') == 'err DomainError "say \\"hi\\"\\n"'
    assert err("IntegerOverflow", "Int overflow in +") == "err IntegerOverflow"
    assert json_string("\u2028\x01") == '"\u2028\\u0001"'


LOOPS = """module v.loops
fn count_to(n: Int) -> Int {
  var i = 0
  while i < n {
    i += 1
  }
  return i
}
test "count" {
  expect count_to(3) == 3
  expect count_to(100000) == 100000
}
"""


def test_the_step_limit_leaves_out_long_loops_deterministically() -> None:
    front = load_texts({"v.dg": LOOPS})
    assert front.program is not None
    # A generous CPU-time backstop: only the loop-iteration limit decides.
    (vf,) = build_vectors(front.program, per_function=20, time_limit=60.0, step_limit=1000)
    args = [v.args for v in vf.vectors]
    assert ["3"] in args and ["1000"] in args
    assert ["100000"] not in args and ["9007199254740991"] not in args
    (wide,) = build_vectors(front.program, per_function=20, time_limit=60.0, step_limit=200_000)
    assert ["100000"] in [v.args for v in wide.vectors]
    assert build_vectors(front.program, per_function=20, time_limit=60.0, step_limit=1000)[0].text() == vf.text()



def test_the_cpu_time_backstop_leaves_out_calls_the_step_limit_lets_run() -> None:
    """With the loop limit out of the way, the CPU-time backstop still stops a runaway call."""
    front = load_texts({"v.dg": LOOPS})
    assert front.program is not None
    (vf,) = build_vectors(front.program, per_function=20, time_limit=0.05, step_limit=10**15)
    args = [v.args for v in vf.vectors]
    assert ["3"] in args  # quick calls are kept
    assert ["9007199254740991"] not in args  # a loop towards 2^53 would run for hours

def test_jobs_put_together_equal_one_build() -> None:
    from domaingen.vectors.build import _BUILDERS, assemble, jobs, run_job

    front = load_texts({"v.dg": SOURCE, "l.dg": LOOPS})
    assert front.program is not None
    parts = []
    for job in reversed(jobs(front.program)):  # any order, any process: the result is the same
        _BUILDERS.clear()
        parts.append(run_job(front.program, job, per_function=25))
    files = assemble(front.program, parts[::-1])
    assert [f.text() for f in files] == [f.text() for f in build_vectors(front.program, per_function=25)]


def test_fast_decoding_equals_the_strict_decoder_on_generated_data() -> None:
    """`vectors.canonical` must give exactly what `jsoncodec.decode` gives (it skips the text)."""
    from domaingen.interp.decls import index_of
    from domaingen.interp.jsoncodec import DecodeError, decode, encode
    from domaingen.vectors.build import functions, hash_seed
    from domaingen.vectors.canonical import decode_canonical, decode_data
    from domaingen.vectors.inputs import InputGen

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "dsl").rglob("*.dg"))}
    front = load_texts(texts)
    assert front.program is not None
    program, index = front.program, index_of(front.program)
    checked = 0
    for module, fn in functions(program):
        gen = InputGen(program, seed=hash_seed(5, module.name, fn.name))
        for param in fn.params:
            for raw in gen.boundary(param.type) + [gen.random(param.type) for _ in range(8)]:
                try:
                    strict = decode(json.dumps(raw, ensure_ascii=False, allow_nan=False), param.type, program, param.name)
                except DecodeError as err:
                    try:
                        decode_data(raw, param.type, index, param.name)
                    except DecodeError as fast_err:
                        assert str(fast_err) == str(err)
                        continue
                    raise AssertionError(f"fast path accepted {raw!r}: {err}") from None
                fast = decode_data(raw, param.type, index, param.name)
                assert fast == strict and repr(fast) == repr(strict)  # repr: -0.0 keeps its sign
                text = encode(strict, param.type, program)
                again = decode_canonical(text, param.type, index, param.name)
                assert repr(again) == repr(decode(text, param.type, program, param.name))
                checked += 1
    assert checked > 1000
