"""Workflows end to end: build scripts, `generate --watch`, and the real pre-commit.

(a) `generate` as a build step: minimal writes (mtimes kept), deletion of
    output for removed modules, hand-written files left alone, `--check` for CI,
    and a failure halfway through leaving the previous output as it was.
(b) `generate --watch` as a long-running process.
(c) the hooks in .pre-commit-hooks.yaml, run by the real `pre-commit` tool.
    Skipped with DOMAINGEN_SKIP_PRECOMMIT=1; needs `pre-commit` (tested with
    4.x: `pip install 'pre-commit>=4,<5'`) and network access to PyPI the first
    time in a session (pre-commit pip-installs domaingen into its own venv).

Generation tests use the first target that works (python, go, rust,
typescript, in that order); they are skipped, saying why, only if none does.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
TARGETS = ("python", "go", "rust", "typescript")
OLD = 1_500_000_000 * 10**9  # 2017: an mtime no write of ours can produce

PRICING = """\
/// Prices.
module shop.pricing

/// Tax in percent.
const TAX_PERCENT: Int = 20

/// A price with tax added, in cents.
fn with_tax(cents: Int) -> Int {
  require cents >= 0, "cents must be non-negative"
  return cents + cents * TAX_PERCENT / 100
}

test "tax is added" {
  expect with_tax(100) == 100 + TAX_PERCENT
}
"""

DISCOUNTS = """\
/// Discounts.
module shop.discounts

/// Largest discount in percent.
const MAX_PERCENT: Int = 50

/// `cents` minus `percent` percent.
fn discounted(cents: Int, percent: Int) -> Int {
  require percent >= 0 and percent <= MAX_PERCENT, "percent out of range"
  return cents - cents * percent / 100
}

test "half off" {
  expect discounted(200, 50) == 100
}
"""

EXTRA = """\
module zz.extra

fn one() -> Int {
  return 1
}
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(extra)
    return env


def dg(*args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "domaingen", *args], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )


