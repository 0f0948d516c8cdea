"""What every command shares: exit codes, global options, the front end run.

Consumes: nothing of typer (the fast path in `cli/__init__.py` runs the
front-end commands without importing it).
Produces: `Exit` (raised by commands, turned into the process exit code by
the fast path or into `typer.Exit` by `cli/commands.py`), output helpers, and
`front`, which loads, parses and checks and prints the diagnostics.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from typing import TYPE_CHECKING, Callable, List, Optional, TypeVar

if TYPE_CHECKING:
    from ..frontend import FrontEnd

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a writer whose reader closed the pipe
ISSUES_URL = "https://github.com/domaingen/domaingen/issues"

F = TypeVar("F", bound=Callable[..., None])


class Exit(Exception):
    """Stop the command with this exit code (what it had to say is printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Settings:
    """Global output options (set by the top-level options)."""

    quiet = False
    verbose = False


def set_options(quiet: bool, verbose: bool) -> None:
    Settings.quiet = quiet
    Settings.verbose = verbose and not quiet


def info(message: str) -> None:
    """Informational output: stderr, suppressed by --quiet."""
    if not Settings.quiet:
        sys.stderr.write(message + "\n")


def use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def internal_error(exc: BaseException) -> None:
    sys.stderr.write(
        "domaingen: internal error — this is a bug in domaingen, not in your program.\n"
        f"Please report it at {ISSUES_URL} with the input that caused it and this trace:\n\n"
    )
    traceback.print_exception(exc, file=sys.stderr)
    raise Exit(EXIT_INTERNAL)


def guarded(func: F) -> F:
    """Turn any unexpected exception into exit code 3 with a plain report."""

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            func(*args, **kwargs)
        except (Exit, KeyboardInterrupt, SystemExit):
            raise
        except BrokenPipeError:
            # The reader went away (`domaingen ir | head`): not a bug; end as a
            # shell does on SIGPIPE, without a trace or a second error at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise Exit(EXIT_PIPE) from None
        except Exception as exc:  # noqa: BLE001 - the one place that catches everything
            internal_error(exc)

    return wrapper  # type: ignore[return-value]


def inputs(paths: Optional[List[str]]) -> list[str]:
    """The paths given, else `inputs` from the configuration (exit 1 on its problems)."""
    if paths:
        return paths
    from ..config import load_config

    config, problems = load_config()
    for problem in problems:
        sys.stderr.write(problem + "\n")
    if problems:
        raise Exit(EXIT_USER)
    return list(config.inputs)


def front(paths: Optional[List[str]], fmt: str) -> "FrontEnd":
    """Load, parse and check; print diagnostics; exit 1 on errors."""
    from .. import diagnostics as dg
    from .. import frontend

    if fmt not in ("text", "json"):
        sys.stderr.write(f"domaingen: --format must be `text` or `json`, not `{fmt}`\n")
        raise Exit(EXIT_USAGE)
    loaded = frontend.load(inputs(paths))  # with the cyclic collector paused (`frontend._run`)
    shown = dg.sort_and_cap(loaded.diagnostics)
    if fmt == "json":
        sys.stdout.write(dg.render_json(shown, total=len(loaded.diagnostics)))
    elif shown:
        sys.stderr.write(dg.render_text(shown, loaded.sources, use_color(sys.stderr), total=len(loaded.diagnostics)))
    if loaded.errors:
        if fmt == "text":
            count = len(loaded.errors)
            sys.stderr.write(f"{count} error{'s' if count != 1 else ''}\n")
        raise Exit(EXIT_USER)
    return loaded
