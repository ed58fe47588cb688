import Dexie, { type Table, type Transaction } from 'dexie';
import * as Y from 'yjs';
import { sameData as sameRow } from '../core/equal';
import type { ThirtyfoldDatabase } from '../db/database';
import { writePrechecked } from '../db/validation';
import { changedKeys, deleteRecord, isDeleted, readRecord, readTable, writeRecord } from './doc';
import { isDerivedField, isSharedKey, isSharedRow, keepDerived, PRIMARY_KEY, recordProblem, SHARED_TABLES, withoutDerived, type SharedTable } from './tables';

type Row = Record<string, unknown>;

/** One write seen in a local transaction, mirrored into the doc once the transaction is on disk. */
type LocalChange =
  | { table: SharedTable; key: string; kind: 'put'; row: Row; fields: Set<string> | null }
  | { table: SharedTable; key: string; kind: 'delete' };

function newer(a: Row, b: Row): boolean {
  return typeof a.updatedAt === 'string' && typeof b.updatedAt === 'string' && a.updatedAt > b.updatedAt;
}

function union(a: unknown, b: unknown): string[] {
  const list = [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])].filter((item): item is string => typeof item === 'string');
  return [...new Set(list)];
}

/** A household member's name as two devices would both have typed it ("Anna" and "anna " are one person). */
function memberName(row: Row): string | null {
  const name = typeof row.name === 'string' ? row.name.trim().toLowerCase() : '';
  return name === '' ? null : name;
}

function mealSlotKey(row: Row): string {
  return JSON.stringify([row.date, row.slot, row.recipe, row.food, row.servings]);
}

/** What the first join of a device did to its own records: nothing of it is replaced without a word. */
export interface JoinSummary {
  /** Records of this device the household did not have, now in it. */
  added: number;
  /** Records of the household this device did not have, now on it. */
  received: number;
  /** Records both had in different versions where the household's was kept (the newer recipe or food wins; list ticks are joined). */
  replaced: { table: SharedTable; key: string }[];
  /** Records of this device the household had deleted: removed here, as on every device. */
  removed: { table: SharedTable; key: string }[];
  /** Meals of this device the household already had (the same meal in the same slot, e.g. both example weeks): this device's id and the household's, kept once. */
  twins: [mine: string, household: string][];
}

/**
 * The stored rows of `keys`, in their order (undefined where none), read in
 * the caller's transaction. For a large batch it first counts the table: an
 * empty one (a first sync to a new device) has nothing to read, and a smaller
 * one is read only for the keys it holds.
 */
async function storedRows(table: Table<Row, string>, keys: string[]): Promise<(Row | undefined)[]> {
  if (keys.length < 100) return table.bulkGet(keys);
  const count = await table.count();
  if (count === 0) return keys.map(() => undefined);
  if (count >= keys.length) return table.bulkGet(keys);
  const held = new Set((await table.toCollection().primaryKeys()).map(String));
  const present = keys.filter((key) => held.has(key));
  const rows = await table.bulkGet(present);
  const byKey = new Map(present.map((key, index) => [key, rows[index]]));
  return keys.map((key) => byKey.get(key));
}

export interface MirrorOptions {
  /** A record from the household that breaks the record rules: it is not written, and this says why. */
  onRefused?: (problem: string) => void;
  /** Every local change mirrored into the doc (for "N changes waiting"). */
  onLocalChange?: () => void;
}

/**
 * Keeps the shared tables of a Dexie database and one household's Y.Doc
 * equal. Local writes (whatever code makes them) are seen through Dexie's
 * table hooks and written into the doc once their transaction is on disk,
 * field by field. Changes that arrive in the doc from elsewhere are written to
 * Dexie in one transaction per batch, each record checked with the record
 * rules of backups first.
 */
export class DexieMirror {
  readonly #db: ThirtyfoldDatabase;
  readonly #doc: Y.Doc;
  readonly #options: MirrorOptions;
  /** Origin of doc transactions made from local writes; every other origin is a change to apply. */
  readonly #origin = Symbol('local database');
  readonly #pending = new WeakMap<IDBTransaction, LocalChange[]>();
  readonly #remote = new WeakSet<IDBTransaction>();
  #incoming = new Map<SharedTable, Set<string>>();
  #applying: Promise<void> = Promise.resolve();
  #unhooks: (() => void)[] = [];
  #started = false;
  /** While true, changes from the household wait for `reconcile` (a device that has not joined yet). */
  #held = false;
  /** Counts the doc's transactions (of any origin), so a reading of the doc can tell whether it is still current. */
  #docVersion = 0;

  constructor(db: ThirtyfoldDatabase, doc: Y.Doc, options: MirrorOptions = {}) {
    this.#db = db;
    this.#doc = doc;
    this.#options = options;
  }

