"""Random DSL functions for the differential test of the Python range analysis (test_python_ranges.py).

Consumes: a seed.
Produces: `random_module(seed, count)` — the text of module `rq.gen` with
`count` functions `f0…`, each over `PARAMS` and returning `Out { ints,
floats }` (the final values of every numeric local in scope) — and
`random_args(rng)`, one argument tuple drawn mostly from boundary values.
The statements are shaped to stress what `ranges` reasons about: guards,
early exits, `require`, loops that reassign, sibling blocks reusing a name,
"edge" operations whose guarded bound is exactly the Int limit or one past
it. Every loop breaks after a few rounds, so each call ends quickly.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from typing import Any

MAX = 2**53 - 1
PARAMS = "a: Int, b: Int, f: Float, g: Float, xs: List<Int>, flag: Bool, o: Int?"

INT_LITS = ["0", "1", "2", "3", "7", "10", "100", "-1", "-5", "4503599627370496", "9007199254740990"]
INT_LITS += ["9007199254740991", "-9007199254740991", "TOP", "-TOP", "HALF"]
FLOAT_LITS = ["0.0", "-0.0", "1.0", "-1.0", "0.5", "2.0", "1e308", "-1e308", "1.7976931348623157e308"]
FLOAT_LITS += ["5e-324", "1e-300", "1e154", "BIG", "-BIG"]
SMALL_INTS = ["1", "1", "2", "7", "-1", "-3", "0", "TOP", "HALF", "67108864"]
SMALL_FLOATS = ["1.0", "2.0", "0.5", "-1.0", "0.0", "-0.0", "1e154", "1e308", "1e-300", "3.0"]
# guard bounds: the edges where an operation starts or stops being provably safe
GUARDS = {
    "Int": ["0", "1", "-1", "2", "10", "TOP", "-TOP", "(TOP - 1)", "9007199254740990", "-9007199254740990"]
    + ["HALF", "-HALF", "4503599627370496", "67108864", "-67108864", "94906265", "94906266", "(-TOP + 1)"],
    "Float": ["0.0", "-0.0", "1.0", "-1.0", "1e154", "-1e154", "1.3407807929942596e154", "1e308", "-1e308"]
    + ["8.98846567431158e307", "1e-300", "5e-324", "BIG", "9007199254740991.0"],
}
NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}
EDGE_INTS = [0, 1, -1, 2, 10, 100, -100, 2**26, 94906265, 2**52, MAX // 2, MAX - 1, -(MAX - 1), MAX]
EDGE_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1e154, 1.3407807929942596e154, 1e308, -1e308, 5e-324]
INT_ARGS = [0, 1, -1, 2, -2, 3, 7, -7, 10, 100, MAX, -MAX, MAX - 1, -(MAX - 1), MAX - 2, -(MAX - 2), 2**52, -(2**52)]
INT_ARGS += [
    9,
    11,
    99,
    101,
    -99,
    -101,
    MAX // 2 + 1,
    2**26 - 1,
    2**52 - 1,
    2**52 + 1,
    -(2**52) - 1,
    2**26,
    -(2**26),
    2**26 + 1,
    94906265,
    94906266,
    -94906266,
]
FLOAT_ARGS = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e308, -1e308, sys.float_info.max, -sys.float_info.max]
FLOAT_ARGS += [5e-324, -5e-324, 1e-300, 1e154, -1e154, 3.0, 9007199254740991.0, 0.1, 1.3407807929942596e154]
FLOAT_ARGS += [1.3407807929942597e154, -1.3407807929942597e154, 8.98846567431158e307, 8.988465674311579e307]
LIST_ARGS: list[tuple[int, ...]] = [(), (1,), (0, -1, 2), (MAX, -MAX, MAX), (7, 3, 0, 5, 2)]

HEADER = """\
module rq.gen

const TOP: Int = 9_007_199_254_740_991
const HALF: Int = 4_503_599_627_370_495
const BIG: Float = 1e308

