import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware, Table } from 'dexie';
import { isRecordTable, recordProblem } from '../core/backup/schema';
import type Dexie from 'dexie';

/** Thrown when a write is refused by the record schema; the message names the table, record and field. */
export class RecordError extends Error {
  override name = 'RecordError';
}

/** Transactions whose writes were checked before (a validated backup) or put back what was stored. */
const unchecked = new WeakSet<object>();

function isUpgrade(trans: unknown): boolean {
  return (trans as { mode?: string }).mode === 'versionchange';
}

function checkedTable(name: string, table: DBCoreTable): DBCoreTable {
  if (!isRecordTable(name)) return table;
  return {
    ...table,
    mutate(request: DBCoreMutateRequest) {
      if ((request.type === 'add' || request.type === 'put') && !unchecked.has(request.trans) && !isUpgrade(request.trans)) {
        for (const value of request.values) {
          const problem = recordProblem(name, value);
          // Rejecting the request aborts its transaction: nothing of the action is written.
          if (problem) return Promise.reject(new RecordError(`Not saved: ${problem}`));
        }
      }
      return table.mutate(request);
    },
  };
}

/**
 * The database's write check: every record added or put into a table with a
 * record schema (core/backup/schema.ts) is checked first, so nothing the
 * backup would refuse reaches the database, whichever path writes it. An
 * upgrade's own rewrites are not checked (old data must never stop the app
 * from opening).
 */
export const recordValidation: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'record-validation',
  create(down) {
    return { ...down, table: (name: string) => checkedTable(name, down.table(name)) };
  },
};

/**
 * Runs `scope` in one read-write transaction over `tables` whose writes are
 * not checked again: only for data already checked whole (a validated
 * backup), records each checked with recordProblem (changes from the
 * household), or what the database itself held (a safety copy put back).
 */
export function writePrechecked<T>(db: Dexie, tables: Table[], scope: () => Promise<T>): Promise<T> {
  return db.transaction('rw', tables, (transaction) => {
    unchecked.add(transaction.idbtrans);
    return scope();
  });
}
