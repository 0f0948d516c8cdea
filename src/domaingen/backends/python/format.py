"""Formatting generated Python with black (cached by content).

Consumes: generated files (path -> text).
Produces: the same files with every `.py` file outside `_runtime/` run
through black (target py311, default line length). black is imported only
when something is not in the format cache, and never for unchanged input.
The runtime files are copied as they are (they are already black-clean, and
`floatlib.py`/`numfmt.py` must stay verbatim copies).
"""

from __future__ import annotations

from ...formatcache import cached_format

_TOOL_VERSION: list[str] = []


def _black_version() -> str:
    if not _TOOL_VERSION:
        from importlib.metadata import version

        _TOOL_VERSION.append(version("black"))
    return _TOOL_VERSION[0]


def _run_black(text: str) -> str:
    import black

    from black.mode import TargetVersion

    mode = black.Mode(target_versions={TargetVersion.PY311})
    return black.format_str(text, mode=mode)


def format_files(files: dict[str, str]) -> dict[str, str]:
    tool = "black-" + _black_version()  # == black.__version__, without importing black
    out: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py") and "/_runtime/" not in path:
            out[path] = cached_format(tool, text, _run_black)
        else:
            out[path] = text
    return out
