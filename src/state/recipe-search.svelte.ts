import {
  buildSearchIndex,
  documentTokens,
  filterRecipes,
  lastUsedDates,
  libraryCrops,
  libraryTags,
  lineTexts,
  newPlants,
  orderRecipes,
  recipeSummary,
  type RecipeSort,
  type RecipeSummary,
  type SearchDocument,
  type SearchIndex,
} from '../core/recipes';
import type { LineParser } from '../core/plan/resolve';
import { scoringSettingsOf, type ScoringSettings } from '../core/scoring';
import type { Recipe } from '../core/types';
import { readMealsByRecipe } from '../db/meals-repository';
import { catalog } from './catalog.svelte';
import { db } from './database';
import { live } from './live.svelte';
import { weekScore } from './week-score.svelte';
import { recipes } from './recipes.svelte';
import { settings } from './settings.svelte';

export type { RecipeSort };

/** How many results a page shows before "Show more". */
export const PAGE_SIZE = 25;

const EMPTY: ReadonlyMap<never, never> = mapOf([]);

/** A read-only map, replaced whole rather than mutated. */
function mapOf<K, V>(entries: readonly (readonly [K, V])[]): ReadonlyMap<K, V> {
  return new Map(entries);
}

/** A read-only set, replaced whole rather than mutated. */
function setOf<T>(values: readonly T[]): ReadonlySet<T> {
  return new Set(values);
}

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

  #summaries = $state.raw<ReadonlyMap<string, RecipeSummary>>(EMPTY);
  /** The recipe list the summaries were completed for. */
  #summarised = $state.raw<readonly Recipe[] | null>(null);
  #done = $state(0);
  // Caches keyed by the recipe object: an edit makes a new object, so only it is redone.
  #summaryCache = new WeakMap<Recipe, CachedSummary>();
  #tokenCache = new WeakMap<Recipe, CachedTokens>();
  #job = 0;

  #lastUsed = live(
    () => undefined,
    async () => lastUsedDates(await readMealsByRecipe(db)),
    EMPTY as ReadonlyMap<string, string>,
  );

  /** Summaries are only worked out once a recipe view has been shown, to keep them off startup. */
  #active = $state(false);

  /** Starts summarising the library (recipe views call this when they first show). */
  activate(): void {
    this.#active = true;
  }

  constructor() {
    $effect.root(() => {
      $effect(() => {
        if (!this.#active) return;
        const list = recipes.all;
        const parse = catalog.parse;
        const ready = catalog.ready;
        const scoring = scoringSettingsOf(settings.current);
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

  /** True while some recipes still wait for their summary. */
  readonly analysing = $derived(this.#summarised !== recipes.all);
  /** Share of the library summarised so far, 0..1. */
  readonly progress = $derived(!this.analysing || recipes.all.length === 0 ? 1 : Math.min(1, this.#done / recipes.all.length));

  #summarise(list: readonly Recipe[], parse: LineParser, scoring: ScoringSettings): void {
    const job = ++this.#job;
    const settingsKey = JSON.stringify(scoring);
    const out: [string, RecipeSummary][] = [];
    let next = 0;
    const step = () => {
      if (job !== this.#job) return;
      const until = performance.now() + SLICE_MS;
      while (next < list.length && performance.now() < until) {
        const recipe = list[next];
        next += 1;
        const cached = this.#summaryCache.get(recipe);
        if (cached && cached.parse === parse && cached.settingsKey === settingsKey) {
          out.push([recipe.id, cached.summary]);
          continue;
        }
        const summary = recipeSummary(recipe, parse, catalog.lookup, scoring);
        this.#summaryCache.set(recipe, { parse, settingsKey, summary });
        out.push([recipe.id, summary]);
      }
      this.#done = next;
      if (next >= list.length) {
        this.#summaries = mapOf(out);
        this.#summarised = list;
      } else {
        setTimeout(step, 0);
      }
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
        ingredients: lineTexts(recipe.ingredients),
        plants: summaries.get(recipe.id)?.plants.flatMap((plant) => [plant.name, plant.crop.replace(/-/g, ' ')]) ?? [],
      },
    }));
    const byId = mapOf(docs.map((entry) => [entry.doc.id, entry.recipe] as const));
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
  readonly tags: string[] = $derived(libraryTags(recipes.all));

  /** Every crop the library's recipes use, with a readable name, sorted by name. */
  readonly crops: { crop: string; name: string; count: number }[] = $derived(libraryCrops(this.#summaries.values()));

  /** The week's planned crop keys. */
  readonly #planned: ReadonlySet<string> = $derived(setOf(weekScore.score.plants.map((plant) => plant.key)));

  /** Crops this recipe would add to the week on screen (not planned yet). */
  newPlantsFor(id: string): RecipeSummary['plants'] {
    return newPlants(this.#summaries.get(id), this.#planned);
  }

  /** Ids the filters allow, or undefined when no filter is on. */
  readonly #allowed: ReadonlySet<string> | undefined = $derived(
    filterRecipes(recipes.all, this.#summaries, { tag: this.tag, crop: this.crop, planned: this.newOnly ? this.#planned : null }),
  );

  readonly filtering = $derived(!!this.tag || !!this.crop || this.newOnly || this.query.trim() !== '');

  /** The matches in the chosen order: the first `limit` recipes and the total. */
  readonly results: { recipes: Recipe[]; total: number } = $derived.by(() => {
    const found = orderRecipes(this.#index, this.query, {
      sort: this.sort,
      limit: this.limit,
      allowed: this.#allowed,
      lastUsed: this.lastUsed,
      summaries: this.#summaries,
    });
    const byId = recipes.byId;
    return { recipes: found.ids.map((id) => byId.get(id)).filter((r): r is Recipe => !!r), total: found.total };
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
