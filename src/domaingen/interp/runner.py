"""Running a checked program: its tests, and single calls with JSON arguments.

Consumes: an `ir.Program`.
Produces:
* `run_tests(program, recorder=None) -> list[TestResult]`: every `test` of
  every module, in program order. A test stops at its first failing
  `expect`/`expect_error` or uncaught `DgError`. Every `ir.CallFn` evaluated
  directly in a test body (not calls made inside the called functions) is
  reported to `recorder` as a `CallRecord` — the raw material of test
  vectors (LANGUAGE.md section 8).
* `run_call(program, "module.function", [arg_json, …]) -> (ok, output)`:
  decodes each argument strictly with its parameter's type (root = the
  parameter's name), calls, and returns `(True, canonical JSON)` or
  `(False, "error: <Kind>: <message>")` when the call raises a DgError.
  Bad input — an unknown function, the wrong number of arguments, or an
  argument the strict decoder rejects — gives `(False, "invalid input:
  <message>")` without calling anything, e.g. `invalid input:
  order.items[1].price: expected Int, got string`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..ir import nodes as ir
from .compile_stmt import ExpectFailed
from .errors import DgError
from .evaluator import Interpreter
from .jsoncodec import DecodeError, decode, encode
from .values import Value


@dataclass(frozen=True)
class CallRecord:
    """One call made by a test: `result` when it returned, `error` when it failed."""

    module: str
    function: str
    params: tuple[ir.Param, ...]
    ret: ir.Type
    args: tuple[Value, ...]
    result: Value
    error: DgError | None


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest test class

    module: str
    name: str
    passed: bool
    message: str | None = None  # why it failed


def run_tests(
    program: ir.Program,
    recorder: Callable[[CallRecord], None] | None = None,
    interpreter: Interpreter | None = None,
) -> list[TestResult]:
    interp = interpreter or Interpreter(program)
    functions = interp.index.functions

    def record(module: str, function: str, args: list[Value], result: Value, error: DgError | None) -> None:
        if recorder is not None:
            decl = functions[(module, function)]
            recorder(CallRecord(module, function, decl.params, decl.ret, tuple(args), result, error))

    results: list[TestResult] = []
    for module, test in interp.index.tests:
        try:
            interp.compile_test(test)(record)
        except ExpectFailed as failed:
            results.append(TestResult(module, test.name, False, str(failed)))
        except DgError as err:
            results.append(TestResult(module, test.name, False, f"uncaught {err.kind}: {err.message}"))
        else:
            results.append(TestResult(module, test.name, True))
    return results


def run_call(
    program: ir.Program,
    target: str,
    args_json: Sequence[str],
    interpreter: Interpreter | None = None,
) -> tuple[bool, str]:
    interp = interpreter or Interpreter(program)
    module, _, name = target.rpartition(".")
    decl = interp.index.functions.get((module, name))
    if decl is None:
        return False, f"invalid input: no function `{target}`"
    if len(args_json) != len(decl.params):
        return False, f"invalid input: `{target}` takes {len(decl.params)} arguments, got {len(args_json)}"
    args: list[Value] = []
    for param, text in zip(decl.params, args_json):
        try:
            args.append(decode(text, param.type, interp.index, param.name))
        except DecodeError as err:
            return False, f"invalid input: {err}"
    try:
        result = interp.call(module, name, args)
    except DgError as err:
        return False, f"error: {err.kind}: {err.message}"
    return True, encode(result, decl.ret, interp.index)
