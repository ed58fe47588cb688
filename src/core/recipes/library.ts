import type { Meal, Recipe } from '../types';
import { searchRecipes, type SearchIndex } from './search-index';
import type { RecipeSummary } from './summary';
import { compareNames } from '../format';

export type RecipeSort = 'best' | 'name' | 'recent' | 'points';

/** Latest planned date of each recipe. */
export function lastUsedDates(meals: readonly Meal[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const meal of meals) {
    if (meal.recipe === null) continue;
    const held = out.get(meal.recipe);
    if (held === undefined || meal.date > held) out.set(meal.recipe, meal.date);
  }
  return out;
}

/** Every tag of a library once, sorted. */
export function libraryTags(recipes: readonly Recipe[]): string[] {
  return [...new Set(recipes.flatMap((recipe) => recipe.tags))].sort(compareNames);
}

/** Every crop a library uses, named after one of its foods, with how many recipes use it; sorted by name. */
export function libraryCrops(summaries: Iterable<RecipeSummary>): { crop: string; name: string; count: number }[] {
  const byCrop = new Map<string, { crop: string; name: string; count: number }>();
  for (const summary of summaries) {
    for (const plant of summary.plants) {
      const held = byCrop.get(plant.crop);
      if (held) held.count += 1;
      else byCrop.set(plant.crop, { crop: plant.crop, name: plant.name, count: 1 });
    }
  }
  return [...byCrop.values()].sort((a, b) => compareNames(a.name, b.name));
}

/** The crops of a recipe that score and are not among the week's planned crop keys. */
export function newPlants(summary: RecipeSummary | undefined, planned: ReadonlySet<string>): RecipeSummary['plants'] {
  if (!summary) return [];
  return summary.plants.filter((plant) => plant.points > 0 && !planned.has(plant.key));
}

export interface RecipeFilter {
  tag: string;
  crop: string;
  /** The week's planned crop keys when only recipes adding new plants are wanted, else null. */
  planned: ReadonlySet<string> | null;
}

/** Ids of the recipes every filter allows, or undefined when no filter is on. */
export function filterRecipes(
  recipes: readonly Recipe[],
  summaries: ReadonlyMap<string, RecipeSummary>,
  filter: RecipeFilter,
): Set<string> | undefined {
  if (!filter.tag && !filter.crop && !filter.planned) return undefined;
  const out = new Set<string>();
  for (const recipe of recipes) {
    if (filter.tag && !recipe.tags.includes(filter.tag)) continue;
    const summary = summaries.get(recipe.id);
    if (filter.crop && !summary?.plants.some((plant) => plant.crop === filter.crop)) continue;
    if (filter.planned && newPlants(summary, filter.planned).length === 0) continue;
    out.add(recipe.id);
  }
  return out;
}

export interface OrderOptions {
  sort: RecipeSort;
  limit: number;
  allowed?: ReadonlySet<string>;
  lastUsed: ReadonlyMap<string, string>;
  summaries: ReadonlyMap<string, RecipeSummary>;
}

/**
 * The matches of a query in the chosen order, cut to `limit`, with the total:
 * best match (name order without a query), name, most recently planned first,
 * or most plant points first; ties keep the best-match order.
 */
export function orderRecipes(index: SearchIndex, query: string, options: OrderOptions): { ids: string[]; total: number } {
  const hasQuery = query.trim() !== '';
  if (options.sort === 'best' || (options.sort === 'name' && !hasQuery)) {
    return searchRecipes(index, query, options.limit, options.allowed);
  }
  const found = searchRecipes(index, query, Number.POSITIVE_INFINITY, options.allowed);
  const position = new Map(found.ids.map((id, n) => [id, n]));
  const ids = [...found.ids];
  if (options.sort === 'name') {
    const rank = new Map(index.ids.map((id, n) => [id, index.nameRank[n]]));
    ids.sort((a, b) => rank.get(a)! - rank.get(b)!);
  } else if (options.sort === 'recent') {
    const used = options.lastUsed;
    const dateOf = (id: string) => used.get(id) ?? '';
    // ISO dates compare as plain strings, much faster than localeCompare.
    ids.sort((a, b) => {
      const da = dateOf(a);
      const db = dateOf(b);
      return da < db ? 1 : da > db ? -1 : position.get(a)! - position.get(b)!;
    });
  } else {
    const summaries = options.summaries;
    ids.sort((a, b) => (summaries.get(b)?.plantPoints ?? 0) - (summaries.get(a)?.plantPoints ?? 0) || position.get(a)! - position.get(b)!);
  }
  return { ids: ids.slice(0, Math.max(0, options.limit)), total: found.total };
}
