import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../src/core/backup';
import type { PlanFile } from '../../../src/core/plan/plan-file';
import type { Meal } from '../../../src/core/types';
import { addPlanFile, dumpDatabase, exportDatabase, restoreBackup } from '../../../src/db/backup-repository';
import type { ThirtyfoldDatabase } from '../../../src/db/database';
import { applyRecords, findRecordProblems, repairRecords, undoRepair } from '../../../src/db/records-repository';
import { SCHEMA_VERSIONS } from '../../../src/db/schema';
import { RecordError } from '../../../src/db/validation';
import { migrationHarness } from './harness';
import { mealRow as meal, recipeRow as recipe } from './rows';

const meta = { appVersion: '0.1.0', exportedAt: '2026-11-25T10:00:00.000Z' };
const SERVINGS = 'must be a number more than 0 and at most 1,000,000';

async function fresh(): Promise<{ db: ThirtyfoldDatabase; harness: ReturnType<typeof migrationHarness> }> {
  const harness = migrationHarness();
  const db = harness.open();
  await db.open();
  return { db, harness };
}

/** The same database as the app's code before every write was checked: a plain Dexie over the same stores. */
function unchecked(harness: ReturnType<typeof migrationHarness>, db: ThirtyfoldDatabase): Dexie {
  const plain = new Dexie(db.name, { indexedDB: (db as unknown as { _options: { indexedDB: IDBFactory } })._options.indexedDB });
  for (const schema of SCHEMA_VERSIONS) plain.version(schema.version).stores(schema.stores);
  void harness;
  return plain;
}

describe('every write is checked with the backup schema', () => {
  it('refuses a meal of 0 servings, naming the field, and the action writes nothing', async () => {
    const { db } = await fresh();
    const write = db.transaction('rw', db.meals, async () => {
      await db.meals.add(meal('m-ok'));
      await db.meals.add(meal('m-bad', { servings: 0 }));
    });
    await expect(write).rejects.toThrow(new RecordError(`Not saved: meals (id "m-bad").servings: ${SERVINGS}`));
    expect(await db.meals.count()).toBe(0);
  });

  it('refuses an update that would make a stored record fail (a cleared Serves box), keeping the old value', async () => {
    const { db } = await fresh();
    await db.meals.add(meal('m1'));
    await expect(db.meals.update('m1', { servings: 0 })).rejects.toThrow(`meals (id "m1").servings: ${SERVINGS}`);
    await expect(db.meals.update('m1', { servings: Number.NaN })).rejects.toThrow('servings');
    expect((await db.meals.get('m1'))?.servings).toBe(2);
  });

  it('refuses over-long text and lists in recipes, foods lines and slots', async () => {
    const { db } = await fresh();
    await expect(db.recipes.put(recipe('r1', { name: 'x'.repeat(501) }))).rejects.toThrow('recipes (id "r1").name: must be a string of at most 500 characters');
    await expect(db.recipes.put(recipe('r1', { steps: ['s'.repeat(60_000)] }))).rejects.toThrow('recipes (id "r1").steps[0]');
    await expect(db.recipes.put(recipe('r1', { tags: ['t'.repeat(300)] }))).rejects.toThrow('recipes (id "r1").tags[0]');
    await expect(db.meals.put(meal('m1', { food: 'f'.repeat(20_000) }))).rejects.toThrow('meals (id "m1").food');
    await expect(db.meals.put(meal('m1', { slot: 's'.repeat(300) }))).rejects.toThrow('meals (id "m1").slot');
    await expect(db.meals.put(meal('m1', { recipe: null, food: null }))).rejects.toThrow('meals (id "m1"): needs a recipe or a food line');
    await expect(db.settings.put({ key: 'people', value: Number.POSITIVE_INFINITY })).rejects.toThrow('settings["people"]: holds a number that is not finite');
    expect(await db.recipes.count()).toBe(0);
    expect(await db.meals.count()).toBe(0);
  });

  it('refuses a week file with impossible values, naming the file record, and adds nothing', async () => {
    const { db } = await fresh();
    // The plan-file reader refuses these too; the write refuses them whatever hands them over.
    type Row = Record<string, unknown>;
    const file = (meals: Row[], recipes: Row[] = []): PlanFile => ({
      people: 2,
      weekStart: '2026-11-23',
      recipes: recipes.map((row) => recipe(String(row.id), row)),
      meals: meals.map((row, index) => meal(`file-${index}`, { recipe: null, ...row })),
    });
    const options = { shift: 0, now: '2026-11-25T10:00:00.000Z', newId: (prefix: string) => `${prefix}-${Math.random()}` };
    const cases: [ReturnType<typeof file>, string][] = [
      [file([{ date: '2026-11-23', slot: 'dinner', food: '1 apple', servings: 0 }]), `meals[0].servings: ${SERVINGS}`],
      [file([{ date: '2026-11-23', slot: 'dinner', food: '1 apple', servings: 1e300 }]), `meals[0].servings: ${SERVINGS}`],
      [file([{ date: '2026-11-23', slot: 'dinner', food: 'x'.repeat(20_000), servings: 1 }]), 'meals[0].food'],
      [file([{ date: '2026-11-23', slot: 's'.repeat(300), food: '1 apple', servings: 1 }]), 'meals[0].slot'],
      [
        file([{ date: '2026-11-23', slot: 'dinner', recipe: 'r1', food: null, servings: 2 }], [{ id: 'r1', name: 'Big', servings: 5e6, ingredients: [{ id: 'l1', text: '1 apple' }] }]),
        `recipes (id "r1").servings: ${SERVINGS}`,
      ],
      [
        file([{ date: '2026-11-23', slot: 'dinner', recipe: 'r1', food: null, servings: 2 }], [{ id: 'r1', name: 'Long', servings: 2, ingredients: Array.from({ length: 6_000 }, (_, at) => ({ id: `l${at + 1}`, text: '1 apple' })) }]),
        'recipes (id "r1").ingredients: must have at most 5,000 items',
      ],
    ];
    for (const [plan, message] of cases) {
      await expect(addPlanFile(db, plan, options)).rejects.toThrow(message);
    }
    expect(await db.meals.count()).toBe(0);
    expect(await db.recipes.count()).toBe(0);
  });

  it('checks records applied from outside (household sync) whole before writing any', async () => {
    const { db } = await fresh();
    await expect(applyRecords(db, 'meals', [meal('m1'), meal('m2', { servings: -1 })])).rejects.toThrow(`meals (id "m2").servings: ${SERVINGS}`);
    expect(await db.meals.count()).toBe(0);
    await applyRecords(db, 'meals', [meal('m1'), meal('m2')]);
    expect(await db.meals.count()).toBe(2);
  });
});

