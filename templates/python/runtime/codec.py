"""Canonical JSON encoding and strict decoding, driven by codec descriptors.

Consumes: JSON text (parsed by `jsontext`, a verbatim copy of the reference
interpreter's strict parser) and values of generated code.
Produces: `Codec` objects that generated modules build once at import time,
one per type: `encode(value) -> str` (LANGUAGE.md section 7) and
`decode(text, root) -> value`, which raises `InvalidConversion` with a path
message such as `profile.stats["hp"]: expected Int, got string` and never
any other exception. The checks, their order and the messages are those of
`domaingen.interp.jsoncodec`. Also the public registry behind the package's
`to_json(value)` and `from_json(Type, text)`.

This is the module generated code and hosts import (`_codec.ListCodec`,
`_codec.INT`, `register`, ...); the codecs themselves live in
`codec_basic` (the `Codec` base class, scalars, options, lists, enums,
maps) and `codec_records` (records and unions), re-exported here.

Speed (the WASM host's hot path, docs/wasm-abi.md): each codec also builds,
once and on first use, a fast encoder (`encoder()`, the same text as
`write`) and a reader of the plain tree of Python's C `json` scanner
(`plain_reader()`, over `plainjson.plain_tree`). `decode` tries that reader
first and falls back to the strict parser above whenever the fast form has
any doubt (a duplicate key, a `\\u` escape, a lone surrogate, `-0`,
whitespace, a wrong type, a missing or unknown field, ...), so every error,
and every value it accepts, is exactly the strict path's.
"""

from __future__ import annotations

from typing import Any

from .codec_basic import (
    BOOL,
    FLOAT,
    INT,
    STRING,
    Codec,
    Encoder,
    EnumCodec,
    ListCodec,
    MapCodec,
    OptionalCodec,
)
from .codec_records import Field, RecordCodec, UnionCodec
from .plainjson import Reader

__all__ = [
    "BOOL",
    "FLOAT",
    "INT",
    "STRING",
    "Codec",
    "Encoder",
    "EnumCodec",
    "Field",
    "ListCodec",
    "MapCodec",
    "OptionalCodec",
    "Reader",
    "RecordCodec",
    "UnionCodec",
    "from_json",
    "register",
    "to_json",
]

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
