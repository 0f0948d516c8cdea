"""Walking the checked IR: what several backend analyses share.

Consumes: any IR node or tuple of nodes.
Produces: `walk` (every node below, itself included, depth first in field
order; spans skipped) and `binders` (the local names one node introduces).
"""

from __future__ import annotations

from typing import Any, Iterator

from . import nodes as ir


def walk(node: Any) -> Iterator[Any]:
    """Every IR node below `node` (itself included), depth first."""
    if isinstance(node, ir.Node):
        yield node
        for name in type(node).field_names:
            if name != "span":
                yield from walk(getattr(node, name))
    elif isinstance(node, tuple):
        for item in node:
            yield from walk(item)


def binders(node: Any) -> tuple[str, ...]:
    """The locals `node` itself binds: `let`/`var`, loop variables, match bindings (not parameters)."""
    match node:
        case ir.Let(name=name) | ir.ForList(var=name) | ir.ForRange(var=name):
            return (name,)
        case ir.ForMap(key=key, value=value):
            return (key, value)
        case ir.UnionArm(bindings=bindings):
            return tuple(b for b in bindings if b is not None)
        case ir.MatchOptional(binding=binding) if binding is not None:
            return (binding,)
        case _:
            return ()
