import { addDays } from '../core/dates';
import { copyMeals, freeLeftoverSlot, type LeftoverPlace } from '../core/plan/copies';
import { mealPortions } from '../core/members';
import type { Meal, Member } from '../core/types';
import { rescaleServings } from './members-repository';
import type { ThirtyfoldDatabase } from './database';

/**
 * The planner's writes to the meals table, each in one transaction (every
 * write is checked against the backup schema by the database's validation
 * middleware). Reading a week is the week repository's.
 */

/** Every planned meal, by recipe (for when each recipe was last planned). */
export function readMealsByRecipe(db: ThirtyfoldDatabase): Promise<Meal[]> {
  return db.meals.orderBy('recipe').toArray();
}

/** Adds meals in one transaction. */
export async function addMeals(db: ThirtyfoldDatabase, meals: readonly Meal[]): Promise<void> {
  await db.meals.bulkAdd([...meals]);
}

/** Deletes meals by id (Undo of adding them). */
export async function deleteMealRows(db: ThirtyfoldDatabase, ids: readonly string[]): Promise<void> {
  await db.meals.bulkDelete([...ids]);
}

/**
 * Changes the text of a single-food meal in one transaction; returns the text
 * it had. Refuses a meal that is gone or eats a recipe, with what to do.
 */
export function setFoodOfMeal(db: ThirtyfoldDatabase, id: string, food: string | null): Promise<string | null> {
  return db.transaction('rw', db.meals, async () => {
    const meal = await db.meals.get(id);
    if (!meal) throw new Error('That meal is no longer planned.');
    if (meal.recipe !== null) throw new Error('That meal is a recipe; fix the recipe’s line instead.');
    await db.meals.update(id, { food });
    return meal.food;
  });
}

export async function setMealServings(db: ThirtyfoldDatabase, id: string, servings: number): Promise<void> {
  await db.meals.update(id, { servings });
}

/**
 * Says who eats a meal (`eaters` undefined: everyone) and how many guests;
 * its servings rescale with the portions, so the shopping list follows who
 * is at the table. `members` is the household as the planner shows it.
 */
export function setMealEaters(
  db: ThirtyfoldDatabase,
  id: string,
  eating: { eaters: string[] | undefined; guests: number },
  members: readonly Member[],
): Promise<void> {
  return db.transaction('rw', db.meals, async () => {
    const meal = await db.meals.get(id);
    if (!meal) return;
    const next: Meal = { ...meal };
    if (eating.eaters === undefined) delete next.eaters;
    else next.eaters = [...eating.eaters];
    if (eating.guests > 0) next.guests = eating.guests;
    else delete next.guests;
    next.servings = rescaleServings(meal.servings, mealPortions(meal, members), mealPortions(next, members));
    await db.meals.put(next);
  });
}

/** Moves a meal to another cell, or copies it there (a copy is not a leftover of anything). */
export function moveMeal(db: ThirtyfoldDatabase, id: string, to: { date: string; slot: string }, copy: { id: string } | null): Promise<void> {
  return db.transaction('rw', db.meals, async () => {
    const meal = await db.meals.get(id);
    if (!meal) return;
    if (copy) {
      const added: Meal = { ...meal, ...to, id: copy.id, leftoverOf: null };
      delete added.eaten;
      await db.meals.add(added);
    } else await db.meals.update(id, to);
  });
}

/** What deleting meals took away: the meals, and the leftovers that lost their link to them (as they were). */
export interface RemovedMeals {
  rows: Meal[];
  leftovers: Meal[];
}

function deleteRows(db: ThirtyfoldDatabase, removed: RemovedMeals): Promise<void> {
  return db.transaction('rw', db.meals, async () => {
    await db.meals.bulkDelete(removed.rows.map((meal) => meal.id));
    await db.meals.bulkPut(removed.leftovers.map((meal) => ({ ...meal, leftoverOf: null })));
  });
}

/** Deletes meals; leftovers of a deleted meal stay planned but lose their link. Returns what to put back on Undo. */
export function removeMeals(db: ThirtyfoldDatabase, ids: readonly string[]): Promise<RemovedMeals> {
  return db.transaction('rw', db.meals, async () => {
    const rows = (await db.meals.bulkGet([...ids])).filter((meal): meal is Meal => !!meal);
    const gone = new Set(rows.map((meal) => meal.id));
    const first = rows.reduce((min, meal) => (meal.date < min ? meal.date : min), '9999');
    const leftovers = (await db.meals.where('date').aboveOrEqual(first).toArray()).filter(
      (meal) => !gone.has(meal.id) && meal.leftoverOf != null && gone.has(meal.leftoverOf),
    );
    const removed = { rows, leftovers };
    await deleteRows(db, removed);
    return removed;
  });
}

/** Undoes removeMeals. */
export async function restoreMeals(db: ThirtyfoldDatabase, removed: RemovedMeals): Promise<void> {
  await db.meals.bulkPut([...removed.rows, ...removed.leftovers]);
}

/** Redoes removeMeals after an Undo. */
export function removeMealsAgain(db: ThirtyfoldDatabase, removed: RemovedMeals): Promise<void> {
  return deleteRows(db, removed);
}

/** Copies the meals of the days from `from` to `to` (both included) `shift` days on, leftover links kept among the copies. Returns how many. */
export function copyDays(db: ThirtyfoldDatabase, range: { from: string; to: string }, shift: number, newId: () => string): Promise<number> {
  return db.transaction('rw', db.meals, async () => {
    const meals = await db.meals.where('date').between(range.from, range.to, true, true).toArray();
    await db.meals.bulkAdd(copyMeals(meals, (meal) => ({ date: addDays(meal.date, shift) }), newId));
    return meals.length;
  });
}

/** The same meal on the same weekday for the next `weeks` weeks. */
export function repeatMealWeekly(db: ThirtyfoldDatabase, id: string, weeks: number, newId: () => string): Promise<void> {
  return db.transaction('rw', db.meals, async () => {
    const meal = await db.meals.get(id);
    if (!meal) return;
    const copies = Array.from({ length: weeks }, (_, i) => copyMeals([meal], () => ({ date: addDays(meal.date, 7 * (i + 1)) }), newId)[0]);
    await db.meals.bulkAdd(copies);
  });
}

/** A leftover meal of the same recipe, linked to the original. */
export function addLeftover(db: ThirtyfoldDatabase, id: string, to: { date: string; slot: string }, leftoverId: string): Promise<void> {
  return db.transaction('rw', db.meals, async () => {
    const meal = await db.meals.get(id);
    if (!meal) return;
    const leftover: Meal = { ...meal, ...to, id: leftoverId, leftoverOf: meal.id };
    delete leftover.eaten;
    await db.meals.add(leftover);
  });
}

/** Where the leftovers of a meal go by default: the first free slot in the week after it (see freeLeftoverSlot). Null if the meal is gone. */
export function leftoverPlace(db: ThirtyfoldDatabase, id: string, slots: readonly string[]): Promise<LeftoverPlace | null> {
  return db.transaction('r', db.meals, async () => {
    const meal = await db.meals.get(id);
    if (!meal) return null;
    const taken = await db.meals.where('date').between(addDays(meal.date, 1), addDays(meal.date, 7), true, true).toArray();
    return freeLeftoverSlot(meal, slots, taken);
  });
}
