"""Argument generation from parameter types, seeded and reproducible.

Consumes: IR types and the program's declarations.
Produces: JSON-ready Python data (dict/list/str/int/float/bool/None) for a
type: boundary values first — 0, ±1, ±(2^53-1), -0.0, 0.5 ties, 1e21,
1e-7, empty and astral strings, empty lists and maps, every enum member and
union variant — then random values from a `random.Random(seed)`. The caller
decodes them with the strict decoder, so the vector's argument text is
always canonical.
"""

from __future__ import annotations

import random
from typing import Any

from ..ir import nodes as ir

INT_MAX = 2**53 - 1
INTS = [0, 1, -1, 2, -2, 10, 100, 1000, INT_MAX, -INT_MAX, INT_MAX - 1, 53, 7, -7, 3, 99]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 1e21, 1e-7, 123456.789, 9007199254740991.0,
          1.7976931348623157e308, 5e-324, 3.141592653589793, 100.0, 0.49999999999999994, 1e300]
STRINGS = ["", "a", "A b", "😀", "ß", "İ", " padded\t", "a,b,,c", "\uff5e", "\U0001f600x", "123", "-45", "1.5e3",
           "ünïcödé", "x" * 40, "\n", "p1", "Common", "elite_1"]
ALPHABET = "abcxyzABZ019 _-,.\t😀ßİ\uff5e"


class InputGen:
    def __init__(self, program: ir.Program, seed: int) -> None:
        self.rng = random.Random(seed)
        self.decls: dict[tuple[str, str], ir.Enum | ir.Record | ir.Union_] = {}
        for module in program.modules:
            for decl in module.decls:
                if isinstance(decl, (ir.Enum, ir.Record, ir.Union_)):
                    self.decls[(module.name, decl.name)] = decl

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
        rng = self.rng
        match t:
            case ir.IntType():
                bucket = rng.random()
                if bucket < 0.6:
                    return rng.randint(-20, 120)
                if bucket < 0.9:
                    return rng.randint(-(10**6), 10**6)
                return rng.randint(-INT_MAX, INT_MAX)
            case ir.FloatType():
                if rng.random() < 0.3:
                    return float(rng.randint(-100, 100)) + rng.choice([0.0, 0.25, 0.5, 0.75])
                return rng.uniform(-1.0, 1.0) * 10.0 ** rng.randint(-8, 22)
            case ir.BoolType():
                return rng.random() < 0.5
            case ir.StringType():
                if rng.random() < 0.3:
                    return rng.choice(STRINGS)
                return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
            case ir.ListType():
                return [self.random(t.elem) for _ in range(rng.randint(0, 4))]
            case ir.MapType():
                out: dict[str, Any] = {}
                for _ in range(rng.randint(0, 4)):
                    out[self._key(t.key)] = self.random(t.value)
                return out
            case ir.OptionalType():
                return None if rng.random() < 0.3 else self.random(t.inner)
            case ir.NamedType():
                decl = self.decls[(t.module, t.name)]
                if isinstance(decl, ir.Enum):
                    return rng.choice(decl.members).name
                if isinstance(decl, ir.Union_):
                    return self._variant(decl, rng.choice(decl.variants))
                return {f.name: self.random(f.type) for f in decl.fields}
        raise AssertionError(t)

    def _variant(self, decl: ir.Union_, variant: ir.Variant) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": variant.name}
        data.update({f.name: self.random(f.type) for f in variant.fields})
        return data

    def _key(self, t: ir.Type) -> str:
        value = self.random(t)
        return str(value)
