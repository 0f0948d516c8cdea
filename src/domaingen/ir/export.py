"""IR as JSON for tools: the document `domaingen ir` prints, and its schema.

Consumes: a checked `ir.Program`.
Produces: deterministic JSON text (spans only on request) and the JSON Schema
published at docs/schema/ir.schema.json (a test keeps the file in step).
"""

from __future__ import annotations

import json

from . import nodes as ir

SCHEMA_ID = "https://domaingen.dev/schema/ir.schema.json"


def ir_json(program: ir.Program, spans: bool = False) -> str:
    ir.rebuild_all()
    data = program.model_dump(mode="json", context={"spans": spans})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def ir_schema() -> dict[str, object]:
    ir.rebuild_all()
    schema = ir.Program.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "domaingen checked IR"
    return schema


def ir_schema_json() -> str:
    return json.dumps(ir_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
