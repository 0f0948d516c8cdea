"""Collisions: DSL names that would become the same identifier somewhere.

Consumes: a checked `ir.Program` (and, per target, a `NamingScheme`).
Produces: DG110 diagnostics. Target-independent rule (`check_program`,
run by the checker, so `domaingen check` reports it): within a namespace
two different names must not split into the same words — `user_id` and
`userId` would be one identifier in some target. The namespaces are: the
types of a module (records, enums, unions), its functions, its constants,
the fields of one record or variant, the members of one enum,
the variants of one union, and the parameters and locals of one function
or test (those the checker reports as it declares them, `check/stmts.py`).
Names of different namespaces may share words (`record Objective`, `fn
objective`, `const OBJECTIVE`): every target spells types, functions and
constants apart except Go, whose backend escapes the later one (`Objective_`,
see docs/language-notes.md). `check_scheme` adds what is left target-specific (for
example a name that only one target's casing rules would merge).
"""

from __future__ import annotations

from typing import Iterable

from .. import diagnostics as dg
from ..diagnostics import Diagnostic
from ..ir import nodes as ir
from ..source import Span
from .scheme import NamingScheme, Role
from .words import words

COLLISION_HINT = "rename one of them; names must differ in more than case and underscores"


def _clashes(entries: Iterable[tuple[str, str, Span | None]], what: str) -> list[Diagnostic]:
    """entries: (key, dsl name, span); report the second of each equal key."""
    seen: dict[str, str] = {}
    out: list[Diagnostic] = []
    for key, name, span in entries:
        other = seen.get(key)
        if other is not None and other != name:
            out.append(
                dg.make(
                    "DG110",
                    span,
                    f"{what} `{name}` and `{other}` would become the same identifier",
                    COLLISION_HINT,
                )
            )
        else:
            seen.setdefault(key, name)
    return out


def _key(name: str) -> str:
    return "_".join(words(name))


def check_program(program: ir.Program) -> list[Diagnostic]:
    """Every target-independent clash of the program (see the module docstring)."""
    out: list[Diagnostic] = []
    for module in program.modules:
        spaces: dict[str, list[tuple[str, str, Span | None]]] = {"types": [], "functions": [], "constants": []}
        for decl in module.decls:
            if isinstance(decl, ir.Test):
                continue
            space = "functions" if isinstance(decl, ir.Function) else "constants" if isinstance(decl, ir.Const) else "types"
            spaces[space].append((_key(decl.name), decl.name, decl.span))
            if isinstance(decl, ir.Record):
                out += _clashes(((_key(f.name), f.name, f.span) for f in decl.fields), "fields")
            elif isinstance(decl, ir.Enum):
                out += _clashes(((_key(m.name), m.name, m.span) for m in decl.members), "members")
            elif isinstance(decl, ir.Union_):
                out += _clashes(((_key(v.name), v.name, v.span) for v in decl.variants), "variants")
                for variant in decl.variants:
                    out += _clashes(((_key(f.name), f.name, f.span) for f in variant.fields), "fields")
        for space, entries in spaces.items():
            out += _clashes(entries, space)
    return out


def check_scheme(program: ir.Program, scheme: NamingScheme) -> list[Diagnostic]:
    """Top-level names that clash once spelled for this target."""
    out: list[Diagnostic] = []
    role_of = {"record": Role.TYPE, "enum": Role.TYPE, "union": Role.TYPE, "function": Role.FUNCTION, "const": Role.CONST}
    for module in program.modules:
        entries = []
        for decl in module.decls:
            role = role_of.get(decl.kind)
            if role is not None and role in scheme.module_scope:
                entries.append((scheme.name(role, decl.name), decl.name, decl.span))
        out += [
            dg.make("DG110", d.span, f"{d.message} in {scheme.target}", d.hint) for d in _clashes(entries, "declarations")
        ]
    return out
