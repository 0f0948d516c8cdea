#!/usr/bin/env bash
# Regenerates tests/runtime/fixtures/floatlib_vectors.json.
#
# The inputs (special values, edge cases and seeded random values) are made by
# the Python below; the expected results come from the Rust `libm` crate, pinned
# in tests/runtime/oracles/libm_oracle/Cargo.toml, which every domaingen runtime
# (Python, Go, Rust, TypeScript) ports bit for bit.  Needs python3 and cargo
# (crates.io reachable on the first build).  Deterministic: running it again
# with the same Python gives the same file.
#
# usage: tests/runtime/oracles/make_floatlib_vectors.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$repo/tests/runtime/fixtures/floatlib_vectors.json"
target="${CARGO_TARGET_DIR:-$HOME/.cache/domaingen/cargo-target}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build from a copy so that no Cargo.lock is left in the repository.
cp -r "$here/libm_oracle" "$work/oracle"
CARGO_TARGET_DIR="$target" cargo build --quiet --release \
    --manifest-path "$work/oracle/Cargo.toml"
oracle="$target/release/libm_oracle"

python3 - "$work/inputs.txt" <<'PY'
import math
import random
import struct
import sys

rng = random.Random(20240607)


def bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def fbits(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def h(x: float) -> str:
    return format(bits(x), "016x")


def ulps(x: float, n: int) -> list[float]:
    """x and its n neighbours on each side (x finite and nonzero; the bit
    pattern steps towards / away from zero, whatever the sign)."""
    b = bits(x)
    return [fbits(b + d) for d in range(-n, n + 1)]


def signed(xs: list[float]) -> list[float]:
    return xs + [-v for v in xs]


INF = math.inf
NAN = math.nan
MAXF = 1.7976931348623157e308
MINN = 2.2250738585072014e-308
SUB = [5e-324, 1e-323, 2.225073858507201e-308, 1e-310, 4.9406564584124654e-320, fbits(0x0000000100000000), fbits(0x00000000ffffffff)]
SPECIAL = [0.0, -0.0, INF, -INF, NAN, MAXF, -MAXF, MINN, -MINN, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0] + signed(SUB)


def loguniform(lo: float, hi: float) -> float:
    x = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    return x if rng.random() < 0.5 else -x


def randbits_finite() -> float:
    while True:
        x = fbits(rng.getrandbits(64))
        if math.isfinite(x):
            return x


def dedup(xs: list[float]) -> list[float]:
    seen: set[int] = set()
    res = []
    for x in xs:
        b = bits(x)
        if b not in seen:
            seen.add(b)
            res.append(x)
    return res


def fill(xs: list[float], total: int, gen) -> list[float]:  # type: ignore[no-untyped-def]
    xs = dedup(xs)
    while len(xs) < total:
        xs = dedup(xs + [gen()])
    return xs


lines: list[str] = []


def unary(name: str, xs: list[float]) -> None:
    for x in xs:
        lines.append(f"{name} {h(x)}")


def binary(name: str, pairs: list[tuple[float, float]]) -> None:
    seen: set[tuple[int, int]] = set()
    for a, b in pairs:
        key = (bits(a), bits(b))
        if key not in seen:
            seen.add(key)
            lines.append(f"{name} {h(a)} {h(b)}")


# ---- sqrt: native everywhere, included as a sanity check -------------------
xs = SPECIAL + [4.0, 9.0, 1e-300, 1e300, 3.0, 0.1, 1e-320]
unary("sqrt", fill(xs, 300, lambda: abs(loguniform(1e-300, 1e300)) if rng.random() < 0.8 else abs(randbits_finite())))

# ---- trigonometry ----------------------------------------------------------
trig: list[float] = list(SPECIAL)
trig += [1e22, -1e22, 1e300, -1e300, 2.0**1023, MAXF * 0.75, 1e6, 1e9, 1e15, 1e16, 2.0**52, 2.0**53 + 2]
trig += [fbits(0x3E500000 << 32), fbits(0x3E400000 << 32), fbits(0x3E46A09E << 32), 2.0**-26, 2.0**-27, 1e-9, 1e-300]
trig += [6381956970095103.0 * 2.0**797, 5.319372648326541e255, 8.0e-3, 0.6744, 0.6745, 0.785398163397448, 3.0e-9]
# boundaries used by __rem_pio2 and the kernels
for hi in (0x3FE921FB, 0x400F6A7A, 0x4002D97C, 0x4015FDBC, 0x401C463B, 0x4012D97C, 0x401921FB, 0x413921FB, 0x3FE59428):
    for lo in (0x00000000, 0xFFFFFFFF, 0x54442D18):
        trig += signed([fbits((hi << 32) | lo)])
# near multiples of pi/2 (the hard cases for argument reduction)
for k in list(range(1, 13)) + [100, 1000, 12345, 2**19, 2**20 - 1, 2**20, 2**20 + 1, 2**25, 2**40]:
    trig += signed(ulps(k * math.pi / 2, 1))
trig = dedup(trig)
for name in ("sin", "cos", "tan"):
    def g() -> float:
        r = rng.random()
        if r < 0.35:
            return rng.uniform(-10.0, 10.0)
        if r < 0.55:
            return rng.uniform(-1.0, 1.0)
        if r < 0.8:
            return loguniform(1e-10, 1e20)
        if r < 0.9:
            return loguniform(1e20, 1e308)
        return randbits_finite()
    unary(name, fill(list(trig), 300, g))

# ---- exp -------------------------------------------------------------------
ex: list[float] = list(SPECIAL)
ex += ulps(709.782712893383973096, 2) + [709.79, 710.0, 709.0, 708.39641853226410622, 1000.0]
ex += ulps(-708.39641853226410622, 2) + ulps(-745.13321910194110842, 2) + [-740.0, -744.0, -745.2, -746.0, -1000.0, -709.0, -720.5]
ex += signed([2.0**-28, 2.0**-29, 3.725290298461914e-09, 0.34657359027997264, 0.3465735902799727, 1.0397207708399179, 1.03972077083991796, 1e-300, 1e-10, 0.1, 1e-5])
ex += signed([fbits(0x3FD62E42 << 32), fbits((0x3FD62E42 << 32) | 0xFFFFFFFF), fbits(0x3FF0A2B2 << 32), fbits(0x3E300000 << 32), fbits((0x3E300000 << 32) | 1)])
ex += [float(k) for k in range(-20, 21)]


def gexp() -> float:
    r = rng.random()
    if r < 0.4:
        return rng.uniform(-745.5, 709.9)
    if r < 0.7:
        return rng.uniform(-5.0, 5.0)
    return loguniform(1e-20, 1.0)


unary("exp", fill(ex, 300, gexp))

# ---- ln / log10 ------------------------------------------------------------
lg: list[float] = list(SPECIAL) + [-3.0, -1e-300]
lg += ulps(1.0, 3) + [10.0, 100.0, 1000.0, 0.1, 0.01, 2.718281828459045, 2.7182818284590455, 1e300, 1e-300, 3.0, 7.0]
lg += [10.0**k for k in range(-25, 26)] + [10.0**k for k in (-300, -200, -100, 100, 200, 300, 308)]
lg += [fbits(0x3FE6A09E << 32), fbits((0x3FE6A09E << 32) | 0xFFFFFFFF), fbits(0x3FF6A09E << 32), fbits((0x3FF6A09D << 32) | 0xFFFFFFFF), math.sqrt(2.0), math.sqrt(0.5)]
lg += [fbits(rng.randrange(1, 1 << 52)) for _ in range(15)]  # random subnormals
lg += [2.0**k for k in (-1074, -1073, -1060, -1023, -1022, -1021, -100, -1, 1, 100, 1023)]


def glog() -> float:
    r = rng.random()
    if r < 0.3:
        return rng.uniform(0.0, 4.0)
    if r < 0.45:
        return 1.0 + rng.uniform(-1e-6, 1e-6)
    if r < 0.85:
        return abs(loguniform(1e-300, 1e300))
    return abs(randbits_finite())


lg = dedup(lg)
unary("ln", fill(list(lg), 300, glog))
unary("log10", fill(list(lg), 300, glog))

# ---- pow -------------------------------------------------------------------
pw: list[tuple[float, float]] = []
bases = [0.0, -0.0, 1.0, -1.0, INF, -INF, NAN, 0.5, -0.5, 2.0, -2.0, 1e-300, 1e300, 5e-324, -5e-324, -3.0, 10.0, 1.5]
exps = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -0.5, 3.0, -3.0, INF, -INF, NAN, 2.5, 1e10, 1e20, -1e20, 2.0**31 + 1, 2.0**53, 2.0**53 + 2, 0.1, 1.5]
for a in bases:
    for b in exps:
        pw.append((a, b))
