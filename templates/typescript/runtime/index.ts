// The domaingen runtime for TypeScript: one namespace (`dgrt`) for generated code.
//
// errors: the eight error kinds; int/float: checked arithmetic and
// conversions; str: code-point string built-ins; coll: lists, maps,
// optionals, equality and ordering; jsontext/codec: canonical JSON and
// strict decoding; dgmath: the bit-exact float library shared by all targets.

export * from "./errors.js";
export * from "./int.js";
export * from "./float.js";
export * from "./str.js";
export * from "./coll.js";
export * from "./jsontext.js";
export * from "./codec.js";
