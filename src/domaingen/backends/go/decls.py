"""View models for the declarations of one Go package (one DSL module).

Consumes: checked IR declarations (const, enum, record, union, function) and
the file `Scope`.
Produces: one dict of ready-made Go strings per declaration, for the
templates `templates/go/<kind>.go.j2`: names, doc comments, field lines,
equality, canonical-JSON encoder lines, strict decoder cases, and lowered
function bodies. Every decision is made here; templates only lay out.
"""

from __future__ import annotations

from typing import Any

from ...ir import nodes as ir
from .escape import doc_comment, string_literal
from .lower_expr import Body
from .lower_stmt import StmtLowering
from .naming import field_name, member_name, type_name, variant_name
from .types import Scope, decoder, encode_call, equal_expr, go_type, is_scalar


def _doc(doc: str | None, name: str, fallback: str, indent: str = "") -> str:
    """`// Name: <DSL doc>`, or `// Name <fallback sentence>` when the DSL has none."""
    if doc:
        return doc_comment(doc, indent, name)
    return doc_comment(f"{name} {fallback}", indent)


def _helper(name: str) -> str:
    """Unexported package helper for a type: `Profile` -> `profileFields`."""
    return name[:1].lower() + name[1:]


def const_view(c: ir.Const, s: Scope) -> dict[str, Any]:
    body = Body(s, c.type, set())
    value = body.expr(c.value)
    assert not body.lines, "constants are folded to literals"
    name = s.top[s.module][c.name]
    scalar = is_scalar(c.type) and not value.endswith("()")
    return {
        "doc": _doc(c.doc, name, f"is the constant {c.name}."),
        "keyword": "const" if scalar else "var",
        "name": name,
        "type": go_type(c.type, s),
        "value": value,
    }


def enum_view(e: ir.Enum, s: Scope) -> dict[str, Any]:
    name = type_name(e.name)
    members = [
        {
            "doc": _doc(m.doc, member_name(e.name, m.name), f"is {e.name}.{m.name}.", "\t"),
            "decl": member_name(e.name, m.name) + (f" {name} = iota" if i == 0 else ""),
        }
        for i, m in enumerate(e.members)
    ]
    return {
        "doc": _doc(e.doc, name, f"is the enum {e.name}."),
        "name": name,
        "members": members,
        "names_var": _helper(name) + "Names",
        "wire_names": ", ".join(string_literal(m.name) for m in e.members),
        "type_text": string_literal(e.name),
        "rt": s.rt(""),
    }


def _field_lines(fields: tuple[ir.RecordField, ...], s: Scope) -> list[dict[str, str]]:
    return [
        {
            "doc": doc_comment(f.doc, "\t", field_name(f.name)) if f.doc else "",
            "name": field_name(f.name),
            "type": go_type(f.type, s),
            "tag": "`json:" + string_literal(f.name).replace("`", "\\x60") + "`",
        }
        for f in fields
    ]


def _equal(fields: tuple[ir.RecordField, ...], a: str, b: str, s: Scope) -> str:
    tests = [equal_expr(f.type, f"{a}.{field_name(f.name)}", f"{b}.{field_name(f.name)}", s) for f in fields]
    return " && ".join(tests) if tests else "true"


def _encode_lines(fields: tuple[ir.RecordField, ...], head: str, s: Scope) -> list[str]:
    """Lines appending the object to `dst`; `head` is the JSON text before the first field."""
    lines = []
    sep = head
    for f in fields:
        key = sep + string_literal_json(f.name) + ":"
        lines.append(f"dst = append(dst, {string_literal(key)}...)")
        lines.append(f"dst = {encode_call(f.type, 'dst', 'r.' + field_name(f.name), s)}")
        sep = ","
    if sep != ",":
        lines.append(f"dst = append(dst, {string_literal(sep)}...)")
    lines.append("return append(dst, '}')")
    return lines


def string_literal_json(name: str) -> str:
    """The canonical JSON string of a field name (the DSL spelling)."""
    out = ['"']
    for ch in name:
        out.append("\\" + ch if ch in '"\\' else ch)
    out.append('"')
    return "".join(out)


