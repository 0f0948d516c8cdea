"""Bit-exact float built-ins and the Float text form (LANGUAGE.md section 5).

* The Python port (domaingen.semantics.floatlib) against vectors computed by
  the Rust ``libm`` crate, the oracle every runtime ports
  (fixtures/floatlib_vectors.json, made by oracles/make_floatlib_vectors.sh).
* ``format_float`` against Node's ``String(x)`` and ``parse_float`` against
  the accept/reject table (fixtures/numfmt_cases.json, made by
  oracles/make_numfmt_cases.sh).
* The Go, Rust and TypeScript runtimes (templates/*/runtime/dgmath.*) over the
  same fixtures, each through a tiny harness; skipped, with the reason, where a
  toolchain is missing.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import struct
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from domaingen.semantics import floatlib, numfmt

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIXTURES = HERE / "fixtures"
VECTORS: dict[str, list[list[str]]] = json.loads((FIXTURES / "floatlib_vectors.json").read_text())["vectors"]
NUMFMT = json.loads((FIXTURES / "numfmt_cases.json").read_text())
FORMAT_CASES: list[list[str]] = NUMFMT["format"]
PARSE_CASES: list[list[str | None]] = NUMFMT["parse"]
FUNCS = ["sqrt", "pow", "exp", "ln", "log10", "sin", "cos", "tan", "atan2"]
PY_FUNCS: dict[str, Callable[..., float]] = {name: getattr(floatlib, name) for name in FUNCS}


def from_hex(h: str) -> float:
    return float(struct.unpack("<d", struct.pack("<Q", int(h, 16)))[0])


def to_hex(x: float) -> str:
    return format(struct.unpack("<Q", struct.pack("<d", x))[0], "016x")


def is_nan_hex(h: str) -> bool:
    b = int(h, 16)
    return (b >> 52) & 0x7FF == 0x7FF and b & ((1 << 52) - 1) != 0


def same_result(got: str, expected: str) -> bool:
    """Bit-identical, except that any NaN matches any NaN (the language never
    lets a NaN escape, so its sign and payload carry no meaning)."""
    return got == expected or (is_nan_hex(got) and is_nan_hex(expected))


# --------------------------------------------------------------------------
# (a) Python port against the libm oracle
# --------------------------------------------------------------------------


def test_fixture_covers_every_function() -> None:
    assert list(VECTORS) == FUNCS
    for name in FUNCS:
        assert len(VECTORS[name]) >= 290, name


@pytest.mark.parametrize("name", FUNCS)
def test_python_port_is_bit_exact(name: str) -> None:
    fn = PY_FUNCS[name]
    mismatches = []
    for row in VECTORS[name]:
        args = [from_hex(h) for h in row[:-1]]
        got = to_hex(fn(*args))
        if not same_result(got, row[-1]):
            mismatches.append((row, got))
    assert mismatches == [], f"{len(mismatches)} of {len(VECTORS[name])} differ, e.g. {mismatches[:5]}"


def test_python_port_known_values() -> None:
    """Hand-checked values (exact cases, and fdlibm's known results), so a
    broken fixture cannot hide a broken port; plus the special cases that
    would raise in a naive Python port (division by zero, math domain)."""
    f = floatlib
    assert f.pow(2.0, 10.0) == 1024.0
    assert f.pow(2.0, 0.5) == math.sqrt(2.0)
    assert f.pow(-2.0, 3.0) == -8.0
    assert f.pow(10.0, -2.0) == 0.01
    assert f.pow(0.0, -1.0) == math.inf
    assert to_hex(f.pow(-0.0, -1.0)) == to_hex(-math.inf)
    assert f.pow(-0.0, -2.0) == math.inf
    assert math.isnan(f.pow(-8.0, 1.0 / 3.0))
    assert f.pow(1.0, math.nan) == 1.0
    assert f.pow(math.nan, 0.0) == 1.0
    assert f.pow(-1.0, math.inf) == 1.0
    assert f.pow(2.0, 1024.0) == math.inf
    assert f.pow(2.0, -1074.0) == 5e-324
    assert f.pow(2.0, -1076.0) == 0.0
    assert f.exp(0.0) == 1.0
    assert f.exp(1.0) == 2.7182818284590455  # fdlibm: 1 ulp above math.e, as libm gives
    assert f.exp(710.0) == math.inf
    assert f.exp(-746.0) == 0.0
    assert f.ln(1.0) == 0.0
    assert f.ln(math.e) == 1.0
    assert f.ln(0.0) == -math.inf
    assert f.ln(-0.0) == -math.inf
    assert math.isnan(f.ln(-1.0))
    assert f.ln(5e-324) == -744.4400719213812
    assert f.log10(1000.0) == 3.0
    assert f.log10(1e-300) == -300.0
    assert f.log10(0.0) == -math.inf
    assert f.sqrt(16.0) == 4.0
    assert math.isnan(f.sqrt(-1.0))
    assert f.sin(0.0) == 0.0 and to_hex(f.sin(-0.0)) == to_hex(-0.0)
    assert f.sin(math.pi / 6) == 0.49999999999999994
    assert f.cos(0.0) == 1.0
    assert f.tan(math.pi / 4) == 0.9999999999999999
    assert math.isnan(f.sin(math.inf)) and math.isnan(f.cos(-math.inf)) and math.isnan(f.tan(math.nan))
    assert f.sin(1e22) == -0.8522008497671888  # needs the full 2/pi table
    assert f.atan2(1.0, 1.0) == math.pi / 4
    assert f.atan2(0.0, -1.0) == math.pi
    assert f.atan2(-0.0, -1.0) == -math.pi
    assert f.atan2(1.0, 0.0) == math.pi / 2
    assert f.atan2(math.inf, -math.inf) == 3 * math.pi / 4


# --------------------------------------------------------------------------
# (b) format_float, (c) parse_float
# --------------------------------------------------------------------------


def test_format_cases_include_the_contract_examples() -> None:
    texts = {from_hex(h): s for h, s in FORMAT_CASES}
    assert texts[1e21] == "1e+21"
    assert texts[1e-7] == "1e-7"
    assert texts[100.0] == "100"
    assert texts[0.1 + 0.2] == "0.30000000000000004"
    assert texts[123456789012345680000.0] == "123456789012345680000"
    assert texts[1.5e-7] == "1.5e-7"
    assert texts[0.000001] == "0.000001"
    assert texts[5e-324] == "5e-324"
    assert texts[1.7976931348623157e308] == "1.7976931348623157e+308"
    assert ("8000000000000000", "0") in [tuple(c) for c in FORMAT_CASES]
    assert len(FORMAT_CASES) >= 500


def test_format_float_matches_ecmascript() -> None:
    mismatches = [
        (h, s, numfmt.format_float(from_hex(h))) for h, s in FORMAT_CASES if numfmt.format_float(from_hex(h)) != s
    ]
    assert mismatches == []


def test_format_float_non_finite() -> None:
    assert numfmt.format_float(math.nan) == "NaN"
    assert numfmt.format_float(math.inf) == "Infinity"
    assert numfmt.format_float(-math.inf) == "-Infinity"


def test_parse_float_table() -> None:
    mismatches = []
    for text, expected in PARSE_CASES:
        assert text is not None
        got = numfmt.parse_float(text)
        got_hex = None if got is None else to_hex(got)
        if got_hex != expected:
            mismatches.append((text, expected, got_hex))
    assert mismatches == []
    accepted = {t for t, e in PARSE_CASES if e is not None}
    assert {"0", "-0", "1.5", "1e10", "1E10", "1e+10", "1e-10", "007", "1e-400"} <= accepted
    rejected = {t for t, e in PARSE_CASES if e is None}
    assert {"", "+1", ".5", "1.", "NaN", "Infinity", "1e309", " 1", "1_000", "١٢"} <= rejected


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0.0), ("-2.5", -2.5), ("1e-400", 0.0), ("00012.50", 12.5), ("2E3", 2000.0)],
)
def test_parse_float_values(text: str, value: float) -> None:
    assert numfmt.parse_float(text) == value


@pytest.mark.parametrize("text", ["1e400", "-1e400", "1x", "１", "1\n", "0x1p3", "inf", "1e", "--1", "1.5e+"])
def test_parse_float_rejects(text: str) -> None:
    assert numfmt.parse_float(text) is None


# --------------------------------------------------------------------------
# (d) Go, Rust and TypeScript runtimes over the same fixtures
# --------------------------------------------------------------------------
#
# Harness protocol, one line in, one line out:
#   "<func> <hex> [<hex>]"  -> result bits as 16 hex digits
#   "fmt <hex>"             -> the runtime's format_float text
#   "parse x<utf-8 hex>"    -> result bits, or "none"


def harness_input() -> tuple[str, list[tuple[str, str]]]:
    """The stdin for a harness and, per line, (kind, expected output)."""
    lines: list[str] = []
    expected: list[tuple[str, str]] = []
    for name in FUNCS:
        for row in VECTORS[name]:
            lines.append(" ".join([name, *row[:-1]]))
            expected.append(("float", row[-1]))
    for h, s in FORMAT_CASES:
        lines.append(f"fmt {h}")
        expected.append(("text", s))
    for text, value in PARSE_CASES:
        assert text is not None
        lines.append("parse x" + text.encode().hex())
        expected.append(("text", "none" if value is None else value))
    return "\n".join(lines) + "\n", expected


def check_harness_output(lang: str, stdout: str) -> None:
    stdin, expected = harness_input()
    got = stdout.split("\n")
    assert got[-1] == ""
    got = got[:-1]
    assert len(got) == len(expected), f"{lang}: {len(got)} output lines for {len(expected)} inputs"
    in_lines = stdin.split("\n")
    mismatches = []
    for line, (kind, want), have in zip(in_lines, expected, got):
        ok = same_result(have, want) if kind == "float" else have == want
        if not ok:
            mismatches.append((line, want, have))
    assert mismatches == [], f"{lang}: {len(mismatches)} mismatches, e.g. {mismatches[:8]}"


def run(
    cmd: list[str], cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None, timeout: float = 300
) -> str:
    proc = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, text=True, env=env, timeout=timeout)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "domaingen"


GO_MAIN = r"""package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"dgharness/dgrt"
)

