"""Fast paths to the strict decoder's input tree for text the vector builder made.

Consumes: generated argument data (`inputs`: dict/list/str/int/float/bool/
None) or canonical JSON text that `jsoncodec.encode` wrote.
Produces: the `jsontext` tree (`JNumber` with the number's text, `JObject`
with members in order) that `jsontext.parse` would give for the same JSON,
ready for the typed check of `jsoncodec._Decoder`. So `decode_data(x, …)`
is `decode(json.dumps(x, ensure_ascii=False, allow_nan=False), …)` and
`decode_canonical(text, …)` is `decode(text, …)`, without the pure-Python
parser: for this input — well-formed, no duplicate keys, no lone
surrogates, shallow — the trees are the same (tests/test_vectors.py checks
both against the strict path). Never use them for outside input: they skip
the syntax checks that only outside input needs.
"""

from __future__ import annotations

import json
from typing import Any

from ..interp.decls import ProgramIndex
from ..interp.jsoncodec import DecodeError, _Decoder
from ..interp.jsontext import JNumber, JObject, JValue
from ..interp.values import Value
from ..ir import nodes as ir

__all__ = ["DecodeError", "decode_canonical", "decode_data", "tree_of"]


def tree_of(data: Any) -> JValue:
    """The tree of `json.dumps(data, allow_nan=False)`; ValueError for NaN and infinities."""
    if data is None or data is True or data is False or isinstance(data, str):
        return data
    if isinstance(data, int):
        return JNumber(int.__repr__(data))
    if isinstance(data, float):
        if data != data or data in (float("inf"), float("-inf")):
            raise ValueError(f"out of range float value {data!r}")
        return JNumber(float.__repr__(data))
    if isinstance(data, (list, tuple)):
        return [tree_of(item) for item in data]
    if isinstance(data, dict):
        return JObject([(_key(k), tree_of(v)) for k, v in data.items()])
    raise TypeError(f"not JSON data: {type(data).__name__}")


def _key(key: Any) -> str:
    """An object key as `json.dumps` writes it."""
    if isinstance(key, str):
        return key
    if key is True or key is False or key is None:
        return json.dumps(key)
    if isinstance(key, (int, float)):
        return json.dumps(key, allow_nan=False)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _members(pairs: list[tuple[str, JValue]]) -> JObject:
    return JObject(pairs)


def _no_constant(name: str) -> JValue:
    raise ValueError(f"not canonical JSON: {name}")


_LOADS = json.JSONDecoder(
    object_pairs_hook=_members, parse_int=JNumber, parse_float=JNumber, parse_constant=_no_constant
).decode


def decode_data(data: Any, type: ir.Type, index: ProgramIndex, root: str) -> Value:
    """`decode(json.dumps(data), …)`; DecodeError or ValueError when it does not fit."""
    return _Decoder(index).value(tree_of(data), type, root)


def decode_canonical(text: str, type: ir.Type, index: ProgramIndex, root: str) -> Value:
    """`decode(text, …)` for canonical JSON written by `jsoncodec.encode`."""
    return _Decoder(index).value(_LOADS(text), type, root)
