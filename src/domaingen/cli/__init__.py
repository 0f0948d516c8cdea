"""The `domaingen` command line: the last stage, wiring the others together.

Consumes: command-line arguments and `[tool.domaingen]` configuration.
Produces: results on stdout, diagnostics on stderr, and exit codes:
0 ok, 1 user errors (bad programs, failing tests, stale output),
2 usage errors, 3 internal errors (a bug: we ask for a report), 141 when
the reader of stdout went away (`domaingen ir | head`), as after SIGPIPE.

The package: `commands.py` is the typer application (options and help of
every command); the commands themselves live in `frontend.py` (check, test,
ir, run), `generate.py` (generate, verify, build) and `project.py` (init,
fmt, lsp); `common.py` holds what they share.

Start-up stays lean (`domaingen check` must answer in well under half a
second): heavier stages are imported inside each command, and `main` runs
the front-end commands and `generate` directly when their arguments are
plain (known options, no `--help`), without importing typer and click at
all (a no-op `generate` is the pre-commit hook's common case). Anything
else goes through typer, which also reports every usage error.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

from .common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, EXIT_USER, Exit, set_options

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "EXIT_USER", "app", "console", "main"]

# Per fast-path command: positional parameters (the last one takes the rest
# when it is a list) and options (name -> (parameter, "value" | "flag" | "list")).
_Spec = tuple[tuple[str, ...], dict[str, tuple[str, str]], dict[str, Any]]
_FAST: dict[str, _Spec] = {
    "check": (("*paths",), {"--format": ("fmt", "value")}, {"fmt": "text"}),
    "test": (
        ("*paths",),
        {"--match": ("match", "value"), "-k": ("match", "value"), "--verbose": ("verbose", "flag"), "-v": ("verbose", "flag")},
        {"match": "", "verbose": False},
    ),
    "ir": (("*paths",), {"--spans": ("spans", "flag"), "--schema": ("schema", "flag")}, {"spans": False, "schema": False}),
    "run": (("target", "*args"), {"--input": ("inputs", "list"), "-i": ("inputs", "list")}, {"inputs": None}),
    "generate": (
        ("*paths",),
        {
            "--target": ("targets", "list"),
            "-t": ("targets", "list"),
            "--output": ("output", "value"),
            "-o": ("output", "value"),
            "--check": ("check", "flag"),
            "--watch": ("watch", "flag"),
            "-w": ("watch", "flag"),
        },
        {"targets": None, "output": None, "check": False, "watch": False},
    ),
}
_MODULE = {"check": "frontend", "test": "frontend", "ir": "frontend", "run": "frontend", "generate": "generate"}
_GLOBAL = {"--quiet": "quiet", "-q": "quiet", "--verbose": "verbose"}


def _plain_call(argv: list[str]) -> tuple[Callable[..., None], dict[str, Any], bool, bool] | None:
    """(command, keyword arguments, quiet, verbose) when `argv` is plain, else None.

    Plain: global flags, then a fast-path command with only its own options
    (spelled out, `--name=value` allowed), positional arguments not starting
    with `-` (anything after `--` is positional), and every required value
    present. This is exactly how click reads such a line; for anything else
    (help, typos, missing values, shell completion) typer decides.
    """
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    flags = {"quiet": False, "verbose": False}
    i = 0
    while i < len(argv) and argv[i] in _GLOBAL:
        flags[_GLOBAL[argv[i]]] = True
        i += 1
    if i >= len(argv) or argv[i] not in _FAST:
        return None
    name = argv[i]
    positional_names, options, defaults = _FAST[name]
    values: dict[str, Any] = dict(defaults)
    positional: list[str] = []
    rest = iter(argv[i + 1 :])
    for arg in rest:
        if arg == "--":
            positional += list(rest)
            break
        if not arg.startswith("-"):
            positional.append(arg)
            continue
        option, has_value, inline = arg.partition("=")
        if option not in options or (has_value and not option.startswith("--")):
            return None
        param, kind = options[option]
        if kind == "flag":
            if has_value:
                return None
            values[param] = True
            continue
        value: str | None = inline if has_value else next(rest, None)
        if value is None or (not has_value and value.startswith("-")):
            return None
        if kind == "list":
            values[param] = (values[param] or []) + [value]
        else:
            values[param] = value
    for param in positional_names:
        if param.startswith("*"):
            values[param[1:]] = positional or None
            positional = []
        elif positional:
            values[param] = positional.pop(0)
        else:
            return None  # a required argument is missing
    import importlib

    module = importlib.import_module(f"{__name__}.{_MODULE[name]}")
    return getattr(module, name), values, flags["quiet"], flags["verbose"]


def main() -> None:
    """Console-script entry point."""
    call = _plain_call(sys.argv[1:])
    if call is None:
        from .commands import app as typer_app

        try:
            typer_app()
        except KeyboardInterrupt:
            sys.stderr.write("interrupted\n")
            sys.exit(130)
        return
    command, kwargs, quiet, verbose = call
    set_options(quiet, verbose)
    global _ran
    _ran = command.__name__
    try:
        command(**kwargs)
    except Exit as exc:
        sys.exit(exc.code)
    except KeyboardInterrupt:
        sys.exit(130)  # as typer does
    sys.exit(EXIT_OK)


_ran: str | None = None  # the command `main` ran on its fast path, if any
# Commands after which nothing is left to do at exit (no worker processes,
# temporary files or threads): see `console`.
_HARD_EXIT = frozenset({"check", "test", "ir", "run"})


def console() -> None:
    """The `domaingen` console script and `python -m domaingen`: `main`, and
    after a front-end command, once its output is flushed, `os._exit`.

    A normal exit frees the syntax trees, IR and modules one object at a
    time: ~35 ms of a ~370 ms `domaingen check dsl/` (mypy ends the same
    way). `main` itself still raises `SystemExit`, for callers in-process.
    """
    try:
        main()
    except SystemExit as exc:
        threading = sys.modules.get("threading")
        if _ran not in _HARD_EXIT or (threading is not None and threading.active_count() > 1):
            raise
        code = exc.code
        if code is None:
            code = EXIT_OK
        elif not isinstance(code, int):
            sys.stderr.write(f"{code}\n")
            code = EXIT_USER
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise exc from None  # Python's own exit reports it (e.g. a closed pipe)
        os._exit(code)


def __getattr__(name: str) -> Any:
    """`app` (the typer application) is imported on first use."""
    if name == "app":
        from .commands import app as typer_app

        return typer_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    main()
