"""Building vector files: DSL test calls plus generated inputs, run in the interpreter.

Consumes: a checked `ir.Program`.
Produces: one `VectorFile` per module (docs/vectors.md): first every call a
`test` block makes directly to a module function (in test order), then
generated inputs per function (boundary values first, then random, seeded),
each with the interpreter's outcome. Duplicate calls are kept once. A call
whose loops run more than `step_limit` iterations in all (say, a loop up to
2^53), or, as a backstop, longer than `time_limit` CPU seconds, is left out:
vectors must replay quickly in every target. The step limit makes that
choice deterministic (it does not depend on the machine's speed or load)
and cheap: a runaway call stops after a few milliseconds.

Each function is compiled once (the interpreter caches it). Generated data
becomes values, canonical argument text and the values that text decodes
to through closures compiled once per type (`codec`), falling back to the
strict decoder's tree (`canonical`) for anything those do not vouch for; the
texts of test calls are read back with the C JSON parser (`canonical`),
never the pure-Python one.
"""

from __future__ import annotations

import json
import signal
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..interp.decls import index_of
from ..interp.errors import DgError
from ..interp.evaluator import Interpreter
from ..interp.host import StepBudget, StepLimit
from ..interp.runner import run_tests
from ..interp.values import Value
from ..ir import nodes as ir
from . import outcome
from .canonical import DecodeError, decode_canonical, decode_data
from .codec import Codecs, Unsure
from .inputs import Generators, InputGen

VERSION = 1
# Loop iterations one call may run before it is left out. The slowest kept
# call of the bundled example runs 3,001 (`game.rewards.roll_many` with
# times = 1000); calls over the limit are loops towards 2^53 or 10^6.
STEP_LIMIT = 5_000
# CPU seconds: only for calls slow without looping (the step limit decides the rest)
TIME_LIMIT = 2.0


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
    """A CPU-time backstop per call (ITIMER_PROF/SIGPROF: time the process is
    descheduled on a loaded machine does not count, so it cannot make the
    vector files depend on the load)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> "_Deadline":
        def fire(signum: int, frame: Any) -> None:
            raise _Timeout()

        self.previous = signal.signal(signal.SIGPROF, fire)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, self.previous)

    def arm(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, self.seconds)

    def disarm(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0)


def functions(program: ir.Program) -> Iterator[tuple[ir.Module, ir.Function]]:
    for module in program.modules:
        for decl in module.decls:
            if isinstance(decl, ir.Function):
                yield module, decl


def build_vectors(
    program: ir.Program,
    per_function: int = 60,
    seed: int = 1,
    time_limit: float = TIME_LIMIT,
    step_limit: int = STEP_LIMIT,
) -> list[VectorFile]:
    """`step_limit`: loop iterations a call may run (`interp.host.StepBudget`);
    `time_limit`: CPU seconds, a backstop for calls that are slow without looping.

    The same as `assemble(program, [run_job(program, job, …) for job in
    jobs(program)])`, which is how `codegen` spreads the work over worker
    processes.
    """
    builder = _Builder(program, per_function, seed, time_limit, step_limit)
    return assemble(program, [builder.run(job) for job in jobs(program)])


Job = tuple[str, ...]
"""`("tests",)`: the calls of the DSL's tests; `("function", module, name)`: generated inputs."""


def jobs(program: ir.Program) -> list[Job]:
    """The independent parts of building vectors, in file order."""
    return [("tests",)] + [("function", m.name, f.name) for m, f in functions(program)]


def run_job(program: ir.Program, job: Job, per_function: int = 60, seed: int = 1, time_limit: float = TIME_LIMIT,
            step_limit: int = STEP_LIMIT) -> list[tuple[str, Vector]]:
    """One job's vectors as (module, vector), in order. Functions stay compiled
    between the jobs of one process (one builder per program and settings)."""
    key = (id(program), per_function, seed, time_limit, step_limit)
    hit = _BUILDERS.get(key)
    if hit is None or hit[0] is not program:
        _BUILDERS.clear()
        hit = _BUILDERS[key] = (program, _Builder(program, per_function, seed, time_limit, step_limit))
    return hit[1].run(job)


_BUILDERS: dict[tuple[Any, ...], tuple[ir.Program, "_Builder"]] = {}


def assemble(program: ir.Program, results: list[list[tuple[str, Vector]]]) -> list[VectorFile]:
    """Vector files from job results in `jobs` order (duplicates dropped, empty files left out)."""
    files = {m.name: VectorFile(m.name) for m in program.modules}
    for result in results:
        for module, vector in result:
            files[module].add(vector)
    return [f for f in files.values() if f.vectors]


