"""Project configuration: `[tool.domaingen]` in pyproject.toml, or domaingen.toml.

Consumes: the nearest pyproject.toml / domaingen.toml at or above the
working directory.
Produces: a `Config` (inputs, output dir, targets, package names) and a list
of problems (`path:line: message`) for unknown keys or bad values.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field

DEFAULT_TARGETS = ("python", "go", "rust", "typescript")


@dataclass(frozen=True)
class Config:
    root: str = "."
    inputs: tuple[str, ...] = ("dsl",)
    output: str = "generated"
    targets: tuple[str, ...] = DEFAULT_TARGETS
    packages: dict[str, str] = field(default_factory=dict)
    vectors: bool = True
    source: str | None = None


_KNOWN = {"inputs", "output", "targets", "packages", "vectors"}


def _find() -> tuple[str | None, bool]:
    here = os.path.abspath(os.getcwd())
    while True:
        for name, nested in (("domaingen.toml", False), ("pyproject.toml", True)):
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate):
                if not nested:
                    return candidate, False
                with open(candidate, "rb") as handle:
                    try:
                        if "domaingen" in tomllib.load(handle).get("tool", {}):
                            return candidate, True
                    except tomllib.TOMLDecodeError:
                        return candidate, True
        parent = os.path.dirname(here)
        if parent == here:
            return None, False
        here = parent


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(key):
            return number
    return 1


def load_config() -> tuple[Config, list[str]]:
    path, nested = _find()
    if path is None:
        return Config(), []
    with open(path, "rb") as handle:
        raw = handle.read()
    text = raw.decode("utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(), [f"{path}: {exc}"]
    table = data.get("tool", {}).get("domaingen", {}) if nested else data
    problems: list[str] = []
    for key in sorted(set(table) - _KNOWN):
        problems.append(f"{path}:{_line_of(text, key)}: unknown key `{key}` in domaingen configuration")
    root = os.path.dirname(path)

    def strings(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = table.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{path}:{_line_of(text, key)}: `{key}` must be a list of strings")
            return default
        return tuple(value)

    inputs = strings("inputs", ("dsl",))
    targets = strings("targets", DEFAULT_TARGETS)
    output = table.get("output", "generated")
    if not isinstance(output, str):
        problems.append(f"{path}:{_line_of(text, 'output')}: `output` must be a string")
        output = "generated"
    packages = table.get("packages", {})
    if not isinstance(packages, dict) or not all(isinstance(v, str) for v in packages.values()):
        problems.append(f"{path}:{_line_of(text, 'packages')}: `packages` must map target names to strings")
        packages = {}
    vectors = table.get("vectors", True)
    if not isinstance(vectors, bool):
        problems.append(f"{path}:{_line_of(text, 'vectors')}: `vectors` must be true or false")
        vectors = True
    rel = os.path.relpath(root)
    config = Config(
        root=root,
        inputs=tuple(os.path.normpath(os.path.join(rel, p)) for p in inputs),
        output=os.path.normpath(os.path.join(rel, output)),
        targets=targets,
        packages=dict(packages),
        vectors=vectors,
        source=path,
    )
    return config, problems
