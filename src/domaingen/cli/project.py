"""The project commands: `init`, `fmt` and `lsp`.

Consumes: a folder and module name (`init`), `.dg` paths or stdin (`fmt`),
an editor on stdin/stdout (`lsp`).
Produces: the starter project, formatted files or diffs, a language server;
`common.Exit` for a non-zero exit code. Their help texts live in `cli/commands.py`.
"""

from __future__ import annotations

import os
import sys
from typing import List, Optional

from .common import EXIT_USAGE, EXIT_USER, Exit, guarded, inputs, use_color

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


@guarded
def init(folder: str, module: str) -> None:
    import re
    from pathlib import Path

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*", module):
        sys.stderr.write(f"domaingen: `{module}` is not a module name (expected dotted identifiers, like shop.pricing)\n")
        raise Exit(EXIT_USAGE)
    root = Path(folder)
    config_path = root / "domaingen.toml"
    module_path = root / "dsl" / Path(*module.split(".")).with_suffix(".dg")
    existing = [str(p) for p in (config_path, module_path) if p.exists()]
    if existing:
        sys.stderr.write(f"domaingen: not overwriting {', '.join(existing)}\n")
        raise Exit(EXIT_USER)
    package = re.sub(r"[^a-z0-9_]", "_", (root.resolve().name or "domain").lower()).strip("_") or "domain"
    module_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(CONFIG.format(python=package, npm=package.replace("_", "-")), encoding="utf-8")
    module_path.write_text(STARTER.format(title=module.split(".")[-1].title(), module=module), encoding="utf-8")
    sys.stderr.write(f"created {config_path} and {module_path}\nnext: cd {folder} && domaingen check && domaingen test\n")


@guarded
def fmt(paths: Optional[List[str]], check: bool, stdin: bool) -> None:
    import difflib
    import tempfile

    from .. import diagnostics as dg
    from ..fmt import format_source
    from ..frontend import discover
    from ..source import SourceFile, read_source

    if stdin:
        if paths or check:
            sys.stderr.write("domaingen: --stdin takes no paths and no --check\n")
            raise Exit(EXIT_USAGE)
        piped = SourceFile("<stdin>", sys.stdin.read())
        text, found = format_source(piped)
        sys.stdout.write(text)
        errors = [d for d in found if d.severity == "error"]
        if errors:
            sys.stderr.write(dg.render_text(dg.sort_and_cap(errors), {piped.path: piped}, use_color(sys.stderr)))
            raise Exit(EXIT_USER)
        return
    files, problems = discover(inputs(paths))
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
        sys.stderr.write(dg.render_text(shown, sources, use_color(sys.stderr), total=len(problems)))
    verb = "would be reformatted" if check else "reformatted"
    sys.stderr.write(f"{len(changed)} file(s) {verb}, {len(sources) - len(changed) - failed} left unchanged\n")
    if problems or (check and changed):
        raise Exit(EXIT_USER)


@guarded
def lsp() -> None:
    from ..lsp.server import serve

    serve()
