"""Differential property test of the Python backend's range analysis (`backends/python/ranges.py`).

Consumes: the seeded random DSL functions of `python_rangegen`, the
hand-written `snip.tricky` module of `python_snippets`, the front end, the
Python backend and the reference interpreter.
Produces: assertions that every generated function returns the same value,
or fails with the same error kind and message, in the generated Python
package as in the interpreter, for boundary and random arguments. The
programs are shaped to stress what `ranges` reasons about: guards comparing
locals with literals and with each other, early `return`s, `require`,
`and`/`or`/`if … then … else`, `var`s reassigned in branches and in
(nested) `while`/`for` loops, `break`/`continue`, sibling blocks reusing a
name, Int `+ - * / %` and unary minus near ±(2^53-1), Float arithmetic near
1e308 and division by values that may be ±0.0, `pow abs min max clamp len`,
the Int/Float conversions, and `??`/`match` on an optional whose binding
is guarded ("edge" statements put a guarded operation exactly at the
overflow boundary, ±1). Every function returns the final values of
all its numeric locals (`Out { ints, floats }`), so a wrong plain operator
shows even where its result is otherwise unused. Values are compared
exactly: Floats bit for bit (-0.0 is not 0.0).

Every loop carries a counter that breaks it after a few rounds, so each call
terminates quickly whatever the arguments. The seed and the number of
programs are fixed (`SEEDS`, `FUNCTIONS`); DG_RANGES_SEEDS=<n> runs more
seeds for a longer local search. The package is generated without black
(`_Unformatted`): formatting never changes meaning and is the slow part.
`test_tricky_snippets_*` run the hand-written traps of `snip.tricky`
(python_snippets.py) the same way and pin which checks they keep.
"""

from __future__ import annotations

import importlib
import os
import random
import struct
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from domaingen.backends.base import TargetOptions
from domaingen.backends.python.backend import PythonBackend
from domaingen.frontend import load_texts
from domaingen.interp.errors import DgError
from domaingen.interp.evaluator import Interpreter
from domaingen.interp.values import RecordVal
from domaingen.ir import nodes as ir

sys.path.insert(0, str(Path(__file__).resolve().parent))
from python_rangegen import LIST_ARGS, MAX, random_args, random_module  # noqa: E402
from python_snippets import SNIPPETS  # noqa: E402

FUNCTIONS = 150  # programs per seed
CALLS = 24  # argument tuples per program
SEEDS = list(range(int(os.environ.get("DG_RANGES_SEEDS", "3"))))


# --- running both sides ----------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A comparable form of a result: Floats as their bits, Out as its two lists."""
    if isinstance(value, bool):
        return ("Bool", value)
    if isinstance(value, float):
        return ("Float", struct.pack("<d", value).hex())
    if isinstance(value, int):
        return ("Int", value)
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, RecordVal):
        return (_plain(value.get("ints")), _plain(value.get("floats")))
    return (_plain(value.ints), _plain(value.floats))


def _interp_outcome(interp: Interpreter, name: str, args: tuple[Any, ...], module: str = "rq.gen") -> tuple[Any, ...]:
    try:
        return ("ok", _plain(interp.call(module, name, list(args))))
    except DgError as err:
        return ("err", err.kind, err.message)


def _python_outcome(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    try:
        return ("ok", _plain(fn(*args)))
    except Exception as err:  # noqa: BLE001 - a crash is a mismatch to report, not a test error
        return ("err", getattr(err, "kind", type(err).__name__), getattr(err, "message", str(err)))


class _Unformatted(PythonBackend):
    """The Python backend without black: formatting never changes meaning, and black takes
    tens of seconds on a module of a few hundred random functions (its cache is cold in CI)."""

    def format(self, files: dict[str, str]) -> dict[str, str]:
        return files


def generate_package(program: ir.Program, out: Path, package: str) -> None:
    generation = _Unformatted().generate(program, TargetOptions(package=package, sources={}))
    assert not [d for d in generation.diagnostics if d.severity == "error"]
    for rel, content in generation.files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="")


@pytest.fixture
def import_from(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Generate a program's package under tmp_path and import one of its modules."""
    packages: list[str] = []

    def load(text: str, package: str, module: str = "rq.gen") -> Any:
        front = load_texts({module.replace(".", "/") + ".dg": text})
        assert front.program is not None, [d.message for d in front.errors][:5]
        generate_package(front.program, tmp_path, package)
        packages.append(package)
        return front.program, importlib.import_module(f"{package}.{module}")

    sys.path.insert(0, str(tmp_path))
    try:
        yield load
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.split(".")[0] in packages]:
            del sys.modules[name]


