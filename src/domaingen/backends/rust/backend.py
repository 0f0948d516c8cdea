"""The Rust backend: a checked program -> a dependency-free Cargo crate.

Consumes: a checked `ir.Program` and `TargetOptions` (package = crate name;
a `-` becomes `_` in Rust paths).
Produces: `Cargo.toml`, `src/lib.rs`, one file per DSL module, the call
table `src/calls.rs`, the replay driver `src/bin/replay.rs` and the runtime
`src/dgrt/` (copied from `templates/rust/runtime/`), all rustfmt-formatted.
The WASM target composes this backend: it reuses the same crate and adds
its exports module.
"""

from __future__ import annotations

from ...ir import nodes as ir
from ..base import HEADER, BaseBackend, FileView, TargetOptions
from . import literals, types
from .format import format_files
from .naming import SCHEME
from .views import RustViews

RUNTIME_FILES = ("mod.rs", "num.rs", "text.rs", "coll.rs", "json.rs", "jsontext.rs", "dgmath.rs")


class RustBackend(BaseBackend):
    name = "rust"
    scheme = SCHEME
    default_package = "domain"
    # Hooks for a composing target (WASM): more `pub mod`s in src/lib.rs
    # (their files come from the composing backend) and `[lib] crate-type`.
    extra_lib_modules: tuple[str, ...] = ()
    crate_types: tuple[str, ...] = ()

    def type_ref(self, t: ir.Type, module: str) -> str:
        return types.type_ref(t, module)

    def string_literal(self, value: str) -> str:
        return literals.string_literal(value)

    def doc_comment(self, text: str, indent: str = "") -> str:
        return literals.doc_comment(text, indent)

    def view_models(self, program: ir.Program, options: TargetOptions) -> list[FileView]:
        return RustViews(program, options, self.extra_lib_modules, self.crate_types).all()

    def runtime_files(self, options: TargetOptions) -> dict[str, str]:
        folder = self.runtime_dir()
        out = {}
        for name in RUNTIME_FILES:
            text = (folder / name).read_text(encoding="utf-8")
            out[f"src/dgrt/{name}"] = (
                f"// {HEADER}\n// source: domaingen runtime (templates/rust/runtime/{name})\n{text}"
            )
        return out

    def format(self, files: dict[str, str]) -> dict[str, str]:
        return format_files(files)
