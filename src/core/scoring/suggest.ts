import { resolveMeals, type EatenLine, type FoodLookup, type LineParser } from '../plan/resolve';
import type { Colour, Food, FoodGroup, Meal, Recipe } from '../types';
import { isCooked } from './cooked';
import { suggestedPortionGrams } from './portion';
import { cropKey, expandFood } from './expand';
import { compareText, round } from './score-week';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import type { PlantEntry } from './types';

/** A library recipe with its lines resolved for the whole recipe (scale 1). */
export interface LibraryRecipe {
  recipe: Recipe;
  lines: readonly EatenLine[];
}

export interface SuggestInput {
  /** The crops the week already scores (WeekScore.plants). */
  plants: readonly Pick<PlantEntry, 'key' | 'points'>[];
  /** The whole catalog, for single-crop suggestions. */
  catalog: readonly Food[];
  /** The user's recipe library. */
  recipes: readonly LibraryRecipe[];
  /** Days the fiber gain is averaged over (default 7). */
  days?: number;
}

export interface SuggestOptions {
  /** Most crop suggestions (default 10). */
  crops?: number;
  /** Most recipe suggestions (default 5). */
  recipes?: number;
}

/** One crop not yet planned, with the food that represents it. */
export interface CropSuggestion {
  key: string;
  crop: string;
  id: string;
  name: string;
  group: FoodGroup;
  colour: Colour | null;
  family: string | null;
  /** Plant points it would add. */
  points: number;
  /** Grams of the portion the gains assume. */
  portionGrams: number;
  /** Fiber gain per person per day from one portion in the week, 1 decimal. */
  fiberPerDay: number;
  fiberPerDayRaw: number;
  /** Live servings gained per person per week, 2 decimals. */
  fermentedPerWeek: number;
}

/** One recipe, ranked by the points it adds on top of the week and the recipes ranked before it. */
export interface RecipeSuggestion {
  id: string;
  name: string;
  points: number;
  /** The crops it adds, with the points each adds. */
  adds: { key: string; name: string; points: number }[];
  /** Fiber gain per person per day from one serving each in the week, 1 decimal. */
  fiberPerDay: number;
  fiberPerDayRaw: number;
  /** Live servings gained per person per week from one serving each, 2 decimals. */
  fermentedPerWeek: number;
}

export interface Suggestions {
  crops: CropSuggestion[];
  recipes: RecipeSuggestion[];
}

/**
 * Ranks what would raise the week's plant points most: single crops not yet
 * planned (one representative food per crop, by points, then common foods, then
 * fiber) and library recipes chosen greedily (best first, then re-ranked given
 * the ones picked), each with fiber and fermented gains per person.
 */
export function suggest(
  input: SuggestInput,
  foods: FoodLookup,
  settings: ScoringSettings = DEFAULT_SCORING_SETTINGS,
  options: SuggestOptions = {},
): Suggestions {
  const days = input.days && input.days > 0 ? input.days : 7;
  const current = new Map<string, number>();
  for (const plant of input.plants) current.set(plant.key, Math.max(plant.points, current.get(plant.key) ?? 0));
  return {
    crops: suggestCrops(input.catalog, current, settings, days, options.crops ?? 10),
    recipes: suggestRecipes(input.recipes, current, foods, settings, days, options.recipes ?? 5),
  };
}

function suggestCrops(
  catalog: readonly Food[],
  current: ReadonlyMap<string, number>,
  settings: ScoringSettings,
  days: number,
  limit: number,
): CropSuggestion[] {
  const best = new Map<string, Food>();
  for (const food of catalog) {
    if (food.components.length > 0 || food.weight <= 0) continue;
    const key = cropKey(food, settings.countColourVariants);
    if (key === null || food.weight <= (current.get(key) ?? 0)) continue;
    const held = best.get(key);
    if (!held || compareRepresentatives(food, held) < 0) best.set(key, food);
  }
  const out: CropSuggestion[] = [];
  for (const [key, food] of best) {
    const portionGrams = suggestedPortionGrams(food);
    const fiberPerDayRaw = ((food.fiberPer100g ?? 0) * portionGrams) / 100 / days;
    const live = food.fermented === 'live' && food.servingGrams ? portionGrams / food.servingGrams : 0;
    out.push({
      key,
      crop: food.crop ?? key,
      id: food.id,
      name: food.name,
      group: food.group,
      colour: food.colour,
      family: food.family,
      points: food.weight - (current.get(key) ?? 0),
      portionGrams,
      fiberPerDay: round(fiberPerDayRaw, 1),
      fiberPerDayRaw,
      fermentedPerWeek: round(live, 2),
    });
  }
  const rank = new Map(out.map((c) => [c.key, commonness(best.get(c.key)!)]));
  out.sort(
    (a, b) =>
      b.points - a.points ||
      rank.get(b.key)! - rank.get(a.key)! ||
      b.fiberPerDayRaw - a.fiberPerDayRaw ||
      compareText(a.name, b.name) ||
      compareText(a.key, b.key),
  );
  return out.slice(0, Math.max(0, limit));
}

