import * as Y from 'yjs';
import { SHARED_TABLES, type SharedTable } from './tables';

/** Field of a record's map that marks it deleted; it outlives the record so an old copy cannot bring it back. */
export const DELETED = '$deleted';

type Row = Record<string, unknown>;

/** The map of one shared table: record key → the record's own map of field → value. */
export function tableMap(doc: Y.Doc, table: SharedTable): Y.Map<Y.Map<unknown>> {
  return doc.getMap(table);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Edits a shared list into `next` with one delete and one insert between the common start and end, so concurrent additions merge. */
function patchList(list: Y.Array<string>, next: readonly string[]): void {
  const current = list.toArray();
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start += 1;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end += 1;
  const removed = current.length - start - end;
  if (removed > 0) list.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) list.insert(start, inserted);
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Writes one field: lists of strings become shared lists (items merge), everything else a plain value (last writer wins). */
function writeField(record: Y.Map<unknown>, field: string, value: unknown): void {
  const current = record.get(field);
  if (value === undefined) {
    if (record.has(field)) record.delete(field);
    return;
  }
  if (isStringList(value)) {
    if (current instanceof Y.Array) patchList(current as Y.Array<string>, value);
    else {
      const list = new Y.Array<string>();
      list.insert(0, value);
      record.set(field, list);
    }
    return;
  }
  if (!(current instanceof Y.AbstractType) && sameJson(current, value)) return;
  record.set(field, value);
}

/**
 * Writes a record's fields into the doc (all of them, or only `fields`); a
 * record that was deleted comes back. Call inside `doc.transact`.
 */
export function writeRecord(doc: Y.Doc, table: SharedTable, key: string, row: Row, fields?: Iterable<string>): void {
  const map = tableMap(doc, table);
  let record = map.get(key);
  if (!record) {
    record = new Y.Map<unknown>();
    map.set(key, record);
  }
  if (record.get(DELETED) === true) {
    record.delete(DELETED);
    fields = undefined;
  }
  const names = fields ? [...fields] : Object.keys(row);
  if (!fields) for (const field of record.keys()) if (!(field in row)) record.delete(field);
  for (const field of names) writeField(record, field, row[field]);
}

/** Marks a record deleted and drops its fields; the mark stays. Call inside `doc.transact`. */
export function deleteRecord(doc: Y.Doc, table: SharedTable, key: string): void {
  const map = tableMap(doc, table);
  let record = map.get(key);
  if (!record) {
    record = new Y.Map<unknown>();
    map.set(key, record);
  }
  for (const field of [...record.keys()]) if (field !== DELETED) record.delete(field);
  if (record.get(DELETED) !== true) record.set(DELETED, true);
}

/** A record as plain data, or null when it is deleted or absent. */
export function readRecord(doc: Y.Doc, table: SharedTable, key: string): Row | null {
  const record = tableMap(doc, table).get(key);
  return record ? plainRecord(record) : null;
}

/** A record map as plain data, or null when it is deleted. */
export function plainRecord(record: Y.Map<unknown>): Row | null {
  if (record.get(DELETED) === true) return null;
  const row: Row = {};
  for (const [field, value] of record.entries()) row[field] = value instanceof Y.AbstractType ? value.toJSON() : value;
  return row;
}

/** Every live record of a table as plain data, keyed by record key. */
export function readTable(doc: Y.Doc, table: SharedTable): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const [key, record] of tableMap(doc, table).entries()) {
    const row = plainRecord(record);
    if (row) rows.set(key, row);
  }
  return rows;
}

/** True when the doc holds a deletion mark for the record. */
export function isDeleted(doc: Y.Doc, table: SharedTable, key: string): boolean {
  return tableMap(doc, table).get(key)?.get(DELETED) === true;
}

/**
 * Keys of records a doc transaction changed, per table: the record itself, one
 * of its fields, or one of its lists.
 */
export function changedKeys(transaction: Y.Transaction, doc: Y.Doc): Map<SharedTable, Set<string>> {
  const changed = new Map<SharedTable, Set<string>>();
  type Type = { _item: Y.Item | null };
  const tables = new Map<unknown, SharedTable>(SHARED_TABLES.map((table) => [tableMap(doc, table), table]));
  const add = (table: SharedTable, key: string) => {
    let keys = changed.get(table);
    if (!keys) changed.set(table, (keys = new Set()));
    keys.add(key);
  };
  for (const [type, keys] of transaction.changed) {
    const table = tables.get(type);
    if (table) {
      for (const key of keys) if (key !== null) add(table, key);
      continue;
    }
    // A field or a list inside a record: walk up to the record map under a table map.
    let child: Type = type;
    let parent = child._item?.parent as Type | null | undefined;
    while (parent && !tables.has(parent)) {
      child = parent;
      parent = child._item?.parent as Type | null | undefined;
    }
    const key = child._item?.parentSub;
    if (parent && key) add(tables.get(parent)!, key);
  }
  return changed;
}
