import { addDays } from '../dates';
import type { Meal } from '../types';

/**
 * Copies of meals placed elsewhere, each with a new id. A leftover whose
 * original is copied with it stays linked to the copy of that original
 * ("cook once, eat twice" survives "Copy previous week"); a leftover whose
 * original stays behind loses the link, since its copy is not eaten from it.
 */
export function copyMeals(meals: readonly Meal[], place: (meal: Meal) => Pick<Meal, 'date'> & Partial<Pick<Meal, 'slot'>>, newId: () => string): Meal[] {
  const ids = new Map(meals.map((meal) => [meal.id, newId()]));
  return meals.map((meal) => {
    const copy: Meal = { ...meal, ...place(meal), id: ids.get(meal.id)!, leftoverOf: meal.leftoverOf ? (ids.get(meal.leftoverOf) ?? null) : null };
    delete copy.eaten;
    return copy;
  });
}

/** Where a leftover meal is planned, and whether the slot is free. */
export interface LeftoverPlace {
  date: string;
  slot: string;
}

/**
 * The first free slot for the leftovers of a meal: from the day after it was
 * cooked, for up to a week, preferring lunch (the usual leftover meal), then
 * the slot it was cooked in, then the other slots in their order. `taken`
 * holds the meals already planned in that span. When every slot is taken, the
 * next day's lunch (or first slot), so that the dialog can warn about it.
 */
export function freeLeftoverSlot(original: Pick<Meal, 'date' | 'slot'>, slots: readonly string[], taken: readonly Pick<Meal, 'date' | 'slot'>[]): LeftoverPlace {
  const order = [...new Set(['lunch', original.slot, ...slots])].filter((slot) => slots.includes(slot));
  const busy = new Set(taken.map((meal) => `${meal.date}|${meal.slot}`));
  for (let day = 1; day <= 7; day++) {
    const date = addDays(original.date, day);
    const slot = order.find((candidate) => !busy.has(`${date}|${candidate}`));
    if (slot) return { date, slot };
  }
  return { date: addDays(original.date, 1), slot: order[0] ?? original.slot };
}
