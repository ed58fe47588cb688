import { describe, expect, it } from 'vitest';
import type { Meal, Recipe } from '../../../src/core/types';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../src/db/schema';
import { readSettings, writeSetting } from '../../../src/db/settings-repository';
import { generateLibrary } from '../../../scripts/bench/generate';
import { migrationHarness } from './harness';
import { catalog, starterLines } from './restore-library';

const recipe: Recipe = {
  id: 'r1',
  name: 'Lentil soup',
  servings: 4,
  ingredients: [
    { id: 'l1', text: '1 cup red lentils' },
    { id: 'l2', text: '1 blorp', food: 'onion', grams: 110 },
  ],
  steps: ['Simmer.'],
  tags: ['dinner'],
  source: null,
  prepMinutes: 10,
  cookMinutes: 30,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};
/** The same recipe as version 1 stored it: lines as strings, the fix keyed by line index. */
const recipeV1 = {
  ...recipe,
  ingredients: ['1 cup red lentils', '1 blorp'],
  overrides: { 1: { food: 'onion', grams: 110 } },
};

/** A recipe row as schema version `version` stored it. */
function recipeAt(version: number): unknown {
  return version === 1 ? recipeV1 : recipe;
}

const meal: Meal = { id: 'm1', date: '2026-11-23', slot: 'dinner', recipe: 'r1', food: null, servings: 2 };

describe('database schema versions', () => {
  it('are numbered 1, 2, 3 … without gaps (append-only)', () => {
    SCHEMA_VERSIONS.forEach((schema, index) => expect(schema.version).toBe(index + 1));
    expect(CURRENT_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('version 1 stores and indexes every table', async () => {
    const harness = migrationHarness();
    const db = harness.open(1);
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
  it.each(SCHEMA_VERSIONS.map((s) => s.version))('data seeded at version %i opens at the current version with the same meaning', async (version) => {
    const harness = migrationHarness();
    await harness.seed(version, async (db) => {
      await db.recipes.put(recipeAt(version) as Recipe);
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

  it('version 2 turns string lines into records and moves each index-keyed fix onto its line', async () => {
    const harness = migrationHarness();
    await harness.seed(1, async (db) => {
      await db.recipes.bulkPut([
        recipeV1 as unknown as Recipe,
        { ...recipe, id: 'r2', ingredients: ['2 eggs', 'salt', 'For the sauce:', '1 tbsp miso'], overrides: { 0: { grams: null }, 3: { food: null } } } as unknown as Recipe,
        { ...recipe, id: 'r3', ingredients: [] } as unknown as Recipe,
      ]);
    });
    const db = harness.open();
    expect(await db.recipes.get('r1')).toEqual(recipe);
    const r2 = await db.recipes.get('r2');
    expect(r2?.ingredients).toEqual([
      { id: 'l1', text: '2 eggs' },
      { id: 'l2', text: 'salt' },
      { id: 'l3', text: 'For the sauce:' },
      { id: 'l4', text: '1 tbsp miso', food: null },
    ]);
    expect(r2).not.toHaveProperty('overrides');
    expect((await db.recipes.get('r3'))?.ingredients).toEqual([]);
    // The new index finds recipes by the foods their stored parse was read against.
    await db.recipes.update('r3', { parsed: { with: 'k1', texts: '', lines: '[]' } });
    expect(await db.recipes.where('parsed.with').equals('k1').primaryKeys()).toEqual(['r3']);
    db.close();
  });

  it('version 2 upgrades a library of 10,000 recipes in place, every line and fix kept', async () => {
    const generated = generateLibrary({ seed: 16, recipes: 10_000, weeks: 2, endDate: '2026-11-29', catalog, lines: starterLines });
    // Version 1 rows: the lines as strings, and every seventh recipe with fixes keyed by line index.
    const rows = generated.recipes.map((r, i) => ({
      ...r,
      ingredients: r.ingredients.map((line) => line.text),
      ...(i % 7 === 0 ? { overrides: { 0: { food: 'kale' }, 2: { grams: 40 } } } : {}),
    }));
    const harness = migrationHarness();
    await harness.seed(1, async (db) => {
      await db.recipes.bulkPut(rows as unknown as Recipe[]);
    });
    const db = harness.open();
    const after = await db.recipes.toArray();
    expect(after).toHaveLength(10_000);
    const byId = new Map(after.map((r) => [r.id, r]));
    let lines = 0;
    for (const [i, row] of rows.entries()) {
      const migrated = byId.get(row.id)!;
      expect(migrated.ingredients.map((line) => line.text)).toEqual(row.ingredients);
      expect(new Set(migrated.ingredients.map((line) => line.id)).size).toBe(row.ingredients.length);
      expect(migrated).not.toHaveProperty('overrides');
      if (i % 7 === 0) {
        expect(migrated.ingredients[0].food).toBe('kale');
        expect(migrated.ingredients[2].grams).toBe(40);
      } else {
        expect(migrated.ingredients.some((line) => line.food !== undefined || line.grams !== undefined)).toBe(false);
      }
      lines += migrated.ingredients.length;
    }
    expect(lines).toBeGreaterThan(60_000);
    expect(db.verno).toBe(CURRENT_VERSION);
    db.close();
  }, 120_000);

  it('version 3 turns a version-2 household of `people: 3` into three adults named Person 1 … 3, at the household fiber target', async () => {
    const harness = migrationHarness();
    await harness.seed(2, async (db) => {
      await db.recipes.put(recipe);
      await db.meals.bulkPut([meal, { ...meal, id: 'm2', date: '2026-11-24', servings: 3 }]);
      await writeSetting(db, 'people', 3);
      await writeSetting(db, 'fiberTarget', 28);
    });
    const db = harness.open();
    const members = await db.members.orderBy('order').toArray();
    expect(members).toEqual([1, 2, 3].map((n) => ({ id: `person-${n}`, name: `Person ${n}`, portion: 1, fiberTarget: 28, ageBand: '19-50', sex: 'unspecified', order: n })));
    // Every meal keeps its servings and is eaten by everyone (no list of eaters).
    expect(await db.meals.get('m2')).toEqual({ ...meal, id: 'm2', date: '2026-11-24', servings: 3 });
    // The new index finds the meals a member is listed at.
    await db.meals.update('m1', { eaters: ['person-2'], guests: 1 });
    expect(await db.meals.where('eaters').equals('person-2').primaryKeys()).toEqual(['m1']);
    expect(await db.meals.where('eaters').equals('person-1').count()).toBe(0);
    db.close();
  });

  it('version 3 gives a version-2 database without a people setting the default two adults, and writes are checked', async () => {
    const harness = migrationHarness();
    await harness.seed(2, async (db) => {
      await db.meals.put(meal);
    });
    const db = harness.open();
    expect((await db.members.toArray()).map((m) => m.name)).toEqual(['Person 1', 'Person 2']);
    await expect(db.members.put({ id: 'kid', name: 'Kid', portion: 0, fiberTarget: 19, ageBand: '4-8', sex: 'female', order: 3 })).rejects.toThrow(/members \(id "kid"\)\.portion/);
    await expect(db.meals.put({ ...meal, guests: 1.5 })).rejects.toThrow(/guests/);
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
