import fc from 'fast-check';
import { expect, it } from 'vitest';
import { buildBackup } from '../../../src/core/backup';
import { checkRestore, restoreBackup } from '../../../src/db/backup-repository';
import type { ThirtyfoldDatabase } from '../../../src/db/database';
import { describeError } from '../../../src/state/notices.svelte';
import { expectClear, meta, seededDatabase, smallLibrary, unchangedGuard } from './restore-library';

/** The file every mutation starts from: valid, and different in every table from what the database holds. */
export const validText = buildBackup(smallLibrary(2, '2026-06-14'), meta);
const valid = JSON.parse(validText) as Record<string, unknown>;
export const otherValidTexts = [3, 4, 5].map((seed) => buildBackup(smallLibrary(seed, `2025-0${seed}-10`), meta));

export type Table = 'recipes' | 'meals' | 'foods' | 'shopping';
export type Kind = 'id' | 'string' | 'nullableString' | 'positive' | 'nullableNumber' | 'list' | 'enum' | 'nullableEnum' | 'bool' | 'object' | 'nullableObject' | 'objectList';

/** The required fields of each table and what kind of value each takes. */
export const FIELDS: Record<Table, Record<string, Kind>> = {
  recipes: {
    id: 'id',
    name: 'string',
    servings: 'positive',
    ingredients: 'list',
    steps: 'list',
    tags: 'list',
    source: 'nullableString',
    prepMinutes: 'nullableNumber',
    cookMinutes: 'nullableNumber',
    createdAt: 'string',
    updatedAt: 'string',
  },
  meals: { id: 'id', date: 'string', slot: 'string', recipe: 'nullableString', food: 'nullableString', servings: 'positive' },
  foods: {
    id: 'id',
    name: 'string',
    aliases: 'list',
    kind: 'enum',
    group: 'enum',
    crop: 'nullableString',
    weight: 'enum',
    colour: 'nullableEnum',
    family: 'nullableString',
    fiberPer100g: 'nullableNumber',
    kcalPer100g: 'nullableNumber',
    fermented: 'enum',
    servingGrams: 'nullableNumber',
    prebiotic: 'nullableEnum',
    processed: 'enum',
    aisle: 'enum',
    pantryStaple: 'bool',
    portions: 'object',
    buyAs: 'enum',
    pack: 'nullableObject',
    components: 'objectList',
    source: 'nullableObject',
  },
  shopping: { id: 'id', checked: 'list', manual: 'list' },
};

const TABLES: readonly Table[] = ['recipes', 'meals', 'foods', 'shopping'];

/** One generated file and the start of the message it must get. */
export interface Case {
  text: string;
  expected: RegExp;
}

/** A JSON string as recordLabel quotes an id. */
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message names table, record (index, and id when it has one) and field. */
export function fieldPath(table: string, index: number, field: string): RegExp {
  return new RegExp(`^${table}\\[${index}\\](?: \\(id ${QUOTED}\\))?\\.${escape(field)}(?=[.:\\[])`);
}

/** A fresh copy of the valid backup, as parsed JSON, to damage. */
export function copy(): Record<string, unknown> {
  return structuredClone(valid);
}

/** The backup's `data` object. */
export function dataOf(backup: Record<string, unknown>): Record<string, unknown> {
  return backup.data as Record<string, unknown>;
}

/** The records of one table of a backup. */
export function rows(backup: Record<string, unknown>, table: Table): Record<string, unknown>[] {
  return dataOf(backup)[table] as Record<string, unknown>[];
}

/** How many records the valid backup holds in `table`. */
export function rowCount(table: Table): number {
  return rows(valid, table).length;
}

export const anyTable = fc.constantFrom(...TABLES);
/** A table, a record in it and one of its fields. */
export const anyField = anyTable.chain((table) => fc.tuple(fc.constant(table), fc.nat(rowCount(table) - 1), fc.constantFrom(...Object.keys(FIELDS[table]))));

/**
 * The app's restore: check the file, then (only when the check passes) take
 * the safety copy and replace everything. Returns the one-line message the
 * user sees, or null when the restore went through.
 */
async function restore(db: ThirtyfoldDatabase, text: string): Promise<string | null> {
  const check = await checkRestore(db, text);
  if (!check.ok) return check.error;
  try {
    await restoreBackup(db, check.backup, { meta, keepCopy: async () => true });
  } catch (error) {
    return describeError(error);
  }
  return null;
}

/** Counterexamples print their first 300 characters, not megabytes. */
function short(cases: fc.Arbitrary<Case>): fc.Arbitrary<Case> {
  return cases.map((item) => Object.assign(item, { [fc.toStringMethod]: () => `${JSON.stringify(item.text.slice(0, 300))}… (${item.text.length} chars) expecting ${item.expected}` }));
}

/**
 * Runs each category against one seeded database: every file must be refused
 * with a clear line matching what the case expects, and the database must
 * hold exactly what it held before.
 */
export function fuzzRestore(categories: readonly { name: string; cases: fc.Arbitrary<Case>; runs: number }[]): void {
  for (const category of categories) {
    it(`${category.name}: ${category.runs.toLocaleString('en-US')} files rejected with a clear line, the database unchanged`, async () => {
      const { db, before } = await seededDatabase();
      const guard = unchangedGuard(db, before);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(short(category.cases), async ({ text, expected }) => {
          runs += 1;
          await guard.ready();
          const message = await restore(db, text);
          await guard.check();
          expect(message, 'the restore went through').not.toBeNull();
          expectClear(message!, expected);
        }),
        { numRuns: category.runs },
      );
      expect(runs).toBe(category.runs);
      db.close();
    });
  }
}
