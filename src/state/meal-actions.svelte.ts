import { BACKUP_LIMITS, isServings } from '../core/backup';
import { addDays, daysBetween } from '../core/dates';
import { longDate } from '../core/date-format';
import { formatCount } from '../core/format';
import { MEMBER_LIMITS } from '../core/members';
import type { Meal } from '../core/types';
import { addLeftover, addMeals, copyDays, leftoverPlace, moveMeal, removeMeals, removeMealsAgain, repeatMealWeekly, restoreMeals, setMealEaters, setMealServings } from '../db/meals-repository';
import { readWeek } from '../db/week-repository';
import { db } from './database';
import { newId } from './ids';
import { members } from './members.svelte';
import { plan } from './plan.svelte';
import { settings } from './settings.svelte';
import { undoStack } from './undo.svelte';

/** A meal to add: a recipe or a single food line, in a slot on a date. */
export type NewMeal = Omit<Meal, 'id'>;

/**
 * Every planning action. Each is one transaction of the meals repository;
 * destructive ones offer Undo. "The week" is the planner's week on screen.
 */
export class MealActions {
  /** Adds meals in one transaction; returns their ids. */
  async add(...meals: NewMeal[]): Promise<string[]> {
    const rows = meals.map((meal) => ({ ...meal, id: newId('meal') }));
    await addMeals(db, rows);
    return rows.map((row) => row.id);
  }

  /** Says who eats a meal (undefined: everyone) and how many guests; its servings follow the portions. */
  async setEaters(id: string, eaters: string[] | undefined, guests: number): Promise<void> {
    if (!Number.isInteger(guests) || guests < 0 || guests > MEMBER_LIMITS.guests) throw new Error(`Guests must be a whole number from 0 to ${MEMBER_LIMITS.guests}.`);
    const everyone = eaters !== undefined && members.list.every((member) => eaters.includes(member.id));
    if (eaters !== undefined && eaters.length === 0 && guests === 0) throw new Error('Someone has to eat the meal: pick at least one person or add a guest.');
    await setMealEaters(db, id, { eaters: everyone ? undefined : eaters, guests }, members.list);
  }

  async setServings(id: string, servings: number): Promise<void> {
    if (!isServings(servings)) throw new Error(`Servings must be a number above 0, at most ${formatCount(BACKUP_LIMITS.servings)}.`);
    await setMealServings(db, id, servings);
  }

  /** Moves a meal to another cell, or copies it there, in one transaction. */
  move(id: string, date: string, slot: string, copy = false): Promise<void> {
    return moveMeal(db, id, { date, slot }, copy ? { id: newId('meal') } : null);
  }

  /** Deletes meals (one, a day, a week) with Undo; leftovers of a deleted meal lose their link until Undo. */
  async remove(ids: string[], label: string): Promise<void> {
    const removed = await removeMeals(db, ids);
    if (removed.rows.length === 0) return;
    undoStack.push(
      label,
      () => restoreMeals(db, removed),
      () => removeMealsAgain(db, removed),
    );
  }

  clearDay(date: string): Promise<void> {
    const ids = plan.meals.filter((meal) => meal.date === date).map((meal) => meal.id);
    return this.remove(ids, `Cleared ${longDate(date)}`);
  }

  clearWeek(): Promise<void> {
    return this.remove(
      plan.meals.map((meal) => meal.id),
      `Cleared the week of ${longDate(plan.weekStart)}`,
    );
  }

  /** Copies every meal of one day onto another (a leftover eaten the same day stays linked to its copy). */
  async copyDay(from: string, to: string): Promise<void> {
    await copyDays(db, { from, to: from }, daysBetween(from, to), () => newId('meal'));
  }

  /** Copies last week's meals into this week, day for day, leftovers still linked to their copied originals. */
  copyPreviousWeek(): Promise<number> {
    return copyDays(db, { from: addDays(plan.weekStart, -7), to: addDays(plan.weekStart, -1) }, 7, () => newId('meal'));
  }

  /** Repeats a meal on the same weekday for the next `weeks` weeks ("pizza every Friday"). */
  repeatWeekly(id: string, weeks: number): Promise<void> {
    return repeatMealWeekly(db, id, weeks, () => newId('meal'));
  }

  /** "Cook once, eat twice": a leftover meal of the same recipe, linked to the original. */
  leftover(id: string, date: string, slot: string): Promise<void> {
    return addLeftover(db, id, { date, slot }, newId('meal'));
  }

  /** Where the leftovers of a meal go by default: the first free slot after it. */
  leftoverPlace(id: string): Promise<{ date: string; slot: string } | null> {
    return leftoverPlace(db, id, settings.current.slots);
  }

  /** What is already planned in a cell of any week, by name, leaving out the meal `except` (one being moved). */
  async cellContents(date: string, slot: string, except: string | null = null): Promise<string[]> {
    const week = await readWeek(db, date, date);
    return week.meals
      .filter((meal) => meal.slot === slot && meal.id !== except)
      .map((meal) => (meal.recipe === null ? (meal.food ?? 'a food') : (week.recipes.get(meal.recipe)?.name ?? 'a recipe no longer in the library')));
  }
}

export const mealActions = new MealActions();