func arg(s string) float64 {
	u, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		panic(err)
	}
	return math.Float64frombits(u)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		f := strings.Fields(in.Text())
		var r float64
		switch f[0] {
		case "fmt":
			fmt.Fprintln(out, dgrt.FormatFloat(arg(f[1])))
			continue
		case "parse":
			b, err := hex.DecodeString(f[1][1:])
			if err != nil {
				panic(err)
			}
			if v, ok := dgrt.ParseFloat(string(b)); ok {
				fmt.Fprintf(out, "%016x\n", math.Float64bits(v))
			} else {
				fmt.Fprintln(out, "none")
			}
			continue
		case "sqrt":
			r = dgrt.Sqrt(arg(f[1]))
		case "pow":
			r = dgrt.Pow(arg(f[1]), arg(f[2]))
		case "exp":
			r = dgrt.Exp(arg(f[1]))
		case "ln":
			r = dgrt.Ln(arg(f[1]))
		case "log10":
			r = dgrt.Log10(arg(f[1]))
		case "sin":
			r = dgrt.Sin(arg(f[1]))
		case "cos":
			r = dgrt.Cos(arg(f[1]))
		case "tan":
			r = dgrt.Tan(arg(f[1]))
		case "atan2":
			r = dgrt.Atan2(arg(f[1]), arg(f[2]))
		default:
			panic("unknown function " + f[0])
		}
		fmt.Fprintf(out, "%016x\n", math.Float64bits(r))
	}
}
"""

RUST_MAIN = r"""#[path = "DGMATH_PATH"]
mod dgmath;

