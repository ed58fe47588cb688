import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readBackup } from '../../src/core/backup';
import { addDays } from '../../src/core/dates';
import { exportDatabase, restoreBackup } from '../../src/db/backup-repository';
import { ThirtyfoldDatabase } from '../../src/db/database';
import { backup } from '../../src/state/backup.svelte';
import { db } from '../../src/state/database';
import { plan } from '../../src/state/plan.svelte';
import { mealActions } from '../../src/state/meal-actions.svelte';
import { recipes } from '../../src/state/recipes.svelte';
import { undoStack } from '../../src/state/undo.svelte';

const meta = { appVersion: '0.1.0', exportedAt: '2026-11-25T10:00:00.000Z' };

// Values a user, a pasted file or a cleared box can produce, within the limits and outside them.
const servings = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, -1, 0.5, 1e300, 5e6, Number.NaN, Number.POSITIVE_INFINITY));
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('x'.repeat(600), 'y'.repeat(20_001), '1 apple'));
const slot = fc.oneof(fc.constantFrom('breakfast', 'lunch', 'dinner'), fc.constantFrom('s'.repeat(300), ''));
const day = fc.integer({ min: -3, max: 10 });
const pick = fc.nat();

const operation = fc.oneof(
  fc.record({ op: fc.constant('add' as const), day, slot, food: text, servings, recipe: fc.option(pick) }),
  fc.record({ op: fc.constant('serve' as const), pick, servings }),
  fc.record({ op: fc.constant('move' as const), pick, day, slot, copy: fc.boolean() }),
  fc.record({ op: fc.constant('create' as const), name: text, servings, lines: fc.constantFrom(1, 6_000), step: text }),
  fc.record({ op: fc.constant('rename' as const), pick, name: text }),
  fc.record({
    op: fc.constant('import' as const),
    meals: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), slot, food: text, servings }), { minLength: 1, maxLength: 3 }),
    recipeServings: servings,
    lines: fc.constantFrom(1, 6_000),
    tag: text,
  }),
  fc.record({ op: fc.constant('delete-meal' as const), pick }),
  fc.record({ op: fc.constant('delete-recipe' as const), pick }),
  fc.record({ op: fc.constant('undo' as const) }),
  fc.record({ op: fc.constant('redo' as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function run(step: Operation): Promise<void> {
  const meals = await db.meals.toArray();
  const library = await db.recipes.toArray();
  const mealAt = (index: number) => meals[index % Math.max(1, meals.length)];
  const recipeAt = (index: number) => library[index % Math.max(1, library.length)];
  switch (step.op) {
    case 'add': {
      const recipe = step.recipe === null ? undefined : recipeAt(step.recipe);
      await mealActions.add({
        date: addDays(plan.weekStart, step.day),
        slot: step.slot,
        recipe: recipe?.id ?? null,
        food: recipe ? null : step.food,
        servings: step.servings,
        leftoverOf: null,
      });
      return;
    }
    case 'serve':
      if (mealAt(step.pick)) await mealActions.setServings(mealAt(step.pick).id, step.servings);
      return;
    case 'move':
      if (mealAt(step.pick)) await mealActions.move(mealAt(step.pick).id, addDays(plan.weekStart, step.day), step.slot, step.copy);
      return;
    case 'create':
      await recipes.save({
        name: step.name,
        servings: step.servings,
        ingredients: Array(step.lines).fill('1 cup rice'),
        steps: [step.step],
        tags: [],
        source: null,
        prepMinutes: null,
        cookMinutes: null,
      });
      return;
    case 'rename': {
      const recipe = recipeAt(step.pick);
      if (recipe) await recipes.save({ ...recipe, name: step.name }, recipe);
      return;
    }
    case 'import': {
      const file = {
        format: 'thirtyfold.plan/1',
        weekStart: '2026-11-23',
        recipes: [{ id: 'r-file', name: 'From the file', servings: step.recipeServings, ingredients: Array(step.lines).fill('1 apple'), tags: [step.tag] }],
        meals: step.meals.map((meal, index) =>
          index === 0
            ? { date: addDays('2026-11-23', meal.day), slot: meal.slot, recipe: 'r-file', servings: meal.servings }
            : { date: addDays('2026-11-23', meal.day), slot: meal.slot, food: meal.food, servings: meal.servings },
        ),
      };
      await backup.importWeek(JSON.stringify(file), 'week.json');
      return;
    }
    case 'delete-meal':
      if (mealAt(step.pick)) await mealActions.remove([mealAt(step.pick).id], 'Deleted a meal');
      return;
    case 'delete-recipe':
      if (recipeAt(step.pick)) await recipes.remove([recipeAt(step.pick).id]);
      return;
    case 'undo':
      await undoStack.undo();
      return;
    case 'redo':
      await undoStack.redo();
      return;
  }
}

describe("the app's own writes", () => {
  const other = new ThirtyfoldDatabase('restored', { indexedDB: new IDBFactory(), IDBKeyRange });

  beforeEach(() => {
    // A refused write is shown to the user as a notice; here the log of it is noise.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('never store what a backup refuses: after every add, move, serve, rename, import, delete and undo the export restores', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (steps) => {
        await Promise.all([db.meals.clear(), db.recipes.clear(), db.shopping.clear(), db.foods.clear(), db.settings.clear()]);
        for (const step of steps) {
          // A refused write throws with a message; what matters is what is stored afterwards.
          await run(step).catch((error: unknown) => {
            expect(String(error)).toMatch(/: /);
          });
          const exported = await exportDatabase(db, meta);
          expect(exported.problem ?? null).toBeNull();
          const read = readBackup(exported.text);
          expect(read.ok ? null : read.error).toBeNull();
          if (!read.ok) return;
          const restored = await restoreBackup(other, read.backup, { meta, keepCopy: async () => true });
          expect(restored).not.toBeNull();
          expect(await other.meals.count()).toBe(read.backup.data.meals.length);
        }
      }),
      { numRuns: 40 },
    );
  });
});