# (-1)**+-inf, 1**nan, 0**negative, negative base with integer / non-integer y
pw += [(-1.0, INF), (-1.0, -INF), (1.0, NAN), (1.0, -INF), (0.0, -1.0), (-0.0, -1.0), (0.0, -2.0), (-0.0, -3.0), (-0.0, -2.5), (0.0, -INF), (-0.0, INF)]
pw += [(-2.0, 3.0), (-2.0, 4.0), (-2.0, 0.5), (-2.0, 1.0 / 3.0), (-8.0, 1.0 / 3.0), (-1.5, 1e5), (-1.5, 1e5 + 1), (-2.0, 2.0**52 + 1), (-2.0, 2.0**52 - 1.0), (-1.0000001, 2.0**21 + 1), (-3.0, -7.0), (-3.0, 2.0**31 - 1)]
# x close to 1 with huge y; overflow / underflow thresholds
one_p = fbits(bits(1.0) + 1)
one_m = fbits(bits(1.0) - 1)
pw += [(one_p, 2.0**60), (one_m, 2.0**60), (one_p, -2.0**60), (one_m, 1e16), (one_p, 2.0**32), (1.0 + 2.0**-21, 2.0**35), (1.0 - 2.0**-21, 2.0**35), (0.9999999, 2.0**40), (1.0000001, -2.0**40)]
pw += [(2.0, 1023.0), (2.0, 1024.0), (2.0, -1074.0), (2.0, -1075.0), (2.0, -1074.5), (2.0, -1022.0), (2.0, -1023.5), (2.0, 1023.9999999999999), (10.0, 308.25), (10.0, 308.2547155599167), (10.0, -323.3), (10.0, -324.0)]
pw += [(0.5, 1074.0), (0.5, 1075.0), (MAXF, 1.0000000000000002), (MAXF, 0.5), (MINN, 0.5), (5e-324, 0.5), (5e-324, -0.5), (1e-310, 1.1), (2.0, 0.5), (1e308, 2.0), (1e-200, 2.0)]
pw += [(x, 1.5) for x in (0.1, 0.3, 2.0, 7.0, 123.456, 1e-5)]
pw += [(fbits(0x3FF6A09E << 32), 3.3), (fbits(0x3FFBB67A << 32), 3.3), (fbits(0x3FFBB679 << 32), -7.7), (fbits(0x3FF3988E << 32), 1.1), (fbits(0x3FF3988F << 32), 1.1)]


