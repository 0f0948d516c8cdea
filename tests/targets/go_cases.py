"""Input tables for tests/targets/test_go.py: nasty strings and hand-picked calls.

Consumes: nothing.
Produces: `NASTY` (strings that try to break out of Go literals and comments),
`keywords_json` (a valid `stress.names.Keywords` argument, with changes) and
`HAND_PICKED` (calls whose interpreter outcome the Go replay must match:
range limits, every strict-decoding rule, arity and unknown names).
"""

from __future__ import annotations

import json
from typing import Any

NASTY = [
    "",
    "plain",
    '"',
    '""',
    '"""',
    'a"""b',
    "'''",
    "`back` ``` `",
    "\\",
    "ends with \\",
    "\\\\server\\",
    "${x} {{ y }} {% z %} %s {0}",
    "*/ /* // # -- <!-- -->",
    "a\nb\r\nc\td\n",
    "line\u2028para\u2029next\x85end",
    "nul\x00bell\x07esc\x1bunit\x1fdel\x7f",
    "😀 𝄞 \U0010ffff",
    "\u202eevil\u202c \ufeffbom",
    "\u2066isolate\u2069 \u200f",
    "trailing space ",
    ' "quoted" ',
    "\\x41 \\u0041 \\U0001F600 \\n",
    "\\\nx",
    "+build ignore",
    "go:generate rm -rf /",
    "line 1\n//go:build never\n+build x",
    "\r",
    "\n\n",
]


def keywords_json(**changes: Any) -> str:
    record: dict[str, Any] = {
        "type": "t", "class": 1, "func": True, "default": 1.5, "interface": None, "self": ["a"],
        "async": {"b": 2, "a": 1}, "await": "Self_",
    }  # fmt: skip
    ints = "impl struct package range len new delete this super crate lambda def yield switch case chan go select "
    ints += "typeof instanceof undefined null nil err error int str list dict object mut ref where mod use pub dyn "
    ints += "Some Ok Vec json dgrt"
    record.update({name: 0 for name in ints.split()})
    record["string"] = "s"
    record.update(changes)
    return json.dumps({k: v for k, v in record.items() if v is not KeyError}, ensure_ascii=False)


HAND_PICKED: list[tuple[str, list[str]]] = [
    ("game.progression.required_exp", ["1"]),
    ("game.progression.required_exp", ["50"]),
    ("game.progression.required_exp", ["-9007199254740991"]),
    ("game.progression.required_exp", ["9007199254740991"]),
    ("game.progression.required_exp", ["-0"]),
    ("game.progression.required_exp", ["1.0"]),  # Int written as a float
    ("game.progression.required_exp", ["1e2"]),
    ("game.progression.required_exp", ["9007199254740992"]),  # out of range
    ("game.progression.required_exp", ["00"]),  # leading zero: not JSON
    ("game.progression.required_exp", ['"5"']),
    ("game.progression.required_exp", ["[5"]),  # not JSON
    ("game.progression.required_exp", [" 5 "]),  # JSON whitespace is fine
    ("game.progression.required_exp", ["5 x"]),
    ("game.progression.required_exp", []),  # wrong arity
    ("game.progression.no_such_function", ["1"]),
    ("stress.names.echo", ['"\\u2028\\u0000😀"']),
    ("stress.names.echo", ['"\\ud83d\\ude00"']),  # surrogate pair
    ("stress.names.echo", ['"\\ud800"']),  # lone surrogate
    ("stress.names.echo", ['"\\udc00x"']),
    ("stress.names.echo", ['"tab\tinside"']),  # raw control character
    ("stress.names.echo", ['"\\x"']),
    ("stress.names.echo", ['"a" ']),
    ("stress.names.echo", ['"\\/"']),
    ("stress.names.echo", ["null"]),
    ("stress.names.unwrap_option", ['{"kind":"Ok","result":"r"}']),
    ("stress.names.unwrap_option", ['{"result":"r","kind":"Ok"}']),
    ("stress.names.unwrap_option", ['{"kind":"Some","value":-0}']),
    ("stress.names.unwrap_option", ['{"kind":"Some"}']),  # missing field
    ("stress.names.unwrap_option", ['{"kind":"Some","value":1,"extra":2}']),
    ("stress.names.unwrap_option", ['{"kind":"Maybe"}']),
    ("stress.names.unwrap_option", ['{"kind":1}']),
    ("stress.names.unwrap_option", ['{"value":1}']),
    ("stress.names.unwrap_option", ['{"result":"r","kind":"Ok","kind":"Ok"}']),
    ("stress.names.unwrap_option", ['[{"kind":"None"}]']),
    ("stress.names.match_type", ['"Self_"']),
    ("stress.names.match_type", ['"Self"']),
    ("stress.names.match_type", ['"None"']),
    ("stress.names.impl", [keywords_json()]),
    ("stress.names.impl", [keywords_json(type='\u2028"*/${x}', interface="\x00")]),
    ("stress.names.impl", [keywords_json(default=-0.0)]),
    ("stress.names.impl", [keywords_json(default=1e-7)]),
    ("stress.names.impl", [keywords_json().replace('"default": 1.5', '"default": 1e400')]),
    ("stress.names.impl", [keywords_json().replace('"default": 1.5', '"default": 1e-400')]),
    ("stress.names.impl", [keywords_json().replace('"default": 1.5', '"default": 2')]),
    ("stress.names.impl", [keywords_json().replace('"class": 1', '"class": 1E0')]),
    ("stress.names.impl", [keywords_json(default=123456789012345680000.0)]),
    ("stress.names.impl", [keywords_json(interface=KeyError)]),  # optional field missing
    ("stress.names.impl", [keywords_json(error=1.5)]),
    ("stress.names.impl", [keywords_json(**{"self": [1]})]),
    ("stress.names.impl", [keywords_json(**{"async": {"a": "x"}})]),
    ("stress.names.impl", [keywords_json(**{"async": []})]),
    ("stress.names.impl", [keywords_json(**{"await": "Nope"})]),
    ("stress.names.impl", [keywords_json(**{"class": 9007199254740991})]),  # overflow inside impl
    ("stress.names.def", ["1", "2", "3", '"ab"', "[1]", "4"]),
    ("stress.names.def", ["9007199254740991", "1", "0", '""', "[]", "0"]),
]
