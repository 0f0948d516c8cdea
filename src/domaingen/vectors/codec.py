"""Per-type fast paths of the vector builder, compiled once per type.

Consumes: IR types and the program's `ProgramIndex`.
Produces: `Codecs`, whose three kinds of closure each equal a slower,
general function of `interp.jsoncodec` / `vectors.canonical` on the builder's
own data (tests/test_vectors.py checks all three on every candidate of dsl/):

* `reader(t)(data)` — generated data (`inputs`) to a value: what
  `canonical.decode_data(data, t, …)` gives. It raises `Unsure` for anything
  it does not fully check itself (wrong JSON type, out-of-range number,
  unknown or missing field, non-string key…); the caller then takes the
  strict path, which gives the value or the right `DecodeError`.
* `encoder(t)(value)` — `jsoncodec.encode(value, t, …)`, the canonical text.
* `canonical(t)` — None when `decode_canonical(encode(v))` is `v` itself for
  every value of `t`, else a closure computing it: `-0.0` becomes `0.0` (its
  canonical text is `0`) and maps are rebuilt in ascending key order (the
  order of their canonical text). Every other value reads back as itself,
  because floats are written with round-trip digits.

The index keeps every type alive, so closures are cached by `id(type)`.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from ..interp.decls import ProgramIndex
from ..interp.ints import INT_MAX, INT_MIN
from ..interp.jsoncodec import _INT_KEY  # the strict decoder's own Int-key pattern
from ..interp.jsontext import json_string
from ..interp.values import RecordVal, Shape, Value, VariantVal
from ..ir import nodes as ir
from ..semantics.numfmt import format_float

# Values are typed by the IR type a closure was compiled for, not statically: `Any`.
Reader = Callable[[Any], Value]
Encoder = Callable[[Any], str]
Canon = Callable[[Any], Any]


class Unsure(Exception):
    """The fast reader cannot vouch for this data: use the strict decoder."""


def _int(data: Any) -> int:
    if type(data) is int and INT_MIN <= data <= INT_MAX:
        return data
    raise Unsure()


def _float(data: Any) -> float:
    if type(data) is float and math.isfinite(data):
        return data
    raise Unsure()


def _bool(data: Any) -> bool:
    if data is True or data is False:
        return data
    raise Unsure()


def _string(data: Any) -> str:
    if type(data) is str:
        return data
    raise Unsure()


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _zero_sign(value: float) -> float:
    return 0.0 if value == 0.0 else value


def _same(value: Value) -> Value:
    return value


class Codecs:
    def __init__(self, index: ProgramIndex) -> None:
        self.index = index
        self._readers: dict[int, Reader] = {}
        self._encoders: dict[int, Encoder] = {}
        self._canons: dict[int, Canon | None] = {}

    def reader(self, t: ir.Type) -> Reader:
        fn = self._readers.get(id(t))
        if fn is None:
            fn = self._readers[id(t)] = self._reader(t)
        return fn

    def encoder(self, t: ir.Type) -> Encoder:
        fn = self._encoders.get(id(t))
        if fn is None:
            fn = self._encoders[id(t)] = self._encoder(t)
        return fn

    def canonical(self, t: ir.Type) -> Canon | None:
        if id(t) not in self._canons:
            self._canons[id(t)] = self._canon(t)
        return self._canons[id(t)]

    # --- readers ---------------------------------------------------------------

    def _reader(self, t: ir.Type) -> Reader:  # noqa: C901 - one arm per type
        match t:
            case ir.IntType():
                return _int
            case ir.FloatType():
                return _float
            case ir.BoolType():
                return _bool
            case ir.StringType():
                return _string
            case ir.OptionalType(inner=inner):
                read = self.reader(inner)
                return lambda data: None if data is None else read(data)
            case ir.ListType(elem=elem):
                item = self.reader(elem)

                def read_list(data: Any) -> tuple[Value, ...]:
                    if type(data) is not list:
                        raise Unsure()
                    return tuple([item(x) for x in data])

                return read_list
            case ir.MapType(key=key_type, value=value_type):
                return self._map_reader(key_type, self.reader(value_type))
            case ir.NamedType(decl="enum"):
                members = self.index.members[(t.module, t.name)]

                def read_member(data: Any) -> Value:
                    found = members.get(data) if type(data) is str else None
                    if found is None:
                        raise Unsure()
                    return found

                return read_member
            case ir.NamedType(decl="record"):
                return self._fields_reader(self.index.record_shape(t), RecordVal, None)
            case ir.NamedType(decl="union"):
                variants = {
                    name: self._fields_reader(shape, VariantVal, "kind")
                    for name, shape in self.index.variant_shapes[(t.module, t.name)].items()
                }

                def read_union(data: Any) -> Value:
                    tag = data.get("kind") if type(data) is dict else None
                    read = variants.get(tag) if type(tag) is str else None
                    if read is None:
                        raise Unsure()
                    return read(data)

                return read_union
        raise Unsure()  # pragma: no cover - every type is handled above

    def _map_reader(self, key_type: ir.Type, value: Reader) -> Reader:
        key: Callable[[str], Any]
        if isinstance(key_type, ir.IntType):

            def key(text: str) -> int:
                if _INT_KEY.fullmatch(text) is None or not INT_MIN <= int(text) <= INT_MAX:
                    raise Unsure()
                return int(text)

        elif isinstance(key_type, ir.NamedType):
            member = self.reader(key_type)
            key = member
        else:
            key = _string

        def read_map(data: Any) -> dict[Any, Value]:
            if type(data) is not dict:
                raise Unsure()
            # Only string keys: other keys could collide once written as JSON text.
            return {key(_string(k)): value(v) for k, v in data.items()}

        return read_map

    def _fields_reader(self, shape: Shape, make: type[RecordVal] | type[VariantVal], tag: str | None) -> Reader:
        """Exactly the declared fields (and the tag, for variants), each readable."""
        readers = [(name, self.reader(t)) for name, t in zip(shape.fields, shape.types)]
        size = len(readers) + (tag is not None)
        names = set(shape.fields) | ({tag} if tag is not None else set())

        def read_fields(data: Any) -> Value:
            if type(data) is not dict or len(data) != size or not names.issuperset(data):
                raise Unsure()
            return make(shape, tuple([read(data[name]) for name, read in readers]))

        return read_fields

    # --- encoders --------------------------------------------------------------

    def _encoder(self, t: ir.Type) -> Encoder:  # noqa: C901 - one arm per type
        match t:
            case ir.IntType():
                return str
            case ir.FloatType():
                return format_float
            case ir.BoolType():
                return _bool_text
            case ir.StringType():
                return json_string
            case ir.OptionalType(inner=inner):
                enc = self.encoder(inner)
                return lambda value: "null" if value is None else enc(value)
            case ir.ListType(elem=elem):
                item = self.encoder(elem)
                return lambda value: "[" + ",".join([item(x) for x in value]) + "]"
            case ir.MapType(key=key_type, value=value_type):
                entry = self.encoder(value_type)
                if isinstance(key_type, ir.NamedType):
                    return lambda value: "{" + ",".join(
                        [json_string(k.member) + ":" + entry(value[k]) for k in sorted(value)]
                    ) + "}"
                key_text: Callable[[Any], str] = str if isinstance(key_type, ir.IntType) else json_string
                if key_text is str:
                    return lambda value: "{" + ",".join(
                        ['"' + str(k) + '":' + entry(value[k]) for k in sorted(value)]
                    ) + "}"
                return lambda value: "{" + ",".join([json_string(k) + ":" + entry(value[k]) for k in sorted(value)]) + "}"
            case ir.NamedType(decl="enum"):
                return lambda value: json_string(value.member)
            case ir.NamedType(decl="record"):
                return self._fields_encoder(self.index.record_shape(t), "{")
            case ir.NamedType(decl="union"):
                variants = {
                    name: self._fields_encoder(shape, '{"kind":' + json_string(name) + ("," if shape.fields else ""))
                    for name, shape in self.index.variant_shapes[(t.module, t.name)].items()
                }
                return lambda value: variants[value.variant](value)
        raise TypeError(f"cannot encode {t!r}")  # pragma: no cover

    def _fields_encoder(self, shape: Shape, head: str) -> Encoder:
        """`head`, then `"field":value` in declaration order, then `}`."""
        parts = [(json_string(name) + ":", self.encoder(t)) for name, t in zip(shape.fields, shape.types)]
        names = shape.fields

        def encode_fields(value: Any) -> str:
            values = value.values if value.shape is shape else [value.get(name) for name in names]
            return head + ",".join([label + enc(v) for (label, enc), v in zip(parts, values)]) + "}"

        return encode_fields

    # --- canonical values --------------------------------------------------------

    def _canon(self, t: ir.Type) -> Canon | None:  # noqa: C901 - one arm per type
        match t:
            case ir.FloatType():
                return _zero_sign
            case ir.OptionalType(inner=inner):
                fix = self.canonical(inner)
                if fix is None:
                    return None
                return lambda value: None if value is None else fix(value)
            case ir.ListType(elem=elem):
                item = self.canonical(elem)
                if item is None:
                    return None
                return lambda value: tuple([item(x) for x in value])
            case ir.MapType(value=value_type):
                entry = self.canonical(value_type)
                if entry is None:
                    return lambda value: {k: value[k] for k in sorted(value)}
                return lambda value: {k: entry(value[k]) for k in sorted(value)}
            case ir.NamedType(decl="record"):
                return self._fields_canon(self.index.record_shape(t), RecordVal)
            case ir.NamedType(decl="union"):
                fixes = {
                    name: self._fields_canon(shape, VariantVal)
                    for name, shape in self.index.variant_shapes[(t.module, t.name)].items()
                }
                if all(fix is None for fix in fixes.values()):
                    return None
                variants = {name: fix or _same for name, fix in fixes.items()}
                return lambda value: variants[value.variant](value)
        return None  # Int, Bool, String, enums

    def _fields_canon(self, shape: Shape, make: type[RecordVal] | type[VariantVal]) -> Canon | None:
        fixes = [self.canonical(t) for t in shape.types]
        if all(fix is None for fix in fixes):
            return None
        plan = [fix or _same for fix in fixes]

        def canon_fields(value: Any) -> Value:
            return make(value.shape, tuple([fix(v) for fix, v in zip(plan, value.values)]))

        return canon_fields
