import type { BackupData, BackupInput, SettingRow } from '../core/backup';
import type { ThirtyfoldDatabase } from './database';

/** How many records each table holds: what a restore replaces and what it brings. */
export interface TableCounts {
  recipes: number;
  meals: number;
  foods: number;
  settings: number;
  shopping: number;
}

function tables(db: ThirtyfoldDatabase) {
  return [db.recipes, db.meals, db.foods, db.settings, db.shopping];
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
  }));
}

/** Record counts of a backup's data (or of a dump). */
export function countData(data: BackupInput): TableCounts {
  const settings = Array.isArray(data.settings) ? data.settings.length : Object.keys(data.settings).length;
  return { recipes: data.recipes.length, meals: data.meals.length, foods: data.foods.length, settings, shopping: data.shopping.length };
}

function settingRows(settings: BackupInput['settings']): SettingRow[] {
  if (Array.isArray(settings)) return (settings as readonly SettingRow[]).map((row) => ({ key: row.key, value: row.value }));
  return Object.entries(settings as Record<string, unknown>).map(([key, value]) => ({ key, value }));
}

/**
 * Replaces everything in the database with `data` in ONE read-write
 * transaction over every table: each table is cleared and refilled. Any
 * failure (a record IndexedDB rejects, a full disk) aborts the transaction,
 * so the old data stays exactly as it was. Validate the data first
 * (readBackup); this is the last line of defence, not the check.
 */
export async function replaceDatabase(db: ThirtyfoldDatabase, data: BackupData | BackupInput): Promise<void> {
  const settings = settingRows(data.settings);
  await db.transaction('rw', tables(db), async () => {
    await Promise.all(tables(db).map((table) => table.clear()));
    await db.recipes.bulkPut(data.recipes);
    await db.meals.bulkPut(data.meals);
    await db.foods.bulkPut(data.foods);
    await db.settings.bulkPut(settings);
    await db.shopping.bulkPut(data.shopping);
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