/** Orders two foods of one crop: higher weight, then the more common, then more fiber, then the shorter name. */
function compareRepresentatives(a: Food, b: Food): number {
  return (
    b.weight - a.weight ||
    commonness(b) - commonness(a) ||
    Math.min(b.aliases.length, FAMILIAR_ALIASES * 2) - Math.min(a.aliases.length, FAMILIAR_ALIASES * 2) ||
    (b.fiberPer100g ?? 0) - (a.fiberPer100g ?? 0) ||
    a.name.length - b.name.length ||
    compareText(a.id, b.id)
  );
}

/** Foods known by this many names (US/UK, plurals, phrasings) count as familiar. */
const FAMILIAR_ALIASES = 5;

/**
 * 0..4: everyday whole foods rank first: unprocessed, unfermented, catalog
 * (not user-made), and familiar (many names in the catalog, a proxy for how
 * often recipes use it).
 */
function commonness(food: Food): number {
  return (
    (food.processed === 'none' ? 1 : 0) +
    (food.fermented === 'none' ? 1 : 0) +
    (food.custom ? 0 : 1) +
    (food.aliases.length >= FAMILIAR_ALIASES ? 1 : 0)
  );
}

interface RecipeGains {
  recipe: Recipe;
  crops: Map<string, { points: number; name: string }>;
  fiberPerDayRaw: number;
  fermentedPerWeek: number;
}

function suggestRecipes(
  library: readonly LibraryRecipe[],
  start: ReadonlyMap<string, number>,
  foods: FoodLookup,
  settings: ScoringSettings,
  days: number,
  limit: number,
): RecipeSuggestion[] {
  const cache = new Map<string, readonly Food[]>();
  const pool = library.map((entry) => recipeGains(entry, foods, settings, days, cache));
  pool.sort((a, b) => compareText(a.recipe.id, b.recipe.id));
  const current = new Map(start);
  const picked: RecipeSuggestion[] = [];
  const used = new Set<number>();
  while (picked.length < limit) {
    let bestIndex = -1;
    let bestGain = 0;
    for (let i = 0; i < pool.length; i += 1) {
      if (used.has(i)) continue;
      const gain = gainOf(pool[i], current);
      if (gain > bestGain || (gain === bestGain && bestIndex >= 0 && betterTie(pool[i], pool[bestIndex]))) {
        bestGain = gain;
        bestIndex = i;
      }
    }
    if (bestIndex < 0 || bestGain <= 0) break;
    used.add(bestIndex);
    const chosen = pool[bestIndex];
    const adds: RecipeSuggestion['adds'] = [];
    for (const [key, crop] of chosen.crops) {
      const added = crop.points - (current.get(key) ?? 0);
      if (added > 0) {
        adds.push({ key, name: crop.name, points: added });
        current.set(key, crop.points);
      }
    }
    adds.sort((a, b) => b.points - a.points || compareText(a.name, b.name) || compareText(a.key, b.key));
    picked.push({
      id: chosen.recipe.id,
      name: chosen.recipe.name,
      points: bestGain,
      adds,
      fiberPerDay: round(chosen.fiberPerDayRaw, 1),
      fiberPerDayRaw: chosen.fiberPerDayRaw,
      fermentedPerWeek: round(chosen.fermentedPerWeek, 2),
    });
  }
  return picked;
}

function gainOf(entry: RecipeGains, current: ReadonlyMap<string, number>): number {
  let gain = 0;
  for (const [key, crop] of entry.crops) gain += Math.max(0, crop.points - (current.get(key) ?? 0));
  return gain;
}

function betterTie(a: RecipeGains, b: RecipeGains): boolean {
  if (a.fiberPerDayRaw !== b.fiberPerDayRaw) return a.fiberPerDayRaw > b.fiberPerDayRaw;
  const byName = compareText(a.recipe.name, b.recipe.name);
  return byName !== 0 ? byName < 0 : compareText(a.recipe.id, b.recipe.id) < 0;
}

function recipeGains(
  entry: LibraryRecipe,
  foods: FoodLookup,
  settings: ScoringSettings,
  days: number,
  cache: Map<string, readonly Food[]>,
): RecipeGains {
  const crops = new Map<string, { points: number; name: string }>();
  let fiber = 0;
  let fermented = 0;
  for (const line of entry.lines) {
    const food = line.food;
    if (!food || line.parsed.optional) continue;
    for (const part of expandFood(food, foods, cache)) {
      const key = cropKey(part, settings.countColourVariants);
      if (key === null) continue;
      const held = crops.get(key);
      if (!held || part.weight > held.points) crops.set(key, { points: part.weight, name: part.name });
    }
    if (line.mealGrams === null) continue;
    fiber += (line.mealGrams * (food.fiberPer100g ?? 0)) / 100;
    if (food.fermented === 'live' && food.servingGrams && !isCooked(line.parsed.input, food, line.recipe)) {
      fermented += line.mealGrams / food.servingGrams;
    }
  }
  const servings = entry.recipe.servings > 0 ? entry.recipe.servings : 1;
  return { recipe: entry.recipe, crops, fiberPerDayRaw: fiber / servings / days, fermentedPerWeek: fermented / servings };
}

/** Resolves a library recipe for suggestions: every line for the whole recipe (scale 1). */
export function libraryRecipe(recipe: Recipe, parse: LineParser, foods: FoodLookup): LibraryRecipe {
  const meal: Meal = { id: `library:${recipe.id}`, date: '', slot: '', recipe: recipe.id, food: null, servings: recipe.servings };
  return { recipe, lines: resolveMeals([meal], new Map([[recipe.id, recipe]]), parse, foods) };
}
