"""Symbols: what a name denotes, with its signature line, doc and definition.

Consumes: the checker's item records (`check.scope` infos), local variables
and built-in names.
Produces: `Symbol` values — kind, name, a one-line (or short) signature in
DSL syntax for hovers and completion details, the `///` doc, and the span of
the defining name (None for built-ins) — plus the signature table of the
built-ins (LANGUAGE.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..check import types as ty
from ..check.scope import ConstInfo, EnumInfo, FnInfo, Item, ModuleInfo, RecordInfo, UnionInfo, VariantInfo
from ..ir import nodes as ir
from ..source import Span
from ..syntax import ast


@dataclass(frozen=True)
class Symbol:
    kind: str  # function const enum record union member variant field local module builtin keyword
    name: str
    signature: str
    doc: str | None = None
    span: Span | None = None  # the defining name
    note: str | None = None  # e.g. "field of `Profile`"
    type: ir.Type | None = None  # a value's type (locals, fields, consts)


BUILTIN_SIGNATURES: dict[str, str] = {
    "len": "len(x: String | List<T> | Map<K, V>) -> Int",
    "abs": "abs(x: N) -> N",
    "min": "min(a: N, b: N) -> N",
    "max": "max(a: N, b: N) -> N",
    "clamp": "clamp(x: N, lo: N, hi: N) -> N",
    "float": "float(x: Int) -> Float",
    "int": "int(x: Float) -> Int",
    "floor": "floor(x: Float) -> Int",
    "ceil": "ceil(x: Float) -> Int",
    "round": "round(x: Float) -> Int",
    "trunc": "trunc(x: Float) -> Int",
    "sqrt": "sqrt(x: Float) -> Float",
    "pow": "pow(x: Float, y: Float) -> Float | pow(x: Int, y: Int) -> Int",
    "exp": "exp(x: Float) -> Float",
    "ln": "ln(x: Float) -> Float",
    "log10": "log10(x: Float) -> Float",
    "sin": "sin(x: Float) -> Float",
    "cos": "cos(x: Float) -> Float",
    "tan": "tan(x: Float) -> Float",
    "atan2": "atan2(y: Float, x: Float) -> Float",
    "to_string": "to_string(x: Int | Float | Bool | String) -> String",
    "parse_int": "parse_int(s: String) -> Int",
    "parse_float": "parse_float(s: String) -> Float",
    "contains": "contains(s: String, sub: String) -> Bool | contains(xs: List<T>, x: T) -> Bool",
    "starts_with": "starts_with(s: String, prefix: String) -> Bool",
    "ends_with": "ends_with(s: String, suffix: String) -> Bool",
    "substring": "substring(s: String, start: Int, end: Int) -> String",
    "index_of": "index_of(s: String, sub: String) -> Int",
    "to_upper": "to_upper(s: String) -> String",
    "to_lower": "to_lower(s: String) -> String",
    "trim": "trim(s: String) -> String",
    "split": "split(s: String, sep: String) -> List<String>",
    "join": "join(xs: List<String>, sep: String) -> String",
    "append": "append(xs: List<T>, x: T) -> List<T>",
    "concat": "concat(xs: List<T>, ys: List<T>) -> List<T>",
    "slice": "slice(xs: List<T>, start: Int, end: Int) -> List<T>",
    "reverse": "reverse(xs: List<T>) -> List<T>",
    "sort": "sort(xs: List<T>) -> List<T>",
    "sum": "sum(xs: List<N>) -> N",
    "min_of": "min_of(xs: List<N>) -> N",
    "max_of": "max_of(xs: List<N>) -> N",
    "get": "get(m: Map<K, V>, k: K) -> V?",
    "has": "has(m: Map<K, V>, k: K) -> Bool",
    "put": "put(m: Map<K, V>, k: K, v: V) -> Map<K, V>",
    "remove": "remove(m: Map<K, V>, k: K) -> Map<K, V>",
    "keys": "keys(m: Map<K, V>) -> List<K>",
    "values": "values(m: Map<K, V>) -> List<V>",
    "unwrap": "unwrap(x: T?) -> T",
    "is_some": "is_some(x: T?) -> Bool",
}

KEYWORDS = (
    "module import const enum record union fn test let var if then else match while for in break "
    "continue return require fail expect expect_error with and or not true false none"
).split()

_LOCAL_WORDS = {"param": "parameter", "let": "local", "var": "local", "loop": "loop variable", "binding": "match binding"}


def builtin(name: str) -> Symbol:
    return Symbol("builtin", name, BUILTIN_SIGNATURES.get(name, f"{name}(…)"), note="built-in function")


def local(name: ast.Ident, t: ir.Type, kind: str, here: str) -> Symbol:
    shown = ty.show(t, here)
    signature = f"{name.name}: {shown}" if kind == "param" else f"{'var' if kind == 'var' else 'let'} {name.name}: {shown}"
    return Symbol("local", name.name, signature, span=name.span, note=_LOCAL_WORDS.get(kind), type=t)


def module(info: ModuleInfo) -> Symbol:
    tree = info.tree
    span = tree.name[0].span if tree.name else tree.span
    if tree.name:
        last = tree.name[-1].span
        span = Span(span.path, span.line, span.col, last.end_line, last.end_col, span.offset, last.end_offset)
    return Symbol("module", info.name, f"module {info.name}", tree.doc, span)


def item(info: Item, source: ModuleInfo | None = None) -> Symbol:
    """A top-level declaration; `source` (its module) supplies a constant's text."""
    here = info.module
    decl = info.decl
    return replace(_item(info, source), note=f"in module `{here}`")


