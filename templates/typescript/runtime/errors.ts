// The error kinds of the domaingen language (LANGUAGE.md section 5, row "Errors").
//
// Every failure of generated code is a thrown `DomainError` (or one of its
// subclasses, one per other kind); callers read `kind` and `message`.
// Messages of the non-DomainError kinds mirror the reference interpreter.

export type ErrorKind =
  | "DomainError"
  | "IntegerOverflow"
  | "DivisionByZero"
  | "NotFinite"
  | "InvalidConversion"
  | "IndexOutOfRange"
  | "KeyNotFound"
  | "NoneValue";

/** Every kind, in the order of the language reference. */
export const ERROR_KINDS: readonly ErrorKind[] = [
  "DomainError",
  "IntegerOverflow",
  "DivisionByZero",
  "NotFinite",
  "InvalidConversion",
  "IndexOutOfRange",
  "KeyNotFound",
  "NoneValue",
];

/** A failure from `require`/`fail`; the base class of every other kind. */
export class DomainError extends Error {
  readonly kind: ErrorKind;

  constructor(message: string, kind: ErrorKind = "DomainError") {
    super(message);
    this.kind = kind;
    this.name = kind;
  }
}

/** An Int result outside [-(2^53-1), 2^53-1]. */
export class IntegerOverflow extends DomainError {
  constructor(message: string) {
    super(message, "IntegerOverflow");
  }
}

/** Int `/` or `%` by zero. */
export class DivisionByZero extends DomainError {
  constructor(message: string) {
    super(message, "DivisionByZero");
  }
}

/** A Float operation whose result is an infinity or NaN. */
export class NotFinite extends DomainError {
  constructor(message: string) {
    super(message, "NotFinite");
  }
}

/** A conversion that has no result (`int(1e300)`, `parse_int("x")`, bad JSON input). */
export class InvalidConversion extends DomainError {
  constructor(message: string) {
    super(message, "InvalidConversion");
  }
}

/** A list index, substring or slice range outside the value. */
export class IndexOutOfRange extends DomainError {
  constructor(message: string) {
    super(message, "IndexOutOfRange");
  }
}

/** `m[k]` for a key the map does not hold. */
export class KeyNotFound extends DomainError {
  constructor(message: string) {
    super(message, "KeyNotFound");
  }
}

/** `unwrap(none)`. */
export class NoneValue extends DomainError {
  constructor(message: string) {
    super(message, "NoneValue");
  }
}