def make_project(root: Path, target: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "shop"\nversion = "0"\n\n[tool.domaingen]\ninputs = ["dsl"]\noutput = "generated"\ntargets = ["{target}"]\n',
        encoding="utf-8",
    )
    (root / "dsl" / "shop").mkdir(parents=True, exist_ok=True)
    (root / "dsl" / "shop" / "pricing.dg").write_text(PRICING, encoding="utf-8")
    (root / "dsl" / "shop" / "discounts.dg").write_text(DISCOUNTS, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path, target: str) -> Path:
    return make_project(tmp_path / "shop", target)


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The first target whose backend generates the test modules (backends are still being written)."""
    scratch = tmp_path_factory.mktemp("probe")
    reasons = []
    checked = dg("check", cwd=make_project(scratch / "check", "python"))
    if checked.returncode != 0:  # not a backend problem: fail, do not skip
        pytest.fail(f"the front end rejects the test modules:\n{checked.stderr}")
    for name in TARGETS:
        project = make_project(scratch / name, name)
        result = dg("generate", cwd=project)
        if result.returncode == 0 and any((project / "generated" / name).rglob("*")):
            return name
        reasons.append(f"{name}: exit {result.returncode}: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
    pytest.skip("no target generates the test modules yet — " + "; ".join(reasons))


def files(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file below `folder`: relative path -> (mtime in ns, content)."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def age(folder: Path) -> None:
    """Backdate every file, so that any rewrite — even of identical bytes — shows."""
    for p in folder.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(OLD, OLD))


def generated_for(snapshot: dict[str, tuple[int, bytes]], target: str, word: str) -> list[str]:
    """Generated files of `target` whose path names a module (`pricing`, `discounts`, …)."""
    return [rel for rel in snapshot if rel.startswith(f"{target}/") and word in rel]


def set_tax(project: Path, percent: int) -> None:
    path = project / "dsl" / "shop" / "pricing.dg"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"TAX_PERCENT: Int = \d+", f"TAX_PERCENT: Int = {percent}", text), encoding="utf-8")


# --- (a) generate as a build step ------------------------------------------------------


def test_generate_is_minimal_and_leaves_foreign_files_alone(project: Path, target: str) -> None:
    out = project / "generated"
    first = dg("generate", cwd=project)
    assert first.returncode == 0, first.stderr
    assert re.search(r"generated: wrote [1-9]\d*, removed 0, unchanged 0", first.stderr), first.stderr
    assert (out / ".domaingen-manifest.json").is_file()
    initial = files(out)
    pricing = generated_for(initial, target, "pricing")
    discounts = generated_for(initial, target, "discounts")
    assert pricing and discounts, sorted(initial)

    # Hand-written files inside the output folder (and inside the target's folder).
    (out / "README.md").write_text("notes kept next to the generated code\n", encoding="utf-8")
    (out / target / "HANDWRITTEN.txt").write_text("mine\n", encoding="utf-8")
    age(out)
    before = files(out)

    # A second run: nothing to do, and not a single file touched.
    second = dg("generate", cwd=project)
    assert second.returncode == 0, second.stderr
    if "nothing to do" not in second.stderr:
        # Only if domaingen's own code or templates changed in between (other engineers edit the
        # tree while this runs): the fingerprint changes, but still no generated file is written.
        assert re.search(r"wrote 0, removed 0", second.stderr), second.stderr
        second = dg("generate", cwd=project)
        assert "nothing to do" in second.stderr, second.stderr
    assert files(out) == before

    # Edit one constant: only the files generated from that module change.
    set_tax(project, 25)
    third = dg("generate", cwd=project)
    assert third.returncode == 0, third.stderr
    after = files(out)
    changed = sorted(rel for rel in after if after[rel] != before.get(rel))
    assert set(after) == set(before)
    rewritten = [rel for rel in changed if rel != ".domaingen-manifest.json"]
    assert rewritten, "the edit changed nothing"
    assert all("pricing" in rel for rel in rewritten), rewritten
    assert any(rel.startswith(f"{target}/") for rel in rewritten), rewritten
    for rel in rewritten:
        assert after[rel][0] != OLD
    assert re.search(rf"wrote {len(rewritten)}, removed 0, unchanged {len(after) - len(rewritten) - 3}\b", third.stderr), (third.stderr, rewritten)
    for rel in set(after) - set(changed):
        assert after[rel][0] == OLD, f"{rel} was rewritten with identical content"

    # Remove a module: its generated files go, everything hand-written stays.
    (project / "dsl" / "shop" / "discounts.dg").unlink()
    age(out)
    before = files(out)
    fourth = dg("generate", cwd=project)
    assert fourth.returncode == 0, fourth.stderr
    after = files(out)
    gone = set(before) - set(after)
    assert gone >= set(discounts), sorted(gone)
    assert all("discounts" in rel or rel.startswith(f"{target}/") for rel in gone)
    assert not generated_for(after, target, "discounts")
    assert after["README.md"] == before["README.md"]
    assert after[f"{target}/HANDWRITTEN.txt"] == before[f"{target}/HANDWRITTEN.txt"]
    assert set(generated_for(after, target, "pricing")) == set(pricing)
    assert re.search(rf"removed {len(gone)}\b", fourth.stderr), fourth.stderr


def test_generate_check_for_ci(project: Path, target: str) -> None:
    out = project / "generated"
    missing = dg("generate", "--check", cwd=project)
    assert missing.returncode == 1
    assert not out.exists(), "--check must write nothing"
    assert re.search(r"^stale: .+ \(missing\)$", missing.stdout, re.M)

    assert dg("generate", cwd=project).returncode == 0
    fresh = dg("generate", "--check", cwd=project)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert fresh.stdout == ""
    assert "up to date" in fresh.stderr

    set_tax(project, 30)
    age(out)
    before = files(out)
    stale = dg("generate", "--check", cwd=project)
    assert stale.returncode == 1
    stale_lines = [line for line in stale.stdout.splitlines() if line.startswith("stale: ")]
    assert stale_lines and all("pricing" in line and line.endswith("(out of date)") for line in stale_lines), stale.stdout
    assert re.search(r"^--- a/.*pricing", stale.stdout, re.M) and re.search(r"^\+\+\+ b/.*pricing", stale.stdout, re.M)
    assert re.search(r"^-.*20", stale.stdout, re.M) and re.search(r"^\+.*30", stale.stdout, re.M), stale.stdout
    assert re.search(r"\d+ stale file\(s\) in .*generated; run `domaingen generate`", stale.stderr)
    assert files(out) == before, "--check must write nothing"

    (project / "dsl" / "shop" / "discounts.dg").unlink()
    removed = dg("generate", "--check", cwd=project)
    assert removed.returncode == 1
    assert re.search(r"^stale: .*discounts.* \(removed declaration\)$", removed.stdout, re.M), removed.stdout

    assert dg("generate", cwd=project).returncode == 0
    assert dg("generate", "--check", cwd=project).returncode == 0


def test_errors_in_the_input_leave_the_output_alone(project: Path) -> None:
    out = project / "generated"
    assert dg("generate", cwd=project).returncode == 0
    age(out)
    before = files(out)
    path = project / "dsl" / "shop" / "pricing.dg"
    path.write_text(path.read_text(encoding="utf-8").replace("return cents +", "return cents @@ +"), encoding="utf-8")
    broken = dg("generate", cwd=project)
    assert broken.returncode == 1
    assert re.search(r"pricing\.dg:\d+:\d+: error\[DG\d{3}\]", broken.stderr), broken.stderr
    assert files(out) == before


def test_a_crash_after_rendering_leaves_the_output_intact(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The backend renders everything, then something blows up: nothing on disk may change."""
    import domaingen.backends
    from domaingen.cli import app

    out = project / "generated"
    assert dg("generate", cwd=project).returncode == 0
    set_tax(project, 40)  # so the run below would have something to write
    age(out)
    before = files(out)

    real_get_backend = domaingen.backends.get_backend

    class Exploding:
        def __init__(self, name: str) -> None:
            self.inner = real_get_backend(name)

        def __getattr__(self, attr: str) -> object:
            return getattr(self.inner, attr)

        def generate(self, program: object, options: object) -> object:
            self.inner.generate(program, options)  # render for real …
            raise RuntimeError("simulated failure after rendering")  # … then fail

    monkeypatch.setattr(domaingen.backends, "get_backend", Exploding)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["generate"])
    assert result.exit_code == 3, result.output
    assert "internal error" in result.stderr and "simulated failure after rendering" in result.stderr
    assert files(out) == before
    monkeypatch.undo()

    retry = dg("generate", cwd=project)
    assert retry.returncode == 0, retry.stderr
    assert files(out) != before