use std::io::{self, BufRead, BufWriter, Write};

fn arg(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).expect("hex"))
}

fn main() {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let f: Vec<&str> = line.split_whitespace().collect();
        let r = match f[0] {
            "fmt" => {
                writeln!(out, "{}", dgmath::format_float(arg(f[1]))).unwrap();
                continue;
            }
            "parse" => {
                let h = &f[1][1..];
                let bytes: Vec<u8> = (0..h.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
                    .collect();
                match dgmath::parse_float(&String::from_utf8(bytes).expect("utf-8")) {
                    Some(v) => writeln!(out, "{:016x}", v.to_bits()).unwrap(),
                    None => writeln!(out, "none").unwrap(),
                }
                continue;
            }
            "sqrt" => dgmath::sqrt(arg(f[1])),
            "pow" => dgmath::pow(arg(f[1]), arg(f[2])),
            "exp" => dgmath::exp(arg(f[1])),
            "ln" => dgmath::ln(arg(f[1])),
            "log10" => dgmath::log10(arg(f[1])),
            "sin" => dgmath::sin(arg(f[1])),
            "cos" => dgmath::cos(arg(f[1])),
            "tan" => dgmath::tan(arg(f[1])),
            "atan2" => dgmath::atan2(arg(f[1]), arg(f[2])),
            other => panic!("unknown function {other}"),
        };
        writeln!(out, "{:016x}", r.to_bits()).unwrap();
    }
}
"""

TS_MAIN = r"""import * as dg from "./dgmath.js";
import { readFileSync } from "node:fs";

