"""Generating the parser files from grammar.lark (needs `lark`).

Consumes: `grammar.lark` and the post-lexer `layout.py`.
Produces: the texts of the two generated modules next to this one, both
headed by the digest of those inputs (`parser.grammar_digest`):

* `_lalr_standalone.py` — Lark's stand-alone parser (its runtime and the
  LALR tables), the reference implementation: it reports syntax errors.
* `_lalr_tables.py` — the same tables and tree-building plan as plain
  literals for `engine.py`, the fast path for programs that parse.

`python -m domaingen.syntax.parser --standalone` writes both. Lark numbers
symbols in set order, so generation runs with PYTHONHASHSEED=0, and states
are renumbered canonically: regenerating gives the committed files byte for
byte (tests/test_syntax.py checks).
"""

from __future__ import annotations

import io
import os
import pprint
import subprocess
import sys
from typing import Any

from .layout import Layout
from .parser import GRAMMAR_PATH, grammar_digest, lark_options

HEADER = (
    "# grammar digest: {digest}\n"
    "# GENERATED from grammar.lark by `python -m domaingen.syntax.parser --standalone`; do not edit.\n"
    "# mypy: ignore-errors\n"
    "# ruff: noqa\n"
    "# fmt: off\n"
)


def _in_seeded_process(function: str) -> str | None:
    """Run `function` of this module in a child with PYTHONHASHSEED=0 unless this process has it."""
    if os.environ.get("PYTHONHASHSEED") == "0":
        return None
    code = f"import sys; from domaingen.syntax.generate import {function} as s; sys.stdout.write(s())"
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, encoding="utf-8")
    return done.stdout


class _KeepLayoutTerminals:
    """Stands in for `Layout` while generating: the terminals it needs are
    kept, and its repr is what the options dict in the file should say
    (`parser` passes the real `Layout()` when loading)."""

    always_accept = Layout.always_accept

    def process(self, stream: Any) -> Any:
        return stream

    def __repr__(self) -> str:
        return "None"


def _grammar() -> Any:
    """Runtime Lark for grammar.lark, states renumbered canonically."""
    from lark import Lark

    grammar = Lark(GRAMMAR_PATH.read_text(encoding="utf-8"), postlex=_KeepLayoutTerminals(), **lark_options())
    _canonical_states(grammar.parser.parser.parser.parse_table)
    return grammar


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
    """The text of `_lalr_standalone.py` for the current grammar."""
    seeded = _in_seeded_process("standalone_source")
    if seeded is not None:
        return seeded
    from lark.tools.standalone import gen_standalone

    out = io.StringIO()
    gen_standalone(_grammar(), out=out)  # type: ignore[no-untyped-call]
    return HEADER.format(digest=grammar_digest()) + out.getvalue()


