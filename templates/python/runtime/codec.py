"""Canonical JSON encoding and strict decoding, driven by codec descriptors.

Consumes: JSON text (parsed by `jsontext`, a verbatim copy of the reference
interpreter's strict parser) and values of generated code.
Produces: `Codec` objects that generated modules build once at import time,
one per type: `encode(value) -> str` (LANGUAGE.md section 7) and
`decode(text, root) -> value`, which raises `InvalidConversion` with a path
message such as `profile.stats["hp"]: expected Int, got string` and never
any other exception. The checks, their order and the messages are those of
`domaingen.interp.jsoncodec`.

Speed (the WASM host's hot path, docs/wasm-abi.md): each codec also builds,
once and on first use, a fast encoder (`encoder()`, the same text as
`write`) and a reader of the plain tree of Python's C `json` scanner
(`plain_reader()`). `decode` tries that reader first and falls back to the
strict parser above whenever the fast form has any doubt (a duplicate key,
a `\\u` escape, a lone surrogate, `-0`, whitespace, a wrong type, a
missing or unknown field, ...), so every error, and every value it accepts,
is exactly the strict path's.
"""

from __future__ import annotations

import json
import keyword
import re
from json.encoder import encode_basestring
from typing import Any, Callable, Generic, Mapping, TypeVar

from .core import INT_MAX, INT_MIN, InvalidConversion
from .jsontext import (
    MAX_DEPTH,
    JNumber,
    JObject,
    JsonSyntaxError,
    JValue,
    json_string,
    kind_of,
    parse,
)
from .numfmt import format_float

T = TypeVar("T")

_INT_KEY = re.compile(r"0|-?[1-9][0-9]{0,15}")
# json_string's exact escaping (checked for every code point by the tests), in C
_quote: Callable[[str], str] = encode_basestring
Encoder = Callable[[Any], str]
Reader = Callable[[Any], Any]  # plain tree (dict, list, int, float, str, bool, None) -> value


class _NotPlain(Exception):
    """The fast decoding path declines; the strict path decides."""


_NOT_PLAIN = _NotPlain()
_NEG_ZERO = re.compile(r"-0(?![.eE0-9])")  # strict reads "-0" as Float -0.0, `json` as int 0
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_PLAIN_DEPTH = min(MAX_DEPTH, 64)  # deeper types keep the strict path (its depth limit)


def _members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    members = dict(pairs)
    if len(members) != len(pairs):
        raise _NOT_PLAIN  # a duplicate key: the strict path reports it
    return members


def _constant(name: str) -> Any:
    raise _NOT_PLAIN  # NaN, Infinity: not JSON


_scan = json.JSONDecoder(object_pairs_hook=_members, parse_constant=_constant).raw_decode


def _plain_tree(text: str) -> Any:
    """`text` as `json`'s plain tree, only where the strict parser reads the same thing."""
    if (
        "\\u" in text
        or ("-0" in text and _NEG_ZERO.search(text) is not None)
        or (not text.isascii() and _SURROGATE.search(text) is not None)
    ):
        raise _NOT_PLAIN
    value, end = _scan(text, 0)  # no whitespace around the value: else `end` falls short
    if end != len(text):
        raise _NOT_PLAIN
    return value


