"""Timing harness for bench/generated_speed.py (Python side).

Usage: PYTHONPATH=<generated python folder> python bench/speed/python_harness.py
Prints one JSON object per line: {"fn", "impl", "ns"} — median ns per call
over 9 samples of process CPU time (`time.process_time_ns`), each sample
calibrated to ~20 ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import handwritten as hand  # noqa: E402
from game_rules.game import progression as gen  # noqa: E402

try:
    import json_logic  # json-logic-qubit, pinned (with hashes) in bench/requirements-bench.txt
except ImportError:  # pragma: no cover - reported as missing in the table
    json_logic = None

RULE = {"if": [{"<=": [{"var": "level"}, 1]}, 0, {"floor": [{"*": [100.0, {"pow": [{"-": [{"var": "level"}, 1]}, 1.5]}]}]}]}


def _memo_clearer() -> Callable[[], None] | None:
    """`clear_memos` of the generated runtime: empties every float-function memo, the
    generic `pow` one and each `_rt.pow_to` memo of a constant exponent."""
    from game_rules._runtime import core

    return getattr(core, "clear_memos", None)


def measure(fn: str, impl: str, body: Callable[[], object], inner: int) -> None:
    for _ in range(50):
        body()
    loops = 10
    while True:
        start = time.perf_counter_ns()
        for _ in range(loops):
            body()
        if time.perf_counter_ns() - start > 20_000_000:
            break
        loops *= 2
    samples = []
    for _ in range(9):
        start = time.process_time_ns()
        for _ in range(loops):
            body()
        samples.append((time.process_time_ns() - start) / (loops * inner))
    print(json.dumps({"fn": fn, "impl": impl, "ns": statistics.median(samples)}), flush=True)


def main() -> None:
    levels = list(range(1, 51))
    if json_logic is not None:
        import math

        json_logic.add_operation("pow", math.pow)
        json_logic.add_operation("floor", math.floor)
    for level in levels:
        expected = hand.required_exp(level)
        assert gen.required_exp(level) == expected, level
        if json_logic is not None:
            assert json_logic.jsonLogic(RULE, {"level": level}) == expected, level
    measure("required_exp", "generated", lambda: [gen.required_exp(x) for x in levels], len(levels))
    measure("required_exp", "hand-written", lambda: [hand.required_exp(x) for x in levels], len(levels))
    # The generated runtime memoizes `pow` (its fdlibm port is pure Python);
    # the row above mostly hits that memo. This one clears every memo before each call.
    clear = _memo_clearer()
    if clear is not None:

        def fresh() -> None:
            for x in levels:
                clear()
                gen.required_exp(x)

        measure("required_exp (pow memo cleared)", "generated", fresh, len(levels))
    if json_logic is not None:
        measure("required_exp", "JSON Logic", lambda: [json_logic.jsonLogic(RULE, {"level": x}) for x in levels], len(levels))

    totals = [0, 99, 100, 5000, 40000, 400000]
    assert [gen.level_for_exp(t) for t in totals] == [hand.level_for_exp(t) for t in totals]
    measure("level_for_exp", "generated", lambda: [gen.level_for_exp(t) for t in totals], len(totals))
    measure("level_for_exp", "hand-written", lambda: [hand.level_for_exp(t) for t in totals], len(totals))

    gen_profile = gen.new_profile("p1", "Ada")
    hand_profile = hand.Profile("p1", "Ada", 1, 0, (), {}, None)
    assert gen.add_exp(gen_profile, 5000).new_levels == hand.add_exp(hand_profile, 5000).new_levels
    measure("add_exp", "generated", lambda: gen.add_exp(gen_profile, 5000), 1)
    measure("add_exp", "hand-written", lambda: hand.add_exp(hand_profile, 5000), 1)

    tags = ["  PvP ", "Founder", "\tELITE-Raider\n", "x"]
    assert [gen.normalize_tag(t) for t in tags] == [hand.normalize_tag(t) for t in tags]
    measure("normalize_tag", "generated", lambda: [gen.normalize_tag(t) for t in tags], len(tags))
    measure("normalize_tag", "hand-written", lambda: [hand.normalize_tag(t) for t in tags], len(tags))


if __name__ == "__main__":
    main()