def test_a_write_failure_halfway_leaves_the_previous_output_intact(project: Path, target: str, tmp_path: Path) -> None:
    """A file where the output needs a folder makes writing fail after other files were staged.

    (A read-only folder would be the obvious simulation, but tests may run as root.)
    """
    out = project / "generated"
    assert dg("generate", cwd=project).returncode == 0

    # Where will the new module `zz.extra` go? Learn it from a scratch copy.
    scratch = make_project(tmp_path / "scratch", target)
    (scratch / "dsl" / "zz").mkdir()
    (scratch / "dsl" / "zz" / "extra.dg").write_text(EXTRA, encoding="utf-8")
    assert dg("generate", cwd=scratch).returncode == 0
    extra = [Path(rel) for rel in files(scratch / "generated") if rel.startswith(f"{target}/") and "extra" in rel]
    assert extra, "the new module generated no file of its own"
    blocker = min((rel.parent for rel in extra), key=lambda p: len(p.parts))
    while (out / blocker.parent).exists() is False:
        blocker = blocker.parent
    assert not (out / blocker).exists(), blocker

    # Now in the real project: edit a module, add the new one, and put a file in the way.
    set_tax(project, 35)
    (project / "dsl" / "zz").mkdir()
    (project / "dsl" / "zz" / "extra.dg").write_text(EXTRA, encoding="utf-8")
    (out / blocker).write_text("a hand-written file exactly where a folder is needed\n", encoding="utf-8")
    age(out)
    before = files(out)

    failed = dg("generate", cwd=project)
    assert failed.returncode == 1, failed.stderr
    assert re.search(r"^domaingen: cannot write .*: ", failed.stderr, re.M), failed.stderr
    assert "Traceback" not in failed.stderr
    assert files(out) == before, "a failed generation changed the previous output"
    assert not [p for p in out.rglob(".dg-*.tmp")], "staged files were left behind"

    (out / blocker).unlink()
    fixed = dg("generate", cwd=project)
    assert fixed.returncode == 0, fixed.stderr
    assert dg("generate", "--check", cwd=project).returncode == 0


# --- (b) generate --watch ------------------------------------------------------------


