package dgrt

// Typed canonical JSON (LANGUAGE.md section 7) for the building blocks that
// generated encoders and decoders are made of, with the decoding rules of
// src/domaingen/interp/jsoncodec.py: the first problem, depth first in
// document order, is reported as `<path>: <problem>` (an InvalidConversion
// error), and nothing ever panics or defaults.

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// Path is where a decoder is in the document: the root (a parameter name),
// then `.field`, `[3]` or `["key"]` steps; rendered only on error.
type Path struct {
	parent *Path
	step   string
}

// Root starts a path.
func Root(name string) *Path { return &Path{step: name} }

// Field is `path.name`.
func (p *Path) Field(name string) *Path { return &Path{p, "." + name} }

// Elem is `path[i]`.
func (p *Path) Elem(i int) *Path { return &Path{p, "[" + strconv.Itoa(i) + "]"} }

// Key is `path["key"]`.
func (p *Path) Key(key string) *Path { return &Path{p, "[" + string(AppendString(nil, key)) + "]"} }

// String renders the path.
func (p *Path) String() string {
	if p.parent == nil {
		return p.step
	}
	return p.parent.String() + p.step
}

// DecodeError is a decoding problem at a path.
func DecodeError(p *Path, problem string) error {
	return newError(KindInvalidConversion, p.String()+": "+problem)
}

// Mismatch is `expected <T>, got <json type>`.
func Mismatch(v *JSON, p *Path, typeText string) error {
	return DecodeError(p, "expected "+typeText+", got "+v.Kind.String())
}

// Quote is the canonical JSON string of s, for messages.
func Quote(s string) string { return string(AppendString(nil, s)) }

// Decoder decodes one JSON value of a type (typeText names it in messages).
type Decoder[T any] func(v *JSON, p *Path) (T, error)

// Encoder appends the canonical JSON of a value.
type Encoder[T any] func(dst []byte, v T) []byte

// AppendInt appends an Int.
func AppendInt(dst []byte, v int64) []byte { return strconv.AppendInt(dst, v, 10) }

// AppendFloat appends a Float in ECMAScript form.
func AppendFloat(dst []byte, v float64) []byte { return append(dst, FormatFloat(v)...) }

// AppendBool appends a Bool.
func AppendBool(dst []byte, v bool) []byte { return strconv.AppendBool(dst, v) }

// AppendIntKey appends an Int map key as a JSON string.
func AppendIntKey(dst []byte, v int64) []byte {
	dst = append(dst, '"')
	return append(strconv.AppendInt(dst, v, 10), '"')
}

// AppendList appends a list.
func AppendList[T any](dst []byte, xs []T, elem Encoder[T]) []byte {
	dst = append(dst, '[')
	for i, x := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = elem(dst, x)
	}
	return append(dst, ']')
}

// AppendMap appends a map, keys in ascending order.
func AppendMap[K cmp.Ordered, V any](dst []byte, m map[K]V, key Encoder[K], value Encoder[V]) []byte {
	dst = append(dst, '{')
	for i, k := range Keys(m) {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = key(dst, k)
		dst = append(dst, ':')
		dst = value(dst, m[k])
	}
	return append(dst, '}')
}

// AppendOpt appends an optional (`null` when none).
func AppendOpt[T any](dst []byte, v *T, inner Encoder[T]) []byte {
	if v == nil {
		return append(dst, "null"...)
	}
	return inner(dst, *v)
}

// AppendField appends `,"name":` (or `"name":` first) inside an object.
func AppendField(dst []byte, first bool, name string) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = AppendString(dst, name)
	return append(dst, ':')
}

// DecodeInt decodes an Int: a number without fraction or exponent, in range.
func DecodeInt(v *JSON, p *Path) (int64, error) {
	if v.Kind != JSONNumber {
		return 0, Mismatch(v, p, "Int")
	}
	for _, c := range []byte(v.Text) {
		if c == '.' || c == 'e' || c == 'E' {
			return 0, DecodeError(p, "Int must be written without fraction or exponent")
		}
	}
	digits := v.Text
	if digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) > 16 {
		return 0, DecodeError(p, "Int out of range")
	}
	n, err := strconv.ParseInt(v.Text, 10, 64)
	if err != nil || !inRange(n) {
		return 0, DecodeError(p, "Int out of range")
	}
	return n, nil
}

// DecodeFloat decodes a Float: any number, rounded to nearest, finite.
func DecodeFloat(v *JSON, p *Path) (float64, error) {
	if v.Kind != JSONNumber {
		return 0, Mismatch(v, p, "Float")
	}
	x, _ := strconv.ParseFloat(v.Text, 64)
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, DecodeError(p, "Float out of range")
	}
	return x, nil
}

