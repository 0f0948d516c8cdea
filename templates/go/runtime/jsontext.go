package dgrt

// Strict JSON text (mirrors src/domaingen/interp/jsontext.py): a parser to an
// untyped tree that keeps the exact number text and every object member in
// document order, duplicates included, and rejects anything that is not
// RFC 8259 JSON (bad tokens, leading zeros, raw control characters, lone
// surrogates, invalid UTF-8, trailing text, nesting deeper than 256); and
// the canonical string escape of LANGUAGE.md section 7.

import (
	"strconv"
	"unicode/utf8"
)

// JSONKind is the type of a JSON value.
type JSONKind uint8

// The six JSON types.
const (
	JSONNull JSONKind = iota
	JSONBool
	JSONNumber
	JSONString
	JSONArray
	JSONObject
)

var jsonKindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

// String is the JSON type name used in error messages.
func (k JSONKind) String() string { return jsonKindNames[k] }

// JSONMember is one object member.
type JSONMember struct {
	Key   string
	Value *JSON
}

// JSON is a parsed JSON value.
type JSON struct {
	Kind    JSONKind
	Bool    bool
	Text    string // number text as written, or the string value
	Items   []*JSON
	Members []JSONMember
}

const maxDepth = 256

type jsonParser struct {
	text string
	pos  int
}

type syntaxError struct{ message string }

func (e *syntaxError) Error() string { return e.message }

func (p *jsonParser) fail(message string) error {
	return &syntaxError{message + " at offset " + strconv.Itoa(p.pos)}
}

// ParseJSON parses one strict JSON text.
func ParseJSON(text string) (*JSON, error) {
	p := &jsonParser{text: text}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipWS()
	if p.pos != len(text) {
		return nil, p.fail("unexpected text after the value")
	}
	return v, nil
}

