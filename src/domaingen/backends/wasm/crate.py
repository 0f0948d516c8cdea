"""The WASM crate: the Rust backend's crate plus the ABI exports.

Consumes: a checked `ir.Program` and `TargetOptions` (package = crate name).
Produces: `crate/…` — exactly what `RustBackend` generates (composed, not
copied: a subclass only sets its two composition hooks), plus
`src/wasm_abi.rs` (templates/wasm/wasm_abi.rs, docs/wasm-abi.md), the
per-call arena allocator `src/wasm_arena.rs` (templates/wasm/wasm_arena.rs)
and a `[profile.release]` in Cargo.toml.
"""

from __future__ import annotations

from ...ir import nodes as ir
from ...render import templates_dir
from ..base import HEADER, Generation, TargetOptions
from ..rust.backend import RustBackend

RELEASE_PROFILE = """
# Added by the wasm target: abort-on-panic (a panic is a trap the host reports);
# "s" rather than "z" (about +8 % size, half the instructions per call) and
# the standard library (built with -Zbuild-std) at full speed.
[profile.release]
opt-level = "s"
lto = true
codegen-units = 1
panic = "abort"
strip = true

[profile.release.package."*"]
opt-level = 3
"""
MODULES = ("wasm_abi", "wasm_arena")


class WasmRustBackend(RustBackend):
    """The Rust backend with the WASM hooks set."""

    extra_lib_modules = MODULES
    crate_types = ("cdylib", "rlib")


def crate_files(program: ir.Program, options: TargetOptions) -> Generation:
    generation = WasmRustBackend().generate(program, options)
    if not generation.files:
        return generation
    files = dict(generation.files)
    files["Cargo.toml"] = files["Cargo.toml"].rstrip("\n") + "\n" + RELEASE_PROFILE
    for module in MODULES:
        text = (templates_dir() / "wasm" / f"{module}.rs").read_text(encoding="utf-8")
        files[f"src/{module}.rs"] = f"// {HEADER}\n// source: domaingen WASM ABI (templates/wasm/{module}.rs)\n{text}"
    return Generation({f"crate/{path}": text for path, text in files.items()}, generation.diagnostics)
