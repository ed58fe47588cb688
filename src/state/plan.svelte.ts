import { addDays, weekDates, weekStartOf } from '../core/dates';
import type { Meal, Recipe } from '../core/types';
import { todayIso } from './ids';
import { settings } from './settings.svelte';
import { liveWeek } from './week.svelte';

/**
 * The planner: which week is on screen (navigation) and that week's meals
 * with the recipes they eat, from the one week reader (`readWeek`, live).
 * The week's scores are `weekScore` (`week-score.svelte.ts`); planning
 * actions are `mealActions` (`meal-actions.svelte.ts`).
 */
export class PlanState {
  /** Any date inside the week on screen. */
  anchor = $state(todayIso());
  readonly today = todayIso();

  readonly weekStart = $derived(weekStartOf(this.anchor, settings.current.weekStartDay));
  readonly dates: string[] = $derived(weekDates(this.weekStart));
  readonly weekEnd = $derived(this.dates[6]);

  /** This week's meals and the recipes they use: all the week needs to be drawn. The planner never reads the whole library. */
  #week = liveWeek(() => [this.weekStart, this.weekEnd]);
  /** The answer is for the week on screen. */
  readonly read: boolean = $derived(this.#week.read);

  readonly meals: Meal[] = $derived(this.#week.meals.filter((meal) => meal.date >= this.weekStart && meal.date <= this.weekEnd));
  /** The recipes this week's meals eat. */
  readonly recipes: ReadonlyMap<string, Recipe> = $derived(this.#week.recipes);

  /** Meals of one cell, in the order they were added. */
  mealsAt(date: string, slot: string): Meal[] {
    return this.meals.filter((meal) => meal.date === date && meal.slot === slot);
  }

  goTo(date: string): void {
    this.anchor = date;
  }

  next(): void {
    this.anchor = addDays(this.weekStart, 7);
  }

  previous(): void {
    this.anchor = addDays(this.weekStart, -7);
  }

  thisWeek(): void {
    this.anchor = todayIso();
  }
}

export const plan = new PlanState();
