"""Constant folding for the checker: a `const` initialiser -> a literal.

Consumes: a checked initialiser expression, the already-folded constants it
may refer to (by (module, name), each a literal expression), and optionally
the program's enum/record/union declarations.
Produces: `(literal, None)` — the value as literal-only IR
(`values.value_to_literal`) — or `(None, (kind, message))` where kind is a
run-time error kind (`IntegerOverflow`, `DivisionByZero`, …: the constant
fails, DG306) or `"NotConstant"` (a local, a function call, a constant not
yet folded, or — without `decls` — ordering enum members or binding union
payloads: DG305). Folding uses exactly the interpreter's semantics.
"""

from __future__ import annotations

from typing import Mapping

from ..ir import nodes as ir
from .compile_expr import evaluate_closed
from .errors import DgError
from .host import ConstHost, NotConstant
from .values import value_to_literal

Decls = Mapping[tuple[str, str], ir.Enum | ir.Record | ir.Union_]


def fold_const(
    expr: ir.Expr,
    consts: Mapping[tuple[str, str], ir.Expr],
    decls: Decls | None = None,
) -> tuple[ir.Expr | None, tuple[str, str] | None]:
    """Evaluate a constant expression; see the module docstring for the result."""
    host = ConstHost(consts, decls)
    try:
        value = evaluate_closed(expr, host)
        return value_to_literal(value, expr.type), None
    except DgError as err:
        return None, (err.kind, err.message)
    except NotConstant as err:
        return None, ("NotConstant", str(err))
