import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, ThirtyfoldDatabase } from '../../src/db/database';

const boot = readFileSync(new URL('../../src/public/boot.js', import.meta.url), 'utf8');
const html = readFileSync(new URL('../../src/index.html', import.meta.url), 'utf8');

/** Runs the boot script against `indexedDB` and waits until its request has settled. */
async function runBoot(indexedDB: IDBFactory): Promise<void> {
  new Function('indexedDB', boot)(indexedDB);
  await new Promise((done) => setTimeout(done, 50));
}

describe('boot script (public/boot.js)', () => {
  it('creates nothing on a first start: the app then creates its database at its own version', async () => {
    const indexedDB = new IDBFactory();
    await runBoot(indexedDB);
    expect(await indexedDB.databases()).toEqual([]);
    const db = new ThirtyfoldDatabase(DATABASE_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    await db.recipes.put({ id: 'r1', name: 'Soup', servings: 2, ingredients: [], steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' });
    expect(await db.recipes.count()).toBe(1);
    db.close();
  });

  it('opens the app database as it is, closes it, and leaves the app free to open it', async () => {
    const indexedDB = new IDBFactory();
    const first = new ThirtyfoldDatabase(DATABASE_NAME, { indexedDB, IDBKeyRange });
    await first.meals.put({ id: 'm1', date: '2026-11-23', slot: 'dinner', recipe: null, food: '1 apple', servings: 2, leftoverOf: null });
    const version = first.verno;
    first.close();
    await runBoot(indexedDB);
    const databases = await indexedDB.databases();
    expect(databases.map((entry) => entry.name)).toEqual([DATABASE_NAME]);
    const app = new ThirtyfoldDatabase(DATABASE_NAME, { indexedDB, IDBKeyRange });
    await app.open();
    expect(app.verno).toBe(version);
    expect(await app.meals.get('m1')).toMatchObject({ food: '1 apple' });
    app.close();
  });

  it('is loaded unbundled, without waiting for the page', () => {
    expect(html).toMatch(/<script type="module" async src="\.\/boot\.js" vite-ignore><\/script>/);
  });
});
