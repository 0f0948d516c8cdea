// Canonical JSON (LANGUAGE.md section 7): typed encoding and strict decoding.
//
// A `Codec<T>` describes one DSL type: its name as written in DSL source
// (for messages), how to write a value canonically and how to read one from
// the strict reader's tree. Generated code builds one codec per enum, record
// and union from the primitives and combinators here; record and union field
// tables are thunks, so declarations may refer to later ones. Decoding never
// crashes and never defaults: the first problem, depth first in document
// order, throws InvalidConversion `<path>: <problem>` with the exact texts of
// src/domaingen/interp/jsoncodec.py.

import { InvalidConversion } from "./errors.js";
import { JNumber, JObject, JsonSyntaxError, jsonString, kindOf, parse, type JValue } from "./jsontext.js";
import { cmpNum, type Cmp } from "./coll.js";
import { cmpStr } from "./str.js";

export interface Codec<T> {
  /** The type as written in DSL source: `Int`, `List<String>`, `Profile`. */
  readonly text: string;
  write(value: T, out: string[]): void;
  read(j: JValue, path: string): T;
}

/** A type that can key a map: Int, String or an enum. */
export interface KeyCodec<K> extends Codec<K> {
  readonly cmp: Cmp<K>;
  keyText(key: K): string;
  readKey(key: string, path: string): K;
}

function fail(path: string, problem: string): InvalidConversion {
  return new InvalidConversion(`${path}: ${problem}`);
}

function mismatch(j: JValue, text: string, path: string): InvalidConversion {
  return fail(path, `expected ${text}, got ${kindOf(j)}`);
}

/** Encodes a value canonically. */
export function encode<T>(codec: Codec<T>, value: T): string {
  const out: string[] = [];
  codec.write(value, out);
  return out.join("");
}

/** Strictly decodes `text`; `root` names the value in error paths. */
export function decode<T>(codec: Codec<T>, text: string, root: string): T {
  let tree: JValue;
  try {
    tree = parse(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      throw fail(root, `invalid JSON: ${err.message}`);
    }
    throw err;
  }
  return codec.read(tree, root);
}

const INT_KEY = /^(?:0|-?[1-9][0-9]{0,15})$/;

export const INT: KeyCodec<number> = {
  text: "Int",
  cmp: cmpNum,
  write(value, out) {
    out.push(String(value));
  },
  read(j, path) {
    if (!(j instanceof JNumber)) {
      throw mismatch(j, "Int", path);
    }
    if (!j.isIntegerText) {
      throw fail(path, "Int must be written without fraction or exponent");
    }
    const digits = j.text.replace(/^-/, "");
    const value = Number(j.text);
    if (digits.length > 16 || !Number.isSafeInteger(value)) {
      throw fail(path, "Int out of range");
    }
    return value + 0;
  },
  keyText(key) {
    return String(key);
  },
  readKey(key, path) {
    const value = Number(key);
    if (!INT_KEY.test(key) || !Number.isSafeInteger(value)) {
      throw fail(path, `invalid Int key ${jsonString(key)}`);
    }
    return value;
  },
};

export const FLOAT: Codec<number> = {
  text: "Float",
  write(value, out) {
    out.push(String(value));
  },
  read(j, path) {
    if (!(j instanceof JNumber)) {
      throw mismatch(j, "Float", path);
    }
    const value = Number(j.text);
    if (!Number.isFinite(value)) {
      throw fail(path, "Float out of range");
    }
    return value;
  },
};

export const BOOL: Codec<boolean> = {
  text: "Bool",
  write(value, out) {
    out.push(value ? "true" : "false");
  },
  read(j, path) {
    if (typeof j !== "boolean") {
      throw mismatch(j, "Bool", path);
    }
    return j;
  },
};

export const STRING: KeyCodec<string> = {
  text: "String",
  cmp: cmpStr,
  write(value, out) {
    out.push(jsonString(value));
  },
  read(j, path) {
    if (typeof j !== "string") {
      throw mismatch(j, "String", path);
    }
    return j;
  },
  keyText(key) {
    return key;
  },
  readKey(key) {
    return key;
  },
};

export function optional<T>(inner: Codec<T>): Codec<T | null> {
  return {
    text: `${inner.text}?`,
    write(value, out) {
      if (value === null) {
        out.push("null");
      } else {
        inner.write(value, out);
      }
    },
    read(j, path) {
      return j === null ? null : inner.read(j, path);
    },
  };
}

export function list<T>(elem: Codec<T>): Codec<readonly T[]> {
  const text = `List<${elem.text}>`;
  return {
    text,
    write(value, out) {
      out.push("[");
      value.forEach((item, i) => {
        if (i > 0) {
          out.push(",");
        }
        elem.write(item, out);
      });
      out.push("]");
    },
    read(j, path) {
      if (!Array.isArray(j)) {
        throw mismatch(j, text, path);
      }
      const items: readonly JValue[] = j;
      return items.map((item, i) => elem.read(item, `${path}[${i}]`));
    },
  };
}

