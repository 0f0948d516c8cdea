"""The vector replay driver (docs/vectors.md), shared by every generated package.

Consumes: vector files (`{"version": 1, "module": …, "vectors": [...]}`) and
the package's call table (`<pkg>._calls.call`).
Produces: one line per vector, `<module>.<function>#<index> <outcome>`, with
the outcome `ok <canonical JSON>`, `err DomainError <message as JSON>` or
`err <Kind>`, then `N passed, M failed`; exit status 1 when any failed.
"""

from __future__ import annotations

import json
import sys
from typing import Callable, Sequence

from .core import DomainError
from .jsontext import json_string

Call = Callable[[str, Sequence[str]], str]


def outcome(call: Call, name: str, args: Sequence[str]) -> str:
    """The outcome text of one call, in the vector `expect` form."""
    try:
        return "ok " + call(name, args)
    except DomainError as err:
        if err.kind == "DomainError":
            return "err DomainError " + json_string(err.message)
        return "err " + err.kind
    except Exception as err:  # a bug in generated code: never equal to an expectation
        return f"crash {type(err).__name__}: {err}"


def _write_utf8(line: str) -> None:
    """One output line as UTF-8 ending in `\\n`, whatever the console encoding (outcomes hold raw U+2028)."""
    sys.stdout.buffer.write(line.encode("utf-8") + b"\n")


def replay(
    call: Call, paths: Sequence[str], write: Callable[[str], object] = _write_utf8
) -> tuple[int, int]:
    passed = failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        module = data["module"]
        for i, vector in enumerate(data["vectors"]):
            name = f"{module}.{vector['function']}"
            got = outcome(call, name, list(vector["args"]))
            write(f"{name}#{i} {got}")
            if got == vector["expect"]:
                passed += 1
            else:
                failed += 1
    write(f"{passed} passed, {failed} failed")
    return passed, failed


def main(call: Call, argv: Sequence[str] | None = None) -> int:
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        print("usage: python -m <package>._replay VECTORS.json...", file=sys.stderr)
        return 2
    _, failed = replay(call, paths)
    sys.stdout.flush()
    return 1 if failed else 0
