"""Hover: the signature and `///` doc of the name under the cursor.

Consumes: a `FileIndex` and a code-point offset.
Produces: Markdown — the signature in a `domaingen` code block (e.g.
`fn add_exp(profile: Profile, amount: Int) -> LevelUp`, `let level: Int`,
a built-in's §5 signature), what kind of name it is, then the doc.
"""

from __future__ import annotations

from .analysis import FileIndex
from .symbols import Symbol


def markdown(symbol: Symbol) -> str:
    parts = [f"```domaingen\n{symbol.signature}\n```"]
    if symbol.note:
        parts.append(f"*{symbol.note}*")
    if symbol.doc:
        parts.append(symbol.doc.strip())
    return "\n\n".join(parts)


def hover_text(index: FileIndex, offset: int) -> str | None:
    symbol = index.symbol_at(offset)
    return markdown(symbol) if symbol is not None else None
