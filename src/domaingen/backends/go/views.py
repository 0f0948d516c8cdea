"""View models for every templated Go file.

Consumes: the checked `ir.Program` and `TargetOptions`.
Produces: `FileView`s — `go.mod`, one `<dir>/<package>.go` per DSL module
(its declarations in source order, its imports computed from what the
emitted code actually references, since Go rejects unused imports), a
`<dir>/<package>_test.go` per module with `test` blocks, the call table
`calls/calls.go` and the replay command `cmd/replay/main.go`.
"""

from __future__ import annotations

from typing import Any

from ...ir import nodes as ir
from ..base import HEADER, FileView, TargetOptions
from .decls import call_entry, const_view, enum_view, function_view, record_view, tests_view, union_view
from .escape import doc_comment, string_literal
from ...naming.words import words
from .naming import package_dir, package_name, top_level_names
from .types import RT, Scope


def _unions(program: ir.Program) -> dict[tuple[str, str], ir.Union_]:
    return {(m.name, d.name): d for m in program.modules for d in m.decls if isinstance(d, ir.Union_)}


def _top(program: ir.Program) -> dict[str, dict[str, str]]:
    return {m.name: top_level_names(m) for m in program.modules}


def _aliases(program: ir.Program, own: str, imports: tuple[str, ...]) -> dict[str, str]:
    """Go package alias of each imported DSL module; clashes get the full path's words."""
    names: dict[str, str] = {}
    taken = {package_name(own), RT}
    for module in sorted(imports):
        alias = package_name(module)
        if alias in taken:
            alias = "_".join(module.split(".")).lower()
        taken.add(alias)
        names[module] = alias
    return names


def _import_lines(package: str, s: Scope, aliases: dict[str, str]) -> list[str]:
    lines = []
    if s.uses_runtime:
        lines.append(string_literal(f"{package}/dgrt"))
    for module in sorted(s.used):
        path = string_literal(f"{package}/{package_dir(module)}")
        alias = aliases[module]
        lines.append(path if alias == package_name(module) else f"{alias} {path}")
    return sorted(lines, key=lambda line: line.split(" ")[-1])


def module_view(program: ir.Program, module: ir.Module, options: TargetOptions) -> FileView:
    aliases = _aliases(program, module.name, module.imports)
    s = Scope(module.name, aliases, _unions(program), _top(program))
    pkg = package_name(module.name)
    decls: list[dict[str, Any]] = []
    for decl in module.decls:
        match decl:
            case ir.Const():
                decls.append({"kind": "const", "view": const_view(decl, s)})
            case ir.Enum():
                decls.append({"kind": "enum", "view": enum_view(decl, s)})
            case ir.Record():
                decls.append({"kind": "record", "view": record_view(decl, s)})
            case ir.Union_():
                decls.append({"kind": "union", "view": union_view(decl, s)})
            case ir.Function():
                decls.append({"kind": "function", "view": function_view(decl, s, set(aliases.values()))})
            case ir.Test():
                pass  # in `<pkg>_test.go` (test_view)
    if module.doc:
        package_doc = doc_comment(module.doc, "", f"Package {pkg}")
    else:
        package_doc = doc_comment(f"Package {pkg} is generated from the domaingen module {module.name}.")
    context = {
        "header": HEADER,
        "source": options.sources.get(module.name, module.path).replace("\n", " "),
        "package_doc": package_doc,
        "package": pkg,
        "imports": _import_lines(options.package, s, aliases),
        "decls": decls,
    }
    path = f"{package_dir(module.name)}/{pkg.rstrip('_')}.go"
    return FileView(path, "module.go.j2", context)


def test_view(program: ir.Program, module: ir.Module, options: TargetOptions) -> FileView | None:
    """`<dir>/<pkg>_test.go`: the module's DSL tests as a Go test, or None without tests."""
    tests = [d for d in module.decls if isinstance(d, ir.Test)]
    if not tests:
        return None
    aliases = _aliases(program, module.name, module.imports)
    s = Scope(module.name, aliases, _unions(program), _top(program))
    pkg = package_name(module.name)
    cases = tests_view(tests, s, set(aliases.values()))
    imports = ['"testing"', ""] + _import_lines(options.package, s, aliases)  # standard library first
    context = {
        "header": HEADER,
        "source": options.sources.get(module.name, module.path).replace("\n", " "),
        "package": pkg,
        "imports": imports,
        "tests": cases,
    }
    return FileView(f"{package_dir(module.name)}/{pkg.rstrip('_')}_test.go", "test.go.j2", context)


def calls_view(program: ir.Program, options: TargetOptions) -> FileView:
    # `pkg_` + the module path's words: never one of Call's own identifiers (name, args, err, r, a0 …)
    aliases = {m.name: "pkg_" + "_".join("".join(words(part)) for part in m.name.split(".")) for m in program.modules}
    s = Scope("calls", aliases, _unions(program), _top(program))
    s.uses_runtime = True
    entries = []
    for module in program.modules:
        for decl in module.decls:
            if isinstance(decl, ir.Function):
                entries.append(call_entry(module.name, decl, s))
    entries.sort(key=lambda e: e["name"])
    return FileView(
        "calls/calls.go",
        "calls.go.j2",
        {"header": HEADER, "entries": entries, "imports": _import_lines(options.package, s, aliases)},
    )


def package_views(program: ir.Program, options: TargetOptions) -> list[FileView]:
    views = [FileView("go.mod", "go.mod.j2", {"header": HEADER, "module": options.package})]
    views += [module_view(program, m, options) for m in program.modules]
    views += [view for m in program.modules if (view := test_view(program, m, options)) is not None]
    views.append(calls_view(program, options))
    views.append(FileView("cmd/replay/main.go", "replay.go.j2", {"header": HEADER, "module": options.package}))
    return views
