"""Map-literal keys known at check time, for the duplicate-key rule (DG307).

Consumes: the typed IR keys of one map literal and the constants folded so far.
Produces: the positions of keys equal to an earlier key (literals, negated
Int literals, enum members and folded constants compare by value; a constant
not folded yet compares by name and is looked at again once constants are
folded), and the DG307 diagnostic.
"""

from __future__ import annotations

from ..ir import nodes as ir
from ..syntax import ast
from .scope import ConstInfo, Env, ModuleInfo


def duplicate_keys(env: Env, keys: list[ir.Expr]) -> tuple[list[int], bool]:
    """Positions of keys equal to an earlier constant key; True if a constant was not folded yet."""
    seen: set[object] = set()
    dups: list[int] = []
    unfolded = False
    for i, key in enumerate(keys):
        identity, waiting = _key_identity(env, key)
        unfolded = unfolded or waiting
        if identity is None:
            continue
        if identity in seen:
            dups.append(i)
        seen.add(identity)
    return dups, unfolded


def report_duplicate_key(env: Env, module: ModuleInfo, key: ast.Expr) -> None:
    env.sink.error("DG307", key.span, f"the key `{module.text(key.span)}` is given twice in this map")


def _key_identity(env: Env, x: ir.Expr) -> tuple[object | None, bool]:
    """A hashable identity for a key known at check time (else None), and whether it awaits folding."""
    if isinstance(x, (ir.IntLit, ir.StringLit, ir.BoolLit)):
        return (x.kind, x.value), False
    if isinstance(x, ir.Neg) and isinstance(x.operand, ir.IntLit):
        return ("int_lit", -x.operand.value), False
    if isinstance(x, ir.EnumValue):
        return ("enum", id(x.type), x.member), False
    if isinstance(x, ir.ConstRef):
        owner = env.modules.get(x.module)
        info = owner.items.get(x.name) if owner is not None else None
        if isinstance(info, ConstInfo) and info.folded is not None:
            return _key_identity(env, info.folded)[0], False
        return ("const", x.module, x.name), isinstance(info, ConstInfo) and info.ok
    return None, False
