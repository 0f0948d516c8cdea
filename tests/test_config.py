"""`[tool.domaingen]` in pyproject.toml and domaingen.toml, through the real CLI.

Mistakes in the configuration are user errors: each is reported as
`path:line: message` on stderr (the line of the offending key, never a key of
the same name in another table), and the exit code is 1. Paths in the
configuration are relative to the file they are written in, and the nearest
configuration at or above the working directory wins.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from domaingen.config import _known_targets

KNOWN_TARGETS = ", ".join(_known_targets())  # the four, then any target added to the registry since

MODULE = """\
module {name}

fn answer() -> Int {{
  return 42
}}

test "answers" {{
  expect answer() == 42
}}
"""


def dg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run(
        [sys.executable, "-m", "domaingen", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def module(folder: Path, name: str) -> Path:
    return write(folder / (name.split(".")[-1] + ".dg"), MODULE.format(name=name))


def problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def real(path: Path) -> str:
    return os.path.realpath(path)


# --- problems are `path:line: message`, exit 1 ----------------------------------------


PYPROJECT = """\
[project]
name = "shop"
targets = "not ours: a key of the same name in another table"

[tool.black]
output = 3

[tool.domaingen]
inputs = ["dsl"]
outptu = "gen"
targets = ["python", "cobol"]
vectors = "yes"
output = 7

[tool.domaingen.packages]
python = 3
java = "com.example"
go = "example.com/shop"
"""


def test_pyproject_problems_name_file_and_line(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", PYPROJECT)
    module(tmp_path / "dsl", "shop.answer")
    result = dg("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    where = real(config)
    assert sorted(problems(result)) == sorted(
        [
            f"{where}:10: unknown key `outptu` in domaingen configuration (known: inputs, output, packages, targets, vectors)",
            f"{where}:11: unknown target `cobol` in `targets` (known: {KNOWN_TARGETS})",
            f"{where}:12: `vectors` must be true or false",
            f"{where}:13: `output` must be a non-empty string",
            f"{where}:16: `packages.python` must be a non-empty string",
            f"{where}:17: unknown target `java` in `packages` (known: {KNOWN_TARGETS})",
        ]
    )


def test_every_command_that_reads_the_config_refuses_a_bad_one(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.domaingen]\ninputs = "dsl"\n')
    module(tmp_path / "dsl", "shop.answer")
    for command in (["check"], ["test"], ["ir"], ["generate", "-t", "python"], ["generate", "--check"]):
        result = dg(*command, cwd=tmp_path)
        assert result.returncode == 1, command
        assert problems(result) == [f"{real(tmp_path / 'pyproject.toml')}:2: `inputs` must be a list of strings"], command
    assert not (tmp_path / "generated").exists()


DOMAINGEN_TOML = """\
# domaingen configuration
inputs = ["rules"]
targets = "python"
output = "out"
colour = true

[packages]
python = "shop"
rust = ""

