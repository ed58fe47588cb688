import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBackup, parseBackup, readBackup, type BackupInput } from '../../../src/core/backup';
import { readPlanFile, writePlanFile } from '../../../src/core/plan/plan-file';
import type { Meal, Recipe } from '../../../src/core/types';
import { addPlanFile, countData, countDatabase, dumpDatabase, readWeekForPlanFile, repairReferences, replaceDatabase } from '../../../src/db/backup-repository';
import type { ThirtyfoldDatabase } from '../../../src/db/database';
import fixtureText from '../../fixtures/backup/v1-sample.thirtyfold.json?raw';
import v2Text from '../../fixtures/backup/v2-sample.thirtyfold.json?raw';
import v3Text from '../../fixtures/backup/v3-sample.thirtyfold.json?raw';
import { migrationHarness } from './harness';
import { recipeRow } from './rows';
import { linesFromTexts } from '../../../src/core/recipes/lines';

const meta = { appVersion: '0.1.0', exportedAt: '2026-11-25T10:00:00.000Z' };

function recipe(id: string, name = `Recipe ${id}`): Recipe {
  return recipeRow(id, { name, ingredients: linesFromTexts(['1 cup red lentils', '1 onion, chopped']) });
}

function meal(id: string, recipeId: string | null, extra: Partial<Meal> = {}): Meal {
  return { id, date: '2026-11-23', slot: 'dinner', recipe: recipeId, food: recipeId ? null : '1 apple', servings: 2, ...extra };
}

/** A library that differs from the fixture in every table. */
const current: BackupInput = {
  recipes: [recipe('r-a', 'Chana masala'), recipe('r-b', 'Miso soup'), recipe('r-c', 'Oat porridge')],
  meals: [meal('m-a', 'r-a'), meal('m-b', 'r-a', { date: '2026-11-24', slot: 'lunch', leftoverOf: 'm-a' }), meal('m-c', null)],
  foods: [],
  settings: [
    { key: 'people', value: 3 },
    { key: 'slots', value: ['breakfast', 'dinner'] },
  ],
  shopping: [{ id: '2026-11-23..2026-11-29', checked: ['onion'], manual: ['bin bags'] }],
};

async function seeded(data: BackupInput = current): Promise<ThirtyfoldDatabase> {
  const db = migrationHarness().open();
  await replaceDatabase(db, data);
  return db;
}

/** The whole database as text, to compare contents before and after. */
async function snapshot(db: ThirtyfoldDatabase): Promise<string> {
  return JSON.stringify(await dumpDatabase(db));
}

describe('dumpDatabase and replaceDatabase', () => {
  it.each([
    ['version 1', fixtureText],
    ['version 2', v2Text],
    ['version 3', v3Text],
  ])('round-trips the %s fixture: restore, dump, write gives the file in the current format apart from exportedAt', async (_name, text) => {
    const db = await seeded();
    const backup = parseBackup(text);
    await replaceDatabase(db, backup.data);
    const again = buildBackup(await dumpDatabase(db), { appVersion: backup.appVersion, exportedAt: '2030-01-01T00:00:00.000Z' });
    const expected = buildBackup(parseBackup(text === fixtureText ? v2Text : text).data, { appVersion: backup.appVersion, exportedAt: backup.exportedAt });
    const withoutStamp = (file: string) => file.replace(/^"exportedAt": .*$/m, '');
    expect(withoutStamp(again)).toBe(withoutStamp(expected));
    expect(again).not.toBe(expected);
    if (text === v3Text) expect(again.replace(/^"exportedAt": .*$/m, `"exportedAt": "${backup.exportedAt}",`)).toBe(v3Text);
    db.close();
  });

  it('replaces every table: nothing of the old data is left', async () => {
    const db = await seeded();
    const backup = parseBackup(fixtureText);
    await replaceDatabase(db, backup.data);
    expect(await db.recipes.get('r-a')).toBeUndefined();
    expect(await db.meals.get('m-c')).toBeUndefined();
    expect(await db.settings.get('slots')).toBeUndefined();
    expect(await countDatabase(db)).toEqual(countData(backup.data));
    expect((await db.meals.get('m-002'))?.leftoverOf).toBe('m-001');
    db.close();
  });

  it('counts what a database and a backup hold', async () => {
    const db = await seeded();
    expect(await countDatabase(db)).toEqual({ recipes: 3, meals: 3, foods: 0, settings: 2, shopping: 1, members: 0 });
    expect(countData(parseBackup(fixtureText).data)).toEqual({ recipes: 2, meals: 4, foods: 1, settings: 4, shopping: 1, members: 2 });
    db.close();
  });

  it('a record IndexedDB rejects midway leaves the old data in place', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const data = parseBackup(fixtureText).data;
    // Recipes and meals go in first; the bad shopping key fails after they were written inside the transaction.
    const poisoned = { ...data, shopping: [...data.shopping, { id: { not: 'a key' }, checked: [], manual: [] }] } as unknown as BackupInput;
    await expect(replaceDatabase(db, poisoned)).rejects.toThrow();
    expect(await snapshot(db)).toBe(before);
    const uncloneable = { ...data, settings: { people: () => 2 } } as unknown as BackupInput;
    await expect(replaceDatabase(db, uncloneable)).rejects.toThrow();
    expect(await snapshot(db)).toBe(before);
    db.close();
  });
});

