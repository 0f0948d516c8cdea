"""The Python runtime codec's fast forms agree exactly with its strict ones.

Consumes: the bundled DSL (`dsl/`), the Python backend and the vector
files' arguments (`generated/vectors`, canonical JSON of every parameter
type).
Produces: assertions that, for every parameter and result codec of the
generated call table,

1. `decode` (C `json` scanner + plain-tree reader, strict fallback) gives
   exactly what `decode_strict` gives — the same value, or the same error
   kind and message — for the vector arguments and hundreds of mutations of
   them (duplicate keys, `-0`, escapes, surrogates, whitespace, wrong types,
   missing and unknown fields, out-of-range numbers, NaN, deep nesting);
2. `encode` (the built encoder) writes exactly what `write` writes;
3. the C string escape the encoder uses is `json_string` for every code point.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from domaingen.backends.base import TargetOptions
from domaingen.backends.python.backend import PythonBackend
from domaingen.frontend import load
from domaingen.interp.jsontext import json_string

ROOT = Path(__file__).resolve().parents[2]
PKG = "dg_fastcodec"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    front = load([str(ROOT / "dsl")])
    assert front.program is not None, [d.message for d in front.errors]
    generation = PythonBackend().generate(front.program, TargetOptions(package=PKG, sources={}))
    out = tmp_path_factory.mktemp("fast_codec")
    for rel, content in generation.files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="")
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(f"{PKG}._calls")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == PKG or m.startswith(PKG + ".")]:
            del sys.modules[name]


def _cases() -> list[tuple[str, int, str]]:
    """(function, parameter index, argument JSON) from the vector files: a few per parameter."""
    found: dict[tuple[str, int], set[str]] = {}
    for path in sorted((ROOT / "generated" / "vectors").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for vector in data["vectors"]:
            for i, arg in enumerate(vector["args"]):
                found.setdefault((f"{data['module']}.{vector['function']}", i), set()).add(arg)
    out = []
    for (name, i), args in sorted(found.items()):
        ordered = sorted(args, key=lambda a: (len(a), a))
        out += [(name, i, arg) for arg in dict.fromkeys(ordered[:3] + ordered[-2:])]
    return out


def _mutations(text: str) -> list[str]:
    """`text` and nearby texts that probe every place the fast path must decline."""
    out = [text, " " + text, text + "\n", text.replace(",", ", "), "[" + text + "]", "null", "-0", "-0.0", "1e400"]
    out += ["NaN", "Infinity", "-Infinity", '"\\ud800"', '"\\u0041"', '"\ud800"', '"é"', "9007199254740992", "1.0", "[" * 300]
    objects = list(re.finditer(r'\{"([^"]+)":', text))
    for m in objects[:3]:
        key = m.group(1)
        after = text[m.end():]
        out.append(text[: m.start()] + "{" + f'"{key}":0,' + text[m.start() + 1:])  # duplicate key
        out.append(text[: m.start()] + '{"zz_unknown":1,' + text[m.start() + 1:])  # unknown field
        out.append(text.replace(f'"{key}":', '"other":', 1))
        value = re.match(r'(-?[0-9.eE+]+|"[^"]*"|true|false|null)', after)
        if value:
            start = m.end()
            for repl in ('"x"', "1", "1.5", "-0", "true", "null", "[]", "{}", "1e999", "99999999999999999", '"\\u00e9"'):
                out.append(text[:start] + repl + text[start + len(value.group(1)):])
            rest = text[start + len(value.group(1)):]
            if rest.startswith(","):  # drop the member: a missing field
                out.append(text[: m.start() + 1] + rest[1:])
    for num in list(re.finditer(r"(?<![\"\w.])-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", text))[:4]:
        for repl in ("-0", "0", "1.5", "1e2", "9007199254740991", "-9007199254740992", "10000000000000000", "\"1\""):
            out.append(text[: num.start()] + repl + text[num.end():])
    for s in list(re.finditer(r'"[^"\\]*"', text))[:4]:
        for repl in ('"a\\u0000b"', '"\\ud83d\\ude00"', '"\\udc00"', '"\U0001F600"', "7", '"Red"', '"Epic"', '"Weapon"'):
            out.append(text[: s.start()] + repl + text[s.end():])
    return out


def _outcome(fn: Any, text: str) -> tuple[str, Any]:
    try:
        value = fn(text, "arg")
    except Exception as err:  # noqa: BLE001 - the error is the outcome
        return ("err", type(err).__name__, str(err))
    return ("ok", type(value).__name__, value, repr(value))


def test_decode_matches_strict_decode(package: Any) -> None:
    checked = 0
    cases = _cases()
    assert cases
    codecs = {}
    for name, (params, result, _) in package.CALLS.items():
        codecs[(name, "result")] = result
        for i, (_, codec) in enumerate(params):
            codecs[(name, i)] = codec
    for name, index, arg in cases:
        codec = codecs.get((name, index))
        if codec is None:
            continue
        for text in _mutations(arg):
            assert _outcome(codec.decode, text) == _outcome(codec.decode_strict, text), (name, index, text)
            checked += 1
    assert checked > 5000


def test_fast_path_is_taken_for_canonical_records(package: Any) -> None:
    params, _, _ = package.CALLS["game.progression.add_exp"]
    profile = params[0][1]
    assert profile.plain_reader() is not None
    text = '{"id":"p1","name":"Ann","level":1,"exp":0,"tags":["vip"],"stats":{"hp":3},"guild":null}'
    assert profile.decode(text) == profile.decode_strict(text)


def test_encode_matches_write(package: Any) -> None:
    checked = 0
    for name, index, arg in _cases():
        params, result, _ = package.CALLS[name]
        codec = params[index][1]
        try:
            value = codec.decode_strict(arg, "arg")
        except Exception:  # noqa: BLE001 - a vector of a bad argument
            continue
        out: list[str] = []
        codec.write(value, out)
        assert codec.encode(value) == "".join(out), (name, index, arg)
        checked += 1
    assert checked > 100


def test_c_string_escape_is_json_string() -> None:
    from json.encoder import encode_basestring

    text = "".join(map(chr, range(0x110000)))
    assert encode_basestring(text) == json_string(text)
    for code in list(range(0x100)) + [0x2028, 0xD800, 0xDFFF, 0xFFFF]:
        assert encode_basestring(chr(code)) == json_string(chr(code))
