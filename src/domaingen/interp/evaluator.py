"""The reference interpreter: runs the functions of a checked program.

Consumes: an `ir.Program` (checked: no recursion, every path returns).
Produces: `Interpreter.call(module, function, args) -> Value` (raising
`DgError`), and compiled test bodies for the runner. Each IR function is
compiled once, on its first call, into Python closures (`compile_expr`,
`compile_stmt`); constants are evaluated once, on first use.
"""

from __future__ import annotations

from typing import Callable, Sequence

from ..ir import nodes as ir
from .compile_expr import Scope
from .compile_stmt import RETURN, StmtCompiler, StmtFn
from .decls import Key, index_of
from .errors import DgError
from .host import CompiledFn, ProgramHost, StepBudget
from .values import Value

Recorder = Callable[[str, str, list[Value], Value, DgError | None], None]


class Interpreter:
    """`steps`: an optional loop-iteration budget (see `host.StepBudget`); the
    caller resets it before each call. Without one, loops are not metered."""

    def __init__(self, program: ir.Program, steps: StepBudget | None = None) -> None:
        self.program = program
        self.index = index_of(program)
        self.host = ProgramHost(self.index, self._entry, steps)
        self._compiled: dict[Key, CompiledFn] = {}
        self._entries: dict[Key, CompiledFn] = {}

    def call(self, module: str, function: str, args: Sequence[Value]) -> Value:
        """Call `module.function` with already-built values; raises DgError."""
        key = (module, function)
        decl = self.index.functions.get(key)
        if decl is None:
            raise KeyError(f"no function {module}.{function}")
        if len(args) != len(decl.params):
            raise TypeError(f"{module}.{function} takes {len(decl.params)} arguments, got {len(args)}")
        return self._function(key)(list(args))

    def compile_test(self, test: ir.Test) -> Callable[[Recorder | None], None]:
        """A test body as a closure; calls made directly in it go to the recorder."""
        scope = Scope()
        body = StmtCompiler(self.host, scope, record_calls=True).body(test.body)
        size = scope.size

        def run(recorder: Recorder | None) -> None:
            saved = self.host.recorder
            self.host.recorder = recorder
            try:
                body([None] * size)
            finally:
                self.host.recorder = saved

        return run

    # --- functions -------------------------------------------------------------

    def _entry(self, module: str, name: str) -> CompiledFn:
        """A callable for `module.name` that compiles the function on its first call."""
        key = (module, name)
        entry = self._entries.get(key)
        if entry is None:
            if key not in self.index.functions:
                raise KeyError(f"no function {module}.{name}")
            compiled: CompiledFn | None = None

            def entry(args: list[Value]) -> Value:
                nonlocal compiled
                if compiled is None:
                    compiled = self._function(key)
                return compiled(args)

            self._entries[key] = entry
        return entry

    def _function(self, key: Key) -> CompiledFn:
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compile(self.index.functions[key])
            self._compiled[key] = compiled
        return compiled

    def _compile(self, fn: ir.Function) -> CompiledFn:
        scope = Scope()
        assert scope.size == 1  # slot 0: the return value; then the parameters
        for param in fn.params:
            scope.bind(param.name)
        count = len(fn.params)
        body: StmtFn = StmtCompiler(self.host, scope).body(fn.body)
        rest = (None,) * (scope.size - 1 - count)
        qualified = fn.name

        def run(args: list[Value]) -> Value:
            env: list[Value] = [None, *args, *rest]
            if body(env) == RETURN:
                return env[0]
            raise RuntimeError(f"function {qualified} ended without return (checker bug)")

        return run
