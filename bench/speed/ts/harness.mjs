// Timing harness for bench/generated_speed.py (TypeScript side).
// Usage: node harness.mjs BUILD_DIR   (BUILD_DIR holds the tsc output: game/progression.js, bench/handwritten.js)
// Prints one JSON object per line: {"fn", "impl", "ns"} (median ns per call, process CPU time).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const build = process.argv[2];
const gen = await import(pathToFileURL(path.join(build, "game", "progression.js")).href);
const hand = await import(pathToFileURL(path.join(build, "bench", "handwritten.js")).href);
const dgmath = await import(pathToFileURL(path.join(build, "dgrt", "dgmath.js")).href);
const require = createRequire(import.meta.url);
const jsonLogic = require("json-logic-js");
jsonLogic.add_operation("pow", Math.pow);
jsonLogic.add_operation("floor", Math.floor);
const RULE = { if: [{ "<=": [{ var: "level" }, 1] }, 0, { floor: [{ "*": [100.0, { pow: [{ "-": [{ var: "level" }, 1] }, 1.5] }] }] }] };
const rule = JSON.parse(JSON.stringify(RULE));

const cpuNs = () => { const u = process.cpuUsage(); return (u.user + u.system) * 1000; };
let sink = 0;
function measure(fn, impl, body, inner) {
  // Warm up (JIT), then calibrate to ~20 ms per sample, 9 samples, median.
  for (let i = 0; i < 2000; i++) body();
  let loops = 1000;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < loops; i++) body();
    if (Number(process.hrtime.bigint() - t) > 20e6) break;
    loops *= 2;
  }
  const samples = [];
  for (let r = 0; r < 9; r++) {
    const t = cpuNs();
    for (let i = 0; i < loops; i++) body();
    samples.push((cpuNs() - t) / (loops * inner));
  }
  samples.sort((a, b) => a - b);
  console.log(JSON.stringify({ fn, impl, ns: samples[4] }));
}

const levels = Array.from({ length: 50 }, (_, i) => i + 1);
for (const l of levels) {
  const a = gen.requiredExp(l), b = hand.requiredExp(l), c = jsonLogic.apply(rule, { level: l });
  if (a !== b || a !== c) throw new Error(`required_exp(${l}) disagrees: ${a} ${b} ${c}`);
}
measure("required_exp", "generated", () => { for (const l of levels) sink += gen.requiredExp(l); }, levels.length);
measure("required_exp", "hand-written", () => { for (const l of levels) sink += hand.requiredExp(l); }, levels.length);
// The generated runtime memoizes `pow` (bit-exact: keyed on the argument bits);
// the rows above mostly hit that memo. This one runs with the memo off, so
// every call computes fdlibm `pow` (as on inputs never seen before).
if (typeof dgmath.usePowMemo === "function") {
  dgmath.usePowMemo(false);
  measure("required_exp (pow memo cleared)", "generated", () => { for (const l of levels) sink += gen.requiredExp(l); }, levels.length);
  dgmath.usePowMemo(true);
}
measure("required_exp", "JSON Logic", () => { for (const l of levels) sink += jsonLogic.apply(rule, { level: l }); }, levels.length);

const totals = [0, 99, 100, 5000, 40000, 400000];
measure("level_for_exp", "generated", () => { for (const t of totals) sink += gen.levelForExp(t); }, totals.length);
measure("level_for_exp", "hand-written", () => { for (const t of totals) sink += hand.levelForExp(t); }, totals.length);

const genProfile = gen.newProfile("p1", "Ada");
const handProfile = { id: "p1", name: "Ada", level: 1, exp: 0, tags: [], stats: new Map(), guild: null };
measure("add_exp", "generated", () => { sink += gen.addExp(genProfile, 5000).levelsGained; }, 1);
measure("add_exp", "hand-written", () => { sink += hand.addExp(handProfile, 5000).levelsGained; }, 1);

const tags = ["  PvP ", "Founder", "\tELITE-Raider\n", "x"];
measure("normalize_tag", "generated", () => { for (const t of tags) sink += gen.normalizeTag(t).length; }, tags.length);
measure("normalize_tag", "hand-written", () => { for (const t of tags) sink += hand.normalizeTag(t).length; }, tags.length);
if (sink === 42) console.error("");
