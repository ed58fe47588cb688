import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ThirtyfoldDatabase } from '../../../src/db/database';

/**
 * Migration harness: a fresh in-memory IndexedDB per test, a way to open the
 * database at any schema version, seed it, close it, and reopen at the next.
 */
export function migrationHarness() {
  const indexedDB = new IDBFactory();
  let counter = 0;
  const name = `thirtyfold-test-${Date.now()}-${counter++}`;
  return {
    /** Opens the database as schema version `version` knew it. */
    open(version?: number): ThirtyfoldDatabase {
      return new ThirtyfoldDatabase(name, { upTo: version, indexedDB, IDBKeyRange });
    },
    /** Creates the database at `version`, lets `seed` write rows, then closes it. */
    async seed(version: number, seed: (db: ThirtyfoldDatabase) => Promise<void>): Promise<void> {
      const db = this.open(version);
      await db.open();
      await seed(db);
      db.close();
    },
  };
}
