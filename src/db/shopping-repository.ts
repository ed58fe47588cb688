import { addToPantry, checkPantryAmounts } from '../core/shopping';
import { coerceSetting, settingsFromRows } from '../core/settings';
import type { Meal, Recipe, ShoppingState } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

/**
 * The shopping list's saved state (ticks, items typed by hand, what ticking
 * put in the pantry) and the pantry itself, each change in one transaction
 * (checked against the backup schema by the database's validation).
 */

const empty = (id: string): ShoppingState => ({ id, checked: [], manual: [] });

/** The saved state of one list, or null before anything was saved for it. */
export async function readShoppingState(db: ThirtyfoldDatabase, id: string): Promise<ShoppingState | null> {
  return (await db.shopping.get(id)) ?? null;
}

/**
 * Ticks or unticks one line. `stock` is the grams a tick puts in the pantry
 * (null: ticking adds nothing); unticking takes out again exactly what its
 * tick put in.
 */
export function tickLine(db: ThirtyfoldDatabase, id: string, key: string, checked: boolean, stock: number | null): Promise<void> {
  return db.transaction('rw', [db.shopping, db.settings], async () => {
    const row = (await db.shopping.get(id)) ?? empty(id);
    const rest = row.checked.filter((k) => k !== key);
    const next: ShoppingState = { ...row, checked: checked ? [...rest, key] : rest };
    const already = row.stocked?.[key];
    const grams = checked ? (already === undefined ? stock : null) : (already ?? null);
    if (grams !== null && grams > 0) {
      const stored = await db.settings.get('pantryAmounts');
      const amounts = coerceSetting('pantryAmounts', stored?.value);
      await db.settings.put({ key: 'pantryAmounts', value: checkPantryAmounts(addToPantry(amounts, key, checked ? grams : -grams)) });
      const stocked = { ...(row.stocked ?? {}) };
      if (checked) stocked[key] = grams;
      else delete stocked[key];
      next.stocked = stocked;
    }
    await db.shopping.put(next);
  });
}

/** Sets the ticked lines of a list; returns those ticked before (null: the list was saved with none). */
export function setTicked(db: ThirtyfoldDatabase, id: string, checked: readonly string[]): Promise<string[] | null> {
  return db.transaction('rw', db.shopping, async () => {
    const row = (await db.shopping.get(id)) ?? empty(id);
    if (row.checked.length === 0 && checked.length === 0) return null;
    await db.shopping.put({ ...row, checked: [...checked] });
    return row.checked;
  });
}

/** Adds an item typed by hand at the end of the list's own items. */
export function addManualItem(db: ThirtyfoldDatabase, id: string, line: string): Promise<void> {
  return db.transaction('rw', db.shopping, async () => {
    const row = (await db.shopping.get(id)) ?? empty(id);
    await db.shopping.put({ ...row, manual: [...row.manual, line] });
  });
}

/** Removes the item typed by hand at `index`; returns its text (null: nothing there). */
export function removeManualItem(db: ThirtyfoldDatabase, id: string, index: number): Promise<string | null> {
  return db.transaction('rw', db.shopping, async () => {
    const row = await db.shopping.get(id);
    if (!row || index < 0 || index >= row.manual.length) return null;
    await db.shopping.put({ ...row, manual: row.manual.filter((_, i) => i !== index) });
    return row.manual[index];
  });
}

/** Puts an item typed by hand back at `index` (Undo of a removal), or takes it out again (Redo). */
export function restoreManualItem(db: ThirtyfoldDatabase, id: string, index: number, text: string, present: boolean): Promise<void> {
  return db.transaction('rw', db.shopping, async () => {
    const row = (await db.shopping.get(id)) ?? empty(id);
    const manual = [...row.manual];
    if (present) manual.splice(Math.min(index, manual.length), 0, text);
    else {
      const at = manual.indexOf(text);
      if (at !== -1) manual.splice(at, 1);
    }
    await db.shopping.put({ ...row, manual });
  });
}

/** What the household keeps at home: grams by food, foods held without an amount, staples always bought. */
export interface Pantry {
  amounts: Record<string, number>;
  have: string[];
  buy: string[];
}

async function readPantryRows(db: ThirtyfoldDatabase): Promise<Pantry> {
  const rows = await db.settings.bulkGet(['pantryAmounts', 'pantryFoods', 'buyFoods']);
  const current = settingsFromRows(rows.filter((row) => row !== undefined));
  return { amounts: current.pantryAmounts, have: current.pantryFoods, buy: current.buyFoods };
}

async function writePantryRows(db: ThirtyfoldDatabase, part: Partial<Pantry>): Promise<void> {
  if (part.amounts) await db.settings.put({ key: 'pantryAmounts', value: checkPantryAmounts(part.amounts) });
  if (part.have) await db.settings.put({ key: 'pantryFoods', value: part.have });
  if (part.buy) await db.settings.put({ key: 'buyFoods', value: part.buy });
}

/** Writes parts of the pantry in one transaction (Undo and Redo of changePantry). */
export function writePantry(db: ThirtyfoldDatabase, part: Partial<Pantry>): Promise<void> {
  return db.transaction('rw', db.settings, () => writePantryRows(db, part));
}

/** Reads the pantry, lets `edit` say what changes (null: nothing), writes it, in one transaction; returns the pantry before and the change. */
export function changePantry(db: ThirtyfoldDatabase, edit: (pantry: Pantry) => Partial<Pantry> | null): Promise<{ before: Pantry; after: Partial<Pantry> } | null> {
  return db.transaction('rw', db.settings, async () => {
    const before = await readPantryRows(db);
    const after = edit(before);
    if (!after) return null;
    await writePantryRows(db, after);
    return { before, after };
  });
}

/** A meal marked eaten or not, and the pantry amounts around it. */
export interface EatenChange {
  meal: Meal;
  amounts: Record<string, number>;
  next: Meal;
  after: Record<string, number>;
}

/**
 * Marks a meal eaten (or not) and moves the pantry amounts as `take` says
 * (given the meal, its recipe and the amounts held), in one transaction.
 * Null when the meal is gone or already so.
 */
export function markEaten(
  db: ThirtyfoldDatabase,
  id: string,
  eaten: boolean,
  take: (meal: Meal, recipe: Recipe | undefined, amounts: Record<string, number>) => Record<string, number>,
): Promise<EatenChange | null> {
  return db.transaction('rw', [db.meals, db.recipes, db.settings], async () => {
    const meal = await db.meals.get(id);
    if (!meal || (meal.eaten === true) === eaten) return null;
    const pantry = await readPantryRows(db);
    const recipe = meal.recipe === null ? undefined : await db.recipes.get(meal.recipe);
    const after = take(meal, recipe, pantry.amounts);
    const next: Meal = { ...meal, eaten };
    await db.meals.put(next);
    await writePantryRows(db, { amounts: after });
    return { meal, amounts: pantry.amounts, next, after };
  });
}

/** Puts a meal and the pantry amounts back as they were (Undo and Redo of markEaten). */
export function putEaten(db: ThirtyfoldDatabase, meal: Meal, amounts: Record<string, number>): Promise<void> {
  return db.transaction('rw', [db.meals, db.settings], async () => {
    await db.meals.put(meal);
    await writePantryRows(db, { amounts });
  });
}
