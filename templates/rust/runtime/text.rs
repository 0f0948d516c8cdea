//! String built-ins (LANGUAGE.md section 5), mirroring `domaingen.interp.strings`.
//!
//! A String is a sequence of Unicode scalar values: lengths and indices count
//! code points (`char`s), ordering is code point order (which is UTF-8 byte
//! order, so `String`'s own `Ord` is right), case mapping and trimming touch
//! ASCII only.

use super::{Error, ErrorKind};

/// `len(s)` in code points.
pub fn str_len(s: &str) -> i64 {
    s.chars().count() as i64
}

/// `contains(s, sub)`.
pub fn str_contains(s: &str, sub: &str) -> bool {
    s.contains(sub)
}

/// `starts_with(s, prefix)`.
pub fn starts_with(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
}

/// `ends_with(s, suffix)`.
pub fn ends_with(s: &str, suffix: &str) -> bool {
    s.ends_with(suffix)
}

/// `substring(s, start, end)`: half-open, in code points.
pub fn substring(s: &str, start: i64, end: i64) -> Result<String, Error> {
    let n = str_len(s);
    if start < 0 || end > n || start > end {
        return Err(Error::new(
            ErrorKind::IndexOutOfRange,
            format!("substring range {start}..{end} out of range for length {n}"),
        ));
    }
    Ok(s.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect())
}

/// `index_of(s, sub)`: code point index of the first match, -1 if absent.
pub fn index_of(s: &str, sub: &str) -> i64 {
    match s.find(sub) {
        Some(byte) => s[..byte].chars().count() as i64,
        None => -1,
    }
}

/// `to_upper(s)`: ASCII letters only.
pub fn to_upper(s: &str) -> String {
    s.to_ascii_uppercase()
}

/// `to_lower(s)`: ASCII letters only.
pub fn to_lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// `trim(s)`: strips space, `\t`, `\n`, `\r` and `\f` (not `\v`, not Unicode spaces).
pub fn trim(s: &str) -> String {
    s.trim_matches([' ', '\t', '\n', '\r', '\x0c']).to_string()
}

/// `split(s, sep)`: every piece, empty ones included; `sep` must not be empty.
pub fn split(s: &str, sep: &str) -> Result<Vec<String>, Error> {
    if sep.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidConversion,
            "empty separator in split",
        ));
    }
    Ok(s.split(sep).map(str::to_string).collect())
}

/// `join(xs, sep)`.
pub fn join(xs: &[String], sep: &str) -> String {
    xs.join(sep)
}
