//! libm oracle: reads lines `FUNC HEX [HEX]` on stdin, where each HEX is the
//! 16-digit IEEE-754 binary64 bit pattern of an argument, and prints one line
//! per input with the bit pattern of `libm::FUNC(args…)`.
//!
//! FUNC is one of the domaingen float built-ins: sqrt pow exp ln log10 sin cos
//! tan atan2 (`ln` is `libm::log`).  `atan2 Y X` takes y first, like libm.

use std::io::{self, BufRead, BufWriter, Write};

fn arg(parts: &[&str], i: usize, line: &str) -> f64 {
    let text = parts
        .get(i)
        .unwrap_or_else(|| panic!("missing argument {i} in {line:?}"));
    let bits = u64::from_str_radix(text, 16).unwrap_or_else(|e| panic!("bad hex {text:?}: {e}"));
    f64::from_bits(bits)
}

fn main() {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let a = arg(&parts, 1, line);
        let r = match parts[0] {
            "sqrt" => libm::sqrt(a),
            "pow" => libm::pow(a, arg(&parts, 2, line)),
            "exp" => libm::exp(a),
            "ln" => libm::log(a),
            "log10" => libm::log10(a),
            "sin" => libm::sin(a),
            "cos" => libm::cos(a),
            "tan" => libm::tan(a),
            "atan2" => libm::atan2(a, arg(&parts, 2, line)),
            other => panic!("unknown function {other:?}"),
        };
        writeln!(out, "{:016x}", r.to_bits()).expect("stdout");
    }
}