class Codec(Generic[T]):
    """The JSON form of one DSL type (`text` is the type as written in DSL source)."""

    text: str = ""
    _encoder: Encoder | None = None
    _reader: tuple[Reader | None] | None = None

    def write(self, value: Any, out: list[str]) -> None:
        raise NotImplementedError

    def read(self, j: JValue, path: str) -> Any:
        raise NotImplementedError

    def encode(self, value: T) -> str:
        encoder = self._encoder or self.encoder()
        return encoder(value)

    def encoder(self) -> Encoder:
        """`value -> canonical JSON`, the same text as `write` (built once)."""
        if self._encoder is None:
            self._encoder = self.build_encoder()
        return self._encoder

    def build_encoder(self) -> Encoder:
        write = self.write

        def encode(value: Any) -> str:
            out: list[str] = []
            write(value, out)
            return "".join(out)

        return encode

    def plain_reader(self) -> Reader | None:
        """The reader of `json`'s plain tree (None: this codec has none), built once.

        It returns exactly what `read` returns for the same JSON, or raises
        (anything) where `read` might raise or differ.
        """
        if self._reader is None:
            self._reader = (self.build_reader() if self.depth() <= _PLAIN_DEPTH else None,)
        return self._reader[0]

    def build_reader(self) -> Reader | None:
        return None

    def depth(self) -> int:
        """How deeply this type's JSON nests (objects and arrays)."""
        return MAX_DEPTH + 1

    def decode(self, text: str, root: str = "value") -> T:
        reader = self.plain_reader() if type(text) is str else None
        if reader is not None:
            try:
                fast: T = reader(_plain_tree(text))
                return fast
            except Exception:  # noqa: BLE001 - any doubt: the strict path decides (and words the error)
                pass
        return self.decode_strict(text, root)

    def decode_strict(self, text: str, root: str = "value") -> T:
        """`decode` by the strict parser alone (what the fast path must agree with)."""
        try:
            tree = parse(text)
        except JsonSyntaxError as err:
            raise InvalidConversion(f"{root}: invalid JSON: {err}") from None
        except RecursionError:
            raise InvalidConversion(
                f"{root}: invalid JSON: nested too deeply"
            ) from None
        value: T = self.read(tree, root)
        return value

    def mismatch(self, j: JValue, path: str) -> InvalidConversion:
        return InvalidConversion(f"{path}: expected {self.text}, got {kind_of(j)}")


class _Int(Codec[int]):
    text = "Int"

    def write(self, value: Any, out: list[str]) -> None:
        out.append(str(value))

    def build_encoder(self) -> Encoder:
        return str

    def build_reader(self) -> Reader:
        def read(j: Any) -> Any:
            if type(j) is int and INT_MIN <= j <= INT_MAX:
                return j
            raise _NOT_PLAIN

        return read

    def depth(self) -> int:
        return 0

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, JNumber):
            raise self.mismatch(j, path)
        if not j.is_integer_text:
            raise InvalidConversion(
                f"{path}: Int must be written without fraction or exponent"
            )
        if len(j.text.lstrip("-")) > 16:
            raise InvalidConversion(f"{path}: Int out of range")
        number = int(j.text)
        if not INT_MIN <= number <= INT_MAX:
            raise InvalidConversion(f"{path}: Int out of range")
        return number


class _Float(Codec[float]):
    text = "Float"

    def write(self, value: Any, out: list[str]) -> None:
        out.append(format_float(value))

    def build_encoder(self) -> Encoder:
        return format_float

    def build_reader(self) -> Reader:
        def read(j: Any) -> Any:
            kind = type(j)
            x = j if kind is float else float(j) if kind is int else None
            if x is None or x == _INF or x == -_INF:
                raise _NOT_PLAIN
            return x

        return read

    def depth(self) -> int:
        return 0

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, JNumber):
            raise self.mismatch(j, path)
        x = float(j.text)
        if x == float("inf") or x == float("-inf"):
            raise InvalidConversion(f"{path}: Float out of range")
        return x


class _Bool(Codec[bool]):
    text = "Bool"

    def write(self, value: Any, out: list[str]) -> None:
        out.append("true" if value else "false")

    def build_encoder(self) -> Encoder:
        return lambda value: "true" if value else "false"

    def build_reader(self) -> Reader:
        def read(j: Any) -> Any:
            if type(j) is bool:
                return j
            raise _NOT_PLAIN

        return read

    def depth(self) -> int:
        return 0

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, bool):
            raise self.mismatch(j, path)
        return j


class _String(Codec[str]):
    text = "String"

    def write(self, value: Any, out: list[str]) -> None:
        out.append(json_string(value))

    def build_encoder(self) -> Encoder:
        return _quote

    def build_reader(self) -> Reader:
        def read(j: Any) -> Any:
            if type(j) is str:
                return j
            raise _NOT_PLAIN

        return read

    def depth(self) -> int:
        return 0

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, str):
            raise self.mismatch(j, path)
        return j


_INF = float("inf")
INT: Codec[int] = _Int()
FLOAT: Codec[float] = _Float()
BOOL: Codec[bool] = _Bool()
STRING: Codec[str] = _String()


