package dgrt

// Int arithmetic of the domaingen language (LANGUAGE.md section 5): exact
// integers in [-(2^53-1), 2^53-1], truncating division, checked results.
// Mirrors src/domaingen/interp/ints.py, error texts included.

import (
	"math"
	"strconv"
)

// IntMax is the largest Int, 2^53-1; IntMin is -IntMax.
const (
	IntMax int64 = 1<<53 - 1
	IntMin int64 = -IntMax
)

func inRange(r int64) bool { return r >= IntMin && r <= IntMax }

func overflow(op string) error { return newError(KindIntegerOverflow, "Int overflow in "+op) }

// IAdd is Int `+`.
func IAdd(a, b int64) (int64, error) {
	r := a + b
	if inRange(r) {
		return r, nil
	}
	return 0, overflow("+")
}

// ISub is Int `-`.
func ISub(a, b int64) (int64, error) {
	r := a - b
	if inRange(r) {
		return r, nil
	}
	return 0, overflow("-")
}

func absInt(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// IMul is Int `*`.
func IMul(a, b int64) (int64, error) {
	if a == 0 || b == 0 {
		return 0, nil
	}
	if absInt(b) > IntMax/absInt(a) {
		return 0, overflow("*")
	}
	return a * b, nil
}

// IDiv is Int `/`, truncating toward zero.
func IDiv(a, b int64) (int64, error) {
	if b == 0 {
		return 0, newError(KindDivisionByZero, "division by zero")
	}
	return a / b, nil
}

// IRem is Int `%`, with the sign of the dividend.
func IRem(a, b int64) (int64, error) {
	if b == 0 {
		return 0, newError(KindDivisionByZero, "remainder by zero")
	}
	return a % b, nil
}

// IPow is `pow(Int, Int)`: a negative exponent is checked first, then overflow.
func IPow(base, exponent int64) (int64, error) {
	if exponent < 0 {
		return 0, newError(KindInvalidConversion, "negative exponent in pow")
	}
	switch {
	case exponent == 0 || base == 1:
		return 1, nil
	case base == 0:
		return 0, nil
	case base == -1:
		if exponent%2 == 1 {
			return -1, nil
		}
		return 1, nil
	case exponent > 53:
		return 0, overflow("pow")
	}
	r := int64(1)
	for i := int64(0); i < exponent; i++ {
		if absInt(base) > IntMax/absInt(r) {
			return 0, overflow("pow")
		}
		r *= base
	}
	return r, nil
}

// AbsInt is `abs(Int)`; it cannot overflow since the range is symmetric.
func AbsInt(a int64) int64 { return absInt(a) }

// MinInt is `min(a, b)`: b if b < a, else a.
func MinInt(a, b int64) int64 {
	if b < a {
		return b
	}
	return a
}

// MaxInt is `max(a, b)`: b if b > a, else a.
func MaxInt(a, b int64) int64 {
	if b > a {
		return b
	}
	return a
}

// ClampInt is `clamp(x, lo, hi)` = min(max(x, lo), hi).
func ClampInt(x, lo, hi int64) int64 { return MinInt(MaxInt(x, lo), hi) }

func floatToInt(r float64, name string) (int64, error) {
	if r >= -9007199254740991 && r <= 9007199254740991 {
		return int64(r), nil
	}
	return 0, newError(KindInvalidConversion, "Float out of Int range in "+name)
}

// IntOf is `int(Float)`: truncates toward zero.
func IntOf(x float64) (int64, error) { return floatToInt(math.Trunc(x), "int") }

// Trunc is `trunc(Float)`.
func Trunc(x float64) (int64, error) { return floatToInt(math.Trunc(x), "trunc") }

// Floor is `floor(Float)`.
func Floor(x float64) (int64, error) { return floatToInt(math.Floor(x), "floor") }

// Ceil is `ceil(Float)`.
func Ceil(x float64) (int64, error) { return floatToInt(math.Ceil(x), "ceil") }

// Round is `round(Float)`: half away from zero, exactly.
func Round(x float64) (int64, error) {
	r := math.Trunc(x)
	if math.Abs(x-r) >= 0.5 {
		if x > 0 {
			r++
		} else {
			r--
		}
	}
	return floatToInt(r, "round")
}

// IntToString is `to_string(Int)`.
func IntToString(a int64) string { return strconv.FormatInt(a, 10) }

// ParseInt is `parse_int`: exactly -?[0-9]+ (ASCII digits), in range.
func ParseInt(s string) (int64, error) {
	bad := newError(KindInvalidConversion, "invalid Int text in parse_int")
	digits := s
	negative := len(s) > 0 && s[0] == '-'
	if negative {
		digits = s[1:]
	}
	if digits == "" {
		return 0, bad
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, bad
		}
	}
	start := 0
	for start < len(digits) && digits[start] == '0' {
		start++
	}
	significant := digits[start:]
	if len(significant) > 16 {
		return 0, bad
	}
	value := int64(0)
	for i := 0; i < len(significant); i++ {
		value = value*10 + int64(significant[i]-'0')
	}
	if negative {
		value = -value
	}
	if !inRange(value) {
		return 0, bad
	}
	return value, nil
}
