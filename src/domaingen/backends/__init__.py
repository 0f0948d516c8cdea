"""Backends: one package per target behind the small protocol in `base`.

`REGISTRY` maps a target name to the dotted path of its backend class; the
CLI enumerates it and imports only the targets it needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `base` imports the IR and jinja2: a no-op `generate` never needs them
    from .base import Backend

REGISTRY: dict[str, str] = {
    "python": "domaingen.backends.python.backend:PythonBackend",
    "go": "domaingen.backends.go.backend:GoBackend",
    "rust": "domaingen.backends.rust.backend:RustBackend",
    "typescript": "domaingen.backends.typescript.backend:TypeScriptBackend",
    "wasm": "domaingen.backends.wasm.backend:WasmBackend",
}


def get_backend(name: str) -> "Backend":
    module_name, _, cls_name = REGISTRY[name].partition(":")
    cls = getattr(importlib.import_module(module_name), cls_name)
    backend: "Backend" = cls()
    return backend