describe('repairReferences', () => {
  it('drops a leftover link to a deleted meal and meals of deleted recipes, so the backup can be written', () => {
    const broken: BackupInput = {
      ...current,
      meals: [meal('m-b', 'r-a', { leftoverOf: 'm-gone' }), meal('m-x', 'r-gone'), meal('m-c', null)],
    };
    expect(() => buildBackup(broken, meta)).toThrow(/leftoverOf|recipe/);
    const { data, repaired } = repairReferences(broken);
    expect(repaired).toBe(2);
    expect(data.meals.map((m) => [m.id, m.leftoverOf ?? null])).toEqual([
      ['m-b', null],
      ['m-c', null],
    ]);
    expect(readBackup(buildBackup(data, meta)).ok).toBe(true);
  });

  it('returns the same data when nothing points nowhere', () => {
    expect(repairReferences(current)).toEqual({ data: current, repaired: 0 });
  });
});

describe('the week plan file', () => {
  it('reads a week with the recipes its meals use, and adds it back onto another week reusing identical recipes', async () => {
    const db = await seeded();
    const week = await readWeekForPlanFile(db, '2026-11-23', '2026-11-29');
    expect(week.meals.map((m) => m.id)).toEqual(['m-a', 'm-c', 'm-b']);
    expect(week.recipes.map((r) => r.id)).toEqual(['r-a']);
    const file = readPlanFile(writePlanFile({ people: 2, weekStart: '2026-11-23', ...week }));
    let next = 0;
    const added = await addPlanFile(db, file, { shift: 7, now: '2026-11-25T10:00:00.000Z', newId: (prefix) => `${prefix}-new-${next++}` });
    // r-a is stored with the same name and ingredients, so it is reused rather than copied.
    expect(added.recipes).toEqual([]);
    expect(added.meals.map((m) => [m.date, m.slot, m.recipe, m.food])).toEqual([
      ['2026-11-30', 'dinner', 'r-a', null],
      ['2026-11-30', 'dinner', null, '1 apple'],
      ['2026-12-01', 'lunch', 'r-a', null],
    ]);
    expect(await db.meals.count()).toBe(6);
    db.close();
  });

  it("matches a file's members to this household's by name; a meal whose eaters are not all here is for everyone", async () => {
    const db = await seeded();
    await db.members.bulkPut([
      { id: 'here-ana', name: 'Ana', portion: 1, fiberTarget: 25, ageBand: '19-50', sex: 'female', order: 1 },
      { id: 'here-cleo', name: 'Cleo', portion: 0.5, fiberTarget: 20, ageBand: '4-8', sex: 'unspecified', order: 2 },
    ]);
    const file = readPlanFile(
      JSON.stringify({
        format: 'thirtyfold.plan/2',
        members: [
          { id: 'a', name: 'ana' },
          { id: 'c', name: 'Cleo', portion: 0.5 },
          { id: 'z', name: 'Zed' },
        ],
        meals: [
          { date: '2026-11-23', slot: 'lunch', food: '1 apple', eaters: ['a', 'c'] },
          { date: '2026-11-23', slot: 'dinner', food: '1 pear', eaters: ['a', 'z'] },
        ],
      }),
    );
    let next = 0;
    const added = await addPlanFile(db, file, { shift: 0, now: '2026-11-25T10:00:00.000Z', newId: (prefix) => `${prefix}-${next++}` });
    expect(added.meals.map((m) => [m.food, m.eaters ?? null, m.servings])).toEqual([
      ['1 apple', ['here-ana', 'here-cleo'], 1.5],
      ['1 pear', null, 2],
    ]);
    db.close();
  });

  it('gives a recipe whose id is taken by a different recipe a new id', async () => {
    const db = await seeded();
    const text = JSON.stringify({
      format: 'thirtyfold.plan/1',
      recipes: [{ id: 'r-a', name: 'Something else', servings: 2, ingredients: ['1 leek'] }, { id: 'r-new', name: 'Kale salad', servings: 2, ingredients: ['1 bunch kale'] }],
      meals: [
        { date: '2026-01-05', slot: 'lunch', recipe: 'r-a' },
        { date: '2026-01-06', slot: 'lunch', recipe: 'r-new' },
      ],
    });
    let next = 0;
    const added = await addPlanFile(db, readPlanFile(text), { shift: 0, now: '2026-11-25T10:00:00.000Z', newId: (prefix) => `${prefix}-fresh-${next++}` });
    expect(added.recipes.map((r) => [r.id, r.name])).toEqual([
      ['recipe-fresh-0', 'Something else'],
      ['r-new', 'Kale salad'],
    ]);
    expect(added.meals.map((m) => m.recipe)).toEqual(['recipe-fresh-0', 'r-new']);
    expect((await db.recipes.get('r-a'))?.name).toBe('Chana masala');
    db.close();
  });
});

