"""IR as JSON for tools: the document `domaingen ir` prints, its pydantic models and schema.

Consumes: a checked `ir.Program` (or an IR document, for `load`).
Produces: deterministic JSON text (spans only on request); `models()`, one
frozen pydantic model per IR node class, built from the node declarations
(so they cannot drift); the JSON Schema published at
docs/schema/ir.schema.json (a test keeps the file in step); and `load`,
which validates an IR document with those models and returns IR nodes.
Nothing here is imported by `check` or `generate`: pydantic is paid for
only by the commands that publish or read the IR document.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from ..source import Span
from . import nodes as ir

SCHEMA_ID = "https://domaingen.dev/schema/ir.schema.json"


def to_data(value: Any, spans: bool = False) -> Any:
    """JSON-ready data for a node (fields in declaration order), tuple or scalar."""
    if isinstance(value, ir.Node):
        data = value.__dict__
        return {f: to_data(data[f], spans) for f in type(value).field_names if spans or f != "span"}
    if isinstance(value, tuple):
        return [to_data(item, spans) for item in value]
    if isinstance(value, Span):
        return dataclasses.asdict(value)
    return value


def ir_json(program: ir.Program, spans: bool = False) -> str:
    return json.dumps(to_data(program, spans), ensure_ascii=False, indent=2) + "\n"


_CONFIG = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)
_MODELS: dict[str, type[BaseModel]] = {}


def models() -> dict[str, type[BaseModel]]:
    """The pydantic model of each IR node class, by class name (built once)."""
    if _MODELS:
        return _MODELS
    classes = [c for c in vars(ir).values() if isinstance(c, type) and issubclass(c, ir.Node) and c is not ir.Node]
    built: dict[str, type[BaseModel]] = {}
    for cls in classes:
        hints = typing.get_type_hints(cls, include_extras=True)
        fields: dict[str, Any] = {}
        for name in cls.field_names:
            default = cls.defaults.get(name, ...)
            annotation = _translate(hints[name])
            fields[name] = (annotation, Field(default=default, repr=False) if name == "span" else default)
        built[cls.__name__] = create_model(
            cls.__name__, __config__=ConfigDict(**_CONFIG, defer_build=True), __doc__=cls.__doc__,
            __module__=__name__, **fields
        )
    for model in built.values():
        model.model_rebuild(_types_namespace={**built, "Span": Span})
    _MODELS.update(built)
    return _MODELS


def _translate(annotation: Any) -> Any:
    """A node-class annotation with every node class as a forward reference to its model."""
    if isinstance(annotation, type) and issubclass(annotation, ir.Node):
        return typing.ForwardRef(annotation.__name__)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        extras = [Field(discriminator=e.field) if isinstance(e, ir.Tagged) else e for e in annotation.__metadata__]
        return Annotated[(_translate(args[0]), *extras)]
    if origin in (Union, types.UnionType):
        return Union[tuple(_translate(a) for a in args)]
    if origin is tuple:
        return tuple[tuple(_translate(a) if a is not Ellipsis else a for a in args)]  # type: ignore[misc]
    if origin is Literal or not args:
        return annotation
    raise AssertionError(f"IR annotation not supported in export: {annotation!r}")


def _from_model(value: Any) -> Any:
    """IR nodes from validated pydantic models."""
    if isinstance(value, BaseModel):
        cls = getattr(ir, type(value).__name__)
        return ir.new(cls, **{f: _from_model(getattr(value, f)) for f in cls.field_names})
    if isinstance(value, tuple):
        return tuple(_from_model(item) for item in value)
    return value


def load(text: str) -> ir.Program:
    """Validate an IR document (as `ir_json` prints it) and return its nodes.

    Raises `pydantic.ValidationError` naming the path of each problem.
    """
    document = models()["Program"].model_validate_json(text)
    program = _from_model(document)
    assert isinstance(program, ir.Program)
    return program


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
    schema = models()["Program"].model_json_schema(schema_generator=_DispatchOnKind)
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