def mismatches(program: ir.Program, module: Any, names: list[str], rng: random.Random) -> list[str]:
    interp = Interpreter(program)
    found: list[str] = []
    for name in names:
        for args in [(MAX, -MAX, -0.0, 1e308, (), True, MAX), (-MAX, MAX, 1e308, -0.0, (MAX,), False, None)] + [
            random_args(rng) for _ in range(CALLS)
        ]:
            want = _interp_outcome(interp, name, args)
            got = _python_outcome(getattr(module, name), args)
            if got != want:
                found.append(f"{name}{args!r}: interpreter {want}, python {got}")
    return found


@pytest.mark.parametrize("seed", SEEDS)
def test_random_programs_agree(seed: int, import_from: Callable[..., Any]) -> None:
    text = random_module(seed, FUNCTIONS)
    program, module = import_from(text, f"dg_ranges_{seed}")
    source = Path(module.__file__).read_text(encoding="utf-8")
    # the programs must exercise the optimisation: many operations written plain, many kept checked
    assert source.count(" // ") + source.count(" % ") > 10, "too few plain Int / and %"
    assert source.count("_rt.add(") + source.count("_rt.fmul(") > 50
    found = mismatches(program, module, [f"f{i}" for i in range(FUNCTIONS)], random.Random(seed))
    assert not found, "\n".join(found[:10])


# --- hand-written traps (tests/targets/python_snippets.py, `snip.tricky`) -------------------------

TRICKY_ARGS: dict[str, list[Any]] = {
    "Int": [0, 1, -1, 2, -3, 5, 9, 10, 99, 100, MAX, -MAX, MAX - 1, -(MAX - 1), 2**52 - 1, 2**52],
    "Float": [0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 5e-324, 1e-300, 1e300, -1e300, 1e308, sys.float_info.max],
    "Bool": [True, False],
    "List<Int>": LIST_ARGS + [(-3, 5), (1000, 5), (-1,), (1001,)],
    "Int?": [None, 0, 5, -5, MAX, -MAX],
}


def _type_text(t: ir.Type) -> str:
    if isinstance(t, ir.ListType):
        return f"List<{_type_text(t.elem)}>"
    if isinstance(t, ir.OptionalType):
        return f"{_type_text(t.inner)}?"
    return {ir.IntType: "Int", ir.FloatType: "Float", ir.BoolType: "Bool"}.get(type(t), "?")


def test_tricky_snippets_agree(import_from: Callable[..., Any]) -> None:
    """Every `snip.tricky` function of Int/Float/Bool/list/optional parameters, on a grid of edge values."""
    text = SNIPPETS["snip_tricky.dg"]
    program, module = import_from(text, "dg_ranges_tricky", "snip.tricky")
    interp = Interpreter(program)
    rng = random.Random(7)
    (mod,) = [m for m in program.modules if m.name == "snip.tricky"]
    found: list[str] = []
    calls = 0
    for fn in [d for d in mod.decls if isinstance(d, ir.Function)]:
        pools = [TRICKY_ARGS.get(_type_text(p.type)) for p in fn.params]
        if any(pool is None for pool in pools):
            continue  # enum parameters: the module's own `test` covers them
        for _ in range(150):
            args = tuple(rng.choice(pool) for pool in pools if pool is not None)
            want = _interp_outcome(interp, fn.name, args, "snip.tricky")
            got = _python_outcome(getattr(module, fn.name), args)
            calls += 1
            if got != want:
                found.append(f"{fn.name}{args!r}: interpreter {want}, python {got}")
    assert calls > 1500
    assert not found, "\n".join(found[:10])


def test_tricky_snippets_keep_checks(import_from: Callable[..., Any]) -> None:
    """Where a fact dies (loop, merge, reassignment, sibling block), the check stays; where it holds, it goes."""
    _, module = import_from(SNIPPETS["snip_tricky.dg"], "dg_ranges_shapes", "snip.tricky")
    source = Path(module.__file__).read_text(encoding="utf-8")
    for kept in [
        "_rt.add(y, 9007199254740982)",  # `y < 10` died in the loop
        "_rt.add(y, TOP)",  # `y <= 0` died in the `for`
        "_rt.div(r - 1, 2)",  # a negative dividend truncates
        "_rt.add(t, 1)",  # the sibling block's `t = 3` does not hold here
        "_rt.mul(t, 2)",
        "return _rt.add(r, 1)",  # the `match` reassigned `r`
        "_rt.sub(v, HALF)",  # the loop's `v > 0` does not hold after it
        "_rt.add(x, HALF)",  # the inner loop reassigns `x`
        "_rt.div(v, 2)",  # the branch that does not `continue` proves nothing
        "_rt.div(-x, y)",
        "_rt.fdiv(1.0, y)",  # y may be -0.0
        "_rt.fdiv(x, y)",  # `y > 0.0` allows a subnormal divisor
    ]:
        assert kept in source, kept
    for plain in ["r - 1, ", "t + 1", "v = v - HALF", "v // 2 + v % 2", "(x + 5) // y", "x / y + x * 1", "s = i + 1"]:
        assert plain in source, plain
