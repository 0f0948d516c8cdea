"""Formatter cache: hits, misses, and deferred formatting (jobs run later, results put in place)."""

from __future__ import annotations

from pathlib import Path

import pytest

from domaingen import formatcache


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


def upper(text: str) -> str:
    return text.upper()


def test_a_miss_formats_and_a_hit_does_not() -> None:
    calls: list[str] = []

    def fmt(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert formatcache.cached_format("t", "abc", fmt) == "ABC"
    assert formatcache.cached_format("t", "abc", fmt) == "ABC"
    assert calls == ["abc"]


def test_deferred_misses_are_jobs_and_substitute_puts_results_in_place() -> None:
    formatcache.cached_format("t", "cached", upper)
    with formatcache.deferred() as jobs:
        files = {
            "a": formatcache.cached_format("t", "one", upper),
            "b": formatcache.cached_format("t", "cached", upper),
            "c": "not formatted",
            "d": formatcache.cached_format("t", "one", upper),  # same text twice: two jobs
        }
    assert [str(j) for j in jobs] == ["one", "one"]
    assert files["b"] == "CACHED" and not isinstance(files["b"], formatcache.Pending)
    results = {id(job): job.formatter(str(job)) for job in jobs}
    for job in jobs:
        job.store(results[id(job)])
    assert formatcache.substitute(files, results) == {"a": "ONE", "b": "CACHED", "c": "not formatted", "d": "ONE"}
    assert formatcache.cached_format("t", "one", lambda text: "never called") == "ONE"


def test_substitute_refuses_when_a_pending_text_was_changed_further() -> None:
    with formatcache.deferred() as jobs:
        text = formatcache.cached_format("t", "x", upper)
    files = {"a": text + "\n"}  # a backend that edits formatted output
    assert formatcache.substitute(files, {id(jobs[0]): "X"}) is None


def test_outside_deferred_nothing_is_pending() -> None:
    with formatcache.deferred():
        pass
    assert not isinstance(formatcache.cached_format("t", "y", upper), formatcache.Pending)


def test_cold_generate_in_workers_equals_warm_and_sequential(tmp_path: Path) -> None:
    """Formatter jobs and vector parts run in worker processes on a cold cache;
    the files are exactly those of a warm run (all cache hits, no workers)."""
    from domaingen.codegen import generate
    from domaingen.config import Config
    from domaingen.frontend import load_texts
    from domaingen.vectors.build import build_vectors

    source = tmp_path / "src" / "shop.dg"
    source.parent.mkdir()
    source.write_text(
        "module shop\nrecord Item {\n  name: String\n  price: Int\n}\n"
        "fn total(items: List<Item>, rate: Float) -> Float {\n  var sum = 0\n"
        "  for item in items {\n    sum += item.price\n  }\n  return float(sum) * rate\n}\n",
        encoding="utf-8",
    )

    def run(name: str) -> dict[str, str]:
        out = tmp_path / name
        config = Config(root=str(tmp_path), inputs=(str(source.parent),), output=str(out), targets=("python",))
        outcome = generate(config, ("python",))
        assert not [d for d in outcome.diagnostics if d.severity == "error"]
        return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".domaingen-manifest.json"}

    cold, warm = run("cold"), run("warm")
    assert cold == warm
    front = load_texts({str(source): source.read_text(encoding="utf-8")})
    assert front.program is not None
    (vf,) = build_vectors(front.program)
    assert cold["vectors/shop.json"] == vf.text()