def _item(info: Item, source: ModuleInfo | None) -> Symbol:
    here = info.module
    decl = info.decl
    if isinstance(info, FnInfo):
        params = ", ".join(f"{name}: {ty.show(t, here)}" for name, t in info.params)
        signature = f"fn {info.name}({params}) -> {ty.show(info.ret, here)}"
        return Symbol("function", info.name, signature, decl.doc, decl.name.span)
    if isinstance(info, ConstInfo):
        value = source.text(info.decl.value.span) if source is not None else "…"
        signature = f"const {info.name}: {ty.show(info.type, here)} = {value}"
        return Symbol("const", info.name, signature, decl.doc, decl.name.span, type=info.type)
    if isinstance(info, EnumInfo):
        members = ", ".join(info.members)
        return Symbol("enum", info.name, f"enum {info.name} {{ {members} }}", decl.doc, decl.name.span)
    if isinstance(info, RecordInfo):
        fields = "".join(f"\n  {name}: {ty.show(t, here)}" for name, t in info.fields.items())
        return Symbol("record", info.name, f"record {info.name} {{{fields}\n}}", decl.doc, decl.name.span)
    assert isinstance(info, UnionInfo)
    variants = "".join(f"\n  {_variant_text(v, here)}" for v in info.variants.values())
    return Symbol("union", info.name, f"union {info.name} {{{variants}\n}}", decl.doc, decl.name.span)


def _variant_text(variant: VariantInfo, here: str) -> str:
    if not variant.decl.fields:
        return variant.name
    return f"{variant.name}(" + ", ".join(f"{n}: {ty.show(t, here)}" for n, t in variant.fields.items()) + ")"


def member(info: EnumInfo, name: str) -> Symbol | None:
    decl = next((m for m in info.decl.members if m.name.name == name), None)
    if decl is None:
        return None
    return Symbol("member", name, f"{info.name}.{name}", decl.doc, decl.name.span, f"member of enum `{info.name}`", info.type)


def variant(info: UnionInfo, name: str) -> Symbol | None:
    found = info.variants.get(name)
    if found is None:
        return None
    text = f"{info.name}.{_variant_text(found, info.module)}"
    return Symbol("variant", name, text, found.decl.doc, found.decl.name.span, f"variant of union `{info.name}`", info.type)


def field(owner: RecordInfo | VariantInfo, name: str, here: str, owner_name: str) -> Symbol | None:
    """A field of a record or of a union variant (`owner_name` as shown)."""
    t = owner.fields.get(name)
    decl = next((f for f in owner.decl.fields if f.name.name == name), None)
    if t is None or decl is None:
        return None
    return Symbol("field", name, f"{name}: {ty.show(t, here)}", decl.doc, decl.name.span, f"field of `{owner_name}`", t)
