/**
 * Every schema version of the database, oldest first. Versions are
 * append-only: never edit a released one; add the next with its upgrade and a
 * test in tests/unit/db/migrations.test.ts.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      foods: 'id, name, group, crop',
      recipes: 'id, name, updatedAt, *tags',
      meals: 'id, date, [date+slot], recipe',
      shopping: 'id',
      settings: 'key',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
