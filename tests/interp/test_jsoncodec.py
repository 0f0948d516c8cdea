"""Canonical JSON encoding and strict decoding (LANGUAGE.md section 7, `interp.jsoncodec`)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domaingen.interp.decls import ProgramIndex
from domaingen.interp.jsoncodec import DecodeError, decode, encode
from domaingen.interp.values import RecordVal, Value, VariantVal
from domaingen.ir import nodes as ir

INT, FLOAT, BOOL, STRING = ir.INT, ir.FLOAT, ir.BOOL, ir.STRING


def opt(t: ir.Type) -> ir.Type:
    return ir.new(ir.OptionalType, inner=t)


def list_of(t: ir.Type) -> ir.Type:
    return ir.new(ir.ListType, elem=t)


def map_of(k: ir.Type, v: ir.Type) -> ir.Type:
    return ir.new(ir.MapType, key=k, value=v)


def field(name: str, t: ir.Type) -> ir.RecordField:
    return ir.new(ir.RecordField, name=name, type=t)


RARITY = ir.new(ir.NamedType, module="game", name="Rarity", decl="enum")
PROFILE = ir.new(ir.NamedType, module="game", name="Profile", decl="record")
SHAPE = ir.new(ir.NamedType, module="game", name="Shape", decl="union")

PROGRAM = ir.new(
    ir.Program,
    modules=(
        ir.new(
            ir.Module,
            name="game",
            path="game.dg",
            doc=None,
            imports=(),
            decls=(
                ir.new(
                    ir.Enum,
                    name="Rarity",
                    members=tuple(ir.new(ir.EnumMember, name=n) for n in ("Common", "Rare", "Epic")),
                ),
                ir.new(
                    ir.Record,
                    name="Profile",
                    fields=(
                        field("id", STRING),
                        field("level", INT),
                        field("score", FLOAT),
                        field("tags", list_of(STRING)),
                        field("stats", map_of(STRING, INT)),
                        field("guild", opt(STRING)),
                        field("rarity", RARITY),
                        field("ok", BOOL),
                    ),
                ),
                ir.new(
                    ir.Union_,
                    name="Shape",
                    variants=(
                        ir.new(ir.Variant, name="Circle", fields=(field("r", FLOAT),)),
                        ir.new(ir.Variant, name="Rect", fields=(field("w", FLOAT), field("h", FLOAT))),
                        ir.new(ir.Variant, name="Empty", fields=()),
                    ),
                ),
            ),
        ),
    ),
)
INDEX = ProgramIndex(PROGRAM)
COMMON, RARE, EPIC = INDEX.member_list[("game", "Rarity")]

PROFILE_JSON = (
    '{"id":"p1","level":3,"score":2.5,"tags":["a","b"],"stats":{"atk":2,"hp":10},'
    '"guild":null,"rarity":"Rare","ok":true}'
)


def profile(**changes: Value) -> RecordVal:
    fields: dict[str, Value] = {
        "id": "p1",
        "level": 3,
        "score": 2.5,
        "tags": ("a", "b"),
        "stats": {"hp": 10, "atk": 2},
        "guild": None,
        "rarity": RARE,
        "ok": True,
    }
    fields.update(changes)
    shape = INDEX.record_shape(PROFILE)
    return RecordVal(shape, tuple(fields[n] for n in shape.fields))


def variant(name: str, *values: Value) -> VariantVal:
    return VariantVal(INDEX.variant_shape(SHAPE, name), values)


def enc(value: Value, t: ir.Type) -> str:
    return encode(value, t, PROGRAM)


def dec(text: str, t: ir.Type, root: str = "p") -> Value:
    return decode(text, t, PROGRAM, root)


# --- encoding ---------------------------------------------------------------------


def test_record_fields_in_declaration_order_and_map_keys_sorted() -> None:
    assert enc(profile(), PROFILE) == PROFILE_JSON


def test_optional_present_and_absent() -> None:
    assert '"guild":"g"' in enc(profile(guild="g"), PROFILE)
    assert enc(None, opt(INT)) == "null"
    assert enc(5, opt(INT)) == "5"


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (100.0, "100"),
        (-0.0, "0"),
        (0.0, "0"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1e-7, "1e-7"),
        (1e-6, "0.000001"),
        (0.1, "0.1"),
        (-2.5, "-2.5"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
    ],
)
def test_floats_use_ecmascript_form(x: float, text: str) -> None:
    assert enc(x, FLOAT) == text


def test_ints_and_bools() -> None:
    assert enc(-(2**53 - 1), INT) == "-9007199254740991"
    assert enc(True, BOOL) == "true"
    assert enc(False, BOOL) == "false"


def test_string_escapes_only_quote_backslash_and_controls() -> None:
    s = '"\\\n\t\r\b\f\x00\x1f\x7f</>&é😀\u2028/'
    assert enc(s, STRING) == '"\\"\\\\\\n\\t\\r\\b\\f\\u0000\\u001f\x7f</>&é😀\u2028/"'
    assert enc("\x0b\x1b", STRING) == '"\\u000b\\u001b"'


def test_map_key_orders() -> None:
    assert enc({10: 1, -1: 2, 2: 3}, map_of(INT, INT)) == '{"-1":2,"2":3,"10":1}'
    strings: dict[Any, Value] = {"b": 1, "a": 2, "B": 3, "é": 4, "😀": 5, "\uff5e": 6}
    assert enc(strings, map_of(STRING, INT)) == '{"B":3,"a":2,"b":1,"é":4,"\uff5e":6,"😀":5}'
    assert enc({EPIC: 1, COMMON: 2}, map_of(RARITY, INT)) == '{"Common":2,"Epic":1}'
    assert enc({}, map_of(STRING, INT)) == "{}"


def test_unions_put_kind_first() -> None:
    assert enc(variant("Rect", 1.0, 2.5), SHAPE) == '{"kind":"Rect","w":1,"h":2.5}'
    assert enc(variant("Empty"), SHAPE) == '{"kind":"Empty"}'
    assert enc((variant("Circle", 0.5),), list_of(SHAPE)) == '[{"kind":"Circle","r":0.5}]'


def test_enums_and_nested_lists() -> None:
    assert enc(EPIC, RARITY) == '"Epic"'
    assert enc(((1, 2), ()), list_of(list_of(INT))) == "[[1,2],[]]"


# --- round trips ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "t"),
    [
        (PROFILE_JSON, PROFILE),
        ('{"kind":"Rect","w":1,"h":2.5}', SHAPE),
        ('{"kind":"Empty"}', SHAPE),
        ('{"-5":"a","0":"b","7":"c"}', map_of(INT, STRING)),
        ('{"Common":1,"Epic":2}', map_of(RARITY, INT)),
        ('["\\u0000","\\"","é😀"]', list_of(STRING)),
        ("[null,1,-9007199254740991,9007199254740991]", list_of(opt(INT))),
        ("[0.1,1e+21,1e-7,123.456,-1.5]", list_of(FLOAT)),
    ],
)
def test_canonical_texts_round_trip(text: str, t: ir.Type) -> None:
    assert enc(dec(text, t), t) == text


def test_decoded_values() -> None:
    assert dec(PROFILE_JSON, PROFILE) == profile()
    assert dec('{"h":2,"w":1,"kind":"Rect"}', SHAPE) == variant("Rect", 1.0, 2.0)
    assert dec('{"r":1,"kind":"Circle"}', SHAPE) == variant("Circle", 1.0)


def test_decode_accepts_non_canonical_but_valid_input() -> None:
    # whitespace, member order, escapes, integer-valued floats, exponents for Float
    text = ' {"ok" : true, "rarity":"Rare","guild":null,"stats":{"hp":10,"atk":2},"tags":["a","\\u0062"],\n'
    text += '"score":25e-1,"level":3,"id":"p\\u0031"} '
    assert dec(text, PROFILE) == profile()
    assert dec("-0", INT) == 0
    negative_zero = dec("-0", FLOAT)
    assert isinstance(negative_zero, float) and math.copysign(1.0, negative_zero) == -1.0
    assert dec("1e-400", FLOAT) == 0.0
    assert dec('"\\ud83d\\ude00"', STRING) == "😀"
    assert dec('"\\/"', STRING) == "/"


INTS = st.integers(-(2**53 - 1), 2**53 - 1)


@given(st.lists(st.lists(INTS, max_size=5), max_size=5))
def test_nested_int_lists_round_trip(xs: list[list[int]]) -> None:
    t = list_of(list_of(INT))
    value = tuple(tuple(x) for x in xs)
    assert dec(enc(value, t), t) == value


@given(st.dictionaries(INTS, st.text(alphabet=st.characters(exclude_categories=["Cs"]))))
def test_int_keyed_maps_round_trip(m: dict[int, str]) -> None:
    t = map_of(INT, STRING)
    text = enc(dict(m), t)
    assert dec(text, t) == m
    assert list(json.loads(text)) == [str(k) for k in sorted(m)]


@given(st.text())
def test_string_round_trip(s: str) -> None:
    if any("\ud800" <= c <= "\udfff" for c in s):
        return
    assert dec(enc(s, STRING), STRING) == s


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_float_round_trip(x: float) -> None:
    assert dec(enc(x, FLOAT), FLOAT) == x


# --- strict decoding: every rejection, with its path ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "{",
        "[1,]",
        '{"a":1,}',
        "NaN",
        "Infinity",
        "-Infinity",
        "01",
        "1.",
        ".5",
        "+1",
        "0x10",
        "1 2",
        "tru",
        "nul",
        "'a'",
        '"a\x01"',
        '"a\nb"',
        '"\\x41"',
        '"\\u12"',
        '"\\ud800"',
        '"\\udc00"',
        '"\\ud800\\u0041"',
        '"\\ud800x"',
        '"\ud800"',
        '"unterminated',
        "\ufeff1",
        "\u00a01",
        "[" * 300 + "]" * 300,
        '{"a" 1}',
        "{1:2}",
    ],
)
def test_invalid_json_is_rejected(text: str) -> None:
    with pytest.raises(DecodeError, match=r"^p: invalid JSON: "):
        dec(text, list_of(INT))


@pytest.mark.parametrize(
    ("text", "t", "message"),
    [
        ('"1"', INT, "p: expected Int, got string"),
        ("1.0", INT, "p: Int must be written without fraction or exponent"),
        ("1e2", INT, "p: Int must be written without fraction or exponent"),
        ("9007199254740992", INT, "p: Int out of range"),
        ("-9007199254740992", INT, "p: Int out of range"),
        ("1" + "0" * 5000, INT, "p: Int out of range"),
        ("1e400", FLOAT, "p: Float out of range"),
        ("-1e400", FLOAT, "p: Float out of range"),
        ("9" * 400, FLOAT, "p: Float out of range"),
        ("true", FLOAT, "p: expected Float, got boolean"),
        ("1", BOOL, "p: expected Bool, got number"),
        ("null", STRING, "p: expected String, got null"),
        ("5", opt(STRING), "p: expected String, got number"),
        ("{}", list_of(INT), "p: expected List<Int>, got object"),
        ("[]", map_of(STRING, INT), "p: expected Map<String, Int>, got array"),
        ("[1,true]", list_of(INT), "p[1]: expected Int, got boolean"),
        ("[[1],[2,null]]", list_of(list_of(INT)), "p[1][1]: expected Int, got null"),
        ("null", PROFILE, "p: expected Profile, got null"),
        ("3", RARITY, "p: expected Rarity, got number"),
        ('"Mythic"', RARITY, 'p: unknown Rarity member "Mythic"'),
        ('"common"', RARITY, 'p: unknown Rarity member "common"'),
        ('{"a":1,"a":2}', map_of(STRING, INT), 'p: duplicate key "a"'),
        ('{"a":"x","a":2}', map_of(STRING, INT), 'p: duplicate key "a"'),
        ('{"a":1,"b":"x"}', map_of(STRING, INT), 'p["b"]: expected Int, got string'),
        ('{"q\\"":"x"}', map_of(STRING, INT), 'p["q\\""]: expected Int, got string'),
        ('{"01":1}', map_of(INT, INT), 'p: invalid Int key "01"'),
        ('{"+1":1}', map_of(INT, INT), 'p: invalid Int key "+1"'),
        ('{" 1":1}', map_of(INT, INT), 'p: invalid Int key " 1"'),
        ('{"1.0":1}', map_of(INT, INT), 'p: invalid Int key "1.0"'),
        ('{"-0":1}', map_of(INT, INT), 'p: invalid Int key "-0"'),
        ('{"":1}', map_of(INT, INT), 'p: invalid Int key ""'),
        ('{"9007199254740992":1}', map_of(INT, INT), 'p: invalid Int key "9007199254740992"'),
        ('{"1":"x"}', map_of(INT, INT), 'p["1"]: expected Int, got string'),
        ('{"Rare":1,"Mythic":2}', map_of(RARITY, INT), 'p: unknown Rarity member "Mythic"'),
        ("[]", SHAPE, "p: expected Shape, got array"),
        ('{"r":1}', SHAPE, 'p: missing field "kind"'),
        ('{"kind":1,"r":1}', SHAPE, "p.kind: expected String, got number"),
        ('{"kind":"Square"}', SHAPE, 'p.kind: unknown Shape variant "Square"'),
        ('{"kind":"Circle","kind":"Circle","r":1}', SHAPE, 'p: duplicate key "kind"'),
        ('{"kind":"Circle"}', SHAPE, 'p: missing field "r"'),
        ('{"kind":"Circle","r":1,"w":2}', SHAPE, 'p: unknown field "w"'),
        ('{"kind":"Circle","r":"1"}', SHAPE, "p.r: expected Float, got string"),
        ('{"kind":"Empty","x":null}', SHAPE, 'p: unknown field "x"'),
    ],
)
def test_rejections_name_the_path(text: str, t: ir.Type, message: str) -> None:
    with pytest.raises(DecodeError) as info:
        dec(text, t)
    assert str(info.value) == message


def _profile_with(replace: str, by: str) -> str:
    assert replace in PROFILE_JSON
    return PROFILE_JSON.replace(replace, by)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_profile_with('"hp":10', '"hp":"10"'), 'profile.stats["hp"]: expected Int, got string'),
        (_profile_with('"tags":["a","b"]', '"tags":["a",2]'), "profile.tags[1]: expected String, got number"),
        (_profile_with('"guild":null,', ""), 'profile: missing field "guild"'),
        (_profile_with('"id":"p1",', ""), 'profile: missing field "id"'),
        (_profile_with('"ok":true', '"ok":true,"extra":1'), 'profile: unknown field "extra"'),
        (_profile_with('"ok":true', '"ok":true,"id":"p2"'), 'profile: duplicate key "id"'),
        (_profile_with('"level":3', '"level":3.5'), "profile.level: Int must be written without fraction or exponent"),
        (_profile_with('"rarity":"Rare"', '"rarity":"rare"'), 'profile.rarity: unknown Rarity member "rare"'),
        (_profile_with('"stats":{"atk":2,"hp":10}', '"stats":{"atk":2,"atk":3}'), 'profile.stats: duplicate key "atk"'),
        (_profile_with('"guild":null', '"guild":7'), "profile.guild: expected String, got number"),
        # the first problem in document order wins
        (_profile_with('"id":"p1","level":3', '"id":1,"level":"x"'), "profile.id: expected String, got number"),
        (_profile_with('"id":"p1",', '"zzz":1,') + "", 'profile: unknown field "zzz"'),
    ],
)
def test_record_rejections(text: str, message: str) -> None:
    with pytest.raises(DecodeError) as info:
        dec(text, PROFILE, root="profile")
    assert str(info.value) == message


def test_field_order_of_missing_fields_is_declaration_order() -> None:
    with pytest.raises(DecodeError, match=r'^p: missing field "id"$'):
        dec("{}", PROFILE)


TYPES: list[ir.Type] = [INT, FLOAT, STRING, BOOL, list_of(opt(INT)), map_of(INT, STRING), map_of(RARITY, FLOAT), PROFILE, SHAPE]


@settings(max_examples=300)
@given(st.text(alphabet='{}[]",:0123456789-+.eEtruefalsn \\u"dD8aAkindKr\x00\ud800é', max_size=40))
def test_decode_never_raises_anything_but_decode_error(text: str) -> None:
    for t in TYPES:
        try:
            dec(text, t)
        except DecodeError:
            pass
