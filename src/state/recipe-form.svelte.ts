import { applyOverride } from '../core/plan/resolve';
import {
  emptyRecipeForm,
  isHeaderOrBlank,
  recipeFieldsOf,
  recipeFormOf,
  recipeSummary,
  readLines,
  reconcileLines,
  scaleRecipe,
  validateRecipeForm,
  type RecipeFormErrors,
  type RecipeFormValues,
} from '../core/recipes';
import { sameData } from '../core/equal';
import { scoringSettingsOf } from '../core/scoring';
import type { IngredientLine, ParsedLine, Recipe } from '../core/types';
import { deleteRecipe, isSameVersion, RecipeConflict } from '../db/recipe-repository';
import { catalog } from './catalog.svelte';
import { db } from './database';
import { newLineId } from './ids';
import { recipeDrafts } from './recipe-drafts.svelte';
import { copyName, recipes } from './recipes.svelte';
import { settings } from './settings.svelte';
import { undoStack } from './undo.svelte';

/** One ingredient line as the editor shows it: the record, the parser's reading and the reading after the user's fixes. */
export interface LineRow {
  line: IngredientLine;
  /** Place in the ingredients box, from 0. */
  index: number;
  automatic: ParsedLine;
  parsed: ParsedLine;
  /** Blank lines and section headers are not matched. */
  skip: boolean;
}

/** One field where two versions of a recipe differ, as the conflict dialog shows it. */
export interface RecipeDifference {
  /** The field, and for a list the first item that differs ("Ingredients, line 2"). */
  label: string;
  mine: string;
  theirs: string;
}

type Fields = ReturnType<typeof recipeFieldsOf>;

const SHORT = 80;

function short(text: string): string {
  return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
}

function orNone(value: string | number | null): string {
  return value === null || value === '' ? 'none' : short(String(value));
}

/** The first item where two lists differ, named "<label>, <item> <n>"; null when they are equal. */
function firstDifference(label: string, item: string, mine: string[], theirs: string[]): RecipeDifference | null {
  const at = mine.findIndex((text, index) => text !== theirs[index]);
  const index = at >= 0 ? at : mine.length < theirs.length ? mine.length : -1;
  if (index < 0) return null;
  const text = (list: string[]) => (index < list.length ? `“${short(list[index])}”` : 'none');
  return { label: `${label}, ${item} ${index + 1}`, mine: text(mine), theirs: text(theirs) };
}

/** Where `mine` and `theirs` differ, field by field in the editor's order. */
function differences(mine: Fields, theirs: Recipe): RecipeDifference[] {
  const found: (RecipeDifference | null)[] = [];
  const plain = (label: string, a: string | number | null, b: string | number | null) =>
    found.push(sameData(a, b) ? null : { label, mine: orNone(a), theirs: orNone(b) });
  plain('Name', mine.name, theirs.name);
  plain('Servings', mine.servings, theirs.servings);
  plain('Prep minutes', mine.prepMinutes, theirs.prepMinutes);
  plain('Cook minutes', mine.cookMinutes, theirs.cookMinutes);
  const lines = (recipe: Pick<Recipe, 'ingredients'>) => recipe.ingredients.map((line) => line.text);
  found.push(firstDifference('Ingredients', 'line', lines(mine), lines(theirs)));
  if (found.at(-1) === null && !sameData(mine.ingredients, theirs.ingredients)) {
    found.push({ label: 'Ingredients, foods or grams picked', mine: 'as you picked them', theirs: 'as they picked them' });
  }
  found.push(firstDifference('Steps', 'step', mine.steps, theirs.steps));
  plain('Tags', mine.tags.join(', '), theirs.tags.join(', '));
  plain('Source', mine.source, theirs.source);
  return found.filter((difference): difference is RecipeDifference => difference !== null);
}

/** A save that found the stored recipe changed since the editor loaded it: what is stored now (null: it was deleted). */
export interface RecipeFormConflict {
  theirs: Recipe | null;
}

/**
 * The recipe editor's model: the values being typed (lines as records whose
 * ids and fixes follow them through edits of the text), whether they differ
 * from the saved recipe, the draft kept in session storage, and the scores of
 * what is typed. `key` is the recipe id or "new". It remembers the stored
 * recipe the editing started from (`base`), not the recipe as it is now:
 * saving checks the stored one is still that, and otherwise sets `conflict`
 * for the user to choose (keepMine, takeTheirs, keepBoth).
 */
