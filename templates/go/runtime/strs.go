package dgrt

// String built-ins of the domaingen language (LANGUAGE.md section 5):
// strings are sequences of code points (Go strings hold them as UTF-8, whose
// byte order is code point order), case mapping is ASCII only and trim
// strips ASCII whitespace. Mirrors src/domaingen/interp/strings.py.

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// StrLen is `len(String)`: the number of code points.
func StrLen(s string) int64 { return int64(utf8.RuneCountInString(s)) }

// Substring is `substring(s, start, end)`, half-open, in code points.
func Substring(s string, start, end int64) (string, error) {
	n := StrLen(s)
	if start < 0 || end > n || start > end {
		return "", newError(KindIndexOutOfRange, "substring range "+strconv.FormatInt(start, 10)+".."+
			strconv.FormatInt(end, 10)+" out of range for length "+strconv.FormatInt(n, 10))
	}
	runes := []rune(s)
	return string(runes[start:end]), nil
}

// IndexOf is `index_of(s, sub)`: the code point index of the first match, -1 if absent.
func IndexOf(s, sub string) int64 {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return int64(utf8.RuneCountInString(s[:i]))
}

// StrContains is `contains(String, String)`.
func StrContains(s, sub string) bool { return strings.Contains(s, sub) }

// StartsWith is `starts_with`.
func StartsWith(s, prefix string) bool { return strings.HasPrefix(s, prefix) }

// EndsWith is `ends_with`.
func EndsWith(s, suffix string) bool { return strings.HasSuffix(s, suffix) }

// ToUpper is `to_upper`: ASCII letters only.
func ToUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

// ToLower is `to_lower`: ASCII letters only.
func ToLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// Trim is `trim`: strips space, \t, \n, \r and \f (not \v).
func Trim(s string) string { return strings.Trim(s, " \t\n\r\f") }

// Split is `split(s, sep)`: every piece, empty ones included; sep must be non-empty.
func Split(s, sep string) ([]string, error) {
	if sep == "" {
		return nil, newError(KindInvalidConversion, "empty separator in split")
	}
	return strings.Split(s, sep), nil
}

// Join is `join(xs, sep)`.
func Join(xs []string, sep string) string { return strings.Join(xs, sep) }
