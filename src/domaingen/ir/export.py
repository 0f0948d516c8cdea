"""IR as JSON for tools: the document `domaingen ir` prints, and its schema.

Consumes: a checked `ir.Program`.
Produces: deterministic JSON text (spans only on request) and the JSON Schema
published at docs/schema/ir.schema.json (a test keeps the file in step).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from . import nodes as ir

SCHEMA_ID = "https://domaingen.dev/schema/ir.schema.json"


def ir_json(program: ir.Program, spans: bool = False) -> str:
    ir.rebuild_all()
    data = program.model_dump(mode="json", context={"spans": spans})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _DispatchOnKind(GenerateJsonSchema):
    """Tagged unions as `if kind == … then $ref` instead of `oneOf`.

    A validator must try every branch of a `oneOf` (to prove exactly one
    matches), recursively, which is exponential on deep IR; dispatching on
    the `kind` tag is linear and says the same thing.
    """

    def tagged_union_schema(self, schema: Any) -> JsonSchemaValue:
        generated = super().tagged_union_schema(schema)
        mapping = generated.get("discriminator", {}).get("mapping")
        if not mapping:
            return generated
        tag = generated["discriminator"]["propertyName"]
        return {
            "type": "object",
            "required": [tag],
            "properties": {tag: {"enum": sorted(mapping)}},
            "allOf": [
                {"if": {"properties": {tag: {"const": value}}}, "then": target if isinstance(target, dict) else {"$ref": target}}
                for value, target in sorted(mapping.items())
            ],
        }


_UNION_NAMES = {"arith": "Expr", "let": "Stmt", "int": "Type", "function": "Decl"}


def _hoist_unions(schema: dict[str, Any]) -> None:
    """Move each tagged union, repeated at every use, into one named `$defs` entry."""
    defs: dict[str, Any] = schema.setdefault("$defs", {})

    def visit(node: Any) -> Any:
        if isinstance(node, list):
            return [visit(item) for item in node]
        if not isinstance(node, dict):
            return node
        tags = node.get("properties", {}).get("kind", {}).get("enum") if "allOf" in node else None
        if tags:
            name = next((n for tag, n in _UNION_NAMES.items() if tag in tags), "Union_" + "_".join(tags[:2]))
            defs.setdefault(name, node)
            return {"$ref": f"#/$defs/{name}"}
        return {key: visit(value) for key, value in node.items()}

    for key in list(defs):
        defs[key] = visit(defs[key])
    for key in list(schema):
        if key != "$defs":
            schema[key] = visit(schema[key])


def ir_schema() -> dict[str, object]:
    ir.rebuild_all()
    schema = ir.Program.model_json_schema(schema_generator=_DispatchOnKind)
    _hoist_unions(schema)
    # Spans never carry other keys; say so whatever the pydantic version says.
    span = schema.get("$defs", {}).get("Span")
    if isinstance(span, dict):
        span["additionalProperties"] = False
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "domaingen checked IR"
    return schema


def ir_schema_json() -> str:
    return json.dumps(ir_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
