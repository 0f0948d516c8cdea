"""The Rust target: a checked program -> a dependency-free Cargo crate.

Pipeline (one module per step): `naming` (cases, reserved words, escaping)
-> `types` (type spellings) -> `exprs` / `stmts` (+ `anchors`, `liveness`,
`builtins`) turn function bodies into Rust -> `views` builds one context per
file -> templates in `templates/rust/` -> `format` (rustfmt, cached). The
runtime `src/dgrt/` is copied from `templates/rust/runtime/`.

Decisions other targets may want to know:

* functions take parameters by value and return `Result<T, dgrt::Error>`;
  a local is cloned when read unless `liveness` proves the read is its last;
* evaluation order is Rust's own left-to-right order (arguments, `vec!`,
  struct fields as written); `with` on a local is struct-update syntax;
* map iteration is `BTreeMap` order; `sort` is stable over `partial_cmp`;
* every error message (`Int overflow in +`, decode paths) is the
  interpreter's, byte for byte — `replay --call` prints them.
"""
