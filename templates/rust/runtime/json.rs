//! Canonical JSON (LANGUAGE.md section 7): the `Codec` trait every generated
//! type implements, with strict typed decoding that mirrors
//! `domaingen.interp.jsoncodec` rule for rule and message for message (the
//! untyped reader and string writer are in `jsontext`).
//!
//! Decoding never panics: a bad input is an `InvalidConversion` error whose
//! message names the path, such as `profile.stats["hp"]: expected Int, got
//! string`.

use std::collections::BTreeMap;

use super::num::{INT_MAX, INT_MIN};
use super::{dgmath, Error};

pub use super::jsontext::{kind_of, parse, quote, write_string, Value, MAX_DEPTH};

// --- typed decoding ------------------------------------------------------------

fn problem(path: &str, what: &str) -> Error {
    Error::conversion(format!("{path}: {what}"))
}

/// `<path>: expected <T>, got <json type>`.
pub fn mismatch(path: &str, type_text: &str, got: &Value) -> Error {
    problem(path, &format!("expected {type_text}, got {}", kind_of(got)))
}

/// A value with a canonical JSON form and a strict decoder.
pub trait Codec: Sized {
    /// Appends the canonical JSON of `self`.
    fn encode_json(&self, out: &mut String);
    /// Strictly decodes `value`; errors name `path`.
    fn decode_json(value: &Value, path: &str) -> Result<Self, Error>;
    /// The type as written in DSL source (`Int`, `List<String>`, `Profile`).
    fn type_text() -> String;
}

/// A type usable as a map key: Int, String or an enum.
pub trait MapKey: Ord + Sized {
    /// The key as the JSON object key.
    fn key_text(&self) -> String;
    /// Parses an object key; errors name the map's `path`.
    fn decode_key(key: &str, path: &str) -> Result<Self, Error>;
}

/// The canonical JSON text of `value`.
pub fn encode<T: Codec>(value: &T) -> String {
    let mut out = String::new();
    value.encode_json(&mut out);
    out
}

/// Strictly decodes `text` as a `T`; `root` starts every error path.
pub fn decode<T: Codec>(text: &str, root: &str) -> Result<T, Error> {
    let tree = parse(text).map_err(|detail| problem(root, &format!("invalid JSON: {detail}")))?;
    T::decode_json(&tree, root)
}

impl Codec for i64 {
    fn encode_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
    fn decode_json(value: &Value, path: &str) -> Result<i64, Error> {
        let Value::Number(text) = value else {
            return Err(mismatch(path, "Int", value));
        };
        if text.contains(['.', 'e', 'E']) {
            return Err(problem(path, "Int must be written without fraction or exponent"));
        }
        let digits = text.trim_start_matches('-');
        if digits.len() > 16 {
            return Err(problem(path, "Int out of range"));
        }
        match text.parse::<i64>() {
            Ok(n) if (INT_MIN..=INT_MAX).contains(&n) => Ok(n),
            _ => Err(problem(path, "Int out of range")),
        }
    }
    fn type_text() -> String {
        "Int".to_string()
    }
}

impl Codec for f64 {
    fn encode_json(&self, out: &mut String) {
        out.push_str(&dgmath::format_float(*self));
    }
    fn decode_json(value: &Value, path: &str) -> Result<f64, Error> {
        let Value::Number(text) = value else {
            return Err(mismatch(path, "Float", value));
        };
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(problem(path, "Float out of range")),
        }
    }
    fn type_text() -> String {
        "Float".to_string()
    }
}

impl Codec for bool {
    fn encode_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
    fn decode_json(value: &Value, path: &str) -> Result<bool, Error> {
        match value {
            Value::Bool(b) => Ok(*b),
            _ => Err(mismatch(path, "Bool", value)),
        }
    }
    fn type_text() -> String {
        "Bool".to_string()
    }
}

impl Codec for String {
    fn encode_json(&self, out: &mut String) {
        write_string(out, self);
    }
    fn decode_json(value: &Value, path: &str) -> Result<String, Error> {
        match value {
            Value::String(s) => Ok(s.clone()),
            _ => Err(mismatch(path, "String", value)),
        }
    }
    fn type_text() -> String {
        "String".to_string()
    }
}

impl<T: Codec> Codec for Option<T> {
    fn encode_json(&self, out: &mut String) {
        match self {
            Some(v) => v.encode_json(out),
            None => out.push_str("null"),
        }
    }
    fn decode_json(value: &Value, path: &str) -> Result<Option<T>, Error> {
        match value {
            Value::Null => Ok(None),
            _ => T::decode_json(value, path).map(Some),
        }
    }
    fn type_text() -> String {
        T::type_text()
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn encode_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.encode_json(out);
        }
        out.push(']');
    }
    fn decode_json(value: &Value, path: &str) -> Result<Vec<T>, Error> {
        let Value::Array(items) = value else {
            return Err(mismatch(path, &Self::type_text(), value));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::decode_json(item, &format!("{path}[{i}]"))?);
        }
        Ok(out)
    }
    fn type_text() -> String {
        format!("List<{}>", T::type_text())
    }
}

