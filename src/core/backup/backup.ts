import * as v from 'valibot';
import type { Food, Meal, Member, Recipe } from '../types';
import { membersFromPeople } from '../members';
import { coerceSetting } from '../settings';
import { linesFromLegacy } from '../recipes/lines';
import { fieldPath, isPlainObject, issueMessage, quote, recordLabel, withMore } from './issues';
import { LIMITS, backupV1Schema, backupV2Schema, mealRuleProblem, settingProblem } from './schema';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type Backup, type BackupData, type SettingRow, type ShoppingState } from './types';

/** The outcome of checking a backup: the backup itself, or one line saying what is wrong. */
export type BackupCheck = { ok: true; backup: Backup } | { ok: false; error: string };

const TABLES = ['recipes', 'meals', 'foods', 'settings', 'shopping', 'members'] as const;

function formatPath(keys: readonly unknown[], root: unknown): string {
  let label = '';
  let rest = keys;
  if (keys[0] === 'data' && isPlainObject(root) && isPlainObject(root.data)) {
    const table = keys[1];
    const index = keys[2];
    const rows = typeof table === 'string' ? root.data[table] : undefined;
    if (typeof table === 'string' && typeof index === 'number' && Array.isArray(rows)) {
      label = recordLabel(table, index, rows[index]);
      rest = keys.slice(3);
    } else {
      rest = keys.slice(1);
    }
  }
  return fieldPath(label, rest);
}

function checkSettings(settings: unknown): string[] {
  if (settings === undefined) return ['settings: is missing'];
  if (!isPlainObject(settings)) return ['settings: must be an object of setting key → value'];
  const problems: string[] = [];
  for (const key of Object.keys(settings)) {
    if (key.length === 0 || key.length > LIMITS.settingKey) problems.push(`settings[${quote(key)}]: key must be 1 to ${LIMITS.settingKey} characters`);
    const problem = settingProblem(settings[key]);
    if (problem) problems.push(`settings[${quote(key)}]: ${problem}`);
  }
  return problems;
}

function duplicates(table: string, rows: readonly { id: string }[]): string[] {
  const first = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const earlier = first.get(row.id);
    if (earlier === undefined) first.set(row.id, index);
    else problems.push(`${recordLabel(table, index, row)}: duplicate id (also ${table}[${earlier}])`);
  });
  return problems;
}

function lineIdProblems(recipes: readonly Recipe[]): string[] {
  const problems: string[] = [];
  recipes.forEach((recipe, index) => {
    const seen = new Set<string>();
    recipe.ingredients.forEach((line, at) => {
      if (seen.has(line.id)) problems.push(`${recordLabel('recipes', index, recipe)}.ingredients[${at}].id: duplicate line id ${quote(line.id)} in this recipe`);
      seen.add(line.id);
    });
  });
  return problems;
}

/** Backup version 1 wrote lines as strings with fixes keyed by line index; they become line records. */
function recipesOf(version: number, rows: readonly unknown[]): Recipe[] {
  if (version >= 2) return rows as Recipe[];
  return (rows as v.InferOutput<typeof backupV1Schema>['data']['recipes']).map(({ overrides, ingredients, ...rest }) => ({
    ...rest,
    ingredients: linesFromLegacy(ingredients, overrides),
  }));
}

function referenceProblems(data: { recipes: readonly { id: string }[]; meals: readonly Meal[] }): string[] {
  const recipes = new Set(data.recipes.map((recipe) => recipe.id));
  const meals = new Set(data.meals.map((meal) => meal.id));
  const problems: string[] = [];
  data.meals.forEach((meal, index) => {
    const label = recordLabel('meals', index, meal);
    const rule = mealRuleProblem(meal);
    if (rule) problems.push(`${label}: ${rule}`);
    if (meal.recipe !== null && !recipes.has(meal.recipe)) problems.push(`${label}.recipe: no recipe with id ${quote(meal.recipe)} in this backup`);
    if (meal.leftoverOf && !meals.has(meal.leftoverOf)) problems.push(`${label}.leftoverOf: no meal with id ${quote(meal.leftoverOf)} in this backup`);
  });
  return problems;
}

function checkHeader(data: unknown): string | null {
  if (!isPlainObject(data)) return 'not a Thirtyfold backup (the file is not a JSON object)';
  if (data.format !== BACKUP_FORMAT) {
    const found = typeof data.format === 'string' ? `format is ${quote(data.format)}` : 'it has no "format" field';
    return `not a Thirtyfold backup (${found}; expected "${BACKUP_FORMAT}")`;
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return 'version: must be a whole number from 1';
  if (version > BACKUP_VERSION) {
    return `this backup is version ${version}, written by a newer Thirtyfold; this app reads backup versions up to ${BACKUP_VERSION}`;
  }
  return null;
}

function validate(data: unknown): BackupCheck {
  const header = checkHeader(data);
  if (header) return { ok: false, error: header };
  const result = (data as { version: number }).version === 1 ? v.safeParse(backupV1Schema, data) : v.safeParse(backupV2Schema, data);
  if (!result.success) {
    return { ok: false, error: withMore(issueMessage(result.issues[0], data, (keys) => formatPath(keys, data)), result.issues.length - 1) };
  }
  const parsed = result.output;
  const recipes = recipesOf(parsed.version, parsed.data.recipes);
  const problems = [
    ...checkSettings(parsed.data.settings),
    ...lineIdProblems(recipes),
    ...duplicates('recipes', parsed.data.recipes),
    ...duplicates('meals', parsed.data.meals),
    ...duplicates('foods', parsed.data.foods),
    ...duplicates('shopping', parsed.data.shopping),
    ...duplicates('members', parsed.data.members ?? []),
    ...referenceProblems(parsed.data),
  ];
  if (problems.length > 0) return { ok: false, error: withMore(problems[0], problems.length - 1) };
  const meals: Meal[] = parsed.data.meals;
  const foods: Food[] = parsed.data.foods;
  const shopping: ShoppingState[] = parsed.data.shopping;
  const settings = Object.fromEntries(Object.entries(parsed.data.settings as Record<string, unknown>));
  const members: Member[] = parsed.data.members ?? membersFromPeople(coerceSetting('people', settings.people), coerceSetting('fiberTarget', settings.fiberTarget));
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: parsed.version,
      appVersion: parsed.appVersion,
      exportedAt: parsed.exportedAt,
      data: { recipes, meals, foods, settings, shopping, members },
    },
  };
}

