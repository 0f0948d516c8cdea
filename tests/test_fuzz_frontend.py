"""Property: whatever text it is given, the front end returns diagnostics and never raises.

Two sources of input: arbitrary text built from the language's own tokens
(so the parser gets deep, not just rejected at the first character), and
real programs (dsl/ and tests/bad/) mutated by deleting, duplicating,
swapping and inserting pieces, so the checker sees nearly-right programs.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domaingen.diagnostics import CATALOGUE
from domaingen.frontend import load_texts

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(p.read_text(encoding="utf-8") for folder in ("dsl", "tests/bad") for p in (ROOT / folder).rglob("*.dg"))
TOKENS = (
    "module m\n import fn test const enum record union let var if then else match while for in break continue "
    "return require fail expect expect_error with and or not true false none some _ Int Float Bool String List Map "
    "x y R E U A B f g len pow unwrap 0 1 -1 0x1F 1.5 1e-3 9007199254740991 9007199254740992 \"s\" \"\\u{1F600}\" "
    "\"\\q\" ( ) [ ] { } < > <= >= == != = += -= *= + - * / % ?? ? . .. , : ; -> => \n /// // "
).split(" ")

SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_only_diagnostics(text: str) -> None:
    front = load_texts({"fuzz.dg": text})
    for diag in front.diagnostics:
        assert diag.code in CATALOGUE and diag.code != "DG900", diag
    if front.errors:
        assert front.program is None


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join))
def test_token_soup_never_raises(text: str) -> None:
    assert_only_diagnostics(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS)) if CORPUS else "module m\n"
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i, min(len(text), i + 40)))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap"]))
        if action == "delete":
            text = text[:i] + text[j:]
        elif action == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif action == "insert":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + text[i:]
        else:
            text = text[:i] + text[j : j + (j - i)] + text[i:j] + text[j + (j - i) :]
    return text


@SETTINGS
@given(mutated())
def test_mutated_programs_never_raise(text: str) -> None:
    assert_only_diagnostics(text)
