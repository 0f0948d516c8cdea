"""View models of the generated files: modules, call table, replay driver, package files.

Consumes: the checked `ir.Program` and `TargetOptions`.
Produces: `FileView`s with ready-made strings. Module `game.items` becomes
`src/game/items.ts`; imports are relative ES module paths ending in `.js`
(NodeNext resolution), and an import is only written when the module's code
uses it (so `noUnusedLocals` holds).
"""

from __future__ import annotations

import json
import re
import posixpath
from typing import Any

from ...ir import nodes as ir
from ..base import HEADER, FileView, TargetOptions
from .decls import decl_view
from .escape import string_literal
from .naming import function_name, module_alias
from .types import codec_ref

TYPESCRIPT_VERSION = "5.9.3"  # the pinned compiler (tools/package.json)
RUNTIME_INDEX = "src/dgrt/index.ts"


def module_path(module: str) -> str:
    return "src/" + "/".join(module.split(".")) + ".ts"


def import_path(src: str, dst: str) -> str:
    """The ES import specifier of `dst` (a `.ts` path) from the file `src`."""
    rel = posixpath.relpath(dst, posixpath.dirname(src))
    if not rel.startswith("."):
        rel = "./" + rel
    return rel[: -len(".ts")] + ".js"


def header(sources: list[str]) -> str:
    """The generated-file header; a source path cannot end the `//` comment early."""
    text = ", ".join(sources)
    for ch in "\r\n\u2028\u2029":
        text = text.replace(ch, f"\\u{{{ord(ch):X}}}")
    return f"// {HEADER}\n// source: {text}"


def _unions(program: ir.Program) -> dict[tuple[str, str], ir.Union_]:
    return {(m.name, d.name): d for m in program.modules for d in m.decls if isinstance(d, ir.Union_)}


def _imports(path: str, body: str, modules: list[str]) -> list[str]:
    lines = []
    if "dgrt." in body:
        lines.append(f'import * as dgrt from "{import_path(path, RUNTIME_INDEX)}";')
    for name in modules:
        alias = module_alias(name)
        if f"{alias}." in body:
            lines.append(f'import * as {alias} from "{import_path(path, module_path(name))}";')
    return lines


def module_view(module: ir.Module, program: ir.Program, options: TargetOptions) -> FileView:
    from ...render import render_template

    path = module_path(module.name)
    unions = _unions(program)
    functions = frozenset(function_name(d.name) for d in module.decls if isinstance(d, ir.Function))
    decls = [v for v in (decl_view(d, module.name, unions, functions) for d in module.decls) if v is not None]
    # Render the declarations once to learn which imports the code uses.
    body = "".join(render_template(f"typescript/{v.template}", {"d": v}) for v in decls)
    # Any other module may be named (imports, and types reached through them);
    # only the aliases the code really uses are imported.
    others = sorted(m.name for m in program.modules if m.name != module.name)
    context: dict[str, Any] = {
        "header": header([options.sources.get(module.name, module.path)]),
        "doc": _module_doc(module.doc),
        "imports": _imports(path, body, others),
        "decls": decls,
    }
    return FileView(path, "module.ts.j2", context)


def _module_doc(doc: str | None) -> str:
    from .escape import doc_comment

    return doc_comment(doc) if doc else ""


def calls_view(program: ir.Program, options: TargetOptions) -> FileView:
    path = "src/calls.ts"
    entries: list[dict[str, Any]] = []
    used: set[str] = set()
    for module in program.modules:
        for decl in module.decls:
            if not isinstance(decl, ir.Function):
                continue
            codecs = [codec_ref(p.type, "") for p in decl.params]
            result = codec_ref(decl.ret, "")
            used.update(_aliases_in([result, *codecs]))
            used.add(module_alias(module.name))
            entries.append(
                {
                    "name": string_literal(f"{module.name}.{decl.name}"),
                    "arity": len(decl.params),
                    "param": "args" if decl.params else "_args",
                    "result": result,
                    "call": f"{module_alias(module.name)}.{function_name(decl.name)}",
                    "args": [
                        {"codec": codec, "index": i, "root": string_literal(p.name)}
                        for i, (codec, p) in enumerate(zip(codecs, decl.params))
                    ],
                }
            )
    imports = [f'import * as dgrt from "{import_path(path, RUNTIME_INDEX)}";']
    imports += [
        f'import * as {module_alias(m.name)} from "{import_path(path, module_path(m.name))}";'
        for m in sorted(program.modules, key=lambda m: m.name)
        if module_alias(m.name) in used
    ]
    context = {"header": header(_all_sources(program, options)), "imports": imports, "entries": entries}
    return FileView(path, "calls.ts.j2", context)


def _aliases_in(texts: list[str]) -> set[str]:
    """Module aliases (`game$items`) named in codec expressions."""
    return {word[:-1] for text in texts for word in re.findall(r"[A-Za-z_$][A-Za-z0-9_$]*\.", text) if "$" in word}


def _all_sources(program: ir.Program, options: TargetOptions) -> list[str]:
    return sorted(options.sources.get(m.name, m.path) for m in program.modules)


def package_views(program: ir.Program, options: TargetOptions) -> list[FileView]:
    sources = _all_sources(program, options)
    hdr = header(sources)
    json_header = json.dumps(
        f"Code generated by domaingen. DO NOT EDIT. source: {', '.join(sources)}", ensure_ascii=False
    )
    return [
        FileView(
            "package.json",
            "package.json.j2",
            {
                "header": json_header[1:-1],
                "name": json.dumps(options.package),
                "version": json.dumps(options.version),
                "typescript": json.dumps(TYPESCRIPT_VERSION),
            },
        ),
        FileView("tsconfig.json", "tsconfig.json.j2", {"header": hdr}),
        FileView("src/replay.ts", "replay.ts.j2", {"header": hdr}),
        FileView("src/node-env.d.ts", "node.d.ts.j2", {"header": hdr}),
        calls_view(program, options),
    ]
