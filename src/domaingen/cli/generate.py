"""The generation commands: `generate` (and `--watch`), `verify` and `build`.

Consumes: the configuration (`[tool.domaingen]` or domaingen.toml) with the
command line's overrides.
Produces: generated packages, replay reports and the `.wasm`; `common.Exit`
for a non-zero exit code. Their help texts live in `cli/commands.py`.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Callable, List, Optional

from .common import EXIT_OK, EXIT_USAGE, EXIT_USER, Exit, Settings, guarded, info, use_color

if TYPE_CHECKING:
    from ..config import Config


def configure(paths: Optional[List[str]], output: Optional[str] = None) -> tuple["Config", list[str]]:
    """The configuration with the command line's overrides; its problems are printed."""
    import dataclasses

    from ..config import load_config

    config, problems = load_config()
    for problem in problems:
        sys.stderr.write(problem + "\n")
    if paths:
        config = dataclasses.replace(config, inputs=tuple(paths), root=".")
    if output:
        config = dataclasses.replace(config, output=output)
    return config, problems


def configured(paths: Optional[List[str]], output: Optional[str] = None) -> "Config":
    """`configure`, exiting 1 when the configuration has problems."""
    config, problems = configure(paths, output)
    if problems:
        raise Exit(EXIT_USER)
    return config


def chosen_targets(requested: Optional[List[str]], config: "Config") -> tuple[str, ...]:
    """The targets asked for (default: configured ones); exit 2 on an unknown name."""
    from ..backends import REGISTRY

    chosen = tuple(requested or config.targets)
    unknown = [t for t in chosen if t not in REGISTRY]
    if unknown:
        sys.stderr.write(f"domaingen: unknown target {', '.join(unknown)} (known: {', '.join(REGISTRY)})\n")
        raise Exit(EXIT_USAGE)
    return chosen


@guarded
def generate(paths: Optional[List[str]], targets: Optional[List[str]], output: Optional[str], check: bool, watch: bool) -> None:
    def reconfigure() -> tuple["Config", list[str]]:
        """Re-read by --watch when the configuration changes."""
        return configure(paths, output)

    config = configured(paths, output)
    chosen = chosen_targets(targets, config)
    if watch and check:
        sys.stderr.write("domaingen: --watch and --check do not go together\n")
        raise Exit(EXIT_USAGE)
    if not watch:
        code = generate_once(config, chosen, check)
        if code:
            raise Exit(code)
        return
    watch_inputs(config, chosen, reconfigure, fixed_targets=bool(targets))


def generate_once(config: "Config", targets: tuple[str, ...], check: bool) -> int:
    import time

    from .. import diagnostics as dg
    from ..codegen import generate as run_generate
    from ..output import OutputError, describe_plan
    from ..progress import Progress

    started = time.perf_counter()
    try:
        with Progress("generating " + ", ".join(targets), enabled=not Settings.quiet):
            outcome = run_generate(config, targets, check=check)
    except OutputError as exc:
        sys.stderr.write(f"domaingen: {exc}\n")
        return EXIT_USER
    shown = dg.sort_and_cap(outcome.diagnostics)
    if shown:
        sys.stderr.write(dg.render_text(shown, outcome.sources, use_color(sys.stderr), total=len(outcome.diagnostics)))  # type: ignore[arg-type]
    if outcome.plan is None:
        return EXIT_USER
    plan = outcome.plan
    if Settings.verbose:
        sys.stderr.write(f"generate: {time.perf_counter() - started:.3f} s\n")
    if check:
        if plan.stale:
            sys.stdout.write(describe_plan(config.output, plan))
            sys.stderr.write(f"{len(plan.stale)} stale file(s) in {config.output}; run `domaingen generate` to update\n")
            return EXIT_USER
        info(f"{config.output} is up to date")
        return EXIT_OK
    if outcome.up_to_date:
        info(f"{config.output}: nothing to do")
    else:
        info(f"{config.output}: wrote {len(plan.write)}, removed {len(plan.delete)}, unchanged {len(plan.unchanged)}")
    return EXIT_OK


