"""Identifier words: the one place where DSL names are split and re-cased.

Consumes: DSL identifiers (`user_id`, `userId`, `HTTPServer`, `MAX_LEVEL`).
Produces: lower-case word tuples and the four casings targets use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Literal

_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+")

Case = Literal["snake", "camel", "pascal", "screaming", "verbatim"]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """`userId` -> (user, id); `HTTPServer` -> (http, server); `level_2` -> (level, 2)."""
    out: list[str] = []
    for part in name.split("_"):
        out += [w.lower() for w in _CAMEL.findall(part)]
    return tuple(out) or (name.lower(),)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def snake(name: str) -> str:
    return "_".join(words(name))


def screaming(name: str) -> str:
    return "_".join(words(name)).upper()


def pascal(name: str) -> str:
    return "".join(_cap(w) for w in words(name))


def camel(name: str) -> str:
    parts = words(name)
    return parts[0] + "".join(_cap(w) for w in parts[1:])


CASES: dict[Case, Callable[[str], str]] = {
    "snake": snake,
    "camel": camel,
    "pascal": pascal,
    "screaming": screaming,
    "verbatim": lambda name: name,
}


def recase(name: str, case: Case) -> str:
    return CASES[case](name)
