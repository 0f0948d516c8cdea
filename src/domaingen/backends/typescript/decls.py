"""View models of declarations: ready-made strings for one template per IR kind.

Consumes: checked IR declarations of one module (`ir.Const`, `ir.Enum`,
`ir.Record`, `ir.Union_`, `ir.Function`; tests are not generated) and the
program's unions (for `match` payload names).
Produces: `DeclView`s — a template name (`const.ts.j2`, `enum.ts.j2`, ...)
and its context. Every decision (names, types, codecs, escaped docs, the
function body's lines) is made here; templates only place the strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, assert_never

from ...ir import nodes as ir
from .escape import doc_comment, string_literal
from .expr import ExprEmitter, Scope
from .naming import const_name, field_name, function_name, type_name, variant_type_name
from .stmt import StmtEmitter, read_names
from .types import codec_ref, type_ref


@dataclass(frozen=True)
class DeclView:
    template: str
    context: dict[str, Any]


def _doc(text: str | None, indent: str = "") -> str:
    return doc_comment(text, indent) if text else ""


def _fields(fields: tuple[ir.RecordField, ...], module: str) -> list[dict[str, str]]:
    return [{"doc": _doc(f.doc, "  "), "name": field_name(f.name), "type": type_ref(f.type, module)} for f in fields]


def _field_table(fields: tuple[ir.RecordField, ...], module: str) -> list[str]:
    """`["levels_gained", "levelsGained", dgrt.INT]` rows of a codec."""
    return [
        f"[{string_literal(f.name)}, {string_literal(field_name(f.name))}, {codec_ref(f.type, module)}]" for f in fields
    ]


def decl_view(
    decl: ir.Decl, module: str, unions: dict[tuple[str, str], ir.Union_], functions: frozenset[str]
) -> DeclView | None:
    match decl:
        case ir.Const():
            emitter = ExprEmitter(Scope(module, unions))
            return DeclView(
                "const.ts.j2",
                {
                    "doc": _doc(decl.doc),
                    "name": const_name(decl.name),
                    "type": type_ref(decl.type, module),
                    "value": emitter.expr(decl.value),
                },
            )
        case ir.Enum():
            name = type_name(decl.name)
            return DeclView(
                "enum.ts.j2",
                {
                    "doc": _doc(decl.doc),
                    "name": name,
                    "dsl_name": string_literal(decl.name),
                    "members": [{"doc": _doc(m.doc, "  "), "literal": string_literal(m.name)} for m in decl.members],
                },
            )
        case ir.Record():
            return DeclView(
                "record.ts.j2",
                {
                    "doc": _doc(decl.doc),
                    "name": type_name(decl.name),
                    "dsl_name": string_literal(decl.name),
                    "fields": _fields(decl.fields, module),
                    "codec_fields": _field_table(decl.fields, module),
                },
            )
        case ir.Union_():
            variants = [
                {
                    "doc": _doc(v.doc),
                    "name": variant_type_name(decl.name, v.name),
                    "tag": string_literal(v.name),
                    "fields": _fields(v.fields, module),
                    "codec_fields": _field_table(v.fields, module),
                }
                for v in decl.variants
            ]
            return DeclView(
                "union.ts.j2",
                {
                    "doc": _doc(decl.doc),
                    "name": type_name(decl.name),
                    "dsl_name": string_literal(decl.name),
                    "variants": variants,
                },
            )
        case ir.Function():
            return DeclView("function.ts.j2", function_context(decl, module, unions, functions))
        case ir.Test():
            return None
        case _:
            assert_never(decl)


def function_context(
    fn: ir.Function, module: str, unions: dict[tuple[str, str], ir.Union_], functions: frozenset[str]
) -> dict[str, Any]:
    used = read_names(fn.body)
    scope = Scope(module, unions, functions, temps=[])
    body = StmtEmitter(ExprEmitter(scope), used, frozenset(p.name for p in fn.params)).block(fn.body, 1)
    assert scope.temps is not None
    body = [f"  let {name}: {t};" for name, t in scope.temps] + body
    params = [f"{'' if p.name in used else '_'}{scope.local(p.name)}: {type_ref(p.type, module)}" for p in fn.params]
    return {
        "doc": _doc(fn.doc),
        "name": function_name(fn.name),
        "params": ", ".join(params),
        "ret": type_ref(fn.ret, module),
        "body": body,
    }
