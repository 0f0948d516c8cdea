"""Code generation as one call: inputs + configuration to files on disk.

Consumes: a `Config` (inputs, output folder, targets, package names).
Produces: `generated/<target>/…` through `output` (atomic, minimal writes),
or with `check=True` a report of stale files. A fingerprint of the inputs,
the configuration and domaingen itself is kept in the manifest: when nothing
changed and the files on disk still match, no parsing, rendering or
formatting happens at all (the pre-commit no-op path).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import Config
from .diagnostics import Diagnostic
from .output import Manifest, Plan, apply_plan, make_plan, sha


@dataclass
class Outcome:
    plan: Plan | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, object] = field(default_factory=dict)
    up_to_date: bool = False


def _tool_digest() -> str:
    """Hash of domaingen's own code and templates (so a new version regenerates)."""
    from .render import templates_dir

    digest = hashlib.sha256(__version__.encode())
    for folder in (Path(__file__).resolve().parent, templates_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(config: Config, targets: tuple[str, ...], files: list[str]) -> str:
    digest = hashlib.sha256(_tool_digest().encode())
    digest.update(repr((targets, config.vectors, sorted(config.packages.items()))).encode())
    for path in files:
        digest.update(Path(os.path.relpath(path, config.root or ".")).as_posix().encode() + b"\0")
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


def _on_disk_matches(out_dir: str, manifest: Manifest, targets: tuple[str, ...]) -> bool:
    prefixes = tuple(f"{t}/" for t in targets)
    owned = [rel for rel in manifest.files if rel.startswith(prefixes)]
    if not owned:
        return False
    for rel in owned:
        try:
            with open(os.path.join(out_dir, rel), encoding="utf-8", newline="") as handle:
                if sha(handle.read()) != manifest.files[rel]:
                    return False
        except (OSError, UnicodeDecodeError):
            return False
    return True


def generate(config: Config, targets: tuple[str, ...], check: bool = False) -> Outcome:
    from .backends import get_backend
    from .backends.base import TargetOptions
    from .frontend import discover, load

    files, problems = discover(list(config.inputs))
    if problems:
        return Outcome(diagnostics=problems)
    out_dir = config.output
    print_fp = fingerprint(config, targets, files)
    previous = Manifest.read(out_dir)
    if previous.fingerprint == print_fp and _on_disk_matches(out_dir, previous, targets):
        return Outcome(plan=Plan({}, [], []), up_to_date=True)

    front = load(files)
    if front.errors or front.program is None:
        return Outcome(diagnostics=front.diagnostics, sources=dict(front.sources))
    root = config.root or "."
    sources = {m.name: Path(os.path.relpath(m.path, root)).as_posix() for m in front.program.modules}
    desired: dict[str, str] = {}
    diagnostics = list(front.diagnostics)
    for target in targets:
        backend = get_backend(target)
        options = TargetOptions(package=config.packages.get(target, backend.default_package), sources=sources)
        generation = backend.generate(front.program, options)
        diagnostics += generation.diagnostics
        desired.update({f"{target}/{rel}": content for rel, content in generation.files.items()})
    if any(d.severity == "error" for d in diagnostics):
        return Outcome(diagnostics=diagnostics, sources=dict(front.sources))
    if config.vectors:
        from .vectors.build import build_vectors

        for vector_file in build_vectors(front.program):
            desired[f"vectors/{vector_file.module}.json"] = vector_file.text()
    prefixes = tuple(f"{t}/" for t in targets) + (("vectors/",) if config.vectors else ())
    plan = make_plan(out_dir, desired, previous, prefixes)
    if not check:
        kept = {rel: h for rel, h in previous.files.items() if not rel.startswith(prefixes)}
        kept.update({rel: sha(content) for rel, content in desired.items()})
        apply_plan(out_dir, plan, Manifest(print_fp, kept))
    return Outcome(plan=plan, diagnostics=diagnostics, sources=dict(front.sources))