def watch_inputs(
    config: "Config",
    targets: tuple[str, ...],
    reconfigure: "Callable[[], tuple[Config, list[str]]] | None" = None,
    fixed_targets: bool = True,
    interval: float = 0.3,
) -> None:
    """Poll the inputs' (and the configuration's) modification times; regenerate on every change.

    When the configuration file changes it is read again (its problems are
    shown, and generation waits until they are fixed).
    """
    import time

    from ..frontend import discover

    source = config.source

    def snapshot() -> dict[str, float]:
        files, _ = discover(list(config.inputs))
        stamps: dict[str, float] = {}
        for path in files + ([source] if source else []):
            try:
                stamps[path] = os.stat(path).st_mtime_ns
            except OSError:
                pass
        return stamps

    info(f"watching {', '.join(config.inputs)} (Ctrl-C to stop)")
    last: dict[str, float] | None = None
    broken = False
    try:
        while True:
            current = snapshot()
            if current != last:
                config_changed = last is not None and source is not None and current.get(source) != last.get(source)
                last = current
                if config_changed and reconfigure is not None:
                    fresh, problems = reconfigure()
                    broken = bool(problems)
                    if not broken:
                        config = fresh
                        if not fixed_targets:
                            targets = tuple(fresh.targets)
                        last = snapshot()  # the inputs may have moved
                if not broken:
                    generate_once(config, targets, check=False)
                sys.stderr.flush()
            time.sleep(interval)
    except KeyboardInterrupt:
        info("stopped watching")


@guarded
def verify(paths: Optional[List[str]], targets: Optional[List[str]]) -> None:
    import dataclasses
    import hashlib

    from .. import diagnostics as dg
    from ..backends import get_backend
    from ..codegen import generate as run_generate
    from ..verify import CACHE, replay, table

    config = configured(paths)
    chosen = chosen_targets(targets, config)
    if "wasm" in chosen:
        sys.stderr.write(
            "domaingen: verify replays the native targets; the wasm module is replayed from its Python, "
            "TypeScript and Go hosts by `python -m pytest tests/targets/test_wasm.py`\n"
        )
        raise Exit(EXIT_USAGE)
    key = hashlib.sha256(os.path.abspath(config.root or ".").encode()).hexdigest()[:12]
    work = CACHE / "verify" / key
    config = dataclasses.replace(config, output=str(work), vectors=True)
    outcome = run_generate(config, chosen)
    if outcome.plan is None:
        shown = dg.sort_and_cap(outcome.diagnostics)
        sys.stderr.write(dg.render_text(shown, outcome.sources, use_color(sys.stderr), total=len(outcome.diagnostics)))  # type: ignore[arg-type]
        raise Exit(EXIT_USER)
    files = sorted((work / "vectors").glob("*.json"))
    reports = []
    for target in chosen:
        package = config.packages.get(target, get_backend(target).default_package)
        sys.stderr.write(f"verify: building and replaying {target} …\n")
        reports.append(replay(target, work / target, package, files))
    sys.stdout.write(table(reports))
    total = sum(r.run for r in reports)
    bad = [r for r in reports if r.problem or r.failed]
    for r in bad:
        if r.problem:
            sys.stdout.write(f"\n{r.target}: {r.problem}\n")
        elif r.first is not None:
            d = r.first
            sys.stdout.write(
                f"\nfirst disagreement in {r.target}: {d.vector}\n  function:    {d.function}\n"
                f"  arguments:   {', '.join(d.args)}\n  interpreter: {d.expected}\n  {r.target + ':':<12} {d.actual}\n"
            )
    sys.stdout.write(f"\n{total} vector replays across {len(reports)} targets, {sum(r.failed for r in reports)} disagreements\n")
    if bad:
        raise Exit(EXIT_USER)


@guarded
def build(paths: Optional[List[str]], targets: Optional[List[str]], output: Optional[str]) -> None:
    from pathlib import Path

    chosen = tuple(targets or ("wasm",))
    if chosen != ("wasm",):
        sys.stderr.write("domaingen: `build` supports only --target wasm\n")
        raise Exit(EXIT_USAGE)
    config = configured(paths, output)
    code = generate_once(config, chosen, check=False)
    if code:
        raise Exit(code)
    from ..backends.wasm.build import BuildError
    from ..backends.wasm.build import build as build_wasm

    info("building wasm32-wasip1 (the first build compiles std: a few minutes) …")
    try:
        _, report = build_wasm(Path(config.output) / "wasm")
    except BuildError as exc:
        sys.stderr.write(f"domaingen: {exc}\n")
        raise Exit(EXIT_USER)
    sys.stdout.write(report + "\n")
