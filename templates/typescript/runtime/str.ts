// String built-ins (LANGUAGE.md section 5): strings are sequences of code points.
//
// JS strings are UTF-16; the language counts, indexes and orders by code
// point. Strings here never hold lone surrogates (the JSON reader refuses
// them), so a UTF-16 match of a valid string always starts and ends on code
// point boundaries and `includes`/`startsWith`/`endsWith` are exact.
// Mirrors src/domaingen/interp/strings.py.

import { IndexOutOfRange, InvalidConversion } from "./errors.js";

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** The number of code points. */
export function len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    if (!isHigh(s.charCodeAt(i))) {
      n += 1;
    }
  }
  return n;
}

/** The UTF-16 offset of code point `index` (`index` <= len(s)). */
function offsetOf(s: string, index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i += 1) {
    offset += isHigh(s.charCodeAt(offset)) ? 2 : 1;
  }
  return offset;
}

/** Half-open, in code points; checks start < 0, then end > len, then start > end. */
export function substring(s: string, start: number, end: number): string {
  const n = len(s);
  if (start < 0 || end > n || start > end) {
    throw new IndexOutOfRange(`substring range ${start}..${end} out of range for length ${n}`);
  }
  const from = offsetOf(s, start);
  const to = from + offsetOf(s.slice(from), end - start);
  return s.slice(from, to);
}

/** The code point index of the first occurrence, -1 if absent; "" is found at 0. */
export function indexOf(s: string, sub: string): number {
  const at = s.indexOf(sub);
  return at < 0 ? -1 : len(s.slice(0, at));
}

export function contains(s: string, sub: string): boolean {
  return s.includes(sub);
}

export function startsWith(s: string, prefix: string): boolean {
  return s.startsWith(prefix);
}

export function endsWith(s: string, suffix: string): boolean {
  return s.endsWith(suffix);
}

const ASCII_LOWER = /[a-z]+/g;
const ASCII_UPPER = /[A-Z]+/g;
const upperRun = (m: string): string => m.toUpperCase();
const lowerRun = (m: string): string => m.toLowerCase();

/**
 * The OR of the UTF-16 units `from` <= i < `to` of `s` (0 when empty).
 *
 * `<= 0x7f` means all ASCII. Branch-free, four units a step: in V8 each
 * `charCodeAt` re-checks the string's representation, so these reads, not
 * the native case mapping, are what a short string's case mapping costs.
 */
const unitBits = (s: string, from: number, to: number): number => {
  let units = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    units |= s.charCodeAt(i) | s.charCodeAt(i + 1) | s.charCodeAt(i + 2) | s.charCodeAt(i + 3);
  }
  for (; i < to; i += 1) {
    units |= s.charCodeAt(i);
  }
  return units;
};

/**
 * ASCII a-z only: "ß" and "é" stay as they are.
 *
 * On an all-ASCII string `toUpperCase` maps exactly a-z, so it is used there;
 * a string with any unit above U+007F takes the run-by-run replace.
 */
export function toUpper(s: string): string {
  return unitBits(s, 0, s.length) <= 0x7f ? s.toUpperCase() : s.replace(ASCII_LOWER, upperRun);
}

/** ASCII A-Z only: "İ" and "É" stay as they are (`toLowerCase` on all-ASCII strings, as `toUpper`). */
export function toLower(s: string): string {
  return unitBits(s, 0, s.length) <= 0x7f ? s.toLowerCase() : s.replace(ASCII_UPPER, lowerRun);
}

/** Bit `unit - 9` is set for the trimmed units: \t (9), \n (10), \f (12), \r (13) and space (32). */
const TRIMMED_BITS = (1 << 0) | (1 << 1) | (1 << 3) | (1 << 4) | (1 << 23);

/**
 * Space, \t, \n, \r or \f: one range test (units below 9 wrap to huge) and one bit test.
 *
 * A `const` binding, as the other helpers of the hot loops here: V8 then
 * calls (inlines) it without re-loading and checking the target each time,
 * which measurably slows a `function` declaration's loop.
 */
const isTrimmed = (unit: number): boolean => (unit - 9) >>> 0 <= 23 && ((TRIMMED_BITS >> (unit - 9)) & 1) !== 0;

/** Strips space, \t, \n, \r and \f (not \v, not Unicode spaces). */
export function trim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isTrimmed(s.charCodeAt(start))) {
    start += 1;
  }
  while (end > start && isTrimmed(s.charCodeAt(end - 1))) {
    end -= 1;
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * `toLower(trim(s))` (or `toUpper`) in one pass; the backend emits it for
 * that composition.
 *
 * The trim loops read the edge units, the units between the first and last
 * kept ones are OR-ed once, so each unit is read once. All-ASCII: the native
 * case mapping of the kept slice; otherwise the run-by-run replace.
 */
const trimCase = (s: string, upper: boolean): string => {
  const n = s.length;
  let start = 0;
  let unit = 0;
  while (start < n && isTrimmed((unit = s.charCodeAt(start)))) {
    start += 1;
  }
  if (start === n) {
    return "";
  }
  let units = unit; // the first kept unit
  let end = n;
  while (isTrimmed((unit = s.charCodeAt(end - 1)))) {
    end -= 1; // stops at `start` at the latest: that unit is kept
  }
  units |= unit | unitBits(s, start + 1, end - 1); // the last kept unit and those between
  const kept = start === 0 && end === n ? s : s.slice(start, end);
  if (units > 0x7f) {
    return upper ? toUpper(kept) : toLower(kept);
  }
  return upper ? kept.toUpperCase() : kept.toLowerCase();
};

/** `toLower(trim(s))`, reading each unit once. */
export const trimToLower = (s: string): string => trimCase(s, false);

/** `toUpper(trim(s))`, reading each unit once. */
export const trimToUpper = (s: string): string => trimCase(s, true);

/** Every piece, empty ones included; an empty separator is InvalidConversion. */
export function split(s: string, sep: string): readonly string[] {
  if (sep === "") {
    throw new InvalidConversion("empty separator in split");
  }
  return s.split(sep);
}

export function join(items: readonly string[], sep: string): string {
  return items.join(sep);
}

/** Code point order (JS `<` compares UTF-16 units, which differs above U+FFFF). */
export function cmpStr(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // A surrogate (an astral code point) sorts above every BMP unit after U+D7FF.
      const cx = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
      const cy = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
      return cx < cy ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function intToString(a: number): string {
  return String(a);
}

export function boolToString(b: boolean): string {
  return b ? "true" : "false";
}
