import Dexie, { type EntityTable } from 'dexie';
import type { Food, Meal, Member, Recipe, SettingRow, ShoppingState } from '../core/types';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from './schema';
import { recordValidation } from './validation';

export const DATABASE_NAME = 'thirtyfold';

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
    if (upTo === CURRENT_VERSION) this.use(recordValidation);
  }
}