export class RecipeForm {
  values = $state<RecipeFormValues>(emptyRecipeForm(newLineId()));
  errors = $state<RecipeFormErrors>({});
  /** True when the values came back from a draft kept earlier. */
  restored = $state(false);
  /** Set when a save found the recipe changed elsewhere; cleared by a choice or by cancel(). */
  conflict = $state.raw<RecipeFormConflict | null>(null);
  #initial = $state('');
  #start: RecipeFormValues = emptyRecipeForm(newLineId());
  #base = $state.raw<Recipe | undefined>(undefined);
  #keeping = true;
  #baseKept = false;
  readonly key: string;

  constructor(key: string) {
    this.key = key;
  }

  /**
   * Starts from the saved recipe (or an empty one), or from the draft kept for
   * it when that differs; a draft keeps the version it was typed over as its
   * base, so a change saved elsewhere since is still caught.
   */
  start(current: Recipe | undefined): void {
    this.#load(current);
    const draft = recipeDrafts.load(this.key);
    this.restored = draft !== null && JSON.stringify(draft) !== this.#initial;
    if (this.restored) {
      this.values = draft!;
      const kept = recipeDrafts.base(this.key);
      if (current && kept) this.#base = kept;
    }
  }

  #load(base: Recipe | undefined): void {
    this.#base = base ? ($state.snapshot(base) as Recipe) : undefined;
    this.#start = base ? recipeFormOf(base, newLineId()) : emptyRecipeForm(newLineId());
    this.#initial = JSON.stringify(this.#start);
    this.values = structuredClone(this.#start);
    this.restored = false;
    this.errors = {};
    this.#keeping = true;
    this.#baseKept = false;
  }

  /** The stored recipe the editing started from, as it was then; undefined for a new recipe. */
  get base(): Recipe | undefined {
    return this.#base;
  }

  /** True when `stored`, the recipe as it is stored now, is no longer the version the editing started from. */
  changedSince(stored: Recipe | undefined): boolean {
    return this.#base !== undefined && !isSameVersion(stored, this.#base);
  }

