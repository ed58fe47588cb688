// Maps and sets here are rebuilt inside $derived, never mutated, so plain ones are right.
/* eslint-disable svelte/prefer-svelte-reactivity */
import catalogUrl from '../../resources/foods/catalog.json?url';
import { parseKey } from '../core/recipes/lines';
import { compareNames } from '../core/format';
import { createIngredientParser } from '../core/ingredients';
import type { FoodLookup, LineParser } from '../core/plan/resolve';
import type { Food } from '../core/types';
import { readUserFoods, removeUserFood, saveUserFood } from '../db/foods-repository';
import { db } from './database';
import { live } from './live.svelte';

/** The shipped catalog, fetched once as a static asset (JSON parses faster than a JS module). */
async function fetchCatalog(): Promise<Food[]> {
  const response = await fetch(catalogUrl);
  if (!response.ok) throw new Error(`The food catalog could not be loaded (${response.status}).`);
  return (await response.json()) as Food[];
}

/**
 * Every food the app knows: the shipped catalog with the user's own foods and
 * edits on top (same id replaces), plus a memoised ingredient parser over them.
 *
 * The shipped file is read when `load()` is called — by the boot sequence
 * (`boot.svelte.ts`): for a view that needs foods, for a week whose scores
 * are not remembered, and once the app is idle after its first view — so a
 * start that needs no food data (an empty week, or a week whose scores are
 * remembered) does not decode and parse it first. Reading a value never
 * starts it.
 */
export class CatalogState {
  #shipped = $state.raw<Food[]>([]);
  #shippedReady = $state(false);
  #requested = false;
  error = $state<string | null>(null);
  #custom = live(
    () => undefined,
    () => readUserFoods(db),
    [] as Food[],
  );

  /** Starts reading the shipped catalog, once. */
  load(): void {
    if (this.#requested) return;
    this.#requested = true;
    fetchCatalog().then(
      (foods) => {
        this.#shipped = foods;
        this.#shippedReady = true;
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
  }

  readonly #ready = $derived(this.#shippedReady && this.#custom.ready);
  get ready(): boolean {
    return this.#ready;
  }

  /** The user's own foods have been read (the shipped catalog may still be loading). */
  get customReady(): boolean {
    return this.#custom.ready;
  }

  /** What the foods are made of: the shipped file (its name carries a hash of its content) and the user's own foods. */
  readonly identity = $derived({ shipped: catalogUrl, custom: this.#custom.current });

  /** Shipped foods with custom foods replacing or adding by id (lookups need no sorting, so this map comes first). */
  readonly #byId: ReadonlyMap<string, Food> = $derived.by(() => {
    const byId = new Map(this.#shipped.map((food) => [food.id, food]));
    for (const food of this.#custom.current) byId.set(food.id, food);
    return byId;
  });
  get byId(): ReadonlyMap<string, Food> {
    return this.#byId;
  }

  /** Every food, sorted by name. */
  readonly #foods: Food[] = $derived([...this.#byId.values()].sort((a, b) => compareNames(a.name, b.name)));
  get foods(): Food[] {
    return this.#foods;
  }

  /** Ids of foods that differ from (or are absent in) the shipped catalog. */
  readonly customIds: ReadonlySet<string> = $derived(new Set(this.#custom.current.map((food) => food.id)));

  /**
   * Finds a food by id. Until the shipped catalog has loaded it knows the
   * user's own foods only, and it changes when the catalog arrives, so what
   * depends on it follows.
   */
  readonly lookup: FoodLookup = $derived.by(() => {
    const map = this.#byId;
    return (id: string) => map.get(id);
  });

  /**
   * Names the foods once every one is known (`parseKey`: the shipped file and
   * the user's own foods), undefined before: readings stored with recipes
   * under the same key are used as they are. Worked out without building the
   * parser.
   */
  readonly #key: string | undefined = $derived(this.#ready ? parseKey(catalogUrl, this.#custom.current) : undefined);
  get key(): string | undefined {
    return this.#key;
  }

  /** A parser bound to the current foods; rebuilt only when the foods change. */
  readonly #parse: LineParser = $derived.by(() => {
    const key = this.#key;
    const parser = createIngredientParser(this.#foods);
    return key === undefined ? parser : Object.assign(parser, { key });
  });
  get parse(): LineParser {
    return this.#parse;
  }

  /** The shipped version of a food, to reset an edit. */
  shipped(id: string): Food | undefined {
    return this.#shipped.find((food) => food.id === id);
  }

  /** Saves a custom food or an edit of a catalog food. */
  async save(food: Food): Promise<void> {
    await saveUserFood(db, $state.snapshot(food));
  }

  /** Removes a custom food or an edit (the shipped food, if any, comes back). */
  async remove(id: string): Promise<Food | undefined> {
    return removeUserFood(db, id);
  }
}

export const catalog = new CatalogState();
