import type { Transaction } from 'dexie';
import { membersFromPeople } from '../core/members';
import { linesFromLegacy, type LegacyOverrides } from '../core/recipes/lines';
import { coerceSetting } from '../core/settings';

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

/**
 * Version 3: the household becomes members. A database that had `people: N`
 * gets N adults, "Person 1" … "Person N", each with the household's fiber
 * target; one that already has members keeps them.
 */
async function peopleAsMembers(transaction: Transaction): Promise<void> {
  const members = transaction.table('members');
  if ((await members.count()) > 0) return;
  const settings = transaction.table('settings');
  const people = (await settings.get('people')) as { value: unknown } | undefined;
  const fiberTarget = (await settings.get('fiberTarget')) as { value: unknown } | undefined;
  await members.bulkPut(membersFromPeople(coerceSetting('people', people?.value), coerceSetting('fiberTarget', fiberTarget?.value)));
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
  {
    version: 3,
    // `*eaters`: the meals a member is listed at, to take them off when they leave the household.
    stores: { members: 'id, order', meals: 'id, date, [date+slot], recipe, *eaters' },
    upgrade: peopleAsMembers,
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
