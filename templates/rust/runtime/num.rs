//! Int and Float semantics (LANGUAGE.md section 5), mirroring
//! `domaingen.interp.ints` and `domaingen.interp.floats` message for message.
//!
//! Ints are `i64` values kept in [-(2^53-1), 2^53-1]; every result outside is
//! `IntegerOverflow`. Floats are finite `f64`s; every non-finite result is
//! `NotFinite`. `min`/`max`/`clamp` keep the interpreter's tie rules.

use std::cell::Cell;

use super::dgmath;
use super::{Error, ErrorKind};

/// The largest Int, 2^53 - 1.
pub const INT_MAX: i64 = 9_007_199_254_740_991;
/// The smallest Int, -(2^53 - 1).
pub const INT_MIN: i64 = -INT_MAX;

fn overflow(op: &str) -> Error {
    Error::new(ErrorKind::IntegerOverflow, format!("Int overflow in {op}"))
}

fn not_finite(op: &str) -> Error {
    Error::new(ErrorKind::NotFinite, format!("non-finite result of {op}"))
}

fn int_checked(r: Option<i64>, op: &str) -> Result<i64, Error> {
    match r {
        Some(v) if (INT_MIN..=INT_MAX).contains(&v) => Ok(v),
        _ => Err(overflow(op)),
    }
}

fn float_checked(r: f64, op: &str) -> Result<f64, Error> {
    if r.is_finite() {
        Ok(r)
    } else {
        Err(not_finite(op))
    }
}

/// The arithmetic of Int (`i64`) and Float (`f64`), checked.
pub trait Number: Copy + PartialOrd {
    fn add(self, other: Self) -> Result<Self, Error>;
    fn sub(self, other: Self) -> Result<Self, Error>;
    fn mul(self, other: Self) -> Result<Self, Error>;
    fn div(self, other: Self) -> Result<Self, Error>;
    fn abs(self) -> Self;
    fn zero() -> Self;
    fn sum_op(self, other: Self) -> Result<Self, Error>;
}

impl Number for i64 {
    fn add(self, other: i64) -> Result<i64, Error> {
        int_checked(self.checked_add(other), "+")
    }
    fn sub(self, other: i64) -> Result<i64, Error> {
        int_checked(self.checked_sub(other), "-")
    }
    fn mul(self, other: i64) -> Result<i64, Error> {
        int_checked(self.checked_mul(other), "*")
    }
    /// Truncates toward zero (never overflows: the range is symmetric).
    fn div(self, other: i64) -> Result<i64, Error> {
        if other == 0 {
            return Err(Error::new(ErrorKind::DivisionByZero, "division by zero"));
        }
        Ok(self / other)
    }
    fn abs(self) -> i64 {
        self.abs()
    }
    fn zero() -> i64 {
        0
    }
    fn sum_op(self, other: i64) -> Result<i64, Error> {
        int_checked(self.checked_add(other), "sum")
    }
}

impl Number for f64 {
    fn add(self, other: f64) -> Result<f64, Error> {
        float_checked(self + other, "+")
    }
    fn sub(self, other: f64) -> Result<f64, Error> {
        float_checked(self - other, "-")
    }
    fn mul(self, other: f64) -> Result<f64, Error> {
        float_checked(self * other, "*")
    }
    fn div(self, other: f64) -> Result<f64, Error> {
        if other == 0.0 {
            return Err(not_finite("/"));
        }
        float_checked(self / other, "/")
    }
    fn abs(self) -> f64 {
        self.abs()
    }
    fn zero() -> f64 {
        0.0
    }
    fn sum_op(self, other: f64) -> Result<f64, Error> {
        float_checked(self + other, "sum")
    }
}

/// `a + b` on Int or Float.
pub fn add<N: Number>(a: N, b: N) -> Result<N, Error> {
    a.add(b)
}

/// `a - b` on Int or Float.
pub fn sub<N: Number>(a: N, b: N) -> Result<N, Error> {
    a.sub(b)
}

/// `a * b` on Int or Float.
pub fn mul<N: Number>(a: N, b: N) -> Result<N, Error> {
    a.mul(b)
}

