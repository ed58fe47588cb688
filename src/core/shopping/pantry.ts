import * as v from 'valibot';
import { pantryAmountsSchema } from '../backup/schema';
import type { ShoppingList } from './types';

/** Grams of each food in the pantry, keyed by food id. */
export type PantryAmounts = Readonly<Record<string, number>>;

const tenth = (grams: number): number => Math.round(grams * 10) / 10;

/** The pantry with `grams` more of a food (less when negative, never below 0 g); a new record. */
export function addToPantry(pantry: PantryAmounts, food: string, grams: number): Record<string, number> {
  return { ...pantry, [food]: tenth(Math.max(0, (pantry[food] ?? 0) + grams)) };
}

/**
 * The pantry after a meal is cooked: each food it needs comes off the amount
 * held, down to 0 g (`sign` -1 puts it back, for a meal marked not eaten after
 * all). Foods held without an amount (and foods not held) are left alone.
 */
export function takeFromPantry(pantry: PantryAmounts, needs: ReadonlyMap<string, number>, sign: 1 | -1 = 1): Record<string, number> {
  const out: Record<string, number> = { ...pantry };
  for (const [food, grams] of needs) {
    if (out[food] !== undefined) out[food] = tenth(Math.max(0, out[food] - sign * grams));
  }
  return out;
}

/** Grams each food of a list is needed in (cooked rice counted as the dry rice bought), by food id. */
export function needsOf(list: ShoppingList): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of [...list.aisles.flatMap((aisle) => aisle.items), ...list.pantry]) {
    if (item.grams !== null && item.grams > 0) out.set(item.food, item.grams);
  }
  return out;
}

/**
 * The amounts a list subtracts: the pantry less what ticking this list's own
 * lines put there, so a ticked line stays where it is. A food left with
 * nothing that only the ticks put there is dropped.
 */
export function pantryForList(pantry: PantryAmounts, stocked: PantryAmounts = {}): Map<string, number> {
  const out = new Map<string, number>();
  for (const [food, grams] of Object.entries(pantry)) {
    const own = stocked[food] ?? 0;
    const left = grams - own;
    if (left > 0 || own === 0) out.set(food, tenth(Math.max(0, left)));
  }
  return out;
}

/** Checks amounts against the backup schema before they are written; a bad value is a readable error. */
export function checkPantryAmounts(amounts: Record<string, number>): Record<string, number> {
  const result = v.safeParse(pantryAmountsSchema, amounts);
  if (!result.success) throw new Error(`The pantry cannot hold that: ${result.issues[0].message}.`);
  return result.output;
}
