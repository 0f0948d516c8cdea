"""`match` expressions on enums, unions and optionals.

Consumes: `ast.Match` (through the dispatch of `exprs.ExprChecker`).
Produces: `ir.MatchEnum` (bare member names, `A, B => …` arms),
`ir.MatchUnion` (`V(x, _)` binds every field positionally, `_` as None) and
`ir.MatchOptional` (`some(v)`/`none`, a `_` arm normalised into whichever
branch is missing). Arm bodies unify like `if` branches. Diagnostics: DG212
for a pattern that does not fit, DG107 for an unknown member or variant,
DG311 for an arm that can never be chosen (after `_`, repeated, or a `_`
when everything is covered), DG301 for a match that is not exhaustive,
DG109/DG111 for bindings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import diagnostics as dg
from ..ir import nodes as ir
from ..syntax import ast
from . import types as ty
from .exprs import ExprChecker
from .scope import EnumInfo, LocalVar, UnionInfo
from .types import ERROR, Type


@dataclass
class _Arm:
    """One written arm after its patterns are read."""

    node: ast.MatchArm
    keys: list[str] = field(default_factory=list)  # members / variants / "some" / "none"
    bindings: dict[str, tuple[str | None, ...]] = field(default_factory=dict)  # per key
    wild: bool = False
    live: bool = True  # False: reported as redundant, left out of the IR
    body: ir.Expr | None = None


class MatchChecker(ExprChecker):
    def infer_match(self, e: ast.Match, hint: Type | None) -> ir.Expr:
        scrutinee = self.infer(e.scrutinee, None)
        t = scrutinee.type
        info = self.env.type_info(t)
        if isinstance(info, EnumInfo):
            keys: dict[str, list[Type]] = {m: [] for m in info.members}
            what, kind = f"enum `{self.show(t)}`", "member"
        elif isinstance(info, UnionInfo):
            keys = {name: list(v.fields.values()) for name, v in info.variants.items()}
            what, kind = f"union `{self.show(t)}`", "variant"
        elif isinstance(t, ir.OptionalType):
            keys = {"some": [t.inner], "none": []}
            what, kind = self.show(t), "optional"
        else:
            if not ty.has_error(t):
                self.error("DG212", e.scrutinee.span, f"cannot match on a value of type {self.show(t)}", "`match` works on enums, unions and optionals")
            for arm in e.arms:
                self.locals.push()
                for pattern in arm.patterns:
                    for name in _binding_names(pattern):
                        self.locals.declare(LocalVar(name.name, ERROR, "binding"))
                self.infer(arm.body, None)
                self.locals.pop()
            return self.bad(e.span)
        before = len(self.sink.diags)
        arms = self._read_arms(e, keys, kind, what)
        # coverage is known unless a pattern was unusable (not merely redundant)
        sure = not any(d.code in ("DG107", "DG212") for d in self.sink.diags[before:])
        _, result = self._bodies(arms, keys, hint)
        covered = {k for a in arms if a.live for k in a.keys}
        has_default = any(a.wild and a.live for a in arms)
        missing = [k for k in keys if k not in covered]
        if missing and not has_default and sure:
            shown = ", ".join(f"`{k}(…)`" if kind == "optional" and k == "some" else f"`{k}`" for k in missing)
            self.error("DG301", e.span, f"this match on {what} does not cover {shown}", "add the missing arms or a final `_ => …`")
        live = [a for a in arms if a.live]
        if isinstance(info, EnumInfo):
            enum_arms = tuple(ir.new(ir.EnumArm, members=tuple(a.keys), body=a.body, span=a.node.span) for a in live if a.keys)
            default = next((a.body for a in live if a.wild), None)
            return ir.new(ir.MatchEnum, type=result, scrutinee=scrutinee, arms=enum_arms, default=default, span=e.span)
        if isinstance(info, UnionInfo):
            union_arms = tuple(
                ir.new(ir.UnionArm, variant=k, bindings=a.bindings.get(k, (None,) * len(keys[k])), body=a.body, span=a.node.span)
                for a in live
                for k in a.keys
            )
            default = next((a.body for a in live if a.wild), None)
            return ir.new(ir.MatchUnion, type=result, scrutinee=scrutinee, arms=union_arms, default=default, span=e.span)
        return self._optional_ir(e, scrutinee, result, live)

    def _optional_ir(self, e: ast.Match, scrutinee: ir.Expr, result: Type, live: list[_Arm]) -> ir.Expr:
        some = next((a for a in live if "some" in a.keys), None)
        none = next((a for a in live if "none" in a.keys), None)
        wild = next((a for a in live if a.wild), None)
        fallback = wild.body if wild is not None else self.bad(e.span)
        some_body = some.body if some is not None else fallback
        none_body = none.body if none is not None else fallback
        binding = some.bindings.get("some", (None,))[0] if some is not None else None
        return ir.new(
            ir.MatchOptional,
            type=result,
            scrutinee=scrutinee,
            binding=binding,
            some_body=some_body,
            none_body=none_body,
            span=e.span,
        )

    def _read_arms(self, e: ast.Match, keys: dict[str, list[Type]], kind: str, what: str) -> list[_Arm]:
        arms: list[_Arm] = []
        covered: set[str] = set()
        wild_seen = False
        for node in e.arms:
            arm = _Arm(node)
            arms.append(arm)
            if wild_seen:
                self.error("DG311", node.span, "this arm can never be chosen: a `_` arm above covers everything")
                arm.live = False
            for pattern in node.patterns:
                self._read_pattern(arm, pattern, keys, kind, what, covered, report=arm.live)
            if arm.wild and arm.live:
                if all(k in covered for k in keys):
                    span = next(p.span for p in node.patterns if isinstance(p, ast.WildcardPat))
                    self.error("DG311", span, "this `_` can never be chosen: every case is already covered")
                wild_seen = True
            if len(node.patterns) > 1:
                for name in (n for p in node.patterns for n in _binding_names(p)):
                    self.error("DG212", name.span, "an arm with several patterns cannot bind names", "bind with `_` or split the arm")
        return arms

    def _read_pattern(
        self,
        arm: _Arm,
        pattern: ast.Pattern,
        keys: dict[str, list[Type]],
        kind: str,
        what: str,
        covered: set[str],
        report: bool,
    ) -> None:
        if isinstance(pattern, ast.WildcardPat):
            arm.wild = True
            return
        key: str | None = None
        bindings: tuple[ast.Ident, ...] | None = None
        if isinstance(pattern, ast.NonePat):
            key = "none" if kind == "optional" else None
        elif isinstance(pattern, ast.SomePat):
            key, bindings = ("some", (pattern.binding,)) if kind == "optional" else (None, None)
        elif kind == "optional":
            if pattern.name.name == "some":
                self.error("DG212", pattern.span, "`some(…)` binds exactly one value", "write `some(v)`")
                return
        elif pattern.name.name not in keys:
            self.error("DG107", pattern.name.span, f"{what} has no {kind} `{pattern.name.name}`", dg.did_you_mean(pattern.name.name, keys))
            return
        else:
            key, bindings = pattern.name.name, pattern.bindings
        if key is None:
            text = _pattern_text(pattern)
            hint = "write `some(v)` or `none`" if kind == "optional" else None
            self.error("DG212", pattern.span, f"the pattern `{text}` does not fit {what}", hint)
            return
        fields = keys[key]
        if kind == "member" and bindings is not None:
            self.error("DG212", pattern.span, f"enum member `{key}` has no fields to bind", f"write `{key}`")
            return
        if kind == "variant" and len(bindings or ()) != len(fields) and (bindings is not None or fields):
            count = len(fields)
            example = ", ".join("_" for _ in fields)
            hint = f"write `{key}({example})`" if fields else f"write `{key}`"
            self.error("DG212", pattern.span, f"variant `{key}` has {count} field{'s' if count != 1 else ''}, the pattern binds {len(bindings or ())}", hint)
            return
        if key in covered:
            if report:
                self.error("DG311", pattern.span, f"`{key}` is already covered by an arm above")
            return
        covered.add(key)
        arm.keys.append(key)
        if bindings:
            names: list[str | None] = []
            for ident in bindings:
                if ident.name == "_":
                    names.append(None)
                elif ident.name in names:
                    self.error("DG109", ident.span, f"binding `{ident.name}` is given twice")
                    names.append(None)
                else:
                    names.append(ident.name)
            if len(arm.node.patterns) == 1:
                arm.bindings[key] = tuple(names)

    def _bodies(self, arms: list[_Arm], keys: dict[str, list[Type]], hint: Type | None) -> tuple[list[ir.Expr], Type]:
        results: list[ir.Expr | None] = []
        for arm in arms:
            self.locals.push()
            if arm.bindings:
                key, names = next(iter(arm.bindings.items()))
                for name, ident, t in zip(names, _idents(arm.node), keys[key]):
                    if name is not None:
                        self.declare_local(ident, t, "binding")
            else:  # unusable bindings (already reported): declare them to avoid cascades
                for pattern in arm.node.patterns:
                    for ident in _binding_names(pattern):
                        self.locals.declare(LocalVar(ident.name, ERROR, "binding"))
            results.append(self.infer_branch(arm.node.body, hint))
            self.locals.pop()
        bodies, t = self.join([a.node.body for a in arms], results, "arm")
        for arm, body in zip(arms, bodies):
            arm.body = body
        return bodies, t

    def declare_local(self, name: ast.Ident, t: Type, kind: str) -> None:
        raise NotImplementedError


def _pattern_text(pattern: ast.Pattern) -> str:
    if isinstance(pattern, ast.NonePat):
        return "none"
    if isinstance(pattern, ast.SomePat):
        return f"some({pattern.binding.name})"
    if isinstance(pattern, ast.CasePat):
        if pattern.bindings is None:
            return pattern.name.name
        return f"{pattern.name.name}({', '.join(b.name for b in pattern.bindings)})"
    return "_"


def _binding_names(pattern: ast.Pattern) -> list[ast.Ident]:
    if isinstance(pattern, ast.SomePat):
        return [] if pattern.binding.name == "_" else [pattern.binding]
    if isinstance(pattern, ast.CasePat) and pattern.bindings:
        return [b for b in pattern.bindings if b.name != "_"]
    return []


def _idents(arm: ast.MatchArm) -> tuple[ast.Ident, ...]:
    pattern = arm.patterns[0]
    if isinstance(pattern, ast.SomePat):
        return (pattern.binding,)
    if isinstance(pattern, ast.CasePat) and pattern.bindings:
        return pattern.bindings
    return ()
