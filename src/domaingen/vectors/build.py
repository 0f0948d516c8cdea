"""Building vector files: DSL test calls plus generated inputs, run in the interpreter.

Consumes: a checked `ir.Program`.
Produces: one `VectorFile` per module (docs/vectors.md): first every call a
`test` block makes directly to a module function (in test order), then
generated inputs per function (boundary values first, then random, seeded),
each with the interpreter's outcome. Duplicate calls are kept once. A call
that runs longer than `time_limit` seconds (say, a loop up to 2^53) is left
out: vectors must replay quickly in every target.
"""

from __future__ import annotations

import json
import signal
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..interp.errors import DgError
from ..interp.evaluator import Interpreter
from ..interp.jsoncodec import DecodeError, decode, encode
from ..interp.runner import run_tests
from ..ir import nodes as ir
from . import outcome
from .inputs import InputGen

VERSION = 1


@dataclass
class Vector:
    function: str
    args: list[str]
    expect: str


@dataclass
class VectorFile:
    module: str
    vectors: list[Vector] = field(default_factory=list)
    seen: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)

    def add(self, vector: Vector) -> None:
        key = (vector.function, tuple(vector.args))
        if key not in self.seen:
            self.seen.add(key)
            self.vectors.append(vector)

    def text(self) -> str:
        """Deterministic JSON, one vector per line (reviewable diffs)."""
        lines = [
            "{",
            f'  "version": {VERSION},',
            f'  "module": {json.dumps(self.module)},',
            '  "vectors": [',
        ]
        rows = [
            "    " + json.dumps({"function": v.function, "args": v.args, "expect": v.expect}, ensure_ascii=False)
            for v in self.vectors
        ]
        lines.append(",\n".join(rows))
        lines += ["  ]", "}"]
        return "\n".join(lines) + "\n"


class _Timeout(Exception):
    pass


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        def fire(signum: int, frame: Any) -> None:
            raise _Timeout()

        self.previous = signal.signal(signal.SIGALRM, fire)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)


def functions(program: ir.Program) -> Iterator[tuple[ir.Module, ir.Function]]:
    for module in program.modules:
        for decl in module.decls:
            if isinstance(decl, ir.Function):
                yield module, decl


def build_vectors(program: ir.Program, per_function: int = 60, seed: int = 1, time_limit: float = 0.25) -> list[VectorFile]:
    files = {m.name: VectorFile(m.name) for m in program.modules}
    interp = Interpreter(program)
    params = {(m.name, f.name): f for m, f in functions(program)}

    def call(module: str, fn: ir.Function, args: list[str]) -> str | None:
        try:
            values = [decode(text, p.type, program, p.name) for text, p in zip(args, fn.params)]
        except DecodeError:
            return None
        try:
            with _Deadline(time_limit):
                result = interp.call(module, fn.name, values)
        except DgError as exc:
            return outcome.err(exc.kind, exc.message)
        except (_Timeout, RecursionError):
            return None
        return outcome.ok(encode(result, fn.ret, program))

    # 1. Calls made by the DSL's own tests.
    recorded: list[tuple[str, str, list[str]]] = []

    def record(rec: Any) -> None:
        fn = params.get((rec.module, rec.function))
        if fn is not None:
            recorded.append((rec.module, rec.function, [encode(v, p.type, program) for v, p in zip(rec.args, fn.params)]))

    run_tests(program, recorder=record)
    for module_name, name, args in recorded:
        expect = call(module_name, params[(module_name, name)], args)
        if expect is not None:
            files[module_name].add(Vector(name, args, expect))

    # 2. Generated inputs, boundary values first.
    for module, fn in functions(program):
        gen = InputGen(program, seed=hash_seed(seed, module.name, fn.name))
        canonical = _canonicalizer(program, fn)
        boundaries = [gen.boundary(p.type) for p in fn.params]
        width = max((len(b) for b in boundaries), default=0)
        candidates: list[list[Any]] = [[b[i % len(b)] for b in boundaries] for i in range(width)] if fn.params else [[]]
        while len(candidates) < per_function and fn.params:
            candidates.append([gen.random(p.type) for p in fn.params])
        for raw in candidates:
            args = canonical(raw)
            if args is None:
                continue
            expect = call(module.name, fn, args)
            if expect is not None:
                files[module.name].add(Vector(fn.name, args, expect))
    return [f for f in files.values() if f.vectors]


def _canonicalizer(program: ir.Program, fn: ir.Function) -> Any:
    def canonical(raw: list[Any]) -> list[str] | None:
        out = []
        for value, param in zip(raw, fn.params):
            try:
                decoded = decode(json.dumps(value, ensure_ascii=False, allow_nan=False), param.type, program, param.name)
            except (DecodeError, ValueError):
                return None
            out.append(encode(decoded, param.type, program))
        return out

    return canonical


def hash_seed(seed: int, *parts: str) -> int:
    """A seed per function that does not depend on Python's hash randomisation."""
    import hashlib

    digest = hashlib.sha256(("\0".join((str(seed),) + parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")
