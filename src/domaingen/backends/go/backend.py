"""The Go backend: the hooks of `BaseBackend` for the Go target.

Consumes: a checked `ir.Program` and `TargetOptions` (package = Go module path).
Produces: a Go module (docs/targets.md): `go.mod`, one package per DSL
module, the `dgrt` runtime (templates/go/runtime/*.go, copied verbatim),
the `calls` table and `cmd/replay`; every `.go` file gofmt-formatted.
"""

from __future__ import annotations

from ...ir import nodes as ir
from ... import diagnostics as dg
from ..base import HEADER, BaseBackend, FileView, Generation, TargetOptions
from . import escape
from .format import format_files
from .naming import GENERATED_DIRS, SCHEME, derived_clashes, package_dir
from .types import Scope, go_type
from .views import package_views


class GoBackend(BaseBackend):
    name = "go"
    scheme = SCHEME
    default_package = "example.com/domain"

    def type_ref(self, t: ir.Type, module: str) -> str:
        return go_type(t, Scope(module, {}))

    def string_literal(self, value: str) -> str:
        return escape.string_literal(value)

    def doc_comment(self, text: str, indent: str = "") -> str:
        return escape.doc_comment(text, indent)

    def view_models(self, program: ir.Program, options: TargetOptions) -> list[FileView]:
        return package_views(program, options)

    def runtime_files(self, options: TargetOptions) -> dict[str, str]:
        files = {}
        for path in sorted(p for p in self.runtime_dir().glob("*.go") if not p.name.endswith("_test.go")):
            text = path.read_text(encoding="utf-8")
            files[f"dgrt/{path.name}"] = f"// {HEADER}\n\n{text}"
        return files

    def format(self, files: dict[str, str]) -> dict[str, str]:
        return format_files(files)

    def generate(self, program: ir.Program, options: TargetOptions) -> Generation:
        """The shared driver, after checking the names Go derives from DSL names:
        two-name identifiers, package folders the generated module itself uses,
        and locals that differ only in case or underscores."""
        diags = [
            dg.make(
                "DG110",
                node.span,
                f"`{second}` and `{first}` would become the same identifier `{go}` in go",
                "rename one of them",
            )
            for module in program.modules
            for go, first, second, node in derived_clashes(module)
        ]
        diags += [
            dg.make(
                "DG110",
                module.span,
                f"module `{module.name}` would be generated into the folder `{package_dir(module.name)}/`, "
                f"which holds the {GENERATED_DIRS[package_dir(module.name)]} in go",
                "rename the module",
            )
            for module in program.modules
            if package_dir(module.name) in GENERATED_DIRS
        ]
        if diags:
            return Generation({}, diags)
        return super().generate(program, options)
