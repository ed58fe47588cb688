import {
  buildSearchIndex,
  documentTokens,
  recipeSummary,
  searchRecipes,
  type RecipeSummary,
  type SearchDocument,
  type SearchIndex,
} from '../core/recipes';
import type { LineParser } from '../core/plan/resolve';
import type { Meal, Recipe } from '../core/types';
import { catalog } from './catalog.svelte';
import { db } from './database';
import { live } from './live.svelte';
import { plan, scoringSettings } from './plan.svelte';
import { recipes } from './recipes.svelte';
import { settings } from './settings.svelte';

export type RecipeSort = 'best' | 'name' | 'recent' | 'points';

/** How many results a page shows before "Show more". */
export const PAGE_SIZE = 100;

/** Time one slice of background summarising may take before yielding to the page. */
const SLICE_MS = 12;

interface CachedSummary {
  parse: LineParser;
  settingsKey: string;
  summary: RecipeSummary;
}

interface CachedTokens {
  plantsKey: string;
  tokens: ReadonlyMap<string, number>;
}

/** Latest date each recipe was planned, from the meals' `recipe` index. */
async function lastUsedByRecipe(): Promise<Map<string, string>> {
  const meals: Meal[] = await db.meals.orderBy('recipe').toArray();
  const out = new Map<string, string>();
  for (const meal of meals) {
    if (meal.recipe === null) continue;
    const held = out.get(meal.recipe);
    if (held === undefined || meal.date > held) out.set(meal.recipe, meal.date);
  }
  return out;
}

/**
 * The recipe library's search: query, filters and sort, a prefix index over
 * names, ingredient lines and matched plants, and each recipe's own scores
 * (computed in short background slices so a big library never freezes the page).
 */
export class RecipeSearchState {
  query = $state('');
  tag = $state('');
  crop = $state('');
  newOnly = $state(false);
  sort = $state<RecipeSort>('best');
  limit = $state(PAGE_SIZE);

  #summaries = $state.raw(new Map<string, RecipeSummary>());
  /** The recipe list the summaries were completed for. */
  #summarised = $state.raw<readonly Recipe[] | null>(null);
  #done = $state(0);
  // Caches keyed by the recipe object: an edit makes a new object, so only it is redone.
  #summaryCache = new WeakMap<Recipe, CachedSummary>();
  #tokenCache = new WeakMap<Recipe, CachedTokens>();
  #job = 0;

