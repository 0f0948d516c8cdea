"""The typer application: every command's options and help text.

Consumes: the command line (through typer/click).
Produces: calls into the command groups (`cli/frontend.py`,
`cli/generate.py`, `cli/project.py`), turning their `common.Exit` into
`typer.Exit`. `cli/__init__.py` runs the common front-end commands without
importing this module (typer and click cost ~40-60 ms to import); anything
else, `--help` included, comes here.
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional

import typer

from . import common, frontend, generate as generation, project

app = typer.Typer(
    name="domaingen",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _run(command: Callable[..., None], *args: Any) -> None:
    try:
        command(*args)
    except common.Exit as exc:
        raise typer.Exit(exc.code) from None


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
    common.set_options(quiet, verbose)

PathsArg = typer.Argument(None, help="`.dg` files or folders (default: `inputs` from [tool.domaingen], else `dsl/`).")
FormatOpt = typer.Option("text", "--format", help="`text` for people, `json` for editors and tools.")


@app.command()
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
    _run(frontend.check, paths, fmt)


@app.command("test")
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
    _run(frontend.test, paths, match, verbose)


@app.command()
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
    _run(frontend.ir, paths, spans, schema)


@app.command()
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
    _run(frontend.run, target, args, inputs)


@app.command()
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
    _run(generation.generate, paths, targets, output, check, watch)


@app.command()
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
    _run(generation.verify, paths, targets)


@app.command()
def init(
    folder: str = typer.Argument(".", help="Project folder (created if missing)."),
    module: str = typer.Option("app.rules", "--module", "-m", help="Name of the starter module."),
) -> None:
    """Create domaingen.toml and a starter module that passes check and test.

    Example: domaingen init my-service --module shop.pricing

    Never overwrites: if either file exists, nothing is written and the exit
    code is 1.
    """
    _run(project.init, folder, module)


@app.command("fmt")
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
    _run(project.fmt, paths, check, stdin)


@app.command("lsp")
def lsp_cmd() -> None:
    """Run the language server on stdin/stdout (for editors).

    Example: domaingen lsp

    Editors start it themselves; see docs/workflows.md for VS Code, Neovim
    and Helix settings. Diagnostics as you type, hover, go to definition,
    completion, document symbols and formatting.
    """
    _run(project.lsp)


@app.command()
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
    _run(generation.build, paths, targets, output)
