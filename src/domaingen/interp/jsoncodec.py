"""Canonical JSON (LANGUAGE.md section 7): typed encoding and strict decoding.

Consumes: run-time values (`values`), their IR types, and the program (or a
`ProgramIndex`) for record, union and enum declarations.
Produces: `encode(value, type, program) -> str`, the one canonical text of a
value, and `decode(text, type, program, root) -> Value`, which accepts
exactly what a well-behaved producer sends and raises `DecodeError` (and
never any other exception) otherwise.

Encoding — compact, no whitespace:
  Int as decimal; Float by `numfmt.format_float` (ECMAScript: `100`, `1e+21`,
  `1e-7`, `-0.0` as `0`); Bool `true`/`false`; String per
  `jsontext.json_string` (escape only `"`, `\\`, and below U+0020); List as
  an array; Map as an object in ascending key order (Int keys numerically,
  as decimal strings; String keys by code point; enum keys by declaration
  index, as member names); none as `null`; enum as its member name; record
  as an object with every field in declaration order (optional fields
  always present, `null` when none); union as `{"kind":"Variant",…}` with
  "kind" first and the variant's fields in declaration order.

Strict decoding — the contract every target's decoder follows. The text is
parsed as a whole first (`jsontext.parse`): anything that is not RFC 8259
JSON (bad tokens, `NaN`/`Infinity`, leading zeros, trailing text, raw control
characters in strings, lone surrogates escaped or raw, nesting deeper than
256) fails as `<root>: invalid JSON: <detail>` (the detail is not part of
the contract). Then the value is checked against the type, depth first in
document order; the first problem is reported as `<path>: <problem>`, where
the path starts at `root` (the parameter name) and adds `.field` for record
and variant fields (`.kind` for a union's tag), `[3]` for list elements and
`["key"]` (the JSON key, escaped as a canonical JSON string) for map
entries. Problems, in the order they are checked:

  any type    `expected <T>, got <json type>` — T as written in DSL source
              (`Int`, `List<String>`, `Map<String, Int>`, `Profile`; for an
              optional `T?` the message names `T`: null is always accepted)
              and the JSON type one of null, boolean, number, string,
              array, object
  Int         `Int must be written without fraction or exponent` (`1.0`,
              `1e2`; `-0` is accepted as 0); `Int out of range`
  Float       any JSON number, rounded to nearest; `Float out of range` when
              it rounds to an infinity (underflow to 0 is accepted)
  enum        `unknown <Enum> member "<name>"`
  object      (records, unions, maps) first `duplicate key "<k>"`: the first
              member, in document order, whose key appeared before
  union       `missing field "kind"`; then at `<path>.kind`: `expected
              String, got <json type>` or `unknown <Union> variant "<name>"`
  record/variant  members in document order: `unknown field "<k>"` or the
              member's own problem at `<path>.<k>`; then `missing field "<f>"`
              for the first absent field in declaration order (optional
              fields too: canonical JSON always has them)
  map         entries in document order: the key must be a canonical Int
              (`0` or `-?[1-9][0-9]*`, in range; else `invalid Int key "<k>"`),
              any string (String keys) or a member name (`unknown <Enum>
              member "<k>"`), then the entry's value at `<path>["<k>"]`
"""

from __future__ import annotations

import math
import re
from typing import Any, assert_never

from ..ir import nodes as ir
from ..semantics.numfmt import format_float
from .decls import ProgramIndex, index_of, type_text
from .ints import INT_MAX, INT_MIN
from .jsontext import JNumber, JObject, JsonSyntaxError, JValue, json_string, kind_of, parse
from .values import EnumVal, RecordVal, Value, VariantVal


class DecodeError(ValueError):
    """Input JSON that does not fit the expected type; the message names the path."""


# --- encoding --------------------------------------------------------------------


def encode(value: Value, type: ir.Type, program: ir.Program | ProgramIndex) -> str:
    out: list[str] = []
    _encode(value, type, index_of(program), out)
    return "".join(out)


