"""Docs that cannot drift: generated references match the code that defines them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from domaingen import diagnostics as dg
from domaingen.frontend import load, load_texts
from domaingen.ir.export import ir_json, ir_schema_json

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_diagnostics_reference_is_current() -> None:
    expected = dg.catalogue_markdown()
    actual = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    assert actual == expected, "run: python -m domaingen.diagnostics > docs/diagnostics.md"


def test_ir_schema_is_current() -> None:
    actual = (DOCS / "schema" / "ir.schema.json").read_text(encoding="utf-8")
    assert actual == ir_schema_json(), "run: domaingen ir --schema > docs/schema/ir.schema.json"


def test_real_ir_validates_against_the_published_schema() -> None:
    # A program using every declaration kind and most expression and statement kinds.
    inputs = [ROOT / "golden" / "cases" / "basics", ROOT / "dsl" / "edge" / "control.dg", ROOT / "dsl" / "stress"]
    front = load([str(p) for p in inputs])
    assert front.program is not None, [d.message for d in front.errors]
    schema = json.loads((DOCS / "schema" / "ir.schema.json").read_text(encoding="utf-8"))
    document = json.loads(ir_json(front.program, spans=True))
    jsonschema.validate(document, schema)
    assert document["version"] == 1
    assert {m["name"] for m in document["modules"]} == {"shop.basics", "edge.control", "stress.names"}
    broken = json.loads(json.dumps(document).replace('"kind": "arith"', '"kind": "arithmetic"', 1))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_diagnostics_json_validates_against_the_published_schema(tmp_path: Path) -> None:
    bad = tmp_path / "bad.dg"
    bad.write_text('module bad\nfn f() -> Int {\n  return "x"\n}\nconst C: Int = 1 +\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "domaingen", "check", "--format", "json", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    document = json.loads(result.stdout)
    schema = json.loads((DOCS / "schema" / "diagnostics.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert document["diagnostics"] and document["diagnostics"][0]["code"].startswith("DG")


def test_every_catalogue_code_is_documented_once() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    for code in dg.CATALOGUE:
        assert text.count(f"| {code} |") == 1


def test_language_sample_checks_clean() -> None:
    spec = ROOT.parent / "shared" / "LANGUAGE.md"
    if not spec.exists():
        pytest.skip("../shared/LANGUAGE.md is not beside this checkout")
    text = spec.read_text(encoding="utf-8")
    sample = text.split("## 2. A taste", 1)[1].split("```", 2)[1]
    front = load_texts({"taste.dg": sample.lstrip("\n")})
    assert front.errors == []
