import { recordProblem, recordsProblem, repairRecord, type RecordTable } from '../core/backup/schema';
import type { ThirtyfoldDatabase } from './database';
import { RecordError, writePrechecked } from './validation';

/** A stored record that fails the record schema, and why. */
export interface RecordProblem {
  table: RecordTable;
  key: string;
  problem: string;
}

const RECORD_TABLES: readonly RecordTable[] = ['recipes', 'meals', 'foods', 'shopping', 'settings'];

function keyOf(table: RecordTable, record: unknown): string {
  const row = record as { id?: unknown; key?: unknown };
  return String(table === 'settings' ? row.key : row.id);
}

/** Every stored record that fails the checks (data written before they existed, or by hand), read in one transaction. */
export async function findRecordProblems(db: ThirtyfoldDatabase): Promise<RecordProblem[]> {
  return db.transaction('r', RECORD_TABLES.map((table) => db.table(table)), async () => {
    const found: RecordProblem[] = [];
    for (const table of RECORD_TABLES) {
      await db.table(table).each((record: unknown) => {
        const problem = recordProblem(table, record);
        if (problem) found.push({ table, key: keyOf(table, record), problem });
      });
    }
    return found;
  });
}

/** What repairRecords changed (to put back on Undo) and what it could not mend. */
export interface RecordRepair {
  before: { table: RecordTable; record: unknown }[];
  left: RecordProblem[];
}

/**
 * Mends every stored record that fails the checks where a safe repair
 * exists (see repairRecord: servings out of range become 1, over-long text
 * is cut), in one transaction; names the rest.
 */
export async function repairRecords(db: ThirtyfoldDatabase): Promise<RecordRepair> {
  const problems = await findRecordProblems(db);
  return db.transaction('rw', RECORD_TABLES.map((table) => db.table(table)), async () => {
    const before: RecordRepair['before'] = [];
    const left: RecordProblem[] = [];
    for (const found of problems) {
      const record: unknown = await db.table(found.table).get(found.key);
      if (record === undefined) continue;
      const mended = repairRecord(found.table, record);
      if (mended === null) {
        left.push(found);
        continue;
      }
      await db.table(found.table).put(mended);
      before.push({ table: found.table, record });
    }
    return { before, left };
  });
}

/** Puts back the records a repair changed, as they were (they were the database's own). */
export async function undoRepair(db: ThirtyfoldDatabase, repair: RecordRepair): Promise<void> {
  await writePrechecked(db, RECORD_TABLES.map((table) => db.table(table)), async () => {
    for (const { table, record } of repair.before) await db.table(table).put(record);
  });
}

/**
 * Writes records that came from outside the app's own editors (household
 * sync, a tool) into `table`: every record is checked against the record
 * schema first, and one that fails refuses the whole call with a
 * RecordError naming it; otherwise all are put in one transaction. Records
 * replace stored ones with the same key.
 */
export async function applyRecords(db: ThirtyfoldDatabase, table: RecordTable, records: readonly unknown[]): Promise<void> {
  const problem = recordsProblem(table, records);
  if (problem) throw new RecordError(`Not saved: ${problem}`);
  await writePrechecked(db, [db.table(table)], async () => {
    await db.table(table).bulkPut([...records]);
  });
}

/** Deletes records of `table` by key in one transaction (the counterpart of applyRecords). */
export async function removeRecords(db: ThirtyfoldDatabase, table: RecordTable, keys: readonly string[]): Promise<void> {
  await db.transaction('rw', db.table(table), async () => {
    await db.table(table).bulkDelete([...keys]);
  });
}