def _encode(value: Any, t: ir.Type, index: ProgramIndex, out: list[str]) -> None:  # noqa: C901
    match t:
        case ir.IntType():
            out.append(str(value))
        case ir.FloatType():
            out.append(format_float(value))
        case ir.BoolType():
            out.append("true" if value else "false")
        case ir.StringType():
            out.append(json_string(value))
        case ir.OptionalType(inner=inner):
            if value is None:
                out.append("null")
            else:
                _encode(value, inner, index, out)
        case ir.ListType(elem=elem):
            out.append("[")
            for i, item in enumerate(value):
                if i:
                    out.append(",")
                _encode(item, elem, index, out)
            out.append("]")
        case ir.MapType(key=key_type, value=value_type):
            out.append("{")
            for i, key in enumerate(sorted(value)):
                if i:
                    out.append(",")
                out.append(json_string(_key_text(key)))
                out.append(":")
                _encode(value[key], value_type, index, out)
            out.append("}")
        case ir.NamedType(decl="enum"):
            out.append(json_string(value.member))
        case ir.NamedType(decl="record"):
            assert isinstance(value, RecordVal)
            decl = index.records[(t.module, t.name)]
            out.append("{")
            for i, f in enumerate(decl.fields):
                if i:
                    out.append(",")
                out.append(json_string(f.name))
                out.append(":")
                _encode(value.get(f.name), f.type, index, out)
            out.append("}")
        case ir.NamedType(decl="union"):
            assert isinstance(value, VariantVal)
            union = index.unions[(t.module, t.name)]
            variant = next(v for v in union.variants if v.name == value.variant)
            out.append('{"kind":')
            out.append(json_string(variant.name))
            for f in variant.fields:
                out.append(",")
                out.append(json_string(f.name))
                out.append(":")
                _encode(value.get(f.name), f.type, index, out)
            out.append("}")
        case ir.NamedType():
            raise TypeError(f"unknown declaration kind {t.decl!r}")
        case _:
            assert_never(t)


def _key_text(key: Any) -> str:
    if isinstance(key, EnumVal):
        return key.member
    if isinstance(key, str):
        return key
    return str(key)


# --- decoding --------------------------------------------------------------------

_INT_KEY = re.compile(r"0|-?[1-9][0-9]{0,15}")


def decode(text: str, type: ir.Type, program: ir.Program | ProgramIndex, root: str) -> Value:
    """Strictly decode `text` as a value of `type`; raises DecodeError only."""
    try:
        tree = parse(text)
    except JsonSyntaxError as err:
        raise DecodeError(f"{root}: invalid JSON: {err}") from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH keeps the parser shallow
        raise DecodeError(f"{root}: invalid JSON: nested too deeply") from None
    return _Decoder(index_of(program)).value(tree, type, root)


def _first_duplicate(members: list[tuple[str, JValue]]) -> str | None:
    seen: set[str] = set()
    for key, _ in members:
        if key in seen:
            return key
        seen.add(key)
    return None