const view = new DataView(new ArrayBuffer(8));
const arg = (h) => { view.setBigUint64(0, BigInt("0x" + h)); return view.getFloat64(0); };
const bits = (x) => { view.setFloat64(0, x); return view.getBigUint64(0).toString(16).padStart(16, "0"); };
const fns = { sqrt: dg.sqrt, pow: dg.pow, exp: dg.exp, ln: dg.ln, log10: dg.log10, sin: dg.sin, cos: dg.cos, tan: dg.tan, atan2: dg.atan2 };
const out = [];
for (const line of readFileSync(0, "utf8").split("\n")) {
  if (line === "") continue;
  const f = line.split(" ");
  if (f[0] === "fmt") {
    out.push(dg.formatFloat(arg(f[1])));
  } else if (f[0] === "parse") {
    const v = dg.parseFloatStrict(Buffer.from(f[1].slice(1), "hex").toString("utf8"));
    out.push(v === undefined ? "none" : bits(v));
  } else {
    out.push(bits(fns[f[0]](...f.slice(1).map(arg))));
  }
}
process.stdout.write(out.join("\n") + "\n");
"""

TYPESCRIPT_VERSION = "5.9.3"  # as pinned in tools/package.json


def find_tsc() -> Path | None:
    """tsc from $DOMAINGEN_TSC, the repo's pinned tools/ (scripts/setup.sh),
    PATH, or the domaingen cache (installed there with npm on first use when
    npm is available)."""
    env = os.environ.get("DOMAINGEN_TSC")
    if env:
        return Path(env)
    pinned = REPO / "tools" / "node_modules" / ".bin" / "tsc"
    if pinned.exists():
        return pinned
    on_path = shutil.which("tsc")
    if on_path:
        return Path(on_path)
    prefix = cache_dir() / "node-tools"
    cached = prefix / "node_modules" / ".bin" / "tsc"
    if cached.exists():
        return cached
    npm = shutil.which("npm")
    if npm is None:
        return None
    prefix.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefix", str(prefix), f"typescript@{TYPESCRIPT_VERSION}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return cached if proc.returncode == 0 and cached.exists() else None


@pytest.fixture(scope="module")
def stdin_text() -> Iterator[str]:
    yield harness_input()[0]


def test_go_runtime_is_bit_exact(tmp_path: Path, stdin_text: str) -> None:
    go = shutil.which("go")
    if go is None:
        pytest.skip("go toolchain not installed")
    (tmp_path / "dgrt").mkdir()
    shutil.copy(REPO / "templates/go/runtime/dgmath.go", tmp_path / "dgrt/dgmath.go")
    (tmp_path / "go.mod").write_text("module dgharness\n\ngo 1.21\n")
    (tmp_path / "main.go").write_text(GO_MAIN)
    env = {**os.environ, "GOTOOLCHAIN": "local"}
    run([go, "build", "-o", "harness", "."], tmp_path, env=env)
    check_harness_output("go", run([str(tmp_path / "harness")], tmp_path, stdin=stdin_text))


def test_go_runtime_has_no_fused_multiply_add(tmp_path: Path) -> None:
    """Go may fuse x*y+z into one FMA on arm64, ppc64le, s390x and amd64 with
    GOAMD64=v3, even across statements and inlined calls; the float64(...)
    conversions in dgmath.go must prevent every fusion.  Checked in the
    compiler's assembly listing for each of those targets."""
    go = shutil.which("go")
    if go is None:
        pytest.skip("go toolchain not installed")
    # Only the numeric part, importing only "math", so that a cold build cache
    # compiles little more than package math for each target.
    src = (REPO / "templates/go/runtime/dgmath.go").read_text()
    assert '\t"strconv"\n' in src and '\t"strings"\n' in src and "// FormatFloat returns" in src
    numeric = src[: src.index("// FormatFloat returns")].replace('\t"strconv"\n', "").replace('\t"strings"\n', "")
    (tmp_path / "dgmath.go").write_text(numeric)
    (tmp_path / "go.mod").write_text("module dgrt\n\ngo 1.21\n")
    targets: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
        "arm64": ({"GOARCH": "arm64"}, ("FMADD", "FMSUB", "FNMADD", "FNMSUB")),
        "amd64-v3": ({"GOARCH": "amd64", "GOAMD64": "v3"}, ("VFMADD", "VFMSUB", "VFNMADD", "VFNMSUB")),
        "ppc64le": ({"GOARCH": "ppc64le"}, ("FMADD", "FMSUB", "FNMADD", "FNMSUB")),
        "s390x": ({"GOARCH": "s390x"}, ("FMADD", "FMSUB", "WFMA", "WFMS", "WFNMA", "WFNMS")),
    }
    for label, (extra, mnemonics) in targets.items():
        env = {**os.environ, "GOTOOLCHAIN": "local", "GOOS": "linux", "CGO_ENABLED": "0", **extra}
        proc = subprocess.run(
            [go, "build", "-gcflags=-S", "."], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300
        )
        assert proc.returncode == 0, proc.stderr
        asm = proc.stderr + proc.stdout
        assert "dgrt.Pow" in asm, f"{label}: no assembly listing"
        fused = [ln for ln in asm.splitlines() if any(m in ln for m in mnemonics)]
        assert fused == [], f"{label}: fused multiply-add in dgmath.go: {fused[:5]}"


