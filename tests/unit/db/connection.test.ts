import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseTooNew, ThirtyfoldDatabase, watchConnection } from '../../../src/db/database';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../../src/db/schema';
import { recipeRow } from './rows';

/** One browser profile's IndexedDB, for several "tabs" (connections) to share. */
function profile() {
  const indexedDB = new IDBFactory();
  const name = `thirtyfold-connection-${Math.random()}`;
  return {
    app: (upTo?: number) => new ThirtyfoldDatabase(name, { indexedDB, IDBKeyRange, upTo }),
    /** A newer app: the current schema plus one more version. */
    newer: () => {
      const db = new Dexie(name, { indexedDB, IDBKeyRange });
      for (const schema of SCHEMA_VERSIONS) db.version(schema.version).stores(schema.stores);
      db.version(CURRENT_VERSION + 1).stores({ notes: 'id' });
      return db;
    },
  };
}

describe('another tab upgrading the database', () => {
  it('closes this tab’s connection for good and says so, and the upgrade goes ahead', async () => {
    const tabs = profile();
    const old = tabs.app();
    const upgradedElsewhere = vi.fn();
    const blocked = vi.fn();
    watchConnection(old, { upgradedElsewhere, blocked });
    await old.recipes.put(recipeRow('r1'));

    const newer = tabs.newer();
    await newer.open();
    expect(newer.verno).toBe(CURRENT_VERSION + 1);
    expect(upgradedElsewhere).toHaveBeenCalledTimes(1);
    expect(old.isOpen()).toBe(false);
    // No reopening with the old schema behind the user's back.
    await expect(old.recipes.put(recipeRow('r2'))).rejects.toThrow(Dexie.DatabaseClosedError);
    expect(await newer.table('recipes').count()).toBe(1);
    newer.close();
  });
});

describe('this tab upgrading while an old tab holds the database', () => {
  it('says the upgrade is blocked, and opens once the old tab closes', async () => {
    const tabs = profile();
    // The old tab: the previous schema version, with no handler that would close it.
    const seed = tabs.app(CURRENT_VERSION - 1);
    await seed.open();
    seed.on('versionchange', () => false);

    const current = tabs.app();
    const blocked = vi.fn();
    watchConnection(current, { upgradedElsewhere: vi.fn(), blocked });
    const opening = current.open();
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    expect(current.isOpen()).toBe(false);

    seed.close();
    await opening;
    expect(current.verno).toBe(CURRENT_VERSION);
    current.close();
  });
});

describe('a database newer than this app', () => {
  it('refuses to open with a clear error instead of hanging or reading it, and changes nothing', async () => {
    const tabs = profile();
    const newer = tabs.newer();
    await newer.table('recipes').put(recipeRow('r1'));
    newer.close();

    const app = tabs.app();
    const error = await app.open().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DatabaseTooNew);
    expect((error as Error).message).toContain(`newer version of Thirtyfold (database version ${CURRENT_VERSION + 1}; this one reads up to ${CURRENT_VERSION})`);
    // Every query after it fails the same way; none waits for ever.
    await expect(app.recipes.count()).rejects.toThrow('newer version of Thirtyfold');

    const again = tabs.newer();
    await again.open();
    expect(again.verno).toBe(CURRENT_VERSION + 1);
    expect(await again.table('recipes').count()).toBe(1);
    again.close();
  });
});
