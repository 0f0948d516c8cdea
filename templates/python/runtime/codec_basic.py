"""The `Codec` base class and the codecs of scalars, options, lists, enums and maps.

Consumes: values of generated code, the strict parser's tree (`jsontext`)
and, on the fast path, `json`'s plain tree (`plainjson`).
Produces: `Codec` (`encode`, `decode`, `decode_strict`, `write`, `read`,
`encoder()`, `plain_reader()`), the shared scalar codecs `INT`, `FLOAT`,
`BOOL`, `STRING`, and `OptionalCodec`, `ListCodec`, `EnumCodec`,
`MapCodec`; `checked_object` is the strict object check records and unions
(`codec_records`) share with maps. The checks, their order and the messages
are those of `domaingen.interp.jsoncodec`.
"""

from __future__ import annotations

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
from .plainjson import NOT_PLAIN, PLAIN_DEPTH, Reader, plain_tree

T = TypeVar("T")

_INT_KEY = re.compile(r"0|-?[1-9][0-9]{0,15}")
# json_string's exact escaping (checked for every code point by the tests), in C
_quote: Callable[[str], str] = encode_basestring
Encoder = Callable[[Any], str]


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
            self._reader = (
                self.build_reader() if self.depth() <= PLAIN_DEPTH else None,
            )
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
                fast: T = reader(plain_tree(text))
                return fast
            except Exception:  # noqa: BLE001
                pass  # any doubt: the strict path decides (and words the error)
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
            raise NOT_PLAIN

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
                raise NOT_PLAIN
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
            raise NOT_PLAIN

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
            raise NOT_PLAIN

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
                raise NOT_PLAIN
            return tuple(map(elem, j))

        return read

    def depth(self) -> int:
        return 1 + self.elem.depth()


def checked_object(codec: Codec[Any], j: JValue, path: str) -> JObject:
    """`j` as an object without a duplicate key, else the strict path's error."""
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
                raise NOT_PLAIN
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
        obj = checked_object(self, j, path)
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
            return (
                "{"
                + ",".join(
                    [
                        _quote(key_text(k)) + ":" + value_enc(value[k])
                        for k in sorted(value)
                    ]
                )
                + "}"
            )

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
                raise NOT_PLAIN
            return {key(k): value(v) for k, v in j.items()}

        return read

    def depth(self) -> int:
        return 1 + self.value.depth()


def _int_key(key: str) -> int:
    if _INT_KEY.fullmatch(key) is None:
        raise NOT_PLAIN
    number = int(key)
    if not INT_MIN <= number <= INT_MAX:
        raise NOT_PLAIN
    return number
