//! Canonical JSON (LANGUAGE.md section 7): the `Codec` trait every generated
//! type implements, with strict typed decoding that mirrors
//! `domaingen.interp.jsoncodec` rule for rule and message for message (the
//! untyped reader and string writer are in `jsontext`).
//!
//! Decoding never panics: a bad input is an `InvalidConversion` error whose
//! message names the path, such as `profile.stats["hp"]: expected Int, got
//! string`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use super::num::{INT_MAX, INT_MIN};
use super::{dgmath, Error};

pub use super::jsontext::{kind_of, parse, quote, write_int, write_string, Value, MAX_DEPTH};

// --- error paths ---------------------------------------------------------------

/// Where a value sits in the decoded document, such as `profile.stats["hp"]`.
///
/// Each level lives on the decoder's stack and links to its parent, so
/// descending into a field, element or member costs nothing; the text is
/// only formatted (through `Display`) when an error is reported.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The root name (a parameter name).
    Root(&'a str),
    /// `<parent>.<name>`: a record or variant field.
    Field(&'a Path<'a>, &'a str),
    /// `<parent>[<index>]`: a list element.
    Index(&'a Path<'a>, usize),
    /// `<parent>["<key>"]`: a map member (the key as a canonical JSON string).
    Key(&'a Path<'a>, &'a str),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root(name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
            Path::Key(parent, key) => write!(f, "{parent}[{}]", quote(key)),
        }
    }
}

// --- typed decoding ------------------------------------------------------------

fn problem(path: &Path<'_>, what: &str) -> Error {
    Error::conversion(format!("{path}: {what}"))
}

/// `<path>: expected <T>, got <json type>`.
pub fn mismatch(path: &Path<'_>, type_text: &str, got: &Value<'_>) -> Error {
    problem(path, &format!("expected {type_text}, got {}", kind_of(got)))
}

/// A value with a canonical JSON form and a strict decoder.
pub trait Codec: Sized {
    /// Appends the canonical JSON of `self`.
    fn encode_json(&self, out: &mut String);
    /// Strictly decodes `value`; errors name `path`.
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<Self, Error>;
    /// The type as written in DSL source (`Int`, `List<String>`, `Profile`).
    fn type_text() -> String;
}

