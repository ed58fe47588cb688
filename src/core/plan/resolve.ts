import { isParseCurrent, readLines } from '../recipes/lines';
import type { Food, IngredientLine, Meal, ParsedLine, Recipe } from '../types';

/** One ingredient line as eaten in one planned meal. */
export interface EatenLine {
  meal: Meal;
  /** The recipe the line comes from, null for a single-food meal. */
  recipe: Recipe | null;
  /** Index of the line in the recipe's ingredients (0 for a food meal). */
  lineIndex: number;
  /** The recipe's line record, null for a single-food meal. */
  line: IngredientLine | null;
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
  /** Names the foods this parser reads against (`parseKey`); a recipe's stored parse with the same key is used as is. */
  key?: string;
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
      if (meal.recipe !== null) {
        const recipe = recipes.get(meal.recipe);
        return recipe && !isParseCurrent(recipe, parse) ? recipe.ingredients.map((line) => line.text) : [];
      }
      return meal.food !== null ? [meal.food] : [];
    }),
  );
  const readings = new Map<Recipe, ParsedLine[]>();
  const out: EatenLine[] = [];
  for (const meal of meals) {
    const servings = Number.isFinite(meal.servings) && meal.servings > 0 ? meal.servings : 0;
    if (meal.recipe !== null) {
      const recipe = recipes.get(meal.recipe);
      if (!recipe) continue;
      const scale = recipe.servings > 0 ? servings / recipe.servings : 0;
      let parsed = readings.get(recipe);
      if (!parsed) {
        parsed = readLines(recipe, parse, lookup);
        readings.set(recipe, parsed);
      }
      recipe.ingredients.forEach((line, lineIndex) => {
        out.push(eaten(meal, recipe, lineIndex, line, applyOverride(parsed[lineIndex], line, lookup), scale, lookup));
      });
    } else if (meal.food !== null && meal.food.trim() !== '') {
      out.push(eaten(meal, null, 0, null, parse(meal.food), servings, lookup));
    }
  }
  return out;
}

function eaten(
  meal: Meal,
  recipe: Recipe | null,
  lineIndex: number,
  line: IngredientLine | null,
  parsed: ParsedLine,
  scale: number,
  lookup: FoodLookup,
): EatenLine {
  const food = parsed.food ? (lookup(parsed.food.id) ?? null) : null;
  return {
    meal,
    recipe,
    lineIndex,
    line,
    parsed,
    food,
    scale,
    mealGrams: parsed.grams === null ? null : parsed.grams * scale,
  };
}

/** Applies a user's fix of a line (picked food, set grams) on top of the parser's reading. */
export function applyOverride(
  parsed: ParsedLine,
  override: Pick<IngredientLine, 'food' | 'grams'> | undefined,
  lookup: FoodLookup,
): ParsedLine {
  if (!override) return parsed;
  let result = parsed;
  if (override.food !== undefined) {
    const food = override.food === null ? undefined : lookup(override.food);
    result = { ...result, food: food ? { id: food.id, name: food.name } : null, confidence: food ? 1 : 0 };
  }
  if (override.grams !== undefined && override.grams >= 0) {
    result = { ...result, grams: override.grams };
  }
  return result;
}
