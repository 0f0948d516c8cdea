"""Strict JSON text: a parser to an untyped tree, and the canonical string escape.

Consumes: JSON text (a Python `str`).
Produces: `parse(text)` -> a tree of `None | bool | JNumber | str | list |
JObject`, keeping what typed decoding must see and ordinary JSON libraries
hide: the exact number text (so `1.0` can be refused as an Int) and every
object member in document order, duplicates included (so duplicates can be
reported with their typed path). `JsonSyntaxError` for anything that is not
RFC 8259 JSON: bad tokens, leading zeros, `NaN`/`Infinity`, raw control
characters in strings, lone surrogates (escaped or raw), trailing text,
nesting deeper than `MAX_DEPTH`. Whitespace is JSON's four characters only.

`json_string(s)` is the canonical string form (LANGUAGE.md section 7):
escape only `"`, `\\` and characters below U+0020 (`\\n \\t \\r \\b \\f`, the
others as `\\u00xx` with lowercase hex); everything else is written raw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

MAX_DEPTH = 256


@dataclass(frozen=True, slots=True)
class JNumber:
    """A JSON number, as written."""

    text: str

    @property
    def is_integer_text(self) -> bool:
        return not any(c in self.text for c in ".eE")


@dataclass(frozen=True, slots=True)
class JObject:
    """A JSON object: members in document order, duplicates kept."""

    members: list[tuple[str, "JValue"]]


JValue = Union[None, bool, JNumber, str, list["JValue"], JObject]


class JsonSyntaxError(ValueError):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(f"{message} at offset {offset}")
        self.offset = offset


def kind_of(value: JValue) -> str:
    """The JSON type name used in error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, JNumber):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


# --- canonical string escape ----------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def json_string(s: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, s) + '"'


# --- parser -----------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_PLAIN = re.compile(r'[^"\\\x00-\x1f\ud800-\udfff]+')
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def parse(text: str) -> JValue:
    parser = _Parser(text)
    value = parser.value(0)
    parser.skip_ws()
    if parser.pos != len(text):
        raise JsonSyntaxError("unexpected text after the value", parser.pos)
    return value


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip_ws(self) -> None:
        match = _WS.match(self.text, self.pos)
        assert match is not None
        self.pos = match.end()

    def error(self, message: str) -> JsonSyntaxError:
        return JsonSyntaxError(message, self.pos)

    def value(self, depth: int) -> JValue:
        if depth > MAX_DEPTH:
            raise self.error(f"nesting deeper than {MAX_DEPTH}")
        self.skip_ws()
        text, pos = self.text, self.pos
        if pos >= len(text):
            raise self.error("unexpected end of input")
        ch = text[pos]
        if ch == "{":
            return self.object(depth)
        if ch == "[":
            return self.array(depth)
        if ch == '"':
            return self.string()
        if ch == "-" or "0" <= ch <= "9":
            match = _NUMBER.match(text, pos)
            if match is None:
                raise self.error("invalid number")
            self.pos = match.end()
            return JNumber(match.group())
        for word, result in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                self.pos = pos + len(word)
                return result
        raise self.error(f"unexpected character {json_string(ch)}")

    def array(self, depth: int) -> list[JValue]:
        self.pos += 1
        items: list[JValue] = []
        self.skip_ws()
        if self.text.startswith("]", self.pos):
            self.pos += 1
            return items
        while True:
            items.append(self.value(depth + 1))
            self.skip_ws()
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif self.text.startswith("]", self.pos):
                self.pos += 1
                return items
            else:
                raise self.error("expected ',' or ']'")

    def object(self, depth: int) -> JObject:
        self.pos += 1
        members: list[tuple[str, JValue]] = []
        self.skip_ws()
        if self.text.startswith("}", self.pos):
            self.pos += 1
            return JObject(members)
        while True:
            self.skip_ws()
            if not self.text.startswith('"', self.pos):
                raise self.error("expected a string key")
            key = self.string()
            self.skip_ws()
            if not self.text.startswith(":", self.pos):
                raise self.error("expected ':'")
            self.pos += 1
            members.append((key, self.value(depth + 1)))
            self.skip_ws()
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif self.text.startswith("}", self.pos):
                self.pos += 1
                return JObject(members)
            else:
                raise self.error("expected ',' or '}'")

    def string(self) -> str:
        text = self.text
        self.pos += 1
        parts: list[str] = []
        while True:
            match = _PLAIN.match(text, self.pos)
            if match is not None:
                parts.append(match.group())
                self.pos = match.end()
            if self.pos >= len(text):
                raise self.error("unterminated string")
            ch = text[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(parts)
            if ch != "\\":
                if "\ud800" <= ch <= "\udfff":
                    raise self.error("lone surrogate in string")
                raise self.error("unescaped control character in string")
            parts.append(self.escape())

    def escape(self) -> str:
        text = self.text
        self.pos += 1
        if self.pos >= len(text):
            raise self.error("unterminated string")
        ch = text[self.pos]
        if ch in _SIMPLE:
            self.pos += 1
            return _SIMPLE[ch]
        if ch != "u":
            raise self.error(f"invalid escape \\{ch}")
        unit = self.hex4()
        if 0xDC00 <= unit <= 0xDFFF:
            raise self.error("lone surrogate in string")
        if 0xD800 <= unit <= 0xDBFF:
            if not text.startswith("\\u", self.pos):
                raise self.error("lone surrogate in string")
            self.pos += 1
            low = self.hex4()
            if not 0xDC00 <= low <= 0xDFFF:
                raise self.error("lone surrogate in string")
            return chr(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        return chr(unit)

    def hex4(self) -> int:
        """Read `uXXXX` (the `u` at `pos`) and return the code unit."""
        match = _HEX4.match(self.text, self.pos + 1)
        if match is None:
            raise self.error("invalid \\u escape")
        self.pos = match.end()
        return int(match.group(), 16)