/// A type usable as a map key: Int, String or an enum.
pub trait MapKey: Ord + Sized {
    /// The key as the JSON object key.
    fn key_text(&self) -> String;
    /// Appends the key as a canonical JSON string (the object key).
    fn write_key(&self, out: &mut String) {
        write_string(out, &self.key_text());
    }
    /// Parses an object key; errors name the map's `path`.
    fn decode_key(key: &str, path: &Path<'_>) -> Result<Self, Error>;
}

/// The canonical JSON text of `value`.
pub fn encode<T: Codec>(value: &T) -> String {
    let mut out = String::with_capacity(256);
    value.encode_json(&mut out);
    out
}

/// Strictly decodes `text` as a `T`; `root` starts every error path.
pub fn decode<T: Codec>(text: &str, root: &str) -> Result<T, Error> {
    let path = Path::Root(root);
    let tree = parse(text).map_err(|detail| problem(&path, &format!("invalid JSON: {detail}")))?;
    T::decode_json(&tree, &path)
}

impl Codec for i64 {
    fn encode_json(&self, out: &mut String) {
        write_int(out, *self);
    }
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<i64, Error> {
        let Value::Number(text) = value else {
            return Err(mismatch(path, "Int", value));
        };
        if text.contains(['.', 'e', 'E']) {
            return Err(problem(
                path,
                "Int must be written without fraction or exponent",
            ));
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
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<f64, Error> {
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
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<bool, Error> {
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
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<String, Error> {
        match value {
            Value::String(s) => Ok(String::from(s.as_ref())),
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
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<Option<T>, Error> {
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
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<Vec<T>, Error> {
        let Value::Array(items) = value else {
            return Err(mismatch(path, &Self::type_text(), value));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::decode_json(item, &Path::Index(path, i))?);
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
    fn write_key(&self, out: &mut String) {
        out.push('"');
        write_int(out, *self);
        out.push('"');
    }
    fn decode_key(key: &str, path: &Path<'_>) -> Result<i64, Error> {
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
    fn write_key(&self, out: &mut String) {
        write_string(out, self);
    }
    fn decode_key(key: &str, _path: &Path<'_>) -> Result<String, Error> {
        Ok(key.to_string())
    }
}

/// The members of an object for `type_text`, after the duplicate-key check.
pub fn object<'v, 'a>(
    value: &'v Value<'a>,
    path: &Path<'_>,
    type_text: &str,
) -> Result<&'v [(Cow<'a, str>, Value<'a>)], Error> {
    let Value::Object(members) = value else {
        return Err(mismatch(path, type_text, value));
    };
    members_unique(members, path)
}

/// `members` after the duplicate-key check.
fn members_unique<'v, 'a>(
    members: &'v [(Cow<'a, str>, Value<'a>)],
    path: &Path<'_>,
) -> Result<&'v [(Cow<'a, str>, Value<'a>)], Error> {
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
            k.write_key(out);
            out.push(':');
            v.encode_json(out);
        }
        out.push('}');
    }
    fn decode_json(value: &Value<'_>, path: &Path<'_>) -> Result<BTreeMap<K, V>, Error> {
        let Value::Object(members) = value else {
            return Err(mismatch(path, &Self::type_text(), value));
        };
        let members = members_unique(members, path)?;
        let mut out = BTreeMap::new();
        for (key, item) in members {
            let k = K::decode_key(key, path)?;
            let v = V::decode_json(item, &Path::Key(path, key))?;
            out.insert(k, v);
        }
        Ok(out)
    }
    fn type_text() -> String {
        format!("Map<{}, {}>", K::type_text(), V::type_text())
    }
}

/// Decodes one record or variant field at `<path>.<name>`.
pub fn field<T: Codec>(value: &Value<'_>, path: &Path<'_>, name: &str) -> Result<T, Error> {
    T::decode_json(value, &Path::Field(path, name))
}

/// `<path>: unknown field "<key>"`.
pub fn unknown_field(path: &Path<'_>, key: &str) -> Error {
    problem(path, &format!("unknown field {}", quote(key)))
}

/// A field that must have been present: `<path>: missing field "<name>"`.
pub fn required<T>(found: Option<T>, path: &Path<'_>, name: &str) -> Result<T, Error> {
    found.ok_or_else(|| problem(path, &format!("missing field {}", quote(name))))
}

/// `<path>: unknown <Enum> member "<name>"`.
pub fn unknown_member(path: &Path<'_>, enum_name: &str, name: &str) -> Error {
    problem(path, &format!("unknown {enum_name} member {}", quote(name)))
}

/// A union's tag: the `kind` member, which must be present and a string.
pub fn union_tag<'v>(
    members: &'v [(Cow<'_, str>, Value<'_>)],
    path: &Path<'_>,
) -> Result<&'v str, Error> {
    let Some((_, tag)) = members.iter().find(|(k, _)| k == "kind") else {
        return Err(problem(path, "missing field \"kind\""));
    };
    match tag {
        Value::String(s) => Ok(s),
        _ => Err(mismatch(&Path::Field(path, "kind"), "String", tag)),
    }
}

/// `<path>.kind: unknown <Union> variant "<name>"`.
pub fn unknown_variant(path: &Path<'_>, union_name: &str, name: &str) -> Error {
    problem(
        &Path::Field(path, "kind"),
        &format!("unknown {union_name} variant {}", quote(name)),
    )
}

/// A record or variant without fields: no member but `skip` (a union's `kind`).
pub fn no_fields(
    members: &[(Cow<'_, str>, Value<'_>)],
    path: &Path<'_>,
    skip: Option<&str>,
) -> Result<(), Error> {
    match members.iter().find(|(k, _)| Some(k.as_ref()) != skip) {
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