def test_rust_runtime_is_bit_exact(tmp_path: Path, stdin_text: str) -> None:
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.skip("cargo not installed")
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text(
        '[package]\nname = "dgharness"\nversion = "0.0.0"\nedition = "2021"\n\n[workspace]\n'
    )
    dgmath = (REPO / "templates/rust/runtime/dgmath.rs").resolve()
    (tmp_path / "src/main.rs").write_text(RUST_MAIN.replace("DGMATH_PATH", str(dgmath).replace("\\", "/")))
    target = Path(os.environ.get("CARGO_TARGET_DIR", cache_dir() / "cargo-target"))
    env = {**os.environ, "CARGO_TARGET_DIR": str(target)}
    # debug build: overflow checks on, as in a generated crate's tests
    run([cargo, "build", "--quiet"], tmp_path, env=env)
    check_harness_output("rust", run([str(target / "debug" / "dgharness")], tmp_path, stdin=stdin_text))


def test_typescript_runtime_is_bit_exact(tmp_path: Path, stdin_text: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not installed")
    tsc = find_tsc()
    if tsc is None:
        pytest.skip("TypeScript compiler not available (no $DOMAINGEN_TSC, tools/, tsc on PATH; npm install failed)")
    shutil.copy(REPO / "templates/typescript/runtime/dgmath.ts", tmp_path / "dgmath.ts")
    run(
        [
            str(tsc),
            "--strict",
            "--noUncheckedIndexedAccess",
            "--noUnusedLocals",
            "--noUnusedParameters",
            "--noImplicitReturns",
            "--target",
            "es2020",
            "--module",
            "es2020",
            "--outDir",
            str(tmp_path / "out"),
            "dgmath.ts",
        ],
        tmp_path,
    )
    (tmp_path / "out/package.json").write_text('{"type": "module"}\n')
    (tmp_path / "out/harness.js").write_text(TS_MAIN)
    check_harness_output("typescript", run([node, "out/harness.js"], tmp_path, stdin=stdin_text))