/** The object's members, refusing a non-object and the first duplicate key. */
function members(j: JValue, text: string, path: string): readonly (readonly [string, JValue])[] {
  if (!(j instanceof JObject)) {
    throw mismatch(j, text, path);
  }
  const seen = new Set<string>();
  for (const [key] of j.members) {
    if (seen.has(key)) {
      throw fail(path, `duplicate key ${jsonString(key)}`);
    }
    seen.add(key);
  }
  return j.members;
}

export function map<K, V>(key: KeyCodec<K>, value: Codec<V>): Codec<ReadonlyMap<K, V>> {
  const text = `Map<${key.text}, ${value.text}>`;
  return {
    text,
    write(m, out) {
      out.push("{");
      [...m.keys()].sort(key.cmp).forEach((k, i) => {
        if (i > 0) {
          out.push(",");
        }
        out.push(jsonString(key.keyText(k)), ":");
        value.write(m.get(k) as V, out);
      });
      out.push("}");
    },
    read(j, path) {
      const out = new Map<K, V>();
      for (const [k, item] of members(j, text, path)) {
        const dk = key.readKey(k, path);
        out.set(dk, value.read(item, `${path}[${jsonString(k)}]`));
      }
      return out;
    },
  };
}

/** An enum: its members in declaration order, ordering, and codec. */
export interface EnumType<T extends string> extends KeyCodec<T> {
  readonly members: readonly T[];
  index(value: T): number;
}

export function enumType<T extends string>(name: string, members: readonly T[]): EnumType<T> {
  const order = new Map<string, number>(members.map((m, i) => [m, i]));
  const index = (value: T): number => order.get(value) ?? -1;
  const member = (s: string, path: string): T => {
    if (!order.has(s)) {
      throw fail(path, `unknown ${name} member ${jsonString(s)}`);
    }
    return s as T;
  };
  return {
    text: name,
    members,
    index,
    cmp: (a, b) => index(a) - index(b),
    write(value, out) {
      out.push(jsonString(value));
    },
    read(j, path) {
      if (typeof j !== "string") {
        throw mismatch(j, name, path);
      }
      return member(j, path);
    },
    keyText(key) {
      return key;
    },
    readKey: member,
  };
}

/** One field: DSL (JSON) name, TypeScript property name, codec. */
export type Field = readonly [string, string, Codec<unknown>];

type Fields = readonly Field[];

function writeFields(value: object, fields: Fields, out: string[], first: boolean): void {
  const props = value as Readonly<Record<string, unknown>>;
  fields.forEach(([json, prop, codec], i) => {
    if (i > 0 || !first) {
      out.push(",");
    }
    out.push(jsonString(json), ":");
    codec.write(props[prop], out);
  });
}

function readFields(
  obj: readonly (readonly [string, JValue])[],
  fields: Fields,
  path: string,
  skip: string | null,
): Record<string, unknown> {
  const byName = new Map<string, Field>(fields.map((f) => [f[0], f]));
  const got = new Map<string, unknown>();
  for (const [key, item] of obj) {
    if (key === skip) {
      continue;
    }
    const field = byName.get(key);
    if (field === undefined) {
      throw fail(path, `unknown field ${jsonString(key)}`);
    }
    got.set(key, field[2].read(item, `${path}.${key}`));
  }
  const out: Record<string, unknown> = {};
  for (const [json, prop] of fields) {
    if (!got.has(json)) {
      throw fail(path, `missing field ${jsonString(json)}`);
    }
    out[prop] = got.get(json);
  }
  return out;
}

/** A record codec; `fields` (a thunk, so later declarations can be named) in declaration order. */
export function record<T extends object>(name: string, fields: () => Fields): Codec<T> {
  let table: Fields | null = null;
  const get = (): Fields => (table ??= fields());
  return {
    text: name,
    write(value, out) {
      out.push("{");
      writeFields(value, get(), out, true);
      out.push("}");
    },
    read(j, path) {
      return readFields(members(j, name, path), get(), path, null) as T;
    },
  };
}

/** A union codec (discriminated on `kind`); `variants` lists each variant with its fields. */
export function union<T extends { readonly kind: string }>(
  name: string,
  variants: () => readonly (readonly [string, Fields])[],
): Codec<T> {
  let table: ReadonlyMap<string, Fields> | null = null;
  const get = (): ReadonlyMap<string, Fields> => (table ??= new Map(variants()));
  return {
    text: name,
    write(value, out) {
      out.push('{"kind":', jsonString(value.kind));
      writeFields(value, get().get(value.kind) ?? [], out, false);
      out.push("}");
    },
    read(j, path) {
      const obj = members(j, name, path);
      const tag = obj.find(([key]) => key === "kind");
      if (tag === undefined) {
        throw fail(path, 'missing field "kind"');
      }
      const kind = tag[1];
      if (typeof kind !== "string") {
        throw fail(`${path}.kind`, `expected String, got ${kindOf(kind)}`);
      }
      const fields = get().get(kind);
      if (fields === undefined) {
        throw fail(`${path}.kind`, `unknown ${name} variant ${jsonString(kind)}`);
      }
      return { kind, ...readFields(obj, fields, path, "kind") } as unknown as T;
    },
  };
}
