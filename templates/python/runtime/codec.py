"""Canonical JSON encoding and strict decoding, driven by codec descriptors.

Consumes: JSON text (parsed by `jsontext`, a verbatim copy of the reference
interpreter's strict parser) and values of generated code.
Produces: `Codec` objects that generated modules build once at import time,
one per type: `encode(value) -> str` (LANGUAGE.md section 7) and
`decode(text, root) -> value`, which raises `InvalidConversion` with a path
message such as `profile.stats["hp"]: expected Int, got string` and never
any other exception. The checks, their order and the messages are those of
`domaingen.interp.jsoncodec`.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Generic, Mapping, TypeVar

from .core import INT_MAX, INT_MIN, InvalidConversion
from .jsontext import (
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


class Codec(Generic[T]):
    """The JSON form of one DSL type (`text` is the type as written in DSL source)."""

    text: str = ""

    def write(self, value: Any, out: list[str]) -> None:
        raise NotImplementedError

    def read(self, j: JValue, path: str) -> Any:
        raise NotImplementedError

    def encode(self, value: T) -> str:
        out: list[str] = []
        self.write(value, out)
        return "".join(out)

    def decode(self, text: str, root: str = "value") -> T:
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

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, bool):
            raise self.mismatch(j, path)
        return j


class _String(Codec[str]):
    text = "String"

    def write(self, value: Any, out: list[str]) -> None:
        out.append(json_string(value))

    def read(self, j: JValue, path: str) -> Any:
        if not isinstance(j, str):
            raise self.mismatch(j, path)
        return j


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
