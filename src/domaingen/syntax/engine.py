"""The fast parse path: a lean LALR(1) driver over the generated tables.

Consumes: source text, the literals of `_lalr_tables.py` (generated with
the stand-alone parser from the same Lark objects) and the `ToAst` callbacks.
Produces: the same syntax tree as Lark's parser, about twice as fast, or
`EngineError` at the first problem of any kind.

Lark's runtime is general (any lexer, any callbacks, error recovery, an
interactive parser); this driver does only what our grammar needs: one
compiled regex for the tokens, integer actions (a shift is the next state,
a reduce the complement of a rule index), a tree-building plan per rule, and
no call at all for the unit rules that only pass their child up
(`?expr: or_expr` and the other precedence levels). It reports nothing:
on any error `parser.parse` parses the file again with Lark's parser, which
makes the diagnostics, so both paths always give the same result.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any, Callable, Iterator


class EngineError(Exception):
    """The input does not parse (or a callback failed); Lark will say why."""


class Token(tuple):  # type: ignore[type-arg]
    """A token: (terminal name, text, start offset, end offset).

    Enough of `lark.Token` for `layout.Layout` and `to_ast.ToAst`: `type`,
    `value`, `start_pos`, `end_pos`, `str(token)` (the text) and
    `new_borrow_pos`. A tuple, not a `str` with attributes as Lark's is:
    building one is a single call, about four times faster.
    """

    __slots__ = ()
    type: str = property(itemgetter(0))  # type: ignore[assignment]
    value: str = property(itemgetter(1))  # type: ignore[assignment]
    start_pos: int = property(itemgetter(2))  # type: ignore[assignment]
    end_pos: int = property(itemgetter(3))  # type: ignore[assignment]

    @classmethod
    def new_borrow_pos(cls, type_: str, value: str, borrow: Token) -> Token:
        return tuple.__new__(cls, (type_, value, borrow[2], borrow[3]))

    def __str__(self) -> str:
        return self[1]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"Token({self[0]!r}, {self[1]!r})"


class _Tree:
    """What a rule without a callback builds (only `_rules`, inlined by their parent)."""

    __slots__ = ("data", "children")

    def __init__(self, data: str, children: list[Any]) -> None:
        self.data = data
        self.children = children


def _rule_callback(name: str, expand1: bool, plan: Any, transformer: Any) -> Callable[[list[Any]], Any]:
    """Lark's `ParseTreeBuilder` chain for one rule: child filter, then
    `ExpandSingleChild`, then the transformer method (or a `_Tree`)."""
    user = getattr(transformer, name, None)
    if user is None:

        def user(children: list[Any], name: str = name) -> Any:
            return _Tree(name, children)

    build = user
    if expand1:

        def build(children: list[Any], user: Callable[[list[Any]], Any] = user) -> Any:
            return children[0] if len(children) == 1 else user(children)

    if plan is None:
        return build
    include, trailing = plan
    if not trailing and not any(expand or nones for _, expand, nones in include):
        keep = tuple(i for i, _, _ in include)
        if len(keep) == 1:
            (only,) = keep
            return lambda children: build([children[only]])
        return lambda children: build([children[i] for i in keep])

    def filtered(children: list[Any]) -> Any:
        out: list[Any] = []
        for i, expand, nones in include:
            if nones:
                out += [None] * nones
            if expand:
                out += children[i].children
            else:
                out.append(children[i])
        if trailing:
            out += [None] * trailing
        return build(out)

    return filtered


def _passes_child_up(size: int, expand1: bool, plan: Any) -> bool:
    """A unit rule whose value is its only child, unchanged (no call needed)."""
    if size != 1 or not expand1:
        return False
    if plan is None:
        return True
    include, trailing = plan
    return include == ((0, False, 0),) and not trailing


class Engine:
    """An LALR(1) parser for one set of generated tables and one transformer."""

    Error = EngineError

    def __init__(self, tables: Any, transformer: Any, postlex: Any) -> None:
        self._match = re.compile(tables.PATTERN).match
        patterns = [re.compile(pattern).match for pattern in tables.PATTERNS]
        self._match_by_char = {char: patterns[i] for char, i in tables.BY_FIRST_CHAR.items()}
        self._ignore = frozenset(tables.IGNORE)
        self._unless: dict[str, dict[str, str]] = tables.UNLESS
        self._start: int = tables.START
        self._end: int = tables.END
        self._states: tuple[dict[str, int], ...] = tables.STATES
        self._postlex = postlex
        self._chains: dict[tuple[int, int, str], int] = {}
        # Per rule: (size, origin, callback or None when the child passes up).
        self._rules = tuple(
            (size, origin, None if _passes_child_up(size, expand1, plan) else _rule_callback(name, expand1, plan, transformer))
            for origin, size, name, expand1, plan in tables.RULES
        )

    def _pass_up(self, below: int, top: int, kind: str) -> int:
        """The state after every unit rule that `kind` makes reduce on top of `below`.

        Such a chain (`primary` → `postfix` → … → `expr`, ten rules for one
        name) only swaps the top state, and depends on nothing but these
        three, so it is looked up once per parser and then remembered.
        """
        key = (below, top, kind)
        state = self._chains.get(key)
        if state is None:
            states, rules = self._states, self._rules
            state = top
            while True:
                action = states[state].get(kind, 0)
                if action >= 0:
                    break
                _, origin, callback = rules[~action]
                if callback is not None:
                    break
                state = states[below][origin]
            self._chains[key] = state
        return state

    def _tokens(self, text: str) -> Iterator[Token]:
        """Lark's basic lexer: the first (in Lark's order) terminal that matches,
        keywords re-typed from NAME, ignored terminals dropped. The token regex
        is chosen by the first character (`generate._first_char_patterns`)."""
        match, by_char, ignore, unless = self._match, self._match_by_char, self._ignore, self._unless
        new = tuple.__new__
        pos, size = 0, len(text)
        while pos < size:
            m = by_char.get(text[pos], match)(text, pos)
            if m is None:
                raise EngineError(pos)
            kind = m.lastgroup
            end = m.end()
            if kind in ignore:
                pos = end
                continue
            value = m.group()
            if kind in unless:
                kind = unless[kind].get(value, kind)
            yield new(Token, (kind, value, pos, end))
            pos = end

    def parse(self, text: str) -> Any:
        """The transformer's value for the start rule; `EngineError` if anything goes wrong."""
        states, rules = self._states, self._rules
        stack = [self._start]  # states
        values: list[Any] = []
        push, push_value = stack.append, values.append
        try:
            for tok in self._postlex.process(self._tokens(text)):
                kind = tok[0]
                while True:
                    action = states[stack[-1]][kind]
                    if action >= 0:
                        push(action)
                        push_value(tok)
                        break
                    size, origin, callback = rules[~action]
                    if callback is None:  # unit rules: the value stays, the state changes
                        stack[-1] = self._pass_up(stack[-2], stack[-1], kind)
                        continue
                    if size:
                        children = values[-size:]
                        del stack[-size:]
                        del values[-size:]
                    else:
                        children = []
                    push(states[stack[-1]][origin])
                    push_value(callback(children))
            end = self._end
            while True:
                action = states[stack[-1]]["$END"]
                if action >= 0:
                    raise EngineError("shift at end of input")
                size, origin, callback = rules[~action]
                if callback is None:
                    del stack[-1]
                    push(states[stack[-1]][origin])
                else:
                    if size:
                        children = values[-size:]
                        del stack[-size:]
                        del values[-size:]
                    else:
                        children = []
                    push(states[stack[-1]][origin])
                    push_value(callback(children))
                if stack[-1] == end:
                    return values[-1]
        except EngineError:
            raise
        except Exception as exc:  # noqa: BLE001 - a missing action, or a callback failing: Lark reports it
            raise EngineError(exc) from exc
