#!/usr/bin/env bash
# Regenerates tests/runtime/fixtures/numfmt_cases.json.
#
# "format": [bits, text] -- text is Node's String(x) for the double with those
#           IEEE-754 bits (ECMAScript Number::toString, the domaingen Float
#           text form of LANGUAGE.md section 5).
# "parse":  [text, bits-or-null] -- the domaingen parse_float contract: texts
#           matching -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)? map to Node's
#           Number(text) (null when that is not finite); every other text maps
#           to null.
# Inputs are fixed or seeded-random, so the output is deterministic.  Needs
# python3 and node.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../fixtures/numfmt_cases.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/in.json" <<'PY'
import json
import math
import random
import struct
import sys

rng = random.Random(99)


def h(x: float) -> str:
    return format(struct.unpack("<Q", struct.pack("<d", x))[0], "016x")


def fb(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b))[0]


fixed = [
    0.0, -0.0, 1.0, -1.0, 100.0, 1e21, 1e-7, 1.5e-7, 1e-6, 0.000001, 1.5e-6, 123456789012345680000.0,
    0.1 + 0.2, 5e-324, -5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1e20, 1e22,
    999999999999999900000.0, 9.999999999999999e20, 0.1, 0.5, 2.5, 1234.5678, -0.000123, 1e-300,
    123e-20, 1e100, 4.35, 0.3, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, 1.0 / 3.0, 2.0 / 3.0,
    9007199254740993.0, 1e15, 1e16, 1e17, 12345678901234567.0, 0.000001234, 0.0000001234,
    1.2e-6, 1.2e-7, 100000000000000000000.0, 5e-7, 4.9406564584124654e-324, 1e-323, 2e-323,
    9.5, 0.95, 1e-5, 3.14159, -2.718281828459045, 6.02214076e23, 1.602176634e-19,
    float(2**70), 8.41e21, 7.0e-10, 1e+21 - 65536.0,
    # exact ties between two 16/17-digit candidates: ECMAScript picks the even one
    1410636756345801.25, -893666960326052.25, 173748156831030.625, 1835656490767.65625, 1783046534350.84375,
]
xs = list(fixed)
while len(xs) < len(fixed) + 520:
    r = rng.random()
    if r < 0.5:
        x = math.exp(rng.uniform(math.log(1e-30), math.log(1e30)))
    elif r < 0.65:
        x = float(rng.randint(0, 10**rng.randint(1, 22)))
    elif r < 0.8:
        x = round(rng.uniform(0, 1000), rng.randint(0, 8))
    else:
        x = fb(rng.getrandbits(63))
        if not math.isfinite(x):
            continue
    if rng.random() < 0.3:
        x = -x
    xs.append(x)

parse_ok = [
    "0", "-0", "1", "-1", "007", "1.5", "-1.5", "0.1", "1e10", "1E10", "1e+10", "1e-10", "1.25e-3",
    "123456789012345678901234567890", "0.30000000000000004", "1.7976931348623157e308", "5e-324",
    "2e-324", "3e-324", "1e-400", "0e999999", "1e309", "-1e309", "1.7976931348623159e308",
    "2.4703282292062328e-324", "9007199254740993", "4.35", "00.50", "1e0", "-0.0e-0",
    "0." + "0" * 400 + "1", "1" + "0" * 400, "1" * 30 + "." + "9" * 30 + "e-20",
]
parse_bad = [
    "", "-", "+1", ".5", "1.", "1.e5", "e5", "1e", "1e+", "1e-", "--1", "1-", " 1", "1 ", "1\n", "\t1",
    "1,5", "1_000", "0x10", "NaN", "nan", "Infinity", "-Infinity", "inf", "١٢", "１", "1.5.5", "1e5e5",
    "1E+-5", "1ee5", "abc", "1d", "1f", "0b1", "- 1", "1e5.5", "١.5", "Ⅻ", "²",
]
with open(sys.argv[1], "w") as fh:
    json.dump({"format": [h(x) for x in xs], "parse_ok": parse_ok, "parse_bad": parse_bad}, fh)
PY

node - "$work/in.json" "$out" <<'JS'
const fs = require("fs");
const [inPath, outPath] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(inPath, "utf8"));
const buf = new DataView(new ArrayBuffer(8));
const fromHex = (h) => { buf.setBigUint64(0, BigInt("0x" + h)); return buf.getFloat64(0); };
const toHex = (x) => { buf.setFloat64(0, x); return buf.getBigUint64(0).toString(16).padStart(16, "0"); };
const grammar = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const seen = new Set();
const format = [];
for (const h of input.format) {
  if (seen.has(h)) continue;
  seen.add(h);
  format.push([h, String(fromHex(h))]);
}
const parse = [];
for (const s of input.parse_ok) {
  if (!grammar.test(s)) throw new Error("parse_ok case does not match the grammar: " + s);
  const v = Number(s);
  parse.push([s, Number.isFinite(v) ? toHex(v) : null]);
}
for (const s of input.parse_bad) {
  if (grammar.test(s)) throw new Error("parse_bad case matches the grammar: " + s);
  parse.push([s, null]);
}
const rows = (xs) => xs.map((r) => "    " + JSON.stringify(r)).join(",\n");
const about = "ECMAScript Number::toString and parse_float cases; expected values from Node " +
  process.version + " (String(x), Number(s)). Regenerate with tests/runtime/oracles/make_numfmt_cases.sh.";
fs.writeFileSync(outPath, "{\n  \"about\": " + JSON.stringify(about) + ",\n  \"format\": [\n" + rows(format) +
  "\n  ],\n  \"parse\": [\n" + rows(parse) + "\n  ]\n}\n");
console.log("wrote", outPath, format.length, "format cases,", parse.length, "parse cases");
JS
