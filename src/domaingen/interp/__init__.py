"""The reference interpreter: the executable form of LANGUAGE.md sections 5 and 7.

Pipeline stage after the checker: consumes a checked `ir.Program`, produces
values, test results, test-vector call records and canonical JSON.

Modules, in dependency order:
  errors        DgError and the error kinds
  values        run-time values, display, value_to_literal
  ints floats strings containers   the section 5 operations and built-ins
  builtins      (name, overload) -> implementation
  decls host    declaration lookups; what compiled code asks of its host
  compile_expr compile_stmt        IR -> Python closures
  evaluator     Interpreter (call a function)
  consteval     fold_const (used by the checker)
  jsontext jsoncodec               canonical JSON, strict decoding
  runner        run_tests, run_call
"""

from .errors import ERROR_KINDS, DgError
from .evaluator import Interpreter
from .values import EnumVal, RecordVal, Value, VariantVal, display, value_to_literal

__all__ = [
    "ERROR_KINDS",
    "DgError",
    "EnumVal",
    "Interpreter",
    "RecordVal",
    "Value",
    "VariantVal",
    "display",
    "value_to_literal",
]