class OptionalCodec(Codec[Any]):
    def __init__(self, inner: Codec[Any]) -> None:
        self.inner = inner
        self.text = inner.text + "?"

    def write(self, value: Any, out: list[str]) -> None:
        if value is None:
            out.append("null")
        else:
            self.inner.write(value, out)

    def read(self, j: JValue, path: str) -> Any:
        return None if j is None else self.inner.read(j, path)

    def build_encoder(self) -> Encoder:
        inner = self.inner.encoder()
        return lambda value: "null" if value is None else inner(value)

    def build_reader(self) -> Reader | None:
        inner = self.inner.plain_reader()
        if inner is None:
            return None
        return lambda j: None if j is None else inner(j)

    def depth(self) -> int:
        return self.inner.depth()


class ListCodec(Codec[Any]):
    def __init__(self, elem: Codec[Any]) -> None:
        self.elem = elem
        self.text = f"List<{elem.text}>"

    def write(self, value: Any, out: list[str]) -> None:
        out.append("[")
        write = self.elem.write
        for i, item in enumerate(value):
            if i:
                out.append(",")
            write(item, out)
        out.append("]")

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, list):
            raise self.mismatch(j, path)
        read = self.elem.read
        return tuple([read(item, f"{path}[{i}]") for i, item in enumerate(j)])

    def build_encoder(self) -> Encoder:
        elem = self.elem.encoder()
        return lambda value: "[" + ",".join(map(elem, value)) + "]"

    def build_reader(self) -> Reader | None:
        elem = self.elem.plain_reader()
        if elem is None:
            return None

        def read(j: Any) -> Any:
            if type(j) is not list:
                raise _NOT_PLAIN
            return tuple(map(elem, j))

        return read

    def depth(self) -> int:
        return 1 + self.elem.depth()


def _object(codec: Codec[Any], j: JValue, path: str) -> JObject:
    if not isinstance(j, JObject):
        raise codec.mismatch(j, path)
    seen: set[str] = set()
    for key, _ in j.members:
        if key in seen:
            raise InvalidConversion(f"{path}: duplicate key {json_string(key)}")
        seen.add(key)
    return j


class EnumCodec(Codec[Any]):
    """Enum members as their DSL names; `order` gives the declaration index (map key order)."""

    def __init__(self, name: str, members: Mapping[str, Any]) -> None:
        self.text = name
        self.members = dict(members)

    def write(self, value: Any, out: list[str]) -> None:
        out.append(json_string(value.value))

    def key_text(self, value: Any) -> str:
        name: str = value.value
        return name

    def member(self, name: str, path: str) -> Any:
        found = self.members.get(name)
        if found is None:
            raise InvalidConversion(
                f"{path}: unknown {self.text} member {json_string(name)}"
            )
        return found

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, str):
            raise self.mismatch(j, path)
        return self.member(j, path)

    def build_encoder(self) -> Encoder:
        return lambda value: _quote(value.value)

    def build_reader(self) -> Reader:
        members = self.members

        def read(j: Any) -> Any:
            if type(j) is not str:
                raise _NOT_PLAIN
            return members[j]  # KeyError: the strict path names the unknown member

        return read

    def depth(self) -> int:
        return 0


class MapCodec(Codec[Any]):
    """`key` is INT, STRING or an EnumCodec; entries are written in ascending key order."""

    def __init__(self, key: Codec[Any], value: Codec[Any]) -> None:
        self.key = key
        self.value = value
        self.text = f"Map<{key.text}, {value.text}>"

    def _key_text(self, key: Any) -> str:
        if isinstance(self.key, EnumCodec):
            return self.key.key_text(key)
        return key if isinstance(key, str) else str(key)

    def write(self, value: Any, out: list[str]) -> None:
        out.append("{")
        write = self.value.write
        for i, key in enumerate(sorted(value)):
            if i:
                out.append(",")
            out.append(json_string(self._key_text(key)))
            out.append(":")
            write(value[key], out)
        out.append("}")

    def read(self, j: JValue, path: str) -> Any:
        obj = _object(self, j, path)
        out: dict[Any, Any] = {}
        key_codec = self.key
        for key, item in obj.members:
            dkey: Any
            if key_codec is INT:
                if (
                    _INT_KEY.fullmatch(key) is None
                    or not INT_MIN <= int(key) <= INT_MAX
                ):
                    raise InvalidConversion(
                        f"{path}: invalid Int key {json_string(key)}"
                    )
                dkey = int(key)
            elif isinstance(key_codec, EnumCodec):
                dkey = key_codec.member(key, path)
            else:
                dkey = key
            out[dkey] = self.value.read(item, f"{path}[{json_string(key)}]")
        return out

    def build_encoder(self) -> Encoder:
        key_text = self._key_text
        value_enc = self.value.encoder()

        def encode(value: Any) -> str:
            return "{" + ",".join([_quote(key_text(k)) + ":" + value_enc(value[k]) for k in sorted(value)]) + "}"

        return encode

    def build_reader(self) -> Reader | None:
        value = self.value.plain_reader()
        key_codec = self.key
        key: Callable[[str], Any]
        if value is None:
            return None
        if key_codec is INT:
            key = _int_key
        elif isinstance(key_codec, EnumCodec):
            key = key_codec.members.__getitem__
        elif key_codec is STRING:
            key = str
        else:
            return None

        def read(j: Any) -> Any:
            if type(j) is not dict:
                raise _NOT_PLAIN
            return {key(k): value(v) for k, v in j.items()}

        return read

    def depth(self) -> int:
        return 1 + self.value.depth()


