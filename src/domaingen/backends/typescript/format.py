"""The TypeScript target's formatter: one fixed layout, no external tool.

Consumes: rendered files (path -> text).
Produces: the same files with trailing spaces removed, runs of blank lines
collapsed to one, no blank line right after `{`, and exactly one final
newline. The templates and emitters already print the house style (2-space
indent, double quotes, semicolons, trailing commas in multi-line literals);
this pass only makes whitespace canonical, so output is byte-for-byte stable.
"""

from __future__ import annotations

from ...formatcache import cached_format


def _tidy(text: str) -> str:
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line and (not out or not out[-1] or out[-1].endswith("{")):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def format_files(files: dict[str, str]) -> dict[str, str]:
    return {
        path: cached_format("typescript-tidy-1", text, _tidy) if path.endswith((".ts", ".json")) else text
        for path, text in files.items()
    }
