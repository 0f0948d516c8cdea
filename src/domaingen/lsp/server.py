"""The language server: pygls wiring for `domaingen lsp` (stdio).

Consumes: LSP messages from an editor (documents opened/changed/closed,
hover, definition, completion, document symbols, formatting requests).
Produces: `publishDiagnostics` for every document whose diagnostics
changed (the front end's own diagnostics: code, message + hint, severity,
range in the negotiated encoding, UTF-16 by default) and the answers to
requests, computed by `analysis`, `hover`, `completion` and `outline`.

Every handler is guarded: a bug in a feature logs a message and answers
"nothing" instead of taking the server down.
"""

from __future__ import annotations

import asyncio
import functools
import traceback
from typing import Callable, ParamSpec, TypeVar

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..diagnostics import Diagnostic
from ..frontend import load_texts
from .analysis import Analysis, FileIndex, analyze
from .positions import LineTable
from .workspace import WorkspaceView, uri_to_path

P = ParamSpec("P")
R = TypeVar("R")
DEBOUNCE_SECONDS = 0.15


class DomaingenServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("domaingen", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.view = WorkspaceView()
        self.texts: dict[str, str] = {}
        self.generation = 0
        self.analysis: tuple[int, Analysis] | None = None
        self.last_good: dict[str, tuple[FileIndex, Analysis]] = {}
        self.published: set[str] = set()
        self.pending: asyncio.TimerHandle | None = None

    # --- state -----------------------------------------------------------------
    @property
    def encoding(self) -> str:
        value = self.workspace.position_encoding
        return str(getattr(value, "value", value) or "utf-16")

    def sync_roots(self) -> None:
        roots = [uri_to_path(folder.uri) for folder in self.workspace.folders.values()]
        if not roots and self.workspace.root_path:
            roots = [self.workspace.root_path]
        self.view.roots = roots

    def current(self) -> Analysis:
        if self.analysis is None or self.analysis[0] != self.generation:
            self.texts = self.texts or self.view.texts()
            result = analyze(self.texts)
            for path, index in result.files.items():
                self.last_good[path] = (index, result)
            self.analysis = (self.generation, result)
        return self.analysis[1]

    def index(self, uri: str) -> tuple[FileIndex, Analysis] | None:
        path = uri_to_path(uri)
        analysis = self.current()
        found = analysis.files.get(path)
        return (found, analysis) if found is not None else self.last_good.get(path)

    def lines_of(self, text: str) -> LineTable:
        return LineTable(text, self.encoding)

    def lines(self, path: str) -> LineTable:
        text = self.view.open.get(path)
        if text is None:
            text = self.texts.get(path, "")
        return LineTable(text, self.encoding)

    # --- diagnostics -------------------------------------------------------------
    def refresh(self, trigger: str | None) -> None:
        """Re-check the workspace view and publish what changed."""
        self.pending = None
        self.sync_roots()
        self.texts = self.view.texts()
        self.generation += 1
        front = load_texts(self.texts)
        per_path: dict[str, list[lsp.Diagnostic]] = {path: [] for path in self.view.open}
        tables: dict[str, LineTable] = {}
        for diag in front.diagnostics:
            path = diag.span.path if diag.span is not None else trigger
            if path is None:
                continue
            table = tables.get(path) or tables.setdefault(path, LineTable(self.texts.get(path, ""), self.encoding))
            per_path.setdefault(path, []).append(to_lsp(diag, table))
        for path in self.published - per_path.keys():
            per_path[path] = []
        for path, diags in per_path.items():
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=self.view.uri(path), diagnostics=diags))
        self.published = {path for path, diags in per_path.items() if diags}

    def schedule(self, trigger: str) -> None:
        if self.pending is not None:
            self.pending.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.refresh(trigger)
            return
        self.pending = loop.call_later(DEBOUNCE_SECONDS, guarded(self)(lambda: self.refresh(trigger)))


def to_lsp(diag: Diagnostic, table: LineTable) -> lsp.Diagnostic:
    message = diag.message + (f"\nhint: {diag.hint}" if diag.hint else "")
    severity = lsp.DiagnosticSeverity.Error if diag.severity == "error" else lsp.DiagnosticSeverity.Warning
    tags = [lsp.DiagnosticTag.Unnecessary] if diag.code == "DG112" else None
    return lsp.Diagnostic(
        range=table.span_range(diag.span), message=message, severity=severity, code=diag.code, source="domaingen", tags=tags
    )


class guarded:
    """Log instead of raising: a feature bug must never stop the server (answers None)."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server

    def __call__(self, func: Callable[P, R]) -> Callable[P, R | None]:
        server = self.server

        @functools.wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return func(*args, **kwargs)
            except Exception:  # noqa: BLE001
                text = traceback.format_exc(limit=8)
                try:
                    server.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"domaingen: {text}"))
                except Exception:  # noqa: BLE001
                    pass
                return None

        return run


def build() -> DomaingenServer:
    server = DomaingenServer()
    from . import handlers

    handlers.register(server)
    return server


def serve() -> None:
    """Speak LSP on stdin/stdout until the client says `exit`."""
    build().start_io()
