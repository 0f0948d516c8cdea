"""The Go target: DSL modules to one Go package each, plus the `dgrt` runtime,
the `calls` table and the `cmd/replay` driver (docs/targets.md)."""
