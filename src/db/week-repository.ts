import type { Meal, Recipe } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

/** The meals of a date range and exactly the recipes they eat. */
export interface WeekRead {
  /** The range read, both days included (a live answer can be told from an answer for another range). */
  from: string;
  to: string;
  /** The meals dated inside the range, by date. */
  meals: Meal[];
  /** The recipes those meals eat, by id; a meal whose recipe is gone has none here. */
  recipes: ReadonlyMap<string, Recipe>;
}

/**
 * Reads the meals from one date to another (both included) and the recipes
 * they eat, in one read transaction, by the `date` index and the recipes'
 * keys: never the whole library. The one reader of a week (the planner, its
 * earlier weeks, the shopping list, the Scores review); a range that ends
 * before it starts holds nothing.
 */
export function readWeek(db: ThirtyfoldDatabase, from: string, to: string): Promise<WeekRead> {
  return db.transaction('r', db.meals, db.recipes, async () => {
    const meals = from <= to ? await db.meals.where('date').between(from, to, true, true).toArray() : [];
    const ids = [...new Set(meals.flatMap((meal) => (meal.recipe === null ? [] : [meal.recipe])))];
    const found = ids.length > 0 ? await db.recipes.bulkGet(ids) : [];
    const recipes = new Map<string, Recipe>();
    for (const recipe of found) if (recipe) recipes.set(recipe.id, recipe);
    return { from, to, meals, recipes };
  });
}
