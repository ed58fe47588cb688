import { LIMITS } from '../core/backup/schema';
import type { Recipe } from '../core/types';
import { countRecipes, deleteRecipesAndMeals, putRecipesAndMeals, readFirstRecipes, readLibrary, removeRecipes, saveRecipe } from '../db/recipe-repository';
import { db } from './database';
import { newId, nowIso } from './ids';
import { live } from './live.svelte';
import { undoStack } from './undo.svelte';

/** Recipes by id; rebuilt whole when the library changes, never mutated. */
export function recipesById(list: readonly Recipe[]): ReadonlyMap<string, Recipe> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a fresh map per result, never mutated
  return new Map(list.map((recipe) => [recipe.id, recipe]));
}

const NONE: Recipe[] = [];

/** The name of a copy: "Dal (copy)", the original cut so the whole stays within the name limit. */
export function copyName(name: string, label = 'copy'): string {
  const suffix = ` (${label})`;
  return name.slice(0, LIMITS.name - suffix.length) + suffix;
}

/** How many recipes the planner's list shows before the user searches. */
export const FIRST_RECIPES = 30;

/**
 * The recipe library, live from the database. The whole library is read only
 * once `load()` is called (by the boot sequence for the Recipes and Scores
 * views, and by a search or an import that needs every name): the planner
 * opens on its count, its first recipes by name, and the week's own recipes
 * (see `plan`). Reading `all`, `byId` or `ready` never starts it.
 */
export class RecipesState {
  #wanted = $state(false);
  #all = live(
    () => this.#wanted,
    (wanted) => (wanted ? readLibrary(db) : null),
    null as Recipe[] | null,
  );
  #count = live(
    () => undefined,
    () => countRecipes(db),
    0,
  );
  #first = live(
    () => undefined,
    () => readFirstRecipes(db, FIRST_RECIPES),
    NONE,
  );

  /** Starts reading the whole library (once). */
  load(): void {
    this.#wanted = true;
  }

  /** Every recipe by name; empty until the library has been read. */
  get all(): Recipe[] {
    return this.#all.current ?? NONE;
  }

  /** True once the whole library has been read. */
  get ready(): boolean {
    return this.#all.ready && this.#all.current !== null;
  }

  #byId: ReadonlyMap<string, Recipe> = $derived(recipesById(this.#all.current ?? NONE));

  get byId(): ReadonlyMap<string, Recipe> {
    return this.#byId;
  }

  /** How many recipes the library holds, without reading them. */
  get count(): number {
    return this.#count.current;
  }

  get countReady(): boolean {
    return this.#count.ready;
  }

  /** The first recipes by name, without reading the rest. */
  get first(): Recipe[] {
    return this.#first.current;
  }

  /**
   * Saves a new or edited recipe; returns it as written. `base` is the stored
   * recipe the edit started from (null for a new one): when the stored recipe
   * is no longer that one, nothing is saved and a RecipeConflict is thrown.
   */
  async save(
    recipe: Omit<Recipe, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<Recipe, 'id' | 'createdAt'>>,
    base: Recipe | null = null,
  ): Promise<Recipe> {
    const now = nowIso();
    const plain = $state.snapshot(recipe) as typeof recipe;
    const row: Recipe = {
      ...plain,
      id: plain.id ?? newId('recipe'),
      createdAt: plain.createdAt ?? now,
      updatedAt: now,
    };
    return saveRecipe(db, row, base === null ? null : ($state.snapshot(base) as Recipe));
  }

  /** A copy named "… (copy)"; returns the new id. */
  async duplicate(id: string): Promise<string | null> {
    const recipe = this.byId.get(id);
    if (!recipe) return null;
    const { id: _old, createdAt: _created, updatedAt: _updated, rev: _rev, ...rest } = $state.snapshot(recipe) as Recipe;
    return (await this.save({ ...rest, name: copyName(recipe.name) })).id;
  }

  /** Deletes recipes and the meals that use them, in one transaction, with Undo. */
  async remove(ids: string[]): Promise<void> {
    const removed = await removeRecipes(db, ids);
    if (removed.recipes.length === 0) return;
    const label =
      removed.recipes.length === 1 ? `Deleted "${removed.recipes[0].name}"` : `Deleted ${removed.recipes.length} recipes`;
    undoStack.push(
      removed.meals.length ? `${label} and ${removed.meals.length} planned meal${removed.meals.length === 1 ? '' : 's'}` : label,
      () => putRecipesAndMeals(db, removed),
      () => deleteRecipesAndMeals(db, removed),
    );
  }
}

export const recipes = new RecipesState();
