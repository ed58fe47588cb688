import { recordProblem } from '../core/backup/schema';
import { readRecipeForm, type RecipeFormValues } from '../core/recipes';
import type { Recipe } from '../core/types';

const DRAFT_PREFIX = 'thirtyfold.recipe-draft.';
/** The stored recipe a draft was typed over, so that a draft brought back after a reload is still checked against it. */
const BASE_PREFIX = 'thirtyfold.recipe-draft-base.';

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
  /** The recipe the draft of `key` was typed over, or null when none was kept (or it is not a valid recipe). */
  base(key: string): Recipe | null {
    const text = sessionStorage.getItem(BASE_PREFIX + key);
    if (text === null) return null;
    try {
      const base: unknown = JSON.parse(text);
      return recordProblem('recipes', base) === null && (base as Recipe).id === key ? (base as Recipe) : null;
    } catch {
      return null;
    }
  },
  save(key: string, draft: RecipeFormValues): void {
    sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify($state.snapshot(draft)));
  },
  /** Keeps the recipe the editor of `key` started from (none for a new recipe). */
  keepBase(key: string, base: Recipe | undefined): void {
    if (base) sessionStorage.setItem(BASE_PREFIX + key, JSON.stringify($state.snapshot(base)));
    else sessionStorage.removeItem(BASE_PREFIX + key);
  },
  clear(key: string): void {
    sessionStorage.removeItem(DRAFT_PREFIX + key);
    sessionStorage.removeItem(BASE_PREFIX + key);
  },
};