class Watcher:
    """`domaingen generate --watch` in the background, with its stderr collected line by line."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-u", "-m", "domaingen", "generate", "--watch"],
            cwd=cwd,
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._queue.put(line)

    def stderr(self) -> str:
        while not self._queue.empty():
            self.lines.append(self._queue.get_nowait())
        return "".join(self.lines)

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            assert self.proc.poll() is None, f"the watcher exited ({self.proc.returncode}) while waiting for {what}:\n{self.stderr()}"
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}; stderr so far:\n{self.stderr()}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # Ctrl-C
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@pytest.fixture
def watcher(project: Path) -> Iterator[Watcher]:
    w = Watcher(project)
    yield w
    w.stop()


def test_watch_regenerates_on_change_and_survives_errors(project: Path, target: str, watcher: Watcher) -> None:
    out = project / "generated"
    watcher.wait_for(lambda: "wrote" in watcher.stderr() and (out / ".domaingen-manifest.json").exists(), "the first generation")
    assert "watching" in watcher.stderr()
    pricing = [out / rel for rel in generated_for(files(out), target, "pricing") if rel.startswith(f"{target}/")]
    assert pricing
    contents = {p: p.read_bytes() for p in pricing}

    def regenerated() -> bool:
        return any(p.exists() and p.read_bytes() != contents[p] for p in pricing)

    def generations() -> int:
        return len(re.findall(r"^generated: wrote ", watcher.stderr(), re.M))

    set_tax(project, 21)
    watcher.wait_for(regenerated, "the generated code to follow the edit")
    watcher.wait_for(lambda: generations() == 2, "the second generation to finish")
    assert any(b"21" in p.read_bytes() for p in pricing)

    # A syntax error: a diagnostic on stderr, the output untouched, the watcher still running.
    age(out)
    before = files(out)
    source = project / "dsl" / "shop" / "pricing.dg"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("return cents +", "return cents @@ +"), encoding="utf-8")
    watcher.wait_for(lambda: re.search(r"pricing\.dg:\d+:\d+: error\[DG\d{3}\]", watcher.stderr()) is not None, "the diagnostic")
    time.sleep(1.0)
    assert watcher.proc.poll() is None, "the watcher must keep running after an error"
    assert files(out) == before

    # Fixed again: generation resumes.
    contents = {p: p.read_bytes() for p in pricing}
    source.write_text(good.replace("TAX_PERCENT: Int = 21", "TAX_PERCENT: Int = 22"), encoding="utf-8")
    watcher.wait_for(regenerated, "generation to resume after the fix")
    watcher.wait_for(lambda: generations() == 3, "the third generation to finish")

    # The configuration is watched too: a mistake is reported (and waited out), a fix is applied.
    config = project / "pyproject.toml"
    good_config = config.read_text(encoding="utf-8")
    config.write_text(good_config + "colour = true\n", encoding="utf-8")
    watcher.wait_for(lambda: re.search(r"pyproject\.toml:\d+: unknown key `colour`", watcher.stderr()) is not None, "the configuration problem")
    time.sleep(1.0)
    assert watcher.proc.poll() is None
    config.write_text(good_config.replace('output = "generated"', 'output = "elsewhere"'), encoding="utf-8")
    watcher.wait_for(lambda: (project / "elsewhere" / ".domaingen-manifest.json").exists(), "generation into the new output folder")
    watcher.wait_for(lambda: "elsewhere: wrote" in watcher.stderr(), "the fourth generation to finish")

    assert watcher.stop() == 0
    assert "stopped watching" in watcher.stderr()
    assert watcher.proc.stdout is not None and watcher.proc.stdout.read() == ""  # chatter goes to stderr only


# --- (c) the real pre-commit -----------------------------------------------------------------

SKIP_PRECOMMIT = os.environ.get("DOMAINGEN_SKIP_PRECOMMIT") == "1"


def _git(*args: str, cwd: Path) -> str:
    env = _env(
        GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.com", GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.com"
    )
    result = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout.strip()


def _hooks_repo(tmp: Path) -> tuple[str, str, str]:
    """(repo, rev, why) for .pre-commit-config.yaml.

    This repository at its HEAD commit — what users get — whenever what
    pre-commit installs from it (src/, templates/, pyproject.toml, the hook
    definitions) is committed. While those have uncommitted changes (other
    work in progress), HEAD is not the code the rest of the suite tests, so a
    snapshot of the working tree (tracked and untracked files, minus what
    .gitignore excludes) is committed to a scratch repository and used instead.
    """
    head = _git("rev-parse", "HEAD", cwd=REPO)
    dirty = _git("status", "--porcelain", "--", "src", "templates", "pyproject.toml", ".pre-commit-hooks.yaml", cwd=REPO)
    if not dirty:
        return str(REPO), head, "HEAD"
    snapshot = tmp / "domaingen-snapshot"
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO, capture_output=True, check=True).stdout
    for rel in filter(None, listed.decode().split("\0")):
        source = REPO / rel
        if source.is_file():
            (snapshot / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / rel)
    _git("init", "-q", cwd=snapshot)
    _git("add", "-A", cwd=snapshot)
    _git("commit", "-q", "-m", f"snapshot of {head} plus the working tree", cwd=snapshot)
    changed = len(dirty.splitlines())
    return str(snapshot), _git("rev-parse", "HEAD", cwd=snapshot), f"working-tree snapshot ({changed} uncommitted paths)"


@pytest.fixture(scope="session")
def precommit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME per test session: the hook venv is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.mark.skipif(SKIP_PRECOMMIT, reason="DOMAINGEN_SKIP_PRECOMMIT=1")
def test_pre_commit_hooks(target: str, tmp_path: Path, precommit_home: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.fail("pre-commit is not installed: pip install 'pre-commit>=4,<5' (or set DOMAINGEN_SKIP_PRECOMMIT=1)")
    repo_url, rev, why = _hooks_repo(tmp_path)
    print(f"pre-commit hooks from {repo_url} at {rev}: {why}")

    project = make_project(tmp_path / "shop", target)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo_url}\n    rev: {rev}\n    hooks:\n      - id: domaingen-generate\n      - id: domaingen-check\n",
        encoding="utf-8",
    )
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "-m", "rules", cwd=project)

    def pre_commit(hook: str) -> subprocess.CompletedProcess[str]:
        env = _env(PRE_COMMIT_HOME=str(precommit_home), PRE_COMMIT_COLOR="never", PIP_DISABLE_PIP_VERSION_CHECK="1")
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", hook, "--all-files", "--color", "never"],
            cwd=project, env=env, capture_output=True, text=True, timeout=600,
        )

    def status(result: subprocess.CompletedProcess[str]) -> str:
        line = next((l for l in result.stdout.splitlines() if l.startswith("domaingen")), "")
        return line.rsplit(".", 1)[-1].strip() if line else result.stdout + result.stderr

    out = project / "generated"

    # Nothing generated yet: the check hook fails and lists what is stale.
    check = pre_commit("domaingen-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert status(check) == "Failed"
    assert "stale: " in check.stdout
    assert not out.exists()

    # The generate hook writes the output (new, untracked files: pre-commit passes the hook).
    generate = pre_commit("domaingen-generate")
    assert generate.returncode == 0, generate.stdout + generate.stderr
    assert (out / ".domaingen-manifest.json").is_file()
    assert generated_for(files(out), target, "pricing")
    assert pre_commit("domaingen-check").returncode == 0

    # The usual cycle: generated code is committed; a rule changes.
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "-m", "generated", cwd=project)
    set_tax(project, 15)
    _git("add", "-A", cwd=project)

    check = pre_commit("domaingen-check")
    assert check.returncode == 1 and status(check) == "Failed", check.stdout
    assert re.search(r"stale: .*pricing.* \(out of date\)", check.stdout), check.stdout
    assert _git("status", "--porcelain", cwd=project) == "M  dsl/shop/pricing.dg", "the check hook must write nothing"

    first = pre_commit("domaingen-generate")
    assert first.returncode == 1, first.stdout + first.stderr
    assert status(first) == "Failed"
    assert "files were modified by this hook" in first.stdout
    modified = _git("diff", "--name-only", cwd=project).splitlines()
    assert modified and all("pricing" in path or path.endswith(".domaingen-manifest.json") for path in modified), modified

    _git("add", "-A", cwd=project)
    second = pre_commit("domaingen-generate")
    assert second.returncode == 0, second.stdout + second.stderr
    assert status(second) == "Passed"
    assert _git("diff", "--name-only", cwd=project) == ""
    assert pre_commit("domaingen-check").returncode == 0
