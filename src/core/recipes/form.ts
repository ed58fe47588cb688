import { LIMITS, isServings } from '../backup/schema';
import { formatCount } from '../format';
import type { IngredientLine, Recipe } from '../types';
import { linesFromLegacy, tidyLines, type LegacyOverrides } from './lines';

/** What the recipe editor holds while the user types: the lines as records, the rest as typed. */
export interface RecipeFormValues {
  name: string;
  servings: number | null;
  /** Every line of the ingredients box, blank ones too, in order. */
  lines: IngredientLine[];
  steps: string;
  tags: string;
  source: string;
  prepMinutes: number | null;
  cookMinutes: number | null;
}

/** Field → the sentence saying what to fix. */
export type RecipeFormErrors = Partial<Record<'name' | 'servings' | 'prepMinutes' | 'cookMinutes', string>>;

/** An empty new recipe: four servings, one blank line. */
export function emptyRecipeForm(lineId: string): RecipeFormValues {
  return { name: '', servings: 4, lines: [{ id: lineId, text: '' }], steps: '', tags: '', source: '', prepMinutes: null, cookMinutes: null };
}

/** The editor's values for a stored recipe. */
export function recipeFormOf(recipe: Recipe, blankLineId: string): RecipeFormValues {
  return {
    name: recipe.name,
    servings: recipe.servings,
    lines: recipe.ingredients.length > 0 ? recipe.ingredients.map((line) => ({ ...line })) : [{ id: blankLineId, text: '' }],
    steps: recipe.steps.join('\n'),
    tags: recipe.tags.join(', '),
    source: recipe.source ?? '',
    prepMinutes: recipe.prepMinutes,
    cookMinutes: recipe.cookMinutes,
  };
}

/** What is wrong with the values, field by field; empty when they can be saved. */
export function validateRecipeForm(values: Pick<RecipeFormValues, 'name' | 'servings' | 'prepMinutes' | 'cookMinutes'>): RecipeFormErrors {
  const errors: RecipeFormErrors = {};
  if (values.name.trim() === '') errors.name = 'Give the recipe a name.';
  if (!isServings(values.servings)) {
    const tooMany = typeof values.servings === 'number' && values.servings > LIMITS.servings;
    errors.servings = tooMany ? `Servings can be at most ${formatCount(LIMITS.servings)}.` : 'Servings must be a number above 0.';
  }
  for (const field of ['prepMinutes', 'cookMinutes'] as const) {
    const value = values[field];
    if (value !== null && value !== undefined && (!Number.isFinite(value) || value < 0)) errors[field] = 'Minutes must be 0 or more, or left empty.';
  }
  return errors;
}

/** Comma-separated tags, trimmed, without repeats (the first spelling wins). */
export function readTags(text: string): string[] {
  const tags: string[] = [];
  for (const tag of text.split(',').map((t) => t.trim()).filter(Boolean)) {
    if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}

/** The recipe fields to save from valid values: blank lines and steps dropped, tags read. */
export function recipeFieldsOf(
  values: RecipeFormValues,
): Pick<Recipe, 'name' | 'servings' | 'ingredients' | 'steps' | 'tags' | 'source' | 'prepMinutes' | 'cookMinutes'> {
  return {
    name: values.name.trim(),
    servings: values.servings as number,
    ingredients: tidyLines(values.lines),
    steps: values.steps
      .split('\n')
      .map((step) => step.trim())
      .filter(Boolean),
    tags: readTags(values.tags),
    source: values.source.trim() || null,
    prepMinutes: values.prepMinutes ?? null,
    cookMinutes: values.cookMinutes ?? null,
  };
}

function isLine(value: unknown): value is IngredientLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.id === 'string' &&
    typeof line.text === 'string' &&
    (line.food === undefined || line.food === null || typeof line.food === 'string') &&
    (line.grams === undefined || (typeof line.grams === 'number' && Number.isFinite(line.grams) && line.grams >= 0))
  );
}

/**
 * Editor values read back from a saved draft, or null when it is not one.
 * Drafts kept before lines were records (the lines as one text, fixes keyed by
 * line index) are read too.
 */
export function readRecipeForm(value: unknown): RecipeFormValues | null {
  if (!value || typeof value !== 'object') return null;
  const draft = value as Record<string, unknown>;
  if (typeof draft.name !== 'string') return null;
  let lines: IngredientLine[];
  if (Array.isArray(draft.lines) && draft.lines.length > 0 && draft.lines.every(isLine)) {
    lines = draft.lines.map((line) => ({ ...line }));
  } else if (typeof draft.ingredients === 'string') {
    const overrides = draft.overrides && typeof draft.overrides === 'object' ? (draft.overrides as LegacyOverrides) : undefined;
    lines = linesFromLegacy(draft.ingredients.split('\n'), overrides);
  } else {
    return null;
  }
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  const count = (field: unknown) => (typeof field === 'number' ? field : null);
  return {
    name: draft.name,
    servings: count(draft.servings),
    lines,
    steps: text(draft.steps),
    tags: text(draft.tags),
    source: text(draft.source),
    prepMinutes: count(draft.prepMinutes),
    cookMinutes: count(draft.cookMinutes),
  };
}
