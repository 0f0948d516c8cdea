"""Which list locals the Go emitter may `append` to in place.

Consumes: a checked function or `test` body and the function's parameter names.
Produces: `owned_lists(body, params)`, the names `x` for which
`x = append(x, v)` may be Go's own `x = append(x, v)` (amortised growth)
instead of `dgrt.Append`, which copies into a fresh, full slice.

DSL lists are immutable values, and Go slices share backing arrays, so an
in-place append is safe only when no other slice can write into the spare
capacity it fills. That holds for `x` when every binding of `x` is a
`let`/`var` of a list literal (a fresh backing array) and every assignment
to `x` is `x = append(x, ...)`: then only `x` ever appends to that array in
place, and always past the end of every slice taken from it earlier
(`let snapshot = x` keeps its own shorter length and is never appended to
in place: it is not bound to a list literal). Parameters, loop variables and
match bindings are never eligible.
"""

from __future__ import annotations

from ...ir import nodes as ir
from ...ir.walk import binders, walk


def self_append(name: str, value: ir.Expr) -> ir.Expr | None:
    """The appended element when `value` is `append(name, element)`."""
    match value:
        case ir.CallBuiltin(builtin="append", args=(ir.Local(name=base), element)) if base == name:
            return element
        case _:
            return None


def owned_lists(body: tuple[ir.Stmt, ...], params: frozenset[str] = frozenset()) -> frozenset[str]:
    fresh: dict[str, bool] = {}
    excluded: set[str] = set(params)
    for n in walk(body):
        match n:
            case ir.Let(name=name, value=value):
                fresh[name] = fresh.get(name, True) and isinstance(value, ir.ListLit)
            case ir.Assign(name=name, value=value) if self_append(name, value) is None:
                excluded.add(name)
            case _:
                excluded.update(binders(n))  # loop variables and match bindings are never fresh lists
    return frozenset(name for name, ok in fresh.items() if ok and name not in excluded)
