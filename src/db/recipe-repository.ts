import { sameData } from '../core/equal';
import type { Meal, Recipe } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

/**
 * Thrown by saveRecipe when the stored recipe is no longer the one the change
 * was made from (saved in another window, or changed by household sync);
 * nothing was written. `theirs` is the stored recipe, or null when it was
 * deleted.
 */
export class RecipeConflict extends Error {
  override name = 'RecipeConflict';
  readonly theirs: Recipe | null;

  constructor(theirs: Recipe | null) {
    super(
      theirs
        ? `“${theirs.name}” was changed in another window or device since it was opened here; nothing was saved`
        : 'this recipe was deleted in another window or device since it was opened here; nothing was saved',
    );
    this.theirs = theirs;
  }
}

/** The stored fields that say which version of a recipe this is: all but the parser's derived reading. */
function content(recipe: Recipe): Omit<Recipe, 'parsed'> {
  const { parsed: _parsed, ...rest } = recipe;
  return rest;
}

/**
 * True when `stored` is still the version `base` was read as: the same save
 * count (`rev`), save time and fields. The fields count too because household
 * sync merges two devices' saves of one version field by field, which keeps
 * the count and time of one of them.
 */
export function isSameVersion(stored: Recipe | undefined, base: Recipe | undefined): boolean {
  if (!stored || !base) return stored === base;
  return (stored.rev ?? 0) === (base.rev ?? 0) && sameData(content(stored), content(base));
}

/**
 * Saves a recipe in one read-write transaction that first checks the stored
 * recipe is still `base`, the version the change was made from (null for a
 * new recipe: then no recipe may have its id). On a mismatch it writes
 * nothing and throws a RecipeConflict holding the stored recipe. The saved
 * recipe's `rev` is the stored one's plus one; the write is checked with the
 * backup schema like every other. Returns what was written.
 */
export async function saveRecipe(db: ThirtyfoldDatabase, recipe: Recipe, base: Recipe | null): Promise<Recipe> {
  return db.transaction('rw', db.recipes, async () => {
    const stored = await db.recipes.get(recipe.id);
    if (!isSameVersion(stored, base ?? undefined)) throw new RecipeConflict(stored ?? null);
    const row: Recipe = { ...recipe, rev: (stored?.rev ?? 0) + 1 };
    await db.recipes.put(row);
    return row;
  });
}

/** Recipes and meals taken out or put in together: what one delete, import or restore of a week changed, for its Undo and Redo. */
export interface RecipesAndMeals {
  recipes: Recipe[];
  meals: Meal[];
}

/** Puts recipes and meals back as they were, in one transaction (Undo of a delete, Redo of an import). */
export function putRecipesAndMeals(db: ThirtyfoldDatabase, rows: RecipesAndMeals): Promise<void> {
  return db.transaction('rw', db.recipes, db.meals, async () => {
    await db.recipes.bulkPut(rows.recipes);
    await db.meals.bulkPut(rows.meals);
  });
}

/** Takes recipes and meals out, in one transaction (Redo of a delete, Undo of an import). */
export function deleteRecipesAndMeals(db: ThirtyfoldDatabase, rows: RecipesAndMeals): Promise<void> {
  return db.transaction('rw', db.recipes, db.meals, async () => {
    await db.meals.bulkDelete(rows.meals.map((meal) => meal.id));
    await db.recipes.bulkDelete(rows.recipes.map((recipe) => recipe.id));
  });
}

/**
 * Deletes recipes and every meal that eats them, plus the meals `alsoMeals`
 * names, in one transaction; `keep` may spare some of the recipes (a starter
 * recipe the user edited). Returns what was deleted, to put back on Undo.
 */
export function removeRecipes(
  db: ThirtyfoldDatabase,
  ids: readonly string[],
  options: { keep?: (recipe: Recipe) => boolean; alsoMeals?: readonly string[] } = {},
): Promise<RecipesAndMeals> {
  return db.transaction('rw', db.recipes, db.meals, async () => {
    const stored = (await db.recipes.bulkGet([...ids])).filter((recipe): recipe is Recipe => !!recipe);
    const recipes = options.keep ? stored.filter((recipe) => !options.keep!(recipe)) : stored;
    const gone = recipes.map((recipe) => recipe.id);
    const eating = gone.length ? await db.meals.where('recipe').anyOf(gone).toArray() : [];
    const extra = options.alsoMeals?.length ? (await db.meals.bulkGet([...options.alsoMeals])).filter((meal): meal is Meal => !!meal) : [];
    const meals = [...eating, ...extra.filter((meal) => !eating.some((eats) => eats.id === meal.id))];
    const removed = { recipes, meals };
    await deleteRecipesAndMeals(db, removed);
    return removed;
  });
}

/** The meals that eat any of these recipes. */
export function mealsEating(db: ThirtyfoldDatabase, ids: readonly string[]): Promise<Meal[]> {
  return ids.length ? db.meals.where('recipe').anyOf([...ids]).toArray() : Promise.resolve([]);
}

/** Adds new recipes in one transaction (an import). */
export function addRecipes(db: ThirtyfoldDatabase, rows: readonly Recipe[]): Promise<void> {
  return db.transaction('rw', db.recipes, async () => {
    await db.recipes.bulkAdd([...rows]);
  });
}

/** The whole library by name (the Recipes view, search, suggestions). */
export function readLibrary(db: ThirtyfoldDatabase): Promise<Recipe[]> {
  return db.recipes.orderBy('name').toArray();
}

/** How many recipes the library holds. */
export function countRecipes(db: ThirtyfoldDatabase): Promise<number> {
  return db.recipes.count();
}

/** The first `limit` recipes by name (the planner's sidebar before the library is loaded). */
export function readFirstRecipes(db: ThirtyfoldDatabase, limit: number): Promise<Recipe[]> {
  return db.recipes.orderBy('name').limit(limit).toArray();
}

/** Deletes one recipe (a new recipe's Undo). */
export async function deleteRecipe(db: ThirtyfoldDatabase, id: string): Promise<void> {
  await db.recipes.delete(id);
}

/** One recipe as stored (undefined: not in the library). */
export function readRecipe(db: ThirtyfoldDatabase, id: string): Promise<Recipe | undefined> {
  return db.recipes.get(id);
}

/** Puts a recipe back as it was (an Undo of a save). */
export async function putRecipeBack(db: ThirtyfoldDatabase, recipe: Recipe): Promise<void> {
  await db.recipes.put(recipe);
}
