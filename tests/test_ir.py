"""The IR's node classes and its published form (ir/base.py, ir/export.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pydantic
import pytest

from domaingen.frontend import load
from domaingen.ir import nodes as ir
from domaingen.ir.export import ir_json, load as load_ir, models
from domaingen.ir.walk import walk
from domaingen.source import Span

ROOT = Path(__file__).resolve().parent.parent


def _program() -> ir.Program:
    front = load([str(ROOT / "dsl"), str(ROOT / "golden" / "cases" / "basics")])
    assert front.program is not None, [d.message for d in front.errors]
    return front.program


def test_nodes_are_frozen() -> None:
    lit = ir.IntLit(type=ir.INT, value=1)
    with pytest.raises(AttributeError, match="frozen"):
        lit.value = 2
    with pytest.raises(AttributeError, match="frozen"):
        del lit.value


def test_keyword_construction_checks_field_names() -> None:
    with pytest.raises(TypeError, match=r"unknown fields \['valu'\], missing fields \['value'\]"):
        ir.IntLit(type=ir.INT, valu=1)
    assert ir.IntLit(type=ir.INT, value=1).kind == "int_lit"  # defaults filled in
    assert ir.ListLit(type=ir.ListType(elem=ir.INT), items=[]).items == ()  # sequences become tuples


def test_equality_and_hash_ignore_spans_only() -> None:
    here = Span("a.dg", 1, 1, 1, 2)
    there = Span("b.dg", 9, 9, 9, 10)
    a = ir.new(ir.IntLit, type=ir.INT, value=1, span=here)
    b = ir.new(ir.IntLit, type=ir.INT, value=1, span=there)
    assert a == b and hash(a) == hash(b)
    assert a != ir.new(ir.IntLit, type=ir.INT, value=2, span=here)
    assert a != ir.new(ir.FloatLit, type=ir.FLOAT, value=1.0, span=here)
    assert repr(a) == "IntLit(kind='int_lit', type=IntType(kind='int'), value=1)"


def test_replace_copies_with_changes() -> None:
    cmp = ir.new(ir.Compare, type=ir.BOOL, op="<", left=ir.new(ir.IntLit, type=ir.INT, value=1),
                 right=ir.new(ir.IntLit, type=ir.INT, value=2))
    flipped = ir.replace(cmp, op=">=")
    assert (flipped.op, cmp.op) == (">=", "<")
    assert flipped.left is cmp.left and flipped.right is cmp.right


def test_field_names_follow_declaration_order() -> None:
    assert ir.Function.field_names == ("span", "kind", "name", "params", "ret", "body", "doc")
    assert ir.EnumMember.defaults == {"span": None, "doc": None}


def test_document_round_trips_through_the_pydantic_models() -> None:
    program = _program()
    text = ir_json(program, spans=True)
    back = load_ir(text)
    assert back == program
    assert [n.span for n in walk(back)] == [n.span for n in walk(program)]
    assert ir_json(back, spans=True) == text
    assert json.loads(ir_json(program))["modules"][0].keys() == {"name", "path", "doc", "imports", "decls"}


def test_every_node_class_has_a_model_with_the_same_fields() -> None:
    built = models()
    classes = [c for c in vars(ir).values() if isinstance(c, type) and issubclass(c, ir.Node) and c is not ir.Node]
    assert sorted(built) == sorted(c.__name__ for c in classes)
    for cls in classes:
        assert tuple(built[cls.__name__].model_fields) == cls.field_names, cls.__name__
        assert built[cls.__name__].model_config.get("frozen") and built[cls.__name__].model_config.get("extra") == "forbid"


def test_a_bad_document_is_refused_with_its_path() -> None:
    document = json.loads(ir_json(_program()))
    document["modules"][0]["decls"][0]["kind"] = "constant"
    with pytest.raises(pydantic.ValidationError, match=r"modules\.0\.decls\.0"):
        load_ir(json.dumps(document))
    document = json.loads(ir_json(_program()))
    document["modules"][0]["surprise"] = 1
    with pytest.raises(pydantic.ValidationError, match="surprise"):
        load_ir(json.dumps(document))
