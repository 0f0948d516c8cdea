"""Straightforward hand-written Python for four functions of dsl/game/progression.dg.

What a Python developer would write without domaingen: floats via `math`
(C `pow`), plain `int` arithmetic (no overflow checks: Python ints do not
overflow), frozen dataclasses, `dataclasses.replace`. Used by
bench/generated_speed.py as the baseline for the generated code.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

MAX_LEVEL = 50
BASE_EXP = 100.0
CURVE_EXPONENT = 1.5


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    level: int
    exp: int
    tags: tuple[str, ...]
    stats: dict[str, int]
    guild: str | None


@dataclass(frozen=True)
class LevelUp:
    profile: Profile
    levels_gained: int
    new_levels: tuple[int, ...]
    capped: bool


def required_exp(level: int) -> int:
    if level <= 1:
        return 0
    return math.floor(BASE_EXP * math.pow(level - 1, CURVE_EXPONENT))


def level_for_exp(total_exp: int) -> int:
    if total_exp < 0:
        raise ValueError("exp must be non-negative")
    reached = 1
    while reached < MAX_LEVEL and total_exp >= required_exp(reached + 1):
        reached += 1
    return reached


def add_exp(profile: Profile, amount: int) -> LevelUp:
    if amount < 0:
        raise ValueError("amount must be non-negative")
    total = profile.exp + amount
    level = profile.level
    reached: list[int] = []
    while level < MAX_LEVEL and total >= required_exp(level + 1):
        level += 1
        reached.append(level)
    return LevelUp(dataclasses.replace(profile, level=level, exp=total), level - profile.level, tuple(reached), level == MAX_LEVEL)


def normalize_tag(tag: str) -> str:
    return tag.strip().lower()
