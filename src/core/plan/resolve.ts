import type { Food, Meal, ParsedLine, Recipe } from '../types';

/** One ingredient line as eaten in one planned meal. */
export interface EatenLine {
  meal: Meal;
  /** The recipe the line comes from, null for a single-food meal. */
  recipe: Recipe | null;
  /** Index of the line in the recipe's ingredients (0 for a food meal). */
  lineIndex: number;
  parsed: ParsedLine;
  /** The catalog food, after any user override; null when unmatched. */
  food: Food | null;
  /** Servings eaten ÷ recipe servings (a food meal's line is one serving). */
  scale: number;
  /** Grams of this line for the whole meal (all who eat it), null when unknown. */
  mealGrams: number | null;
}

/** Parses one ingredient line; callers pass a memoised parser bound to a catalog. */
export type LineParser = ((line: string) => ParsedLine) & {
  /** Reads many lines in one pass before they are asked for one by one (optional; a speed-up only). */
  prime?(lines: readonly string[]): void;
};

/** Looks a food up by id. */
export type FoodLookup = (id: string) => Food | undefined;

/**
 * Expands planned meals into the ingredient lines they eat, scaled by servings.
 * A meal naming a recipe that does not exist yields nothing (the caller reports it).
 */
export function resolveMeals(
  meals: readonly Meal[],
  recipes: ReadonlyMap<string, Recipe>,
  parse: LineParser,
  lookup: FoodLookup,
): EatenLine[] {
  parse.prime?.(
    meals.flatMap((meal) => {
      if (meal.recipe !== null) return recipes.get(meal.recipe)?.ingredients ?? [];
      return meal.food !== null ? [meal.food] : [];
    }),
  );
  const out: EatenLine[] = [];
  for (const meal of meals) {
    const servings = Number.isFinite(meal.servings) && meal.servings > 0 ? meal.servings : 0;
    if (meal.recipe !== null) {
      const recipe = recipes.get(meal.recipe);
      if (!recipe) continue;
      const scale = recipe.servings > 0 ? servings / recipe.servings : 0;
      recipe.ingredients.forEach((text, lineIndex) => {
        const parsed = applyOverride(parse(text), recipe.overrides?.[lineIndex], lookup);
        out.push(eaten(meal, recipe, lineIndex, parsed, scale, lookup));
      });
    } else if (meal.food !== null && meal.food.trim() !== '') {
      out.push(eaten(meal, null, 0, parse(meal.food), servings, lookup));
    }
  }
  return out;
}

function eaten(
  meal: Meal,
  recipe: Recipe | null,
  lineIndex: number,
  parsed: ParsedLine,
  scale: number,
  lookup: FoodLookup,
): EatenLine {
  const food = parsed.food ? (lookup(parsed.food.id) ?? null) : null;
  return {
    meal,
    recipe,
    lineIndex,
    parsed,
    food,
    scale,
    mealGrams: parsed.grams === null ? null : parsed.grams * scale,
  };
}

/** Applies a user's per-line fix (picked food, set grams) on top of the parser's reading. */
export function applyOverride(
  parsed: ParsedLine,
  override: { food?: string | null; grams?: number | null } | undefined,
  lookup: FoodLookup,
): ParsedLine {
  if (!override) return parsed;
  let result = parsed;
  if (override.food !== undefined) {
    const food = override.food === null ? undefined : lookup(override.food);
    result = { ...result, food: food ? { id: food.id, name: food.name } : null, confidence: food ? 1 : 0 };
  }
  if (override.grams !== undefined && override.grams !== null && override.grams >= 0) {
    result = { ...result, grams: override.grams };
  }
  return result;
}
