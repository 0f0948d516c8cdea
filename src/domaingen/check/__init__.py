"""The checker: parsed modules to the checked IR program.

Consumes: every parsed `ast.Module` of one program and its `SourceFile`s.
Produces: `(ir.Program | None, diagnostics)` — the program (modules in
dependency order, imported first, ties by name) when there is no error, and
every diagnostic found (warnings such as DG112 do not make it fail).

The passes run in this order, each in its own module:
`decls` (module table, imports, items, signatures) → `rules` (import
cycles, recursive types) → `consts` (initialisers, folding) → `stmts` /
`exprs` / `calls` / `match` / `builtins` (bodies) → `rules` (recursive
functions) → unused imports → IR assembly → name collisions
(`naming.collisions`, DG110).
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Mapping, Sequence

from ..diagnostics import Diagnostic
from ..ir import nodes as ir
from ..naming.collisions import check_program
from ..source import SourceFile
from ..syntax import ast
from . import decls, rules
from .consts import check_consts
from .scope import ConstInfo, EnumInfo, Env, FnInfo, ModuleInfo, RecordInfo, Sink, TestInfo, UnionInfo
from .stmts import BodyChecker

__all__ = ["check_modules"]

_RECURSION_LIMIT = 20_000


def check_modules(
    modules: Sequence[ast.Module], sources: Mapping[str, SourceFile]
) -> tuple[ir.Program | None, list[Diagnostic]]:
    """Check a whole program; see the module docstring."""
    env = Env(Sink())
    # Its caller, `frontend._run`, pauses the cyclic collector for parsing and checking.
    # Bodies are checked by recursive descent; long operator chains nest deeply.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        program = _check(env, modules, sources)
    except RecursionError:
        env.sink.error("DG900", None, "the program nests expressions too deeply for the checker", "split long expressions with `let`")
        return None, env.sink.diags
    except Exception as exc:  # noqa: BLE001 - a checker bug must not crash the tool
        if os.environ.get("DOMAINGEN_DEBUG"):
            raise
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{os.path.basename(frame.filename)}:{frame.lineno}"
        env.sink.error("DG900", None, f"internal error in the checker: {type(exc).__name__}: {exc} ({where})", "please report this bug")
        return None, env.sink.diags
    finally:
        sys.setrecursionlimit(limit)
    return (program if env.sink.errors == 0 else None), env.sink.diags


def _check(env: Env, modules: Sequence[ast.Module], sources: Mapping[str, SourceFile]) -> ir.Program:
    decls.build_modules(env, modules, sources)
    for info in env.infos:
        decls.bind_imports(env, info)
    rules.import_cycles(env)
    for info in env.infos:
        decls.collect(env, info)
    for info in env.infos:
        decls.resolve_signatures(env, info)
    rules.recursive_types(env)
    check_consts(env)
    bodies: dict[int, ir.Function | ir.Test] = {}
    for info in env.infos:
        primary = env.modules.get(info.name) is info
        for item in info.decls:
            if isinstance(item, FnInfo):
                cx = BodyChecker(env, info)
                function = cx.function(item, primary and info.items.get(item.name) is item)
                bodies[id(item)] = function
            elif isinstance(item, TestInfo):
                bodies[id(item)] = BodyChecker(env, info).test(item)
    rules.recursive_functions(env)
    for info in env.infos:
        for alias, imp in info.alias_imports.items():
            if alias not in info.used:
                env.sink.warning("DG112", imp.span, f"the import of `{imp.dotted}` is not used", "remove it")
    program = ir.new(ir.Program, modules=tuple(_module_ir(info, bodies) for info in rules.module_order(env)))
    if env.sink.errors == 0:
        # Names every target would spell alike (`user_id`/`userId`): DG110.
        env.sink.extend(check_program(program))
    return program


def _module_ir(info: ModuleInfo, bodies: dict[int, ir.Function | ir.Test]) -> ir.Module:
    out: list[ir.Const | ir.Enum | ir.Record | ir.Union_ | ir.Function | ir.Test] = []
    for item in info.decls:
        if isinstance(item, (EnumInfo, RecordInfo, UnionInfo)):
            out.append(decls.type_decl_ir(item))
        elif isinstance(item, ConstInfo):
            value = item.folded if item.folded is not None else item.value
            assert value is not None
            out.append(ir.new(ir.Const, name=item.name, type=item.type, value=value, doc=item.decl.doc, span=item.decl.span))
        else:
            out.append(bodies[id(item)])
    tree = info.tree
    return ir.new(ir.Module, name=info.name, path=info.source.path, doc=tree.doc, imports=tuple(info.imports), decls=tuple(out), span=tree.span)
