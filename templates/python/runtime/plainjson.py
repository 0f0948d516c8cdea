"""The fast JSON path: Python's C `json` scanner, only where it agrees with `jsontext`.

Consumes: JSON text (a field of the WASM host's hot path, docs/wasm-abi.md).
Produces: `plain_tree(text)`, the plain tree of `json` (dict, list, int,
float, str, bool, None), or `NotPlain` whenever that tree could differ from
what the strict parser (`jsontext`) reads or rejects: a duplicate key, a
`\\u` escape, a lone surrogate, `-0`, whitespace around the value, `NaN`
or `Infinity`. Codecs (`codec_basic`, `codec_records`) read the tree with
their `plain_reader()` and raise `NOT_PLAIN` on any other doubt; `decode`
then falls back to the strict parser, which decides and words the error.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from .jsontext import MAX_DEPTH

# plain tree (dict, list, int, float, str, bool, None) -> value
Reader = Callable[[Any], Any]


class NotPlain(Exception):
    """The fast decoding path declines; the strict path decides."""


NOT_PLAIN = NotPlain()
# strict reads "-0" as Float -0.0, `json` as int 0
_NEG_ZERO = re.compile(r"-0(?![.eE0-9])")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# deeper types keep the strict path (its depth limit)
PLAIN_DEPTH = min(MAX_DEPTH, 64)


def _members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    members = dict(pairs)
    if len(members) != len(pairs):
        raise NOT_PLAIN  # a duplicate key: the strict path reports it
    return members


def _constant(name: str) -> Any:
    raise NOT_PLAIN  # NaN, Infinity: not JSON


_scan = json.JSONDecoder(
    object_pairs_hook=_members, parse_constant=_constant
).raw_decode


def plain_tree(text: str) -> Any:
    """`text` as `json`'s plain tree, only where the strict parser reads the same thing."""
    if (
        "\\u" in text
        or ("-0" in text and _NEG_ZERO.search(text) is not None)
        or (not text.isascii() and _SURROGATE.search(text) is not None)
    ):
        raise NOT_PLAIN
    # no whitespace around the value: else `end` falls short
    value, end = _scan(text, 0)
    if end != len(text):
        raise NOT_PLAIN
    return value