func (p *jsonParser) skipWS() {
	for p.pos < len(p.text) {
		switch p.text[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) startsWith(s string) bool {
	return len(p.text)-p.pos >= len(s) && p.text[p.pos:p.pos+len(s)] == s
}

func (p *jsonParser) value(depth int) (*JSON, error) {
	if depth > maxDepth {
		return nil, p.fail("nesting deeper than 256")
	}
	p.skipWS()
	if p.pos >= len(p.text) {
		return nil, p.fail("unexpected end of input")
	}
	switch c := p.text[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &JSON{Kind: JSONString, Text: s}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	for _, w := range [...]struct {
		word string
		v    JSON
	}{{"true", JSON{Kind: JSONBool, Bool: true}}, {"false", JSON{Kind: JSONBool}}, {"null", JSON{Kind: JSONNull}}} {
		if p.startsWith(w.word) {
			p.pos += len(w.word)
			v := w.v
			return &v, nil
		}
	}
	return nil, p.fail("unexpected character")
}

func (p *jsonParser) digits() int {
	start := p.pos
	for p.pos < len(p.text) && p.text[p.pos] >= '0' && p.text[p.pos] <= '9' {
		p.pos++
	}
	return p.pos - start
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? as a longest prefix.
func (p *jsonParser) number() (*JSON, error) {
	start := p.pos
	if p.text[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.text) && p.text[p.pos] == '0' {
		p.pos++
	} else if p.pos >= len(p.text) || p.text[p.pos] < '1' || p.text[p.pos] > '9' {
		p.pos = start
		return nil, p.fail("invalid number")
	} else {
		p.digits()
	}
	if p.pos+1 < len(p.text) && p.text[p.pos] == '.' && p.text[p.pos+1] >= '0' && p.text[p.pos+1] <= '9' {
		p.pos++
		p.digits()
	}
	if p.pos < len(p.text) && (p.text[p.pos] == 'e' || p.text[p.pos] == 'E') {
		save := p.pos
		p.pos++
		if p.pos < len(p.text) && (p.text[p.pos] == '+' || p.text[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			p.pos = save
		}
	}
	return &JSON{Kind: JSONNumber, Text: p.text[start:p.pos]}, nil
}

func (p *jsonParser) array(depth int) (*JSON, error) {
	p.pos++
	out := &JSON{Kind: JSONArray, Items: []*JSON{}}
	p.skipWS()
	if p.startsWith("]") {
		p.pos++
		return out, nil
	}
	for {
		item, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		out.Items = append(out.Items, item)
		p.skipWS()
		switch {
		case p.startsWith(","):
			p.pos++
		case p.startsWith("]"):
			p.pos++
			return out, nil
		default:
			return nil, p.fail("expected ',' or ']'")
		}
	}
}

func (p *jsonParser) object(depth int) (*JSON, error) {
	p.pos++
	out := &JSON{Kind: JSONObject, Members: []JSONMember{}}
	p.skipWS()
	if p.startsWith("}") {
		p.pos++
		return out, nil
	}
	for {
		p.skipWS()
		if !p.startsWith("\"") {
			return nil, p.fail("expected a string key")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.skipWS()
		if !p.startsWith(":") {
			return nil, p.fail("expected ':'")
		}
		p.pos++
		item, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		out.Members = append(out.Members, JSONMember{key, item})
		p.skipWS()
		switch {
		case p.startsWith(","):
			p.pos++
		case p.startsWith("}"):
			p.pos++
			return out, nil
		default:
			return nil, p.fail("expected ',' or '}'")
		}
	}
}

func (p *jsonParser) str() (string, error) {
	p.pos++
	var out []byte
	for {
		if p.pos >= len(p.text) {
			return "", p.fail("unterminated string")
		}
		c := p.text[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(out), nil
		case c == '\\':
			var err error
			if out, err = p.escape(out); err != nil {
				return "", err
			}
		case c < 0x20:
			return "", p.fail("unescaped control character in string")
		case c < 0x80:
			out = append(out, c)
			p.pos++
		default:
			r, size := utf8.DecodeRuneInString(p.text[p.pos:])
			if r == utf8.RuneError && size <= 1 {
				return "", p.fail("invalid UTF-8 in string")
			}
			out = append(out, p.text[p.pos:p.pos+size]...)
			p.pos += size
		}
	}
}

func (p *jsonParser) hex4() (rune, error) {
	if len(p.text)-p.pos < 5 {
		return 0, p.fail("invalid \\u escape")
	}
	v, err := strconv.ParseUint(p.text[p.pos+1:p.pos+5], 16, 32)
	for _, c := range []byte(p.text[p.pos+1 : p.pos+5]) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			err = p.fail("invalid \\u escape")
		}
	}
	if err != nil {
		return 0, p.fail("invalid \\u escape")
	}
	p.pos += 5
	return rune(v), nil
}

func (p *jsonParser) escape(out []byte) ([]byte, error) {
	p.pos++
	if p.pos >= len(p.text) {
		return nil, p.fail("unterminated string")
	}
	simple := map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
	c := p.text[p.pos]
	if s, ok := simple[c]; ok {
		p.pos++
		return append(out, s), nil
	}
	if c != 'u' {
		return nil, p.fail("invalid escape")
	}
	unit, err := p.hex4()
	if err != nil {
		return nil, err
	}
	if unit >= 0xDC00 && unit <= 0xDFFF {
		return nil, p.fail("lone surrogate in string")
	}
	if unit >= 0xD800 && unit <= 0xDBFF {
		if !p.startsWith("\\u") {
			return nil, p.fail("lone surrogate in string")
		}
		p.pos++
		low, err := p.hex4()
		if err != nil {
			return nil, err
		}
		if low < 0xDC00 || low > 0xDFFF {
			return nil, p.fail("lone surrogate in string")
		}
		unit = 0x10000 + (unit-0xD800)<<10 + (low - 0xDC00)
	}
	return utf8.AppendRune(out, unit), nil
}

// AppendString appends the canonical JSON form of s: only `"`, `\` and
// characters below U+0020 are escaped (\n \t \r \b \f, others \u00xx).
func AppendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			dst = append(dst, '\\', '"')
		case c == '\\':
			dst = append(dst, '\\', '\\')
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\b':
			dst = append(dst, '\\', 'b')
		case c == '\f':
			dst = append(dst, '\\', 'f')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}
