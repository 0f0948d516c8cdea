"""Runtime errors of the reference interpreter.

Consumes: nothing.
Produces: `DgError`, the one exception a DSL program can raise at run time
(LANGUAGE.md section 5, row "Errors"). `kind` is one of `ERROR_KINDS`;
`message` is the `require`/`fail` text for `DomainError` and, for the other
kinds, a fixed text built only from the operation and integers (tables in the
docstrings of `ints`, `floats`, `strings`, `containers`), because test vectors
record both and every target must reproduce them byte for byte.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

ErrorKind = Literal[
    "DomainError",
    "IntegerOverflow",
    "DivisionByZero",
    "NotFinite",
    "InvalidConversion",
    "IndexOutOfRange",
    "KeyNotFound",
    "NoneValue",
]

ERROR_KINDS: Final[tuple[str, ...]] = get_args(ErrorKind)


class DgError(Exception):
    """A DSL run-time error: `kind` (one of `ERROR_KINDS`) and `message`."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind: ErrorKind = kind
        self.message = message

    def __repr__(self) -> str:
        return f"DgError({self.kind!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DgError) and (self.kind, self.message) == (other.kind, other.message)

    def __hash__(self) -> int:
        return hash((self.kind, self.message))
