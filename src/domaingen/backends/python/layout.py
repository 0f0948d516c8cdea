"""Black's line splitting, for the statements the Python backend emits.

Consumes: one logical line of generated Python (indentation included).
Produces: `fit(line)`, the line as black (default mode, line length 88)
would lay it out: unchanged when it fits, else split exactly as black's
`transform_line` splits it (`left_hand_split` for a `def`, else
`delimiter_split` inside brackets and `right_hand_split` with its omitted
trailers and optional parentheses). Every generated file still goes through
black (`format.py`); handing it text it already agrees with makes it do one
cheap pass instead of splitting and then formatting a second time.

This is a port of black's own algorithm (`black/linegen.py`, `lines.py`,
`brackets.py`, black 24-26, stable style) over a token list instead of a
syntax tree, for the subset of Python the backend writes: calls, keyword
arguments, attribute access, displays, subscripts, operators, conditional
expressions and assignment expressions. The few facts black reads off the
tree are derived from the tokens (unary or binary operator, ternary `if`,
the statement's optional parentheses). A line with anything else
(comments, comprehensions, lambdas, `**`, non-ASCII text, imports,
`match`/`case`) is returned as it is and black splits it; so a gap here can
only cost time, never change the formatted output. Like black, the port
mutates its leaves while it works (optional parentheses made visible,
first-leaf prefixes dropped): the results are rendered once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator

from .layout_leaves import COMMA, DOT, LINE_LENGTH, PAIRS, CannotSplit, Leaf, Line, one_sequence, statement

# --- black's transforms ---------------------------------------------------------------------


def _transform(line: Line, fop: bool) -> list[Line]:
    line_str = str(line)
    if not line.should_split_rhs and not line.magic and len(line_str) <= LINE_LENGTH:
        return [line]
    if line.is_def:
        transforms = [_left_hand_split]
    elif line.inside:
        transforms = [_delimiter_split, _rhs]
    else:
        transforms = [_rhs]
    for transform in transforms:
        try:
            return _run(line, transform, fop, line_str)
        except CannotSplit:
            continue
    return [line]


def _run(line: Line, transform: object, fop: bool, line_str: str) -> list[Line]:
    optional = list(line.top_invisible)
    result: list[Line] = []
    for piece in transform(line, fop):  # type: ignore[operator]
        if str(piece) == line_str:
            raise CannotSplit("unchanged")
        result += _transform(piece, fop)
    if (
        fop
        or transform is not _rhs
        or not line.invisible
        or any(b.value for b in optional)
        or result[0].short()
        or any(leaf.synthetic for leaf in line.leaves)
    ):
        return result
    copy = Line(_clone(line.leaves), line.depth, line.inside)
    copy.should_split_rhs = line.should_split_rhs
    second = _run(copy, transform, True, line_str)
    return second if all(x.short() for x in second) else result


def _clone(leaves: list[Leaf]) -> list[Leaf]:
    new = {id(x): Leaf(x.kind, x.value, x.ws) for x in leaves}
    for x in leaves:
        y = new[id(x)]
        y.ws, y.depth, y.priority, y.atom = x.ws, x.depth, x.priority, x.atom
        y.opening = new.get(id(x.opening)) if x.opening is not None else None
    copies = list(new.values())
    copies[0].prefix = ""
    return copies


def _build(leaves: list[Leaf], original: Line, opening: Leaf, part: str) -> Line:
    if part == "body":
        if original.is_def and opening.value == "(" and leaves and not any(x.kind == "," for x in _level(leaves)):
            if leaves[-1].kind != ",":
                comma = Leaf(",", ",", "")
                comma.synthetic, comma.depth = True, leaves[-1].depth
                leaves = leaves + [comma]
        result = Line(leaves, original.depth + 1, inside=True)
        trailing = leaves[-1] if leaves and leaves[-1].kind == "," else None
        if result.max_priority(trailing) == COMMA and (trailing is not None or opening.atom):
            result.should_split_rhs = True
        return result
    tracked = _inside_pairs(leaves) if part == "head" else set()
    return Line(leaves, original.depth, tracked=tracked)


def _level(leaves: list[Leaf]) -> Iterator[Leaf]:
    depth = 0
    for leaf in leaves:
        depth -= leaf.closes
        if depth == 0:
            yield leaf
        depth += leaf.opens


def _inside_pairs(leaves: list[Leaf]) -> set[int]:
    """black's `get_leaves_inside_matching_brackets`: the leaves of bracket pairs closed in `leaves`."""
    start = next((i for i, x in enumerate(leaves) if x.opens), None)
    ids: set[int] = set()
    if start is None:
        return ids
    stack: list[tuple[str, list[int]]] = []
    for leaf in leaves[start:]:
        if leaf.opens:
            stack.append((PAIRS[leaf.kind], [id(leaf)]))
        elif leaf.closes:
            if not stack or stack[-1][0] != leaf.kind:
                break
            level = stack.pop()[1]
            ids.update(level)
            ids.add(id(leaf))
        elif stack:
            stack[-1][1].append(id(leaf))
    return ids


