import { readRecipeForm, type RecipeFormValues } from '../core/recipes';

const DRAFT_PREFIX = 'thirtyfold.recipe-draft.';

/**
 * Unsaved editor contents, kept in the window's session storage so a reload
 * or an unexpected navigation loses nothing; `key` is the recipe id or "new".
 */
export const recipeDrafts = {
  load(key: string): RecipeFormValues | null {
    const text = sessionStorage.getItem(DRAFT_PREFIX + key);
    if (text === null) return null;
    try {
      return readRecipeForm(JSON.parse(text));
    } catch {
      // A draft that no longer parses is treated as no draft.
      return null;
    }
  },
  save(key: string, draft: RecipeFormValues): void {
    sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify($state.snapshot(draft)));
  },
  clear(key: string): void {
    sessionStorage.removeItem(DRAFT_PREFIX + key);
  },
};
