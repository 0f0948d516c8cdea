"""View models: one ready-made context per generated Rust file.

Consumes: a checked `ir.Program` and `TargetOptions`.
Produces: `FileView`s for `Cargo.toml`, `src/lib.rs`, one file per DSL
module (`src/game/progression.rs`, with `src/game/mod.rs` for folders),
`src/calls.rs` and `src/bin/replay.rs`. Every decision — names, types,
escaped literals, doc comments, which `use` lines are needed, which lints a
module allows — is taken here; the templates only place strings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, assert_never

from ...ir import nodes as ir
from ...naming.scheme import Role
from ..base import HEADER, FileView, TargetOptions
from .exprs import ExprEmitter, Scope
from .literals import doc_comment, string_literal
from .naming import SCHEME, file_segment, module_path, module_segments
from .program import ProgramInfo
from .stmts import FunctionEmitter
from .types import type_ref

# Lints allowed in modules compiled from DSL source, each because the
# generated code mirrors what the DSL author wrote, not a choice of ours.
MODULE_LINTS = (
    # a DSL function may take many parameters
    "clippy::too_many_arguments",
    # DSL conditions are kept as written (`not (a < b)`, `a == a`, literals like 3.14)
    "clippy::nonminimal_bool",
    "clippy::neg_cmp_op_on_partial_ord",
    "clippy::eq_op",
    "clippy::approx_constant",
    "clippy::collapsible_if",
    "clippy::collapsible_else_if",
    "clippy::manual_range_contains",
    "clippy::match_like_matches_macro",
    "clippy::if_same_then_else",
    "clippy::needless_bool",
    "clippy::const_is_empty",
    # member and variant names are the DSL's
    "clippy::enum_variant_names",
    "clippy::upper_case_acronyms",
    "clippy::large_enum_variant",
    # a DSL module named like its parent (`game.game`) is legal
    "clippy::module_inception",
)


def inner_doc(text: str | None) -> str:
    if not text:
        return ""
    return "".join("//!" + line[3:] for line in doc_comment(text).splitlines(keepends=True))


def outer_doc(text: str | None, indent: str = "") -> str:
    return doc_comment(text, indent) if text else ""


def _code_text(value: object) -> str:
    """Every generated code string of a view context (doc comments left out),
    to decide which `use` lines a file needs."""
    if isinstance(value, dict):
        return " ".join(_code_text(v) for k, v in value.items() if k != "doc")
    if isinstance(value, list):
        return " ".join(_code_text(v) for v in value)
    return str(value)


def _names(node: "_Node") -> list[str]:
    """The DSL modules in a folder of the module tree, in tree order."""
    own = [node.module.name] if node.module is not None else []
    return own + [name for _, child in sorted(node.children.items()) for name in _names(child)]


@dataclass
class _Node:
    """A folder of the module tree: a DSL module, or only a parent of some."""

    module: ir.Module | None = None
    children: dict[str, "_Node"] = field(default_factory=dict)


class RustViews:
    """`extra_modules` / `crate_types`: what a composing target (WASM) adds to
    `src/lib.rs` and to `[lib]` in Cargo.toml."""

    def __init__(
        self,
        program: ir.Program,
        options: TargetOptions,
        extra_modules: tuple[str, ...] = (),
        crate_types: tuple[str, ...] = (),
    ) -> None:
        self.program = program
        self.options = options
        self.extra_modules = extra_modules
        self.crate_types = crate_types
        self.info = ProgramInfo(program)
        self.crate = options.package.replace("-", "_")

    def header(self, modules: list[str] | None = None) -> list[str]:
        names = [m.name for m in self.program.modules] if modules is None else modules
        sources = [self.options.sources.get(name, name) for name in names]
        return [HEADER] + [f"source: {s}" for s in sources]

    # --- the package -----------------------------------------------------------

    def all(self) -> list[FileView]:
        views = [
            FileView(
                "Cargo.toml",
                "Cargo.toml.j2",
                {
                    "header": self.header(),
                    "package": self.options.package,
                    "crate": self.crate,
                    "version": self.options.version,
                    "lib_extra": self.lib_extra(),
                },
            ),
            self.calls_view(),
            FileView(
                "src/bin/replay.rs",
                "replay.rs.j2",
                {
                    "header": [HEADER, "source: domaingen replay driver (templates/rust/replay.rs.j2)"],
                    "crate": self.crate,
                },
            ),
        ]
        root = _Node()
        for module in self.program.modules:
            node = root
            for segment in module_segments(module.name):
                node = node.children.setdefault(segment, _Node())
            node.module = module
        top = [f"pub mod {name};" for name in sorted({"calls", "dgrt", *root.children, *self.extra_modules})]
        lib_doc = inner_doc(
            f"Generated by domaingen from {len(self.program.modules)} DSL module(s).\n\n"
            "`calls::call` runs any module function on canonical-JSON arguments;\n"
            "`dgrt` is the runtime (errors, checked arithmetic, JSON)."
        )
        views.append(FileView("src/lib.rs", "lib.rs.j2", {"header": self.header(), "doc": lib_doc, "submodules": top}))
        views += self.tree(root, "src")
        return views

    def lib_extra(self) -> list[str]:
        if not self.crate_types:
            return []
        return [f"crate-type = [{', '.join(json.dumps(t) for t in self.crate_types)}]"]

    def tree(self, node: _Node, folder: str) -> list[FileView]:
        out: list[FileView] = []
        for segment, child in sorted(node.children.items()):
            name = file_segment(segment)
            path = f"{folder}/{name}/mod.rs" if child.children else f"{folder}/{name}.rs"
            subs = [f"pub mod {s};" for s in sorted(child.children)]
            out.append(self.module_view(path, child.module, subs, _names(child)))
            out += self.tree(child, f"{folder}/{name}")
        return out

    def module_view(self, path: str, module: ir.Module | None, submodules: list[str], below: list[str]) -> FileView:
        if module is None:
            context: dict[str, Any] = {
                "header": self.header(below),
                "doc": "",
                "attributes": [],
                "submodules": submodules,
                "uses": [],
                "decls": [],
            }
            return FileView(path, "module.rs.j2", context)
        decls = [d for d in (self.decl(module.name, decl) for decl in module.decls) if d is not None]
        blob = _code_text(decls)
        uses = []
        if "BTreeMap" in blob:
            uses.append("use std::collections::BTreeMap;")
        if "dgrt::" in blob or any(d["template"] != "rust/const.rs.j2" for d in decls):
            uses.append("use crate::dgrt;")  # codecs and functions use the runtime
        context = {
            "header": self.header([module.name]),
            "doc": inner_doc(module.doc),
            "attributes": [f"#![allow({', '.join(MODULE_LINTS)})]"],
            "submodules": submodules,
            "uses": uses,
            "decls": decls,
        }
        return FileView(path, "module.rs.j2", context)

    # --- declarations ------------------------------------------------------------

    def decl(self, module: str, decl: ir.Decl) -> dict[str, Any] | None:
        match decl:
            case ir.Const():
                return self.const(module, decl)
            case ir.Enum():
                return self.enum(decl)
            case ir.Record():
                return self.record(module, decl)
            case ir.Union_():
                return self.union(module, decl)
            case ir.Function():
                return self.function(module, decl)
            case ir.Test():
                return None
            case _:
                assert_never(decl)

    def const(self, module: str, c: ir.Const) -> dict[str, Any]:
        name = SCHEME.name(Role.CONST, c.name)
        emitter = ExprEmitter(self.info, Scope(module))
        if isinstance(c.type, ir.StringType):
            item = f"pub const {name}: &str = {emitter.expr(c.value).text};"
        elif self.info.is_lazy(c.type):
            t = type_ref(c.type, module)
            item = f"pub static {name}: std::sync::LazyLock<{t}> = std::sync::LazyLock::new(|| {emitter.owned(c.value).text});"
        else:
            item = f"pub const {name}: {type_ref(c.type, module)} = {emitter.owned(c.value).text};"
        return {"template": "rust/const.rs.j2", "doc": outer_doc(c.doc), "item": item}

    def enum(self, e: ir.Enum) -> dict[str, Any]:
        members = [
            {"doc": outer_doc(m.doc), "name": SCHEME.name(Role.MEMBER, m.name), "wire": string_literal(m.name)}
            for m in e.members
        ]
        return {
            "template": "rust/enum.rs.j2",
            "doc": outer_doc(e.doc),
            "name": SCHEME.name(Role.TYPE, e.name),
            "dsl_name": string_literal(e.name),
            "members": members,
        }

    def fields(self, module: str, fields: tuple[ir.RecordField, ...], first: str) -> list[dict[str, str]]:
        """`first`: "{" for records, "" for variants (after their `kind` tag)."""
        out = []
        for i, f in enumerate(fields):
            wire = string_literal(f.name)
            slot = f"f{i}"
            key = string_literal(f.name)[1:-1]
            prefix = ("{" if i == 0 and first == "{" else ",") + f'\\"{key}\\":'
            if i == 0 and first != "{":
                prefix = first + prefix
            out.append(
                {
                    "doc": outer_doc(f.doc),
                    "name": SCHEME.name(Role.FIELD, f.name),
                    "type": type_ref(f.type, module),
                    "wire": wire,
                    "slot": slot,
                    "slot_decl": f"let mut {slot} = None;",
                    "arm": f"{wire} => {slot} = Some(dgrt::json::field(item, path, {wire})?),",
                    "prefix": f'"{prefix}"',
                }
            )
        return out

    def record(self, module: str, r: ir.Record) -> dict[str, Any]:
        return {
            "template": "rust/record.rs.j2",
            "doc": outer_doc(r.doc),
            "name": SCHEME.name(Role.TYPE, r.name),
            "dsl_name": string_literal(r.name),
            "fields": self.fields(module, r.fields, "{"),
            "close": "out.push('}');" if r.fields else 'out.push_str("{}");',
        }

    def union(self, module: str, u: ir.Union_) -> dict[str, Any]:
        name = SCHEME.name(Role.TYPE, u.name)
        variants = []
        for v in u.variants:
            vname = SCHEME.name(Role.VARIANT, v.name)
            fields = self.fields(module, v.fields, "")
            if fields:
                binds = ", ".join(f"{f['name']}: {f['slot']}" for f in fields)
                pattern = f"{name}::{vname} {{ {binds} }}"
            else:
                pattern = f"{name}::{vname}"
            head = '{\\"kind\\":' + string_literal(string_literal(v.name))[1:-1]
            variants.append(
                {
                    "doc": outer_doc(v.doc),
                    "name": vname,
                    "wire": string_literal(v.name),
                    "fields": fields,
                    "pattern": pattern,
                    "head": f'"{head}"',
                }
            )
        return {
            "template": "rust/union.rs.j2",
            "doc": outer_doc(u.doc),
            "name": name,
            "dsl_name": string_literal(u.name),
            "variants": variants,
            "kind_arm": '"kind" => {}',
        }

    def function(self, module: str, fn: ir.Function) -> dict[str, Any]:
        emitter = FunctionEmitter(self.info, module, fn)
        signature = emitter.signature()
        return {
            "template": "rust/function.rs.j2",
            "doc": outer_doc(fn.doc),
            "signature": signature,
            "body": emitter.body(),
        }

    # --- the call table ------------------------------------------------------------

    def calls_view(self) -> FileView:
        calls = self.calls()
        uses = ["use std::collections::BTreeMap;"] if "BTreeMap" in _code_text(calls) else []
        return FileView("src/calls.rs", "calls.rs.j2", {"header": self.header(), "calls": calls, "uses": uses})

    def calls(self) -> list[dict[str, Any]]:
        out = []
        for module in self.program.modules:
            for decl in module.decls:
                if not isinstance(decl, ir.Function):
                    continue
                decode = [
                    f"let a{i}: {type_ref(p.type, '')} = dgrt::json::decode(&args[{i}], {string_literal(p.name)})?;"
                    for i, p in enumerate(decl.params)
                ]
                fn = f"{module_path(module.name)}::{SCHEME.name(Role.FUNCTION, decl.name)}"
                call = f"{fn}({', '.join(f'a{i}' for i in range(len(decl.params)))})"
                out.append(
                    {
                        "name": string_literal(f"{module.name}.{decl.name}"),
                        "arity": len(decl.params),
                        "decode": decode,
                        "call": call,
                    }
                )
        return out
