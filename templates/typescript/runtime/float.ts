// Float arithmetic and the float built-ins (LANGUAGE.md section 5).
//
// Every result is checked: an infinity or NaN throws NotFinite naming the
// operation, so NaN never exists. The transcendental functions come from
// dgmath.ts (a bit-exact fdlibm port shared by every target); `sqrt` is
// correctly rounded everywhere. Mirrors src/domaingen/interp/floats.py.

import * as dgmath from "./dgmath.js";
import { InvalidConversion, NotFinite } from "./errors.js";

function checked(x: number, op: string): number {
  if (Number.isFinite(x)) {
    return x;
  }
  throw new NotFinite(`non-finite result of ${op}`);
}

export function fadd(a: number, b: number): number {
  return checked(a + b, "+");
}

export function fsub(a: number, b: number): number {
  return checked(a - b, "-");
}

export function fmul(a: number, b: number): number {
  return checked(a * b, "*");
}

/** Float division by zero is NotFinite, never DivisionByZero. */
export function fdiv(a: number, b: number): number {
  if (b === 0) {
    throw new NotFinite("non-finite result of /");
  }
  return checked(a / b, "/");
}

export function sqrt(x: number): number {
  return checked(Math.sqrt(x), "sqrt");
}

export function pow(x: number, y: number): number {
  return checked(dgmath.pow(x, y), "pow");
}

export function exp(x: number): number {
  return checked(dgmath.exp(x), "exp");
}

export function ln(x: number): number {
  return checked(dgmath.ln(x), "ln");
}

export function log10(x: number): number {
  return checked(dgmath.log10(x), "log10");
}

export function sin(x: number): number {
  return checked(dgmath.sin(x), "sin");
}

export function cos(x: number): number {
  return checked(dgmath.cos(x), "cos");
}

export function tan(x: number): number {
  return checked(dgmath.tan(x), "tan");
}

export function atan2(y: number, x: number): number {
  return checked(dgmath.atan2(y, x), "atan2");
}

/** ECMAScript Number-to-String: the one text form of a Float (`-0` prints `0`). */
export function formatFloat(x: number): string {
  return String(x);
}

const FLOAT_TEXT = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** Exactly `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, correctly rounded, finite. */
export function parseFloat(s: string): number {
  if (FLOAT_TEXT.test(s)) {
    const value = Number(s);
    if (Number.isFinite(value)) {
      return value;
    }
  }
  throw new InvalidConversion("invalid Float text in parse_float");
}
