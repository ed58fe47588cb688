import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPlanFile } from '../../../src/core/plan/plan-file';
import { dumpDatabase, replaceDatabase } from '../../../src/db/backup-repository';
import { ThirtyfoldDatabase } from '../../../src/db/database';
import { followStarterMeals, readStarterRecord, STARTER_KEY } from '../../../src/db/starter-repository';
import { db } from '../../../src/state/database';
import { readStarterRecipes, starter } from '../../../src/state/starter.svelte';
import { closeAll, expectConverged, openDevice, randomKey, startServer, tempDir, type Device } from './harness';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const recipesText = readFileSync(path.join(repoRoot, 'resources/starter/recipes.json'), 'utf8');
const weekText = readFileSync(path.join(repoRoot, 'resources/starter/example-week.json'), 'utf8');

beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string) => new Response(String(url).includes('example-week') ? weekText : recipesText, { status: 200 }));
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the first join of two devices that both loaded the starter content', () => {
  it('keeps the starter library and the example week once, leftovers pointing at the meals kept', async () => {
    const dir = await tempDir();
    const server = await startServer(dir.path);
    const devices: Device[] = [];
    try {
      // Each device loads the starter with the app's own first run: the same recipes (loaded at another moment), the example week with its own meal ids.
      expect(await starter.loadIfFirstRun()).toBe(true);
      const first = new ThirtyfoldDatabase(`starter-first-${Math.random()}`);
      await first.open();
      await replaceDatabase(first, await dumpDatabase(db));
      await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await starter.loadIfFirstRun()).toBe(true);
      const firstMeals = await first.meals.toArray();
      const secondMeals = await db.meals.toArray();
      expect(secondMeals.some((meal) => firstMeals.some((other) => other.id === meal.id))).toBe(false);
      expect((await db.recipes.toArray())[0].updatedAt > (await first.recipes.toArray())[0].updatedAt).toBe(true);

      const key = randomKey();
      const a = await openDevice(key, server.url, { db: first });
      devices.push(a);
      await a.sync.join();
      const b = await openDevice(key, server.url, { db });
      devices.push(b);
      const joined = await b.sync.join();
      // The app's join (state/household.svelte.ts) has the starter record follow the example meals kept as the household's.
      await followStarterMeals(db, joined.twins);
      await expectConverged([a, b]);

      const library = readStarterRecipes(recipesText, '2026-11-30T10:00:00Z');
      const example = readPlanFile(weekText);
      const extra = example.recipes.filter((recipe) => !library.some((known) => known.id === recipe.id));
      for (const device of [a, b]) {
        expect(await device.db.recipes.count()).toBe(library.length + extra.length);
        const meals = await device.db.meals.toArray();
        expect(meals).toHaveLength(example.meals.length);
        const ids = new Set(meals.map((meal) => meal.id));
        const leftovers = meals.filter((meal) => meal.leftoverOf);
        expect(leftovers.length).toBeGreaterThan(0);
        expect(leftovers.every((meal) => ids.has(meal.leftoverOf!))).toBe(true);
      }

      // The joined device's record names the household's example meals, so its banner can still clear the week, on both devices.
      expect(joined.twins).toHaveLength(example.meals.length);
      const record = readStarterRecord((await db.settings.get(STARTER_KEY))?.value)!;
      expect(await db.meals.bulkGet(record.mealIds)).not.toContain(undefined);
      expect(await starter.clearExampleWeek()).toBe(example.meals.length);
      await expectConverged([a, b]);
      expect(await a.db.meals.count()).toBe(0);
    } finally {
      await closeAll(devices);
      await server.stop();
      await dir.remove();
    }
  });
});
