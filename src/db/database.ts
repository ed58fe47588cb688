import Dexie, { type EntityTable } from 'dexie';
import type { Food, Meal, Member, Recipe, SettingRow, ShoppingState } from '../core/types';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from './schema';
import { recordValidation } from './validation';

export const DATABASE_NAME = 'thirtyfold';

/** Opening refused: the database was upgraded by a newer version of the app, whose data this version cannot read. */
export class DatabaseTooNew extends Error {
  override name = 'DatabaseTooNew';
  readonly found: number;

  constructor(found: number) {
    super(
      `it was last opened by a newer version of Thirtyfold (database version ${found}; this one reads up to ${CURRENT_VERSION}). Nothing was changed: open it with the newer version.`,
    );
    this.found = found;
  }
}

/** The app's IndexedDB database. */
export class ThirtyfoldDatabase extends Dexie {
  /** Custom foods and user edits of catalog foods (same id overrides the catalog). */
  foods!: EntityTable<Food, 'id'>;
  recipes!: EntityTable<Recipe, 'id'>;
  meals!: EntityTable<Meal, 'id'>;
  shopping!: EntityTable<ShoppingState, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  /** The household's members (none: the `people` setting's adults). */
  members!: EntityTable<Member, 'id'>;

  /** `upTo` opens an older schema version; only the migration tests use it. */
  constructor(name = DATABASE_NAME, options: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Strict durability: a transaction reports success only once it is on disk, so a crash never loses a save.
    super(name, {
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    const upTo = options.upTo ?? CURRENT_VERSION;
    for (const schema of SCHEMA_VERSIONS) {
      if (schema.version > upTo) break;
      const version = this.version(schema.version).stores(schema.stores);
      if (schema.upgrade) version.upgrade(schema.upgrade);
    }
    // Older versions are opened only to seed migration tests with the records of their time.
    if (upTo !== CURRENT_VERSION) return;
    this.use(recordValidation);
    // Dexie opens a newer database than it was declared with as it is; this app must not read or write it.
    this.on(
      'ready',
      () => {
        const found = this.backendDB().version / 10;
        // Throwing here fails the open (and every query waiting for it) with this error.
        if (found > CURRENT_VERSION) throw new DatabaseTooNew(found);
      },
      true,
    );
  }
}

/** What can stop this window's connection, for the app to tell the user. */
export interface ConnectionEvents {
  /** Another window wants to upgrade (or delete) the database: this connection is closed and stays closed until a reload. */
  upgradedElsewhere(): void;
  /** This window's upgrade waits until other windows with the older version close their connection. */
  blocked(): void;
}

/**
 * Follows the connection's version events: on `versionchange` (another tab
 * or window upgrading) it closes this connection for good, so the upgrade
 * goes ahead and this window never writes with its older schema; on
 * `blocked` it says this window's upgrade waits for others to close.
 */
export function watchConnection(db: ThirtyfoldDatabase, events: ConnectionEvents): void {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    events.upgradedElsewhere();
    // Dexie's own handler would close with auto-open on, reopening with the old schema at the next query.
    return false;
  });
  db.on('blocked', () => events.blocked());
}
