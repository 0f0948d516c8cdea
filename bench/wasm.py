"""WASM benchmark: `.wasm` size and the per-call cost of `add_exp` from each host.

Usage: python bench/wasm.py [--calls N] [--write]   (--write updates bench/RESULTS.md, section "WASM")

Generates `dsl/` (python, go, typescript, wasm) into
~/.cache/domaingen/wasm-test and builds the `.wasm` (as tests/targets/
test_wasm.py does), then measures in one process per host, in the same run:

* bare: a no-argument export (`dg_abi_version`) through the host's
  ordinary call path (wasmtime-py `Func.__call__`, a JS export call,
  wazero `api.Function.Call`);
* wasm: `game.progression.add_exp(profile, 150)` through the generated
  binding — record encoded by the native codec, one `dg_call`, result
  decoded into the native record;
* native: the same call to that language's native generated code.

Each figure is the median over 5 batches of N calls (default 20,000).
Also builds `dsl/game` alone for its size. Targets: Python wasm <= 2x
bare; `.wasm` < 300 KB.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

PY = """
import statistics, sys, time
from game_rules.game import progression as native
from game_rules_wasm import default_module
from game_rules_wasm.game import progression as wasm
n = int(sys.argv[1])
profile = native.add_tag(native.new_profile("p1", "Ann"), "vip")
module = default_module()
bare = module._version
store = module._store
def run(fn):
    out = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        out.append((time.perf_counter() - t) / n * 1e6)
    return statistics.median(out)
print(run(lambda: bare(store)), run(lambda: wasm.add_exp(profile, 150)), run(lambda: native.add_exp(profile, 150)))
"""

JS = """
import { WasmModule, defaultModule } from "./host.js";
import * as wasm from "./game/progression.js";
import * as native from "NATIVE/game/progression";
const n = Number(process.argv[2]);
const profile = native.addTag(native.newProfile("p1", "Ann"), "vip");
const module = defaultModule();
function run(fn) {
  const out = [];
  for (let b = 0; b < 5; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    out.push(Number(process.hrtime.bigint() - t) / n / 1000);
  }
  out.sort((a, b) => a - b);
  return out[2];
}
console.log(run(() => module.abiVersion()), run(() => wasm.addExp(profile, 150)), run(() => native.addExp(profile, 150)));
"""

GO = """
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"

	native "NATIVE/game/progression"
	wasm "HOST/game/progression"
	"HOST/host"
)

