"""The Python host binding of the WASM target (wasmtime).

Consumes: a checked `ir.Program`, the native Python package name and the
`.wasm` file name.
Produces: `python/…` — a package `<pkg>_wasm` that mirrors the native
package's modules: each re-exports the native records, enums, unions and
constants and binds every function to the WASM module with the native
function's exact signature (`bind`), so switching is a change of import.
Also `_host.py` (the ABI client), `_replay.py` and `pyproject.toml`.
"""

from __future__ import annotations

import json

from ...ir import nodes as ir
from ...render import render_template
from ..python.format import format_files
from ..python.symbols import Symbols, module_parts
from ..python.views import header


def host_package(native: str) -> str:
    return f"{native}_wasm"


def _module_file(native: str, module: ir.Module, symbols: Symbols, head: str) -> str:
    parts = module_parts(module.name)
    native_mod = ".".join([native, *parts])
    names: list[str] = []
    binds: list[str] = []
    for decl in module.decls:
        match decl:
            case ir.Record() | ir.Enum():
                names.append(Symbols.type_name(decl.name))
            case ir.Union_():
                names.append(Symbols.type_name(decl.name))
                names += [symbols.variant_class(module.name, decl.name, v.name) for v in decl.variants]
            case ir.Const():
                names.append(Symbols.const(decl.name))
            case ir.Function():
                fn = Symbols.function(decl.name)
                binds.append(f"{fn} = _bind(_native.{fn}, {json.dumps(module.name + '.' + decl.name)})")
    depth = "." * len(parts)
    lines = [
        head + f'"""`{module.name}` running in WASM: the native types, and functions bound to the module."""',
        "",
        f"import {native_mod} as _native",
        f"from {depth}_host import bind as _bind",
    ]
    if names:
        lines.append(f"from {native_mod} import " + ", ".join(f"{n} as {n}" for n in names))
    lines += ["", *binds, ""]
    return "\n".join(lines)


def python_files(program: ir.Program, native: str, wasm_file: str) -> dict[str, str]:
    pkg = host_package(native)
    head = header("domaingen WASM host binding (templates/wasm/python)")
    symbols = Symbols(program)
    files: dict[str, str] = {}
    folders: set[tuple[str, ...]] = set()
    for module in program.modules:
        parts = module_parts(module.name)
        files[f"{pkg}/{'/'.join(parts)}.py"] = _module_file(native, module, symbols, head)
        for i in range(1, len(parts)):
            folders.add(tuple(parts[:i]))
    for folder in folders:
        files[f"{pkg}/{'/'.join(folder)}/__init__.py"] = head
    context = {"header": head, "native": native, "package": pkg, "wasm_file": json.dumps(wasm_file)}
    for name in ("__init__.py", "_host.py", "_replay.py", "pyproject.toml"):
        rendered = render_template(f"wasm/python/{name}.j2", context)
        files[name if name == "pyproject.toml" else f"{pkg}/{name}"] = rendered
    files[f"{pkg}/py.typed"] = ""
    return {f"python/{path}": text for path, text in format_files(files).items()}
