"""Naming schemes: how one target spells each role, and its reserved words.

Consumes: DSL names with their role.
Produces: target identifiers. Each backend declares one `NamingScheme`: a
case per role, the target's reserved words (language keywords, predeclared
names, and every identifier the generated code itself uses), and how to
escape a clash (by default a trailing `_`, which no DSL-derived name in that
casing can end with, so escaping never creates a new clash).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from .words import Case, recase


class Role(str, Enum):
    MODULE = "module"
    TYPE = "type"  # records, enums, unions
    VARIANT = "variant"
    MEMBER = "member"  # enum members
    FIELD = "field"
    FUNCTION = "function"
    CONST = "const"
    LOCAL = "local"  # params, lets, loop and match bindings


def _suffix(name: str) -> str:
    return name + "_"


@dataclass(frozen=True)
class NamingScheme:
    target: str
    cases: dict[Role, Case]
    reserved: frozenset[str]
    escape: Callable[[str], str] = _suffix
    # Roles whose names share one namespace per module (for collision checks).
    module_scope: frozenset[Role] = field(default_factory=lambda: frozenset({Role.TYPE, Role.FUNCTION, Role.CONST}))

    def name(self, role: Role, dsl_name: str) -> str:
        spelled = recase(dsl_name, self.cases[role])
        if spelled in self.reserved or not spelled.isidentifier():
            spelled = self.escape(spelled)
        return spelled
