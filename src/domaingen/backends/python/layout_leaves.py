"""Leaves and lines: one generated statement as black sees it, for `layout`.

Consumes: one statement of generated Python (no indentation).
Produces: `statement(text)`, its tokens (`Leaf`) with bracket depths,
delimiter priorities and the invisible optional parentheses black adds, or
None for anything `layout` does not handle; and `Line`, a run of leaves
with black's bracket tracking (its delimiters at depth 0, magic trailing
commas). A port of the parts of black's `lines.py` and `brackets.py` that
`layout`'s transforms read (see `layout` for the whole story).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

LINE_LENGTH = 88
COMMA, _TERNARY, _LOGIC, _STRING, _COMPARATOR, DOT = 18, 16, 14, 12, 10, 1
_MATH = {"|": 9, "^": 8, "&": 7, "<<": 6, ">>": 6, "+": 5, "-": 5, "*": 4, "/": 4, "//": 4, "%": 4, "@": 4}
PAIRS = {"(": ")", "[": "]", "{": "}"}
_COMPARATORS = {"<", ">", "==", "!=", "<=", ">="}
_KEYWORDS = {
    "and", "or", "not", "in", "is", "if", "else", "elif", "return", "for", "while", "assert", "del",
    "raise", "yield", "await", "lambda", "from", "import", "with", "as", "def", "class", "pass",
}  # fmt: skip
_TOKEN = re.compile(
    r"(?P<ws> +)"
    r"|(?P<string>[rRbBuU]{0,2}(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'))"
    r"|(?P<number>(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)[jJ]?)"
    r"|(?P<name>[A-Za-z_]\w*)"
    r"|(?P<op>->|:=|\*\*|//|>>|<<|[=!<>]=|[-+*/%@&|^~<>=.,:()\[\]{}])"
)
_SINGLE = {"(", ")", "[", "]", "{", "}", ",", "=", ".", ":"}
_UNSUPPORTED = {"#", "lambda", "for", "**", "import", "match", "case", "yield", "await", ";"}


class CannotSplit(Exception):
    pass


class Leaf:
    """A token; `kind` is `(`, `)`, `,`, `=`, `.`, `:`, `name`, `string`, `number` or `op`."""

    __slots__ = ("kind", "value", "prefix", "ws", "opening", "depth", "priority", "atom", "synthetic")

    def __init__(self, kind: str, value: str, prefix: str) -> None:
        self.kind, self.value, self.prefix, self.ws = kind, value, prefix, prefix
        self.opening: Leaf | None = None  # closing brackets: the opening one
        self.depth = 0  # brackets around it in the whole statement
        self.priority = 0  # a split before it: its delimiter priority (black's is_split_before_delimiter)
        self.atom = False  # opening brackets: a display or parenthesized expression, not a call/subscript
        self.synthetic = False  # a trailing comma added by a split

    @property
    def opens(self) -> bool:
        return self.kind in ("(", "[", "{")

    @property
    def closes(self) -> bool:
        return self.kind in (")", "]", "}")

    def __str__(self) -> str:
        return self.prefix + self.value


class Line:
    """A line of leaves with black's bracket tracking (delimiters at depth 0)."""

    def __init__(self, leaves: list[Leaf], depth: int, inside: bool = False, tracked: set[int] | None = None) -> None:
        self.leaves, self.depth, self.inside = leaves, depth, inside
        self.should_split_rhs = False
        self.delimiters: dict[int, int] = {}
        self.invisible: list[Leaf] = []
        self.top_invisible: list[Leaf] = []
        self.magic = False
        depth_now, open_at, previous = 0, set(), None
        for index, leaf in enumerate(leaves):
            if not (inside or tracked is None or id(leaf) in tracked):
                continue
            if leaf.closes:
                if depth_now == 0 and (0, leaf.kind) not in open_at:
                    continue
                depth_now -= 1
                open_at.discard((depth_now, leaf.kind))
                if not leaf.value:
                    self.invisible.append(leaf)
                if index and leaves[index - 1].kind == "," and _magic(leaf, leaves):
                    self.magic = True
            if depth_now == 0:
                before = _before(leaf, previous)
                if before and previous is not None:
                    self.delimiters[id(previous)] = before
                elif leaf.kind == ",":
                    self.delimiters[id(leaf)] = COMMA
                if leaf.kind == "(" and not leaf.value:
                    self.top_invisible.append(leaf)
            if leaf.opens:
                open_at.add((depth_now, PAIRS[leaf.kind]))
                depth_now += 1
                if not leaf.value:
                    self.invisible.append(leaf)
            previous = leaf

    def __bool__(self) -> bool:
        return bool(self.leaves)

    def __str__(self) -> str:
        first = self.leaves[0]
        return first.prefix + "    " * self.depth + first.value + "".join(map(str, self.leaves[1:]))

    @property
    def is_def(self) -> bool:
        return self.leaves[0].value == "def"

    def short(self, limit: int = LINE_LENGTH) -> bool:
        return len(str(self)) <= limit

    def max_priority(self, exclude: Leaf | None = None) -> int:
        return max((p for k, p in self.delimiters.items() if exclude is None or k != id(exclude)), default=0)

    def count(self, priority: int) -> int:
        return sum(1 for p in self.delimiters.values() if p == priority)


def _before(leaf: Leaf, previous: Leaf | None) -> int:
    if leaf.priority == DOT:
        return DOT if previous is None or previous.closes else 0
    if leaf.kind == "string":
        return _STRING if previous is not None and previous.kind == "string" else 0
    return leaf.priority


