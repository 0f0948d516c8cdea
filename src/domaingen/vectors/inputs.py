"""Argument generation from parameter types, seeded and reproducible.

Consumes: IR types and the program's declarations.
Produces: JSON-ready Python data (dict/list/str/int/float/bool/None) for a
type: boundary values first — 0, ±1, ±(2^53-1), -0.0, 0.5 ties, 1e21,
1e-7, empty and astral strings, empty lists and maps, every enum member and
union variant — then random values from a `random.Random(seed)`. The caller
decodes them with the strict decoder, so the vector's argument text is
always canonical.

Random values come from closures compiled once per type (`Generators`; the
vector builder shares one between all its `InputGen`s) that draw from the
generator in exactly the order of the plain recursive definition, so the
values for a seed never change.
"""

from __future__ import annotations

import random
from typing import Any, Callable

from ..ir import nodes as ir

INT_MAX = 2**53 - 1
INTS = [0, 1, -1, 2, -2, 10, 100, 1000, INT_MAX, -INT_MAX, INT_MAX - 1, 53, 7, -7, 3, 99]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 1e21, 1e-7, 123456.789, 9007199254740991.0,
          1.7976931348623157e308, 5e-324, 3.141592653589793, 100.0, 0.49999999999999994, 1e300]
STRINGS = ["", "a", "A b", "😀", "ß", "İ", " padded\t", "a,b,,c", "\uff5e", "\U0001f600x", "123", "-45", "1.5e3",
           "ünïcödé", "x" * 40, "\n", "p1", "Common", "elite_1"]
ALPHABET = "abcxyzABZ019 _-,.\t😀ßİ\uff5e"
QUARTERS = (0.0, 0.25, 0.5, 0.75)

Gen = Callable[[random.Random], Any]


class InputGen:
    def __init__(self, program: ir.Program, seed: int, generators: "Generators | None" = None) -> None:
        self.rng = random.Random(seed)
        self.generators = generators or Generators(program)
        self.decls = self.generators.decls

    # --- boundary values ------------------------------------------------
    def boundary(self, t: ir.Type) -> list[Any]:
        match t:
            case ir.IntType():
                return list(INTS)
            case ir.FloatType():
                return list(FLOATS)
            case ir.BoolType():
                return [False, True]
            case ir.StringType():
                return list(STRINGS)
            case ir.ListType():
                return [[], [self.random(t.elem)], [self.random(t.elem) for _ in range(3)]]
            case ir.MapType():
                return [{}, self.random(t)]
            case ir.OptionalType():
                return [None] + self.boundary(t.inner)[:4]
            case ir.NamedType():
                decl = self.decls[(t.module, t.name)]
                if isinstance(decl, ir.Enum):
                    return [m.name for m in decl.members]
                if isinstance(decl, ir.Union_):
                    return [self._variant(decl, v) for v in decl.variants]
                return [self.random(t) for _ in range(3)]
        raise AssertionError(t)

    # --- random values ----------------------------------------------------
    def random(self, t: ir.Type) -> Any:
        return self.generators.of(t)(self.rng)

    def _variant(self, decl: ir.Union_, variant: ir.Variant) -> Any:
        return self.generators.variant(variant)(self.rng)


def _int(rng: random.Random) -> int:
    bucket = rng.random()
    if bucket < 0.6:
        return rng.randint(-20, 120)
    if bucket < 0.9:
        return rng.randint(-(10**6), 10**6)
    return rng.randint(-INT_MAX, INT_MAX)


def _float(rng: random.Random) -> float:
    if rng.random() < 0.3:
        return float(rng.randint(-100, 100)) + rng.choice(QUARTERS)
    return rng.uniform(-1.0, 1.0) * 10.0 ** rng.randint(-8, 22)


def _bool(rng: random.Random) -> bool:
    return rng.random() < 0.5


def _string(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(STRINGS)
    choice = rng.choice
    return "".join([choice(ALPHABET) for _ in range(rng.randint(0, 12))])


class Generators:
    """Random-value closures `rng -> data`, compiled once per type (cached by `id`:
    the program keeps its types alive)."""

    def __init__(self, program: ir.Program) -> None:
        self.decls: dict[tuple[str, str], ir.Enum | ir.Record | ir.Union_] = {}
        for module in program.modules:
            for decl in module.decls:
                if isinstance(decl, (ir.Enum, ir.Record, ir.Union_)):
                    self.decls[(module.name, decl.name)] = decl
        self._cache: dict[int, Gen] = {}
        self._variants: dict[int, Gen] = {}

    def of(self, t: ir.Type) -> Gen:
        gen = self._cache.get(id(t))
        if gen is None:
            gen = self._cache[id(t)] = self._compile(t)
        return gen

    def _compile(self, t: ir.Type) -> Gen:  # noqa: C901 - one arm per type
        match t:
            case ir.IntType():
                return _int
            case ir.FloatType():
                return _float
            case ir.BoolType():
                return _bool
            case ir.StringType():
                return _string
            case ir.ListType(elem=elem):
                item = self.of(elem)
                return lambda rng: [item(rng) for _ in range(rng.randint(0, 4))]
            case ir.MapType(key=key_type, value=value_type):
                key, value = self.of(key_type), self.of(value_type)

                def gen_map(rng: random.Random) -> dict[str, Any]:
                    out: dict[str, Any] = {}
                    for _ in range(rng.randint(0, 4)):
                        entry = value(rng)  # the value first, as in `out[key()] = value()`
                        out[str(key(rng))] = entry
                    return out

                return gen_map
            case ir.OptionalType(inner=inner):
                some = self.of(inner)
                return lambda rng: None if rng.random() < 0.3 else some(rng)
            case ir.NamedType():
                decl = self.decls[(t.module, t.name)]
                if isinstance(decl, ir.Enum):
                    names = [m.name for m in decl.members]
                    return lambda rng: rng.choice(names)
                if isinstance(decl, ir.Union_):
                    variants = [self.variant(v) for v in decl.variants]
                    return lambda rng: rng.choice(variants)(rng)
                fields = [(f.name, self.of(f.type)) for f in decl.fields]
                return lambda rng: {name: gen(rng) for name, gen in fields}
        raise AssertionError(t)

    def variant(self, variant: ir.Variant) -> Gen:
        """`{"kind": name, field: value, …}` for one union variant."""
        gen = self._variants.get(id(variant))
        if gen is None:
            gen = self._variants[id(variant)] = self._compile_variant(variant)
        return gen

    def _compile_variant(self, variant: ir.Variant) -> Gen:
        fields = [(f.name, self.of(f.type)) for f in variant.fields]
        kind = variant.name

        def gen_variant(rng: random.Random) -> dict[str, Any]:
            data: dict[str, Any] = {"kind": kind}
            data.update({name: gen(rng) for name, gen in fields})
            return data

        return gen_variant
