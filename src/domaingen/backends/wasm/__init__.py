"""The WASM target: the Rust crate built for wasm32-wasip1, plus typed host bindings."""
