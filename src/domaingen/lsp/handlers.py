"""The LSP methods of `domaingen lsp`, registered on a `DomaingenServer`.

Consumes: pygls notifications and requests (lsprotocol params).
Produces: diagnostics refreshes (open/change/close/save), and the answers
to hover, definition, completion, documentSymbol and formatting, each
through `server.guarded` so a failure answers "nothing".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types as lsp

from ..syntax.parser import parse
from ..source import SourceFile
from . import completion, hover, outline
from .analysis import Analysis, analyze
from .workspace import uri_to_path

if TYPE_CHECKING:
    from .server import DomaingenServer


def register(server: DomaingenServer) -> None:
    from .server import guarded

    @server.feature(lsp.INITIALIZED)
    @guarded(server)
    def initialized(params: lsp.InitializedParams) -> None:
        server.sync_roots()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    @guarded(server)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        path = server.view.set_document(params.text_document.uri, params.text_document.text)
        server.refresh(path)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(server)
    def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        text = server.workspace.get_text_document(uri).source  # pygls applied the (incremental) changes
        path = server.view.set_document(uri, text)
        server.texts = {}
        server.generation += 1
        server.schedule(path)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    @guarded(server)
    def did_save(params: lsp.DidSaveTextDocumentParams) -> None:
        server.refresh(uri_to_path(params.text_document.uri))

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(server)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        path = server.view.close_document(params.text_document.uri)
        server.refresh(path)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    @guarded(server)
    def on_hover(params: lsp.HoverParams) -> lsp.Hover | None:
        found = server.index(params.text_document.uri)
        if found is None:
            return None
        index, _ = found
        table = server.lines(index.path)
        text = hover.hover_text(index, table.offset(params.position))
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text)) if text else None

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    @guarded(server)
    def on_definition(params: lsp.DefinitionParams) -> lsp.Location | None:
        found = server.index(params.text_document.uri)
        if found is None:
            return None
        index, analysis = found
        symbol = index.symbol_at(server.lines(index.path).offset(params.position))
        if symbol is None or symbol.span is None:
            return None
        target = analysis.files.get(symbol.span.path)
        table = server.lines(symbol.span.path) if target is None else server.lines_of(target.source.text)
        return lsp.Location(server.view.uri(symbol.span.path), table.range(symbol.span.offset, symbol.span.end_offset))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["."]))
    @guarded(server)
    def on_completion(params: lsp.CompletionParams) -> lsp.CompletionList | None:
        path = uri_to_path(params.text_document.uri)
        text = server.view.open.get(path)
        if text is None:
            return None
        offset = server.lines(path).offset(params.position)
        server.current()

        def analyse(variant: str) -> Analysis:
            if variant == text:
                return server.current()
            return analyze({**server.texts, path: variant})

        items = completion.complete(path, text, offset, analyse, server.last_good.get(path))
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded(server)
    def on_symbols(params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol] | None:
        path = uri_to_path(params.text_document.uri)
        text = server.view.open.get(path)
        tree = parse(SourceFile(path, text))[0] if text is not None else None
        if tree is None:
            found = server.index(params.text_document.uri)
            if found is None:
                return None
            tree, text = found[0].tree, found[0].source.text
        assert text is not None
        return outline.document_symbols(tree, server.lines_of(text))

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    @guarded(server)
    def on_format(params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
        path = uri_to_path(params.text_document.uri)
        text = server.view.open.get(path)
        if text is None:
            return None
        formatted = format_text(text, path)
        if formatted is None or formatted == text:
            return []
        table = server.lines_of(text)
        return [lsp.TextEdit(table.range(0, len(text)), formatted)]


def format_text(text: str, path: str) -> str | None:
    """The formatter's output, or None when there is no formatter or it refuses."""
    try:
        from .. import fmt
    except ImportError:
        return None
    formatter = getattr(fmt, "format_text", None)
    if formatter is None:
        return None
    result, diags = formatter(text, path)
    if any(d.severity == "error" for d in diags) or not isinstance(result, str):
        return None
    return result
