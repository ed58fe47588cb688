import type { DBCore, DBCoreTable } from 'dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../src/core/dates';
import { linesFromTexts } from '../../../src/core/recipes/lines';
import type { Meal, Recipe } from '../../../src/core/types';
import { readWeek } from '../../../src/db/week-repository';
// The app's boot sequence decides what loads (the catalog, for a week not remembered).
import '../../../src/state/boot.svelte';
import { db } from '../../../src/state/database';
import { plan } from '../../../src/state/plan.svelte';
import { shopping } from '../../../src/state/shopping.svelte';

/*
 * The week is read by its meals' date index and its recipes' keys. These
 * tests count the recipe rows the database hands out while the shopping list
 * of a week opens on a library of 10,000 recipes.
 */

const LIBRARY = 10_000;
const LINES = ['2 cups cooked brown rice', '1 red onion, chopped', '200 g kale', '1 can chickpeas, drained', '2 cloves garlic', '1 tbsp olive oil'];

/** Recipe rows read from the database, by the call that read them. */
const reads = { rows: 0, cursors: 0 };

function counting(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    get: async (req) => {
      const value = await table.get(req);
      if (value !== undefined) reads.rows += 1;
      return value;
    },
    getMany: async (req) => {
      const values = await table.getMany(req);
      reads.rows += values.filter((value) => value !== undefined).length;
      return values;
    },
    query: async (req) => {
      const response = await table.query(req);
      reads.rows += response.result.length;
      return response;
    },
    openCursor: (req) => {
      reads.cursors += 1;
      return table.openCursor(req);
    },
  };
}

function recipe(index: number): Recipe {
  return {
    id: `r${index}`,
    name: `Recipe ${String(index).padStart(5, '0')}`,
    servings: 4,
    ingredients: linesFromTexts([LINES[index % LINES.length], LINES[(index + 1) % LINES.length], LINES[(index + 3) % LINES.length]]),
    steps: [],
    tags: [],
    source: null,
    prepMinutes: null,
    cookMinutes: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

let weekStart = '';
let weekMeals: Meal[] = [];

beforeAll(async () => {
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'count-recipe-reads',
    create: (down: DBCore): DBCore => ({ ...down, table: (name) => (name === 'recipes' ? counting(down.table(name)) : down.table(name)) }),
  });
  await db.open();
  weekStart = plan.weekStart;
  weekMeals = Array.from({ length: 10 }, (_, day) => ({
    id: `m${day}`,
    date: addDays(weekStart, day % 7),
    slot: day < 7 ? 'dinner' : 'lunch',
    recipe: `r${day * 997}`,
    food: null,
    servings: 2,
    leftoverOf: null,
  }));
  const earlier = Array.from({ length: 40 }, (_, index) => ({
    id: `e${index}`,
    date: addDays(weekStart, -1 - (index % 60)),
    slot: 'dinner',
    recipe: `r${5000 + index}`,
    food: null,
    servings: 2,
    leftoverOf: null,
  }));
  await db.transaction('rw', db.recipes, db.meals, async () => {
    await db.recipes.bulkPut(Array.from({ length: LIBRARY }, (_, index) => recipe(index)));
    await db.meals.bulkPut([...weekMeals, ...earlier]);
  });
}, 120_000);

afterAll(() => {
  db.unuse({ stack: 'dbcore', name: 'count-recipe-reads' });
});

describe('reading a week', () => {
  it('gives the meals of the range and exactly the recipes they eat', async () => {
    const week = await readWeek(db, weekStart, addDays(weekStart, 6));
    expect(week.meals.map((meal) => meal.id).sort()).toEqual(weekMeals.map((meal) => meal.id).sort());
    expect([...week.recipes.keys()].sort()).toEqual([...new Set(weekMeals.map((meal) => meal.recipe))].sort());
    expect((await readWeek(db, addDays(weekStart, 6), weekStart)).meals).toEqual([]);
  });

  it('opening the shopping list with a 10,000-recipe library does not read the whole library', async () => {
    reads.rows = 0;
    reads.cursors = 0;
    shopping.followPlan();
    await vi.waitFor(
      () => {
        expect(shopping.ready).toBe(true);
        expect(shopping.meals).toHaveLength(weekMeals.length);
      },
      { timeout: 30_000, interval: 10 },
    );
    const listed = shopping.list.aisles.flatMap((aisle) => aisle.items.map((item) => item.food));
    expect(listed).toEqual(expect.arrayContaining(['kale', 'garlic']));
    // The week's 10 recipes (each read by the planner and by the list), the earlier weeks' for the planner, and the
    // planner's first 30 by name: a few hundred rows at most, never the library.
    expect(reads.rows).toBeLessThan(200);
    expect(reads.cursors).toBe(0);
  });

  it('follows the week live: a meal added is on the list with its recipe', async () => {
    await db.meals.add({ id: 'added', date: weekStart, slot: 'lunch', recipe: 'r9999', food: null, servings: 1, leftoverOf: null });
    await vi.waitFor(() => expect(shopping.meals.map((meal) => meal.id)).toContain('added'), { timeout: 10_000, interval: 10 });
    const sources = shopping.list.aisles.flatMap((aisle) => aisle.items.flatMap((item) => item.from.map((source) => source.recipe)));
    expect(sources).toContain('Recipe 09999');
  });
});