record Out {
  ints: List<Int>
  floats: List<Float>
}
"""


# --- the generator -------------------------------------------------------------------------


@dataclass
class Var:
    name: str
    type: str  # "Int" | "Float" | "Bool"
    mutable: bool
    assignable: bool = True  # loop counters are read, never assigned by the generator


@dataclass
class _Gen:
    rng: random.Random
    scopes: list[dict[str, Var]] = field(default_factory=list)
    retired: list[tuple[str, str]] = field(default_factory=list)  # (name, type) out of scope: reusable
    counter: int = 0
    loops: int = 0  # enclosing loops

    # --- scope ---------------------------------------------------------------------------

    def visible(self, t: str | None = None) -> list[Var]:
        out = [v for s in self.scopes for v in s.values()]
        return [v for v in out if t is None or v.type == t]

    def fresh(self, t: str) -> str:
        """A new name, or one a finished sibling block used (same or other type)."""
        taken = {v.name for v in self.visible()}
        reusable = [n for n, _ in self.retired if n not in taken]
        if reusable and self.rng.random() < 0.5:
            return self.rng.choice(reusable)
        self.counter += 1
        return f"{t[0].lower()}{self.counter}"

    def declare(self, name: str, t: str, mutable: bool, assignable: bool = True) -> None:
        self.scopes[-1][name] = Var(name, t, mutable, assignable)

    def push(self) -> None:
        self.scopes.append({})

    def pop(self) -> None:
        self.retired += [(v.name, v.type) for v in self.scopes.pop().values()]

    # --- expressions -------------------------------------------------------------------

    def int_(self, d: int) -> str:
        r = self.rng
        names = [v.name for v in self.visible("Int")]
        if d <= 0 or r.random() < 0.3:
            return r.choice(names) if names and r.random() < 0.7 else r.choice(INT_LITS)
        n = d - 1
        form = r.randrange(18)
        if form >= 16:  # an optional: `??`, or `match` whose binding the arm may guard
            if form == 16:
                return f"(o ?? {self.int_(n)})"
            self.counter += 1
            binding = f"v{self.counter}"
            self.push()
            self.declare(binding, "Int", False)
            some = self.int_(n)
            if r.random() < 0.5:  # guard the binding, then compute with it
                test = f"{binding} {r.choice(['<', '<=', '>', '>='])} {r.choice(GUARDS['Int'])}"
                some = f"(if {test} then {binding} {r.choice('+-*/%')} {r.choice(SMALL_INTS)} else {some})"
            self.pop()
            return f"(match o {{ some({binding}) => {some} none => {self.int_(n)} }})"
        if form < 4:
            return f"({self.int_(n)} {r.choice('+-*/%')} {self.int_(n)})"
        if form < 6 or form == 14:  # a local and a small operand: what a guard makes provable
            local = r.choice(names) if names else self.int_(n)
            small = r.choice(SMALL_INTS + names) if r.random() < 0.8 else self.int_(n)
            left, right = (local, small) if r.random() < 0.8 else (small, local)
            return f"({left} {r.choice('+-*/%')} {right})"
        if form == 6:
            return f"-{self.int_(n)}"
        if form == 7:
            return f"(if {self.bool_(n)} then {self.int_(n)} else {self.int_(n)})"
        if form == 8:
            return f"abs({self.int_(n)})"
        if form == 9:
            return f"{r.choice(['min', 'max'])}({self.int_(n)}, {self.int_(n)})"
        if form == 10:
            return f"clamp({self.int_(n)}, {self.int_(n)}, {self.int_(n)})"
        if form == 11:
            return f"{r.choice(['floor', 'ceil', 'round', 'trunc', 'int'])}({self.float_(n)})"
        if form == 12:
            return f"pow({self.int_(n)}, {r.choice(['0', '1', '2', '3', '53'])})"
        return r.choice(["len(xs)", "len(xs)", "sum(xs)", "max_of(xs)"])

    def float_(self, d: int) -> str:
        r = self.rng
        names = [v.name for v in self.visible("Float")]
        if d <= 0 or r.random() < 0.3:
            return r.choice(names) if names and r.random() < 0.7 else r.choice(FLOAT_LITS)
        n = d - 1
        form = r.randrange(13)
        if form < 3:
            return f"({self.float_(n)} {r.choice('+-*/')} {self.float_(n)})"
        if form < 5 or form > 10:
            local = r.choice(names) if names else self.float_(n)
            other = r.choice(SMALL_FLOATS + names) if r.random() < 0.8 else self.float_(n)
            left, right = (local, other) if r.random() < 0.8 else (other, local)
            return f"({left} {r.choice('+-*/')} {right})"
        if form == 5:
            return f"-{self.float_(n)}"
        if form == 6:
            return f"(if {self.bool_(n)} then {self.float_(n)} else {self.float_(n)})"
        if form == 7:
            return f"{r.choice(['abs', 'sqrt'])}({self.float_(n)})"
        if form == 8:
            return f"{r.choice(['min', 'max'])}({self.float_(n)}, {self.float_(n)})"
        if form == 9:
            exponent = r.choice(["2.0", "0.5", "3.0", "1.5", "-1.0", "BIG", self.float_(n)])
            return f"pow({self.float_(n)}, {exponent})"
        return f"float({self.int_(n)})"

    def compare(self, d: int) -> str:
        """Mostly `local OP literal` and `local OP local`: the shapes `ranges` narrows."""
        r = self.rng
        t = r.choice(["Int", "Int", "Float"])
        names = [v.name for v in self.visible(t)]
        gen = self.int_ if t == "Int" else self.float_
        op = r.choice(["<", "<=", ">", ">=", "==", "!="])
        left = r.choice(names) if names and r.random() < 0.8 else gen(d)
        right = r.choice(names) if names and r.random() < 0.3 else r.choice(GUARDS[t])
        if r.random() < 0.3:
            right = gen(d)
        if r.random() < 0.3:
            left, right = right, left
        return f"({left} {op} {right})"

    def bool_(self, d: int) -> str:
        r = self.rng
        if d <= 0 or r.random() < 0.5:
            if r.random() < 0.9:
                return self.compare(d - 1)
            return r.choice(["flag", "not flag"] + [v.name for v in self.visible("Bool")])
        n = d - 1
        form = r.randrange(4)
        if form == 0:
            return f"({self.bool_(n)} and {self.bool_(n)})"
        if form == 1:
            return f"({self.bool_(n)} or {self.bool_(n)})"
        if form == 2:
            return f"(not {self.bool_(n)})"
        return f"(if {self.bool_(n)} then {self.bool_(n)} else {self.bool_(n)})"

    def value(self, t: str) -> str:
        depth = self.rng.choice([1, 2, 2, 3])
        return {"Int": self.int_, "Float": self.float_, "Bool": self.bool_}[t](depth)

    # --- statements ----------------------------------------------------------------------

    def out(self) -> str:
        ints = ", ".join(v.name for v in self.visible("Int"))
        floats = ", ".join(v.name for v in self.visible("Float"))
        return f"Out {{ ints: [{ints}], floats: [{floats}] }}"

    def block(self, lines: list[str], indent: str, size: int, depth: int) -> None:
        self.push()
        for _ in range(size):
            self.stmt(lines, indent, depth)
        self.pop()

    def stmt(self, lines: list[str], ind: str, depth: int) -> None:  # noqa: C901 - one arm per form
        r = self.rng
        nest = 1 if depth > 0 else 0
        kind = r.choices(
            ["decl", "assign", "if", "return", "require", "while", "for", "forlist", "jump", "edge"],
            weights=[5, 6, nest * 4, 1, 1, nest * 2, nest * 2, nest, 2 if self.loops else 0, 3],
        )[0]
        mutable = [v for v in self.visible() if v.mutable and v.assignable and v.type != "Bool"]
        if kind == "assign" and not mutable:
            kind = "decl"
        if kind == "decl":
            t = r.choice(["Int", "Int", "Float", "Bool"] if r.random() < 0.2 else ["Int", "Int", "Float"])
            keyword = r.choice(["var", "var", "let"])
            value = self.value(t)
            name = self.fresh(t)
            lines.append(f"{ind}{keyword} {name} = {value}")
            self.declare(name, t, keyword == "var")
        elif kind == "assign":
            v = r.choice(mutable)
            op = r.choice(["=", "=", "+=", "-=", "*="])
            lines.append(f"{ind}{v.name} {op} {self.value(v.type)}")
        elif kind == "if":
            lines.append(f"{ind}if {self.bool_(2)} {{")
            self.block(lines, ind + "  ", r.randint(1, 3), depth - 1)
            while r.random() < 0.3:
                lines.append(f"{ind}}} else if {self.bool_(2)} {{")
                self.block(lines, ind + "  ", r.randint(1, 3), depth - 1)
            if r.random() < 0.6:
                lines.append(f"{ind}}} else {{")
                self.block(lines, ind + "  ", r.randint(1, 3), depth - 1)
            lines.append(f"{ind}}}")
        elif kind == "return":
            lines.append(f"{ind}if {self.bool_(1)} {{")
            lines.append(f"{ind}  return {self.out()}")
            lines.append(f"{ind}}}")
        elif kind == "require":
            lines.append(f'{ind}require {self.bool_(1)}, "req"')
        elif kind == "edge":
            self.edge(lines, ind) if r.random() < 0.7 else self.guarded_exit(lines, ind)
        elif kind == "jump":
            lines.append(f"{ind}if {self.bool_(1)} {{")
            lines.append(f"{ind}  {r.choice(['break', 'continue'])}")
            lines.append(f"{ind}}}")
        else:
            self.loop(kind, lines, ind, depth)

    def edge(self, lines: list[str], ind: str) -> None:
        """`if x OP K { … x ARITH C … } else { … }` with C putting the guarded result at the overflow edge."""
        r = self.rng
        t = r.choice(["Int", "Int", "Float"])
        x = r.choice([v.name for v in self.visible(t)])
        k = r.choice(EDGE_INTS if t == "Int" else EDGE_FLOATS)
        op = r.choice(["<", "<=", ">", ">=", "==", "!="])
        if t == "Int":
            d = r.choice([-1, 0, 0, 1, 2])
            candidates = [MAX - k + d, MAX + k + d, -MAX - k + d, k + d, abs(k) + d, d + 1]
            candidates += [MAX // k + d if k else d, 2]
            c = r.choice([c for c in candidates if abs(c) <= MAX])
            arith = r.choice("+-*/%")
        else:
            c = r.choice([k, -k, 1e308, 2.0, 0.5] + ([sys.float_info.max / k] if k and abs(k) >= 1 else []))
            arith = r.choice("+-*/")
        left, right = (x, repr(c)) if r.random() < 0.7 else (repr(c), x)
        then = f"{left} {arith} {right}"
        if t == "Int" and op != "!=" and r.random() < 0.6:
            then = self.exact_edge(x, op, k)
        name = self.fresh(t)
        lines.append(f"{ind}var {name} = {'0' if t == 'Int' else '0.0'}")
        lines.append(f"{ind}if {x} {op} {k!r} {{")
        lines.append(f"{ind}  {name} = {then}")
        lines.append(f"{ind}}} else {{")
        lines.append(f"{ind}  {name} = {left} {arith} {right}")
        lines.append(f"{ind}}}")
        self.declare(name, t, True)

    def guarded_exit(self, lines: list[str], ind: str) -> None:
        """`if x OP K { …leaves, or only may leave… }`, then an edge operation that needs `not (x OP K)`."""
        r = self.rng
        x, op, k = r.choice([v.name for v in self.visible("Int")]), r.choice(list(NEGATE)), r.choice(EDGE_INTS)
        leave = r.choice(["break", "continue"] if self.loops and r.random() < 0.5 else [f"return {self.out()}"])
        lines.append(f"{ind}if {x} {op} {k} {{")
        roll = r.random()
        if roll < 0.2:  # `require` may fail, or not: the code after the `if` learns nothing
            lines.append(f'{ind}  require {self.bool_(1)}, "req"')
        elif roll < 0.5:  # leaves only on one path
            lines.append(f"{ind}  if {self.bool_(1)} {{")
            lines.append(f"{ind}    {leave}")
            lines.append(f"{ind}  }}{r.choice(['', ' else { ' + leave + ' }'])}")
        else:
            lines.append(f"{ind}  {leave}")
        lines.append(f"{ind}}}")
        name = self.fresh("Int")
        lines.append(f"{ind}var {name} = {self.exact_edge(x, NEGATE[op], k)}")
        self.declare(name, "Int", True)

    def exact_edge(self, x: str, op: str, k: int) -> str:
        """An Int operation on `x` (or on `x % 7`, `x / 3` when `x >= 0`) whose bound under `x op k`
        is exactly the Int limit (d = 0: provably safe) or one past it (d = 1: must stay checked)."""
        r = self.rng
        d = r.choice([0, 1])
        hi = k - 1 if op == "<" else k if op in ("<=", "==") else MAX
        lo = k + 1 if op == ">" else k if op in (">=", "==") else -MAX
        if r.random() < 0.2:
            return f"abs({x}) + {min(MAX, MAX - max(abs(lo), abs(hi)) + d)}"
        if lo >= 0 and r.random() < 0.5:  # a non-negative dividend: `/` and `%` may be plain
            divisor = r.choice([2, 3, 7, 10])
            part, top = r.choice([(f"{x} % {divisor}", min(hi, divisor - 1)), (f"{x} / {divisor}", hi // divisor)])
            return f"({part}) + {min(MAX, MAX - top + d)}"
        if hi < MAX and abs(MAX - hi + d) <= MAX:
            return f"{x} + {MAX - hi + d}"
        if lo > -MAX and abs(MAX + lo + d) <= MAX:
            return f"{x} - {MAX + lo + d}"
        return f"{x} * {r.choice([2, -1, 1])}"

    def loop(self, kind: str, lines: list[str], ind: str, depth: int) -> None:
        r = self.rng
        self.counter += 1
        guard = f"n{self.counter}"
        lines.append(f"{ind}var {guard} = 0")
        self.declare(guard, "Int", True, assignable=False)
        last = f"e{self.counter}"  # the loop variable plus a constant at the edge of its range
        edge = ""
        after = ""
        if kind == "while":
            cond = self.bool_(2)
            if r.random() < 0.5:  # on exit the comparison is false: an edge operation after the loop
                x, op, k = r.choice([v.name for v in self.visible("Int")]), r.choice(list(NEGATE)), r.choice(EDGE_INTS)
                cond, after = f"{x} {op} {k}", self.exact_edge(x, NEGATE[op], k)
            lines.append(f"{ind}while {cond} {{")
        elif kind == "for":
            low = r.choice(["0", "a", "b", "-3", "9007199254740988", "-9007199254740991", self.int_(1)])
            high = r.choice(["3", "a", "b", "TOP", "len(xs)", self.int_(1)])
            top = {"3": 2, "TOP": MAX - 1}.get(high)
            if top is not None and r.random() < 0.6:
                low = str(top - 1) if r.random() < 0.7 else low
                edge = f"{last} = i{self.counter + 1} + {MAX - top + r.choice([0, 1])}"
                lines.append(f"{ind}var {last} = 0")
                self.declare(last, "Int", True)
            self.counter += 1
            lines.append(f"{ind}for i{self.counter} in {low}..{high} {{")
        else:
            self.counter += 1
            lines.append(f"{ind}for i{self.counter} in {r.choice(['xs', '[a, b]', '[TOP, -TOP, 0]'])} {{")
        self.push()
        if kind != "while":
            self.declare(f"i{self.counter}", "Int", False)
        lines.append(f"{ind}  {guard} += 1")
        lines.append(f"{ind}  if {guard} > {r.choice([2, 3, 4])} {{")
        lines.append(f"{ind}    break")
        lines.append(f"{ind}  }}")
        if edge:
            lines.append(f"{ind}  {edge}")
        self.loops += 1
        for _ in range(r.randint(1, 3)):
            self.stmt(lines, ind + "  ", depth - 1)
        self.loops -= 1
        self.pop()
        lines.append(f"{ind}}}")
        if after:
            lines.append(f"{ind}var {last} = {after}")
            self.declare(last, "Int", True)

    def function(self, name: str) -> str:
        self.scopes = [{}]
        self.retired = []
        self.counter = 0
        for p, t in (("a", "Int"), ("b", "Int"), ("f", "Float"), ("g", "Float")):
            self.declare(p, t, False)
        lines = [f"fn {name}({PARAMS}) -> Out {{"]
        for _ in range(self.rng.randint(3, 8)):
            self.stmt(lines, "  ", 3)
        lines.append(f"  return {self.out()}")
        lines.append("}")
        return "\n".join(lines)


def random_module(seed: int, count: int) -> str:
    gen = _Gen(random.Random(seed))
    return HEADER + "\n" + "\n\n".join(gen.function(f"f{i}") for i in range(count)) + "\n"


def random_args(rng: random.Random) -> tuple[Any, ...]:
    def int_() -> int:
        roll = rng.random()
        if roll < 0.3:  # at a guard's bound or next to it
            return max(-MAX, min(MAX, rng.choice(EDGE_INTS) + rng.choice([-1, 0, 1])))
        return rng.choice(INT_ARGS) if roll < 0.85 else rng.randint(-MAX, MAX) >> rng.randrange(54)

    def float_() -> float:
        return rng.choice(FLOAT_ARGS) if rng.random() < 0.8 else rng.uniform(-1e3, 1e3) * 10.0 ** rng.randint(-5, 305)

    optional = rng.choice([None, None, 0, 1, -1, MAX, -MAX, int_()])
    return (int_(), int_(), float_(), float_(), rng.choice(LIST_ARGS), rng.random() < 0.5, optional)
