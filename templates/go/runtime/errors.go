package dgrt

// Errors of the domaingen language (LANGUAGE.md section 5, row "Errors").
//
// Every generated function returns (T, error); a failing one returns a
// *Error whose Kind is one of the eight kinds below and whose Message is the
// require/fail text for KindDomainError and a fixed text otherwise (the same
// texts as the reference interpreter, src/domaingen/interp/).

// ErrorKind names one of the eight error kinds of the language.
type ErrorKind string

// The eight error kinds.
const (
	KindDomainError       ErrorKind = "DomainError"
	KindIntegerOverflow   ErrorKind = "IntegerOverflow"
	KindDivisionByZero    ErrorKind = "DivisionByZero"
	KindNotFinite         ErrorKind = "NotFinite"
	KindInvalidConversion ErrorKind = "InvalidConversion"
	KindIndexOutOfRange   ErrorKind = "IndexOutOfRange"
	KindKeyNotFound       ErrorKind = "KeyNotFound"
	KindNoneValue         ErrorKind = "NoneValue"
)

// Error is the one error type generated code returns.
type Error struct {
	Kind    ErrorKind
	Message string
}

// Error implements the error interface as "Kind: message".
func (e *Error) Error() string { return string(e.Kind) + ": " + e.Message }

func newError(kind ErrorKind, message string) error { return &Error{Kind: kind, Message: message} }

// Fail is the error of `fail message` and of a failed `require`.
func Fail(message string) error { return newError(KindDomainError, message) }

// Unreachable is returned where the checker proved control cannot arrive.
func Unreachable() error { return newError(KindDomainError, "unreachable code reached") }

// ArgumentCount is the call table's error for a wrong number of arguments.
func ArgumentCount(name string, want, got int) error {
	return newError(KindInvalidConversion, name+": expected "+itoa(int64(want))+" arguments, got "+itoa(int64(got)))
}

// UnknownFunction is the call table's error for a name it does not know.
func UnknownFunction(name string) error {
	return newError(KindInvalidConversion, "unknown function "+Quote(name))
}

// Outcome is the text a replay prints for a call: `ok <json>`,
// `err DomainError "<message>"` or `err <Kind>`.
func Outcome(result string, err error) string {
	if err == nil {
		return "ok " + result
	}
	e, ok := err.(*Error)
	if !ok {
		return "err " + err.Error()
	}
	if e.Kind == KindDomainError {
		return "err DomainError " + Quote(e.Message)
	}
	return "err " + string(e.Kind)
}

// InvalidValue is returned when a match meets a value no DSL program can
// make: a nil union interface or an out-of-range enum built in Go code.
func InvalidValue(typeName string) error {
	return newError(KindInvalidConversion, "invalid "+typeName+" value")
}

// ExpectFailed is the failure of a DSL `expect` in a generated Go test.
func ExpectFailed(text, note string) error {
	if note != "" {
		return &Error{Kind: KindDomainError, Message: text + ": is false (" + note + ")"}
	}
	return &Error{Kind: KindDomainError, Message: text + ": is false"}
}

// ExpectError checks the outcome of a DSL `expect_error` in a generated Go
// test: err must be an *Error, of kind `kind` when that is not empty, and a
// DomainError with `message` when hasMessage.
func ExpectError(text string, err error, kind string, message string, hasMessage bool) error {
	e, ok := err.(*Error)
	if !ok {
		return err
	}
	wrongKind := kind != "" && string(e.Kind) != kind
	wrongMessage := hasMessage && (e.Kind != KindDomainError || e.Message != message)
	if wrongKind || wrongMessage {
		return &Error{Kind: KindDomainError, Message: text + ": got " + e.Error()}
	}
	return nil
}

// ExpectedAnError is the failure of a DSL `expect_error` whose call returned
// (result: the canonical JSON of what it returned).
func ExpectedAnError(text string, result []byte) error {
	return &Error{Kind: KindDomainError, Message: text + ": expected an error, but it returned " + string(result)}
}
