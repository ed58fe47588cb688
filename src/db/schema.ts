import type { Transaction } from 'dexie';
import { linesFromLegacy, type LegacyOverrides } from '../core/recipes/lines';

/**
 * Every schema version of the database, oldest first. Versions are
 * append-only: never edit a released one; add the next with its upgrade and a
 * test in tests/unit/db/migrations.test.ts.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites the rows of the version before, inside Dexie's upgrade transaction. */
  upgrade?: (transaction: Transaction) => Promise<unknown>;
}

/** A recipe row as version 1 stored it: lines as strings, fixes keyed by line index. */
interface RecipeV1 {
  ingredients: unknown;
  overrides?: LegacyOverrides;
}

/**
 * Version 2: ingredient lines become records `{ id, text, food?, grams? }`;
 * each index-keyed override moves onto its line. Rows already in the new shape
 * are left alone, so a half-finished upgrade cannot harm them.
 */
async function linesAsRecords(transaction: Transaction): Promise<void> {
  await transaction
    .table('recipes')
    .toCollection()
    .modify((recipe: RecipeV1) => {
      const ingredients = Array.isArray(recipe.ingredients) ? recipe.ingredients : [];
      if (ingredients.some((line) => typeof line !== 'string')) return;
      recipe.ingredients = linesFromLegacy(ingredients as string[], recipe.overrides);
      delete recipe.overrides;
    });
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
  {
    version: 2,
    // `parsed.with`: which foods a recipe's stored parse was read against, to find the stale ones.
    stores: { recipes: 'id, name, updatedAt, *tags, parsed.with' },
    upgrade: linesAsRecords,
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
