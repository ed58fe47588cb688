import { sameData } from '../core/equal';
import type { Recipe } from '../core/types';
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