def gpow() -> tuple[float, float]:
    r = rng.random()
    if r < 0.35:
        return abs(loguniform(1e-5, 1e5)), rng.uniform(-50.0, 50.0)
    if r < 0.5:
        return rng.uniform(0.0, 10.0), rng.uniform(-5.0, 5.0)
    if r < 0.65:
        return -abs(loguniform(1e-3, 1e3)), float(rng.randint(-60, 60))
    if r < 0.75:
        return abs(loguniform(1e-300, 1e300)), rng.uniform(-2.0, 2.0)
    if r < 0.85:
        return 1.0 + rng.uniform(-1e-3, 1e-3), loguniform(1.0, 1e9)
    return rng.uniform(0.0, 3.0), 1.5


while len(pw) < 520:
    pw.append(gpow())
binary("pow", pw)

# ---- atan2 -----------------------------------------------------------------
at: list[tuple[float, float]] = []
sp = [0.0, -0.0, INF, -INF, NAN, 1.0, -1.0]
for a in sp:
    for b in sp:
        at.append((a, b))
at += [(y, 1.0) for y in (0.1, -0.5, 0.4375, 0.44, 0.6875, 1.1875, 2.4375, 3.0, 1e10, 2.0**66, 1e300, 1e-9, 2.0**-27, 5e-324)]
at += [(1e300, 1e-300), (1e-300, 1e300), (-1e-300, -1e300), (1e-300, -1e300), (5e-324, 1.0), (1.0, 5e-324), (5e-324, -5e-324), (-5e-324, -1e-310)]
at += [(1.0, 2.0**64), (1.0, 2.0**65), (2.0**64, 1.0), (2.0**65, 1.0), (1.0, -2.0**64), (1.0, -2.0**65), (-1.0, -2.0**65), (MAXF, MAXF), (MAXF, -MAXF), (-MAXF, MINN), (3.0, -INF), (-3.0, -INF), (INF, 7.0), (-INF, -7.0)]