def _succeeded(head: Line, body: Line, tail: Line) -> None:
    tail_len = len(str(tail).strip()) if tail else 0
    if not body and (tail_len == 0 or tail_len < 3):
        raise CannotSplit("empty body")


def _left_hand_split(line: Line, fop: bool) -> list[Line]:
    for kind in ("(", "["):
        head: list[Leaf] = []
        body: list[Leaf] = []
        tail: list[Leaf] = []
        current, matching = head, None
        for leaf in line.leaves:
            if current is body and leaf.closes and leaf.opening is matching and matching is not None:
                _visible(leaf)
                _visible(matching)
                current = tail if body else head
            current.append(leaf)
            if current is head and leaf.kind == kind:
                matching, current = leaf, body
        if matching is not None and tail:
            break
    if matching is None or not tail:
        raise CannotSplit("no brackets")
    lines = [_build(head, line, matching, "head"), _build(body, line, matching, "body"), _build(tail, line, matching, "tail")]
    _succeeded(*lines)
    return [x for x in lines if x]


def _visible(leaf: Leaf) -> None:
    if leaf.kind == "(":
        leaf.value = "("
    elif leaf.kind == ")":
        leaf.value = ")"


class _RHS:
    def __init__(self, head: Line, body: Line, tail: Line, opening: Leaf, closing: Leaf) -> None:
        self.head, self.body, self.tail, self.opening, self.closing = head, body, tail, opening, closing


def _first_rhs(line: Line, omit: set[int]) -> _RHS:
    tail: list[Leaf] = []
    body: list[Leaf] = []
    head: list[Leaf] = []
    current = tail
    opening = closing = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.closes and id(leaf) not in omit:
            opening, closing, current = leaf.opening, leaf, body
    if opening is None or closing is None or not head:
        raise CannotSplit("no brackets")
    head.reverse()
    body.reverse()
    tail.reverse()
    result = _RHS(
        _build(head, line, opening, "head"), _build(body, line, opening, "body"), _build(tail, line, opening, "tail"), opening, closing
    )
    _succeeded(result.head, result.body, result.tail)
    return result


def _rhs(line: Line, fop: bool) -> list[Line]:
    prefix_lengths: dict[int, int] = {}
    length = 4 * line.depth
    for leaf in line.leaves:
        prefix_lengths[id(leaf)] = length
        length += len(leaf.prefix) + len(leaf.value)
    first_lines: list[Line] | None = None
    for omit in _trailers_to_omit(line):
        if omit:
            target = next((x.opening for x in reversed(line.leaves) if x.closes and id(x) not in omit), None)
            if target is not None and target.value and prefix_lengths.get(id(target), 0) > LINE_LENGTH:
                continue
        lines = _right_hand_split(line, fop, set(omit))
        if first_lines is None and not omit:
            first_lines = lines
        if lines[0].short():
            return lines
    return first_lines if first_lines is not None else _right_hand_split(line, fop, set())


def _right_hand_split(line: Line, fop: bool, omit: set[int]) -> list[Line]:
    return _maybe_omit_optional(_first_rhs(line, omit), line, fop, omit)


def _maybe_omit_optional(rhs: _RHS, line: Line, fop: bool, omit: set[int]) -> list[Line]:
    if (
        not fop
        and rhs.opening.kind == "("
        and not rhs.opening.value
        and rhs.closing.kind == ")"
        and not rhs.closing.value
        and _can_omit_invisible(rhs)
    ):
        omit = {id(rhs.closing), *omit}
        try:
            oop = _first_rhs(line, omit)
            if _prefer_oop(oop, rhs):
                return _maybe_omit_optional(oop, line, fop, omit)
        except CannotSplit:
            chained = [x.kind for x in line.leaves].count("=") > 1
            if not chained and not _can_be_split(rhs.body) and not rhs.body.short():
                raise
    _visible(rhs.opening)
    _visible(rhs.closing)
    return [x for x in (rhs.head, rhs.body, rhs.tail) if x]


