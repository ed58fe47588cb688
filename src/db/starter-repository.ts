import { householdOf } from '../core/members';
import { settingsFromRows, type Settings } from '../core/settings';
import type { Meal, Member, Recipe, SettingRow } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

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

function skippedRecord(): StarterRecord {
  return { status: 'skipped', recipeIds: [], mealIds: [], weekStart: null, loadedAt: null, dismissed: true };
}

/** The stored starter row (for a live query). */
export function readStarterRow(db: ThirtyfoldDatabase): Promise<SettingRow | undefined> {
  return db.settings.get(STARTER_KEY);
}

/** How many of the starter's recipes and meals are still in the database. */
export function starterPresence(db: ThirtyfoldDatabase, recipeIds: readonly string[], mealIds: readonly string[]): Promise<StarterPresence> {
  return db.transaction('r', db.recipes, db.meals, async () => ({
    recipes: recipeIds.length ? await db.recipes.where('id').anyOf([...recipeIds]).count() : 0,
    meals: mealIds.length ? await db.meals.where('id').anyOf([...mealIds]).count() : 0,
  }));
}

/** The first run has nothing to add: no starter decision stored yet, and no recipe in the library. */
export function isNewLibrary(db: ThirtyfoldDatabase): Promise<boolean> {
  return db.transaction('r', db.settings, db.recipes, async () => !(await db.settings.get(STARTER_KEY)) && (await db.recipes.count()) === 0);
}

/** Records that the starter is not added (unless something was decided already), so it is never added later. */
export async function recordStarterSkipped(db: ThirtyfoldDatabase): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (!(await db.settings.get(STARTER_KEY))) await db.settings.put({ key: STARTER_KEY, value: skippedRecord() });
  });
}

/** The example week worked out for this database: its meals and the week they were put on. */
export interface StarterWeek {
  meals: Meal[];
  weekStart: string;
}

/**
 * Adds the starter recipes and the example week in one transaction, and
 * records what was added; nothing is added when the database stopped being
 * new meanwhile (another window ran the first run). `week` places the example
 * week with the settings and the household as stored.
 */
export function addStarter(
  db: ThirtyfoldDatabase,
  recipes: readonly Recipe[],
  loadedAt: string,
  week: (settings: Settings, household: readonly Member[]) => StarterWeek,
): Promise<boolean> {
  return db.transaction('rw', [db.recipes, db.meals, db.settings, db.members], async () => {
    if ((await db.settings.get(STARTER_KEY)) || (await db.recipes.count()) > 0) return false;
    const settings = settingsFromRows(await db.settings.toArray());
    const { meals, weekStart } = week(settings, householdOf(await db.members.toArray(), settings));
    await db.recipes.bulkPut([...recipes]);
    await db.meals.bulkAdd(meals);
    const record: StarterRecord = {
      status: 'loaded',
      recipeIds: recipes.map((recipe) => recipe.id),
      mealIds: meals.map((meal) => meal.id),
      weekStart,
      loadedAt,
      dismissed: false,
    };
    await db.settings.put({ key: STARTER_KEY, value: record });
    return true;
  });
}

/** Hides the starter banner for good. */
export async function dismissStarter(db: ThirtyfoldDatabase): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const record = readStarterRecord((await db.settings.get(STARTER_KEY))?.value);
    if (record) await db.settings.put({ key: STARTER_KEY, value: { ...record, dismissed: true } });
  });
}

/**
 * The starter's example meals that household sync kept once, as the
 * household's own copy (`twins`: this device's meal id and the household's):
 * the record follows them, so "Clear example week" still finds the week.
 */
export async function followStarterMeals(db: ThirtyfoldDatabase, twins: readonly (readonly [string, string])[]): Promise<void> {
  if (twins.length === 0) return;
  const to = new Map(twins);
  await db.transaction('rw', db.settings, async () => {
    const record = readStarterRecord((await db.settings.get(STARTER_KEY))?.value);
    if (!record || !record.mealIds.some((id) => to.has(id))) return;
    await db.settings.put({ key: STARTER_KEY, value: { ...record, mealIds: record.mealIds.map((id) => to.get(id) ?? id) } });
  });
}
