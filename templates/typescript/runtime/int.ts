// Int arithmetic and Float-to-Int conversions (LANGUAGE.md section 5).
//
// An Int is a JS number that is always a safe integer in [-(2^53-1), 2^53-1]
// and never -0 (every result that could be -0 is normalised with `+ 0`, so
// `float(i)` and everything after it agree with the other targets). A sum or
// product of two safe integers that leaves the range rounds to at least 2^53,
// so a range test after the operation catches every overflow.
// Errors and messages mirror src/domaingen/interp/ints.py.

import { DivisionByZero, IntegerOverflow, InvalidConversion } from "./errors.js";

export const INT_MAX = 9007199254740991;
export const INT_MIN = -9007199254740991;

function overflow(op: string): never {
  throw new IntegerOverflow(`Int overflow in ${op}`);
}

// The hot helpers are a range test on the result, small enough for V8 to
// inline, with the throw out of line. Their operands are in-range integers,
// so the exact result is an integer and a result beyond the range rounds to
// at least 2^53 in magnitude: the two comparisons catch every overflow. A sum
// or difference is -0 only from a -0 operand, which an Int never is; a
// product can be -0 (0 * -5), so `imul` adds +0.

export function iadd(a: number, b: number): number {
  const r = a + b;
  return r <= INT_MAX && r >= INT_MIN ? r : overflow("+");
}

export function isub(a: number, b: number): number {
  const r = a - b;
  return r <= INT_MAX && r >= INT_MIN ? r : overflow("-");
}

export function imul(a: number, b: number): number {
  const r = a * b;
  return r <= INT_MAX && r >= INT_MIN ? r + 0 : overflow("*");
}

/** Quotient truncated toward zero (exact: `a - a % b` is a multiple of `b`). */
export function idiv(a: number, b: number): number {
  if (b === 0) {
    throw new DivisionByZero("division by zero");
  }
  return (a - (a % b)) / b + 0;
}

/** Remainder with the dividend's sign. */
export function irem(a: number, b: number): number {
  if (b === 0) {
    throw new DivisionByZero("remainder by zero");
  }
  return (a % b) + 0;
}

export function ineg(a: number): number {
  return 0 - a;
}

export function iabs(a: number): number {
  return a < 0 ? 0 - a : a;
}

/** `pow(Int, Int)`: a negative exponent first, then overflow; pow(0, 0) is 1. */
export function ipow(base: number, exponent: number): number {
  if (exponent < 0) {
    throw new InvalidConversion("negative exponent in pow");
  }
  if (exponent === 0 || base === 1) {
    return 1;
  }
  if (base === 0) {
    return 0;
  }
  if (base === -1) {
    return exponent % 2 !== 0 ? -1 : 1;
  }
  if (exponent > 53) {
    throw new IntegerOverflow("Int overflow in pow");
  }
  let r = 1;
  for (let i = 0; i < exponent; i += 1) {
    r *= base;
    if (!Number.isSafeInteger(r)) {
      throw new IntegerOverflow("Int overflow in pow");
    }
  }
  return r;
}

function inRange(r: number, name: string): number {
  // `r` is integral (trunc/floor/ceil of a finite Float), so the range test is exact.
  if (r <= INT_MAX && r >= INT_MIN) {
    return r + 0;
  }
  throw new InvalidConversion(`Float out of Int range in ${name}`);
}

/** `int(f)`: truncates toward zero. */
export function toInt(x: number): number {
  return inRange(Math.trunc(x), "int");
}

export function trunc(x: number): number {
  return inRange(Math.trunc(x), "trunc");
}

export function floor(x: number): number {
  return inRange(Math.floor(x), "floor");
}

export function ceil(x: number): number {
  return inRange(Math.ceil(x), "ceil");
}

/** Half away from zero, exactly: `x - trunc(x)` is exact in binary64. */
export function round(x: number): number {
  let r = Math.trunc(x);
  if (Math.abs(x - r) >= 0.5) {
    r += x > 0 ? 1 : -1;
  }
  return inRange(r, "round");
}

/** `float(i)`: exact, since |i| < 2^53. */
export function toFloat(a: number): number {
  return a;
}

const INT_TEXT = /^-?[0-9]+$/;

/** Exactly `-?[0-9]+` (ASCII digits; leading zeros allowed, "-0" is 0), in range. */
export function parseInt(s: string): number {
  if (!INT_TEXT.test(s)) {
    throw new InvalidConversion("invalid Int text in parse_int");
  }
  const negative = s.startsWith("-");
  const significant = (negative ? s.slice(1) : s).replace(/^0+/, "");
  if (significant.length > 16) {
    throw new InvalidConversion("invalid Int text in parse_int");
  }
  const value = Number(significant === "" ? "0" : significant);
  if (value > INT_MAX) {
    throw new InvalidConversion("invalid Int text in parse_int");
  }
  return negative ? 0 - value : value;
}
