"""Worker processes for the slow, independent parts of a cold `generate`.

Consumes: jobs — a module-level function and picklable arguments: building
the test vectors, running one formatter on one file or on a batch of files.
Produces: `Workers.submit(fn, *args)` -> a handle whose `get()` returns the
result (or raises the job's exception). The pool (one process per CPU,
at least two) is forked on the first submit, so a warm run that has nothing to
hand out starts no process at all, and forked workers inherit the checked
program without pickling it (`shared`). Where `fork` does not exist the jobs
simply run in this process, one after the other, on `get()`.

Results never depend on which worker ran a job or when: every job is a pure
function of its inputs, and the caller collects results in its own order.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Protocol

# Set by the parent before the pool is forked; read by jobs in the workers.
shared: dict[str, Any] = {}


class Handle(Protocol):
    def get(self) -> Any: ...


class _Inline:
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.fn, self.args = fn, args

    def get(self) -> Any:
        return self.fn(*self.args)


class Workers:
    """`share`: values the jobs read from `shared` (set when the pool is forked)."""

    def __init__(self, processes: int | None = None, **share: Any) -> None:
        self.share = share
        # As many as CPUs: more would slow the parent, which renders the
        # targets (and so hands out the formatter jobs) while they work.
        self.processes = processes or max(2, os.cpu_count() or 1)
        self._pool: Any = None
        self.forking = hasattr(os, "fork")

    def submit(self, fn: Callable[..., Any], *args: Any) -> Handle:
        shared.update(self.share)
        if not self.forking:
            return _Inline(fn, args)
        if self._pool is None:
            import multiprocessing

            self._pool = multiprocessing.get_context("fork").Pool(self.processes)
        return self._pool.apply_async(fn, args)  # type: ignore[no-any-return]

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        for name in self.share:
            shared.pop(name, None)


def run_formatter(formatter: Callable[[str], str], text: str) -> str:
    """One formatting job (`formatcache.Pending`), as a plain `str` in and out."""
    return formatter(str(text))


def run_batch(batch: Callable[[list[tuple[str, str]]], list[str]], named: list[tuple[str, str]]) -> list[str]:
    """One batch of formatting jobs (`formatcache.Pending.batch`): (path, text) in, texts out."""
    return batch(named)