  readonly dirty = $derived(JSON.stringify(this.values) !== this.#initial);

  /** The ingredients box: one line per record. */
  get text(): string {
    return this.values.lines.map((line) => line.text).join('\n');
  }

  set text(next: string) {
    this.values.lines = reconcileLines(this.values.lines, next.split('\n'), newLineId);
  }

  readonly validServings = $derived(typeof this.values.servings === 'number' && this.values.servings > 0 ? this.values.servings : null);

  /** The parser's reading of each line: the recipe's stored one for a line unchanged where it was, the parser's otherwise. */
  readonly #readings: ParsedLine[] = $derived(readLines({ ingredients: this.values.lines, parsed: this.#base?.parsed }, catalog.parse, catalog.lookup));

  readonly rows: LineRow[] = $derived(
    this.values.lines.map((line, index) => {
      const automatic = this.#readings[index];
      return { line, index, automatic, parsed: applyOverride(automatic, line, catalog.lookup), skip: isHeaderOrBlank(line.text) };
    }),
  );

  /** One serving's scores of what is typed, by the week scorer. */
  readonly summary = $derived(
    recipeSummary(
      {
        id: 'draft',
        name: this.values.name,
        servings: this.validServings ?? 1,
        ingredients: this.values.lines,
        parsed: this.#base?.parsed,
        steps: this.values.steps.split('\n'),
      },
      catalog.parse,
      catalog.lookup,
      scoringSettingsOf(settings.current),
    ),
  );

  /** Sets or clears the user's food and grams of one line; `undefined` in `change` leaves that part as it is. */
  fix(id: string, change: { food?: string | null; grams?: number | null }): void {
    this.values.lines = this.values.lines.map((line) => {
      if (line.id !== id) return line;
      const next = { ...line };
      if (change.food !== undefined) next.food = change.food;
      if (change.grams === null) delete next.grams;
      else if (change.grams !== undefined) next.grams = change.grams;
      return next;
    });
  }

  /** Gives a line back to the parser's food match. */
  resetFood(id: string): void {
    this.values.lines = this.values.lines.map((line) => {
      if (line.id !== id) return line;
      const { food: _food, ...rest } = line;
      return rest;
    });
  }

  /** Rewrites the lines and the grams typed for another number of servings; returns it, or null when it cannot. */
  scale(servings: number): number | null {
    if (!this.validServings || !(servings > 0)) return null;
    const scaled = scaleRecipe({ servings: this.validServings, ingredients: this.values.lines }, servings);
    this.values.lines = scaled.ingredients;
    this.values.servings = scaled.servings;
    return scaled.servings;
  }

  /** Checks the values; true when they can be saved. */
  validate(): boolean {
    this.errors = validateRecipeForm(this.values);
    return Object.keys(this.errors).length === 0;
  }

  /** The recipe fields to save. */
  fields(): ReturnType<typeof recipeFieldsOf> {
    return recipeFieldsOf($state.snapshot(this.values) as RecipeFormValues);
  }

  /** Keeps the typed values as a draft, or drops the draft when they equal the saved recipe. */
  keepDraft(): void {
    if (!this.#keeping) return;
    if (this.dirty) {
      recipeDrafts.save(this.key, this.values);
      if (!this.#baseKept) recipeDrafts.keepBase(this.key, this.#base);
      this.#baseKept = true;
    } else {
      recipeDrafts.clear(this.key);
      this.#baseKept = false;
    }
  }

  /** After a save or a discard: the draft is gone and nothing more is kept. */
  finish(): void {
    this.#keeping = false;
    recipeDrafts.clear(this.key);
    this.#initial = JSON.stringify(this.values);
  }

  /** The values as a recipe to save over the base (a new recipe when there is none). */
  #recipe(theirs: Recipe | null = null) {
    const from = this.#base ?? theirs ?? undefined;
    return { ...(from ? { id: from.id, createdAt: from.createdAt } : {}), ...this.fields() };
  }

  /** A conflict becomes `conflict`; any other error goes on to the caller. */
  #conflictOf(error: unknown): void {
    if (!(error instanceof RecipeConflict)) throw error;
    this.conflict = { theirs: error.theirs };
  }

  /**
   * Saves the values over the base, checked in the same transaction; returns
   * the saved recipe, or null when the stored recipe changed since (then
   * `conflict` says what is stored now and nothing was written).
   */
  async save(): Promise<Recipe | null> {
    try {
      const saved = await recipes.save(this.#recipe(), this.#base ?? null);
      this.finish();
      return saved;
    } catch (error) {
      this.#conflictOf(error);
      return null;
    }
  }

  /**
   * "Keep mine": saves the values over what is stored now, with Undo putting
   * theirs back; returns the saved recipe, or null when it changed yet again
   * (then `conflict` holds the newer one).
   */
  async keepMine(): Promise<Recipe | null> {
    if (!this.conflict) return null;
    const theirs = this.conflict.theirs;
    let saved: Recipe;
    try {
      saved = await recipes.save(this.#recipe(theirs), theirs);
    } catch (error) {
      this.#conflictOf(error);
      return null;
    }
    this.conflict = null;
    this.finish();
    let stored = saved;
    undoStack.push(
      `Saved your version of “${saved.name}” over the other one`,
      async () => {
        if (theirs) stored = await recipes.save(theirs, stored);
        else await deleteRecipe(db, saved.id);
      },
      async () => {
        stored = await recipes.save(saved, theirs ? stored : null);
      },
    );
    return saved;
  }

  /** "Take theirs": the form starts again from the stored recipe; returns the values thrown away, for Undo (bringBack). */
  takeTheirs(): RecipeFormValues | null {
    if (!this.conflict) return null;
    const mine = $state.snapshot(this.values) as RecipeFormValues;
    const theirs = this.conflict.theirs;
    this.conflict = null;
    recipeDrafts.clear(this.key);
    this.#load(theirs ?? undefined);
    return mine;
  }

  /** "Keep both": the stored recipe stays as it is and the values are saved as a new recipe, "… (my copy)"; returns it. */
  async keepBoth(): Promise<Recipe | null> {
    if (!this.conflict) return null;
    const fields = this.fields();
    const copy = await recipes.save({ ...fields, name: copyName(fields.name, 'my copy') }, null);
    this.conflict = null;
    this.finish();
    return copy;
  }

  /** Where the values and `theirs` differ, field by field (for a list, its first differing item). */
  differencesFrom(theirs: Recipe): RecipeDifference[] {
    return differences(this.fields(), theirs);
  }

  /** Closes the conflict without choosing: nothing is saved and the values stay. */
  cancelConflict(): void {
    this.conflict = null;
  }

  /** Throws the restored draft away and starts from the saved recipe; returns the draft, for Undo. */
  discardRestored(current: Recipe | undefined): RecipeFormValues {
    const draft = $state.snapshot(this.values) as RecipeFormValues;
    recipeDrafts.clear(this.key);
    this.#load(current);
    return draft;
  }

  /** Undo of discardRestored or takeTheirs: the typed values come back (and are kept again). */
  bringBack(draft: RecipeFormValues): void {
    this.values = structuredClone(draft);
    this.restored = true;
    this.#keeping = true;
    this.keepDraft();
  }
}