def _decode_cases(fields: tuple[ir.RecordField, ...], target: str, s: Scope) -> list[dict[str, str]]:
    return [
        {
            "index": str(i),
            "assign": f"{target}.{field_name(f.name)}, err = ({decoder(f.type, s)})(f, p.Field({string_literal(f.name)}))",
        }
        for i, f in enumerate(fields)
    ]


def record_view(r: ir.Record, s: Scope) -> dict[str, Any]:
    name = type_name(r.name)
    return {
        "doc": _doc(r.doc, name, f"is the record {r.name}."),
        "name": name,
        "fields": _field_lines(r.fields, s),
        "equal": _equal(r.fields, "r", "o", s),
        "encode": _encode_lines(r.fields, "{", s),
        "field_names": ", ".join(string_literal(f.name) for f in r.fields),
        "fields_var": _helper(name) + "Fields",
        "cases": _decode_cases(r.fields, "r", s),
        "type_text": string_literal(r.name),
        "rt": s.rt(""),
    }


def union_view(u: ir.Union_, s: Scope) -> dict[str, Any]:
    name = type_name(u.name)
    variants = []
    for v in u.variants:
        vname = variant_name(u.name, v.name)
        head = "{" + string_literal_json("kind") + ":" + string_literal_json(v.name)
        variants.append(
            {
                "doc": _doc(v.doc, vname, f"is the variant {u.name}.{v.name}."),
                "name": vname,
                "wire": string_literal(v.name),
                "fields": _field_lines(v.fields, s),
                "equal": _equal(v.fields, "r", "o", s),
                "uses_o": bool(v.fields),
                "encode": (
                    _encode_lines(v.fields, head + ",", s)
                    if v.fields
                    else [f"return append(dst, {string_literal(head + '}')}...)"]
                ),
                "field_names": ", ".join(string_literal(f.name) for f in v.fields),
                "cases": _decode_cases(v.fields, "r", s),
            }
        )
    return {
        "doc": _doc(u.doc, name, f"is the union {u.name}: one of the {name}… variant structs."),
        "name": name,
        "marker": "is" + name,
        "variants": variants,
        "type_text": string_literal(u.name),
        "rt": s.rt(""),
    }


def function_view(f: ir.Function, s: Scope, aliases: set[str]) -> dict[str, Any]:
    name = s.top[s.module][f.name]
    body = Body(s, f.ret, aliases)
    params = ", ".join(f"{body.local(p.name)} {go_type(p.type, s)}" for p in f.params)
    lines = StmtLowering(body).function_body(f.body, frozenset(p.name for p in f.params))
    return {
        "doc": _doc(f.doc, name, f"implements {f.name}."),
        "name": name,
        "params": params,
        "ret": go_type(f.ret, s),
        "body": lines,
    }


def call_entry(module: str, f: ir.Function, s: Scope) -> dict[str, Any]:
    """One case of the call table (`calls.Call`)."""
    args = []
    for i, p in enumerate(f.params):
        args.append(
            {
                "var": f"a{i}",
                "decode": f"{s.rt('DecodeText')}(args[{i}], {string_literal(p.name)}, {decoder(p.type, s)})",
            }
        )
    return {
        "name": string_literal(f"{module}.{f.name}"),
        "count": str(len(f.params)),
        "args": args,
        "call": f"{s.top_name(module, f.name)}({', '.join(a['var'] for a in args)})",
        "encode": encode_call(f.ret, "nil", "r", s),
    }


def tests_view(tests: list[ir.Test], s: Scope, aliases: set[str]) -> list[dict[str, Any]]:
    """DSL `test` blocks as `func dslTest_N() error` bodies, run by one `TestDSL` (in `<pkg>_test.go`)."""
    out = []
    for i, t in enumerate(tests, start=1):
        body = Body(s, None, aliases)
        out.append(
            {"func": f"dslTest_{i}", "name": string_literal(t.name), "body": StmtLowering(body).test_body(t.body)}
        )
    return out
