import exampleWeekUrl from '../../resources/starter/example-week.json?url';
import starterRecipesUrl from '../../resources/starter/recipes.json?url';
import { addDays, daysBetween, weekStartOf } from '../core/dates';
import { PLAN_FORMAT, readPlanFile } from '../core/plan/plan-file';
import { householdPortions } from '../core/members';
import type { Meal, Recipe, SettingRow } from '../core/types';
import { deleteRecipesAndMeals, putRecipesAndMeals, removeRecipes } from '../db/recipe-repository';
import { removeMeals, removeMealsAgain, restoreMeals } from '../db/meals-repository';
import {
  addStarter,
  dismissStarter,
  isNewLibrary,
  readStarterRecord,
  readStarterRow,
  recordStarterSkipped,
  starterPresence,
  type StarterPresence,
  type StarterRecord,
} from '../db/starter-repository';
import { db } from './database';
import { newId, nowIso, todayIso } from './ids';
import { live } from './live.svelte';
import { attempt } from './notices.svelte';
import { undoStack } from './undo.svelte';

/** Format tag of resources/starter/recipes.json. */
export const STARTER_FORMAT = 'thirtyfold.starter/1';
export { readStarterRecord, STARTER_KEY, type StarterPresence, type StarterRecord } from '../db/starter-repository';

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
    () => readStarterRow(db),
    undefined as SettingRow | undefined,
  );

  readonly record: StarterRecord | null = $derived(readStarterRecord(this.#row.current?.value));

  #presence = live(
    () => [this.record?.recipeIds ?? [], this.record?.mealIds ?? []] as const,
    ([recipeIds, mealIds]) => starterPresence(db, recipeIds, mealIds),
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
    if (skipRequested() || !(await isNewLibrary(db))) {
      await recordStarterSkipped(db);
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
    return addStarter(db, [...library, ...extra], loadedAt, (current, household) => {
      const weekStart = weekStartOf(todayIso(), current.weekStartDay);
      const exampleStart = example.weekStart ?? example.meals[0]?.date ?? weekStart;
      // The example is written for its own household; a meal for all of it is for all of this one, in this household's portions.
      const portions = householdPortions(household);
      const meals = shiftExampleWeek(example.meals, exampleStart, weekStart, current.slots).map((meal) => ({
        ...meal,
        servings: meal.servings === example.people ? portions : meal.servings,
      }));
      return { meals, weekStart };
    });
  }

  /** Hides the banner for good. */
  dismiss(): Promise<void> {
    return dismissStarter(db);
  }

  /** Deletes the example week's meals, with Undo. */
  async clearExampleWeek(): Promise<number> {
    // The record as stored now (sync may have moved it onto the household's copies of the meals).
    const ids = readStarterRecord((await readStarterRow(db))?.value)?.mealIds ?? [];
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

export const starter = new StarterState();
