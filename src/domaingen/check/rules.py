"""Whole-program rules: import cycles, recursive types, recursive functions, module order.

Consumes: the filled `Env` (module imports, resolved record/union field
types, and the call graph the body checker records).
Produces: DG108 (modules that import each other, at each import inside the
cycle), DG303 (a record or union that reaches itself through any field type,
List/Map/optional included, at the field that closes the cycle), DG304 (a
function that calls itself directly or through others, at the call that
closes the cycle) and the dependency order of the modules (imported first,
ties by name). Strongly connected components are found with an iterative
Tarjan, so deep graphs do not hit Python's recursion limit.
"""

from __future__ import annotations

import heapq
from typing import Callable, Hashable, Iterable, Sequence, TypeVar

from ..ir import nodes as ir
from ..syntax import ast
from .scope import EnumInfo, Env, ModuleInfo, RecordInfo, TypeItem, UnionInfo

K = TypeVar("K", bound=Hashable)


def components(nodes: Iterable[K], succ: Callable[[K], Iterable[K]]) -> list[list[K]]:
    """Strongly connected components, each after every component it reaches."""
    index: dict[K, int] = {}
    low: dict[K, int] = {}
    on_stack: set[K] = set()
    stack: list[K] = []
    out: list[list[K]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(succ(root)))]
        while work:
            v, edges = work[-1]
            descended = False
            for w in edges:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ(w))))
                    descended = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if descended:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == index[v]:
                component: list[K] = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                out.append(component)
    return out


def is_cycle(component: Sequence[K], succ: Callable[[K], Iterable[K]]) -> bool:
    return len(component) > 1 or component[0] in set(succ(component[0]))


def _names(names: Iterable[str]) -> str:
    return ", ".join(f"`{n}`" for n in sorted(names))


def import_cycles(env: Env) -> None:
    def succ(m: ModuleInfo) -> list[ModuleInfo]:
        return list(m.aliases.values())

    for component in components(env.infos, succ):
        if not is_cycle(component, succ):
            continue
        members = {id(m) for m in component}
        names = [m.name for m in component]
        for module in component:
            for alias, target in module.aliases.items():
                if id(target) in members:
                    imp = module.alias_imports[alias]
                    if len(component) == 1:
                        env.sink.error("DG108", imp.span, f"module `{module.name}` imports itself")
                    else:
                        env.sink.error("DG108", imp.span, f"import cycle between modules {_names(names)}", "move what they share into a module of its own")


def _named_in(t: ir.Type, out: list[tuple[str, str]]) -> None:
    if isinstance(t, ir.NamedType):
        out.append((t.module, t.name))
    elif isinstance(t, ir.ListType):
        _named_in(t.elem, out)
    elif isinstance(t, ir.MapType):
        _named_in(t.key, out)
        _named_in(t.value, out)
    elif isinstance(t, ir.OptionalType):
        _named_in(t.inner, out)


def _fields(item: TypeItem) -> list[tuple[ast.FieldDecl, ir.Type]]:
    """(field declaration, resolved type) of a record or of every variant of a union."""
    if isinstance(item, RecordInfo):
        return [(f, item.fields[f.name.name]) for f in item.decl.fields if f.name.name in item.fields]
    if isinstance(item, UnionInfo):
        out = []
        for variant in item.decl.variants:
            info = item.variants.get(variant.name.name)
            if info is not None and info.decl is variant:
                out += [(f, info.fields[f.name.name]) for f in variant.fields if f.name.name in info.fields]
        return out
    return []


def recursive_types(env: Env) -> None:
    items: list[TypeItem] = [i for i in env.types.values() if not isinstance(i, EnumInfo)]

    def refs(t: ir.Type) -> list[TypeItem]:
        found: list[tuple[str, str]] = []
        _named_in(t, found)
        return [env.types[k] for k in found if k in env.types]

    def succ(item: TypeItem) -> list[TypeItem]:
        return [r for _, t in _fields(item) for r in refs(t)]

    for component in components(items, succ):
        if not is_cycle(component, succ):
            continue
        members = {id(i) for i in component}
        for item in component:
            for decl, t in _fields(item):
                if any(id(r) in members for r in refs(t)):
                    kind = "record" if isinstance(item, RecordInfo) else "union"
                    where = "" if len(component) == 1 else f" (a cycle through {_names(i.name for i in component)})"
                    env.sink.error(
                        "DG303",
                        decl.type.span,
                        f"{kind} `{item.name}` contains itself through field `{decl.name.name}`{where}",
                        "recursive types are not allowed: refer to other values by id",
                    )
                    break


def recursive_functions(env: Env) -> None:
    calls = env.calls

    def succ(key: tuple[str, str]) -> list[tuple[str, str]]:
        return [callee for callee, _ in calls.get(key, ())]

    for component in components(list(calls), succ):
        if not is_cycle(component, succ):
            continue
        members = set(component)
        for key in component:
            for callee, span in calls.get(key, ()):
                if callee in members:
                    if len(component) == 1:
                        message = f"`{key[1]}` calls itself"
                    else:
                        message = f"`{key[1]}` is part of a recursive cycle: {_names(k[1] for k in component)}"
                    env.sink.error("DG304", span, message, "recursion is not allowed: use a loop")
                    break


def module_order(env: Env) -> list[ModuleInfo]:
    """Every module after the modules it imports; ties (and cycles) by name."""
    infos = env.infos
    waiting = {id(m): len({id(t) for t in m.aliases.values()} - {id(m)}) for m in infos}
    users: dict[int, list[ModuleInfo]] = {}
    for m in infos:
        for target in {id(t): t for t in m.aliases.values()}.values():
            if target is not m:
                users.setdefault(id(target), []).append(m)
    position = {id(m): i for i, m in enumerate(infos)}
    ready = [(m.name, m.source.path, i) for i, m in enumerate(infos) if waiting[id(m)] == 0]
    heapq.heapify(ready)
    out: list[ModuleInfo] = []
    done: set[int] = set()
    while len(out) < len(infos):
        if not ready:  # a cycle (already reported): release the first waiting module by name
            rest = sorted((m.name, m.source.path, i) for i, m in enumerate(infos) if id(m) not in done)
            heapq.heappush(ready, rest[0])
            waiting[id(infos[rest[0][2]])] = 0
        _, _, i = heapq.heappop(ready)
        module = infos[i]
        if id(module) in done:
            continue
        done.add(id(module))
        out.append(module)
        for user in users.get(id(module), []):
            waiting[id(user)] -= 1
            if waiting[id(user)] == 0 and id(user) not in done:
                heapq.heappush(ready, (user.name, user.source.path, position[id(user)]))
    return out
