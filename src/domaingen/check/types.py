"""Types for the checker: interning, display names, fitting and unification.

Consumes: `ast.TypeExpr` (with a callback that resolves declared type names,
supplied by `scope`) and IR types built here.
Produces: interned IR types — every type the checker builds comes from the
factories below, so two equal types are the same object and comparing them
is `is` — their display names (`List<String>`, `Int?`, `items.Item`), the
`fits`/`unify` rules of LANGUAGE.md §4–5 and the internal `ERROR` type.

`ERROR` is the type of an expression that already has a reported error: it
fits everything and is never reported again, so one mistake gives one
diagnostic. It never reaches a returned `ir.Program` (a program with errors
is not returned).
"""

from __future__ import annotations

from typing import Callable

from ..diagnostics import Diagnostic
from ..diagnostics import make as make_diag
from ..ir import nodes as ir
from ..source import Span
from ..syntax import ast

Type = ir.Type

INT: Type = ir.INT
FLOAT: Type = ir.FLOAT
BOOL: Type = ir.BOOL
STRING: Type = ir.STRING
ERROR: Type = ir.new(ir.NamedType, module="", name="<error>", decl="record")

# Keys use the ids of interned components; interned types live as long as
# this table, so an id is never reused for another type.
_INTERN: dict[tuple[object, ...], Type] = {}
_HAS_ERROR: dict[int, bool] = {id(INT): False, id(FLOAT): False, id(BOOL): False, id(STRING): False, id(ERROR): True}

BUILTIN_TYPES: dict[str, int] = {"Int": 0, "Float": 0, "Bool": 0, "String": 0, "List": 1, "Map": 2}
_SCALARS: dict[str, Type] = {"Int": INT, "Float": FLOAT, "Bool": BOOL, "String": STRING}


def list_of(elem: Type) -> Type:
    key = ("list", id(elem))
    found = _INTERN.get(key)
    if found is None:
        found = _INTERN[key] = ir.new(ir.ListType, elem=elem)
        _HAS_ERROR[id(found)] = has_error(elem)
    return found


def map_of(key_type: Type, value: Type) -> Type:
    key = ("map", id(key_type), id(value))
    found = _INTERN.get(key)
    if found is None:
        found = _INTERN[key] = ir.new(ir.MapType, key=key_type, value=value)
        _HAS_ERROR[id(found)] = has_error(key_type) or has_error(value)
    return found


def opt(inner: Type) -> Type:
    """`inner?`; an optional stays itself (the checker never builds `T??`)."""
    if isinstance(inner, ir.OptionalType):
        return inner
    key = ("opt", id(inner))
    found = _INTERN.get(key)
    if found is None:
        found = _INTERN[key] = ir.new(ir.OptionalType, inner=inner)
        _HAS_ERROR[id(found)] = has_error(inner)
    return found


def named(module: str, name: str, decl: str) -> Type:
    key = ("named", module, name)
    found = _INTERN.get(key)
    if found is None:
        found = _INTERN[key] = ir.new(ir.NamedType, module=module, name=name, decl=decl)
        _HAS_ERROR[id(found)] = False
    return found


def has_error(t: Type) -> bool:
    """True if `t` is or contains `ERROR` (an already-reported mistake)."""
    return _HAS_ERROR.get(id(t), True)


def is_numeric(t: Type) -> bool:
    return t is INT or t is FLOAT


def is_orderable(t: Type) -> bool:
    return t is INT or t is FLOAT or t is STRING or (isinstance(t, ir.NamedType) and t.decl == "enum")


def is_map_key(t: Type) -> bool:
    return t is INT or t is STRING or (isinstance(t, ir.NamedType) and t.decl == "enum")


def peel(t: Type | None) -> Type | None:
    """The inner type of an optional, else `t` itself."""
    return t.inner if isinstance(t, ir.OptionalType) else t


