import type { Meal, Recipe } from '../core/types';
import { readWeek, type WeekRead } from '../db/week-repository';
import { db } from './database';
import { live } from './live.svelte';

/** A date range's meals and the recipes they eat, live from the database. */
export interface LiveWeek {
  /** The latest answer's meals (an answer for the range asked before, until the new one arrives). */
  readonly meals: Meal[];
  /** The recipes of the latest answer's meals. */
  readonly recipes: ReadonlyMap<string, Recipe>;
  /** True once the answer is for the range asked now. */
  readonly read: boolean;
  readonly error: Error | null;
}

const NOTHING: WeekRead = { from: '', to: '', meals: [], recipes: new Map() };

/**
 * The live week: `readWeek` over the range `range` gives (read and tracked),
 * asked again when the range or the meals and recipes change. The one way
 * state reads planned meals with their recipes.
 */
export function liveWeek(range: () => readonly [from: string, to: string]): LiveWeek {
  const query = live(range, ([from, to]) => readWeek(db, from, to), NOTHING);
  return {
    get meals() {
      return query.current.meals;
    },
    get recipes() {
      return query.current.recipes;
    },
    get read() {
      const [from, to] = range();
      return query.ready && query.current.from === from && query.current.to === to;
    },
    get error() {
      return query.error;
    },
  };
}
