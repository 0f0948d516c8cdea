"""The one catalogue of user-facing diagnostics, and their renderers.

Consumes: spans from `source`, facts found by the parser, checker and CLI.
Produces: `Diagnostic` values (stable code, span, message, optional hint) and
their text (`path:line:col: error[DGnnn]: message` + source line + caret) and
JSON renderings.

Every diagnostic the tool can emit is built by one named constructor below,
so the set of codes is closed and documented (`docs/diagnostics.md` is
generated from `CATALOGUE` and a test keeps it in step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .source import SourceFile, Span

DIAGNOSTICS_FORMAT_VERSION = 1
MAX_REPORTED = 50


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    name: str
    summary: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    span: Span | None
    hint: str | None = None
    severity: str = "error"

    def sort_key(self) -> tuple[str, int, int, str]:
        if self.span is None:
            return ("", 0, 0, self.code)
        return (self.span.path, self.span.line, self.span.col, self.code)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "span": None if self.span is None else self.span.to_json(),
        }


_ENTRIES = [
    # --- reading and syntax -------------------------------------------------
    Entry("DG001", "unreadable-file", "A path could not be read or is not UTF-8."),
    Entry("DG002", "unexpected-character", "A character that starts no token."),
    Entry("DG003", "unexpected-token", "A token the grammar does not allow here."),
    Entry("DG004", "unexpected-end", "The file ends in the middle of a construct."),
    Entry("DG005", "bad-escape", "An unknown string escape or an invalid `\\u{…}` code point."),
    Entry("DG006", "unterminated-string", "A string literal without its closing quote."),
    Entry("DG007", "int-out-of-range", "An Int literal outside [-(2^53-1), 2^53-1]."),
    Entry("DG008", "bad-number", "A malformed or non-finite number literal."),
    Entry("DG009", "module-name", "A missing `module` line, or a module name that does not match its path."),
    Entry("DG010", "chained-comparison", "Comparisons are non-associative: `a < b < c` needs parentheses."),
    Entry("DG011", "no-input", "A path holds no `.dg` files."),
    # --- names --------------------------------------------------------------
    Entry("DG101", "unknown-name", "A name that is not a local, parameter, constant, function or module."),
    Entry("DG102", "unknown-type", "A type name that is not declared."),
    Entry("DG103", "duplicate-declaration", "Two top-level declarations with one name."),
    Entry("DG104", "unknown-module", "An import of a module that is not among the inputs."),
    Entry("DG105", "duplicate-module", "Two files declare the same module."),
    Entry("DG106", "unknown-field", "A field that the record or variant does not have."),
    Entry("DG107", "unknown-member", "An enum member or union variant that does not exist."),
    Entry("DG108", "import-cycle", "Modules that import each other."),
    Entry("DG109", "duplicate-member", "A field, member, variant, parameter or test name given twice."),
    Entry("DG110", "name-collision", "Two names that become the same identifier in a target."),
    Entry("DG111", "redefined-local", "A local that reuses the name of a local, parameter or constant in scope."),
    Entry("DG112", "unused-import", "An import that nothing uses."),
    Entry("DG113", "module-not-imported", "A qualified name whose module is not imported."),
    Entry("DG115", "reserved-field", "A union variant field called `kind` (the JSON tag)."),
    Entry("DG116", "empty-type", "An enum without members or a union without variants."),
    # --- types --------------------------------------------------------------
    Entry("DG201", "type-mismatch", "A value of one type where another is required."),
    Entry("DG202", "wrong-arity", "A call with the wrong number of arguments."),
    Entry("DG203", "bad-operands", "An operator applied to types it does not accept."),
    Entry("DG204", "not-callable", "A call of something that is not a function or variant."),
    Entry("DG205", "bad-map-key", "A map key type other than Int, String or an enum."),
    Entry("DG206", "missing-field", "A record or variant literal that leaves out a field."),
    Entry("DG207", "not-assignable", "Assignment to a `let`, a parameter, a loop variable or a non-name."),
    Entry("DG208", "cannot-infer", "A `none`, `[]` or `{}` whose type cannot be known without an annotation."),
    Entry("DG209", "not-ordered", "Ordering (`<`, `sort`, `min_of`…) on a type that has none."),
    Entry("DG210", "bad-type-arguments", "A type applied to the wrong number of type arguments."),
    Entry("DG211", "nested-optional", "`T??`: an optional of an optional."),
    Entry("DG212", "bad-pattern", "A `match` pattern that does not fit the scrutinee's type."),
    Entry("DG213", "no-field-access", "`.field` on a value that is not a record."),
    Entry("DG214", "not-indexable", "Indexing a value that is not a list or map."),
    Entry("DG215", "named-arguments", "Named arguments where positional ones are required, or vice versa."),
    Entry("DG216", "bad-error-kind", "`expect_error …, Kind` names no error kind."),
    # --- program rules ------------------------------------------------------
    Entry("DG301", "non-exhaustive-match", "A `match` that does not cover every case."),
    Entry("DG302", "missing-return", "A function path that ends without `return` or `fail`."),
    Entry("DG303", "recursive-type", "A type that contains itself."),
    Entry("DG304", "recursive-function", "A function that calls itself, directly or through others."),
    Entry("DG305", "not-constant", "A `const` initialiser that is not evaluable at check time."),
    Entry("DG306", "constant-fails", "A `const` whose evaluation fails (overflow, division by zero…)."),
    Entry("DG307", "duplicate-key", "A duplicate constant key in a map literal."),
    Entry("DG308", "test-only", "`expect`/`expect_error` outside a `test` block."),
    Entry("DG309", "loop-control", "`break`/`continue` outside a loop."),
    Entry("DG310", "unreachable", "A statement after `return`, `fail`, `break` or `continue`."),
    Entry("DG311", "redundant-arm", "A `match` arm that can never be chosen."),
    Entry("DG312", "return-in-test", "`return` inside a `test` block."),
    Entry("DG313", "expect-error-call", "`expect_error` must be given a function call."),
    Entry("DG314", "duplicate-test", "Two tests with one name in a module."),
    # --- tool ---------------------------------------------------------------
    Entry("DG900", "internal-error", "A bug in domaingen; please report it."),
]

CATALOGUE: dict[str, Entry] = {entry.code: entry for entry in _ENTRIES}


def make(code: str, span: Span | None, message: str, hint: str | None = None) -> Diagnostic:
    """Build a diagnostic from a catalogue code (the code must exist)."""
    assert code in CATALOGUE, code
    return Diagnostic(code, message, span, hint)


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate, if any is close."""
    import difflib

    matches = difflib.get_close_matches(name, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"did you mean `{matches[0]}`?" if matches else None


def sort_and_cap(diags: Iterable[Diagnostic], cap: int = MAX_REPORTED) -> list[Diagnostic]:
    """Sorted by position, duplicates removed, at most `cap` entries."""
    unique = {(d.sort_key(), d.message): d for d in diags}
    ordered = [unique[key] for key in sorted(unique)]
    return ordered[:cap]


def render_text(
    diags: Sequence[Diagnostic],
    sources: dict[str, SourceFile],
    color: bool = False,
    total: int | None = None,
) -> str:
    """`path:line:col: error[DGnnn]: message`, the source line and a caret."""
    bold, red, blue, reset = ("\x1b[1m", "\x1b[31m", "\x1b[34m", "\x1b[0m") if color else ("",) * 4
    out: list[str] = []
    for diag in diags:
        where = "domaingen"
        if diag.span is not None:
            where = f"{diag.span.path}:{diag.span.line}:{diag.span.col}"
        out.append(f"{bold}{where}: {red}{diag.severity}[{diag.code}]{reset}{bold}: {diag.message}{reset}")
        source = sources.get(diag.span.path) if diag.span is not None else None
        if diag.span is not None and source is not None:
            line = source.line_text(diag.span.line)
            gutter = f"{diag.span.line:>5} | "
            out.append(f"{blue}{gutter}{reset}{line}")
            width = 1
            if diag.span.end_line == diag.span.line:
                width = max(1, diag.span.end_col - diag.span.col)
            width = min(width, max(1, len(line) - diag.span.col + 1))
            out.append(" " * (len(gutter) - 2) + f"{blue}|{reset} " + " " * (diag.span.col - 1) + f"{red}{'^' * width}{reset}")
        if diag.hint:
            out.append(f"      = hint: {diag.hint}")
    count = len(diags) if total is None else total
    if count > len(diags):
        out.append(f"... and {count - len(diags)} more")
    return "\n".join(out) + ("\n" if out else "")


def render_json(diags: Sequence[Diagnostic], total: int | None = None) -> str:
    document = {
        "version": DIAGNOSTICS_FORMAT_VERSION,
        "diagnostics": [d.to_json() for d in diags],
        "total": len(diags) if total is None else total,
    }
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def catalogue_markdown() -> str:
    """The reference table in docs/diagnostics.md (kept in step by a test)."""
    lines = [
        "# Diagnostics",
        "",
        "Generated from `src/domaingen/diagnostics.py` by",
        "`python -m domaingen.diagnostics > docs/diagnostics.md`; a test keeps it in step.",
        "",
        "| code | name | meaning |",
        "| --- | --- | --- |",
    ]
    escaped_bar = "\\|"
    lines += [f"| {e.code} | {e.name} | {e.summary.replace('|', escaped_bar)} |" for e in _ENTRIES]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(catalogue_markdown(), end="")
