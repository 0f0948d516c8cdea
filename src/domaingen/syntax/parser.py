"""Parsing: source text to syntax tree.

Consumes: a `SourceFile`.
Produces: `(ast.Module | None, diagnostics)`. The tree is built in one pass
through `to_ast.ToAst`, by `engine.Engine` over the LALR tables generated
from `grammar.lark` (`_lalr_tables.py`); a file that does not parse is
parsed again by Lark's parser (the stand-alone one, `_lalr_standalone.py`,
or runtime Lark with its tables cached on disk when that is stale), whose
exception becomes the diagnostic. Lexical problems (bad escapes, literal
ranges) are reported as diagnostics.
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
TABLES_PATH = Path(__file__).with_name("_lalr_tables.py")
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
_NOT_LOADED: Any = object()
_STANDALONE: Any = _NOT_LOADED  # the stand-alone module (None when stale), loaded on first need
_ENGINE: Any = _NOT_LOADED  # the fast path (None when its tables are stale), built on first parse
_TOKENS: tuple[Any, ...] = ()  # the token classes of the engine and of whichever Lark ran
_ERRORS: Any = None
_FAST: Any = None  # Lark's parser for error reports: the stand-alone one when fresh, else `get_parser()`


def grammar_digest() -> str:
    """What the parse tables are a function of: grammar.lark and the post-lexer."""
    import hashlib

    return hashlib.sha256(GRAMMAR_PATH.read_bytes() + b"\0" + LAYOUT_PATH.read_bytes()).hexdigest()[:32]


def _is_fresh(path: Path) -> bool:
    """Whether a generated file's first line records the current grammar digest."""
    try:
        with open(path, encoding="utf-8") as handle:
            head = handle.readline()
    except OSError:
        return False
    return head.strip() == f"# grammar digest: {grammar_digest()}"


def _add_tokens(token_class: Any) -> None:
    global _TOKENS
    if token_class not in _TOKENS:
        _TOKENS = _TOKENS + (token_class,)
        _TRANSFORMER.tokens = _TOKENS


def _engine() -> Any:
    """The fast path (`engine.Engine` over `_lalr_tables.py`), or None when the tables are stale."""
    global _ENGINE
    if _ENGINE is _NOT_LOADED:
        _ENGINE = None
        if _is_fresh(TABLES_PATH):
            from . import _lalr_tables, engine

            _add_tokens(engine.Token)
            _ENGINE = engine.Engine(_lalr_tables, _TRANSFORMER, Layout())
    return _ENGINE


def _load_standalone() -> Any:
    """The generated stand-alone parser module, or None when it is missing or stale.

    `_lalr_standalone.py` is Lark's stand-alone parser for grammar.lark
    (`python -m domaingen.syntax.parser --standalone` regenerates it): the
    same LALR tables and runtime, without importing `lark` or loading the
    tables from the disk cache (docs/performance.md). Its first line records
    the digest of the grammar and post-lexer it was generated from; if they
    changed since, we fall back to runtime Lark, never to a stale table.
    It makes the error reports (and parses when `_lalr_tables.py` is stale).
    """
    global _STANDALONE, _ERRORS
    if _STANDALONE is _NOT_LOADED:
        _STANDALONE = None
        if _is_fresh(STANDALONE_PATH):
            from . import _lalr_standalone

            _STANDALONE = _lalr_standalone
            _add_tokens(_lalr_standalone.Token)
            _ERRORS = _lalr_standalone
        else:
            import lark
            import lark.exceptions

            _add_tokens(lark.Token)
            _ERRORS = lark.exceptions
    return _STANDALONE


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


def lark_options() -> dict[str, Any]:
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
    global _PARSER
    if _PARSER is None:
        from lark import Lark, Token

        _PARSER = Lark(
            GRAMMAR_PATH.read_text(encoding="utf-8"),
            postlex=Layout(),
            transformer=_TRANSFORMER,
            cache=_cache_path(),
            **lark_options(),
        )
        _add_tokens(Token)
    return _PARSER


def _fast_parser() -> Any:
    global _FAST
    if _FAST is None:
        standalone = _load_standalone()
        if standalone is not None:
            _FAST = standalone.Lark_StandAlone(postlex=Layout(), transformer=_TRANSFORMER)
        else:
            _FAST = get_parser()
    return _FAST


def standalone_source() -> str:
    """The text of `_lalr_standalone.py` for the current grammar (see `generate`)."""
    from .generate import standalone_source as source

    return source()


def tables_source() -> str:
    """The text of `_lalr_tables.py` for the current grammar (see `generate`)."""
    from .generate import tables_source as source

    return source()


def parse(source: SourceFile) -> tuple[ast.Module | None, list[Diagnostic]]:
    """Parse one file. Returns the module (None on a syntax error) and diagnostics.

    The fast path (`engine.py`) parses; if it fails for any reason, Lark's
    parser parses the file again and its exception makes the diagnostic.
    """
    engine = _engine()
    # Parsing allocates only acyclic tree nodes: the cyclic collector would
    # only rescan them (up to a third of parse time on big files).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if engine is not None:
            _TRANSFORMER.source = source
            _TRANSFORMER.diags = []
            try:
                module: ast.Module = engine.parse(source.text)  # ToAst.start builds it
                return module, _TRANSFORMER.diags
            except engine.Error:
                pass
        return _lark_parse(source)
    finally:
        if collecting:
            gc.enable()


def _lark_parse(source: SourceFile) -> tuple[ast.Module | None, list[Diagnostic]]:
    parser = _fast_parser()
    _TRANSFORMER.source = source
    _TRANSFORMER.diags = []
    try:
        module: ast.Module = parser.parse(source.text)  # ToAst.start builds it
    except _ERRORS.UnexpectedInput as exc:
        return None, _TRANSFORMER.diags + [_missing_module(source) or _syntax_error(source, exc)]
    except _ERRORS.VisitError as exc:  # a transformer method failed on malformed input
        return None, _TRANSFORMER.diags + [dg.make("DG003", source.end_span, f"cannot read this construct ({exc.orig_exc})")]
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
        sys.exit("usage: python -m domaingen.syntax.parser --standalone   (regenerates _lalr_standalone.py and _lalr_tables.py)")
    for path, text in ((STANDALONE_PATH, standalone_source()), (TABLES_PATH, tables_source())):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
