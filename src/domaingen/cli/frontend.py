"""The front-end commands: `check`, `test`, `ir` and `run`.

Consumes: `.dg` paths (or the configured inputs) and the command's options,
already parsed (by `cli/commands.py` through typer, or by the fast path in
`cli/__init__.py`).
Produces: results on stdout, diagnostics on stderr; `common.Exit` for a
non-zero exit code. Their help texts live with their options in `cli/commands.py`.
"""

from __future__ import annotations

import sys
from typing import List, Optional

from .common import EXIT_USER, Exit, front, guarded, info, use_color


@guarded
def check(paths: Optional[List[str]], fmt: str) -> None:
    front_end = front(paths, fmt)
    assert front_end.program is not None
    modules = len(front_end.program.modules)
    if fmt == "text":
        info(f"ok: {modules} module{'s' if modules != 1 else ''} checked")


@guarded
def test(paths: Optional[List[str]], match: str, verbose: bool) -> None:
    front_end = front(paths, "text")
    assert front_end.program is not None
    from ..interp.runner import run_tests

    results = [r for r in run_tests(front_end.program) if match in r.name]
    color = use_color(sys.stdout)
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
        raise Exit(EXIT_USER)


@guarded
def ir(paths: Optional[List[str]], spans: bool, schema: bool) -> None:
    from ..ir.export import ir_json, ir_schema_json

    if schema:
        sys.stdout.write(ir_schema_json())
        return
    front_end = front(paths, "text")
    assert front_end.program is not None
    sys.stdout.write(ir_json(front_end.program, spans=spans))


@guarded
def run(target: str, args: Optional[List[str]], inputs: Optional[List[str]]) -> None:
    front_end = front(inputs, "text")
    assert front_end.program is not None
    from ..interp.runner import run_call

    ok, output = run_call(front_end.program, target, list(args or []))
    if ok:
        sys.stdout.write(output + "\n")
    else:
        sys.stderr.write(output + "\n")
        raise Exit(EXIT_USER)
