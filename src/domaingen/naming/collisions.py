"""Collisions: DSL names that would become the same identifier somewhere.

Consumes: a checked `ir.Program` (and, per target, a `NamingScheme`).
Produces: DG110 diagnostics. Target-independent rule (`check_program`,
run by the checker, so `domaingen check` reports it): within a namespace
two different names must not split into the same words — `user_id` and
`userId` would be one identifier in some target. The namespaces are: the
types of a module (records, enums, unions), its values (constants and
functions), the fields of one record or variant, the members of one enum,
the variants of one union, and the parameters and locals of one function
or test (`check_locals`). A type and a value may share words (`record
Objective`, `fn objective`): every target spells types and values apart
except Go, whose backend escapes the function (`Objective_`, see
docs/targets.md). `check_scheme` adds what is left target-specific (for
example a name that only one target's casing rules would merge).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

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


def _local_names(node: Any) -> Iterator[tuple[str, Span | None]]:
    """Every local a function or test binds (parameters, lets, loop and match bindings), in order."""
    if isinstance(node, tuple):
        for item in node:
            yield from _local_names(item)
        return
    if not isinstance(node, ir.Node):
        return
    span = getattr(node, "span", None)
    match node:
        case ir.Param(name=name) | ir.Let(name=name) | ir.ForList(var=name) | ir.ForRange(var=name):
            yield name, span
        case ir.ForMap(key=key, value=value):
            yield from ((key, span), (value, span))
        case ir.UnionArm(bindings=bindings):
            yield from ((b, span) for b in bindings if b is not None)
        case ir.MatchOptional(binding=binding) if binding is not None:
            yield binding, span
        case _:
            pass
    for name in type(node).model_fields:
        if name != "span":
            yield from _local_names(getattr(node, name))


def check_program(program: ir.Program) -> list[Diagnostic]:
    """Every target-independent clash of the program (see the module docstring)."""
    out: list[Diagnostic] = []
    for module in program.modules:
        types: list[tuple[str, str, Span | None]] = []
        values: list[tuple[str, str, Span | None]] = []
        for decl in module.decls:
            if isinstance(decl, ir.Test):
                continue
            (values if isinstance(decl, (ir.Const, ir.Function)) else types).append((_key(decl.name), decl.name, decl.span))
            if isinstance(decl, ir.Record):
                out += _clashes(((_key(f.name), f.name, f.span) for f in decl.fields), "fields")
            elif isinstance(decl, ir.Enum):
                out += _clashes(((_key(m.name), m.name, m.span) for m in decl.members), "members")
            elif isinstance(decl, ir.Union_):
                out += _clashes(((_key(v.name), v.name, v.span) for v in decl.variants), "variants")
                for variant in decl.variants:
                    out += _clashes(((_key(f.name), f.name, f.span) for f in variant.fields), "fields")
        out += _clashes(types, "types") + _clashes(values, "declarations")
    return out + check_locals(program)


def check_locals(program: ir.Program) -> list[Diagnostic]:
    """Parameters and locals of one function or test that split into the same words.

    `value` and `Value`, or `x_y` and `xY`, are one identifier in every
    target (snake_case or camelCase locals), so they are reported whatever
    their scopes (siblings included): names must differ in more than case
    and underscores.
    """
    out: list[Diagnostic] = []
    for module in program.modules:
        for decl in module.decls:
            if isinstance(decl, (ir.Function, ir.Test)):
                params = decl.params if isinstance(decl, ir.Function) else ()
                found = [(name, span) for name, span in _local_names((params, decl.body)) if name != "_"]
                out += _clashes(((_key(n), n, span) for n, span in found), "locals")
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