def gatan2() -> tuple[float, float]:
    r = rng.random()
    if r < 0.5:
        return rng.uniform(-10.0, 10.0), rng.uniform(-10.0, 10.0)
    if r < 0.85:
        return loguniform(1e-20, 1e20), loguniform(1e-20, 1e20)
    return randbits_finite(), randbits_finite()


while len(at) < 300:
    at.append(gatan2())
binary("atan2", at)

with open(sys.argv[1], "w") as fh:
    fh.write("\n".join(lines) + "\n")
PY

"$oracle" < "$work/inputs.txt" > "$work/outputs.txt"

version="$(sed -n 's/^libm = "=\(.*\)"$/\1/p' "$here/libm_oracle/Cargo.toml")"
python3 - "$work/inputs.txt" "$work/outputs.txt" "$out" "$version" <<'PY'
import json
import sys

ins = open(sys.argv[1]).read().split("\n")[:-1]
outs = open(sys.argv[2]).read().split("\n")[:-1]
assert len(ins) == len(outs), (len(ins), len(outs))
order = ["sqrt", "pow", "exp", "ln", "log10", "sin", "cos", "tan", "atan2"]
vectors: dict[str, list[list[str]]] = {name: [] for name in order}
for i, o in zip(ins, outs):
    parts = i.split()
    vectors[parts[0]].append(parts[1:] + [o])
blocks = []
for name in order:
    rows = ",\n".join("      " + json.dumps(v) for v in vectors[name])
    blocks.append(f'    "{name}": [\n{rows}\n    ]')
about = (
    "Float built-in test vectors: IEEE-754 binary64 bit patterns as hex, [args..., result] "
    "(atan2 is [y, x, result]). Results computed by the Rust libm crate pinned in "
    "tests/runtime/oracles/libm_oracle/Cargo.toml; regenerate with "
    "tests/runtime/oracles/make_floatlib_vectors.sh."
)
text = (
    "{\n"
    f"  \"about\": {json.dumps(about)},\n"
    f"  \"libm\": {json.dumps(sys.argv[4])},\n"
    "  \"vectors\": {\n" + ",\n".join(blocks) + "\n  }\n}\n"
)
json.loads(text)
with open(sys.argv[3], "w") as fh:
    fh.write(text)
counts = {k: len(v) for k, v in vectors.items()}
print("wrote", sys.argv[3], counts)
PY
