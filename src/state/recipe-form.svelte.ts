import { applyOverride } from '../core/plan/resolve';
import {
  emptyRecipeForm,
  isHeaderOrBlank,
  recipeFieldsOf,
  recipeFormOf,
  recipeSummary,
  reconcileLines,
  scaleRecipe,
  validateRecipeForm,
  type RecipeFormErrors,
  type RecipeFormValues,
} from '../core/recipes';
import { scoringSettingsOf } from '../core/scoring';
import type { IngredientLine, ParsedLine, Recipe } from '../core/types';
import { catalog } from './catalog.svelte';
import { newLineId } from './ids';
import { recipeDrafts } from './recipe-drafts.svelte';
import { settings } from './settings.svelte';

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

/**
 * The recipe editor's model: the values being typed (lines as records whose
 * ids and fixes follow them through edits of the text), whether they differ
 * from the saved recipe, the draft kept in session storage, and the scores of
 * what is typed. `key` is the recipe id or "new".
 */
export class RecipeForm {
  values = $state<RecipeFormValues>(emptyRecipeForm(newLineId()));
  errors = $state<RecipeFormErrors>({});
  /** True when the values came back from a draft kept earlier. */
  restored = $state(false);
  #initial = $state('');
  #start: RecipeFormValues = emptyRecipeForm(newLineId());
  #keeping = true;
  readonly key: string;

  constructor(key: string) {
    this.key = key;
  }

  /** Starts from the saved recipe (or an empty one), or from the draft kept for it when that differs. */
  start(base: Recipe | undefined): void {
    this.#start = base ? recipeFormOf(base, newLineId()) : emptyRecipeForm(newLineId());
    this.#initial = JSON.stringify(this.#start);
    const draft = recipeDrafts.load(this.key);
    this.restored = draft !== null && JSON.stringify(draft) !== this.#initial;
    this.values = this.restored ? draft! : structuredClone(this.#start);
    this.#keeping = true;
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

  readonly rows: LineRow[] = $derived(
    this.values.lines.map((line, index) => {
      const automatic = catalog.parse(line.text);
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
    if (this.dirty) recipeDrafts.save(this.key, this.values);
    else recipeDrafts.clear(this.key);
  }

  /** After a save or a discard: the draft is gone and nothing more is kept. */
  finish(): void {
    this.#keeping = false;
    recipeDrafts.clear(this.key);
    this.#initial = JSON.stringify(this.values);
  }

  /** Throws the restored draft away and starts from the saved recipe; returns the draft, for Undo. */
  discardRestored(): RecipeFormValues {
    const draft = $state.snapshot(this.values) as RecipeFormValues;
    this.values = structuredClone(this.#start);
    this.restored = false;
    this.errors = {};
    recipeDrafts.clear(this.key);
    return draft;
  }

  /** Undo of discardRestored: the draft comes back (and is kept again). */
  bringBack(draft: RecipeFormValues): void {
    this.values = structuredClone(draft);
    this.restored = true;
    this.#keeping = true;
    this.keepDraft();
  }
}
