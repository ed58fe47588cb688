import type { Recipe } from '../types';

export type Overrides = NonNullable<Recipe['overrides']>;

/**
 * Keeps per-line overrides on the lines they belong to after the ingredient
 * text changed: lines before and after the edited stretch keep (or shift to)
 * their new numbers; inside the stretch they stay put when it kept its length
 * (a line edited in place) and are dropped when lines were added or removed there.
 */
export function remapOverrides(before: readonly string[], after: readonly string[], overrides: Overrides | undefined): Overrides {
  const out: Overrides = {};
  if (!overrides) return out;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const shift = after.length - before.length;
  const middleKept = before.length - prefix - suffix === after.length - prefix - suffix;
  for (const [key, value] of Object.entries(overrides)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= before.length) continue;
    if (index < prefix) out[index] = value;
    else if (index >= before.length - suffix) out[index + shift] = value;
    else if (middleKept) out[index] = value;
  }
  return out;
}

/**
 * Ingredient lines as saved: blank lines dropped and trailing spaces trimmed,
 * with the overrides renumbered to follow their lines.
 */
export function compactLines(lines: readonly string[], overrides: Overrides | undefined): { ingredients: string[]; overrides: Overrides } {
  const ingredients: string[] = [];
  const renumbered: Overrides = {};
  lines.forEach((line, index) => {
    const text = line.trim();
    if (text === '') return;
    const override = overrides?.[index];
    if (override && (override.food !== undefined || (override.grams !== undefined && override.grams !== null))) {
      renumbered[ingredients.length] = { ...override };
    }
    ingredients.push(text);
  });
  return { ingredients, overrides: renumbered };
}
