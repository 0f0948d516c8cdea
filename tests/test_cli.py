"""The command line as users and tools see it: real processes, real files.

Every test runs `python -m domaingen …` in a temporary folder (except the
internal-error test, which has to patch the front end in-process) and checks
exit codes, what goes to stdout and what goes to stderr:

* 0 ok, 1 errors in the input / failing tests, 2 usage, 3 internal error;
* results on stdout (pipeable JSON for `check --format json` and `ir`),
  diagnostics and chatter on stderr;
* no ANSI escapes off a terminal or with NO_COLOR set.
"""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import domaingen.frontend
from domaingen.cli import app

REPO = Path(__file__).resolve().parents[1]
GAME = REPO / "dsl" / "game"
SCHEMAS = REPO / "docs" / "schema"
ANSI = re.compile(r"\x1b\[")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]

GOOD = """\
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
  expect with_tax(100) == 120
}
"""

FAILING_TEST = """\
module shop.broken

fn double(x: Int) -> Int {
  return x * 2
}

test "doubles" {
  expect double(2) == 4
}

test "wrong on purpose" {
  expect double(2) == 5
}
"""

# Line 4, column 10: `x + "a"` adds an Int and a String.
BAD = """\
module shop.bad

fn f(x: Int) -> Int {
  return x + "a"
}
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(extra)
    return env


def dg(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m domaingen ARGS` with pipes (so: not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "domaingen", *args],
        cwd=cwd,
        env=env or _env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def dg_tty(*args: str, cwd: Path, env: dict[str, str], timeout: float = 120) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal; return (exit code, everything printed)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "domaingen", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    code = proc.wait(timeout=10)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with one good module, one module with a failing test and one bad module, side by side."""
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "pricing.dg").write_text(GOOD, encoding="utf-8")
    (tmp_path / "failing").mkdir()
    (tmp_path / "failing" / "broken.dg").write_text(FAILING_TEST, encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "bad.dg").write_text(BAD, encoding="utf-8")
    return tmp_path


# --- help -------------------------------------------------------------------


def test_top_level_help_lists_every_command(tmp_path: Path) -> None:
    result = dg("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", result.stdout, re.M), f"`{command}` missing from --help"
    assert "Exit codes" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str, tmp_path: Path) -> None:
    result = dg(command, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.match(rf"Usage: (python -m )?domaingen {command}\b", result.stdout), result.stdout[:200]
    example = re.search(r"^\s*Example: (domaingen .+)$", result.stdout, re.M)
    assert example, f"`domaingen {command} --help` has no `Example:` line:\n{result.stdout}"
    assert example.group(1).split()[1] == command, example.group(0)


# --- exit codes -----------------------------------------------------------------


def test_clean_check_exits_0_and_says_ok(project: Path) -> None:
    result = dg("check", "good", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.strip() == "ok: 1 module checked"


def test_bad_program_exits_1_with_located_diagnostic(project: Path) -> None:
    result = dg("check", "bad", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    path = os.path.join("bad", "bad.dg")
    assert re.search(rf"^{re.escape(path)}:4:10: error\[DG\d{{3}}\]: ", result.stderr, re.M), result.stderr
    assert "    4 |   return x + \"a\"" in result.stderr  # the source line …
    assert re.search(r"^\s+\|\s+\^+$", result.stderr, re.M)  # … and a caret under it
    assert result.stderr.rstrip().endswith("1 error")
    assert "Traceback" not in result.stderr


def test_missing_input_is_a_user_error(tmp_path: Path) -> None:
    result = dg("check", "nowhere.dg", cwd=tmp_path)
    assert result.returncode == 1
    assert "nowhere.dg: no such file or folder" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--bogus"],
        ["check", "--format", "xml", "good"],
        ["no-such-command"],
        ["run"],  # missing MODULE.FUNCTION
        ["generate", "--target", "cobol", "good"],
        ["generate", "--watch", "--check", "good"],
        ["init", "proj", "--module", "9-not-a-name"],
    ],
    ids=lambda a: " ".join(a),
)
def test_usage_errors_exit_2(args: list[str], project: Path) -> None:
    result = dg(*args, cwd=project)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.strip(), "a usage error must say what is wrong"
    assert "Traceback" not in result.stderr
    assert not (project / "proj").exists()


def test_internal_error_exits_3_and_asks_for_a_report(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(paths: object) -> object:
        raise RuntimeError("simulated crash in the front end")

    monkeypatch.setattr(domaingen.frontend, "load", explode)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["check", "good"])
    assert result.exit_code == 3, result.output
    assert isinstance(result.exception, SystemExit)  # handled, not escaped
    err = result.stderr
    first = err.splitlines()[0]
    assert "internal error" in first and "bug in domaingen" in first and "not in your program" in first
    assert "Please report it at https://" in err
    assert "RuntimeError: simulated crash in the front end" in err  # the trace is for the report
    assert "error[DG" not in err  # never dressed up as a diagnostic about the user's program
    assert result.stdout == ""


# --- machine-readable output ---------------------------------------------------


def test_check_json_is_the_only_thing_on_stdout(project: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "diagnostics.schema.json").read_text(encoding="utf-8"))

    bad = dg("check", "--format", "json", "bad", cwd=project)
    assert bad.returncode == 1
    document = json.loads(bad.stdout)  # the whole of stdout is one JSON document
    jsonschema.validate(document, schema)
    assert document["total"] == 1
    (diagnostic,) = document["diagnostics"]
    assert diagnostic["severity"] == "error" and re.fullmatch(r"DG\d{3}", diagnostic["code"])
    assert (diagnostic["span"]["line"], diagnostic["span"]["col"]) == (4, 10)
    assert diagnostic["span"]["path"] == os.path.join("bad", "bad.dg")
    assert bad.stderr == ""

    good = dg("check", "--format", "json", "good", cwd=project)
    assert good.returncode == 0
    document = json.loads(good.stdout)
    jsonschema.validate(document, schema)
    assert document["diagnostics"] == [] and document["total"] == 0
    assert "ok:" not in good.stdout