describe('a backup is never blocked by the data it protects', () => {
  it('writes the backup of data that fails the checks as it is, flagged, and names the record', async () => {
    const { db, harness } = await fresh();
    const old = unchecked(harness, db);
    await old.table('meals').bulkPut([meal('m1'), meal('m2', { servings: 0 })]);
    old.close();
    const exported = await exportDatabase(db, meta);
    expect(exported.problem).toBe(`meals[1] (id "m2").servings: ${SERVINGS}`);
    const file = JSON.parse(exported.text) as { problems: string[]; data: { meals: Meal[] } };
    expect(file.problems).toEqual([exported.problem]);
    expect(file.data.meals.map((row) => row.servings)).toEqual([2, 0]);
    // Read back, the file names the same record rather than restoring it silently.
    const read = readBackup(exported.text);
    expect(read.ok ? null : read.error).toBe(exported.problem);
  });

  it('keeps the safety copy before a restore even when the current data fails the checks', async () => {
    const { db, harness } = await fresh();
    const old = unchecked(harness, db);
    await old.table('meals').put(meal('m-bad', { servings: 0 }));
    old.close();
    const incoming = readBackup(
      JSON.stringify({ format: 'thirtyfold.backup', version: 1, ...meta, data: { recipes: [], meals: [meal('m-new')], foods: [], settings: {}, shopping: [] } }),
    );
    if (!incoming.ok) throw new Error(incoming.error);
    const kept: { text: string; problem: string | null }[] = [];
    const copy = await restoreBackup(db, incoming.backup, { meta, keepCopy: async (text, problem) => (kept.push({ text, problem }), true) });
    expect(kept).toHaveLength(1);
    expect(kept[0].problem).toContain('meals[0] (id "m-bad").servings');
    expect(copy?.problem).toBe(kept[0].problem);
    expect((await dumpDatabase(db)).meals.map((row) => row.id)).toEqual(['m-new']);
  });

  it('fixes what it can (servings out of range become 1, over-long text is cut), with Undo, and names the rest', async () => {
    const { db, harness } = await fresh();
    const old = unchecked(harness, db);
    await old.table('meals').bulkPut([meal('m1', { servings: 0 }), meal('m2', { servings: 1e300 }), meal('m3', { date: '0000-01-01' })]);
    await old.table('recipes').put(recipe('r1', { name: 'n'.repeat(600) }));
    old.close();
    expect((await findRecordProblems(db)).map((found) => found.key)).toEqual(['r1', 'm1', 'm2', 'm3']);
    const repair = await repairRecords(db);
    expect(repair.before).toHaveLength(3);
    expect(repair.left.map((found) => found.key)).toEqual(['m3']);
    expect((await db.meals.get('m1'))?.servings).toBe(1);
    expect((await db.meals.get('m2'))?.servings).toBe(1_000_000);
    expect((await db.recipes.get('r1'))?.name).toHaveLength(500);
    await undoRepair(db, repair);
    expect((await db.meals.get('m1'))?.servings).toBe(0);
    expect((await db.recipes.get('r1'))?.name).toHaveLength(600);
  });
});