[pakages]
go = "x"
"""


def test_domaingen_toml_problems_name_file_and_line(tmp_path: Path) -> None:
    config = write(tmp_path / "domaingen.toml", DOMAINGEN_TOML)
    module(tmp_path / "rules", "shop.answer")
    result = dg("generate", cwd=tmp_path)
    assert result.returncode == 1
    where = real(config)
    assert sorted(problems(result)) == sorted(
        [
            f"{where}:3: `targets` must be a list of strings",
            f"{where}:5: unknown key `colour` in domaingen configuration (known: inputs, output, packages, targets, vectors)",
            f"{where}:9: `packages.rust` must be a non-empty string",
            f"{where}:11: unknown key `pakages` in domaingen configuration (known: inputs, output, packages, targets, vectors)",
        ]
    )
    assert not (tmp_path / "out").exists()


def test_packages_must_be_a_table(tmp_path: Path) -> None:
    config = write(tmp_path / "domaingen.toml", 'inputs = ["dsl"]\n\npackages = "shop"\n')
    module(tmp_path / "dsl", "shop.answer")
    result = dg("check", cwd=tmp_path)
    assert result.returncode == 1
    assert problems(result) == [f"{real(config)}:3: `packages` must be a table mapping target names to package names"]


def test_dotted_keys_are_located(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\n\n[tool]\ndomaingen.inputs = ["dsl"]\ndomaingen.vectors = 1\n'
    config = write(tmp_path / "pyproject.toml", text)
    module(tmp_path / "dsl", "shop.answer")
    result = dg("check", cwd=tmp_path)
    assert result.returncode == 1
    assert problems(result) == [f"{real(config)}:6: `vectors` must be true or false"]


@pytest.mark.parametrize("name", ["pyproject.toml", "domaingen.toml"])
def test_invalid_toml_is_reported_at_its_line(name: str, tmp_path: Path) -> None:
    header = "[tool.domaingen]\n" if name == "pyproject.toml" else ""
    config = write(tmp_path / name, header + 'output = "gen"\ninputs = ["dsl"\ntargets = ["python"]\n')
    module(tmp_path / "dsl", "shop.answer")
    result = dg("check", cwd=tmp_path)
    assert result.returncode == 1
    (line,) = problems(result)
    assert line.startswith(f"{real(config)}:"), line
    number = int(line.split(":")[1])
    assert number in (len(header.splitlines()) + 2, len(header.splitlines()) + 3), line  # the unclosed array
    assert "invalid TOML" in line
    assert "Traceback" not in result.stderr


def test_a_valid_config_is_quiet(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", PYPROJECT.split("[tool.domaingen]")[0] + '[tool.domaingen]\ninputs = ["dsl"]\ntargets = ["python"]\nvectors = false\n')
    module(tmp_path / "dsl", "shop.answer")
    result = dg("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert problems(result) == ["ok: 1 module checked"]


# --- paths are relative to the configuration file; the nearest one wins -------------------


def test_inputs_and_output_are_relative_to_the_config_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.domaingen]\ninputs = ["rules"]\noutput = "build/gen"\ntargets = ["python"]\n')
    module(tmp_path / "rules", "shop.answer")
    deep = tmp_path / "src" / "app" / "deep"
    deep.mkdir(parents=True)

    check = dg("check", cwd=deep)
    assert check.returncode == 0, check.stderr
    assert "ok: 1 module checked" in check.stderr
    tests = dg("test", cwd=deep)
    assert tests.returncode == 0 and tests.stdout.splitlines()[-1] == "1 passed, 0 failed"
    ir = json.loads(dg("ir", cwd=deep).stdout)
    assert [m["name"] for m in ir["modules"]] == ["shop.answer"]

    generate = dg("generate", cwd=deep)
    assert generate.returncode == 0, generate.stderr
    assert (tmp_path / "build" / "gen" / ".domaingen-manifest.json").is_file()
    assert not (deep / "build").exists()
    assert any((tmp_path / "build" / "gen" / "python").rglob("*.py"))
    fresh = dg("generate", "--check", cwd=deep)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr


def test_diagnostics_from_a_subfolder_point_at_the_file(tmp_path: Path) -> None:
    write(tmp_path / "domaingen.toml", 'inputs = ["rules"]\n')
    write(tmp_path / "rules" / "bad.dg", "module shop.bad\n\nfn f() -> Int {\n  return \"x\"\n}\n")
    sub = tmp_path / "docs"
    sub.mkdir()
    result = dg("check", cwd=sub)
    assert result.returncode == 1
    path = os.path.join("..", "rules", "bad.dg")
    assert result.stderr.startswith(f"{path}:4:"), result.stderr  # a path that works from where the user stands


def test_nearest_config_wins_and_unrelated_pyprojects_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.domaingen]\ninputs = ["outer"]\n')
    module(tmp_path / "outer", "outer.rules")
    inner = tmp_path / "services" / "pricing"
    write(inner / "domaingen.toml", 'inputs = ["inner"]\n')
    module(inner / "inner", "inner.rules")
    # A pyproject.toml without [tool.domaingen] is not a domaingen configuration: the search goes on.
    unrelated = inner / "lib"
    write(unrelated / "pyproject.toml", '[project]\nname = "lib"\n[tool.black]\nline-length = 100\n')
    here = unrelated / "src"
    here.mkdir()

    def modules(cwd: Path) -> list[str]:
        result = dg("ir", cwd=cwd)
        assert result.returncode == 0, result.stderr
        return [m["name"] for m in json.loads(result.stdout)["modules"]]

    assert modules(here) == ["inner.rules"]
    assert modules(inner) == ["inner.rules"]
    assert modules(tmp_path / "services") == ["outer.rules"]
    assert modules(tmp_path) == ["outer.rules"]


def test_paths_on_the_command_line_override_inputs(tmp_path: Path) -> None:
    write(tmp_path / "domaingen.toml", 'inputs = ["configured"]\n')
    module(tmp_path / "configured", "from.config")
    module(tmp_path / "other", "from.argument")
    result = dg("ir", "other", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [m["name"] for m in json.loads(result.stdout)["modules"]] == ["from.argument"]


def test_no_config_defaults_to_dsl_folder(tmp_path: Path) -> None:
    module(tmp_path / "dsl", "shop.answer")
    result = dg("check", cwd=tmp_path)
    # tmp_path has no configuration above it (pytest's base temp folder), so the default applies.
    assert result.returncode == 0, result.stderr
    assert "ok: 1 module checked" in result.stderr
