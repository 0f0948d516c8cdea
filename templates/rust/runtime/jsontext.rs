//! Strict JSON text: a parser to an untyped tree, and the canonical string
//! writer, mirroring `domaingen.interp.jsontext` rule for rule.
//!
//! `parse` keeps what typed decoding must see and ordinary JSON libraries
//! hide: the exact number text (so `1.0` can be refused as an Int) and every
//! object member in document order, duplicates included. Anything that is
//! not RFC 8259 JSON (bad tokens, leading zeros, `NaN`, raw control
//! characters, lone surrogates, trailing text, nesting deeper than 256) is an
//! error whose detail (with a code-point offset) goes into the message.
//!
//! The tree borrows from the input text: numbers and strings without escapes
//! are slices of it, so parsing allocates only for arrays, objects and
//! strings that contain escapes.

use std::borrow::Cow;

/// Nesting deeper than this is refused (as in the reference interpreter).
pub const MAX_DEPTH: usize = 256;

/// An untyped JSON value borrowing from the text it was parsed from.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// A number exactly as written.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in document order, duplicates kept.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// The JSON type name used in error messages.
pub fn kind_of(value: &Value<'_>) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

// --- canonical writer ----------------------------------------------------------

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends the canonical JSON string for `s`: escapes only `"`, `\` and
/// characters below U+0020 (`\n \t \r \b \f`, others `\u00xx` lowercase).
/// Runs of characters that need no escape are copied in one piece.
pub fn write_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\t' => "\\t",
            b'\r' => "\\r",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        // `b` is ASCII, so `i` and `i + 1` are character boundaries.
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// The canonical JSON string for `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::new();
    write_string(&mut out, s);
    out
}

/// Appends the decimal text of `n` without an intermediate `String`.
pub fn write_int(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut rest = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

// --- strict reader -------------------------------------------------------------

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Parses RFC 8259 JSON strictly; the error is a detail for messages.
pub fn parse(text: &str) -> Result<Value<'_>, String> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.pos != text.len() {
        return Err(parser.error("unexpected text after the value"));
    }
    Ok(value)
}

impl<'a> Parser<'a> {
    fn error(&self, message: &str) -> String {
        format!(
            "{message} at offset {}",
            self.text[..self.pos].chars().count()
        )
    }

    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len()
            && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r')
        {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, String> {
        if depth > MAX_DEPTH {
            return Err(self.error(&format!("nesting deeper than {MAX_DEPTH}")));
        }
        self.skip_ws();
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, result) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ] {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(result);
                    }
                }
                let c = self.text[self.pos..].chars().next().unwrap_or('\0');
                Err(self.error(&format!("unexpected character {}", quote(&c.to_string()))))
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, matched greedily
    /// like the reference's regular expression (optional parts backtrack).
    fn number(&mut self) -> Result<Value<'a>, String> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => {
                self.pos = start;
                return Err(self.error("invalid number"));
            }
        }
        let before_fraction = self.pos;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                self.pos = before_fraction;
            }
        }
        let before_exponent = self.pos;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                self.pos = before_exponent;
            }
        }
        Ok(Value::Number(&self.text[start..self.pos]))
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, String> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, String> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':'"));
            }
            self.pos += 1;
            let item = self.value(depth + 1)?;
            members.push((key, item));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    /// A string (the `"` at `pos`): a slice of the text unless it has
    /// escapes. Bytes `"`, `\` and below 0x20 never occur inside a UTF-8
    /// sequence, so the scan can go byte by byte.
    fn string(&mut self) -> Result<Cow<'a, str>, String> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
                }
                Some(b'\\') => break,
                Some(b) if b < 0x20 => {
                    return Err(self.error("unescaped control character in string"))
                }
                Some(_) => self.pos += 1,
            }
        }
        let mut out = String::with_capacity(self.pos - start + 16);
        out.push_str(&self.text[start..self.pos]);
        loop {
            let rest = &self.text[self.pos..];
            let Some(c) = rest.chars().next() else {
                return Err(self.error("unterminated string"));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                '\\' => out.push(self.escape()?),
                c if (c as u32) < 0x20 => {
                    return Err(self.error("unescaped control character in string"))
                }
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, String> {
        self.pos += 1;
        let Some(b) = self.peek() else {
            return Err(self.error("unterminated string"));
        };
        let simple = match b {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\x08'),
            b'f' => Some('\x0c'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            self.pos += 1;
            return Ok(c);
        }
        if b != b'u' {
            let c = self.text[self.pos..].chars().next().unwrap_or('\0');
            return Err(self.error(&format!("invalid escape \\{c}")));
        }
        let unit = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&unit) {
            return Err(self.error("lone surrogate in string"));
        }
        if (0xD800..=0xDBFF).contains(&unit) {
            if !self.text[self.pos..].starts_with("\\u") {
                return Err(self.error("lone surrogate in string"));
            }
            self.pos += 1;
            let low = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(self.error("lone surrogate in string"));
            }
            let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            return char::from_u32(code).ok_or_else(|| self.error("lone surrogate in string"));
        }
        char::from_u32(unit).ok_or_else(|| self.error("lone surrogate in string"))
    }

    /// Reads `uXXXX` (the `u` at `pos`) and returns the code unit.
    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self.bytes.get(self.pos + 1..self.pos + 5);
        match hex {
            Some(h) if h.iter().all(u8::is_ascii_hexdigit) => {
                let mut unit = 0u32;
                for d in h {
                    unit = unit * 16 + (*d as char).to_digit(16).unwrap_or(0);
                }
                self.pos += 5;
                Ok(unit)
            }
            _ => Err(self.error("invalid \\u escape")),
        }
    }
}
