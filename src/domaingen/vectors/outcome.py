"""Outcome lines: the one text form of a call's result that every target prints.

Consumes: a canonical-JSON result, or an error kind and message.
Produces: `ok <json>`, `err DomainError <message as JSON string>` or
`err <Kind>` (docs/vectors.md). Other kinds' messages are for people and
are not compared across targets.
"""

from __future__ import annotations


def json_string(text: str) -> str:
    """A JSON string literal escaped exactly as LANGUAGE.md section 7 says."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif code < 0x20:
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}.get(ch, f"\\u{code:04x}"))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def ok(result_json: str) -> str:
    return f"ok {result_json}"


def err(kind: str, message: str) -> str:
    return f"err DomainError {json_string(message)}" if kind == "DomainError" else f"err {kind}"
