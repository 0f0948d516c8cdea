"""A content-addressed cache for formatter output (black, gofmt, rustfmt).

Consumes: a formatter id, the unformatted text and a function that formats.
Produces: the formatted text, from `~/.cache/domaingen/fmt/` when this exact
input was formatted before, so formatters (black costs ~100 ms just to
import) never run when what they would format has not changed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from typing import Callable


def _folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "domaingen", "fmt")


def cached_format(tool: str, text: str, formatter: Callable[[str], str]) -> str:
    key = hashlib.sha256(f"{tool}\0{text}".encode()).hexdigest()
    path = os.path.join(_folder(), key[:2], key)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError:
        pass
    result = formatter(text)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(result)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed
    return result
