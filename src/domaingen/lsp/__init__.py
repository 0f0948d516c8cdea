"""The language server: editor features over the front end.

Consumes: documents and requests from an LSP client (via `server`).
Produces: diagnostics, hovers, definitions, completions, document symbols
and formatting edits. `analysis` re-runs the checker's passes with a
recording body checker to index every name use; the other modules answer
one request kind each from that index. Nothing here edits the checker.
"""
