"""Document symbols: a module's declarations with their fields, members and variants.

Consumes: a parsed `ast.Module` and the `LineTable` of its text.
Produces: `lsprotocol` `DocumentSymbol`s with the declaration's full range
(keyword to closing brace, found by `braces`: the syntax tree spans only
the name) and its name as the selection range
(children likewise).
"""

from __future__ import annotations

from lsprotocol import types as lsp

from ..source import Span
from ..syntax import ast
from .braces import body_end
from .positions import LineTable

K = lsp.SymbolKind


def document_symbols(tree: ast.Module, lines: LineTable) -> list[lsp.DocumentSymbol]:
    text = lines.text
    out: list[lsp.DocumentSymbol] = []
    for decl in tree.decls:
        start = _line_start(text, decl.span.offset)
        if isinstance(decl, (ast.TestDecl, ast.FnDecl)):
            end = body_end(text, decl.span.end_offset)
            name = f"test {decl.name!r}" if isinstance(decl, ast.TestDecl) else decl.name.name
            kind = K.Method if isinstance(decl, ast.TestDecl) else K.Function
            out.append(_symbol(lines, name, kind, (start, end), decl.span))
            continue
        if isinstance(decl, ast.ConstDecl):
            out.append(_symbol(lines, decl.name.name, K.Constant, (start, decl.span.end_offset), decl.name.span))
            continue
        children: list[lsp.DocumentSymbol] = []
        if isinstance(decl, ast.EnumDecl):
            kind = K.Enum
            children = [_symbol(lines, m.name.name, K.EnumMember, _own(m.span), m.name.span) for m in decl.members]
        elif isinstance(decl, ast.RecordDecl):
            kind = K.Struct
            children = [_symbol(lines, f.name.name, K.Field, _own(f.span), f.name.span) for f in decl.fields]
        else:
            kind = K.Enum
            for v in decl.variants:
                fields = [_symbol(lines, f.name.name, K.Field, _own(f.span), f.name.span) for f in v.fields]
                v_end = _closing(text, v.fields[-1].span.end_offset, ")") if v.fields else v.span.end_offset
                children.append(_symbol(lines, v.name.name, K.EnumMember, (v.span.offset, v_end), v.name.span, fields))
        out.append(_symbol(lines, decl.name.name, kind, (start, body_end(text, decl.span.end_offset)), decl.name.span, children))
    return out


def _own(span: Span) -> tuple[int, int]:
    return span.offset, span.end_offset


def _line_start(text: str, offset: int) -> int:
    """Where the declaration's line starts (after its indentation)."""
    start = text.rfind("\n", 0, offset) + 1
    return start + len(text[start:offset]) - len(text[start:offset].lstrip())


def _closing(text: str, pos: int, bracket: str) -> int:
    """Just past the `bracket` that closes a body whose last item ends at `pos`."""
    index = pos
    while index < len(text):
        char = text[index]
        if char == bracket:
            return index + 1
        if text.startswith("//", index):
            newline = text.find("\n", index)
            index = len(text) if newline == -1 else newline
        elif char.isspace() or char in ",;":
            index += 1
        else:
            break
    return pos


def _symbol(
    lines: LineTable,
    name: str,
    kind: lsp.SymbolKind,
    full: tuple[int, int],
    name_span: Span,
    children: list[lsp.DocumentSymbol] | None = None,
) -> lsp.DocumentSymbol:
    start = min(full[0], name_span.offset)
    end = max(full[1], name_span.end_offset)
    selection = lines.range(name_span.offset, name_span.end_offset)
    return lsp.DocumentSymbol(name=name, kind=kind, range=lines.range(start, end), selection_range=selection, children=children or None)
