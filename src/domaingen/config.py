"""Project configuration: `[tool.domaingen]` in pyproject.toml, or domaingen.toml.

Consumes: the nearest pyproject.toml / domaingen.toml at or above the
working directory.
Produces: a `Config` (inputs, output dir, targets, package names) and a list
of problems (`path:line: message`) for unknown keys or bad values.
"""

from __future__ import annotations

import os
import re
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


def _dotted(text: str) -> tuple[str, ...]:
    """`tool . "domaingen".inputs` -> ("tool", "domaingen", "inputs")."""
    return tuple(part.strip().strip("\"'") for part in text.split("."))


def _line_of(text: str, table: tuple[str, ...], key: str) -> int:
    """The line where `key` (dotted, e.g. `packages.python`) of `table` is set.

    Follows table headers (`[tool.domaingen.packages]`) and dotted keys, so a
    key of the same name in another table is never matched. Falls back to the
    line of the table itself, then to line 1.
    """
    want = table + tuple(part for part in key.split(".") if part)
    current: tuple[str, ...] = ()
    table_line = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            header = line.lstrip("[").split("]", 1)[0]
            current = _dotted(header)
            if current == table and not table_line:
                table_line = number
            if current[: len(want)] == want:
                return number
        elif "=" in line and not line.startswith("#"):
            full = current + _dotted(line.split("=", 1)[0])
            if full[: len(want)] == want:
                return number
    return table_line or 1


def _known_targets() -> tuple[str, ...]:
    from .backends import REGISTRY

    return DEFAULT_TARGETS + tuple(name for name in REGISTRY if name not in DEFAULT_TARGETS)


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
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = match.group(1) if match else "1"
        return Config(), [f"{path}:{line}: invalid TOML: {re.sub(r' [(]at line .*', '', str(exc))}"]
    where: tuple[str, ...] = ("tool", "domaingen") if nested else ()
    table = data.get("tool", {}).get("domaingen", {}) if nested else data
    problems: list[str] = []

    def problem(key: str, message: str) -> None:
        problems.append(f"{path}:{_line_of(text, where, key)}: {message}")

    if not isinstance(table, dict):
        problem("", "`tool.domaingen` must be a table")
        table = {}
    for key in sorted(set(table) - _KNOWN):
        problem(key, f"unknown key `{key}` in domaingen configuration (known: {', '.join(sorted(_KNOWN))})")
    root = os.path.dirname(path)

    def strings(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = table.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem(key, f"`{key}` must be a list of strings")
            return default
        return tuple(value)

    inputs = strings("inputs", ("dsl",))
    targets = strings("targets", DEFAULT_TARGETS)
    known = _known_targets()
    for name in targets:
        if name not in known:
            problem("targets", f"unknown target `{name}` in `targets` (known: {', '.join(known)})")
    output = table.get("output", "generated")
    if not isinstance(output, str) or not output:
        problem("output", "`output` must be a non-empty string")
        output = "generated"
    packages = table.get("packages", {})
    if not isinstance(packages, dict):
        problem("packages", "`packages` must be a table mapping target names to package names")
        packages = {}
    for name, value in list(packages.items()):
        if name not in known:
            problem(f"packages.{name}", f"unknown target `{name}` in `packages` (known: {', '.join(known)})")
            del packages[name]
        elif not isinstance(value, str) or not value:
            problem(f"packages.{name}", f"`packages.{name}` must be a non-empty string")
            del packages[name]
    vectors = table.get("vectors", True)
    if not isinstance(vectors, bool):
        problem("vectors", "`vectors` must be true or false")
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