  /** The origin of doc transactions this mirror makes from local writes. */
  get origin(): symbol {
    return this.#origin;
  }

  /**
   * Starts watching both sides. Local writes made before this are picked up
   * by `reconcile`; with `hold`, changes from the household wait for it too.
   */
  start(options: { hold?: boolean } = {}): void {
    if (this.#started) return;
    this.#started = true;
    this.#held = options.hold === true;
    for (const name of SHARED_TABLES) this.#hook(name);
    const onTransaction = (transaction: Y.Transaction) => {
      this.#docVersion += 1;
      if (transaction.origin === this.#origin) return;
      const changed = changedKeys(transaction, this.#doc);
      if (changed.size > 0) this.#queue(changed);
    };
    this.#doc.on('afterTransaction', onTransaction);
    this.#unhooks.push(() => this.#doc.off('afterTransaction', onTransaction));
  }

  /** Stops watching; the doc and the database are left as they are. */
  stop(): void {
    for (const unhook of this.#unhooks) unhook();
    this.#unhooks = [];
    this.#started = false;
  }

  /** Resolves once every change that arrived so far is written to the database (or refused). */
  async idle(): Promise<void> {
    let last: Promise<void> | undefined;
    while (last !== this.#applying) {
      last = this.#applying;
      await last;
    }
  }

  #table(name: SharedTable): Table<Row, string> {
    return (this.#db as unknown as Record<SharedTable, Table<Row, string>>)[name];
  }

  #hook(name: SharedTable): void {
    const table = this.#table(name);
    const record = (transaction: Transaction, change: LocalChange) => this.#record(transaction, change);
    const isShared = (key: string, row: Row) => isSharedKey(name, key) && isSharedRow(name, row);
    function creating(key: string | undefined, obj: Row, transaction: Transaction): undefined {
      const id = String(key ?? obj[PRIMARY_KEY[name]]);
      if (isShared(id, obj)) record(transaction, { table: name, key: id, kind: 'put', row: obj, fields: null });
      return undefined;
    }
    function updating(this: { onsuccess?: (updated: Row) => void }, mods: object, key: unknown, obj: Row, transaction: Transaction) {
      const fields = new Set(Object.keys(mods).map((path) => path.split('.')[0]));
      // A write of fields each device works out itself (a recipe's reading of its lines) has nothing to send: not even copied.
      if ([...fields].every((field) => isDerivedField(name, field))) return;
      const id = String(key);
      this.onsuccess = (updated: Row) => {
        if (isShared(id, updated)) record(transaction, { table: name, key: id, kind: 'put', row: updated, fields });
        else if (isShared(id, obj)) record(transaction, { table: name, key: id, kind: 'delete' });
      };
    }
    function deleting(key: unknown, obj: Row, transaction: Transaction) {
      const id = String(key);
      if (isShared(id, obj)) record(transaction, { table: name, key: id, kind: 'delete' });
    }
    table.hook('creating', creating);
    table.hook('updating', updating);
    table.hook('deleting', deleting);
    this.#unhooks.push(() => {
      table.hook('creating').unsubscribe(creating);
      table.hook('updating').unsubscribe(updating);
      table.hook('deleting').unsubscribe(deleting);
    });
  }

  #record(transaction: Transaction, change: LocalChange): void {
    const idb = transaction.idbtrans;
    if (this.#remote.has(idb)) return;
    let changes = this.#pending.get(idb);
    if (!changes) {
      changes = [];
      this.#pending.set(idb, changes);
      // Written into the doc only once on disk: an aborted transaction never reaches the household.
      idb.addEventListener('complete', () => this.#flush(changes!));
      idb.addEventListener('abort', () => this.#pending.delete(idb));
    }
    // The row may be changed again by the caller after the write: keep a copy of what was written.
    changes.push(change.kind === 'put' ? { ...change, row: Dexie.deepClone(change.row) } : change);
  }

  #flush(changes: LocalChange[]): void {
    if (changes.length === 0) return;
    let changed = false;
    this.#doc.transact((transaction) => {
      for (const change of changes) {
        if (change.kind === 'delete') deleteRecord(this.#doc, change.table, change.key);
        else writeRecord(this.#doc, change.table, change.key, change.row, change.fields ?? undefined);
      }
      // Nothing to send when the write left the shared fields as they were (a recipe's reading of its lines).
      changed = transaction.changed.size > 0;
    }, this.#origin);
    if (changed) this.#options.onLocalChange?.();
  }

  #queue(changed: Map<SharedTable, Set<string>>): void {
    for (const [table, keys] of changed) {
      let set = this.#incoming.get(table);
      if (!set) this.#incoming.set(table, (set = new Set()));
      for (const key of keys) set.add(key);
    }
    if (this.#held) return;
    this.#applying = this.#applying.then(() => this.#applyIncoming());
  }

  async #applyIncoming(): Promise<void> {
    const batch = this.#incoming;
    if (batch.size === 0) return;
    this.#incoming = new Map();
    try {
      await this.#writeFromDoc(batch);
    } catch (error) {
      this.#options.onRefused?.(`Changes from the household could not be saved: ${(error as Error).message}`);
    }
  }

  /**
   * Writes the doc's version of the given records to the database in one
   * transaction. `known` holds records as read from the doc when its
   * transaction count was `version`: they are used when the doc has not
   * changed since (a first sync reads each record of the doc once).
   */
  async #writeFromDoc(batch: Map<SharedTable, Set<string>>, known?: { rows: Map<SharedTable, Map<string, Row>>; version: number }): Promise<void> {
    const names = [...batch.keys()];
    const refused: string[] = [];
    // Each record put below was checked with the database's own record rules (recordProblem): they are not checked twice.
    await writePrechecked(this.#db, names.map((name) => this.#table(name)), async () => {
      this.#remote.add(Dexie.currentTransaction.idbtrans);
      for (const name of names) {
        const keys = [...batch.get(name)!].filter((key) => isSharedKey(name, key));
        const table = this.#table(name);
        // Read first: any local transaction queued before this one has then completed and is in the doc.
        const current = await storedRows(table, keys);
        const read = known && known.version === this.#docVersion ? known.rows.get(name) : undefined;
        const adds: Row[] = [];
        const puts: Row[] = [];
        const deletes: string[] = [];
        keys.forEach((key, index) => {
          const row = read?.get(key) ?? readRecord(this.#doc, name, key);
          const stored = current[index];
          if (row === null) {
            if (stored && isSharedRow(name, stored)) deletes.push(key);
            return;
          }
          if (stored && sameRow(withoutDerived(name, stored), row)) return;
          const problem = recordProblem(name, row);
          if (problem) refused.push(problem);
          // A record new to this device is added: Dexie's table hooks then need not read what was there (nothing).
          else if (stored) puts.push(keepDerived(name, stored, row));
          else adds.push(row);
        });
        if (deletes.length > 0) await table.bulkDelete(deletes);
        if (adds.length > 0) await table.bulkAdd(adds);
        if (puts.length > 0) await table.bulkPut(puts);
      }
    });
    if (refused.length > 0) {
      const more = refused.length > 1 ? ` (and ${refused.length - 1} more)` : '';
      this.#options.onRefused?.(`A change from the household was not applied: ${refused[0]}${more}.`);
    }
  }

  /**
   * Brings the database and the doc together after the doc was loaded (from
   * disk or the server). Records on one side only are copied to the other,
   * unless the doc marks them deleted. Where both hold a record and differ:
   * on `join` (the first time this device meets the household) the newer
   * recipe wins, shopping ticks and manual items are joined, and everything
   * else takes the household's version; a meal planned identically on both
   * sides is kept once. Otherwise (`resume`) the doc wins: changes made on
   * this device while it was on are already in it.
   */
  async reconcile(mode: 'join' | 'resume'): Promise<JoinSummary> {
    await this.idle();
    const summary: JoinSummary = { added: 0, received: 0, replaced: [], removed: [], twins: [] };
    // Everything that waited is read below from the doc as it is now.
    this.#held = false;
    this.#incoming = new Map();
    const toDoc: { table: SharedTable; key: string; row: Row }[] = [];
    const toDexie = new Map<SharedTable, Set<string>>();
    const dropped = new Map<string, string>();
    // This device's members the household already has by name: this device's id and the household's.
    const namesakes = new Map<string, string>();
    const dropLocal: { table: SharedTable; key: string }[] = [];
    const docTables = new Map<SharedTable, Map<string, Row>>();
    const local = await this.#db.transaction('r', SHARED_TABLES.map((name) => this.#table(name)), async () => {
      const rows = new Map<SharedTable, Row[]>();
      for (const name of SHARED_TABLES) rows.set(name, await this.#table(name).toArray());
      return rows;
    });
    const mark = (table: SharedTable, key: string) => {
      let set = toDexie.get(table);
      if (!set) toDexie.set(table, (set = new Set()));
      set.add(key);
    };
    for (const name of SHARED_TABLES) {
      const docRows = readTable(this.#doc, name);
      docTables.set(name, docRows);
      const slots = name === 'meals' && mode === 'join' ? new Map([...docRows].map(([key, row]) => [mealSlotKey(row), key])) : null;
      const names = name === 'members' && mode === 'join' ? new Map([...docRows].map(([key, row]) => [memberName(row), key])) : null;
      const seen = new Set<string>();
      for (const row of local.get(name)!) {
        const key = String(row[PRIMARY_KEY[name]]);
        if (!isSharedKey(name, key) || !isSharedRow(name, row)) continue;
        seen.add(key);
        const theirs = docRows.get(key);
        if (!theirs) {
          const twin = slots?.get(mealSlotKey(row));
          const namesake = names?.get(memberName(row));
          if (isDeleted(this.#doc, name, key)) {
            dropLocal.push({ table: name, key });
            summary.removed.push({ table: name, key });
          } else if (twin) {
            dropped.set(key, twin);
            summary.twins.push([key, twin]);
            dropLocal.push({ table: name, key });
          } else if (namesake) {
            // The same person entered on both devices is one member: the household's, with the meals this device said they eat.
            namesakes.set(key, namesake);
            dropLocal.push({ table: name, key });
            summary.replaced.push({ table: name, key });
          } else {
            toDoc.push({ table: name, key, row });
            summary.added += 1;
          }
          continue;
        }
        if (sameRow(withoutDerived(name, row), theirs)) continue;
        if (mode === 'join' && (name === 'recipes' || name === 'foods') && newer(row, theirs)) toDoc.push({ table: name, key, row });
        else if (mode === 'join' && name === 'shopping') {
          toDoc.push({ table: name, key, row: { ...theirs, checked: union(theirs.checked, row.checked), manual: union(theirs.manual, row.manual) } });
          mark(name, key);
        } else {
          mark(name, key);
          summary.replaced.push({ table: name, key });
        }
      }
      for (const key of docRows.keys()) {
        if (seen.has(key)) continue;
        mark(name, key);
        summary.received += 1;
      }
    }
    // This device's meals that join the household: a leftover of a meal kept once as the household's twin points at the twin, and
    // the eaters kept once as the household's namesakes are named by the household's ids.
    const householdMeals = docTables.get('meals')!;
    for (const row of local.get('meals')!) {
      const id = String(row.id);
      if (dropped.has(id) || householdMeals.has(id)) continue;
      const twin = typeof row.leftoverOf === 'string' ? dropped.get(row.leftoverOf) : undefined;
      const eaters = Array.isArray(row.eaters) && row.eaters.some((eater) => namesakes.has(eater)) ? [...new Set(row.eaters.map((eater) => namesakes.get(eater) ?? eater))] : null;
      if (twin || eaters) toDoc.push({ table: 'meals', key: id, row: { ...row, ...(twin ? { leftoverOf: twin } : {}), ...(eaters ? { eaters } : {}) } });
    }
    this.#doc.transact(() => {
      for (const { table, key, row } of toDoc) writeRecord(this.#doc, table, key, row);
    }, this.#origin);
    // What was just written into the doc is read from it again; everything else as read above, unless the doc changes meanwhile.
    for (const { table, key } of toDoc) {
      docTables.get(table)!.delete(key);
      mark(table, key);
    }
    for (const { table, key } of dropLocal) mark(table, key);
    if (toDexie.size > 0) await this.#writeFromDoc(toDexie, { rows: docTables, version: this.#docVersion });
    return summary;
  }
}

const NOUNS: Record<SharedTable, [string, string]> = {
  recipes: ['recipe', 'recipes'],
  meals: ['planned meal', 'planned meals'],
  shopping: ['shopping list', 'shopping lists'],
  settings: ['setting', 'settings'],
  foods: ['custom food', 'custom foods'],
  members: ['household member', 'household members'],
};

function countRecords(records: readonly { table: SharedTable; key: string }[]): string {
  const parts: string[] = [];
  for (const table of SHARED_TABLES) {
    const keys = records.filter((record) => record.table === table).map((record) => record.key);
    if (keys.length === 0) continue;
    const [one, many] = NOUNS[table];
    parts.push(`${keys.length} ${keys.length === 1 ? one : many}${table === 'settings' ? ` (${keys.join(', ')})` : ''}`);
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** The first join in plain words when it replaced or removed any of this device's records; null when it only added. */
export function describeJoin(summary: JoinSummary): string | null {
  if (summary.replaced.length === 0 && summary.removed.length === 0) return null;
  const said = [`Joined the household: ${summary.added} ${summary.added === 1 ? 'record' : 'records'} of this device added`];
  if (summary.replaced.length > 0) said.push(`the household’s version kept for ${countRecords(summary.replaced)}`);
  if (summary.removed.length > 0) said.push(`${countRecords(summary.removed)} the household had deleted removed here`);
  return `${said.join('; ')}.`;
}
