//! The domaingen runtime carried by every generated crate (no dependencies).
//!
//! * `Error` / `ErrorKind`: the eight error kinds of LANGUAGE.md section 5;
//!   every generated function returns `Result<T, dgrt::Error>`.
//! * `num`: checked 53-bit Int arithmetic, finite-only Float arithmetic,
//!   conversions and ordering helpers.
//! * `text`: code-point string built-ins (ASCII case mapping, ASCII trim).
//! * `coll`: list, map and optional built-ins (maps are `BTreeMap`s, so they
//!   iterate in ascending key order).
//! * `jsontext`: a strict JSON reader and the canonical string writer;
//!   `json`: the `Codec` trait every generated type implements.
//! * `dgmath`: the shared bit-exact float library and ECMAScript float text.

pub mod coll;
pub mod dgmath;
pub mod json;
pub mod jsontext;
pub mod num;
pub mod text;

pub use coll::*;
pub use num::*;
pub use text::*;

use std::fmt;

/// The kind of a domaingen run-time error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// `require` or `fail`; the message is the program's.
    DomainError,
    IntegerOverflow,
    DivisionByZero,
    NotFinite,
    InvalidConversion,
    IndexOutOfRange,
    KeyNotFound,
    NoneValue,
}

impl ErrorKind {
    /// The kind's name as written in DSL tests and test vectors.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::DomainError => "DomainError",
            ErrorKind::IntegerOverflow => "IntegerOverflow",
            ErrorKind::DivisionByZero => "DivisionByZero",
            ErrorKind::NotFinite => "NotFinite",
            ErrorKind::InvalidConversion => "InvalidConversion",
            ErrorKind::IndexOutOfRange => "IndexOutOfRange",
            ErrorKind::KeyNotFound => "KeyNotFound",
            ErrorKind::NoneValue => "NoneValue",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A domaingen run-time error: its kind and a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The error of `require` and `fail`.
    pub fn domain(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::DomainError, message)
    }

    /// A decode error (bad call argument or bad JSON input).
    pub fn conversion(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidConversion, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for Error {}

/// `require cond, "message"`.
pub fn require(cond: bool, message: &str) -> Result<(), Error> {
    if cond {
        Ok(())
    } else {
        Err(Error::domain(message))
    }
}

/// A `LazyLock` constant as a plain reference (for built-ins taking `&T`).
pub fn lazy<T>(constant: &'static std::sync::LazyLock<T>) -> &'static T {
    constant
}