/**
 * Checks a parsed backup file: its format and version, every record against
 * the domain types, and what a schema alone cannot see (duplicate ids, meals
 * naming recipes that are not there, dates outside 1900–2200, oversized
 * strings). Never throws: a bad backup gives `{ ok: false, error }` with one
 * line naming the table, record (index and id) and field.
 */
export function validateBackup(data: unknown): BackupCheck {
  try {
    return validate(data);
  } catch (error) {
    // Only reachable for values JSON cannot produce (getters that throw, proxies).
    return { ok: false, error: `not a readable backup: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Reads a backup file's text: JSON first, then validateBackup. Never throws. */
export function readBackup(text: string): BackupCheck {
  if (typeof text !== 'string') return { ok: false, error: 'not a Thirtyfold backup (the file is not text)' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    return { ok: false, error: `not a Thirtyfold backup (not valid JSON: ${detail})` };
  }
  return validateBackup(data);
}

/** Reads and checks a backup file's text; throws BackupError with the one-line reason when it cannot be restored. */
export function parseBackup(text: string): Backup {
  const result = readBackup(text);
  if (!result.ok) throw new BackupError(result.error);
  return result.backup;
}

/** What buildBackup takes: settings may come as the database's key-value rows or as an object. */
export interface BackupInput extends Omit<BackupData, 'settings' | 'members'> {
  settings: Record<string, unknown> | readonly SettingRow[];
  /** The household's members; none: the `people` setting's adults. */
  members?: Member[];
}

/** A copy with object keys in a fixed order (`id` first, then by code unit), leaving undefined out as JSON does. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, canonical(record[key])]));
}

/** A recipe as a backup keeps it: the parser's reading is derived and left out. */
function withoutParse(recipe: Recipe): Recipe {
  if (recipe.parsed === undefined) return recipe;
  const { parsed: _parsed, ...rest } = recipe;
  return rest;
}

function byId<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function rowsText(rows: readonly unknown[]): string {
  return rows.length === 0 ? '[]' : `[\n${rows.map((row) => JSON.stringify(canonical(row))).join(',\n')}\n]`;
}

/** A written backup file, and what in its data would stop it from restoring (null: nothing, it restores). */
export interface WrittenBackup {
  text: string;
  problem: string | null;
}

/**
 * Writes a backup file: deterministic JSON with records sorted by id (settings
 * by key), keys in a fixed order and one record per line, so the same data
 * always gives the same bytes. The file is written even when the data would
 * not restore, so a backup is never blocked by the data it protects: then
 * `problem` names the first bad record and the file says so in its
 * `"problems"` field (and a restore of it refuses, naming the same record).
 */
export function writeBackup(data: BackupInput, meta: { appVersion: string; exportedAt: string }): WrittenBackup {
  const settingsEntries = Array.isArray(data.settings)
    ? (data.settings as readonly SettingRow[]).map((row) => [row.key, row.value] as const)
    : Object.entries(data.settings as Record<string, unknown>);
  const settings = Object.fromEntries([...settingsEntries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const sorted = {
    recipes: byId(data.recipes.map(withoutParse)),
    meals: byId(data.meals),
    foods: byId(data.foods),
    settings,
    shopping: byId(data.shopping),
    members: byId(data.members ?? []),
  };
  const check = validateBackup({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...meta, data: sorted });
  const problem = check.ok ? null : check.error;
  const tables = TABLES.map((table) => {
    const body = table === 'settings' ? JSON.stringify(canonical(sorted.settings)) : rowsText(sorted[table]);
    return `${JSON.stringify(table)}: ${body}`;
  });
  const header = [
    `"format": ${JSON.stringify(BACKUP_FORMAT)}`,
    `"version": ${BACKUP_VERSION}`,
    `"appVersion": ${JSON.stringify(meta.appVersion)}`,
    `"exportedAt": ${JSON.stringify(meta.exportedAt)}`,
    ...(problem === null ? [] : [`"problems": ${JSON.stringify([problem])}`]),
  ];
  return { text: `{\n${header.join(',\n')},\n"data": {\n${tables.join(',\n')}\n}\n}\n`, problem };
}

/**
 * Writes a backup file as writeBackup does, but throws BackupError when the
 * data would not restore (the message names the bad record), so a broken
 * file is never written.
 */
export function buildBackup(data: BackupInput, meta: { appVersion: string; exportedAt: string }): string {
  const written = writeBackup(data, meta);
  if (written.problem !== null) throw new BackupError(`cannot write the backup: ${written.problem}`);
  return written.text;
}

/** Settings rows for the database from a backup's settings object, sorted by key. */
export function settingsToRows(settings: Record<string, unknown>): SettingRow[] {
  return Object.keys(settings)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, value: settings[key] }));
}