func run(n int, fn func()) float64 {
	out := []float64{}
	for b := 0; b < 5; b++ {
		t := time.Now()
		for i := 0; i < n; i++ {
			fn()
		}
		out = append(out, float64(time.Since(t).Nanoseconds())/float64(n)/1000)
	}
	sort.Float64s(out)
	return out[2]
}

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	p, _ := native.NewProfile("p1", "Ann")
	p, _ = native.AddTag(p, "vip")
	m, err := host.Default()
	if err != nil {
		panic(err)
	}
	bare := run(n, func() { m.ABIVersion() })
	w := run(n, func() { wasm.AddExp(p, 150) })
	nat := run(n, func() { native.AddExp(p, 150) })
	fmt.Println(bare, w, nat)
}
"""


def _prepare() -> tuple[Path, Path]:
    from domaingen.backends.wasm.build import build
    from domaingen.codegen import generate
    from domaingen.config import load_config
    from domaingen.verify import CACHE

    os.chdir(ROOT)
    config, _ = load_config()
    out = CACHE / "wasm-test"
    config = dataclasses.replace(config, inputs=(str(ROOT / "dsl"),), output=str(out), vectors=True)
    generate(config, ("python", "go", "typescript", "wasm"))
    wasm, report = build(out / "wasm")
    print(report, file=sys.stderr)
    return out, wasm


def _game_only_size() -> int:
    """The `.wasm` of the game example alone (dsl/game, without the edge/stress suites)."""
    from domaingen.backends.wasm.build import build
    from domaingen.codegen import generate
    from domaingen.config import load_config
    from domaingen.verify import CACHE

    config, _ = load_config()
    out = CACHE / "wasm-bench-game"
    config = dataclasses.replace(config, inputs=(str(ROOT / "dsl" / "game"),), output=str(out), vectors=False)
    generate(config, ("wasm",))
    wasm, _ = build(out / "wasm")
    return wasm.stat().st_size


def _python(out: Path, wasm: Path, n: int) -> list[float]:
    env = dict(os.environ, PYTHONPATH=f"{out / 'python'}{os.pathsep}{out / 'wasm' / 'python'}", DOMAINGEN_WASM=str(wasm))
    done = subprocess.run([sys.executable, "-c", PY, str(n)], env=env, capture_output=True, text=True, check=True)
    return [float(x) for x in done.stdout.split()]


def _node(out: Path, wasm: Path, n: int) -> list[float] | None:
    from domaingen.verify import CACHE, tsc_path

    tsc = tsc_path()
    if shutil.which("node") is None or tsc is None:
        return None
    stage = CACHE / "wasm-bench-ts"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(out / "typescript", stage / "native", ignore=shutil.ignore_patterns("dist", "node_modules"))
    shutil.copytree(out / "wasm" / "typescript", stage / "host", ignore=shutil.ignore_patterns("dist", "node_modules"))
    name = json.loads((stage / "native" / "package.json").read_text(encoding="utf-8"))["name"]
    (stage / "host" / "node_modules").mkdir()
    (stage / "host" / "node_modules" / name).symlink_to(stage / "native", target_is_directory=True)
    for folder in ("native", "host"):
        subprocess.run([tsc, "-p", "."], cwd=stage / folder, check=True, capture_output=True)
    script = stage / "host" / "dist" / "bench.mjs"
    script.write_text(JS.replace("NATIVE", name), encoding="utf-8")
    env = dict(os.environ, DOMAINGEN_WASM=str(wasm))
    done = subprocess.run(["node", "--no-warnings", str(script), str(n)], env=env, capture_output=True, text=True, check=True)
    return [float(x) for x in done.stdout.split()]


def _go(out: Path, wasm: Path, n: int) -> list[float] | None:
    if shutil.which("go") is None:
        return None
    host = out / "wasm" / "go"
    mod = (host / "go.mod").read_text(encoding="utf-8")
    module = next(line.split()[1] for line in mod.splitlines() if line.startswith("module "))
    native = module.removesuffix("_wasm")
    bench = host / "cmd" / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    (bench / "main.go").write_text(textwrap.dedent(GO).replace("NATIVE", native).replace("HOST", module), encoding="utf-8")
    env = dict(os.environ, DOMAINGEN_WASM=str(wasm))
    done = subprocess.run(["go", "run", "./cmd/bench", str(n)], cwd=host, env=env, capture_output=True, text=True, check=True)
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    game = _game_only_size()
    out, wasm = _prepare()  # built last, so the shared cargo target holds dsl/'s module
    size = wasm.stat().st_size
    rows = [
        f"`.wasm` (wasm-opt -Oz when installed; target < 300 KB): the game example `dsl/game` (5 modules) "
        f"**{game / 1000:.0f} KB** ({game:,} bytes); all of `dsl/` (11 modules, with the edge and stress suites) "
        f"**{size / 1000:.0f} KB** ({size:,} bytes)",
        "",
        "| host | bare export call | `add_exp` via wasm | `add_exp` native | wasm / bare | wasm / native |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, figures in (
        ("Python (wasmtime)", _python(out, wasm, args.calls)),
        ("TypeScript (node:wasi)", _node(out, wasm, args.calls)),
        ("Go (wazero)", _go(out, wasm, args.calls)),
    ):
        if figures is None:
            rows.append(f"| {label} | runtime missing | | | | |")
            continue
        bare, via, native = figures
        rows.append(f"| {label} | {bare:.2f} µs | {via:.2f} µs | {native:.2f} µs | {via / bare:.1f}x | {via / native:.1f}x |")
    rows += ["", "Per call, median of 5 batches of " + f"{args.calls:,} calls; `add_exp` takes and returns records."]
    print("\n".join(rows))
    if args.write:
        from results import write_section

        write_section("WASM", f"python bench/wasm.py --calls {args.calls} --write", rows)


if __name__ == "__main__":
    main()
