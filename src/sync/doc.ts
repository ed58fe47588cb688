import * as Y from 'yjs';
import { sameData } from '../core/equal';
import { isDerivedField, isKeyedList, SHARED_TABLES, type SharedTable } from './tables';

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

/** A line as the doc keeps it: its defined fields (a plain value; undefined fields are left out). */
function plainLine(line: Row): Row {
  return Object.fromEntries(Object.entries(line).filter(([, value]) => value !== undefined));
}

/**
 * Edits a shared list of lines (records keyed by `id`) into `next`: lines
 * gone are deleted, new ones inserted where they stand, and a changed line is
 * replaced where it stands, so two devices editing different lines both keep
 * their edit (the same line edited on both: one of them, the same
 * everywhere). A moved line is written anew at its place. Each line is one
 * plain value, so a large library stays quick to load and send.
 */
function patchLines(list: Y.Array<Row>, next: readonly Row[]): void {
  const wanted = new Set(next.map((line) => line.id));
  const seen = new Set<unknown>();
  const drop: number[] = [];
  list.forEach((line, index) => {
    if (!wanted.has(line.id) || seen.has(line.id)) drop.push(index);
    seen.add(line.id);
  });
  for (const index of drop.reverse()) list.delete(index, 1);
  next.forEach((line, index) => {
    const here = index < list.length ? list.get(index) : undefined;
    if (here && here.id === line.id) {
      if (sameData(here, line)) return;
      list.delete(index, 1);
    } else {
      for (let from = index + 1; from < list.length; from += 1) {
        if (list.get(from).id === line.id) {
          list.delete(from, 1);
          break;
        }
      }
    }
    list.insert(index, [plainLine(line)]);
  });
}

function isLineList(value: unknown): value is Row[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && typeof (item as Row).id === 'string');
}

/**
 * Writes one field: lists of records keyed by id (`keyed`) become shared
 * lists of lines (lines merge one by one), lists of strings shared lists
 * (items merge), everything else a plain value (last writer wins).
 */
function writeField(record: Y.Map<unknown>, field: string, value: unknown, keyed: boolean): void {
  const current = record.get(field);
  if (value === undefined) {
    if (record.has(field)) record.delete(field);
    return;
  }
  if (keyed && isLineList(value)) {
    const list = current instanceof Y.Array && isLineList(current.toArray()) ? (current as Y.Array<Row>) : null;
    if (list) patchLines(list, value);
    else {
      const fresh = new Y.Array<Row>();
      fresh.insert(0, value.map(plainLine));
      record.set(field, fresh);
    }
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
 * Writes a record's fields into the doc (all of them, or only `fields`),
 * leaving out the fields each device works out itself; a record that was
 * deleted comes back. Call inside `doc.transact`.
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
  const names = (fields ? [...fields] : Object.keys(row)).filter((field) => !isDerivedField(table, field));
  if (!fields) for (const field of [...record.keys()]) if (!(field in row) || isDerivedField(table, field)) record.delete(field);
  for (const field of names) writeField(record, field, row[field], isKeyedList(table, field));
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

/** A shared list as plain data; of lines, the first of each id (two devices editing or moving one line at once leave two). */
function plainList(list: Y.AbstractType<unknown>): unknown {
  const items = list.toJSON() as unknown;
  if (!(list instanceof Y.Array) || !isLineList(items)) return items;
  const seen = new Set<unknown>();
  // Copies: the doc keeps these very objects.
  return items.filter((line) => !seen.has(line.id) && seen.add(line.id)).map((line) => ({ ...line }));
}

/** A record map as plain data, or null when it is deleted. */
export function plainRecord(record: Y.Map<unknown>): Row | null {
  if (record.get(DELETED) === true) return null;
  const row: Row = {};
  for (const [field, value] of record.entries()) row[field] = value instanceof Y.AbstractType ? plainList(value) : value;
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
