"""Building the WASM crate into a `.wasm` (used by `domaingen build --target wasm`).

Consumes: a generated `wasm/` folder (its `crate/`).
Produces: `wasm/<crate>.wasm`, also copied next to each host binding
(`python/<pkg>_wasm/`, `typescript/`, `go/`), or a `BuildError` saying what
to install. Toolchains, first found wins:
  1. rustup's `wasm32-wasip1` target (`rustup target add wasm32-wasip1`);
  2. Debian's rustc-web/cargo-web with `-Zbuild-std` (std sources from
     rust-web-src, libc from wasi-libc, linked by lld), plus
     `-Cpanic=immediate-abort` and std's `optimize_for_size`.
`wasm-opt -Oz` (binaryen) shrinks the result when it is installed.
The cargo target folder is shared: ~/.cache/domaingen/cargo-target-wasm.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ...verify import CACHE

TARGET = "wasm32-wasip1"
TARGET_DIR = CACHE / "cargo-target-wasm"
DEBIAN_LIBC = Path("/usr/lib/wasm32-wasi")
DEBIAN_STD_SRC = Path("/usr/lib/rustlib/src/rust/library")
INSTALL_HINT = (
    "no Rust toolchain for wasm32-wasip1: run `rustup target add wasm32-wasip1`, "
    "or on Debian `apt-get install rustc-web cargo-web rust-web-src wasi-libc lld`"
)


class BuildError(Exception):
    """The `.wasm` could not be built; the message says why and what to do."""


@dataclass(frozen=True)
class Toolchain:
    name: str
    argv: list[str]
    env: dict[str, str]


def _rustup_target_ready() -> bool:
    rustc = shutil.which("rustc")
    if rustc is None:
        return False
    done = subprocess.run(
        [rustc, "--print", "target-libdir", "--target", TARGET], capture_output=True, text=True, check=False
    )
    return done.returncode == 0 and Path(done.stdout.strip()).is_dir()


def find_toolchain() -> Toolchain:
    base = ["build", "--release", "--lib", "--target", TARGET]
    if _rustup_target_ready() and shutil.which("cargo"):
        return Toolchain("rustup", [shutil.which("cargo") or "cargo", *base], {})
    debian = [Path("/usr/bin/cargo"), Path("/usr/bin/rustc"), DEBIAN_LIBC / "libc.a", DEBIAN_STD_SRC]
    if all(p.exists() for p in debian):
        # build-std is nightly-only anyway (RUSTC_BOOTSTRAP), so also take the two
        # size features that need it: no panic machinery at all (a panic is a
        # bare `unreachable` trap) and std's optimize_for_size.
        flags = f"-L {DEBIAN_LIBC} -C link-self-contained=no -Zunstable-options -Cpanic=immediate-abort"
        env = {
            "PATH": "/usr/bin:" + os.environ.get("PATH", ""),
            "RUSTC": "/usr/bin/rustc",
            "RUSTC_BOOTSTRAP": "1",
            "RUSTFLAGS": flags,
        }
        return Toolchain("debian rustc-web + build-std", ["/usr/bin/cargo", *base, "-Zbuild-std=std,panic_abort", "-Zbuild-std-features=optimize_for_size"], env)
    raise BuildError(INSTALL_HINT)


def crate_name(crate_dir: Path) -> str:
    text = (crate_dir / "Cargo.toml").read_text(encoding="utf-8")
    found = re.search(r'^\[lib\]\s*\nname = "([^"]+)"', text, re.M)
    if not found:
        raise BuildError(f"{crate_dir / 'Cargo.toml'} has no [lib] name: run `domaingen generate -t wasm`")
    return found.group(1)


def build(wasm_dir: Path, timeout: float = 1800) -> tuple[Path, str]:
    """Build `wasm_dir/crate`; returns the `.wasm` path and a one-line report."""
    crate_dir = wasm_dir / "crate"
    if not (crate_dir / "Cargo.toml").is_file():
        raise BuildError(f"{crate_dir} does not exist: run `domaingen generate -t wasm` first")
    tool = find_toolchain()
    name = crate_name(crate_dir)
    out = wasm_dir / f"{name}.wasm"
    stamp = wasm_dir / ".wasm-build-stamp"
    digest = _digest(crate_dir, tool)
    if out.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
        for host in _host_dirs(wasm_dir):
            _copy(out, host / out.name)
        return out, f"{out} ({out.stat().st_size:,} bytes; up to date)"
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    with open(TARGET_DIR / ".domaingen-wasm.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # build + copy as one step: the target folder is shared
        optimiser = _cargo(crate_dir, tool, name, out, timeout)
    for host in _host_dirs(wasm_dir):
        _copy(out, host / out.name)
    stamp.write_text(digest, encoding="utf-8")
    note = "wasm-opt -Oz" if optimiser else "no wasm-opt (apt-get install binaryen to shrink it)"
    return out, f"{out} ({out.stat().st_size:,} bytes; {tool.name}; {note})"


def _cargo(crate_dir: Path, tool: Toolchain, name: str, out: Path, timeout: float) -> bool:
    """Runs cargo and writes `out` (through wasm-opt when present); True when wasm-opt ran."""
    # The shared target folder may hold another project's crate of the same
    # name (cargo would call ours fresh and leave theirs): force our relink.
    os.utime(crate_dir / "src" / "lib.rs")
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET_DIR), **tool.env)
    try:
        done = subprocess.run(tool.argv, cwd=crate_dir, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BuildError(f"cargo build timed out after {timeout:.0f} s") from None
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-20:])
        raise BuildError(f"cargo build failed ({tool.name}):\n{tail}")
    built = TARGET_DIR / TARGET / "release" / f"{name}.wasm"
    optimiser = shutil.which("wasm-opt")
    if optimiser:
        subprocess.run([optimiser, "-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
                        "--enable-mutable-globals", str(built), "-o", str(out)], check=True, capture_output=True)
    else:
        _copy(built, out)
    return optimiser is not None


def _digest(crate_dir: Path, tool: Toolchain) -> str:
    """What the `.wasm` depends on: the crate's files, the toolchain and its flags, wasm-opt."""
    digest = hashlib.sha256(repr((tool.argv, sorted(tool.env.items()), shutil.which("wasm-opt"))).encode())
    for path in sorted(p for p in crate_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(crate_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _host_dirs(wasm_dir: Path) -> list[Path]:
    found = [p for p in (wasm_dir / "python").glob("*_wasm") if p.is_dir()]
    return found + [p for p in (wasm_dir / "typescript", wasm_dir / "go") if p.is_dir()]


def _copy(src: Path, dst: Path) -> None:
    tmp = dst.with_suffix(".tmp")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)