impl MapKey for i64 {
    fn key_text(&self) -> String {
        self.to_string()
    }
    fn decode_key(key: &str, path: &str) -> Result<i64, Error> {
        let digits = key.strip_prefix('-').unwrap_or(key);
        let canonical = key == "0"
            || (!digits.is_empty()
                && digits.len() <= 16
                && !digits.starts_with('0')
                && digits.bytes().all(|b| b.is_ascii_digit()));
        match key.parse::<i64>() {
            Ok(n) if canonical && (INT_MIN..=INT_MAX).contains(&n) => Ok(n),
            _ => Err(problem(path, &format!("invalid Int key {}", quote(key)))),
        }
    }
}

impl MapKey for String {
    fn key_text(&self) -> String {
        self.clone()
    }
    fn decode_key(key: &str, _path: &str) -> Result<String, Error> {
        Ok(key.to_string())
    }
}

/// The members of an object for `type_text`, after the duplicate-key check.
pub fn object<'a>(value: &'a Value, path: &str, type_text: &str) -> Result<&'a [(String, Value)], Error> {
    let Value::Object(members) = value else {
        return Err(mismatch(path, type_text, value));
    };
    for (i, (key, _)) in members.iter().enumerate() {
        if members[..i].iter().any(|(k, _)| k == key) {
            return Err(problem(path, &format!("duplicate key {}", quote(key))));
        }
    }
    Ok(members)
}

impl<K: MapKey + Codec, V: Codec> Codec for BTreeMap<K, V> {
    fn encode_json(&self, out: &mut String) {
        out.push('{');
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_string(out, &k.key_text());
            out.push(':');
            v.encode_json(out);
        }
        out.push('}');
    }
    fn decode_json(value: &Value, path: &str) -> Result<BTreeMap<K, V>, Error> {
        let members = object(value, path, &Self::type_text())?;
        let mut out = BTreeMap::new();
        for (key, item) in members {
            let k = K::decode_key(key, path)?;
            let v = V::decode_json(item, &format!("{path}[{}]", quote(key)))?;
            out.insert(k, v);
        }
        Ok(out)
    }
    fn type_text() -> String {
        format!("Map<{}, {}>", K::type_text(), V::type_text())
    }
}

/// Decodes one record or variant field at `<path>.<name>`.
pub fn field<T: Codec>(value: &Value, path: &str, name: &str) -> Result<T, Error> {
    T::decode_json(value, &format!("{path}.{name}"))
}

/// `<path>: unknown field "<key>"`.
pub fn unknown_field(path: &str, key: &str) -> Error {
    problem(path, &format!("unknown field {}", quote(key)))
}

/// A field that must have been present: `<path>: missing field "<name>"`.
pub fn required<T>(found: Option<T>, path: &str, name: &str) -> Result<T, Error> {
    found.ok_or_else(|| problem(path, &format!("missing field {}", quote(name))))
}

/// `<path>: unknown <Enum> member "<name>"`.
pub fn unknown_member(path: &str, enum_name: &str, name: &str) -> Error {
    problem(path, &format!("unknown {enum_name} member {}", quote(name)))
}

/// A union's tag: the `kind` member, which must be present and a string.
pub fn union_tag<'a>(members: &'a [(String, Value)], path: &str) -> Result<&'a str, Error> {
    let Some((_, tag)) = members.iter().find(|(k, _)| k == "kind") else {
        return Err(problem(path, "missing field \"kind\""));
    };
    match tag {
        Value::String(s) => Ok(s),
        _ => Err(mismatch(&format!("{path}.kind"), "String", tag)),
    }
}

/// `<path>.kind: unknown <Union> variant "<name>"`.
pub fn unknown_variant(path: &str, union_name: &str, name: &str) -> Error {
    problem(&format!("{path}.kind"), &format!("unknown {union_name} variant {}", quote(name)))
}

/// A record or variant without fields: no member but `skip` (a union's `kind`).
pub fn no_fields(members: &[(String, Value)], path: &str, skip: Option<&str>) -> Result<(), Error> {
    match members.iter().find(|(k, _)| Some(k.as_str()) != skip) {
        Some((key, _)) => Err(unknown_field(path, key)),
        None => Ok(()),
    }
}

/// The call table's arity check: `name` takes `n` arguments.
pub fn arity(name: &str, args: &[String], n: usize) -> Result<(), Error> {
    if args.len() == n {
        Ok(())
    } else {
        Err(Error::conversion(format!(
            "`{name}` takes {n} arguments, got {}",
            args.len()
        )))
    }
}