def _compile(name: str, param: str, expression: str, names: dict[str, Any], fields: tuple[Field, ...]) -> Callable[[Any], Any]:
    """`def name(param): return expression` over `names` (record fields: no per-field loop or call frame).

    The expression names the fields' Python attributes; they must be identifiers.
    """
    if not all(n.isidentifier() and not keyword.iskeyword(n) for n in (name, param, *names, *(a for _, a, _ in fields))):
        raise ValueError(f"not an identifier among the names of {name}")
    namespace = dict(names, _raise=_raise)
    exec(f"def {name}({param}):\n    return {expression}\n", namespace)  # noqa: S102 - names are identifiers, literals repr()
    function: Callable[[Any], Any] = namespace[name]
    return function


def _raise(err: Exception) -> Any:
    raise err


def _int_key(key: str) -> int:
    if _INT_KEY.fullmatch(key) is None:
        raise _NOT_PLAIN
    number = int(key)
    if not INT_MIN <= number <= INT_MAX:
        raise _NOT_PLAIN
    return number


Field = tuple[str, str, Codec[Any]]  # (JSON name, Python attribute, codec)


class _Fields:
    """The fields of a record or variant, in declaration order."""

    def __init__(self, cls: Callable[..., Any], fields: tuple[Field, ...]) -> None:
        self.cls = cls
        self.fields = fields
        self.by_name = {name: (attr, codec) for name, attr, codec in fields}
        # (`,"name":`, attribute, codec): the comma is dropped for a record's first field
        self.prefixes = tuple(
            ("," + json_string(name) + ":", attr, codec) for name, attr, codec in fields
        )

    def write(self, value: Any, out: list[str], first: bool) -> None:
        for prefix, attr, codec in self.prefixes:
            out.append(prefix[1:] if first else prefix)
            first = False
            codec.write(getattr(value, attr), out)

    def read(self, obj: JObject, path: str, skip: str | None) -> Any:
        got: dict[str, Any] = {}
        by_name = self.by_name
        for key, item in obj.members:
            if key == skip:
                continue
            found = by_name.get(key)
            if found is None:
                raise InvalidConversion(f"{path}: unknown field {json_string(key)}")
            attr, codec = found
            got[attr] = codec.read(item, f"{path}.{key}")
        for name, attr, _ in self.fields:
            if attr not in got:
                raise InvalidConversion(f"{path}: missing field {json_string(name)}")
        return self.cls(**got)

    def build_encoder(self, head: str, first: bool) -> Encoder:
        """`head` (`{` or `{"kind":"V"`), the fields (`first`: no comma before the first), `}`."""
        names = {f"e{i}": codec.encoder() for i, (_, _, codec) in enumerate(self.fields)}
        parts = [repr(head)]
        for i, (name, attr, _) in enumerate(self.fields):
            parts.append(repr(("" if i == 0 and first else ",") + json_string(name) + ":") + f" + e{i}(value.{attr})")
        return _compile("encode", "value", " + ".join(parts) + ' + "}"', names, self.fields)

    def build_reader(self, extra: int) -> Reader | None:
        """Reads an object of exactly these fields (plus `extra` checked keys, the union tag)."""
        names: dict[str, Any] = {"cls": self.cls, "NOT_PLAIN": _NOT_PLAIN}
        args = []
        for i, (name, attr, codec) in enumerate(self.fields):
            reader = names[f"r{i}"] = codec.plain_reader()
            if reader is None:
                return None
            args.append(f"{attr}=r{i}(j[{name!r}])")
        # with no duplicate key and every field present, the size rules out an unknown field
        size = len(self.fields) + extra
        body = f"cls({', '.join(args)}) if type(j) is dict and len(j) == {size} else _raise(NOT_PLAIN)"
        return _compile("read", "j", body, names, self.fields)

    def depth(self) -> int:
        return 1 + max((codec.depth() for _, _, codec in self.fields), default=0)