/// `a / b`: Int truncates toward zero; Float division by zero is `NotFinite`.
pub fn div<N: Number>(a: N, b: N) -> Result<N, Error> {
    a.div(b)
}

/// `a % b` (Int only): the remainder takes the dividend's sign.
pub fn rem(a: i64, b: i64) -> Result<i64, Error> {
    if b == 0 {
        return Err(Error::new(ErrorKind::DivisionByZero, "remainder by zero"));
    }
    Ok(a % b)
}

/// `abs(x)`.
pub fn abs<N: Number>(x: N) -> N {
    x.abs()
}

/// `min(a, b)`: `b` only when `b < a` (ties give the first argument).
pub fn min<N: Number>(a: N, b: N) -> N {
    if b < a {
        b
    } else {
        a
    }
}

/// `max(a, b)`: `b` only when `b > a` (ties give the first argument).
pub fn max<N: Number>(a: N, b: N) -> N {
    if b > a {
        b
    } else {
        a
    }
}

/// `clamp(x, lo, hi)` = `min(max(x, lo), hi)`.
pub fn clamp<N: Number>(x: N, lo: N, hi: N) -> N {
    min(max(x, lo), hi)
}

/// `pow(Int, Int)`: a negative exponent first, then overflow; `pow(0, 0)` is 1.
pub fn pow_int(base: i64, exponent: i64) -> Result<i64, Error> {
    if exponent < 0 {
        return Err(Error::new(
            ErrorKind::InvalidConversion,
            "negative exponent in pow",
        ));
    }
    if exponent == 0 || base == 1 {
        return Ok(1);
    }
    if base == 0 {
        return Ok(0);
    }
    if base == -1 {
        return Ok(if exponent % 2 == 1 { -1 } else { 1 });
    }
    if exponent > 53 {
        return Err(overflow("pow"));
    }
    let mut result: i64 = 1;
    for _ in 0..exponent {
        result = int_checked(result.checked_mul(base), "pow")?;
    }
    Ok(result)
}

/// `float(i)`: exact, since |i| < 2^53.
pub fn to_float(a: i64) -> f64 {
    a as f64
}

fn in_range(r: f64, name: &str) -> Result<i64, Error> {
    if (INT_MIN as f64..=INT_MAX as f64).contains(&r) {
        Ok(r as i64)
    } else {
        Err(Error::new(
            ErrorKind::InvalidConversion,
            format!("Float out of Int range in {name}"),
        ))
    }
}

/// `int(f)`: truncates toward zero.
pub fn to_int(x: f64) -> Result<i64, Error> {
    in_range(x.trunc(), "int")
}

/// `trunc(f)`.
pub fn trunc(x: f64) -> Result<i64, Error> {
    in_range(x.trunc(), "trunc")
}

/// `floor(f)`.
pub fn floor(x: f64) -> Result<i64, Error> {
    in_range(x.floor(), "floor")
}

/// `ceil(f)`.
pub fn ceil(x: f64) -> Result<i64, Error> {
    in_range(x.ceil(), "ceil")
}

/// `round(f)`: half away from zero, exactly (`x - trunc(x)` is exact).
pub fn round(x: f64) -> Result<i64, Error> {
    let mut r = x.trunc();
    if (x - r).abs() >= 0.5 {
        r += if x > 0.0 { 1.0 } else { -1.0 };
    }
    in_range(r, "round")
}

/// `sqrt(x)`.
pub fn sqrt(x: f64) -> Result<f64, Error> {
    float_checked(dgmath::sqrt(x), "sqrt")
}

/// `pow(Float, Float)`, bit-identical in every target.
///
/// The fdlibm port costs several times the platform `powf`, and rules
/// typically call it again and again with the same few arguments (a level
/// curve), so results are memoized per thread (see `PowMemo`).
#[inline]
pub fn pow(x: f64, y: f64) -> Result<f64, Error> {
    float_checked(POW_MEMO.with(|memo| memo.pow(x, y)), "pow")
}

