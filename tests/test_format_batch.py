"""rustfmt and gofmt: static runtimes committed formatter-clean (so never formatted),
batches of cache misses in one process (same bytes as one file at a time),
errors that name the file, and cold `generate` equal to warm for Rust and Go."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from domaingen import formatcache
from domaingen.backends import get_backend
from domaingen.backends.base import BaseBackend, TargetOptions
from domaingen.backends.go.backend import GoBackend
from domaingen.backends.go import format as gofmt
from domaingen.backends.rust import format as rustfmt
from domaingen.backends.rust.backend import RustBackend
from domaingen.frontend import load_texts

needs_rustfmt = pytest.mark.skipif(shutil.which("rustfmt") is None, reason="rustfmt is not installed")
needs_gofmt = pytest.mark.skipif(shutil.which("gofmt") is None, reason="gofmt is not installed")
BACKENDS: dict[str, type[BaseBackend]] = {"rust": RustBackend, "go": GoBackend}

SOURCES = {
    "src/shop.dg": "module shop\nrecord Item {\n  name: String\n  price: Int\n}\n"
    "fn total(items: List<Item>, rate: Float) -> Float {\n  var sum = 0\n"
    "  for item in items {\n    sum += item.price\n  }\n  return float(sum) * rate\n}\n",
    "src/tax.dg": "module tax\nfn rate(cents: Int) -> Int {\n  if cents > 100 {\n    return cents / 10\n  }\n  return 0\n}\n",
}


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _emitted_runtime(target: str, folder: Path) -> dict[str, str]:
    backend = BACKENDS[target]()
    files = backend.runtime_files(TargetOptions(package=backend.default_package))
    assert files
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8", newline="")
    return files


@needs_rustfmt
def test_rust_runtime_as_emitted_is_rustfmt_clean(tmp_path: Path) -> None:
    files = _emitted_runtime("rust", tmp_path)
    (tmp_path / "rustfmt.toml").write_text("", encoding="utf-8")
    paths = [str(tmp_path / rel) for rel in files]
    proc = subprocess.run(
        ["rustfmt", "--edition", "2021", "--check", "--config-path", str(tmp_path), *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, "templates/rust/runtime/ is not rustfmt-clean:\n" + proc.stdout + proc.stderr


@needs_gofmt
def test_go_runtime_as_emitted_is_gofmt_clean(tmp_path: Path) -> None:
    _emitted_runtime("go", tmp_path)
    proc = subprocess.run(["gofmt", "-l", str(tmp_path)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout == "", "templates/go/runtime/ is not gofmt-clean:\n" + proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "target, format_files",
    [("rust", rustfmt.format_files), pytest.param("go", gofmt.format_files, marks=needs_gofmt)],
)
def test_runtime_files_are_never_formatted(target: str, format_files: object) -> None:
    files = BACKENDS[target]().runtime_files(TargetOptions(package="domain"))
    with formatcache.deferred() as jobs:
        out = format_files(files)  # type: ignore[operator]
    assert out == files and not jobs


def _unformatted(target: str) -> list[tuple[str, str]]:
    """The generated files of `SOURCES` that go to the formatter, as rendered."""
    front = load_texts(SOURCES)
    assert front.program is not None
    backend = get_backend(target)
    with formatcache.deferred() as jobs:
        backend.generate(front.program, TargetOptions(package=backend.default_package))
    assert len(jobs) > 3
    return [(job.name, str(job)) for job in jobs]


@needs_rustfmt
def test_rustfmt_batch_equals_one_file_at_a_time() -> None:
    named = _unformatted("rust")
    assert any(rustfmt._MOD.search(text) for _, text in named)  # `mod x;` files are in the batch
    exe = shutil.which("rustfmt")
    assert exe is not None
    batch = rustfmt._rustfmt_batch(exe, [text for _, text in named])
    assert batch == [rustfmt._rustfmt_one(exe, name, text) for name, text in named]
    assert rustfmt.rustfmt_many(named) == batch


@needs_gofmt
def test_gofmt_batch_equals_one_file_at_a_time() -> None:
    named = _unformatted("go")
    exe = shutil.which("gofmt")
    assert exe is not None
    batch = gofmt._gofmt_batch(exe, [text for _, text in named])
    assert batch == [gofmt._gofmt_one(exe, name, text) for name, text in named]
    assert gofmt.gofmt_many(named) == batch


@needs_rustfmt
def test_rustfmt_failure_names_the_file() -> None:
    with pytest.raises(rustfmt.FormatError, match=r"src/broken\.rs \(a domaingen bug\)"):
        rustfmt.rustfmt_many([("src/fine.rs", "fn  a() {}\n"), ("src/broken.rs", "fn b( {\n")])


@needs_gofmt
def test_gofmt_failure_names_the_file() -> None:
    with pytest.raises(gofmt.GofmtError, match=r"dgrt_user/broken\.go \(a domaingen bug\)"):
        gofmt.gofmt_many([("a/fine.go", "package a\nfunc  A() {}\n"), ("dgrt_user/broken.go", "package b\nfunc B( {\n")])


@needs_rustfmt
def test_a_batch_rustfmt_cannot_take_falls_back_to_one_file_at_a_time() -> None:
    """A `mod` file the batch has no stand-in for (inside an inline module)."""
    nested = "mod outer {\n    mod inner;\n}\nfn  a() {}\n"
    assert rustfmt.rustfmt_many([("src/a.rs", nested), ("src/b.rs", "fn  b() {}\n")]) == [
        "mod outer {\n    mod inner;\n}\nfn a() {}\n",
        "fn b() {}\n",
    ]


@needs_rustfmt
def test_no_rustfmt_toml_of_the_caller_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "rustfmt.toml").write_text("max_width = 20\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    text = "fn main() {\n    let x = foo(aaaaaaa, bbbbbbbbb);\n}\n"
    assert rustfmt.rustfmt_many([("a.rs", text)]) == [text]
    assert rustfmt.rustfmt_many([("a.rs", text), ("b.rs", text)]) == [text, text]


@needs_rustfmt
@needs_gofmt
def test_cold_generate_of_rust_and_go_equals_warm(tmp_path: Path) -> None:
    """Batched formatter jobs in worker processes (cold cache) give exactly the
    files of a warm run (every file a cache hit, no formatter, no worker)."""
    from domaingen.codegen import generate
    from domaingen.config import Config

    for rel, text in SOURCES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")

    def run(name: str) -> dict[str, str]:
        out = tmp_path / name
        config = Config(root=str(tmp_path), inputs=(str(tmp_path / "src"),), output=str(out), targets=("rust", "go"), vectors=False)
        outcome = generate(config, ("rust", "go"))
        assert not [d for d in outcome.diagnostics if d.severity == "error"]
        return {
            str(p.relative_to(out)): p.read_text(encoding="utf-8")
            for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".domaingen-manifest.json"
        }

    cold, warm = run("cold"), run("warm")
    assert cold == warm and any(rel.endswith(".rs") for rel in cold) and any(rel.endswith(".go") for rel in cold)
