"""A content-addressed cache for formatter output (black, gofmt, rustfmt).

Consumes: a formatter id, the unformatted text and a function that formats.
Produces: the formatted text, from `~/.cache/domaingen/fmt/` when this exact
input was formatted before, so formatters (black costs ~100 ms just to
import) never run when what they would format has not changed.

Deferred formatting (`deferred()`, used by `codegen`): inside the block a
cache miss does not run the formatter; `cached_format` returns a `Pending`
— a `str` equal to the unformatted text that remembers the job — and the
caller runs all the jobs of a backend together (in worker processes, beside
other work), stores each result with `Pending.store` and puts it where the
`Pending` object itself ended up (`substitute`). Backends need not know.

A formatter that runs a process per call may also offer a `batch` function
(`[(path, text)] -> [formatted text]`, in order): `codegen` then hands all
the misses of one backend to it at once (one process, not one per file).
`path` only names the file in errors. `batched` and `rewrite_files` are the
parts such batch functions share (gofmt, rustfmt).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

_local = threading.local()

Batch = Callable[[list[tuple[str, str]]], list[str]]


def batched(
    exe: str | None,
    named: list[tuple[str, str]],
    batch: Callable[[str, list[str]], list[str] | None],
    one: Callable[[str, str, str], str],
) -> list[str]:
    """(path, text) pairs through an external formatter `exe`, in order:
    `batch(exe, texts)` (one process) when it succeeds, else `one(exe, path,
    text)` per file, so a failure names its file; unchanged without `exe`."""
    if exe is None:
        return [text for _, text in named]
    if len(named) > 1:
        out = batch(exe, [text for _, text in named])
        if out is not None:
            return out
    return [one(exe, name, text) for name, text in named]


def rewrite_files(
    folder: str, texts: list[str], suffix: str, command: list[str], extra: Sequence[tuple[str, str]] = ()
) -> list[str] | None:
    """`texts` written to `folder` as `0<suffix>`, `1<suffix>`… (plus `extra`
    (file name, text) pairs), `command` run over those files (it rewrites them
    in place), then read back in order; None when the command failed."""
    paths = [os.path.join(folder, f"{i}{suffix}") for i in range(len(texts))]
    for path, text in [*zip(paths, texts), *((os.path.join(folder, n), t) for n, t in extra)]:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    if subprocess.run([*command, *paths], capture_output=True, check=False).returncode != 0:
        return None
    out = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as handle:
            out.append(handle.read())
    return out


def _folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "domaingen", "fmt")


class Pending(str):
    """The unformatted text of a deferred formatting job (compare by identity, not value)."""

    path: str  # in the cache
    formatter: Callable[[str], str]
    name: str  # the generated file's path, for error messages
    batch: Batch | None

    def store(self, result: str) -> None:
        _write(self.path, result)


@contextmanager
def deferred() -> Iterator[list[Pending]]:
    """Collect cache misses instead of formatting them (this thread only)."""
    previous = getattr(_local, "pending", None)
    jobs: list[Pending] = []
    _local.pending = jobs
    try:
        yield jobs
    finally:
        _local.pending = previous


def substitute(files: dict[str, str], results: dict[int, str]) -> dict[str, str] | None:
    """`files` with each `Pending` replaced by its result (`results` by `id`).

    None when a pending text did not end up as a whole file (a backend that
    changes formatted text further): the caller then generates again, with
    the cache now warm.
    """
    out: dict[str, str] = {}
    used = 0
    for path, text in files.items():
        if isinstance(text, Pending):
            if id(text) not in results:
                return None
            out[path] = results[id(text)]
            used += 1
        else:
            out[path] = text
    return out if used == len(results) else None


def cached_format(
    tool: str, text: str, formatter: Callable[[str], str], *, name: str = "", batch: Batch | None = None
) -> str:
    """`formatter(text)`, from the cache when possible (see the module doc for
    `deferred`); `name` and `batch` travel with a deferred job."""
    key = hashlib.sha256(f"{tool}\0{text}".encode()).hexdigest()
    path = os.path.join(_folder(), key[:2], key)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError:
        pass
    pending: list[Pending] | None = getattr(_local, "pending", None)
    if pending is not None:
        job = Pending(text)
        job.path, job.formatter, job.name, job.batch = path, formatter, name, batch
        pending.append(job)
        return job
    result = batch([(name, text)])[0] if batch is not None else formatter(text)
    _write(path, result)
    return result


def _write(path: str, result: str) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(result)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed
