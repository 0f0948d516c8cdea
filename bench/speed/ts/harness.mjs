// Timing harness for bench/generated_speed.py (TypeScript side).
// Usage: node harness.mjs BUILD_DIR   (BUILD_DIR holds the tsc output: game/progression.js, bench/handwritten.js)
// Prints one JSON object per line: {"fn", "impl", "ns"} (median ns per call, process CPU time;
// the implementations of a function are sampled alternately, see `measure`).
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
const SAMPLES = 15;
// Times the implementations of one function side by side: each is warmed up
// (JIT) and calibrated to ~20 ms per sample, then their samples alternate
// (a, b, c, a, b, c, ...), so a load spike on this shared machine hits all of
// them alike; prints the median of each. `impls`: [impl, body, setup?, teardown?].
function measure(fn, impls, inner) {
  const runs = impls.map(([impl, body, setup = () => {}, teardown = () => {}]) => {
    setup();
    for (let i = 0; i < 2000; i++) body();
    let loops = 1000;
    for (;;) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < loops; i++) body();
      if (Number(process.hrtime.bigint() - t) > 20e6) break;
      loops *= 2;
    }
    teardown();
    return { impl, body, setup, teardown, loops, samples: [] };
  });
  for (let r = 0; r < SAMPLES; r++) {
    for (const run of runs) {
      run.setup();
      const t = cpuNs();
      for (let i = 0; i < run.loops; i++) run.body();
      run.samples.push((cpuNs() - t) / (run.loops * inner));
      run.teardown();
    }
  }
  for (const run of runs) {
    run.samples.sort((a, b) => a - b);
    console.log(JSON.stringify({ fn, impl: run.impl, ns: run.samples[SAMPLES >> 1] }));
  }
}

const levels = Array.from({ length: 50 }, (_, i) => i + 1);
for (const l of levels) {
  const a = gen.requiredExp(l), b = hand.requiredExp(l), c = jsonLogic.apply(rule, { level: l });
  if (a !== b || a !== c) throw new Error(`required_exp(${l}) disagrees: ${a} ${b} ${c}`);
}
// The generated runtime memoizes `pow` (bit-exact: keyed on the argument bits);
// the "generated" row mostly hits that memo. The "pow memo cleared" row runs
// with the memo off, so every call computes fdlibm `pow` (as on inputs never seen before).
const memoOff = () => dgmath.usePowMemo(false);
const memoOn = () => dgmath.usePowMemo(true);
measure("required_exp", [
  ["generated", () => { for (const l of levels) sink += gen.requiredExp(l); }],
  ["hand-written", () => { for (const l of levels) sink += hand.requiredExp(l); }],
  ["JSON Logic", () => { for (const l of levels) sink += jsonLogic.apply(rule, { level: l }); }],
], levels.length);
if (typeof dgmath.usePowMemo === "function") {
  measure("required_exp (pow memo cleared)", [
    ["generated", () => { for (const l of levels) sink += gen.requiredExp(l); }, memoOff, memoOn],
    ["hand-written", () => { for (const l of levels) sink += hand.requiredExp(l); }],
  ], levels.length);
}

const totals = [0, 99, 100, 5000, 40000, 400000];
measure("level_for_exp", [
  ["generated", () => { for (const t of totals) sink += gen.levelForExp(t); }],
  ["hand-written", () => { for (const t of totals) sink += hand.levelForExp(t); }],
], totals.length);

const genProfile = gen.newProfile("p1", "Ada");
const handProfile = { id: "p1", name: "Ada", level: 1, exp: 0, tags: [], stats: new Map(), guild: null };
measure("add_exp", [
  ["generated", () => { sink += gen.addExp(genProfile, 5000).levelsGained; }],
  ["hand-written", () => { sink += hand.addExp(handProfile, 5000).levelsGained; }],
], 1);

const tags = ["  PvP ", "Founder", "\tELITE-Raider\n", "x"];
measure("normalize_tag", [
  ["generated", () => { for (const t of tags) sink += gen.normalizeTag(t).length; }],
  ["hand-written", () => { for (const t of tags) sink += hand.normalizeTag(t).length; }],
], tags.length);
if (sink === 42) console.error("");
