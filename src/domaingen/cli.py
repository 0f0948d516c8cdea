"""The `domaingen` command line: the last stage, wiring the others together.

Consumes: command-line arguments and `[tool.domaingen]` configuration.
Produces: results on stdout, diagnostics on stderr, and exit codes:
0 ok, 1 user errors (bad programs, failing tests, stale output),
2 usage errors, 3 internal errors (a bug: we ask for a report).

Imports of the heavier stages happen inside each command so that start-up
stays lean (`domaingen check` must answer in well under half a second).
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TYPE_CHECKING, Callable, List, Optional, TypeVar

import typer

if TYPE_CHECKING:
    from .config import Config
    from .frontend import FrontEnd

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
ISSUES_URL = "https://github.com/domaingen/domaingen/issues"

app = typer.Typer(
    name="domaingen",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., None])


class Settings:
    """Global output options (set by the top-level callback)."""

    quiet = False
    verbose = False


def _info(message: str) -> None:
    """Informational output: stderr, suppressed by --quiet."""
    if not Settings.quiet:
        sys.stderr.write(message + "\n")


@app.callback()
def _options(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only results and errors."),
    verbose: bool = typer.Option(False, "--verbose", help="Print what each stage does and how long it takes."),
) -> None:
    """domaingen: compile typed domain rules (.dg) to identical Python, Go, Rust and TypeScript.

    Exit codes: 0 ok, 1 errors in the input (or failing tests, stale output),
    2 usage errors, 3 internal errors. Colour only on a terminal, never with
    NO_COLOR set. Results go to stdout, everything else to stderr.
    """
    Settings.quiet = quiet
    Settings.verbose = verbose and not quiet

PathsArg = typer.Argument(None, help="`.dg` files or folders (default: `inputs` from [tool.domaingen], else `dsl/`).")
FormatOpt = typer.Option("text", "--format", help="`text` for people, `json` for editors and tools.")


def _use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _internal_error(exc: BaseException) -> None:
    sys.stderr.write(
        "domaingen: internal error — this is a bug in domaingen, not in your program.\n"
        f"Please report it at {ISSUES_URL} with the input that caused it and this trace:\n\n"
    )
    traceback.print_exception(exc, file=sys.stderr)
    raise typer.Exit(EXIT_INTERNAL)


def _guarded(func: F) -> F:
    """Turn any unexpected exception into exit code 3 with a plain report."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            func(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the one place that catches everything
            _internal_error(exc)

    return wrapper  # type: ignore[return-value]


def _inputs(paths: Optional[List[str]]) -> list[str]:
    if paths:
        return paths
    from .config import load_config

    config, problems = load_config()
    for problem in problems:
        sys.stderr.write(problem + "\n")
    if problems:
        raise typer.Exit(EXIT_USER)
    return list(config.inputs)


def _front(paths: Optional[List[str]], fmt: str) -> "FrontEnd":
    """Load, parse and check; print diagnostics; exit 1 on errors."""
    from . import diagnostics as dg
    from .frontend import load

    if fmt not in ("text", "json"):
        sys.stderr.write(f"domaingen: --format must be `text` or `json`, not `{fmt}`\n")
        raise typer.Exit(EXIT_USAGE)
    front = load(_inputs(paths))
    shown = dg.sort_and_cap(front.diagnostics)
    if fmt == "json":
        sys.stdout.write(dg.render_json(shown, total=len(front.diagnostics)))
    elif shown:
        sys.stderr.write(dg.render_text(shown, front.sources, _use_color(sys.stderr), total=len(front.diagnostics)))
    if front.errors:
        if fmt == "text":
            count = len(front.errors)
            sys.stderr.write(f"{count} error{'s' if count != 1 else ''}\n")
        raise typer.Exit(EXIT_USER)
    return front


@app.command()
@_guarded
def check(
    paths: Optional[List[str]] = PathsArg,
    fmt: str = FormatOpt,
) -> None:
    """Parse and type-check `.dg` files; report every error.

    Example: domaingen check dsl/

    Errors print as `path:line:col: error[DGnnn]: message` with the source line
    and a caret; `--format json` prints the same as a JSON document (see
    docs/schema/diagnostics.schema.json). Exit 1 if there are errors.
    """
    front = _front(paths, fmt)
    assert front.program is not None
    modules = len(front.program.modules)
    if fmt == "text":
        _info(f"ok: {modules} module{'s' if modules != 1 else ''} checked")


