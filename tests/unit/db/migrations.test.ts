import { describe, expect, it } from 'vitest';
import type { Meal, Recipe } from '../../../src/core/types';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../src/db/schema';
import { readSettings, writeSetting } from '../../../src/db/settings-repository';
import { migrationHarness } from './harness';

const recipe: Recipe = {
  id: 'r1',
  name: 'Lentil soup',
  servings: 4,
  ingredients: ['1 cup red lentils', '1 onion'],
  steps: ['Simmer.'],
  tags: ['dinner'],
  source: null,
  prepMinutes: 10,
  cookMinutes: 30,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};
const meal: Meal = { id: 'm1', date: '2026-11-23', slot: 'dinner', recipe: 'r1', food: null, servings: 2 };

describe('database schema versions', () => {
  it('are numbered 1, 2, 3 … without gaps (append-only)', () => {
    SCHEMA_VERSIONS.forEach((schema, index) => expect(schema.version).toBe(index + 1));
    expect(CURRENT_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('version 1 stores and indexes every table', async () => {
    const harness = migrationHarness();
    const db = harness.open();
    await db.recipes.put(recipe);
    await db.meals.put(meal);
    await db.shopping.put({ id: '2026-11-23..2026-11-29', checked: ['onion'], manual: ['bin bags'] });
    await writeSetting(db, 'people', 3);
    expect(await db.meals.where('date').between('2026-11-23', '2026-11-29', true, true).count()).toBe(1);
    expect(await db.meals.where('[date+slot]').equals(['2026-11-23', 'dinner']).count()).toBe(1);
    expect(await db.recipes.where('tags').equals('dinner').count()).toBe(1);
    expect((await readSettings(db)).people).toBe(3);
    db.close();
  });

  // Each later version adds a case here: seed version n with real rows, open n+1, assert them.
  it.each(SCHEMA_VERSIONS.map((s) => s.version))('data seeded at version %i opens unchanged at the current version', async (version) => {
    const harness = migrationHarness();
    await harness.seed(version, async (db) => {
      await db.recipes.put(recipe);
      await db.meals.put(meal);
      await db.settings.put({ key: 'weekStartDay', value: 0 });
    });
    const db = harness.open();
    expect(await db.recipes.get('r1')).toEqual(recipe);
    expect(await db.meals.get('m1')).toEqual(meal);
    expect((await readSettings(db)).weekStartDay).toBe(0);
    expect(db.verno).toBe(CURRENT_VERSION);
    db.close();
  });

  it('falls back to defaults for settings of the wrong shape', async () => {
    const harness = migrationHarness();
    const db = harness.open();
    await db.settings.bulkPut([
      { key: 'people', value: 'many' },
      { key: 'slots', value: [1, 2] },
      { key: 'weekStartDay', value: 9 },
      { key: 'units', value: 'us' },
    ]);
    const settings = await readSettings(db);
    expect(settings.people).toBe(2);
    expect(settings.slots).toEqual(['breakfast', 'lunch', 'dinner', 'snack']);
    expect(settings.weekStartDay).toBe(1);
    expect(settings.units).toBe('us');
    db.close();
  });
});
