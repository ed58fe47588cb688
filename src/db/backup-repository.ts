import { readBackup, writeBackup, type Backup, type BackupData, type BackupInput, type SettingRow } from '../core/backup';
import { addDays } from '../core/dates';
import type { PlanFile } from '../core/plan/plan-file';
import type { Meal, Member, Recipe } from '../core/types';
import { readHousehold } from './members-repository';
import type { ThirtyfoldDatabase } from './database';
import { printable } from '../core/format';
import { recordProblem } from '../core/backup/schema';
import { RecordError, writePrechecked } from './validation';
import { readWeek } from './week-repository';

/** How many records each table holds: what a restore replaces and what it brings. */
export interface TableCounts {
  recipes: number;
  meals: number;
  foods: number;
  settings: number;
  shopping: number;
  members: number;
}

function tables(db: ThirtyfoldDatabase) {
  return [db.recipes, db.meals, db.foods, db.settings, db.shopping, db.members];
}

/**
 * Everything in the database, read in one transaction so the copy is
 * consistent: recipes, planned meals, custom foods, settings rows and
 * shopping-list state, each in primary-key order.
 */
export async function dumpDatabase(db: ThirtyfoldDatabase): Promise<BackupInput & { settings: SettingRow[] }> {
  return db.transaction('r', tables(db), async () => ({
    recipes: await db.recipes.toArray(),
    meals: await db.meals.toArray(),
    foods: await db.foods.toArray(),
    settings: await db.settings.toArray(),
    shopping: await db.shopping.toArray(),
    members: await db.members.toArray(),
  }));
}

/** Record counts of every table, read in one transaction. */
export async function countDatabase(db: ThirtyfoldDatabase): Promise<TableCounts> {
  return db.transaction('r', tables(db), async () => ({
    recipes: await db.recipes.count(),
    meals: await db.meals.count(),
    foods: await db.foods.count(),
    settings: await db.settings.count(),
    shopping: await db.shopping.count(),
    members: await db.members.count(),
  }));
}

/** Record counts of a backup's data (or of a dump). */
export function countData(data: BackupInput): TableCounts {
  const settings = Array.isArray(data.settings) ? data.settings.length : Object.keys(data.settings).length;
  return {
    recipes: data.recipes.length,
    meals: data.meals.length,
    foods: data.foods.length,
    settings,
    shopping: data.shopping.length,
    members: data.members?.length ?? 0,
  };
}

function settingRows(settings: BackupInput['settings']): SettingRow[] {
  if (Array.isArray(settings)) return (settings as readonly SettingRow[]).map((row) => ({ key: row.key, value: row.value }));
  return Object.entries(settings as Record<string, unknown>).map(([key, value]) => ({ key, value }));
}

/**
 * Replaces everything in the database with `data` in ONE read-write
 * transaction over every table: each table is cleared and refilled. Any
 * failure (a record IndexedDB rejects, a full disk) aborts the transaction,
 * so the old data stays exactly as it was. The records are not checked one
 * by one again: pass only a backup checked whole (readBackup) or a copy of
 * what the database held (the safety copy a restore took).
 */
export async function replaceDatabase(db: ThirtyfoldDatabase, data: BackupData | BackupInput, keep: readonly string[] = []): Promise<void> {
  const settings = settingRows(data.settings);
  await writePrechecked(db, tables(db), async () => {
    // Rows of this device's own (its household) stay when the data holds none of its own for them.
    const kept = (await db.settings.bulkGet([...keep])).filter(
      (row): row is SettingRow => row !== undefined && !settings.some((incoming) => incoming.key === row.key),
    );
    await Promise.all(tables(db).map((table) => table.clear()));
    await db.recipes.bulkPut(data.recipes);
    await db.meals.bulkPut(data.meals);
    await db.foods.bulkPut(data.foods);
    await db.settings.bulkPut([...settings, ...kept]);
    await db.shopping.bulkPut(data.shopping);
    await db.members.bulkPut(data.members ?? []);
  });
}

/**
 * The data with references that point nowhere repaired, so a backup of it
 * restores: a leftover whose cooked meal was deleted stops being a leftover,
 * and a meal of a recipe that no longer exists is left out. Returns how many
 * meals were changed or left out.
 */
export function repairReferences<T extends BackupInput>(data: T): { data: T; repaired: number } {
  const recipeIds = new Set(data.recipes.map((recipe) => recipe.id));
  const kept = data.meals.filter((meal) => meal.recipe === null || recipeIds.has(meal.recipe));
  const mealIds = new Set(kept.map((meal) => meal.id));
  let repaired = data.meals.length - kept.length;
  const meals = kept.map((meal) => {
    if (!meal.leftoverOf || mealIds.has(meal.leftoverOf)) return meal;
    repaired += 1;
    return { ...meal, leftoverOf: null };
  });
  return { data: repaired === 0 ? data : { ...data, meals }, repaired };
}

/** A backup file checked for restore: what it holds and what it would replace, or one line saying what is wrong. */
export type RestoreCheck = { ok: true; backup: Backup; current: TableCounts; incoming: TableCounts } | { ok: false; error: string };


/**
 * The first step of a restore: reads and checks the whole file, then counts
 * what the database holds now and what the backup brings. Only reads the
 * database; never throws for a bad file.
 */
export async function checkRestore(db: ThirtyfoldDatabase, text: string): Promise<RestoreCheck> {
  const check = readBackup(text);
  if (!check.ok) return { ok: false, error: printable(check.error) };
  return { ok: true, backup: check.backup, current: await countDatabase(db), incoming: countData(check.backup.data) };
}

