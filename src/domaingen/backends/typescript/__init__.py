"""The TypeScript target: `TypeScriptBackend` (see `backend`)."""
