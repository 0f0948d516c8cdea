package dgrt

// Float arithmetic of the domaingen language (LANGUAGE.md section 5):
// IEEE binary64 where any non-finite result is a NotFinite error, and the
// checked forms of the bit-exact functions in dgmath.go. Mirrors
// src/domaingen/interp/floats.py. Every product is wrapped in an explicit
// float64(...) conversion so that Go never fuses it into a multiply-add.

import "math"

func finite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

func notFinite(op string) error { return newError(KindNotFinite, "non-finite result of "+op) }

func checked(r float64, op string) (float64, error) {
	if finite(r) {
		return r, nil
	}
	return 0, notFinite(op)
}

// FAdd is Float `+`.
func FAdd(a, b float64) (float64, error) { return checked(a+b, "+") }

// FSub is Float `-`.
func FSub(a, b float64) (float64, error) { return checked(a-b, "-") }

// FMul is Float `*`.
func FMul(a, b float64) (float64, error) { return checked(float64(a*b), "*") }

// FDiv is Float `/`; a zero divisor is NotFinite (never DivisionByZero).
func FDiv(a, b float64) (float64, error) {
	if b == 0 {
		return 0, notFinite("/")
	}
	return checked(a/b, "/")
}

// FSqrt is `sqrt`.
func FSqrt(x float64) (float64, error) { return checked(Sqrt(x), "sqrt") }

// FPow is `pow(Float, Float)`.
func FPow(x, y float64) (float64, error) { return checked(Pow(x, y), "pow") }

// FExp is `exp`.
func FExp(x float64) (float64, error) { return checked(Exp(x), "exp") }

// FLn is `ln`.
func FLn(x float64) (float64, error) { return checked(Ln(x), "ln") }

// FLog10 is `log10`.
func FLog10(x float64) (float64, error) { return checked(Log10(x), "log10") }

// FSin is `sin`.
func FSin(x float64) (float64, error) { return checked(Sin(x), "sin") }

// FCos is `cos`.
func FCos(x float64) (float64, error) { return checked(Cos(x), "cos") }

// FTan is `tan`.
func FTan(x float64) (float64, error) { return checked(Tan(x), "tan") }

// FAtan2 is `atan2(y, x)`.
func FAtan2(y, x float64) (float64, error) { return checked(Atan2(y, x), "atan2") }

// AbsFloat is `abs(Float)`.
func AbsFloat(a float64) float64 { return math.Abs(a) }

// MinFloat is `min(a, b)`: b if b < a, else a (so min(0.0, -0.0) is 0.0).
func MinFloat(a, b float64) float64 {
	if b < a {
		return b
	}
	return a
}

// MaxFloat is `max(a, b)`: b if b > a, else a.
func MaxFloat(a, b float64) float64 {
	if b > a {
		return b
	}
	return a
}

// ClampFloat is `clamp(x, lo, hi)` = min(max(x, lo), hi).
func ClampFloat(x, lo, hi float64) float64 { return MinFloat(MaxFloat(x, lo), hi) }

// NegZero is -0.0, which Go constants cannot spell.
func NegZero() float64 { return math.Copysign(0, -1) }

// ParseFloatText is `parse_float`.
func ParseFloatText(s string) (float64, error) {
	v, ok := ParseFloat(s)
	if !ok {
		return 0, newError(KindInvalidConversion, "invalid Float text in parse_float")
	}
	return v, nil
}

// BoolToString is `to_string(Bool)`.
func BoolToString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// FNeg is Float unary `-`, done at run time: Go constant expressions have no
// negative zero, so `-0.0` written in Go source would be +0.
func FNeg(x float64) float64 { return -x }