def tables_source() -> str:
    """The text of `_lalr_tables.py`: what `engine.Engine` needs, as literals.

    The tree-building plan of each rule is Lark's own (`maybe_create_child_filter`
    and `ExpandSingleChild`, as `ParseTreeBuilder` chains them), read off
    the objects Lark builds, so the fast path builds the same tree.
    """
    seeded = _in_seeded_process("tables_source")
    if seeded is not None:
        return seeded
    from lark.parse_tree_builder import ChildFilterLALR, ChildFilterLALR_NoPlaceholders, maybe_create_child_filter

    grammar = _grammar()
    options = lark_options()
    table = grammar.parser.parser.parser.parse_table
    lexer = grammar.parser.lexer.lexer
    scanner = lexer.scanner
    rule_index = {id(rule): i for i, rule in enumerate(grammar.rules)}
    rules = []
    for rule in grammar.rules:
        empty: Any = rule.options.empty_indices if options["maybe_placeholders"] else None
        child_filter = maybe_create_child_filter(rule.expansion, rule.options.keep_all_tokens, False, empty)
        if child_filter is None:
            plan = None
        elif child_filter.func is ChildFilterLALR:
            to_include, nones = child_filter.args
            plan = (tuple(tuple(x) for x in to_include), nones)
        else:
            assert child_filter.func is ChildFilterLALR_NoPlaceholders
            plan = (tuple((i, expand, 0) for i, expand in child_filter.args[0]), 0)
        name = str(rule.alias or rule.options.template_source or rule.origin.name)
        expand1 = bool(rule.options.expand1 and not rule.alias)
        rules.append((str(rule.origin.name), len(rule.expansion), name, expand1, plan))
    states = []
    for state in range(len(table.states)):
        actions = {}
        for token, (action, arg) in table.states[state].items():
            actions[str(token)] = arg if action.name == "Shift" else ~rule_index[id(arg)]
        states.append(actions)
    unless = {}
    for name, callback in sorted(lexer.callback.items()):
        assert type(callback).__name__ == "UnlessCallback", callback
        unless[str(name)] = {str(t.pattern.value): str(t.name) for t in callback.scanner.terminals}
        assert all(t.pattern.type == "str" and not t.pattern.flags for t in callback.scanner.terminals)
    assert len(scanner._mres) == 1 and not lexer.g_regex_flags
    alternatives = [(t.name, t.pattern.to_regexp()) for t in scanner.terminals]
    assert scanner._mres[0].pattern == "|".join(f"(?P<{name}>{regexp})" for name, regexp in alternatives)
    patterns, by_char = _first_char_patterns(alternatives)
    data = {
        "PATTERN": scanner._mres[0].pattern,
        "PATTERNS": patterns,
        "BY_FIRST_CHAR": by_char,
        "IGNORE": tuple(sorted(lexer.ignore_types)),
        "UNLESS": unless,
        "START": table.start_states["start"],
        "END": table.end_states["start"],
        "RULES": tuple(rules),
        "STATES": tuple(states),
    }
    body = "".join(f"{key} = {pprint.pformat(value, width=120, sort_dicts=True)}\n" for key, value in data.items())
    return HEADER.format(digest=grammar_digest()) + '"""LALR tables and tree-building plan of grammar.lark for `engine.py`."""\n\n' + body


def _first_char_patterns(alternatives: list[tuple[str, str]]) -> tuple[tuple[str, ...], dict[str, int]]:
    """Lark's token regex split by first character: (patterns, {char: index}).

    Python's `re` tries the alternatives of `(?P<A>…)|(?P<B>…)|…` in order
    and returns the first that matches, so leaving out those that cannot
    begin with the character at hand changes nothing but the time: most
    tokens then try one or two alternatives instead of sixty. A character
    not in the table uses the whole pattern.
    """
    firsts = [_first_chars(regexp) for _, regexp in alternatives]
    chars = sorted(set().union(*(f for f in firsts if f is not None)))
    patterns: list[str] = []
    by_char: dict[str, int] = {}
    for char in chars:
        chosen = "|".join(
            f"(?P<{name}>{regexp})" for (name, regexp), first in zip(alternatives, firsts) if first is None or char in first
        )
        if chosen not in patterns:
            patterns.append(chosen)
        by_char[char] = patterns.index(chosen)
    return tuple(patterns), by_char


def _first_chars(regexp: str) -> frozenset[str] | None:
    """Every character a match of `regexp` can begin with; None when that may be any."""
    from re import _parser as sre_parse

    first, nullable = _first_of_sequence(sre_parse.parse(regexp))
    return None if first is None or nullable else frozenset(first)


def _first_of_sequence(items: Any) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    """FIRST set and nullability of one parsed regex item (None: any character, to be safe)."""
    from re import _constants as sre

    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, arg in av:
            if kind is sre.LITERAL:
                chars.add(chr(arg))
            elif kind is sre.RANGE and arg[1] - arg[0] < 256:
                chars |= {chr(c) for c in range(arg[0], arg[1] + 1)}
            else:  # negated sets, categories, wide ranges
                return None, False
        return chars, False
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        return (None, False) if add_flags or del_flags else _first_of_sequence(pattern)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _high, pattern = av
        first, nullable = _first_of_sequence(pattern)
        return first, nullable or low == 0
    if op is sre.BRANCH:
        union: set[str] = set()
        any_nullable = False
        for branch in av[1]:
            first, nullable = _first_of_sequence(branch)
            if first is None:
                return None, False
            union |= first
            any_nullable = any_nullable or nullable
        return union, any_nullable
    return None, False
