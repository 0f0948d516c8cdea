#!/usr/bin/env bash
# One-time (and idempotent) set-up for a fresh machine: everything the example
# and the test suite need. Called by `make example` and `make test`.
#   - Python package + test dependencies (pip, editable install)
#   - TypeScript compiler pinned in tools/package-lock.json (npm ci)
#   - Debian packages for the wasm32-wasip1 build (apt; only if missing)
# A stamp keyed on the dependency files makes repeated runs take a moment.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp_dir=.cache
mkdir -p "$stamp_dir"
key=$(cat pyproject.toml tools/package-lock.json editors/vscode/test/package-lock.json 2>/dev/null | sha256sum | cut -c1-16)
stamp="$stamp_dir/setup-$key"

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not installed ($2)" >&2; exit 1; }; }
need python3 "install Python 3.11+"
need go "install Go 1.21+ from https://go.dev/dl"
need cargo "install Rust with rustup"
need node "install Node.js 20+"
need npm "install npm (comes with Node.js)"

if [[ ! -f "$stamp" ]]; then
  echo "setup: installing Python dependencies" >&2
  python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
  if [[ -f tools/package-lock.json ]]; then
    echo "setup: installing the pinned TypeScript compiler (tools/)" >&2
    npm ci --prefix tools --no-audit --no-fund --loglevel=error
  fi
  if [[ -f editors/vscode/test/package-lock.json ]]; then
    echo "setup: installing the TextMate engine for the editor-grammar tests" >&2
    npm ci --prefix editors/vscode/test --no-audit --no-fund --loglevel=error
  fi
  touch "$stamp"
fi

# Debian's wasm toolchain, used when no rustup wasm32-wasip1 target is present
# (binaryen's wasm-opt shrinks the module when available).
wasm_pkgs=(rustc-web cargo-web rust-web-src wasi-libc lld-22 binaryen)
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for p in "${wasm_pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
fi
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages for the wasm build: ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: note: wasm tests need: sudo apt-get install ${missing[*]}" >&2
  fi
fi