/// Forgets every memoized `pow` result of this thread (for benchmarks that
/// measure `pow` on inputs never seen before). O(1): bumps the generation.
pub fn clear_pow_memo() {
    POW_MEMO.with(|memo| memo.generation.set(memo.generation.get().wrapping_add(1)));
}

const POW_MEMO_SLOTS: usize = 256;

/// A direct-mapped cache of `dgmath::pow`, keyed by the exact bits of both
/// arguments (so `-0.0` and `0.0` are different keys) and holding exactly
/// what `dgmath::pow` returned for them: a hit is bit-identical to a call.
/// A slot counts only when written in the current generation, which starts
/// at 1, so the all-zero initial slots never match.
struct PowMemo {
    generation: Cell<u64>,
    slots: [Cell<(u64, u64, u64, f64)>; POW_MEMO_SLOTS],
}

thread_local! {
    static POW_MEMO: PowMemo = const {
        PowMemo {
            generation: Cell::new(1),
            slots: [const { Cell::new((0, 0, 0, 0.0)) }; POW_MEMO_SLOTS],
        }
    };
}

impl PowMemo {
    #[inline]
    fn pow(&self, x: f64, y: f64) -> f64 {
        let (xb, yb, generation) = (x.to_bits(), y.to_bits(), self.generation.get());
        // Fibonacci hashing: the top bits of the product mix every input bit.
        let hash = (xb ^ yb.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot = &self.slots[(hash >> 56) as usize % POW_MEMO_SLOTS];
        let (kx, ky, kg, value) = slot.get();
        if kx == xb && ky == yb && kg == generation {
            return value;
        }
        let value = dgmath::pow(x, y);
        slot.set((xb, yb, generation, value));
        value
    }
}

/// `exp(x)`.
pub fn exp(x: f64) -> Result<f64, Error> {
    float_checked(dgmath::exp(x), "exp")
}

/// `ln(x)`.
pub fn ln(x: f64) -> Result<f64, Error> {
    float_checked(dgmath::ln(x), "ln")
}

/// `log10(x)`.
pub fn log10(x: f64) -> Result<f64, Error> {
    float_checked(dgmath::log10(x), "log10")
}

/// `sin(x)`.
pub fn sin(x: f64) -> Result<f64, Error> {
    float_checked(dgmath::sin(x), "sin")
}

/// `cos(x)`.
pub fn cos(x: f64) -> Result<f64, Error> {
    float_checked(dgmath::cos(x), "cos")
}

/// `tan(x)`.
pub fn tan(x: f64) -> Result<f64, Error> {
    float_checked(dgmath::tan(x), "tan")
}

/// `atan2(y, x)`.
pub fn atan2(y: f64, x: f64) -> Result<f64, Error> {
    float_checked(dgmath::atan2(y, x), "atan2")
}

/// The identity, with the type spelled out: anchors Int literals that
/// nothing else types (`dgrt::typed::<i64>(1) < 2` is not an `i32` compare).
pub fn typed<T>(x: T) -> T {
    x
}

/// `to_string(i)`.
pub fn fmt_int(a: i64) -> String {
    a.to_string()
}

/// `to_string(f)`: the ECMAScript Number-to-String form.
pub fn fmt_float(x: f64) -> String {
    dgmath::format_float(x)
}

/// `to_string(b)`.
pub fn fmt_bool(b: bool) -> String {
    if b { "true" } else { "false" }.to_string()
}

/// `parse_int(s)`: exactly `-?[0-9]+` (ASCII digits), in range.
pub fn parse_int(s: &str) -> Result<i64, Error> {
    let bad = || {
        Error::new(
            ErrorKind::InvalidConversion,
            "invalid Int text in parse_int",
        )
    };
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 16 {
        return Err(bad());
    }
    let value: i64 = if significant.is_empty() {
        0
    } else {
        significant.parse().map_err(|_| bad())?
    };
    if value > INT_MAX {
        return Err(bad());
    }
    Ok(if negative { -value } else { value })
}

/// `parse_float(s)`: exactly `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, finite.
pub fn parse_float(s: &str) -> Result<f64, Error> {
    dgmath::parse_float(s).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidConversion,
            "invalid Float text in parse_float",
        )
    })
}
