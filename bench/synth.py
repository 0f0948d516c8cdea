"""Synthetic `.dg` modules of a given size, for scaling benchmarks.

Produces realistic, varied code (records, enums, unions, functions with
loops, matches, maps and float math) that checks clean; `lines` is the
approximate number of source lines.
"""

from __future__ import annotations

BLOCK = '''
/// Stats of unit {i}.
record Unit{i} {{
  id: String
  level: Int
  power: Float
  tags: List<String>
  stats: Map<String, Int>
  owner: String?
}}

enum Mode{i} {{ Idle, Walk, Run, Fight }}

union Event{i} {{
  Hit(damage: Int, critical: Bool)
  Heal(amount: Int)
  Nothing
}}

/// Score a unit.
fn score{i}(u: Unit{i}, mode: Mode{i}) -> Int {{
  var total = u.level * 10
  for tag in u.tags {{
    if starts_with(tag, "elite") {{
      total += 5
    }} else {{
      total += len(tag)
    }}
  }}
  for k, v in u.stats {{
    total += v
  }}
  let bonus = match mode {{
    Idle => 0
    Walk, Run => 2
    Fight => 7
  }}
  return total + bonus + floor(u.power * pow(float(u.level), 0.5))
}}

fn apply{i}(u: Unit{i}, e: Event{i}) -> Unit{i} {{
  require u.level >= 0, "level must be non-negative"
  return match e {{
    Hit(damage, critical) => u with {{ level: max(0, u.level - (if critical then damage * 2 else damage)) }}
    Heal(amount) => u with {{ level: min(100, u.level + amount) }}
    Nothing => u
  }}
}}

fn describe{i}(u: Unit{i}) -> String {{
  let owner = u.owner ?? "nobody"
  var parts: List<String> = []
  var i = 0
  while i < len(u.tags) and i < 3 {{
    parts = append(parts, to_upper(u.tags[i]))
    i += 1
  }}
  return u.id + " of " + owner + ": " + join(parts, ",")
}}

test "unit {i} scores" {{
  let u = Unit{i} {{ id: "u", level: 4, power: 2.5, tags: ["elite1", "x"], stats: {{"hp": 3}}, owner: none }}
  expect score{i}(u, Mode{i}.Fight) == 40 + 5 + 1 + 3 + 7 + 5
  expect describe{i}(u) == "u of nobody: ELITE1,X"
}}
'''

LINES_PER_BLOCK = BLOCK.count("\n")


def module(lines: int, name: str = "bench.synth") -> str:
    blocks = max(1, lines // LINES_PER_BLOCK)
    return f"module {name}\n" + "".join(BLOCK.format(i=i) for i in range(blocks))


if __name__ == "__main__":
    import sys

    sys.stdout.write(module(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
