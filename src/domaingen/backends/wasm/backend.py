"""The WASM backend: the Rust crate for wasm32-wasip1 plus typed host bindings.

Consumes: a checked `ir.Program` and `TargetOptions` (package = crate name).
Produces: `generated/wasm/` —
  `crate/`      the Rust backend's crate + `src/wasm_abi.rs` (see `crate`);
  `python/`     `<py>_wasm` for wasmtime (see `python_host`);
  `typescript/` a package for `node:wasi` (see `ts_host`);
  `go/`         a module for wazero (see `go_host`).
Each binding imports the native package of its language (its records,
codecs and errors) and calls the module's one `dg_call` export
(docs/wasm-abi.md). The native package names come from the configured
`[packages]` passed in `TargetOptions.packages`, falling back to
`domaingen init`'s conventions (`<crate>`, `example.com/<crate>`, `<crate>`
with `-`).
The `.wasm` itself is built by `domaingen build --target wasm` (see `build`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...ir import nodes as ir
from ..base import Generation, TargetOptions
from ..rust.naming import SCHEME
from .crate import crate_files
from .go_host import go_files
from .python_host import python_files
from .ts_host import ts_files


@dataclass(frozen=True)
class NativePackages:
    crate: str
    python: str
    go: str
    typescript: str

    @property
    def wasm_file(self) -> str:
        return self.crate.replace("-", "_") + ".wasm"


def native_packages(package: str, default: str, packages: dict[str, str]) -> NativePackages:
    """The native package names the bindings import: `packages` (the configured
    `[packages]`, from `TargetOptions`), else `domaingen init`'s conventions."""
    crate = packages.get("wasm") or (packages.get("rust", package) if package == default else package)
    snake = crate.replace("-", "_")
    return NativePackages(
        crate=crate,
        python=packages.get("python", snake).replace("-", "_"),
        go=packages.get("go", f"example.com/{snake}"),
        typescript=packages.get("typescript", snake.replace("_", "-")),
    )


class WasmBackend:
    name = "wasm"
    scheme = SCHEME
    default_package = "domain"

    def generate(self, program: ir.Program, options: TargetOptions) -> Generation:
        native = native_packages(options.package, self.default_package, options.packages)
        crate = crate_files(program, replace(options, package=native.crate))
        if not crate.files:
            return crate
        files = dict(crate.files)
        files.update(python_files(program, native.python, native.wasm_file))
        files.update(ts_files(program, native.typescript, native.wasm_file))
        files.update(go_files(program, native.go, native.wasm_file))
        return Generation(dict(sorted(files.items())), crate.diagnostics)
