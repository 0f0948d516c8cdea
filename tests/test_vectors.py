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
