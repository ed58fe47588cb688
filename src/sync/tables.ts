import { recordProblem as recordRuleProblem } from '../core/backup/schema';
import { coerceSetting, DEFAULT_SETTINGS, type SettingKey } from '../core/settings';

/** The database tables a household shares; window state and per-device preferences stay on each device. */
export const SHARED_TABLES = ['recipes', 'meals', 'shopping', 'settings', 'foods', 'members'] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];

/**
 * Settings the household shares: people, targets and counting rules, the
 * planner's slots and week start, aisle order and pantry. Theme, paper size
 * and units are each device's own.
 */
export const SHARED_SETTINGS: readonly SettingKey[] = [
  'people',
  'plantTarget',
  'fiberTarget',
  'fiberLower',
  'fiberPer1000kcal',
  'fermentedTarget',
  'fermentedStudyLevel',
  'countColourVariants',
  'weekStartDay',
  'slots',
  'aisleOrder',
  'pantryFoods',
];

const sharedSettings = new Set<string>(SHARED_SETTINGS);

/** The primary key field of each shared table. */
export const PRIMARY_KEY: Record<SharedTable, 'id' | 'key'> = { recipes: 'id', meals: 'id', shopping: 'id', settings: 'key', foods: 'id', members: 'id' };

/**
 * Fields each device works out for itself from the others (a recipe's reading
 * of its lines): they never travel, and a device keeps its own when a record
 * arrives.
 */
const DERIVED_FIELDS: Partial<Record<SharedTable, ReadonlySet<string>>> = { recipes: new Set(['parsed']) };

/** Lists of records with an `id` that merge record by record, so devices editing different lines of a recipe both keep their edit. */
const KEYED_LISTS: Partial<Record<SharedTable, ReadonlySet<string>>> = { recipes: new Set(['ingredients']) };

/** True when `field` of `table` is worked out on each device and never travels. */
export function isDerivedField(table: SharedTable, field: string): boolean {
  return DERIVED_FIELDS[table]?.has(field) === true;
}

/** True when `field` of `table` is a list of records keyed by their `id`. */
export function isKeyedList(table: SharedTable, field: string): boolean {
  return KEYED_LISTS[table]?.has(field) === true;
}

/** The row without its derived fields: what travels. */
export function withoutDerived(table: SharedTable, row: Record<string, unknown>): Record<string, unknown> {
  const derived = DERIVED_FIELDS[table];
  if (!derived || !Object.keys(row).some((field) => derived.has(field))) return row;
  return Object.fromEntries(Object.entries(row).filter(([field]) => !derived.has(field)));
}

/** A record that arrived, with the derived fields this device had for it (each one says itself what it was worked out from). */
export function keepDerived(table: SharedTable, stored: Record<string, unknown> | undefined, row: Record<string, unknown>): Record<string, unknown> {
  const derived = DERIVED_FIELDS[table];
  if (!derived || !stored) return row;
  const kept = Object.entries(stored).filter(([field, value]) => derived.has(field) && value !== undefined);
  return kept.length > 0 ? { ...row, ...Object.fromEntries(kept) } : row;
}

/** True when a row of `table` travels to the household (every row but per-device settings and shipped foods). */
export function isSharedRow(table: SharedTable, row: Record<string, unknown>): boolean {
  if (table === 'settings') return typeof row.key === 'string' && sharedSettings.has(row.key);
  if (table === 'foods') return row.custom === true;
  return true;
}

/** True when a key of `table` may travel (settings travel by key; other tables by row). */
export function isSharedKey(table: SharedTable, key: string): boolean {
  return table !== 'settings' || sharedSettings.has(key);
}

function isJsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What is wrong with a record that arrived from the household, or null when
 * it may be written: the record rules backups and every database write are
 * checked with (core/backup/schema.ts), and for a setting that the household
 * shares it and this app can use its value.
 */
export function recordProblem(table: SharedTable, record: Record<string, unknown>): string | null {
  if (table === 'settings') {
    const key = record.key;
    if (typeof key !== 'string' || !sharedSettings.has(key)) return `setting ${JSON.stringify(key)} is not shared by a household`;
    const value = coerceSetting(key as SettingKey, record.value);
    if (!isJsonEqual(value, record.value) && !isJsonEqual(record.value, DEFAULT_SETTINGS[key as SettingKey])) {
      return `setting ${key} has a value this app cannot use`;
    }
  }
  return recordRuleProblem(table, record);
}