@app.command("test")
@_guarded
def test_cmd(
    paths: Optional[List[str]] = PathsArg,
    match: str = typer.Option("", "--match", "-k", help="Run only tests whose name contains this text."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List passing tests too."),
) -> None:
    """Run every `test` block in the reference interpreter.

    Example: domaingen test dsl/ -k "level"

    Prints each failure with the values on both sides of the failed `expect`,
    then a summary line `N passed, M failed`. Exit 1 if any test fails.
    """
    front = _front(paths, "text")
    assert front.program is not None
    from .interp.runner import run_tests

    results = [r for r in run_tests(front.program) if match in r.name]
    color = _use_color(sys.stdout)
    green, red, reset = ("\x1b[32m", "\x1b[31m", "\x1b[0m") if color else ("", "", "")
    failed = 0
    for result in results:
        label = f"{result.module} :: {result.name}"
        if result.passed:
            if verbose:
                print(f"{green}PASS{reset} {label}")
        else:
            failed += 1
            print(f"{red}FAIL{reset} {label}")
            for line in (result.message or "").splitlines():
                print(f"     {line}")
    print(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise typer.Exit(EXIT_USER)


@app.command()
@_guarded
def ir(
    paths: Optional[List[str]] = PathsArg,
    spans: bool = typer.Option(False, "--spans", help="Include source spans on every node."),
    schema: bool = typer.Option(False, "--schema", help="Print the IR's JSON Schema instead."),
) -> None:
    """Print the checked IR as JSON (the input every code generator receives).

    Example: domaingen ir dsl/ | jq '.modules[].name'

    The document has a `version` field; its JSON Schema is published in
    docs/schema/ir.schema.json (or print it with --schema).
    """
    from .ir.export import ir_json, ir_schema_json

    if schema:
        sys.stdout.write(ir_schema_json())
        return
    front = _front(paths, "text")
    assert front.program is not None
    sys.stdout.write(ir_json(front.program, spans=spans))


@app.command()
@_guarded
def run(
    target: str = typer.Argument(..., help="`module.function`, e.g. game.progression.add_exp"),
    args: Optional[List[str]] = typer.Argument(None, help="One canonical-JSON argument per parameter."),
    inputs: Optional[List[str]] = typer.Option(None, "--input", "-i", help="`.dg` files or folders to load."),
) -> None:
    """Call one function in the reference interpreter and print its result.

    Example: domaingen run game.progression.required_exp 5

    Each argument is JSON, decoded strictly against the parameter's type. The
    result prints as canonical JSON; a failure prints `error: Kind: message`
    on stderr and exits 1. Put `--` before an argument that starts with `-`
    (a negative number): domaingen run shop.pricing.with_tax -- -1
    """
    front = _front(inputs, "text")
    assert front.program is not None
    from .interp.runner import run_call

    ok, output = run_call(front.program, target, list(args or []))
    if ok:
        sys.stdout.write(output + "\n")
    else:
        sys.stderr.write(output + "\n")
        raise typer.Exit(EXIT_USER)


def _configure(paths: Optional[List[str]], output: Optional[str] = None) -> tuple["Config", list[str]]:
    """The configuration with the command line's overrides; its problems are printed."""
    import dataclasses

    from .config import load_config

    config, problems = load_config()
    for problem in problems:
        sys.stderr.write(problem + "\n")
    if paths:
        config = dataclasses.replace(config, inputs=tuple(paths), root=".")
    if output:
        config = dataclasses.replace(config, output=output)
    return config, problems


def _configured(paths: Optional[List[str]], output: Optional[str] = None) -> "Config":
    """`_configure`, exiting 1 when the configuration has problems."""
    config, problems = _configure(paths, output)
    if problems:
        raise typer.Exit(EXIT_USER)
    return config


def _targets(requested: Optional[List[str]], config: "Config") -> tuple[str, ...]:
    """The targets asked for (default: configured ones); exit 2 on an unknown name."""
    from .backends import REGISTRY

    chosen = tuple(requested or config.targets)
    unknown = [t for t in chosen if t not in REGISTRY]
    if unknown:
        sys.stderr.write(f"domaingen: unknown target {', '.join(unknown)} (known: {', '.join(REGISTRY)})\n")
        raise typer.Exit(EXIT_USAGE)
    return chosen


@app.command()
@_guarded
def generate(
    paths: Optional[List[str]] = PathsArg,
    targets: Optional[List[str]] = typer.Option(None, "--target", "-t", help="Target to generate (repeatable; default: all configured)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output folder (default: `output` from config, else generated/)."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 listing stale files with a diff."),
    watch: bool = typer.Option(False, "--watch", "-w", help="Keep running: regenerate whenever an input changes."),
) -> None:
    """Generate packages for each target into `generated/<target>/`.

    Example: domaingen generate --target python --target go

    Only changed files are written (atomically); files generated earlier for
    removed declarations are deleted; files domaingen did not write are never
    touched. With --check nothing is written: stale files are listed with a
    diff and the exit code is 1 (for CI and pre-commit). With --watch,
    diagnostics are shown and generation resumes on the next change.
    """
    def configure() -> tuple["Config", list[str]]:
        """Re-read by --watch when the configuration changes."""
        return _configure(paths, output)

    config = _configured(paths, output)
    chosen = _targets(targets, config)
    if watch and check:
        sys.stderr.write("domaingen: --watch and --check do not go together\n")
        raise typer.Exit(EXIT_USAGE)
    if not watch:
        code = _generate_once(config, chosen, check)
        if code:
            raise typer.Exit(code)
        return
    _watch(config, chosen, configure, fixed_targets=bool(targets))


def _generate_once(config: "Config", targets: tuple[str, ...], check: bool) -> int:
    import time

    from . import diagnostics as dg
    from .codegen import generate as run_generate
    from .output import OutputError, describe_plan
    from .progress import Progress

    started = time.perf_counter()
    try:
        with Progress("generating " + ", ".join(targets), enabled=not Settings.quiet):
            outcome = run_generate(config, targets, check=check)
    except OutputError as exc:
        sys.stderr.write(f"domaingen: {exc}\n")
        return EXIT_USER
    shown = dg.sort_and_cap(outcome.diagnostics)
    if shown:
        sys.stderr.write(dg.render_text(shown, outcome.sources, _use_color(sys.stderr), total=len(outcome.diagnostics)))  # type: ignore[arg-type]
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
        _info(f"{config.output} is up to date")
        return EXIT_OK
    if outcome.up_to_date:
        _info(f"{config.output}: nothing to do")
    else:
        _info(f"{config.output}: wrote {len(plan.write)}, removed {len(plan.delete)}, unchanged {len(plan.unchanged)}")
    return EXIT_OK


def _watch(
    config: "Config",
    targets: tuple[str, ...],
    configure: "Callable[[], tuple[Config, list[str]]] | None" = None,
    fixed_targets: bool = True,
    interval: float = 0.3,
) -> None:
    """Poll the inputs' (and the configuration's) modification times; regenerate on every change.

    When the configuration file changes it is read again (its problems are
    shown, and generation waits until they are fixed).
    """
    import time

    from .frontend import discover

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

    _info(f"watching {', '.join(config.inputs)} (Ctrl-C to stop)")
    last: dict[str, float] | None = None
    broken = False
    try:
        while True:
            current = snapshot()
            if current != last:
                config_changed = last is not None and source is not None and current.get(source) != last.get(source)
                last = current
                if config_changed and configure is not None:
                    fresh, problems = configure()
                    broken = bool(problems)
                    if not broken:
                        config = fresh
                        if not fixed_targets:
                            targets = tuple(fresh.targets)
                        last = snapshot()  # the inputs may have moved
                if not broken:
                    _generate_once(config, targets, check=False)
                sys.stderr.flush()
            time.sleep(interval)
    except KeyboardInterrupt:
        _info("stopped watching")


@app.command()
@_guarded
def verify(
    paths: Optional[List[str]] = PathsArg,
    targets: Optional[List[str]] = typer.Option(None, "--target", "-t", help="Target to verify (repeatable; default: all configured)."),
) -> None:
    """Replay every test vector in every target and compare with the interpreter.

    Example: domaingen verify -t go -t rust

    Generates each target and the vectors into a private cache folder (your
    generated/ is not touched), builds each package, runs its replay driver
    and prints a table of vectors run, passed and failed per target, then the
    first disagreement in detail. Exit 1 on any disagreement or build failure.
    """
    import dataclasses
    import hashlib

    from . import diagnostics as dg
    from .backends import get_backend
    from .codegen import generate as run_generate
    from .verify import CACHE, replay, table

    config = _configured(paths)
    chosen = _targets(targets, config)
    if "wasm" in chosen:
        sys.stderr.write(
            "domaingen: verify replays the native targets; the wasm module is replayed from its Python, "
            "TypeScript and Go hosts by `python -m pytest tests/targets/test_wasm.py`\n"
        )
        raise typer.Exit(EXIT_USAGE)
    key = hashlib.sha256(os.path.abspath(config.root or ".").encode()).hexdigest()[:12]
    work = CACHE / "verify" / key
    config = dataclasses.replace(config, output=str(work), vectors=True)
    outcome = run_generate(config, chosen)
    if outcome.plan is None:
        shown = dg.sort_and_cap(outcome.diagnostics)
        sys.stderr.write(dg.render_text(shown, outcome.sources, _use_color(sys.stderr), total=len(outcome.diagnostics)))  # type: ignore[arg-type]
        raise typer.Exit(EXIT_USER)
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
        raise typer.Exit(EXIT_USER)


STARTER = """/// {title}: a starter domain module. Edit me, then run `domaingen test`.
module {module}

/// The most a counter may hold.
const LIMIT: Int = 100

/// A named counter.
record Counter {{
  name: String
  value: Int
}}

/// Add `amount` to a counter, failing past the limit.
fn bump(counter: Counter, amount: Int) -> Counter {{
  require amount >= 0, "amount must be non-negative"
  require counter.value + amount <= LIMIT, "counter would pass the limit"
  return counter with {{ value: counter.value + amount }}
}}

test "bump adds" {{
  let c = Counter {{ name: "hits", value: 1 }}
  expect bump(c, 2).value == 3
}}

test "bump refuses negative amounts" {{
  expect_error bump(Counter {{ name: "hits", value: 1 }}, -1), "amount must be non-negative"
}}
"""

CONFIG = """# domaingen configuration (see `domaingen --help`).
inputs = ["dsl"]
output = "generated"
targets = ["python", "go", "rust", "typescript"]

[packages]
python = "{python}"
go = "example.com/{python}"
rust = "{python}"
typescript = "{npm}"
"""


@app.command()
@_guarded
def init(
    folder: str = typer.Argument(".", help="Project folder (created if missing)."),
    module: str = typer.Option("app.rules", "--module", "-m", help="Name of the starter module."),
) -> None:
    """Create domaingen.toml and a starter module that passes check and test.

    Example: domaingen init my-service --module shop.pricing

    Never overwrites: if either file exists, nothing is written and the exit
    code is 1.
    """
    import re
    from pathlib import Path

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*", module):
        sys.stderr.write(f"domaingen: `{module}` is not a module name (expected dotted identifiers, like shop.pricing)\n")
        raise typer.Exit(EXIT_USAGE)
    root = Path(folder)
    config_path = root / "domaingen.toml"
    module_path = root / "dsl" / Path(*module.split(".")).with_suffix(".dg")
    existing = [str(p) for p in (config_path, module_path) if p.exists()]
    if existing:
        sys.stderr.write(f"domaingen: not overwriting {', '.join(existing)}\n")
        raise typer.Exit(EXIT_USER)
    package = re.sub(r"[^a-z0-9_]", "_", (root.resolve().name or "domain").lower()).strip("_") or "domain"
    module_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(CONFIG.format(python=package, npm=package.replace("_", "-")), encoding="utf-8")
    module_path.write_text(STARTER.format(title=module.split(".")[-1].title(), module=module), encoding="utf-8")
    sys.stderr.write(f"created {config_path} and {module_path}\nnext: cd {folder} && domaingen check && domaingen test\n")


@app.command("fmt")
@_guarded
def fmt_cmd(
    paths: Optional[List[str]] = PathsArg,
    check: bool = typer.Option(False, "--check", help="Write nothing; print a diff of each file that would change; exit 1 if any."),
    stdin: bool = typer.Option(False, "--stdin", help="Format standard input to standard output (for editors)."),
) -> None:
    """Rewrite `.dg` files in the one canonical style; comments and meaning are kept.

    Example: domaingen fmt --check dsl/

    Rewrites (atomically) only the files that change and lists them. With
    --check nothing is written: each file that would change is listed with
    a unified diff and the exit code is 1. With --stdin the text on standard
    input is formatted to standard output. A file with syntax errors is left
    as it is and reported (exit 1).
    """
    import difflib
    import tempfile

    from . import diagnostics as dg
    from .fmt import format_source
    from .frontend import discover
    from .source import SourceFile, read_source

    if stdin:
        if paths or check:
            sys.stderr.write("domaingen: --stdin takes no paths and no --check\n")
            raise typer.Exit(EXIT_USAGE)
        piped = SourceFile("<stdin>", sys.stdin.read())
        text, found = format_source(piped)
        sys.stdout.write(text)
        errors = [d for d in found if d.severity == "error"]
        if errors:
            sys.stderr.write(dg.render_text(dg.sort_and_cap(errors), {piped.path: piped}, _use_color(sys.stderr)))
            raise typer.Exit(EXIT_USER)
        return
    files, problems = discover(_inputs(paths))
    sources: dict[str, SourceFile] = {}
    changed: list[str] = []
    failed = 0
    for path in files:
        source, problem = read_source(path)
        if source is None:
            problems.append(dg.make("DG001", None, f"{path}: {problem}"))
            continue
        sources[path] = source
        text, found = format_source(source)
        errors = [d for d in found if d.severity == "error"]
        with open(path, "rb") as handle:
            if errors or handle.read() == text.encode("utf-8"):
                problems += errors
                failed += bool(errors)
                continue
        changed.append(path)
        if check:
            sys.stdout.writelines(difflib.unified_diff(source.text.splitlines(True), text.splitlines(True), path, path))
            sys.stderr.write(f"would reformat {path}\n")
            continue
        folder = os.path.dirname(os.path.abspath(path))
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=folder, suffix=".tmp", delete=False) as tmp:
            tmp.write(text)
        os.replace(tmp.name, path)
        sys.stdout.write(f"formatted {path}\n")
    if problems:
        shown = dg.sort_and_cap(problems)
        sys.stderr.write(dg.render_text(shown, sources, _use_color(sys.stderr), total=len(problems)))
    verb = "would be reformatted" if check else "reformatted"
    sys.stderr.write(f"{len(changed)} file(s) {verb}, {len(sources) - len(changed) - failed} left unchanged\n")
    if problems or (check and changed):
        raise typer.Exit(EXIT_USER)


@app.command("lsp")
@_guarded
def lsp_cmd() -> None:
    """Run the language server on stdin/stdout (for editors).

    Example: domaingen lsp

    Editors start it themselves; see docs/workflows.md for VS Code, Neovim
    and Helix settings. Diagnostics as you type, hover, go to definition,
    completion, document symbols and formatting.
    """
    from .lsp.server import serve

    serve()


@app.command()
@_guarded
def build(
    paths: Optional[List[str]] = PathsArg,
    targets: Optional[List[str]] = typer.Option(None, "--target", "-t", help="Target to build (only `wasm` so far)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output folder (default: `output` from config, else generated/)."),
) -> None:
    """Generate a target, then compile what needs compiling (the `.wasm`).

    Example: domaingen build --target wasm

    Writes `generated/wasm/` as `generate` does, builds the crate for
    wasm32-wasip1 (rustup's target if installed, else Debian's rustc-web
    with -Zbuild-std) into `generated/wasm/<crate>.wasm` and copies it next
    to each host binding. A missing toolchain is reported with what to
    install (exit 1).
    """
    from pathlib import Path

    chosen = tuple(targets or ("wasm",))
    if chosen != ("wasm",):
        sys.stderr.write("domaingen: `build` supports only --target wasm\n")
        raise typer.Exit(EXIT_USAGE)
    config = _configured(paths, output)
    code = _generate_once(config, chosen, check=False)
    if code:
        raise typer.Exit(code)
    from .backends.wasm.build import BuildError
    from .backends.wasm.build import build as build_wasm

    _info("building wasm32-wasip1 (the first build compiles std: a few minutes) …")
    try:
        _, report = build_wasm(Path(config.output) / "wasm")
    except BuildError as exc:
        sys.stderr.write(f"domaingen: {exc}\n")
        raise typer.Exit(EXIT_USER)
    sys.stdout.write(report + "\n")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