def show(t: Type, here: str) -> str:
    """The DSL spelling of a type, as seen from module `here`."""
    if t is INT:
        return "Int"
    if t is FLOAT:
        return "Float"
    if t is BOOL:
        return "Bool"
    if t is STRING:
        return "String"
    if isinstance(t, ir.ListType):
        return f"List<{show(t.elem, here)}>"
    if isinstance(t, ir.MapType):
        return f"Map<{show(t.key, here)}, {show(t.value, here)}>"
    if isinstance(t, ir.OptionalType):
        return f"{show(t.inner, here)}?"
    if isinstance(t, ir.NamedType):
        if t.module == here or not t.module:
            return t.name
        return f"{t.module.rsplit('.', 1)[-1]}.{t.name}"
    return "?"


OK, WRAP, NO = 0, 1, 2


def fits(actual: Type, expected: Type) -> int:
    """OK if a value of `actual` is a value of `expected`, WRAP if it needs `SomeWrap`, else NO."""
    if actual is expected or has_error(actual) or has_error(expected):
        return OK
    if isinstance(expected, ir.OptionalType) and expected.inner is actual:
        return WRAP
    return NO


def unify(a: Type, b: Type) -> Type | None:
    """The common type of two branches: identical, or `T` with `T?` gives `T?`."""
    if a is b:
        return a
    if has_error(a):
        return b
    if has_error(b):
        return a
    if isinstance(a, ir.OptionalType) and a.inner is b:
        return a
    if isinstance(b, ir.OptionalType) and b.inner is a:
        return b
    return None


def conversion_hint(actual: Type, expected: Type) -> str | None:
    """A hint for the usual near-misses between two types."""
    if peel(expected) is FLOAT and actual is INT:
        return "use float(x)"
    if peel(expected) is INT and actual is FLOAT:
        return "use int(x) (or floor/ceil/round/trunc)"
    if isinstance(actual, ir.OptionalType) and fits(actual.inner, expected) != NO:
        return "the value may be none: use `??`, `match` or `unwrap`"
    return None


def resolve(
    node: ast.TypeExpr,
    lookup: Callable[[ast.NamedType], Type],
    report: list[Diagnostic],
    here: str,
) -> Type:
    """An AST type expression as an IR type; problems go to `report`.

    `lookup` resolves a declared (non built-in) type name and reports its own
    problems, returning `ERROR` when it has.
    """
    if isinstance(node, ast.OptionalType):
        if isinstance(node.inner, ast.OptionalType):
            report.append(make_diag("DG211", node.span, "an optional of an optional (`T??`) is not a type", "write `T?`"))
            return resolve(node.inner, lookup, report, here)
        inner = resolve(node.inner, lookup, report, here)
        return ERROR if inner is ERROR else opt(inner)
    head = node.path[0].name
    if len(node.path) == 1 and head in BUILTIN_TYPES:
        want = BUILTIN_TYPES[head]
        args = [resolve(arg, lookup, report, here) for arg in node.args]
        if len(args) != want:
            report.append(_arity(node.span, head, want, len(args)))
            return ERROR
        if head == "List":
            return list_of(args[0])
        if head == "Map":
            if not has_error(args[0]) and not is_map_key(args[0]):
                report.append(
                    make_diag(
                        "DG205",
                        node.args[0].span,
                        f"a Map key must be Int, String or an enum, not {show(args[0], here)}",
                    )
                )
            return map_of(args[0], args[1])
        return _SCALARS[head]
    found = lookup(node)
    if node.args:
        for arg in node.args:
            resolve(arg, lookup, report, here)
        if found is not ERROR:
            report.append(_arity(node.span, ".".join(p.name for p in node.path), 0, len(node.args)))
        return ERROR
    return found


def _arity(span: Span, name: str, want: int, got: int) -> Diagnostic:
    plural = "argument" if want == 1 else "arguments"
    return make_diag("DG210", span, f"`{name}` takes {want} type {plural}, found {got}")
