"""The Python backend hands black text black already agrees with (issue 3).

black runs on every generated module (`backends/python/format.py`); when its
input is already black's output it does one pass instead of splitting lines
and formatting a second time, so a cold `domaingen generate` stays cheap.
These tests pin that: the raw (pre-black) text of every module of dsl/ and
of the golden cases is a fixed point of black, and `layout.fit` splits long
statements exactly as black does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from domaingen import formatcache
from domaingen.backends import get_backend
from domaingen.backends.base import TargetOptions
from domaingen.backends.python.format import _run_black
from domaingen.backends.python.layout import fit
from domaingen.frontend import discover, load

ROOT = Path(__file__).resolve().parents[2]


def raw_modules(inputs: list[str], tmp_path: Path, monkeypatch: Any) -> dict[str, str]:
    """The text each `.py` file has before black (a cold format cache)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    files, problems = discover(inputs)
    assert not problems
    front = load(files)
    assert front.program is not None
    with formatcache.deferred():
        generation = get_backend("python").generate(front.program, TargetOptions(package="pkg"))
    raw = {path: str(text) for path, text in generation.files.items() if isinstance(text, formatcache.Pending)}
    assert raw, "every module should have been a format-cache miss"
    return raw


@pytest.mark.parametrize("inputs", [["dsl"], ["golden/cases"]])
def test_raw_python_is_black_stable(inputs: list[str], tmp_path: Path, monkeypatch: Any) -> None:
    raw = raw_modules([str(ROOT / i) for i in inputs], tmp_path, monkeypatch)
    unstable = [path for path, text in raw.items() if _run_black(text) != text]
    assert not unstable, f"black would still change these generated files: {unstable}"


STATEMENTS = [
    "    return _rt.add(_rt.add(_rt.mul(profile.level, 10), _rt.floor(_rt.sqrt(float(profile.exp)))), _rt.div(x, 100))",
    "    line: str = str(_rt.lookup(inventory.items, item_id)) + \"x \" + item.name + \" (\" + rarity_name(item.rarity)",
    "        place: int = _rt.index(entries, i - 1).rank if i > 0 and _rt.index(ordered, i - 1).exp == player.exp else i + 1",
    "def power_score(profile: _m_game__progression.Profile, inventory: _m_game__items.Inventory) -> tuple[int, ...]:",
    "def rank_players(players: tuple[_m_game__progression.Profile, ...]) -> tuple[Entry, ...]:",
    '_codec_Item = _codec.RecordCodec("Item", Item, (("id", "id_", _codec.STRING), ("name", "name", _codec.STRING)))',
    "    return {\"a\": Item(id_=\"health_potion\", name=\"Health Potion\", base_price=10), \"b\": Item(id_=\"x\", name=\"y\")}",
    "        entries = entries + (Entry(rank=place, player_id=player.id_, display=display_name(player), exp=player.exp),)",
    "    if not (_rt.index(ordered, i - 1).exp == player.exp and player.name.startswith(prefix) or other_condition_here):",
    "    while _rt.index(ordered, position).exp > candidate.exp or _rt.index(ordered, position).name < candidate.name:",
    "    raise _rt.DomainError(\"a rather long message that goes on and on \" + str(value) + \" and then some more text\")",
    "    counts = _rt.put(counts, rarity, _rt.add(_t1 if (_t1 := counts.get(rarity)) is not None else 0, count))",
]


@pytest.mark.parametrize("statement", STATEMENTS)
def test_fit_splits_like_black(statement: str) -> None:
    depth = (len(statement) - len(statement.lstrip(" "))) // 4
    wrapper = "".join("    " * i + "if x:\n" for i in range(depth))
    suffix = "\n" + "    " * (depth + 1) + "pass" if statement.endswith(":") else ""
    expected = _run_black(wrapper + statement + suffix + "\n").split("\n")[depth:]
    if suffix:
        expected = expected[:-2] + [""]
    assert fit(statement) + "\n" == "\n".join(expected)
