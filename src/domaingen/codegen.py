"""Code generation as one call: inputs + configuration to files on disk.

Consumes: a `Config` (inputs, output folder, targets, package names).
Produces: `generated/<target>/…` through `output` (atomic, minimal writes),
or with `check=True` a report of stale files. A fingerprint of the inputs,
the configuration and domaingen itself is kept in the manifest: when nothing
changed and the files on disk still match, no parsing, rendering or
formatting happens at all (the pre-commit no-op path).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING, Any, Callable

from . import __version__
from .config import Config
from .diagnostics import Diagnostic
from .output import Manifest, Plan, apply_plan, make_plan, sha

if TYPE_CHECKING:
    from .workers import Workers


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


def fingerprint(config: Config, targets: tuple[str, ...], files: list[str], tool: str | None = None) -> str:
    """`tool`: `_tool_digest()` when the caller already has it (it reads ~200 files)."""
    digest = hashlib.sha256((tool or _tool_digest()).encode())
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


def _vectors_cache(key: str) -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "domaingen", "vectors", key[:2], f"{key}.json")


def _cached_vectors(key: str) -> dict[str, str] | None:
    import json

    try:
        with open(_vectors_cache(key), encoding="utf-8") as handle:
            cached = json.load(handle)
        if isinstance(cached, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in cached.items()):
            return cached
    except (OSError, ValueError):
        pass
    return None


def _store_vectors(key: str, texts: dict[str, str]) -> None:
    import json
    import tempfile

    path = _vectors_cache(key)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(texts, handle)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed


def vector_job(job: tuple[str, ...]) -> list[Any]:
    """One part of the vectors (`vectors.build.jobs`) of the program the parent shared."""
    from .vectors.build import run_job
    from .workers import shared

    return run_job(shared["program"], job)


def _vectors(program: Any, key: str, pool: "Workers") -> Callable[[], dict[str, str]]:
    """The test-vector files, from a content-addressed cache when possible.

    Building vectors runs the reference interpreter on every function
    (the largest part of a cold `generate` of dsl/). They are a function of
    the inputs and of domaingen itself only, so `key` is a fingerprint of
    exactly those (as for formatter output in `formatcache`); a target or
    output change that invalidates the manifest fingerprint does not rebuild
    them. On a miss their parts (the tests' calls; each function's generated
    inputs) are built in worker processes while this one renders and
    formats; the returned function waits for them and puts them together in
    order, so the files are exactly `build_vectors(program)`.
    """
    cached = _cached_vectors(key)
    if cached is not None:
        return lambda: cached
    from .vectors.build import assemble, jobs

    handles = [pool.submit(vector_job, job) for job in jobs(program)]

    def wait() -> dict[str, str]:
        files = assemble(program, [handle.get() for handle in handles])
        texts = {f"vectors/{f.module}.json": f.text() for f in files}
        _store_vectors(key, texts)
        return texts

    return wait


class _Formatting:
    """One backend's output whose cache-missing files are being formatted in workers.

    Jobs whose formatter has a `batch` form (rustfmt, gofmt: a process per
    call) go out as one batch per formatter, so a cold run starts one
    formatter process per backend instead of one per file (one batch per
    worker was tried: a little more CPU and no clear gain in wall time on 2
    cores, where the parent and the other targets' jobs keep the workers
    busy); the others (black, in-process) one by one.
    """

    def __init__(self, backend: Any, program: Any, options: Any, pool: "Workers") -> None:
        from . import formatcache, workers

        self.backend, self.program, self.options = backend, program, options
        with formatcache.deferred() as jobs:
            self.generation = backend.generate(program, options)
        units: list[list[formatcache.Pending]] = []
        batches: dict[Any, list[formatcache.Pending]] = {}
        for job in jobs:
            if job.batch is None:
                units.append([job])
            else:
                batches.setdefault(job.batch, []).append(job)
        units += batches.values()
        # Longest first: the pool then ends with short jobs, evenly.
        self.jobs: list[tuple[list[formatcache.Pending], Any]] = []
        for unit in sorted(units, key=lambda unit: sum(map(len, unit)), reverse=True):
            first = unit[0]
            if first.batch is None:
                handle = pool.submit(workers.run_formatter, first.formatter, str(first))
            else:
                handle = pool.submit(workers.run_batch, first.batch, [(job.name, str(job)) for job in unit])
            self.jobs.append((unit, handle))

    def result(self) -> Any:
        if not self.jobs:
            return self.generation
        results: dict[int, str] = {}
        for unit, handle in self.jobs:
            texts = [handle.get()] if unit[0].batch is None else handle.get()
            for job, text in zip(unit, texts, strict=True):
                results[id(job)] = text
                job.store(text)
        from .formatcache import substitute

        files = substitute(self.generation.files, results)
        if files is None:  # the backend changed formatted text further: again, every file now cached
            return self.backend.generate(self.program, self.options)
        return dataclasses.replace(self.generation, files=files)


def generate(config: Config, targets: tuple[str, ...], check: bool = False) -> Outcome:
    from .frontend import discover

    files, problems = discover(list(config.inputs))
    if problems:
        return Outcome(diagnostics=problems)
    out_dir = config.output
    tool = _tool_digest()
    print_fp = fingerprint(config, targets, files, tool)
    previous = Manifest.read(out_dir)
    if previous.fingerprint == print_fp and _on_disk_matches(out_dir, previous, targets):
        return Outcome(plan=Plan({}, [], []), up_to_date=True)

    # Only past the fingerprint check: the no-op path imports no parser,
    # checker, backend or template engine.
    from .backends import get_backend
    from .backends.base import TargetOptions
    from .frontend import load
    from .workers import Workers

    front = load(files)
    if front.errors or front.program is None:
        return Outcome(diagnostics=front.diagnostics, sources=dict(front.sources))
    root = config.root or "."
    sources = {m.name: Path(os.path.relpath(m.path, root)).as_posix() for m in front.program.modules}
    desired: dict[str, str] = {}
    diagnostics = list(front.diagnostics)
    # Cold caches: formatter jobs, then the parts of the vectors, go to worker
    # processes (big jobs first, many small ones last: the workers end
    # together) while this one renders the next target; results are
    # collected in target order.
    with Workers(program=front.program) as pool:
        started = []
        for target in targets:
            backend = get_backend(target)
            options = TargetOptions(
                package=config.packages.get(target, backend.default_package), sources=sources, packages=dict(config.packages)
            )
            started.append((target, _Formatting(backend, front.program, options, pool)))
        vectors = _vectors(front.program, fingerprint(config, ("<vectors>",), files, tool), pool) if config.vectors else None
        for target, formatting in started:
            generation = formatting.result()
            diagnostics += generation.diagnostics
            desired.update({f"{target}/{rel}": content for rel, content in generation.files.items()})
        if any(d.severity == "error" for d in diagnostics):
            return Outcome(diagnostics=diagnostics, sources=dict(front.sources))
        if vectors is not None:
            desired.update(vectors())
    prefixes = tuple(f"{t}/" for t in targets) + (("vectors/",) if config.vectors else ())
    plan = make_plan(out_dir, desired, previous, prefixes)
    if not check:
        kept = {rel: h for rel, h in previous.files.items() if not rel.startswith(prefixes)}
        kept.update({rel: sha(content) for rel, content in desired.items()})
        apply_plan(out_dir, plan, Manifest(print_fp, kept))
    return Outcome(plan=plan, diagnostics=diagnostics, sources=dict(front.sources))
