"""Vector files: documented format, deterministic, and faithful to the interpreter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def _same(a: object, b: object) -> bool:
    """Equal and indistinguishable: same types, float signs, map key order and shapes."""
    from domaingen.interp.values import RecordVal, VariantVal

    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b)
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(x, y) for x, y in zip(a, b)) and all(  # type: ignore[call-overload]
            _same(a[k], b[k]) for k in a  # type: ignore[index]
        )
    if isinstance(a, (RecordVal, VariantVal)):
        return a.shape is b.shape and _same(a.values, b.values)  # type: ignore[union-attr]
    return a == b


def _dsl_program() -> Any:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "dsl").rglob("*.dg"))}
    front = load_texts(texts)
    assert front.program is not None
    return front.program


def test_compiled_codecs_equal_the_general_paths_on_generated_data() -> None:
    """`vectors.codec`: reader = decode_data (or Unsure), encoder = encode, canonical = decode(encode(v))."""
    import pytest

    from domaingen.interp.decls import index_of
    from domaingen.interp.jsoncodec import DecodeError, encode
    from domaingen.vectors.build import functions, hash_seed
    from domaingen.vectors.canonical import decode_canonical, decode_data
    from domaingen.vectors.codec import Codecs, Unsure
    from domaingen.vectors.inputs import InputGen

    program = _dsl_program()
    index = index_of(program)
    codecs = Codecs(index)
    fast = fixed = 0
    for module, fn in functions(program):
        gen = InputGen(program, seed=hash_seed(1, module.name, fn.name))
        for param in fn.params:
            t = param.type
            for raw in gen.boundary(t) + [gen.random(t) for _ in range(30)]:
                try:
                    strict = decode_data(raw, t, index, param.name)
                except (DecodeError, ValueError):
                    with pytest.raises(Unsure):
                        codecs.reader(t)(raw)
                    continue
                try:
                    read = codecs.reader(t)(raw)
                except Unsure:
                    pass
                else:
                    assert _same(read, strict), raw
                    fast += 1
                text = encode(strict, t, index)
                assert codecs.encoder(t)(strict) == text
                again = decode_canonical(text, t, index, param.name)
                fix = codecs.canonical(t)
                assert _same(strict if fix is None else fix(strict), again), text
                assert codecs.encoder(t)(again) == text
                fixed += not _same(strict, again)
    assert fast > 2000
    assert fixed > 10  # -0.0 and unsorted maps do occur


def test_compiled_encoders_equal_encode_on_interpreter_values() -> None:
    """Every argument and result of the DSL tests' calls: records built by literals and `with`, unions, maps…"""
    from domaingen.interp.decls import index_of
    from domaingen.interp.jsoncodec import encode
    from domaingen.interp.runner import run_tests
    from domaingen.vectors.codec import Codecs

    program = _dsl_program()
    index = index_of(program)
    codecs = Codecs(index)
    records = []
    run_tests(program, recorder=records.append)
    assert len(records) > 200
    for rec in records:
        for value, param in zip(rec.args, rec.params):
            assert codecs.encoder(param.type)(value) == encode(value, param.type, index)
        if rec.error is None:
            assert codecs.encoder(rec.ret)(rec.result) == encode(rec.result, rec.ret, index)


def test_the_fast_reader_leaves_doubtful_data_to_the_strict_decoder() -> None:
    import pytest

    from domaingen.interp.decls import index_of
    from domaingen.interp.jsoncodec import DecodeError
    from domaingen.ir import nodes as ir
    from domaingen.vectors.canonical import decode_data
    from domaingen.vectors.codec import Codecs, Unsure

    program = _dsl_program()
    index = index_of(program)
    codecs = Codecs(index)
    fns = {(m.name, d.name): d for m in program.modules for d in m.decls if isinstance(d, ir.Function)}
    profile = fns[("game.progression", "add_exp")].params[0].type
    good = {"id": "a", "name": "A", "level": 1, "exp": 0, "tags": [], "stats": {"b": 1, "a": 2}, "guild": None}
    value = codecs.reader(profile)(good)
    assert list(value.values[5]) == ["b", "a"] and list(codecs.canonical(profile)(value).values[5]) == ["a", "b"]
    refused = [
        {**good, "level": 1.0},  # Int written as a float
        {**good, "level": True},
        {**good, "exp": 2**53},  # out of range
        {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "guild"},  # optional fields are not optional in JSON
        [good],
    ]
    for data in refused:
        with pytest.raises(Unsure):
            codecs.reader(profile)(data)
        with pytest.raises((DecodeError, ValueError)):
            decode_data(data, profile, index, "profile")
    # Data the strict path accepts but the fast one does not vouch for: the builder asks the strict path.
    for data in ({**good, "tags": ("x",)}, {**good, "stats": {1: 2}}):
        with pytest.raises(Unsure):
            codecs.reader(profile)(data)
        decode_data(data, profile, index, "profile")


def _reference_random(gen: Any, t: Any) -> Any:
    """The plain recursive definition of `InputGen.random` (the compiled one must draw the same)."""
    from domaingen.ir import nodes as ir
    from domaingen.vectors.inputs import ALPHABET, INT_MAX, STRINGS

    rng = gen.rng
    match t:
        case ir.IntType():
            bucket = rng.random()
            if bucket < 0.6:
                return rng.randint(-20, 120)
            if bucket < 0.9:
                return rng.randint(-(10**6), 10**6)
            return rng.randint(-INT_MAX, INT_MAX)
        case ir.FloatType():
            if rng.random() < 0.3:
                return float(rng.randint(-100, 100)) + rng.choice([0.0, 0.25, 0.5, 0.75])
            return rng.uniform(-1.0, 1.0) * 10.0 ** rng.randint(-8, 22)
        case ir.BoolType():
            return rng.random() < 0.5
        case ir.StringType():
            if rng.random() < 0.3:
                return rng.choice(STRINGS)
            return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
        case ir.ListType():
            return [_reference_random(gen, t.elem) for _ in range(rng.randint(0, 4))]
        case ir.MapType():
            out: dict[str, Any] = {}
            for _ in range(rng.randint(0, 4)):
                out[str(_reference_random(gen, t.key))] = _reference_random(gen, t.value)
            return out
        case ir.OptionalType():
            return None if rng.random() < 0.3 else _reference_random(gen, t.inner)
        case ir.NamedType():
            decl = gen.decls[(t.module, t.name)]
            if isinstance(decl, ir.Enum):
                return rng.choice(decl.members).name
            if isinstance(decl, ir.Union_):
                variant = rng.choice(decl.variants)
                data = {"kind": variant.name}
                data.update({f.name: _reference_random(gen, f.type) for f in variant.fields})
                return data
            return {f.name: _reference_random(gen, f.type) for f in decl.fields}
    raise AssertionError(t)


def test_compiled_generators_draw_like_the_plain_definition() -> None:
    from domaingen.vectors.build import functions, hash_seed
    from domaingen.vectors.inputs import Generators, InputGen

    program = _dsl_program()
    shared = Generators(program)
    for module, fn in functions(program):
        seed = hash_seed(9, module.name, fn.name)
        fast, plain = InputGen(program, seed, shared), InputGen(program, seed)
        for _ in range(5):
            for param in fn.params:
                assert json.dumps(fast.random(param.type)) == json.dumps(_reference_random(plain, param.type))
                assert json.dumps(fast.boundary(param.type)) == json.dumps(plain.boundary(param.type))
