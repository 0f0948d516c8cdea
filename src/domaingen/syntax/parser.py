"""Parsing: source text to syntax tree.

Consumes: a `SourceFile`.
Produces: `(ast.Module | None, diagnostics)`. The LALR parser is built once
per process from `grammar.lark` (its tables cached on disk, keyed by the
grammar's hash) and builds the tree in one pass through `to_ast.ToAst`; lexical
problems (bad escapes, literal ranges) are reported as diagnostics.
"""

from __future__ import annotations

import gc
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import diagnostics as dg
from ..diagnostics import Diagnostic
from ..source import SourceFile
from . import ast
from .layout import Layout
from .to_ast import ToAst

if TYPE_CHECKING:
    from lark import Lark, Token

GRAMMAR_PATH = Path(__file__).with_name("grammar.lark")
LAYOUT_PATH = Path(__file__).with_name("layout.py")
STANDALONE_PATH = Path(__file__).with_name("_lalr_standalone.py")
ERROR_KINDS = (
    "DomainError",
    "IntegerOverflow",
    "DivisionByZero",
    "NotFinite",
    "InvalidConversion",
    "IndexOutOfRange",
    "KeyNotFound",
    "NoneValue",
)


_PARSER: Lark | None = None
_TRANSFORMER = ToAst()


def grammar_digest() -> str:
    """What the parse tables are a function of: grammar.lark and the post-lexer."""
    import hashlib

    return hashlib.sha256(GRAMMAR_PATH.read_bytes() + b"\0" + LAYOUT_PATH.read_bytes()).hexdigest()[:32]


def _load_standalone() -> Any:
    """The generated stand-alone parser module, or None when it is missing or stale.

    `_lalr_standalone.py` is Lark's stand-alone parser for grammar.lark
    (`python -m domaingen.syntax.parser --standalone` regenerates it): the
    same LALR tables and runtime, without importing `lark` or loading the
    tables from the disk cache (docs/performance.md). Its first line records
    the digest of the grammar and post-lexer it was generated from; if they
    changed since, we fall back to runtime Lark, never to a stale table.
    """
    try:
        with open(STANDALONE_PATH, encoding="utf-8") as handle:
            head = handle.readline()
    except OSError:
        return None
    if head.strip() != f"# grammar digest: {grammar_digest()}":
        return None
    from . import _lalr_standalone

    return _lalr_standalone


_STANDALONE = _load_standalone()
if _STANDALONE is not None:
    _TOKENS: tuple[type[Token], ...] = (_STANDALONE.Token,)
    _ERRORS: Any = _STANDALONE
else:
    import lark
    import lark.exceptions

    _TOKENS = (lark.Token,)
    _ERRORS = lark.exceptions
_TRANSFORMER.tokens = _TOKENS
_FAST: Any = None  # what `parse` uses: the stand-alone parser when fresh, else `get_parser()`


def _cache_path() -> str | bool:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "domaingen")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        folder = tempfile.gettempdir()
    # Lark keys its cache on the grammar; the post-lexer shapes the tables too.
    import hashlib

    import lark

    digest = hashlib.sha256(GRAMMAR_PATH.read_bytes() + LAYOUT_PATH.read_bytes())
    digest.update(lark.__version__.encode())
    return os.path.join(folder, f"grammar-{digest.hexdigest()[:16]}.lalr")


def _lark_options() -> dict[str, Any]:
    return dict(
        parser="lalr",
        lexer="basic",
        # Spans come from tokens (`_tok_span`/`_span`), never from Lark's
        # `meta`; propagating positions cost ~10-25% of parse time for nothing.
        propagate_positions=False,
        maybe_placeholders=True,
        strict=True,
    )


def get_parser() -> Lark:
    """The runtime Lark parser (tables cached on disk); `fmt` uses its lexer."""
    global _PARSER, _TOKENS
    if _PARSER is None:
        from lark import Lark, Token

        _PARSER = Lark(
            GRAMMAR_PATH.read_text(encoding="utf-8"),
            postlex=Layout(),
            transformer=_TRANSFORMER,
            cache=_cache_path(),
            **_lark_options(),
        )
        if Token not in _TOKENS:
            _TOKENS = _TOKENS + (Token,)
            _TRANSFORMER.tokens = _TOKENS
    return _PARSER


def _fast_parser() -> Any:
    global _FAST
    if _FAST is None:
        if _STANDALONE is not None:
            _FAST = _STANDALONE.Lark_StandAlone(postlex=Layout(), transformer=_TRANSFORMER)
        else:
            _FAST = get_parser()
    return _FAST


def _canonical_states(table: Any) -> None:
    """Renumber LALR states in breadth-first order from the start states,
    actions sorted by terminal name, so the generated file does not depend
    on set iteration order (object hashes) in Lark's table construction."""
    order: dict[int, int] = {}
    queue = [table.start_states[name] for name in sorted(table.start_states)]
    while queue:
        state = queue.pop(0)
        if state in order:
            continue
        order[state] = len(order)
        for token in sorted(table.states[state]):
            action, arg = table.states[state][token]
            if action.name == "Shift" and arg not in order:
                queue.append(arg)
    for state in table.states:  # unreachable states (none expected) keep a stable place
        order.setdefault(state, len(order))
    table.states = {
        order[state]: {
            token: (action, order[arg] if action.name == "Shift" else arg)
            for token, (action, arg) in sorted(table.states[state].items())
        }
        for state in sorted(table.states, key=order.__getitem__)
    }
    table.start_states = {name: order[s] for name, s in sorted(table.start_states.items())}
    table.end_states = {name: order[s] for name, s in sorted(table.end_states.items())}


