"""Random well-typed DSL expressions, for the Go target's agreement test.

Consumes: a seed.
Produces: `random_module(seed, count)` — the text of a module of `count`
functions, each returning one random expression over the same parameters
(Int, List<Int>, String, Int?, Map<String, Int>, Float), mixing fallible
operations (division, indexing, overflow, unwrap, parse_int, substring,
non-finite floats, float-to-int conversions, FMA-shaped `a * b + c`) with every lazy
form (`and`, `or`, `??`, `if then else`, `match`). Inputs come from
`domaingen.vectors.build`, so many calls fail: the first error, and its kind,
must be the interpreter's in Go too.
"""

from __future__ import annotations

import random

PARAMS = "a: Int, b: Int, xs: List<Int>, s: String, x: Int?, m: Map<String, Int>, f: Float, g: Float"


class _Gen:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.bindings = 0

    def pick(self, depth: int, *options: str) -> str:
        return self.rng.choice(options) if depth <= 0 else self.rng.choice(options + ("deep",) * 3)

    def int_(self, d: int) -> str:
        r = self.rng
        kind = self.pick(d, "lit", "a", "b", "len")
        if kind == "lit":
            return r.choice(["0", "1", "2", "-3", "7", "9007199254740991", "4503599627370496"])
        if kind in ("a", "b"):
            return kind
        if kind == "len":
            return r.choice(["len(xs)", "len(s)", "len(m)"])
        n = d - 1
        form = r.randrange(16)
        if form < 5:
            return f"({self.int_(n)} {r.choice('+-*/%')} {self.int_(n)})"
        if form == 5:
            return f"xs[{self.int_(n)}]"
        if form == 6:
            return f"(if {self.bool_(n)} then {self.int_(n)} else {self.int_(n)})"
        if form == 7:
            return f"(x ?? {self.int_(n)})"
        if form == 8:
            self.bindings += 1
            v = f"v{self.bindings}"
            return f"(match x {{ some({v}) => {v} + {self.int_(n)} none => {self.int_(n)} }})"
        if form == 9:
            return r.choice(["unwrap(x)", 'm["k"]', "sum(xs)", "max_of(xs)", "parse_int(s)"])
        if form == 10:
            return f"pow({self.int_(n)}, {r.choice(['0', '2', '3', '-1', '60'])})"
        if form == 11:
            return f"clamp({self.int_(n)}, {self.int_(n)}, {self.int_(n)})"
        if form == 12:
            return f"index_of({self.str_(n)}, {self.str_(n)})"
        if form == 13:
            return f"len([{self.int_(n)}, {self.int_(n)}])"
        if form == 14:
            return f"(get(m, {self.str_(n)}) ?? {self.int_(n)})"
        if form == 15:
            return f"round(float({self.int_(n)}) / {r.choice(['2.0', '0.0', '-3.5'])})"
        return f"{r.choice(['floor', 'ceil', 'round', 'trunc', 'int'])}({self.float_(n)})"

    def float_(self, d: int) -> str:
        r = self.rng
        n = d - 1
        form = r.randrange(9) if d > 0 else r.randrange(2)
        if form == 0:
            return r.choice(["0.1", "-0.0", "1e300", "2.5", "1e-7", "0.5"])
        if form == 1:
            return r.choice(["f", "g"])
        if form == 2:
            return f"({self.float_(n)} * {self.float_(n)} + {self.float_(n)})"
        if form == 3:
            return f"({self.float_(n)} {r.choice('+-*/')} {self.float_(n)})"
        if form == 4:
            return f"{r.choice(['sqrt', 'exp', 'ln', 'sin', 'cos', 'tan', 'log10'])}({self.float_(n)})"
        if form == 5:
            return f"pow({self.float_(n)}, {self.float_(n)})"
        if form == 6:
            return f"float({self.int_(n)})"
        if form == 7:
            return f"{r.choice(['min', 'max', 'atan2'])}({self.float_(n)}, {self.float_(n)})"
        return f"sum([{self.float_(n)}, {self.float_(n)}, -{self.float_(n)}])"

    def bool_(self, d: int) -> str:
        r = self.rng
        n = d - 1
        form = r.randrange(7) if d > 0 else r.randrange(2)
        if form == 0:
            return f"({self.int_(n)} {r.choice(['<', '<=', '==', '!=', '>'])} {self.int_(n)})"
        if form == 1:
            return r.choice(["is_some(x)", 'has(m, "k")', "contains(xs, a)", 'starts_with(s, "a")'])
        if form == 2:
            return f"({self.bool_(n)} and {self.bool_(n)})"
        if form == 3:
            return f"({self.bool_(n)} or {self.bool_(n)})"
        if form == 4:
            return f"(not {self.bool_(n)})"
        if form == 5:
            return f"({self.str_(n)} == {self.str_(n)})"
        return f"([{self.int_(n)}] == slice(xs, 0, {self.int_(n)}))"

    def str_(self, d: int) -> str:
        r = self.rng
        n = d - 1
        form = r.randrange(6) if d > 0 else r.randrange(2)
        if form == 0:
            return r.choice(['"a"', '"é😀"', '""', '"k"'])
        if form == 1:
            return "s"
        if form == 2:
            return f"to_string({self.int_(n)})" if r.random() < 0.5 else f"to_string({self.float_(n)})"
        if form == 3:
            return f"substring(s, {self.int_(n)}, {self.int_(n)})"
        if form == 4:
            return f"({self.str_(n)} + {self.str_(n)})"
        return f"(if {self.bool_(n)} then {self.str_(n)} else to_upper({self.str_(n)}))"


def random_module(seed: int, count: int) -> str:
    gen = _Gen(random.Random(seed))
    lines = ["/// Random expressions (tests/targets/go_exprgen.py).", "module go.random", ""]
    for i in range(count):
        ret, body = gen.rng.choice(
            [("Int", gen.int_), ("Bool", gen.bool_), ("String", gen.str_), ("Float", gen.float_)]
        )
        lines.append(f"fn f{i}({PARAMS}) -> {ret} {{")
        lines.append(f"  let r = {body(4)}")
        lines.append("  return r")
        lines.append("}")
        lines.append("")
    return "\n".join(lines)
