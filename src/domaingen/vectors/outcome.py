"""Outcome lines: the one text form of a call's result that every target prints.

Consumes: a canonical-JSON result, or an error kind and message.
Produces: `ok <json>`, `err DomainError <message as JSON string>` or
`err <Kind>` (docs/vectors.md). Other kinds' messages are for people and
are not compared across targets.
"""

from __future__ import annotations

from ..interp.jsontext import json_string

__all__ = ["err", "json_string", "ok"]


def ok(result_json: str) -> str:
    return f"ok {result_json}"


def err(kind: str, message: str) -> str:
    return f"err DomainError {json_string(message)}" if kind == "DomainError" else f"err {kind}"