def one_sequence(opening: Leaf, closing: Leaf, leaves: list[Leaf]) -> bool:
    """black's `is_one_sequence_between` for parentheses: `(a,)` but not `f(a,)`."""
    if (opening.kind, closing.kind) != ("(", ")") or opening not in leaves:
        return False
    commas = 0
    for leaf in leaves[leaves.index(opening) + 1 :]:
        if leaf is closing:
            break
        if leaf.depth == closing.depth + 1 and leaf.kind == ",":
            commas += 1
            if not opening.atom:
                commas += 1
                break
    return commas < 2


def _magic(closing: Leaf, leaves: list[Leaf]) -> bool:
    if closing.kind == ")":
        return closing.opening is not None and not one_sequence(closing.opening, closing, leaves)
    return True


# --- tokens ---------------------------------------------------------------------------------


def tokenize(text: str) -> list[Leaf] | None:
    """The leaves of one statement, linked and classified; None when not supported."""
    leaves: list[Leaf] = []
    pos, space = 0, ""
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            return None
        pos = m.end()
        kind = m.lastgroup
        value = m.group()
        if kind == "ws":
            space = value
            continue
        if kind == "op" and value in _SINGLE:
            kind = value
        if value in _UNSUPPORTED:
            return None
        leaves.append(Leaf(kind or "op", value, space))
        space = ""
    stack: list[Leaf] = []
    previous: Leaf | None = None
    for leaf in leaves:
        leaf.depth = len(stack)
        if leaf.kind in ("(", "[", "{"):
            leaf.atom = previous is None or not (previous.closes or previous.kind in ("name", "string"))
            leaf.atom = leaf.atom or (previous is not None and previous.value in _KEYWORDS)
            stack.append(leaf)
        elif leaf.kind in (")", "]", "}"):
            if not stack or PAIRS[stack[-1].kind] != leaf.kind:
                return None
            leaf.opening = stack.pop()
            leaf.depth = len(stack)
        leaf.priority = _priority(leaf, previous)
        previous = leaf
    return leaves if not stack else None


def _operand_before(previous: Leaf | None) -> bool:
    return previous is not None and (
        previous.closes or previous.kind in ("string", "number") or (previous.kind == "name" and previous.value not in _KEYWORDS)
    )


def _priority(leaf: Leaf, previous: Leaf | None) -> int:
    value = leaf.value
    if leaf.kind == ".":
        return DOT
    if leaf.kind == "op":
        if value in _MATH:
            return _MATH[value] if _operand_before(previous) else 0
        return _COMPARATOR if value in _COMPARATORS else 0
    if leaf.kind != "name":
        return 0
    if value in ("if", "else"):
        return _TERNARY if _operand_before(previous) else 0
    if value == "is":
        return _COMPARATOR
    if value == "in":
        return 0 if previous is not None and previous.value == "not" else _COMPARATOR
    if value == "not":
        return _COMPARATOR if previous is not None and _operand_before(previous) else 0
    return _LOGIC if value in ("and", "or") else 0


def _invisible(leaves: list[Leaf], start: int, end: int) -> list[Leaf] | None:
    """`leaves` with black's optional parentheses around `leaves[start:end]` (None: black would change it)."""
    if start >= end:
        return leaves
    first, last = leaves[start], leaves[end - 1]
    if first.opens and last.opening is first:
        if first.kind == "(":
            inner = [x for x in leaves[start + 1 : end - 1] if x.depth == first.depth + 1]
            if not inner or any(x.kind == "," or x.value == ":=" for x in inner):
                return leaves  # a tuple, `()` or a walrus keeps its own visible parentheses
            return None  # redundant parentheses: black removes them
    lpar, rpar = Leaf("(", "", first.prefix), Leaf(")", "", "")
    first.prefix = first.ws = ""
    lpar.atom, rpar.opening = True, lpar
    for leaf in leaves[start:end]:
        leaf.depth += 1
    lpar.depth = rpar.depth = first.depth - 1
    return leaves[:start] + [lpar] + leaves[start:end] + [rpar] + leaves[end:]


def _top(leaves: list[Leaf], value: str, start: int = 0) -> int:
    return next((i for i in range(start, len(leaves)) if leaves[i].depth == 0 and leaves[i].value == value), -1)


def statement(text: str) -> list[Leaf] | None:
    """The leaves of a statement with the optional parentheses black puts in."""
    leaves = tokenize(text)
    if not leaves:
        return None
    head = leaves[0].value
    result: list[Leaf] | None = leaves
    if head == "def":
        arrow, colon = _top(leaves, "->"), len(leaves) - 1
        if arrow < 0 or leaves[2].kind != "(" or leaves[3].kind == ")":
            return None
        return _invisible(leaves, arrow + 1, colon)
    if head in ("return", "if", "elif", "while"):
        end = len(leaves) - (head != "return")
        return _invisible(leaves, 1, end)
    if head == "assert":
        comma = _top(leaves, ",")
        if comma < 0:
            return _invisible(leaves, 1, len(leaves))
        result = _invisible(leaves, comma + 1, len(leaves))
        return _invisible(result, 1, comma) if result else None
    if head in _KEYWORDS or (leaves[0].kind == "name" and len(leaves) > 1 and leaves[1].kind == "name"):
        return leaves if head in ("raise", "else", "pass", "break", "continue") else None
    equal = _top(leaves, "=")
    colon = _top(leaves, ":")
    if equal >= 0 and _top(leaves, "=", equal + 1) >= 0:
        return None
    if equal >= 0:
        result = _invisible(leaves, equal + 1, len(leaves))
    if result is not None and 0 <= colon and (equal < 0 or colon < equal):
        result = _invisible(result, colon + 1, equal if equal >= 0 else len(result))
    return result
