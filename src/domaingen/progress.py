"""Progress on stderr for work that takes more than a moment.

Consumes: a label, updated as stages advance.
Produces: a one-line status on a TTY (only after `delay` seconds, so quick
runs print nothing), cleared when done; nothing at all when stderr is not a
terminal or output is quiet.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from types import TracebackType


class Progress:
    def __init__(self, label: str, enabled: bool, delay: float = 0.5) -> None:
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self.delay = delay
        self._shown = False
        self._done = threading.Event()
        self._start = time.monotonic()
        self._thread = threading.Thread(target=self._run, daemon=True)
        # NO_COLOR (or a dumb terminal): no escape sequences at all; the line
        # is cleared by overwriting it with spaces instead of `ESC [ K`.
        self._plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
        self._width = 0

    def _clear(self, text: str = "") -> str:
        if not self._plain:
            return f"\r{text}\x1b[K"
        pad = max(0, self._width - len(text))
        self._width = len(text)
        return f"\r{text}{' ' * pad}" + ("\r" if not text else "")

    def __enter__(self) -> "Progress":
        if self.enabled:
            self._thread.start()
        return self

    def update(self, label: str) -> None:
        self.label = label

    def _run(self) -> None:
        if self._done.wait(self.delay):
            return
        frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
        i = 0
        while not self._done.wait(0.1):
            elapsed = time.monotonic() - self._start
            sys.stderr.write(self._clear(f"{frames[i % len(frames)]} {self.label} ({elapsed:.1f} s)"))
            sys.stderr.flush()
            self._shown = True
            i += 1

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._done.set()
        if self.enabled:
            self._thread.join()
        if self._shown:
            sys.stderr.write(self._clear())
            sys.stderr.flush()
