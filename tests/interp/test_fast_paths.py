"""The interpreter's fast paths change nothing a program or the vector builder can see.

* A list grown by `xs = append(xs, item)` (appended in place, `compile_stmt`)
  is always a tuple when a program reads it, returns it or stores it.
* Every loop kind charges one step per iteration, before its body runs, so
  the vector builder's step limit cuts calls exactly where it did.
"""

from __future__ import annotations

import pytest

from domaingen.frontend import load_texts
from domaingen.interp import Interpreter, RecordVal
from domaingen.interp.host import StepBudget, StepLimit
from domaingen.ir import nodes as ir

SOURCE = """module f
record Box {
  items: List<Int>
  count: Int
}
fn grow(n: Int) -> List<Int> {
  var xs: List<Int> = []
  for i in 0..n {
    xs = append(xs, i)
  }
  return xs
}
fn boxed(n: Int) -> Box {
  var xs: List<Int> = []
  var i = 0
  while i < n {
    xs = append(xs, i * i)
    i += 1
  }
  return Box { items: xs, count: len(xs) }
}
fn nested(n: Int) -> List<List<Int>> {
  var rows: List<List<Int>> = []
  var row: List<Int> = []
  for x in grow(n) {
    row = append(row, x)
    rows = append(rows, row)
  }
  return rows
}
fn while_loop(n: Int) -> Int {
  var i = 0
  while i < n {
    i += 1
  }
  return i
}
fn list_loop(n: Int) -> Int {
  var s = 0
  for x in grow(n) {
    s += x
  }
  return s
}
fn map_loop(n: Int) -> Int {
  var m: Map<Int, Int> = {}
  for i in 0..n {
    m = put(m, i, i)
  }
  var s = 0
  for k, v in m {
    s += v
  }
  return s
}
fn range_loop(n: Int) -> Int {
  var s = 0
  for i in 0..n {
    s += i
  }
  return s
}
"""


@pytest.fixture(scope="module")
def program() -> ir.Program:
    front = load_texts({"f.dg": SOURCE})
    assert front.program is not None, front.errors
    return front.program


def _tuples_only(value: object) -> None:
    assert type(value) is not list, value
    if isinstance(value, tuple):
        for item in value:
            _tuples_only(item)
    if isinstance(value, RecordVal):
        _tuples_only(value.values)


def test_grown_lists_are_tuples_wherever_they_go(program: ir.Program) -> None:
    interp = Interpreter(program)
    assert interp.call("f", "grow", [4]) == (0, 1, 2, 3)
    assert interp.call("f", "nested", [3]) == ((0,), (0, 1), (0, 1, 2))
    box = interp.call("f", "boxed", [3])
    assert box.values == ((0, 1, 4), 3)
    for value in (interp.call("f", "grow", [5]), interp.call("f", "nested", [4]), box):
        _tuples_only(value)


@pytest.mark.parametrize(
    ("function", "steps_for_n"),
    [
        ("while_loop", lambda n: n),
        ("range_loop", lambda n: n),
        ("list_loop", lambda n: 2 * n),  # `grow` loops n times, then the loop over its result
        ("map_loop", lambda n: 2 * n),
    ],
)
def test_every_loop_iteration_costs_one_step(program: ir.Program, function: str, steps_for_n) -> None:  # type: ignore[no-untyped-def]
    for n in (0, 1, 7):
        need = steps_for_n(n)
        budget = StepBudget(need)
        Interpreter(program, budget).call("f", function, [n])
        assert budget.left == 0
        if need:
            short = StepBudget(need - 1)
            with pytest.raises(StepLimit):
                Interpreter(program, short).call("f", function, [n])


def test_without_a_budget_loops_are_not_metered(program: ir.Program) -> None:
    assert Interpreter(program).call("f", "while_loop", [100_000]) == 100_000
