"""Declarations: the module table, imports, top-level items and their signatures.

Consumes: parsed `ast.Module`s and their `SourceFile`s.
Produces: a filled `Env` — one `ModuleInfo` per file (DG105 for a second file
with one module name), import aliases (DG103 for two imports with one alias,
DG104 for an unknown module), the items of each module (DG103 for duplicate
or built-in names, DG314 for duplicate test names), their resolved
signatures (field, variant, parameter, return and constant types; DG109 for
names given twice) and the IR declarations of enums, records and unions.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from .. import diagnostics as dg
from ..diagnostics import Diagnostic
from ..ir import nodes as ir
from ..source import SourceFile
from ..syntax import ast
from . import types as ty
from .builtins import BUILTIN_NAMES
from .scope import (
    ConstInfo,
    EnumInfo,
    Env,
    FnInfo,
    Item,
    ModuleInfo,
    RecordInfo,
    TestInfo,
    UnionInfo,
    VariantInfo,
    lookup_type,
)


def build_modules(env: Env, modules: Sequence[ast.Module], sources: Mapping[str, SourceFile]) -> None:
    """One `ModuleInfo` per file, sorted by path; DG105 for a repeated module name."""
    for tree in sorted(modules, key=lambda m: m.span.path):
        source = sources.get(tree.span.path) or SourceFile(tree.span.path, "")
        info = ModuleInfo(tree.dotted, tree, source)
        env.infos.append(info)
        first = env.modules.get(info.name)
        if first is not None:
            env.sink.error(
                "DG105",
                tree.span,
                f"module `{info.name}` is already declared in {first.source.path}",
                "give each file its own module name",
            )
            continue
        env.modules[info.name] = info
        env.by_last.setdefault(tree.name[-1].name, []).append(info.name)


def bind_imports(env: Env, info: ModuleInfo) -> None:
    """Aliases (last segment of the imported name); DG103 and DG104."""
    for imp in info.tree.imports:
        dotted = imp.dotted
        alias = imp.path[-1].name
        target = env.modules.get(dotted)
        if target is None:
            env.sink.error("DG104", imp.span, f"unknown module `{dotted}`", dg.did_you_mean(dotted, env.modules))
            info.used.add(alias)  # no second complaint about an unusable import
            continue
        if alias in info.alias_imports:
            env.sink.error(
                "DG103",
                imp.span,
                f"two imports give the name `{alias}`",
                "each imported module must end in a different name",
            )
            continue
        info.aliases[alias] = target
        info.alias_imports[alias] = imp
        info.imports.append(dotted)


def collect(env: Env, info: ModuleInfo) -> None:
    """The items of one module by name (DG103) and its tests (DG314)."""
    tests: dict[str, ast.TestDecl] = {}
    mod = info.name
    for decl in info.tree.decls:
        if isinstance(decl, ast.TestDecl):
            if decl.name in tests:
                line = tests[decl.name].span.line
                env.sink.error("DG314", decl.span, f"a test named {decl.name!r} already exists (line {line})")
            else:
                tests[decl.name] = decl
            info.decls.append(TestInfo(mod, decl.name, decl))
            continue
        name = decl.name
        item: Item
        if isinstance(decl, ast.EnumDecl):
            item = EnumInfo(mod, name.name, decl, ty.named(mod, name.name, "enum"))
        elif isinstance(decl, ast.RecordDecl):
            item = RecordInfo(mod, name.name, decl, ty.named(mod, name.name, "record"))
        elif isinstance(decl, ast.UnionDecl):
            item = UnionInfo(mod, name.name, decl, ty.named(mod, name.name, "union"))
        elif isinstance(decl, ast.FnDecl):
            item = FnInfo(mod, name.name, decl)
        else:
            item = ConstInfo(mod, name.name, decl)
        info.decls.append(item)
        problem = _name_problem(info, item)
        if problem is not None:
            env.sink.error("DG103", name.span, problem)
            continue
        info.items[name.name] = item
        if isinstance(item, (EnumInfo, RecordInfo, UnionInfo)) and env.modules.get(mod) is info:
            env.types[(mod, name.name)] = item


def _name_problem(info: ModuleInfo, item: Item) -> str | None:
    name = item.name
    previous = info.items.get(name)
    if previous is not None:
        return f"`{name}` is already declared on line {previous.decl.name.span.line}"
    if isinstance(item, FnInfo) and name in BUILTIN_NAMES:
        return f"`{name}` is the name of a built-in function"
    if isinstance(item, (EnumInfo, RecordInfo, UnionInfo)) and name in ty.BUILTIN_TYPES:
        return f"`{name}` is the name of a built-in type"
    if name in info.alias_imports:
        return f"`{name}` is already the name of an imported module"
    return None


def resolve_signatures(env: Env, info: ModuleInfo) -> None:
    """Member, field, variant, parameter, return and constant types (DG109)."""
    report: list[Diagnostic] = []

    def lookup(node: ast.NamedType) -> ir.Type:
        return lookup_type(env, info, node)

    def resolve(node: ast.TypeExpr) -> ir.Type:
        t = ty.resolve(node, lookup, report, info.name)
        if report:
            env.sink.extend(report)
            report.clear()
        return t

    for item in info.decls:
        if isinstance(item, (EnumInfo, UnionInfo)):
            entries = item.decl.members if isinstance(item, EnumInfo) else item.decl.variants
            if not entries:
                what = "enum needs a member" if isinstance(item, EnumInfo) else "union needs a variant"
                env.sink.error("DG116", item.decl.name.span, f"`{item.name}` has no values: an {what}", "an empty type has no values to pass")
        if isinstance(item, EnumInfo):
            for member in item.decl.members:
                if _fresh(env, item.members, member.name, "enum member"):
                    item.members[member.name.name] = len(item.members)
        elif isinstance(item, RecordInfo):
            _fields(env, item.decl.fields, item.fields, resolve, "field")
        elif isinstance(item, UnionInfo):
            for variant in item.decl.variants:
                v = VariantInfo(variant.name.name, variant)
                _fields(env, variant.fields, v.fields, resolve, "field")
                for f in variant.fields:
                    if f.name.name == "kind":
                        env.sink.error(
                            "DG115",
                            f.name.span,
                            "a union variant field may not be called `kind`",
                            "`kind` is the variant tag in canonical JSON; rename the field",
                        )
                if _fresh(env, item.variants, variant.name, "variant"):
                    item.variants[v.name] = v
        elif isinstance(item, FnInfo):
            seen: dict[str, ir.Type] = {}
            for param in item.decl.params:
                t = resolve(param.type)
                if _fresh(env, seen, param.name, "parameter"):
                    seen[param.name.name] = t
                    item.params.append((param.name.name, t))
            item.ret = resolve(item.decl.ret)
        elif isinstance(item, ConstInfo):
            item.type = resolve(item.decl.type)


def _fields(
    env: Env,
    decls: tuple[ast.FieldDecl, ...],
    into: dict[str, ir.Type],
    resolve: Callable[[ast.TypeExpr], ir.Type],
    what: str,
) -> None:
    for f in decls:
        t = resolve(f.type)
        if _fresh(env, into, f.name, what):
            into[f.name.name] = t


def _fresh(env: Env, seen: Mapping[str, object], name: ast.Ident, what: str) -> bool:
    if name.name in seen:
        env.sink.error("DG109", name.span, f"{what} `{name.name}` is given twice")
        return False
    return True


def type_decl_ir(item: EnumInfo | RecordInfo | UnionInfo) -> ir.Enum | ir.Record | ir.Union_:
    """The IR declaration of an enum, record or union."""
    if isinstance(item, EnumInfo):
        members = tuple(ir.new(ir.EnumMember, name=m.name.name, doc=m.doc, span=m.span) for m in item.decl.members)
        return ir.new(ir.Enum, name=item.name, members=members, doc=item.decl.doc, span=item.decl.span)
    if isinstance(item, RecordInfo):
        fields = _fields_ir(item.decl.fields, item.fields)
        return ir.new(ir.Record, name=item.name, fields=fields, doc=item.decl.doc, span=item.decl.span)
    variants = tuple(
        ir.new(ir.Variant, name=v.name, fields=_fields_ir(v.decl.fields, v.fields), doc=v.decl.doc, span=v.decl.span)
        for v in item.variants.values()
    )
    return ir.new(ir.Union_, name=item.name, variants=variants, doc=item.decl.doc, span=item.decl.span)


def _fields_ir(decls: tuple[ast.FieldDecl, ...], types: dict[str, ir.Type]) -> tuple[ir.RecordField, ...]:
    by_name = {f.name.name: f for f in decls}
    return tuple(
        ir.new(ir.RecordField, name=name, type=t, doc=by_name[name].doc, span=by_name[name].span)
        for name, t in types.items()
    )