class _Builder:
    def __init__(self, program: ir.Program, per_function: int, seed: int, time_limit: float, step_limit: int) -> None:
        self.program = program
        self.index = index_of(program)
        self.per_function = per_function
        self.seed = seed
        self.deadline = _Deadline(time_limit)
        self.steps = StepBudget(step_limit)
        self.interp = Interpreter(program, self.steps)
        self.decls = {(m.name, f.name): f for m, f in functions(program)}
        self.codecs = Codecs(self.index)
        self.generators = Generators(program)
        # Decoded arguments by (parameter type, canonical text): values are
        # immutable (maps are copied on update), so calls can share them.
        self.decoded: dict[tuple[int, str], Any] = {}

    def run(self, job: Job) -> list[tuple[str, Vector]]:
        with self.deadline:
            if job[0] == "tests":
                return self.test_calls()
            module, name = job[1], job[2]
            return [(module, v) for v in self.generated(module, self.decls[(module, name)])]

    def call(self, module: str, fn: ir.Function, args: list[str]) -> str | None:
        """The outcome line of `module.fn(*args)`, or None when the call is left out."""
        values: list[Value] = []
        for text, p in zip(args, fn.params):
            key = (id(p.type), text)
            value = self.decoded.get(key, self.decoded)
            if value is self.decoded:
                try:
                    value = self.decoded[key] = decode_canonical(text, p.type, self.index, p.name)
                except (DecodeError, ValueError):
                    return None
            values.append(value)
        return self.outcome(module, fn, values)

    def outcome(self, module: str, fn: ir.Function, values: list[Value]) -> str | None:
        """The outcome line of a call with decoded arguments, or None when it is left out."""
        self.steps.reset()
        try:
            self.deadline.arm()
            try:
                result = self.interp.call(module, fn.name, values)
            finally:
                self.deadline.disarm()
        except DgError as exc:
            return outcome.err(exc.kind, exc.message)
        except (StepLimit, _Timeout, RecursionError):
            return None
        return outcome.ok(self.codecs.encoder(fn.ret)(result))

    def test_calls(self) -> list[tuple[str, Vector]]:
        """1. Calls made by the DSL's own tests, in test order."""
        recorded: list[tuple[str, ir.Function, list[str]]] = []

        def record(rec: Any) -> None:
            fn = self.decls.get((rec.module, rec.function))
            if fn is not None:
                args = [self.codecs.encoder(p.type)(v) for v, p in zip(rec.args, fn.params)]
                recorded.append((rec.module, fn, args))

        run_tests(self.program, recorder=record)
        out = []
        for module_name, fn, args in recorded:
            expect = self.call(module_name, fn, args)
            if expect is not None:
                out.append((module_name, Vector(fn.name, args, expect)))
        return out

    def generated(self, module: str, fn: ir.Function) -> list[Vector]:
        """2. Generated inputs for one function, boundary values first."""
        gen = InputGen(self.program, seed=hash_seed(self.seed, module, fn.name), generators=self.generators)
        boundaries = [gen.boundary(p.type) for p in fn.params]
        width = max((len(b) for b in boundaries), default=0)
        candidates: list[list[Any]] = [[b[i % len(b)] for b in boundaries] for i in range(width)] if fn.params else [[]]
        while len(candidates) < self.per_function and fn.params:
            candidates.append([gen.random(p.type) for p in fn.params])
        out = []
        for raw in candidates:
            prepared = self.prepare(fn, raw)
            if prepared is None:
                continue
            args, values = prepared
            expect = self.outcome(module, fn, values)
            if expect is not None:
                out.append(Vector(fn.name, args, expect))
        return out

    def prepare(self, fn: ir.Function, raw: list[Any]) -> tuple[list[str], list[Value]] | None:
        """Generated data as canonical argument texts and the values those texts
        decode to; None when the strict decoder refuses the data."""
        texts, values = [], []
        codecs = self.codecs
        for data, param in zip(raw, fn.params):
            t = param.type
            try:
                value = codecs.reader(t)(data)
            except Unsure:
                try:
                    value = decode_data(data, t, self.index, param.name)
                except (DecodeError, ValueError):
                    return None
            texts.append(codecs.encoder(t)(value))
            fix = codecs.canonical(t)
            values.append(value if fix is None else fix(value))
        return texts, values


def hash_seed(seed: int, *parts: str) -> int:
    """A seed per function that does not depend on Python's hash randomisation."""
    import hashlib

    digest = hashlib.sha256(("\0".join((str(seed),) + parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")
