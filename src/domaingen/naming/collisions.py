"""Collisions: DSL names that would become the same identifier somewhere.

Consumes: a checked `ir.Program` (and, per target, a `NamingScheme`).
Produces: DG110 diagnostics. Target-independent rule: within a namespace
(top-level declarations of a module; fields of one record or variant;
members of one enum; variants of one union) two different names must not
split into the same words — `user_id` and `userId` would be one identifier
in some target. `check_scheme` adds the target-specific clashes (for
example Go's exported `Level` type versus a `level` function).
"""

from __future__ import annotations

from typing import Iterable

from .. import diagnostics as dg
from ..diagnostics import Diagnostic
from ..ir import nodes as ir
from ..source import Span
from .scheme import NamingScheme, Role
from .words import words


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
                    "rename one of them; names must differ in more than case and underscores",
                )
            )
        else:
            seen.setdefault(key, name)
    return out


def _key(name: str) -> str:
    return "_".join(words(name))


def check_program(program: ir.Program) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for module in program.modules:
        top: list[tuple[str, str, Span | None]] = []
        for decl in module.decls:
            if isinstance(decl, ir.Test):
                continue
            top.append((_key(decl.name), decl.name, decl.span))
            if isinstance(decl, ir.Record):
                out += _clashes(((_key(f.name), f.name, f.span) for f in decl.fields), "fields")
            elif isinstance(decl, ir.Enum):
                out += _clashes(((_key(m.name), m.name, m.span) for m in decl.members), "members")
            elif isinstance(decl, ir.Union_):
                out += _clashes(((_key(v.name), v.name, v.span) for v in decl.variants), "variants")
                for variant in decl.variants:
                    out += _clashes(((_key(f.name), f.name, f.span) for f in variant.fields), "fields")
        out += _clashes(top, "declarations")
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
