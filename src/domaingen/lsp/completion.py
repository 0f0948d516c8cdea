"""Completion: names in scope, members after a dot, built-ins and keywords.

Consumes: the document text, the cursor offset and a way to analyse the
workspace with this document's text replaced (`Analyse`).
Produces: `lsprotocol` completion items. After `x.` it offers the fields of
a record value, the members of an enum, the variants of a union or the
items of an imported module; elsewhere the locals visible at the cursor,
the module's declarations, import aliases, built-ins (with signatures) and
keywords.

Text being typed rarely parses, so the document is analysed as written or
else with a placeholder name at the cursor and the lines that do not parse
replaced by spaces, one at a time (offsets before the cursor never move);
that text gives the scope. The receiver of a dot is the expression the checker typed
ending at the dot or, failing that, a dotted name resolved by hand.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from lsprotocol import types as lsp

from ..check.exprs import Static
from ..check.types import BUILTIN_TYPES
from ..check.scope import ConstInfo, EnumInfo, ModuleInfo, RecordInfo, UnionInfo
from ..ir import nodes as ir
from ..source import SourceFile
from ..syntax.parser import parse
from . import symbols as sym
from .analysis import Analysis, FileIndex
from .symbols import Symbol

Analyse = Callable[[str], Analysis]  # document text -> analysis of the workspace with it

_DOTTED = re.compile(r"([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*\.\s*(\w*)$")
_AFTER_DOT = re.compile(r"\.\s*(\w*)$")
_WORD = re.compile(r"\w*$")
_PLACEHOLDER = "__dg_complete__"
_BLANK_ROUNDS = 6

_KINDS = {
    "local": lsp.CompletionItemKind.Variable,
    "function": lsp.CompletionItemKind.Function,
    "const": lsp.CompletionItemKind.Constant,
    "enum": lsp.CompletionItemKind.Enum,
    "record": lsp.CompletionItemKind.Struct,
    "union": lsp.CompletionItemKind.Enum,
    "member": lsp.CompletionItemKind.EnumMember,
    "variant": lsp.CompletionItemKind.EnumMember,
    "field": lsp.CompletionItemKind.Field,
    "module": lsp.CompletionItemKind.Module,
    "builtin": lsp.CompletionItemKind.Function,
    "keyword": lsp.CompletionItemKind.Keyword,
    "type": lsp.CompletionItemKind.Class,
}


_TYPES = (ir.IntType, ir.FloatType, ir.BoolType, ir.StringType, ir.ListType, ir.MapType, ir.OptionalType, ir.NamedType)


def complete(path: str, text: str, offset: int, analyse: Analyse, fallback: tuple[FileIndex, Analysis] | None) -> list[lsp.CompletionItem]:
    line_start = text.rfind("\n", 0, offset) + 1
    prefix = text[line_start:offset]
    dot = _AFTER_DOT.search(prefix)
    index, analysis = _scope(path, text, offset, analyse, fallback)
    if dot is not None:
        receiver_end = line_start + dot.start()
        symbols = _members(path, prefix, receiver_end, offset, index, analysis)
    else:
        symbols = _names(index, offset)
    return [_item(s) for s in symbols]


def _scope(
    path: str, text: str, offset: int, analyse: Analyse, fallback: tuple[FileIndex, Analysis] | None
) -> tuple[FileIndex | None, Analysis | None]:
    for variant in _variants(path, text, offset):
        analysis = analyse(variant)
        index = analysis.files.get(path)
        if index is not None:
            return index, analysis
    return fallback if fallback is not None else (None, None)


def _variants(path: str, text: str, offset: int) -> list[str]:
    """The text as written, else with a placeholder at the cursor and the lines
    that do not parse blanked one by one (offsets never move); [] if none parses."""
    if _parses(path, text) is None:
        return [text]
    variant = text[:offset] + _PLACEHOLDER + text[offset:]
    for _ in range(_BLANK_ROUNDS):
        bad = _parses(path, variant)
        if bad is None:
            return [variant]
        start, end = _line_around(variant, bad)
        if not variant[start:bad].strip() and start > 0:  # first on its line: the line above is unfinished
            above = variant.rfind("\n", 0, start - 1) + 1
            while above > 0 and not variant[above : start - 1].strip():
                above = variant.rfind("\n", 0, above - 1) + 1
            if variant[above : start - 1].strip():
                start, end = above, _line_around(variant, above)[1]
        variant = variant[:start] + " " * (end - start) + variant[end:]
    return []


def _line_around(text: str, offset: int) -> tuple[int, int]:
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end == -1 else end


def _parses(path: str, text: str) -> int | None:
    """None if `text` parses, else the offset of its first syntax error."""
    tree, diags = parse(SourceFile(path, text))
    if tree is not None:
        return None
    first = next((d.span for d in diags if d.span is not None), None)
    return first.offset if first is not None else 0


def _names(index: FileIndex | None, offset: int) -> list[Symbol]:
    out: list[Symbol] = []
    info = index.info if index is not None else None
    if index is not None:
        out += index.locals_at(offset)
    if info is not None:
        out += [sym.item(item, info) for item in info.items.values()]
        out += [replace(sym.module(target), name=alias) for alias, target in info.aliases.items()]
    out += [sym.builtin(name) for name in sym.BUILTIN_SIGNATURES]
    out += [Symbol("type", name, name, note="built-in type") for name in BUILTIN_TYPES]
    out += [Symbol("keyword", word, word) for word in sym.KEYWORDS]
    seen: set[str] = set()
    unique = []
    for s in out:
        if s.name not in seen:
            seen.add(s.name)
            unique.append(s)
    return unique


def _members(path: str, prefix: str, receiver_end: int, offset: int, index: FileIndex | None, analysis: Analysis | None) -> list[Symbol]:
    if analysis is not None:
        static = analysis.static_ending_at(path, receiver_end)
        if static is not None:
            return _static_members(static)
        t = analysis.type_ending_at(path, receiver_end)
        if t is not None and index is not None and index.info is not None:
            return _value_members(analysis, t)
    dotted = _DOTTED.search(prefix)
    if dotted is None or index is None:
        return []
    names = [part.strip() for part in dotted.group(1).split(".")]
    return _resolve_chain(names, index, offset, analysis)


def _static_members(s: Static) -> list[Symbol]:
    if s.kind == "module" and s.module is not None:
        return [sym.item(item, s.module) for item in s.module.items.values()]
    return _item_members(s.item) if s.kind == "item" else []


def _item_members(item: object) -> list[Symbol]:
    if isinstance(item, EnumInfo):
        return [m for m in (sym.member(item, name) for name in item.members) if m is not None]
    if isinstance(item, UnionInfo):
        return [v for v in (sym.variant(item, name) for name in item.variants) if v is not None]
    return []


def _value_members(analysis: Analysis, t: ir.Type) -> list[Symbol]:
    env = analysis.env
    info = env.type_info(t) if env is not None else None
    if isinstance(info, RecordInfo):
        return [f for f in (sym.field(info, name, info.module, info.name) for name in info.fields) if f is not None]
    return []


def _resolve_chain(names: list[str], index: FileIndex, offset: int, analysis: Analysis | None) -> list[Symbol]:
    """Members of a dotted name (`p.profile`, `Rarity`, `items.Item`) resolved by hand."""
    info = index.info
    if info is None:
        return []
    first = names[0]
    current: object = None
    local = next((s for s in index.locals_at(offset) if s.name == first), None)
    if local is not None:
        current = local.type
    elif first in info.items:
        item = info.items[first]
        current = item.type if isinstance(item, ConstInfo) else item
    elif first in info.aliases:
        current = info.aliases[first]
    for name in names[1:]:
        current = _step(current, name, analysis)
    if isinstance(current, ModuleInfo):
        return [sym.item(item, current) for item in current.items.values()]
    if isinstance(current, (EnumInfo, UnionInfo)):
        return _item_members(current)
    if analysis is not None and isinstance(current, _TYPES):
        return _value_members(analysis, current)
    return []


def _step(current: object, name: str, analysis: Analysis | None) -> object:
    if isinstance(current, ModuleInfo):
        item = current.items.get(name)
        return item.type if isinstance(item, ConstInfo) else item
    env = analysis.env if analysis is not None else None
    if env is None or not isinstance(current, _TYPES):
        return None
    info = env.type_info(current)
    if isinstance(info, RecordInfo):
        return info.fields.get(name)
    return None


def _item(s: Symbol) -> lsp.CompletionItem:
    detail = s.signature.split("\n", 1)[0] if s.kind not in ("keyword", "type") else s.note
    doc = lsp.MarkupContent(lsp.MarkupKind.Markdown, s.doc.strip()) if s.doc else None
    kind = _KINDS.get(s.kind, lsp.CompletionItemKind.Text)
    return lsp.CompletionItem(label=s.name, kind=kind, detail=detail, documentation=doc)


