"""The TypeScript backend: checked IR -> an npm package of TypeScript sources.

Consumes: a checked `ir.Program` and `TargetOptions` (package = npm name).
Produces: `package.json` (`"type": "module"`, build `tsc -p .`),
`tsconfig.json` (strict, ES2022, NodeNext, declarations), `src/<module
path>.ts` per DSL module, the runtime `src/dgrt/*.ts` (copied from
templates/typescript/runtime, with the generated-file header), the call
table `src/calls.ts` and the replay driver `src/replay.ts`.
"""

from __future__ import annotations

from ... import diagnostics as dg
from ...diagnostics import Diagnostic
from ...ir import nodes as ir
from ..base import HEADER, BaseBackend, FileView, Generation, TargetOptions
from . import escape, types, views
from .format import format_files
from .naming import SCHEME, type_name, variant_type_name

# Files of the package that a DSL module must not replace.
_TAKEN_MODULES = frozenset({"calls", "replay"})


class TypeScriptBackend(BaseBackend):
    name = "typescript"
    scheme = SCHEME
    default_package = "domain"

    def generate(self, program: ir.Program, options: TargetOptions) -> Generation:
        extra = _clashes(program)
        if extra:
            return Generation({}, extra)
        return super().generate(program, options)

    def type_ref(self, t: ir.Type, module: str) -> str:
        return types.type_ref(t, module)

    def string_literal(self, value: str) -> str:
        return escape.string_literal(value)

    def doc_comment(self, text: str, indent: str = "") -> str:
        return escape.doc_comment(text, indent)

    def view_models(self, program: ir.Program, options: TargetOptions) -> list[FileView]:
        out = [views.module_view(m, program, options) for m in program.modules]
        return out + views.package_views(program, options)

    def runtime_files(self, options: TargetOptions) -> dict[str, str]:
        files: dict[str, str] = {}
        for path in sorted(self.runtime_dir().glob("*.ts")):
            text = path.read_text(encoding="utf-8")
            files[f"src/dgrt/{path.name}"] = (
                f"// {HEADER}\n// source: domaingen runtime (templates/typescript/runtime/{path.name})\n\n{text}"
            )
        return files

    def format(self, files: dict[str, str]) -> dict[str, str]:
        return format_files(files)


def _clashes(program: ir.Program) -> list[Diagnostic]:
    """TypeScript-only clashes (DG110): variant interfaces and package file names."""
    out: list[Diagnostic] = []
    for module in program.modules:
        parts = module.name.split(".")
        if module.name in _TAKEN_MODULES or parts[0] == "dgrt":
            out.append(
                dg.make(
                    "DG110",
                    module.span,
                    f"module `{module.name}` would become the same file as the generated `src/{parts[0]}` in typescript",
                    "rename the module",
                )
            )
        types_here = {type_name(d.name): d.name for d in module.decls if isinstance(d, (ir.Enum, ir.Record, ir.Union_))}
        for decl in module.decls:
            if not isinstance(decl, ir.Union_):
                continue
            for variant in decl.variants:
                spelled = variant_type_name(decl.name, variant.name)
                if spelled in types_here:
                    out.append(
                        dg.make(
                            "DG110",
                            variant.span,
                            f"variant `{decl.name}.{variant.name}` and type `{types_here[spelled]}` would become "
                            f"the same identifier `{spelled}` in typescript",
                            "rename the variant or the type",
                        )
                    )
    return out
