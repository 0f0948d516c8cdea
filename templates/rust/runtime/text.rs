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

/// `to_upper(s)`: ASCII letters only, in place (no allocation).
pub fn to_upper(mut s: String) -> String {
    s.make_ascii_uppercase();
    s
}

/// `to_lower(s)`: ASCII letters only, in place (no allocation).
pub fn to_lower(mut s: String) -> String {
    s.make_ascii_lowercase();
    s
}

/// The characters `trim` strips.
const TRIMMED: [char; 5] = [' ', '\t', '\n', '\r', '\x0c'];

/// `trim(s)`: strips space, `\t`, `\n`, `\r` and `\f` (not `\v`, not Unicode
/// spaces), in place (no allocation).
pub fn trim(mut s: String) -> String {
    let end = s.trim_end_matches(TRIMMED).len();
    s.truncate(end);
    let start = s.len() - s.trim_start_matches(TRIMMED).len();
    s.drain(..start);
    s
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