  #lastUsed = live(
    () => undefined,
    () => lastUsedByRecipe(),
    new Map<string, string>(),
  );

  constructor() {
    $effect.root(() => {
      $effect(() => {
        const list = recipes.all;
        const parse = catalog.parse;
        const ready = catalog.ready;
        const scoring = scoringSettings(settings.current);
        if (!ready) return;
        this.#summarise(list, parse, scoring);
      });
    });
  }

  /** Latest planned date per recipe id. */
  get lastUsed(): ReadonlyMap<string, string> {
    return this.#lastUsed.current;
  }

  /** Each recipe's own scores by id; complete when `analysing` is false. */
  get summaries(): ReadonlyMap<string, RecipeSummary> {
    return this.#summaries;
  }

  /** Share of the library summarised so far, 0..1. */
  readonly analysing = $derived(this.#summarised !== recipes.all);
  readonly progress = $derived(!this.analysing || recipes.all.length === 0 ? 1 : Math.min(1, this.#done / recipes.all.length));

  #summarise(list: readonly Recipe[], parse: LineParser, scoring: ReturnType<typeof scoringSettings>): void {
    const job = ++this.#job;
    const settingsKey = JSON.stringify(scoring);
    const out = new Map<string, RecipeSummary>();
    let next = 0;
    const step = () => {
      if (job !== this.#job) return;
      const until = performance.now() + SLICE_MS;
      while (next < list.length && performance.now() < until) {
        const recipe = list[next];
        next += 1;
        const cached = this.#summaryCache.get(recipe);
        if (cached && cached.parse === parse && cached.settingsKey === settingsKey) {
          out.set(recipe.id, cached.summary);
          continue;
        }
        const summary = recipeSummary(recipe, parse, catalog.lookup, scoring);
        this.#summaryCache.set(recipe, { parse, settingsKey, summary });
        out.set(recipe.id, summary);
      }
      this.#done = next;
      if (next >= list.length) {
        this.#summaries = out;
        this.#summarised = list;
      }
      else setTimeout(step, 0);
    };
    step();
  }

  /** The index; a recipe's plant names join once it is summarised. */
  readonly #index: SearchIndex = $derived.by(() => {
    const summaries = this.#summaries;
    const docs: { doc: SearchDocument; recipe: Recipe }[] = recipes.all.map((recipe) => ({
      recipe,
      doc: {
        id: recipe.id,
        name: recipe.name,
        ingredients: recipe.ingredients,
        plants: summaries.get(recipe.id)?.plants.flatMap((plant) => [plant.name, plant.crop.replace(/-/g, ' ')]) ?? [],
      },
    }));
    const byId = new Map(docs.map((entry) => [entry.doc.id, entry.recipe]));
    return buildSearchIndex(
      docs.map((entry) => entry.doc),
      (doc) => {
        const recipe = byId.get(doc.id)!;
        const plantsKey = doc.plants.join('|');
        const cached = this.#tokenCache.get(recipe);
        if (cached && cached.plantsKey === plantsKey) return cached.tokens;
        const tokens = documentTokens(doc);
        this.#tokenCache.set(recipe, { plantsKey, tokens });
        return tokens;
      },
    );
  });

  /** Every tag in the library, sorted. */
  readonly tags: string[] = $derived([...new Set(recipes.all.flatMap((recipe) => recipe.tags))].sort((a, b) => a.localeCompare(b)));

  /** Every crop the library's recipes use, with a readable name, sorted by name. */
  readonly crops: { crop: string; name: string; count: number }[] = $derived.by(() => {
    const byCrop = new Map<string, { crop: string; name: string; count: number }>();
    for (const summary of this.#summaries.values()) {
      for (const plant of summary.plants) {
        const held = byCrop.get(plant.crop);
        if (held) held.count += 1;
        else byCrop.set(plant.crop, { crop: plant.crop, name: plant.name, count: 1 });
      }
    }
    return [...byCrop.values()].sort((a, b) => a.name.localeCompare(b.name));
  });

  /** Crops this recipe would add to the week on screen (not planned yet). */
  newPlantsFor(id: string): { key: string; name: string; points: number }[] {
    const summary = this.#summaries.get(id);
    if (!summary) return [];
    const planned = new Set(plan.score.plants.map((plant) => plant.key));
    return summary.plants.filter((plant) => plant.points > 0 && !planned.has(plant.key));
  }

  /** Ids the filters allow, or undefined when no filter is on. */
  readonly #allowed: ReadonlySet<string> | undefined = $derived.by(() => {
    if (!this.tag && !this.crop && !this.newOnly) return undefined;
    const planned = this.newOnly ? new Set(plan.score.plants.map((plant) => plant.key)) : null;
    const out = new Set<string>();
    for (const recipe of recipes.all) {
      if (this.tag && !recipe.tags.includes(this.tag)) continue;
      const summary = this.#summaries.get(recipe.id);
      if (this.crop && !summary?.plants.some((plant) => plant.crop === this.crop)) continue;
      if (planned && !summary?.plants.some((plant) => plant.points > 0 && !planned.has(plant.key))) continue;
      out.add(recipe.id);
    }
    return out;
  });

  readonly filtering = $derived(!!this.tag || !!this.crop || this.newOnly || this.query.trim() !== '');

  /** The matches in the chosen order: the first `limit` recipes and the total. */
  readonly results: { recipes: Recipe[]; total: number } = $derived.by(() => {
    const index = this.#index;
    const byId = recipes.byId;
    const sort = this.sort;
    if (sort === 'best' || sort === 'name') {
      const hasQuery = this.query.trim() !== '';
      const found = searchRecipes(index, this.query, sort === 'best' || !hasQuery ? this.limit : Number.POSITIVE_INFINITY, this.#allowed);
      let ids = found.ids;
      if (sort === 'name' && hasQuery) {
        const rank = new Map(index.ids.map((id, n) => [id, index.nameRank[n]]));
        ids = [...ids].sort((a, b) => rank.get(a)! - rank.get(b)!).slice(0, this.limit);
      }
      return { recipes: ids.map((id) => byId.get(id)).filter((r): r is Recipe => !!r), total: found.total };
    }
    const found = searchRecipes(index, this.query, Number.POSITIVE_INFINITY, this.#allowed);
    const position = new Map(found.ids.map((id, n) => [id, n]));
    const ids = [...found.ids];
    if (sort === 'recent') {
      const used = this.lastUsed;
      ids.sort((a, b) => (used.get(b) ?? '').localeCompare(used.get(a) ?? '') || position.get(a)! - position.get(b)!);
    } else {
      const summaries = this.#summaries;
      ids.sort((a, b) => (summaries.get(b)?.plantPoints ?? 0) - (summaries.get(a)?.plantPoints ?? 0) || position.get(a)! - position.get(b)!);
    }
    return {
      recipes: ids
        .slice(0, this.limit)
        .map((id) => byId.get(id))
        .filter((r): r is Recipe => !!r),
      total: found.total,
    };
  });

  showMore(): void {
    this.limit += PAGE_SIZE;
  }

  clearFilters(): void {
    this.query = '';
    this.tag = '';
    this.crop = '';
    this.newOnly = false;
    this.limit = PAGE_SIZE;
  }
}

export const recipeSearch = new RecipeSearchState();