class _Decoder:
    def __init__(self, index: ProgramIndex) -> None:
        self.index = index

    def value(self, j: JValue, t: ir.Type, path: str) -> Value:  # noqa: C901
        match t:
            case ir.OptionalType(inner=inner):
                return None if j is None else self.value(j, inner, path)
            case ir.IntType():
                if not isinstance(j, JNumber):
                    raise self.mismatch(j, t, path)
                if not j.is_integer_text:
                    raise DecodeError(f"{path}: Int must be written without fraction or exponent")
                digits = j.text.lstrip("-")
                if len(digits) > 16:
                    raise DecodeError(f"{path}: Int out of range")
                number = int(j.text)
                if not INT_MIN <= number <= INT_MAX:
                    raise DecodeError(f"{path}: Int out of range")
                return number
            case ir.FloatType():
                if not isinstance(j, JNumber):
                    raise self.mismatch(j, t, path)
                x = float(j.text)
                if not math.isfinite(x):
                    raise DecodeError(f"{path}: Float out of range")
                return x
            case ir.BoolType():
                if not isinstance(j, bool):
                    raise self.mismatch(j, t, path)
                return j
            case ir.StringType():
                if not isinstance(j, str):
                    raise self.mismatch(j, t, path)
                return j
            case ir.ListType(elem=elem):
                if not isinstance(j, list):
                    raise self.mismatch(j, t, path)
                return tuple([self.value(item, elem, f"{path}[{i}]") for i, item in enumerate(j)])
            case ir.MapType():
                return self.map(j, t, path)
            case ir.NamedType(decl="enum"):
                if not isinstance(j, str):
                    raise self.mismatch(j, t, path)
                return self.member(j, t, path)
            case ir.NamedType(decl="record"):
                return self.record(j, t, path)
            case ir.NamedType(decl="union"):
                return self.union(j, t, path)
            case ir.NamedType():
                raise TypeError(f"unknown declaration kind {t.decl!r}")
            case _:
                assert_never(t)

    @staticmethod
    def mismatch(j: JValue, t: ir.Type, path: str) -> DecodeError:
        return DecodeError(f"{path}: expected {type_text(t)}, got {kind_of(j)}")

    def member(self, name: str, t: ir.NamedType, path: str) -> EnumVal:
        found = self.index.members[(t.module, t.name)].get(name)
        if found is None:
            raise DecodeError(f"{path}: unknown {t.name} member {json_string(name)}")
        return found

    def object(self, j: JValue, t: ir.Type, path: str) -> JObject:
        if not isinstance(j, JObject):
            raise self.mismatch(j, t, path)
        duplicate = _first_duplicate(j.members)
        if duplicate is not None:
            raise DecodeError(f"{path}: duplicate key {json_string(duplicate)}")
        return j

    def map(self, j: JValue, t: ir.MapType, path: str) -> dict[Any, Value]:
        obj = self.object(j, t, path)
        out: dict[Any, Value] = {}
        key_type = t.key
        for key, item in obj.members:
            dkey: Any
            if isinstance(key_type, ir.IntType):
                if _INT_KEY.fullmatch(key) is None or not INT_MIN <= int(key) <= INT_MAX:
                    raise DecodeError(f"{path}: invalid Int key {json_string(key)}")
                dkey = int(key)
            elif isinstance(key_type, ir.NamedType):
                dkey = self.member(key, key_type, path)
            else:
                dkey = key
            out[dkey] = self.value(item, t.value, f"{path}[{json_string(key)}]")
        return out

    def fields(
        self, obj: JObject, fields: tuple[ir.RecordField, ...], path: str, skip: str | None
    ) -> tuple[Value, ...]:
        types = {f.name: f.type for f in fields}
        got: dict[str, Value] = {}
        for key, item in obj.members:
            if key == skip:
                continue
            if key not in types:
                raise DecodeError(f"{path}: unknown field {json_string(key)}")
            got[key] = self.value(item, types[key], f"{path}.{key}")
        for f in fields:
            if f.name not in got:
                raise DecodeError(f"{path}: missing field {json_string(f.name)}")
        return tuple(got[f.name] for f in fields)

    def record(self, j: JValue, t: ir.NamedType, path: str) -> RecordVal:
        obj = self.object(j, t, path)
        decl = self.index.records[(t.module, t.name)]
        return RecordVal(self.index.record_shape(t), self.fields(obj, decl.fields, path, None))

    def union(self, j: JValue, t: ir.NamedType, path: str) -> VariantVal:
        obj = self.object(j, t, path)
        tag = next((item for key, item in obj.members if key == "kind"), _MISSING)
        if tag is _MISSING:
            raise DecodeError(f'{path}: missing field "kind"')
        if not isinstance(tag, str):
            raise DecodeError(f"{path}.kind: expected String, got {kind_of(tag)}")
        union = self.index.unions[(t.module, t.name)]
        variant = next((v for v in union.variants if v.name == tag), None)
        if variant is None:
            raise DecodeError(f"{path}.kind: unknown {t.name} variant {json_string(tag)}")
        values = self.fields(obj, variant.fields, path, "kind")
        return VariantVal(self.index.variant_shape(t, tag), values)


_MISSING: Any = object()