/** Values IndexedDB refuses as keys (the tables use inbound `id` / `key` key paths). */
const badKey = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constant(Number.NaN),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
  fc.constant([{}]),
);
/** Values structured clone refuses. */
const uncloneable = fc.constantFrom<unknown>(
  () => 1,
  Symbol('x'),
  new WeakMap(),
);

type Table = 'recipes' | 'meals' | 'foods' | 'settings' | 'shopping';
const tableName = fc.constantFrom<Table>('recipes', 'meals', 'foods', 'settings', 'shopping');

const poison = fc.record({
  table: tableName,
  position: fc.nat(),
  kind: fc.constantFrom<'key' | 'value'>('key', 'value'),
  key: badKey,
  value: uncloneable,
});

const validLibrary = fc
  .record({
    recipes: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 6 }),
    people: fc.integer({ min: 1, max: 12 }),
    lists: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
  })
  .map(({ recipes: ids, people, lists }) => {
    const recipes = ids.map((id) => recipe(`r-${id}`));
    return {
      recipes,
      meals: recipes.map((r, i) => meal(`m-${i}`, r.id)),
      foods: [],
      settings: [{ key: 'people', value: people }],
      shopping: lists.map((id) => ({ id: `list-${id}`, checked: [id], manual: [] })),
    } satisfies BackupInput;
  });

type Poison = { table: Table; position: number; kind: 'key' | 'value'; key: unknown; value: unknown };

/** The library with one record IndexedDB must reject put somewhere in one table. */
function poisoned(library: BackupInput, bad: Poison): BackupInput {
  const copy = { ...library, settings: [...(library.settings as { key: string; value: unknown }[])] } as unknown as Record<Table, Record<string, unknown>[]>;
  const rows = [...copy[bad.table]];
  const keyField = bad.table === 'settings' ? 'key' : 'id';
  const template = rows[0] ?? (bad.table === 'settings' ? { key: 'k', value: 1 } : { id: 'x', name: 'x' });
  const row = { ...template };
  if (bad.kind === 'key') {
    if (bad.key === undefined) delete row[keyField];
    else row[keyField] = bad.key;
  } else {
    row[keyField] = `${String(row[keyField])}-poison`;
    row[bad.table === 'settings' ? 'value' : 'extra'] = bad.value;
  }
  rows.splice(bad.position % (rows.length + 1), 0, row);
  return { ...copy, [bad.table]: rows } as unknown as BackupInput;
}

describe('a restore that fails changes nothing', () => {
  it('300+ malformed backups, as files or as records IndexedDB rejects, leave the database unchanged', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(validLibrary, poison, async (library, bad) => {
        runs += 1;
        await expect(replaceDatabase(db, poisoned(library, bad))).rejects.toThrow();
        expect(await snapshot(db)).toBe(before);
      }),
      { numRuns: 170 },
    );
    // Damaged files never reach the database: the restore flow reads and checks the whole file first.
    const text = buildBackup(parseBackup(fixtureText).data, meta);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 3 }), fc.constantFrom('', ',', '"', 'x', '{', '[1'), async (cut, junk) => {
        runs += 1;
        const check = readBackup(text.slice(0, cut) + junk);
        if (check.ok) await replaceDatabase(db, check.backup.data);
        expect(check.ok).toBe(false);
        expect(await snapshot(db)).toBe(before);
      }),
      { numRuns: 140 },
    );
    expect(runs).toBeGreaterThanOrEqual(300);
    db.close();
  });
});
