import exampleWeekUrl from '../../resources/starter/example-week.json?url';
import starterRecipesUrl from '../../resources/starter/recipes.json?url';
import { addDays, daysBetween, weekStartOf } from '../core/dates';
import { PLAN_FORMAT, readPlanFile } from '../core/plan/plan-file';
import { settingsFromRows } from '../core/settings';
import type { Meal, Recipe } from '../core/types';
import { deleteRecipesAndMeals, putRecipesAndMeals, removeRecipes } from '../db/recipe-repository';
import { removeMeals, removeMealsAgain, restoreMeals } from '../db/meals-repository';
import { db } from './database';
import { newId, nowIso, todayIso } from './ids';
import { live } from './live.svelte';
import { attempt } from './notices.svelte';
import { undoStack } from './undo.svelte';

/** Format tag of resources/starter/recipes.json. */
export const STARTER_FORMAT = 'thirtyfold.starter/1';

/** Settings row that records the first-run starter content, so it never comes back once removed. */
export const STARTER_KEY = 'starter';

/** What the first run added (or that it was skipped). */
export interface StarterRecord {
  status: 'loaded' | 'skipped';
  recipeIds: string[];
  mealIds: string[];
  /** First day of the week the example was moved onto. */
  weekStart: string | null;
  /** Timestamp given to the starter recipes: a recipe with a later `updatedAt` was edited by the user. */
  loadedAt: string | null;
  /** The planner banner was closed. */
  dismissed: boolean;
}

/** What of the starter content is still in the database. */
export interface StarterPresence {
  recipes: number;
  meals: number;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads a stored record; anything malformed counts as "already decided" so nothing is loaded twice. */
export function readStarterRecord(value: unknown): StarterRecord | null {
  if (value === undefined || value === null) return null;
  const row = value as Partial<StarterRecord>;
  return {
    status: row.status === 'loaded' ? 'loaded' : 'skipped',
    recipeIds: isStringArray(row.recipeIds) ? row.recipeIds : [],
    mealIds: isStringArray(row.mealIds) ? row.mealIds : [],
    weekStart: typeof row.weekStart === 'string' ? row.weekStart : null,
    loadedAt: typeof row.loadedAt === 'string' ? row.loadedAt : null,
    dismissed: row.dismissed === true,
  };
}

/**
 * The starter content is skipped when the page address carries `?starter=0`.
 * End-to-end tests open `./?starter=0` so they start from a truly empty
 * database; the choice is recorded like a removal, so later page loads of the
 * same database do not add the starter either.
 */
function skipRequested(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('starter') === '0';
}

async function fetchJson(url: string, what: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} could not be loaded (${response.status}).`);
  return response.text();
}

/** Starter recipes out of the recipes file, validated with the plan-file rules. */
export function readStarterRecipes(text: string, loadedAt: string): Recipe[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The starter recipes are not valid JSON: ${(error as Error).message}`);
  }
  const file = data as { format?: unknown; recipes?: unknown };
  if (file.format !== STARTER_FORMAT || !Array.isArray(file.recipes)) {
    throw new Error(`The starter recipes file is not in the "${STARTER_FORMAT}" format.`);
  }
  const raw = file.recipes as { id?: unknown; prepMinutes?: unknown; cookMinutes?: unknown }[];
  const checked = readPlanFile(JSON.stringify({ format: PLAN_FORMAT, recipes: raw, meals: [] })).recipes;
  return checked.map((recipe, index) => ({
    ...recipe,
    prepMinutes: typeof raw[index].prepMinutes === 'number' ? raw[index].prepMinutes : null,
    cookMinutes: typeof raw[index].cookMinutes === 'number' ? raw[index].cookMinutes : null,
    createdAt: loadedAt,
    updatedAt: loadedAt,
  }));
}

/**
 * The example week's meals moved by whole weeks onto the week starting at
 * `weekStart` (each meal keeps its weekday), with new ids; a meal of the same
 * recipe as one in a later slot of the day before (Monday dinner, Tuesday
 * lunch) becomes its leftover.
 */
export function shiftExampleWeek(meals: readonly Meal[], exampleStart: string, weekStart: string, slots: readonly string[]): Meal[] {
  const shift = Math.ceil(daysBetween(exampleStart, weekStart) / 7) * 7;
  const weekEnd = addDays(weekStart, 6);
  const moved = meals.map((meal) => {
    let date = addDays(meal.date, shift);
    if (date > weekEnd) date = addDays(date, -7);
    return { ...meal, id: newId('meal'), date, leftoverOf: null as string | null };
  });
  for (const meal of moved) {
    if (meal.recipe === null) continue;
    const cooked = moved.find(
      (other) =>
        other.recipe === meal.recipe &&
        other.date === addDays(meal.date, -1) &&
        slots.indexOf(other.slot) > slots.indexOf(meal.slot) &&
        !other.leftoverOf,
    );
    if (cooked) meal.leftoverOf = cooked.id;
  }
  return moved;
}

/**
 * First-run starter content: a recipe library and an example week, added once
 * when the database is new, and removable (with Undo) from the planner banner.
 */