// DecodeBool decodes a Bool.
func DecodeBool(v *JSON, p *Path) (bool, error) {
	if v.Kind != JSONBool {
		return false, Mismatch(v, p, "Bool")
	}
	return v.Bool, nil
}

// DecodeString decodes a String.
func DecodeString(v *JSON, p *Path) (string, error) {
	if v.Kind != JSONString {
		return "", Mismatch(v, p, "String")
	}
	return v.Text, nil
}

// DecodeList decodes a list; typeText names the list type.
func DecodeList[T any](v *JSON, p *Path, typeText string, elem Decoder[T]) ([]T, error) {
	if v.Kind != JSONArray {
		return nil, Mismatch(v, p, typeText)
	}
	out := make([]T, 0, len(v.Items))
	for i, item := range v.Items {
		x, err := elem(item, p.Elem(i))
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

// DecodeOpt decodes an optional: null is none.
func DecodeOpt[T any](v *JSON, p *Path, inner Decoder[T]) (*T, error) {
	if v.Kind == JSONNull {
		return nil, nil
	}
	x, err := inner(v, p)
	if err != nil {
		return nil, err
	}
	return &x, nil
}

// Object checks that v is an object without duplicate keys.
func Object(v *JSON, p *Path, typeText string) error {
	if v.Kind != JSONObject {
		return Mismatch(v, p, typeText)
	}
	seen := make(map[string]bool, len(v.Members))
	for _, m := range v.Members {
		if seen[m.Key] {
			return DecodeError(p, "duplicate key "+Quote(m.Key))
		}
		seen[m.Key] = true
	}
	return nil
}

// KeyDecoder turns a JSON object key into a map key.
type KeyDecoder[K any] func(key string, p *Path) (K, error)

// IntKey decodes a canonical Int key: 0 or -?[1-9][0-9]*, in range.
func IntKey(key string, p *Path) (int64, error) {
	bad := DecodeError(p, "invalid Int key "+Quote(key))
	digits := key
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if digits == "" || len(digits) > 16 || (digits[0] == '0' && key != "0") {
		return 0, bad
	}
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return 0, bad
		}
	}
	n, err := strconv.ParseInt(key, 10, 64)
	if err != nil || !inRange(n) {
		return 0, bad
	}
	return n, nil
}

// StringKey decodes a String key (any string).
func StringKey(key string, _ *Path) (string, error) { return key, nil }

// DecodeMap decodes a map: entries in document order, key then value.
func DecodeMap[K comparable, V any](v *JSON, p *Path, typeText string, key KeyDecoder[K], value Decoder[V]) (map[K]V, error) {
	if err := Object(v, p, typeText); err != nil {
		return nil, err
	}
	out := make(map[K]V, len(v.Members))
	for _, m := range v.Members {
		k, err := key(m.Key, p)
		if err != nil {
			return nil, err
		}
		x, err := value(m.Value, p.Key(m.Key))
		if err != nil {
			return nil, err
		}
		out[k] = x
	}
	return out, nil
}

// Fields matches object members to declared field names (skipping `skip`,
// the union tag): an unknown member is an error at once; a member's own
// problem is found by decode(i, value) in document order; then the first
// absent field in declaration order is `missing field`.
func Fields(v *JSON, p *Path, names []string, skip string, decode func(i int, v *JSON) error) error {
	got := make([]bool, len(names))
	for _, m := range v.Members {
		if m.Key == skip && skip != "" {
			continue
		}
		i := slices.Index(names, m.Key)
		if i < 0 {
			return DecodeError(p, "unknown field "+Quote(m.Key))
		}
		if err := decode(i, m.Value); err != nil {
			return err
		}
		got[i] = true
	}
	for i, ok := range got {
		if !ok {
			return DecodeError(p, "missing field "+Quote(names[i]))
		}
	}
	return nil
}

// UnionTag reads a union's "kind" member (v is already a checked object).
func UnionTag(v *JSON, p *Path) (string, error) {
	for _, m := range v.Members {
		if m.Key == "kind" {
			if m.Value.Kind != JSONString {
				return "", Mismatch(m.Value, p.Field("kind"), "String")
			}
			return m.Value.Text, nil
		}
	}
	return "", DecodeError(p, `missing field "kind"`)
}

// DecodeText parses text strictly and decodes it with root as the path root.
func DecodeText[T any](text string, root string, decode Decoder[T]) (T, error) {
	v, err := ParseJSON(text)
	if err != nil {
		var zero T
		return zero, newError(KindInvalidConversion, root+": invalid JSON: "+err.Error())
	}
	return decode(v, Root(root))
}