def test_ir_is_pure_json_and_pipes(project: Path) -> None:
    result = dg("ir", "good", cwd=project)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document["version"], int)
    assert [m["name"] for m in document["modules"]] == ["shop.pricing"]
    assert "ok:" not in result.stdout

    # A real pipe into another process, as in `domaingen ir | jq`.
    consumer = "import json,sys; d=json.load(sys.stdin); print(len(d['modules']))"
    producer = subprocess.Popen([sys.executable, "-m", "domaingen", "ir", "good"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    piped = subprocess.run([sys.executable, "-c", consumer], stdin=producer.stdout, capture_output=True, text=True, timeout=60)
    assert producer.wait(timeout=60) == 0
    assert piped.returncode == 0 and piped.stdout.strip() == "1", piped.stderr

    spans = json.loads(dg("ir", "--spans", "good", cwd=project).stdout)
    assert "span" in json.dumps(spans)
    schema = dg("ir", "--schema", cwd=project)
    assert schema.returncode == 0 and json.loads(schema.stdout)["$schema"].startswith("https://json-schema.org/")

    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(document, json.loads((SCHEMAS / "ir.schema.json").read_text(encoding="utf-8")))


def test_ir_of_a_bad_program_prints_no_json(project: Path) -> None:
    result = dg("ir", "bad", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "error[DG" in result.stderr


# --- quiet, colour -----------------------------------------------------------------


def test_quiet_suppresses_the_ok_line(project: Path) -> None:
    loud = dg("check", "good", cwd=project)
    assert "ok: 1 module checked" in loud.stderr
    quiet = dg("--quiet", "check", "good", cwd=project)
    assert quiet.returncode == 0
    assert quiet.stdout == "" and quiet.stderr == ""
    # Errors are never quiet.
    bad = dg("-q", "check", "bad", cwd=project)
    assert bad.returncode == 1 and "error[DG" in bad.stderr


@pytest.mark.parametrize(
    "args",
    [["check", "bad"], ["test", "failing"], ["check", "good"], ["run", "shop.pricing.with_tax", "--input", "good", "--", "-1"]],
    ids=lambda a: " ".join(a[:2]),
)
def test_no_ansi_escapes_off_a_terminal(args: list[str], project: Path) -> None:
    result = dg(*args, cwd=project)
    assert not ANSI.search(result.stdout) and not ANSI.search(result.stderr), (result.stdout, result.stderr)


@pytest.mark.parametrize("args", [["check", "bad"], ["test", "failing"]], ids=lambda a: " ".join(a))
def test_no_ansi_escapes_on_a_terminal_with_no_color(args: list[str], project: Path) -> None:
    code, coloured = dg_tty(*args, cwd=project, env=_env(TERM="xterm-256color"))
    assert code == 1
    assert ANSI.search(coloured), "sanity check: on a terminal without NO_COLOR the output is coloured"
    code, plain = dg_tty(*args, cwd=project, env=_env(TERM="xterm-256color", NO_COLOR="1"))
    assert code == 1
    assert not ANSI.search(plain), plain
    assert re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", coloured) == plain  # same text, just no colour


def test_progress_line_has_no_escapes_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spinner `generate` shows on a terminal (after 0.5 s) obeys NO_COLOR too."""
    from domaingen.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for no_color, expect_escapes in (("1", False), (None, True)):
        if no_color:
            monkeypatch.setenv("NO_COLOR", no_color)
        else:
            monkeypatch.delenv("NO_COLOR", raising=False)
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        with Progress("generating python", enabled=True, delay=0.0):
            time.sleep(0.35)
        monkeypatch.setattr(sys, "stderr", sys.__stderr__)
        written = terminal.getvalue()
        assert "generating python" in written
        assert bool(ANSI.search(written)) is expect_escapes, repr(written)
        assert written.endswith("\r") or written.endswith("\x1b[K")  # the line is cleared at the end


# --- run -------------------------------------------------------------------------------


def test_run_prints_canonical_json(tmp_path: Path) -> None:
    scalar = dg("run", "game.progression.required_exp", "5", "--input", str(GAME), cwd=tmp_path)
    assert scalar.returncode == 0, scalar.stderr
    assert scalar.stdout == "800\n"

    record = dg("run", "game.progression.new_profile", '"p1"', '" Ann "', "-i", str(GAME), cwd=tmp_path)
    assert record.returncode == 0, record.stderr
    text = record.stdout.rstrip("\n")
    value = json.loads(text)
    assert value["id"] == "p1" and value["name"] == "Ann" and value["level"] == 1
    # Canonical: no whitespace, fields in declaration order.
    assert " " not in text.replace('"Ann"', "")
    assert list(value) == ["id", "name", "level", "exp", "tags", "stats", "guild"]


def test_run_failing_call_prints_error_kind_and_exits_1(project: Path) -> None:
    result = dg("run", "shop.pricing.with_tax", "-i", "good", "--", "-1", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "error: DomainError: cents must be non-negative"

    game = dg("run", "game.progression.new_profile", '""', '"bob"', "-i", str(GAME), cwd=project)
    assert game.returncode == 1
    assert re.fullmatch(r"error: \w+: id must not be empty\n", game.stderr)


@pytest.mark.parametrize(
    "args, message",
    [
        (["{bad"], r"invalid input: cents: invalid JSON"),
        (['"a string"'], r"invalid input: cents: expected Int, got string"),
        (["1", "2"], r"takes 1 argument"),
    ],
    ids=["malformed", "wrong-type", "too-many"],
)
def test_run_bad_json_arguments_get_a_clear_message(args: list[str], message: str, project: Path) -> None:
    result = dg("run", "shop.pricing.with_tax", "-i", "good", *args, cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert re.search(message, result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_run_unknown_function(project: Path) -> None:
    result = dg("run", "shop.pricing.nope", "-i", "good", cwd=project)
    assert result.returncode == 1
    assert "no function `shop.pricing.nope`" in result.stderr


# --- test -------------------------------------------------------------------------------


def test_test_command_summary_and_exit_codes(project: Path) -> None:
    passing = dg("test", "good", cwd=project)
    assert passing.returncode == 0, passing.stderr
    assert passing.stdout.splitlines()[-1] == "1 passed, 0 failed"

    failing = dg("test", "failing", cwd=project)
    assert failing.returncode == 1
    lines = failing.stdout.splitlines()
    assert lines[-1] == "1 passed, 1 failed"
    assert "FAIL shop.broken :: wrong on purpose" in lines
    assert any("left is 4, right is 5" in line for line in lines), failing.stdout  # both sides of the expect

    only = dg("test", "failing", "-k", "doubles", "-v", cwd=project)
    assert only.returncode == 0
    assert only.stdout.splitlines() == ["PASS shop.broken :: doubles", "1 passed, 0 failed"]


# --- init -------------------------------------------------------------------------------


def test_init_creates_a_project_that_checks_and_tests(tmp_path: Path) -> None:
    created = dg("init", "svc", "--module", "shop.pricing", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    project = tmp_path / "svc"
    config = project / "domaingen.toml"
    module = project / "dsl" / "shop" / "pricing.dg"
    assert config.is_file() and module.is_file()

    # No paths: the commands find domaingen.toml and use its inputs.
    check = dg("check", cwd=project)
    assert check.returncode == 0, check.stderr
    assert "ok: 1 module checked" in check.stderr
    tests = dg("test", cwd=project)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert re.fullmatch(r"[1-9]\d* passed, 0 failed", tests.stdout.splitlines()[-1])

    before = {p: p.read_bytes() for p in (config, module)}
    config.write_text(config.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    before[config] = config.read_bytes()
    again = dg("init", "svc", "--module", "shop.pricing", cwd=tmp_path)
    assert again.returncode == 1
    assert "not overwriting" in again.stderr
    assert {p: p.read_bytes() for p in before} == before

    # Also when only one of the two files exists.
    other = dg("init", "svc", "--module", "shop.other", cwd=tmp_path)
    assert other.returncode == 1
    assert not (project / "dsl" / "shop" / "other.dg").exists()


# --- the fast path -----------------------------------------------------------------


TYPER_ONLY = "import sys; from domaingen.cli.commands import app; sys.argv[0] = 'domaingen'; app()"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "good"],
        ["check", "bad"],
        ["check", "--format", "json", "bad"],
        ["check", "--format=json", "good"],
        ["check", "--format", "xml", "good"],
        ["check", "good", "failing"],
        ["check", "nowhere.dg"],
        ["-q", "check", "good"],
        ["--quiet", "--verbose", "check", "bad"],
        ["test", "failing"],
        ["test", "failing", "-k", "doubles", "-v"],
        ["test", "--match=wrong", "failing"],
        ["--verbose", "test", "good", "--verbose"],
        ["ir", "good"],
        ["ir", "--spans", "good"],
        ["ir", "bad"],
        ["run", "shop.pricing.with_tax", "-i", "good", "--", "-1"],
        ["run", "shop.pricing.with_tax", "--input=good", "100"],
        ["run", "-i", "good", "shop.pricing.with_tax", "7", "-i", "failing"],
        ["generate", "--check", "-o", "gen", "good"],
        ["-q", "generate", "--check", "--target", "python", "--output=gen", "good"],
        ["generate", "--check", "-t", "nosuch", "good"],
        ["generate", "--check", "-o", "gen", "bad"],
        ["generate", "--check", "--watch", "good"],
    ],
    ids=lambda a: " ".join(a),
)
def test_fast_path_behaves_as_typer(args: list[str], project: Path) -> None:
    """`main` runs these without typer; the output and exit code are typer's."""
    from domaingen.cli import _plain_call

    assert _plain_call(args) is not None, "expected the fast path to take this line"
    fast = dg(*args, cwd=project)
    slow = subprocess.run(
        [sys.executable, "-c", TYPER_ONLY, *args], cwd=project, env=_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["check", "--help"],
        ["check", "--bogus"],
        ["check", "--format"],
        ["check", "-q", "good"],
        ["check", "--spans", "good"],
        ["test", "-k"],
        ["test", "-vk", "x"],
        ["ir", "--spans=1"],
        ["run"],
        ["run", "shop.pricing.with_tax", "-1"],
        ["-q"],
        ["generate", "--help"],
        ["generate", "-o"],
        ["verify"],
        ["fmt", "--check"],
        ["no-such-command"],
    ],
    ids=lambda a: " ".join(a) or "(nothing)",
)
def test_fast_path_leaves_everything_else_to_typer(args: list[str]) -> None:
    from domaingen.cli import _plain_call

    assert _plain_call(args) is None


def test_fast_check_imports_neither_typer_nor_pydantic(project: Path) -> None:
    """`check` start-up stays lean: no CLI framework, no pydantic (the IR is plain classes), no templates."""
    code = "import sys; sys.argv = ['domaingen', 'check', 'good']; from domaingen.cli import main\ntry:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich', 'pydantic', 'jinja2')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_noop_generate_imports_neither_typer_nor_pydantic(project: Path) -> None:
    """The pre-commit hook's common case (nothing changed) stays light: no typer, no IR."""
    first = dg("-q", "generate", "-t", "python", "-o", "gen", "good", cwd=project)
    assert first.returncode == 0, first.stderr
    code = (
        "import sys; sys.argv = ['domaingen', '-q', 'generate', '-t', 'python', '-o', 'gen', 'good']\n"
        "from domaingen.cli import main\ntry:\n    main()\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich', 'pydantic')}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_closed_pipe_ends_quietly_with_141() -> None:
    """`domaingen ir | head -c 0`: the reader leaves before the 2 MB document is written."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "domaingen", "ir", str(REPO / "dsl")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141, err
    assert "Traceback" not in err and "internal error" not in err


def test_console_exit_keeps_output_and_code(project: Path) -> None:
    """`python -m domaingen` leaves with `os._exit` after `check`: nothing printed may be lost."""
    bad = dg("check", "--format", "json", "bad", cwd=project)
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["diagnostics"]
    good = dg("check", "good", cwd=project)
    assert (good.returncode, good.stdout) == (0, "")
    assert "ok: 1 module" in good.stderr