export class StarterState {
  #row = live(
    () => undefined,
    () => db.settings.get(STARTER_KEY),
    undefined as { key: string; value: unknown } | undefined,
  );

  readonly record: StarterRecord | null = $derived(readStarterRecord(this.#row.current?.value));

  #presence = live(
    () => [this.record?.recipeIds ?? [], this.record?.mealIds ?? []] as const,
    async ([recipeIds, mealIds]) => ({
      recipes: recipeIds.length ? await db.recipes.where('id').anyOf(recipeIds).count() : 0,
      meals: mealIds.length ? await db.meals.where('id').anyOf(mealIds).count() : 0,
    }),
    { recipes: 0, meals: 0 } as StarterPresence,
  );

  readonly present: StarterPresence = $derived(this.#presence.current);
  readonly showBanner = $derived(
    this.record?.status === 'loaded' && !this.record.dismissed && (this.present.recipes > 0 || this.present.meals > 0),
  );
  /** Resolves once the first-run check is over (whether it added anything or not). */
  readonly settled: Promise<unknown>;

  constructor() {
    this.settled =
      typeof window === 'undefined'
        ? Promise.resolve()
        : attempt('Could not add the starter recipes', () => this.loadIfFirstRun());
  }

  /** Adds the starter recipes and example week when the database is new; returns true when it did. */
  async loadIfFirstRun(): Promise<boolean> {
    if (skipRequested()) {
      await db.transaction('rw', db.settings, async () => {
        if (!(await db.settings.get(STARTER_KEY))) await db.settings.put({ key: STARTER_KEY, value: skippedRecord() });
      });
      return false;
    }
    if ((await db.settings.get(STARTER_KEY)) || (await db.recipes.count()) > 0) {
      await db.transaction('rw', db.settings, async () => {
        if (!(await db.settings.get(STARTER_KEY))) await db.settings.put({ key: STARTER_KEY, value: skippedRecord() });
      });
      return false;
    }
    const [recipesText, weekText] = await Promise.all([
      fetchJson(starterRecipesUrl, 'The starter recipes'),
      fetchJson(exampleWeekUrl, 'The example week'),
    ]);
    const loadedAt = nowIso();
    const library = readStarterRecipes(recipesText, loadedAt);
    const example = readPlanFile(weekText);
    const extra = example.recipes
      .filter((recipe) => !library.some((known) => known.id === recipe.id)).map((recipe) => ({ ...recipe, createdAt: loadedAt, updatedAt: loadedAt }));
    const allRecipes = [...library, ...extra];
    return db.transaction('rw', db.recipes, db.meals, db.settings, async () => {
      if ((await db.settings.get(STARTER_KEY)) || (await db.recipes.count()) > 0) return false;
      const current = settingsFromRows(await db.settings.toArray());
      const weekStart = weekStartOf(todayIso(), current.weekStartDay);
      const exampleStart = example.weekStart ?? example.meals[0]?.date ?? weekStart;
      const meals = shiftExampleWeek(example.meals, exampleStart, weekStart, current.slots).map(
        (meal) => ({ ...meal, servings: meal.servings === example.people ? current.people : meal.servings }),
      );
      await db.recipes.bulkPut(allRecipes);
      await db.meals.bulkAdd(meals);
      const record: StarterRecord = {
        status: 'loaded',
        recipeIds: allRecipes.map((recipe) => recipe.id),
        mealIds: meals.map((meal) => meal.id),
        weekStart,
        loadedAt,
        dismissed: false,
      };
      await db.settings.put({ key: STARTER_KEY, value: record });
      return true;
    });
  }

  /** Hides the banner for good. */
  async dismiss(): Promise<void> {
    await db.transaction('rw', db.settings, async () => {
      const record = readStarterRecord((await db.settings.get(STARTER_KEY))?.value);
      if (record) await db.settings.put({ key: STARTER_KEY, value: { ...record, dismissed: true } });
    });
  }

  /** Deletes the example week's meals, with Undo. */
  async clearExampleWeek(): Promise<number> {
    const ids = this.record?.mealIds ?? [];
    const removed = await removeMeals(db, ids);
    if (removed.rows.length === 0) return 0;
    undoStack.push(
      `Cleared the example week (${removed.rows.length} meals)`,
      () => restoreMeals(db, removed),
      () => removeMealsAgain(db, removed),
    );
    return removed.rows.length;
  }

  /**
   * Deletes the starter recipes the user has not edited, the meals that use
   * them and the rest of the example week, in one transaction, with Undo.
   */
  async removeRecipes(): Promise<number> {
    const record = this.record;
    if (!record) return 0;
    // A starter recipe the user has edited since it was loaded stays.
    const removed = await removeRecipes(db, record.recipeIds, {
      keep: (recipe) => record.loadedAt !== null && recipe.updatedAt !== record.loadedAt,
      alsoMeals: record.mealIds,
    });
    if (removed.recipes.length === 0 && removed.meals.length === 0) return 0;
    undoStack.push(
      `Removed ${removed.recipes.length} starter recipes${removed.meals.length ? ` and ${removed.meals.length} planned meals` : ''}`,
      () => putRecipesAndMeals(db, removed),
      () => deleteRecipesAndMeals(db, removed),
    );
    return removed.recipes.length;
  }
}

function skippedRecord(): StarterRecord {
  return { status: 'skipped', recipeIds: [], mealIds: [], weekStart: null, loadedAt: null, dismissed: true };
}

export const starter = new StarterState();