def _can_be_split(line: Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == "string" and leaves[1].kind == ".":
        calls = dots = 0
        nxt = leaves[-1]
        for leaf in leaves[-2::-1]:
            if leaf.opens:
                if not nxt.closes:
                    return False
                calls += 1
            elif leaf.kind == ".":
                dots += 1
            elif leaf.kind == "name":
                if not (nxt.kind == "." or nxt.opens):
                    return False
            elif not leaf.closes:
                return False
            if dots > 1 and calls > 1:
                return False
    return True


def _can_omit_invisible(rhs: _RHS) -> bool:
    line = rhs.body
    if not line.delimiters:
        return True
    top = line.max_priority()
    if line.count(top) > 1:
        return False
    if top == DOT:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.opens and not second.closes and _can_omit_opening(line, first):
        return True
    penultimate, last = line.leaves[-2], line.leaves[-1]
    if last.kind in (")", "}") or (last.kind == "]" and last.opening is not None and last.opening.atom):
        if penultimate.opens:
            return False
        if _can_omit_closing(line, last):
            return True
    return False


def _can_omit_opening(line: Line, first: Leaf) -> bool:
    remainder, length = False, 4 * line.depth
    for leaf in line.leaves:
        if leaf.closes and leaf.opening is first:
            remainder = True
        if remainder:
            length += len(leaf.prefix) + len(leaf.value)
            if length > LINE_LENGTH:
                return False
            if leaf.opens:
                remainder = False
    return True


def _can_omit_closing(line: Line, last: Leaf) -> bool:
    length, seen_other = 4 * line.depth, False
    for leaf in line.leaves:
        length += len(leaf.prefix) + len(leaf.value)
        if leaf is last.opening:
            if seen_other or length <= LINE_LENGTH:
                return True
        elif leaf.opens:
            seen_other = True
    return False


def _prefer_oop(oop: _RHS, rhs: _RHS) -> bool:
    head = rhs.head.leaves
    if not (len(head) >= 2 and head[-2].kind == "="):
        return True
    if not any(x.opens or x.closes for x in head[:-1]):
        return True
    if not rhs.head.short(LINE_LENGTH - 1) or rhs.head.magic:
        return True
    equals = [x.kind for x in head].count("=")
    if equals > 1 and equals > [x.kind for x in oop.head.leaves].count("="):
        return False
    closing_after = False
    for leaf in reversed(oop.head.leaves):
        if leaf.kind == "=":
            break
        if leaf.closes:
            closing_after = True
            break
    return closing_after or (any(x.kind == "=" for x in oop.head.leaves) and oop.head.short())


def _trailers_to_omit(line: Line) -> Iterator[set[int]]:
    omit: set[int] = set()
    if not line.magic:
        yield omit
    length = 4 * line.depth
    opening: Leaf | None = None
    closing: Leaf | None = None
    inner: set[int] = set()
    for index in range(len(line.leaves) - 1, -1, -1):
        leaf = line.leaves[index]
        length += len(leaf.prefix) + len(leaf.value)
        if length > LINE_LENGTH:
            break
        prev = line.leaves[index - 1] if index > 0 else None
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.closes:
                if prev is not None and prev.kind == "," and leaf.opening is not None:
                    if not one_sequence(leaf.opening, leaf, line.leaves):
                        break
                inner.add(id(leaf))
        elif leaf.closes:
            if prev is not None and prev.opens:
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield omit
            if prev is not None and prev.kind == "," and leaf.opening is not None:
                if not one_sequence(leaf.opening, leaf, line.leaves):
                    break
            if leaf.value:
                opening, closing = leaf.opening, leaf


def _delimiter_split(line: Line, fop: bool) -> list[Line]:
    if not line.leaves:
        raise CannotSplit("empty")
    last = line.leaves[-1]
    top = line.max_priority(exclude=last)
    if not top:
        raise CannotSplit("no delimiters")
    if top == DOT and line.count(top) == 1:
        raise CannotSplit("a single attribute")
    groups: list[list[Leaf]] = [[]]
    for leaf in line.leaves:
        groups[-1].append(leaf)
        if line.delimiters.get(id(leaf)) == top:
            groups.append([])
    if not groups[-1]:
        groups.pop()
    elif top == COMMA and groups[-1][-1].kind != ",":
        comma = Leaf(",", ",", "")
        comma.synthetic, comma.depth = True, groups[-1][-1].depth
        groups[-1].append(comma)
    lines = [Line(group, line.depth, inside=line.inside) for group in groups]
    for x in lines:
        x.leaves[0].prefix = ""
    return lines


# --- entry point ------------------------------------------------------------------------------


def fit(line: str) -> str:
    """`line` (one statement, its indentation included) laid out as black lays it out."""
    if len(line) <= LINE_LENGTH:
        return line
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    if indent % 4 or not body.isascii():
        return line
    leaves = statement(body)
    if leaves is None:
        return line
    lines = _transform(Line(leaves, indent // 4), False)
    return "\n".join(str(x).rstrip(" ") for x in lines)
