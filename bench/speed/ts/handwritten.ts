// Straightforward hand-written TypeScript for four functions of
// dsl/game/progression.dg: Math.pow/Math.floor, plain number arithmetic,
// object spread. The baseline for bench/generated_speed.py.

export const MAX_LEVEL = 50;
const BASE_EXP = 100.0;
const CURVE_EXPONENT = 1.5;

export interface Profile {
  readonly id: string;
  readonly name: string;
  readonly level: number;
  readonly exp: number;
  readonly tags: readonly string[];
  readonly stats: ReadonlyMap<string, number>;
  readonly guild: string | null;
}

export interface LevelUp {
  readonly profile: Profile;
  readonly levelsGained: number;
  readonly newLevels: readonly number[];
  readonly capped: boolean;
}

export function requiredExp(level: number): number {
  if (level <= 1) {
    return 0;
  }
  return Math.floor(BASE_EXP * Math.pow(level - 1, CURVE_EXPONENT));
}

export function levelForExp(totalExp: number): number {
  if (totalExp < 0) {
    throw new Error("exp must be non-negative");
  }
  let reached = 1;
  while (reached < MAX_LEVEL && totalExp >= requiredExp(reached + 1)) {
    reached += 1;
  }
  return reached;
}

export function addExp(profile: Profile, amount: number): LevelUp {
  if (amount < 0) {
    throw new Error("amount must be non-negative");
  }
  const total = profile.exp + amount;
  let level = profile.level;
  const reached: number[] = [];
  while (level < MAX_LEVEL && total >= requiredExp(level + 1)) {
    level += 1;
    reached.push(level);
  }
  return { profile: { ...profile, level, exp: total }, levelsGained: level - profile.level, newLevels: reached, capped: level === MAX_LEVEL };
}

export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}
