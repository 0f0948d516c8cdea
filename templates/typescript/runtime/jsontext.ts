// Strict JSON text: a parser to an untyped tree, and the canonical string escape.
//
// `JSON.parse` hides what typed decoding must see, so this reader keeps the
// exact number text (`1.0` is refused as an Int), every object member in
// document order with duplicates (reported with their typed path), and
// refuses lone surrogates, raw control characters, leading zeros,
// NaN/Infinity, trailing text and nesting deeper than 256. Mirrors
// src/domaingen/interp/jsontext.py.

/** A JSON number, as written. */
export class JNumber {
  constructor(readonly text: string) {}

  get isIntegerText(): boolean {
    return !/[.eE]/.test(this.text);
  }
}

/** A JSON object: members in document order, duplicates kept. */
export class JObject {
  constructor(readonly members: readonly (readonly [string, JValue])[]) {}
}

export type JValue = null | boolean | JNumber | string | readonly JValue[] | JObject;

export const MAX_DEPTH = 256;

export class JsonSyntaxError extends Error {}

/** The JSON type name used in error messages. */
export function kindOf(value: JValue): string {
  if (value === null) {
    return "null";
  }
  if (typeof value === "boolean") {
    return "boolean";
  }
  if (typeof value === "string") {
    return "string";
  }
  if (value instanceof JNumber) {
    return "number";
  }
  if (value instanceof JObject) {
    return "object";
  }
  return "array";
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\t": "\\t",
  "\r": "\\r",
  "\b": "\\b",
  "\f": "\\f",
};

/** The canonical string form: escapes only `"`, `\` and characters below U+0020. */
export function jsonString(s: string): string {
  return `"${s.replace(/["\\\u0000-\u001f]/g, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

export function parse(text: string): JValue {
  const parser = new Parser(text);
  const value = parser.value(0);
  parser.skipWs();
  if (parser.pos !== text.length) {
    throw parser.error("unexpected text after the value");
  }
  return value;
}

class Parser {
  pos = 0;

  constructor(private readonly text: string) {}

  error(message: string): JsonSyntaxError {
    return new JsonSyntaxError(`${message} at offset ${this.pos}`);
  }

  skipWs(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
        return;
      }
      this.pos += 1;
    }
  }

  value(depth: number): JValue {
    if (depth > MAX_DEPTH) {
      throw this.error(`nesting deeper than ${MAX_DEPTH}`);
    }
    this.skipWs();
    const text = this.text;
    if (this.pos >= text.length) {
      throw this.error("unexpected end of input");
    }
    const ch = text.charAt(this.pos);
    if (ch === "{") {
      return this.object(depth);
    }
    if (ch === "[") {
      return this.array(depth);
    }
    if (ch === '"') {
      return this.string();
    }
    if (ch === "-" || (ch >= "0" && ch <= "9")) {
      NUMBER.lastIndex = this.pos;
      const match = NUMBER.exec(text);
      if (match === null) {
        throw this.error("invalid number");
      }
      this.pos += match[0].length;
      return new JNumber(match[0]);
    }
    for (const [word, result] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return result;
      }
    }
    throw this.error(`unexpected character ${jsonString(ch)}`);
  }

  array(depth: number): JValue[] {
    this.pos += 1;
    const items: JValue[] = [];
    this.skipWs();
    if (this.text.startsWith("]", this.pos)) {
      this.pos += 1;
      return items;
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipWs();
      if (this.text.startsWith(",", this.pos)) {
        this.pos += 1;
      } else if (this.text.startsWith("]", this.pos)) {
        this.pos += 1;
        return items;
      } else {
        throw this.error("expected ',' or ']'");
      }
    }
  }

  object(depth: number): JObject {
    this.pos += 1;
    const members: (readonly [string, JValue])[] = [];
    this.skipWs();
    if (this.text.startsWith("}", this.pos)) {
      this.pos += 1;
      return new JObject(members);
    }
    for (;;) {
      this.skipWs();
      if (!this.text.startsWith('"', this.pos)) {
        throw this.error("expected a string key");
      }
      const key = this.string();
      this.skipWs();
      if (!this.text.startsWith(":", this.pos)) {
        throw this.error("expected ':'");
      }
      this.pos += 1;
      members.push([key, this.value(depth + 1)]);
      this.skipWs();
      if (this.text.startsWith(",", this.pos)) {
        this.pos += 1;
      } else if (this.text.startsWith("}", this.pos)) {
        this.pos += 1;
        return new JObject(members);
      } else {
        throw this.error("expected ',' or '}'");
      }
    }
  }

  string(): string {
    const text = this.text;
    this.pos += 1;
    let out = "";
    let start = this.pos;
    for (;;) {
      if (this.pos >= text.length) {
        throw this.error("unterminated string");
      }
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += text.slice(start, this.pos);
        this.pos += 1;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(start, this.pos);
        out += this.escape();
        start = this.pos;
      } else if (c < 0x20) {
        throw this.error("unescaped control character in string");
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const low = this.pos + 1 < text.length ? text.charCodeAt(this.pos + 1) : 0;
        if (low < 0xdc00 || low > 0xdfff) {
          throw this.error("lone surrogate in string");
        }
        this.pos += 2;
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        throw this.error("lone surrogate in string");
      } else {
        this.pos += 1;
      }
    }
  }

  escape(): string {
    const text = this.text;
    this.pos += 1;
    if (this.pos >= text.length) {
      throw this.error("unterminated string");
    }
    const ch = text.charAt(this.pos);
    const simple = SIMPLE[ch];
    if (simple !== undefined) {
      this.pos += 1;
      return simple;
    }
    if (ch !== "u") {
      throw this.error(`invalid escape \\${ch}`);
    }
    const unit = this.hex4();
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw this.error("lone surrogate in string");
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (!text.startsWith("\\u", this.pos)) {
        throw this.error("lone surrogate in string");
      }
      this.pos += 1;
      const low = this.hex4();
      if (low < 0xdc00 || low > 0xdfff) {
        throw this.error("lone surrogate in string");
      }
      return String.fromCharCode(unit, low);
    }
    return String.fromCharCode(unit);
  }

  /** Reads `uXXXX` (the `u` at `pos`) and returns the code unit. */
  hex4(): number {
    const digits = this.text.slice(this.pos + 1, this.pos + 5);
    if (!HEX4.test(digits)) {
      throw this.error("invalid \\u escape");
    }
    this.pos += 5;
    return Number.parseInt(digits, 16);
  }
}
