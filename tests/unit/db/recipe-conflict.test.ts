import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBackup } from '../../../src/core/backup';
import { recordProblem, repairRecord } from '../../../src/core/backup/schema';
import type { Recipe } from '../../../src/core/types';
import { exportDatabase, restoreBackup } from '../../../src/db/backup-repository';
import { ThirtyfoldDatabase } from '../../../src/db/database';
import { isSameVersion, RecipeConflict, saveRecipe } from '../../../src/db/recipe-repository';
import { RecordError } from '../../../src/db/validation';
import { DexieMirror } from '../../../src/sync/mirror';
import { recipeRow } from './rows';

const meta = { appVersion: '0.1.0', exportedAt: '2026-11-25T10:00:00.000Z' };

let databases = 0;

async function fresh(): Promise<ThirtyfoldDatabase> {
  databases += 1;
  const db = new ThirtyfoldDatabase(`thirtyfold-conflict-${databases}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}

/** What a window's editor does when it opens a recipe: read it once, as it is then. */
async function load(db: ThirtyfoldDatabase, id: string): Promise<Recipe> {
  const recipe = await db.recipes.get(id);
  if (!recipe) throw new Error(`no recipe ${id}`);
  return recipe;
}

function edit(base: Recipe, change: Partial<Recipe>, at: string): Recipe {
  return { ...base, ...change, updatedAt: at };
}

async function conflictOf(write: Promise<unknown>): Promise<RecipeConflict> {
  const error = await write.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RecipeConflict);
  return error as RecipeConflict;
}

describe('saving a recipe checks the version it was loaded from, in the write’s transaction', () => {
  it('refuses the second of two saves made from the same version, writes nothing and hands back the stored one', async () => {
    const db = await fresh();
    await db.recipes.put(recipeRow('r1', { name: 'Dal' }));
    const windowA = await load(db, 'r1');
    const windowB = await load(db, 'r1');

    const savedB = await saveRecipe(db, edit(windowB, { name: 'Red lentil dal' }, '2026-11-26T10:00:00.000Z'), windowB);
    expect(savedB.rev).toBe(1);

    const conflict = await conflictOf(saveRecipe(db, edit(windowA, { servings: 6 }, '2026-11-26T10:01:00.000Z'), windowA));
    expect(conflict.theirs).toEqual(savedB);
    expect(conflict.message).toContain('“Red lentil dal” was changed in another window or device');
    expect(await db.recipes.get('r1')).toEqual(savedB);
  });

  it('keep mine: saving over the stored version the conflict showed overwrites it and counts the save', async () => {
    const db = await fresh();
    await db.recipes.put(recipeRow('r1'));
    const windowA = await load(db, 'r1');
    const windowB = await load(db, 'r1');
    await saveRecipe(db, edit(windowB, { name: 'Theirs' }, '2026-11-26T10:00:00.000Z'), windowB);
    const { theirs } = await conflictOf(saveRecipe(db, edit(windowA, { name: 'Mine' }, '2026-11-26T10:01:00.000Z'), windowA));

    const mine = await saveRecipe(db, edit(windowA, { name: 'Mine' }, '2026-11-26T10:02:00.000Z'), theirs);
    expect(mine.rev).toBe(2);
    expect(await db.recipes.get('r1')).toMatchObject({ name: 'Mine', rev: 2 });
    // Keeping mine over a version that has changed again is itself a conflict.
    await conflictOf(saveRecipe(db, edit(windowA, { name: 'Mine again' }, '2026-11-26T10:03:00.000Z'), theirs));
    expect((await db.recipes.get('r1'))?.name).toBe('Mine');
  });

  it('take theirs: a form reloaded from the stored version saves without a conflict', async () => {
    const db = await fresh();
    await db.recipes.put(recipeRow('r1'));
    const windowA = await load(db, 'r1');
    await saveRecipe(db, edit(windowA, { name: 'Theirs' }, '2026-11-26T10:00:00.000Z'), windowA);
    const { theirs } = await conflictOf(saveRecipe(db, edit(windowA, { name: 'Mine' }, '2026-11-26T10:01:00.000Z'), windowA));
    const reloaded = theirs!;
    const saved = await saveRecipe(db, edit(reloaded, { tags: ['dinner', 'quick'] }, '2026-11-26T10:02:00.000Z'), reloaded);
    expect(saved).toMatchObject({ name: 'Theirs', tags: ['dinner', 'quick'], rev: 2 });
  });

  it('keep both: mine saved as a new recipe leaves theirs as it is', async () => {
    const db = await fresh();
    await db.recipes.put(recipeRow('r1'));
    const windowA = await load(db, 'r1');
    const theirs = await saveRecipe(db, edit(windowA, { name: 'Theirs' }, '2026-11-26T10:00:00.000Z'), windowA);
    await conflictOf(saveRecipe(db, edit(windowA, { name: 'Mine' }, '2026-11-26T10:01:00.000Z'), windowA));
    const copy = await saveRecipe(db, { ...edit(windowA, { name: 'Mine (my copy)' }, '2026-11-26T10:02:00.000Z'), id: 'r2' }, null);
    expect(copy.rev).toBe(1);
    expect(await db.recipes.toArray()).toEqual([theirs, copy]);
  });

  it('refuses a save over a recipe deleted since it was loaded, and a new recipe whose id is taken', async () => {
    const db = await fresh();
    await db.recipes.put(recipeRow('r1'));
    const windowA = await load(db, 'r1');
    await db.recipes.delete('r1');
    expect((await conflictOf(saveRecipe(db, edit(windowA, { name: 'Mine' }, '2026-11-26T10:01:00.000Z'), windowA))).theirs).toBeNull();
    expect(await db.recipes.count()).toBe(0);

    await db.recipes.put(recipeRow('r1'));
    expect((await conflictOf(saveRecipe(db, recipeRow('r1', { name: 'New' }), null))).theirs?.name).toBe('Recipe r1');
  });

  it('catches a change that kept the version number and time (two devices’ saves merged field by field)', async () => {
    const db = await fresh();
    const base = await saveRecipe(db, recipeRow('r1'), null);
    // Same rev and updatedAt as the editor's base, one field from the other device.
    await db.recipes.put({ ...base, steps: ['Rinse the lentils.', 'Simmer.'] });
    await conflictOf(saveRecipe(db, edit(base, { name: 'Mine' }, '2026-11-26T10:01:00.000Z'), base));
    // The parser's derived reading is not a version of the recipe.
    const stored = await load(db, 'r1');
    expect(isSameVersion({ ...stored, parsed: { with: 'x', lines: [] } } as unknown as Recipe, stored)).toBe(true);
    expect(isSameVersion({ ...stored, rev: 7 }, stored)).toBe(false);
  });

  it('still checks the write with the backup schema: an invalid recipe is refused and nothing is written', async () => {
    const db = await fresh();
    const base = await saveRecipe(db, recipeRow('r1'), null);
    await expect(saveRecipe(db, { ...base, servings: 0 }, base)).rejects.toThrow(RecordError);
    expect(await db.recipes.get('r1')).toEqual(base);
  });
});

describe('the revision in backups', () => {
  it('is optional: an old backup without it restores, and one with it keeps it through export and restore', async () => {
    const db = await fresh();
    const old = recipeRow('r-old');
    await saveRecipe(db, recipeRow('r-new'), null);
    await db.recipes.put(old);
    const text = (await exportDatabase(db, meta)).text;
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.backup.data.recipes.map((recipe) => recipe.rev)).toEqual([1, undefined]);
    await db.recipes.clear();
    await restoreBackup(db, read.backup, { meta, keepCopy: async () => true });
    expect((await db.recipes.get('r-new'))?.rev).toBe(1);
    expect(await db.recipes.get('r-old')).toEqual(old);
  });

  it('must be a whole number from 0; a broken one is dropped by the repair', () => {
    expect(recordProblem('recipes', recipeRow('r1', { rev: 3 }))).toBeNull();
    expect(recordProblem('recipes', recipeRow('r1', { rev: -1 }))).toContain('rev: must be a whole number from 0');
    expect(recordProblem('recipes', recipeRow('r1', { rev: 1.5 }))).toContain('rev: must be a whole number from 0');
    expect(repairRecord('recipes', recipeRow('r1', { rev: Number.NaN }))).toEqual(recipeRow('r1'));
  });
});

/** Two devices' databases joined through their household docs, as sync joins them, without a server; `offline` holds the updates back. */
async function household(): Promise<{ a: ThirtyfoldDatabase; b: ThirtyfoldDatabase; mirrors: DexieMirror[]; offline(): void; online(): void }> {
  const [a, b] = [await fresh(), await fresh()];
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  let connected = true;
  docA.on('update', (update: Uint8Array, origin: unknown) => connected && origin !== 'peer' && Y.applyUpdate(docB, update, 'peer'));
  docB.on('update', (update: Uint8Array, origin: unknown) => connected && origin !== 'peer' && Y.applyUpdate(docA, update, 'peer'));
  const mirrors = [new DexieMirror(a, docA), new DexieMirror(b, docB)];
  for (const mirror of mirrors) {
    mirror.start();
    await mirror.reconcile('resume');
  }
  return {
    a,
    b,
    mirrors,
    offline: () => (connected = false),
    online: () => {
      connected = true;
      Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA), 'peer');
      Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB), 'peer');
    },
  };
}

async function settled(mirrors: DexieMirror[]): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const mirror of mirrors) await mirror.idle();
  }
}

describe('a change from the household', () => {
  it('arrives with its revision, so a save on this device from the older version is a conflict', async () => {
    const { a, b, mirrors } = await household();
    await saveRecipe(a, recipeRow('r1', { name: 'Dal' }), null);
    await settled(mirrors);
    const editorOnA = await load(a, 'r1');
    const onB = await load(b, 'r1');
    expect(onB.rev).toBe(1);

    await saveRecipe(b, edit(onB, { name: 'Red lentil dal' }, '2026-11-26T10:00:00.000Z'), onB);
    await settled(mirrors);
    const arrived = await load(a, 'r1');
    expect(arrived).toMatchObject({ name: 'Red lentil dal', rev: 2 });
    expect(isSameVersion(arrived, editorOnA)).toBe(false);

    const conflict = await conflictOf(saveRecipe(a, edit(editorOnA, { servings: 8 }, '2026-11-26T10:01:00.000Z'), editorOnA));
    expect(conflict.theirs?.name).toBe('Red lentil dal');
    expect((await load(a, 'r1')).servings).toBe(4);
  });

  it('two devices saving the same version offline: after the merge, an editor on either device’s own save conflicts', async () => {
    const house = await household();
    const { a, b, mirrors } = house;
    await saveRecipe(a, recipeRow('r1', { name: 'Dal' }), null);
    await settled(mirrors);
    house.offline();
    const savedOnA = await saveRecipe(a, edit(await load(a, 'r1'), { name: 'Red lentil dal' }, '2026-11-26T10:00:00.000Z'), await load(a, 'r1'));
    const savedOnB = await saveRecipe(b, edit(await load(b, 'r1'), { steps: ['Rinse.', 'Simmer.'] }, '2026-11-26T10:00:05.000Z'), await load(b, 'r1'));
    expect([savedOnA.rev, savedOnB.rev]).toEqual([2, 2]);
    house.online();
    await settled(mirrors);
    const [mergedA, mergedB] = [await load(a, 'r1'), await load(b, 'r1')];
    expect(mergedA).toMatchObject({ name: 'Red lentil dal', steps: ['Rinse.', 'Simmer.'], rev: 2 });
    expect(mergedB).toEqual(mergedA);

    // Each device's editor opened on its own save before the merge: the count is the same, the recipe is not.
    await conflictOf(saveRecipe(a, edit(savedOnA, { servings: 8 }, '2026-11-26T10:01:00.000Z'), savedOnA));
    await conflictOf(saveRecipe(b, edit(savedOnB, { servings: 8 }, '2026-11-26T10:01:00.000Z'), savedOnB));
    expect((await load(a, 'r1')).servings).toBe(4);
  });
});