/** A backup of the current data: its text, the data, how many meal links were repaired, and what would stop it restoring. */
export interface ExportedDatabase {
  text: string;
  data: BackupInput;
  repaired: number;
  /** Null when the file restores; else the first record that fails the checks (the file is written all the same, flagged). */
  problem: string | null;
}

/**
 * The current data as backup text, as Export writes it; dangling meal links
 * are repaired. Never refused because of the data: a record that fails the
 * checks is written as it is and named in `problem` (and in the file).
 */
export async function exportDatabase(db: ThirtyfoldDatabase, meta: { appVersion: string; exportedAt: string }): Promise<ExportedDatabase> {
  const { data, repaired } = repairReferences(await dumpDatabase(db));
  const written = writeBackup(data, meta);
  return { text: written.text, data, repaired, problem: written.problem };
}

/**
 * The second step of a restore, after the user confirmed a checked backup:
 * a backup of the current data is handed to `keepCopy` (which saves it
 * somewhere and answers false to cancel; with the record that would stop it
 * restoring, if one does: the copy is kept even then), then every table is replaced in
 * one transaction. Returns the copy of the replaced data, or null when
 * cancelled. Any failure rejects and leaves the database as it was.
 */
export async function restoreBackup(
  db: ThirtyfoldDatabase,
  backup: Backup,
  options: {
    meta: { appVersion: string; exportedAt: string };
    keepCopy: (text: string, problem: string | null) => Promise<boolean>;
    /** Setting rows that stay as they are when the backup holds none (this device's household). */
    keep?: readonly string[];
  },
): Promise<{ text: string; data: BackupInput; problem: string | null } | null> {
  const copy = await exportDatabase(db, options.meta);
  if (!(await options.keepCopy(copy.text, copy.problem))) return null;
  await replaceDatabase(db, backup.data, options.keep);
  return { text: copy.text, data: copy.data, problem: copy.problem };
}

/**
 * A week as a plan file holds it: the meals from `from` to `to` (inclusive)
 * that still have something to eat, and the recipes they use, read by the one
 * reader of a week.
 */
export async function readWeekForPlanFile(db: ThirtyfoldDatabase, from: string, to: string): Promise<{ meals: Meal[]; recipes: Recipe[] }> {
  const week = await readWeek(db, from, to);
  const meals = week.meals.filter((meal) => (meal.recipe === null ? meal.food !== null : week.recipes.has(meal.recipe)));
  return { meals, recipes: [...week.recipes.values()] };
}

/**
 * Who eats each of a plan file's meals in this household: the file's members
 * are matched to this household's by name; a meal whose eaters are not all
 * found here is eaten by everyone (its servings stay as the file says).
 */
function eaterMapping(file: PlanFile, household: readonly Member[]): (meal: Meal) => string[] | undefined {
  const byName = new Map(household.map((member) => [member.name.trim().toLowerCase(), member.id]));
  const local = new Map<string, string>();
  for (const member of file.members ?? []) {
    const id = byName.get(member.name.trim().toLowerCase());
    if (id) local.set(member.id, id);
  }
  return (meal) => {
    const ids = meal.eaters?.map((id) => local.get(id));
    return ids?.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  };
}

function sameRecipe(a: Recipe, b: Recipe): boolean {
  return (
    a.name.trim().toLowerCase() === b.name.trim().toLowerCase() &&
    a.ingredients.length === b.ingredients.length &&
    a.ingredients.every((line, i) => line.text.trim() === b.ingredients[i].text.trim())
  );
}

/**
 * Adds a plan file's recipes and meals in one transaction. A recipe with the
 * same name and ingredients as a stored one is reused; one whose id is taken
 * gets a new id. Meals get new ids and move `shift` days. Returns what was added.
 */
export async function addPlanFile(
  db: ThirtyfoldDatabase,
  file: PlanFile,
  options: { shift: number; now: string; newId: (prefix: string) => string },
): Promise<{ recipes: Recipe[]; meals: Meal[] }> {
  return db.transaction('rw', db.recipes, db.meals, db.members, db.settings, async () => {
    const stored = await db.recipes.toArray();
    const eatersOf = eaterMapping(file, await readHousehold(db));
    const taken = new Set(stored.map((recipe) => recipe.id));
    const idMap = new Map<string, string>();
    const recipes: Recipe[] = [];
    for (const recipe of file.recipes) {
      const same = stored.find((existing) => sameRecipe(existing, recipe));
      if (same) {
        idMap.set(recipe.id, same.id);
        continue;
      }
      const id = taken.has(recipe.id) ? options.newId('recipe') : recipe.id;
      taken.add(id);
      idMap.set(recipe.id, id);
      recipes.push({ ...recipe, id, createdAt: options.now, updatedAt: options.now });
    }
    const meals: Meal[] = file.meals.map((meal) => {
      const row: Meal = {
        ...meal,
        id: options.newId('meal'),
        date: addDays(meal.date, options.shift),
        recipe: meal.recipe === null ? null : (idMap.get(meal.recipe) ?? null),
        leftoverOf: null,
      };
      const eaters = eatersOf(meal);
      if (eaters) row.eaters = eaters;
      else delete row.eaters;
      return row;
    });
    const problem =
      recipes.map((recipe) => recordProblem('recipes', recipe)).find(Boolean) ??
      meals.map((meal, index) => recordProblem('meals', meal, `meals[${index}]`)).find(Boolean);
    if (problem) throw new RecordError(`Not imported: ${problem}`);
    await db.recipes.bulkAdd(recipes);
    await db.meals.bulkAdd(meals);
    return { recipes, meals };
  });
}