class RecordCodec(Codec[Any]):
    def __init__(
        self, name: str, cls: Callable[..., Any], fields: tuple[Field, ...]
    ) -> None:
        self.text = name
        self.fields = _Fields(cls, fields)

    def write(self, value: Any, out: list[str]) -> None:
        out.append("{")
        self.fields.write(value, out, True)
        out.append("}")

    def read(self, j: JValue, path: str) -> Any:
        return self.fields.read(_object(self, j, path), path, None)

    def build_encoder(self) -> Encoder:
        return self.fields.build_encoder("{", True)

    def build_reader(self) -> Reader | None:
        return self.fields.build_reader(0)

    def depth(self) -> int:
        return self.fields.depth()


class UnionCodec(Codec[Any]):
    """`variants`: (DSL variant name, class, fields) in declaration order."""

    def __init__(
        self,
        name: str,
        variants: tuple[tuple[str, Callable[..., Any], tuple[Field, ...]], ...],
    ) -> None:
        self.text = name
        self.by_name = {vname: _Fields(cls, fields) for vname, cls, fields in variants}
        self.by_class = {
            cls: ('{"kind":' + json_string(vname), self.by_name[vname])
            for vname, cls, _ in variants
        }

    def write(self, value: Any, out: list[str]) -> None:
        head, fields = self.by_class[type(value)]
        out.append(head)
        fields.write(value, out, False)
        out.append("}")

    def read(self, j: JValue, path: str) -> Any:
        obj = _object(self, j, path)
        tag: Any = _MISSING
        for key, item in obj.members:
            if key == "kind":
                tag = item
                break
        if tag is _MISSING:
            raise InvalidConversion(f'{path}: missing field "kind"')
        if not isinstance(tag, str):
            raise InvalidConversion(f"{path}.kind: expected String, got {kind_of(tag)}")
        fields = self.by_name.get(tag)
        if fields is None:
            raise InvalidConversion(
                f"{path}.kind: unknown {self.text} variant {json_string(tag)}"
            )
        return fields.read(obj, path, "kind")

    def build_encoder(self) -> Encoder:
        by_class = {cls: fields.build_encoder(head, False) for cls, (head, fields) in self.by_class.items()}

        def encode(value: Any) -> str:
            return by_class[type(value)](value)

        return encode

    def build_reader(self) -> Reader | None:
        by_name = {}
        for name, fields in self.by_name.items():
            reader = fields.build_reader(1)
            if reader is None:
                return None
            by_name[name] = reader

        def read(j: Any) -> Any:
            if type(j) is not dict:
                raise _NOT_PLAIN
            return by_name[j["kind"]](j)  # a non-string tag is unhashable or unknown

        return read

    def depth(self) -> int:
        return max((f.depth() for f in self.by_name.values()), default=1)


_MISSING: Any = object()

# --- the public registry: to_json / from_json -------------------------------------

_BY_CLASS: dict[Any, Codec[Any]] = {}
_BY_TYPE: dict[Any, Codec[Any]] = {}


def register(
    key: Any, codec: Codec[Any], classes: tuple[Any, ...] | None = None
) -> None:
    """Make `codec` the codec of type `key` (a class or a `Union` alias) and of `classes` (default: `key`)."""
    _BY_TYPE[key] = codec
    for cls in (key,) if classes is None else classes:
        _BY_CLASS[cls] = codec


def to_json(value: Any) -> str:
    """Canonical JSON of a record, union variant or enum value of a generated module."""
    codec = _BY_CLASS.get(type(value))
    if codec is None:
        raise TypeError(f"not a generated record, union or enum value: {value!r}")
    return codec.encode(value)


def from_json(type_: Any, text: str, root: str = "value") -> Any:
    """Strictly decode `text` as a `type_` (a generated class or union alias)."""
    codec = _BY_TYPE.get(type_)
    if codec is None:
        raise TypeError(f"not a generated record, union or enum type: {type_!r}")
    return codec.decode(text, root)