def standalone_source() -> str:
    """The text of `_lalr_standalone.py` for the current grammar (needs `lark`).

    Lark numbers symbols in set order, so generation runs with
    PYTHONHASHSEED=0, and states are renumbered canonically: regenerating
    gives the committed file byte for byte.
    """
    import io

    if os.environ.get("PYTHONHASHSEED") != "0":
        import subprocess
        import sys

        code = "import sys; from domaingen.syntax.parser import standalone_source as s; sys.stdout.write(s())"
        env = dict(os.environ, PYTHONHASHSEED="0")
        done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, encoding="utf-8")
        return done.stdout

    from lark import Lark
    from lark.tools.standalone import gen_standalone

    class KeepLayoutTerminals:
        """Stands in for `Layout` while generating: the terminals it needs
        are kept, and its repr is what the options dict in the file should
        say (`_fast_parser` passes the real `Layout()` when loading)."""

        always_accept = Layout.always_accept

        def process(self, stream: Any) -> Any:
            return stream

        def __repr__(self) -> str:
            return "None"

    grammar = Lark(GRAMMAR_PATH.read_text(encoding="utf-8"), postlex=KeepLayoutTerminals(), **_lark_options())
    _canonical_states(grammar.parser.parser.parser.parse_table)
    out = io.StringIO()
    gen_standalone(grammar, out=out)  # type: ignore[no-untyped-call]
    return (
        f"# grammar digest: {grammar_digest()}\n"
        "# GENERATED from grammar.lark by `python -m domaingen.syntax.parser --standalone`; do not edit.\n"
        "# mypy: ignore-errors\n"
        "# ruff: noqa\n"
        "# fmt: off\n" + out.getvalue()
    )


def parse(source: SourceFile) -> tuple[ast.Module | None, list[Diagnostic]]:
    """Parse one file. Returns the module (None on a syntax error) and diagnostics."""
    parser = _fast_parser()
    _TRANSFORMER.source = source
    _TRANSFORMER.diags = []
    # Parsing allocates only acyclic tree nodes: the cyclic collector would
    # only rescan them (up to a third of parse time on big files).
    collecting = gc.isenabled()
    gc.disable()
    try:
        module: ast.Module = parser.parse(source.text)  # ToAst.start builds it
    except _ERRORS.UnexpectedInput as exc:
        return None, _TRANSFORMER.diags + [_missing_module(source) or _syntax_error(source, exc)]
    except _ERRORS.VisitError as exc:  # a transformer method failed on malformed input
        return None, _TRANSFORMER.diags + [dg.make("DG003", source.end_span, f"cannot read this construct ({exc.orig_exc})")]
    finally:
        if collecting:
            gc.enable()
    return module, _TRANSFORMER.diags


_LEADING = re.compile(r"(?:\s|//[^\n]*)*")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\S?")


def _missing_module(source: SourceFile) -> Diagnostic | None:
    """DG009 when the file does not begin (after comments) with `module`."""
    text = source.text
    leading = _LEADING.match(text)
    start = leading.end() if leading else 0
    word = _WORD.match(text, start)
    end = word.end() if word else start
    if text[start:end] == "module":
        return None
    return dg.make("DG009", source.span(start, end), "a file must begin with its `module` line", "add e.g. `module game.items` as the first line")


_TOKEN_WORDS = {
    "NAME": "a name",
    "INT": "an integer",
    "FLOAT": "a number",
    "STRING": "a string",
    "_NL": "end of line",
    "DOC": "a doc comment",
    "$END": "end of file",
    "RECORD_LBRACE": "`{`",
}


def _describe(term: str, parser: Any) -> str:
    if term in _TOKEN_WORDS:
        return _TOKEN_WORDS[term]
    try:
        pattern = parser.get_terminal(term).pattern
    except KeyError:
        return term
    if pattern.type == "str":
        return f"`{pattern.value}`"
    return term.lower()


def _syntax_error(source: SourceFile, exc: Any) -> Diagnostic:
    parser = _fast_parser()
    if isinstance(exc, _ERRORS.UnexpectedCharacters):
        start = exc.pos_in_stream or 0
        char = source.text[start : start + 1]
        if char == '"':
            return dg.make("DG006", source.span(start, start + 1), "unterminated string literal", "close it with `\"` on the same line")
        return dg.make("DG002", source.span(start, start + 1), f"unexpected character {char!r}")
    if isinstance(exc, _ERRORS.UnexpectedEOF) or (isinstance(exc, _ERRORS.UnexpectedToken) and exc.token.type == "$END"):
        return dg.make("DG004", source.end_span, "unexpected end of file", _expected_hint(exc, parser))
    assert isinstance(exc, _ERRORS.UnexpectedToken)
    tok = exc.token
    start = tok.start_pos or 0
    end = tok.end_pos if tok.end_pos is not None else start
    found = _TOKEN_WORDS.get(tok.type) or f"`{tok.value}`"
    if tok.type == "_NL":
        end = start
    return dg.make("DG003", source.span(start, end), f"unexpected {found}", _expected_hint(exc, parser))


def _expected_hint(exc: Any, parser: Any) -> str | None:
    expected = set(getattr(exc, "expected", None) or getattr(exc, "accepts", None) or [])
    if {"NAME", "INT", "STRING", "LPAR"} <= expected:
        return "expected an expression"
    words = sorted({_describe(term, parser) for term in expected})
    if not words:
        return None
    if len(words) > 8:
        words = words[:8] + ["…"]
    return "expected " + ", ".join(words)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--standalone"]:
        sys.exit("usage: python -m domaingen.syntax.parser --standalone   (regenerates _lalr_standalone.py)")
    STANDALONE_PATH.write_text(standalone_source(), encoding="utf-8")
    print(f"wrote {STANDALONE_PATH}")
