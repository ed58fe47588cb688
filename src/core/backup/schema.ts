import * as v from 'valibot';
import { parseIsoDate } from '../dates';
import { AGE_BANDS, AISLES, COLOURS, FOOD_GROUPS, MEDAS_CLASSES, PORTION_UNITS, SEXES } from '../types';
import { MEMBER_LIMITS } from '../members';
import { formatCount } from '../format';
import { fieldPath, isPlainObject, issueMessage, recordLabel } from './issues';

/** Limits that keep a damaged or hostile backup from filling memory or the screen. */
export const LIMITS = {
  id: 200,
  name: 500,
  line: 10_000,
  step: 50_000,
  tag: 200,
  url: 5_000,
  shortText: 1_000,
  listItems: 5_000,
  settingKey: 200,
  settingString: 100_000,
  settingDepth: 16,
  settingNodes: 100_000,
  minYear: 1900,
  maxYear: 2200,
  /** Servings of a recipe or a meal: more than 0, at most this. */
  servings: 1_000_000,
} as const;

function text(max: number, min = 0) {
  const limit = `must be a string of at most ${formatCount(max)} characters`;
  return v.pipe(v.string('must be a string'), v.minLength(min, 'must not be empty'), v.maxLength(max, limit));
}

function list<T extends v.GenericSchema>(item: T, max: number = LIMITS.listItems) {
  return v.pipe(v.array(item, 'must be a list'), v.maxLength(max, `must have at most ${formatCount(max)} items`));
}

function oneOf<const T extends readonly (string | number)[]>(options: T) {
  return v.picklist(options, `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
}

function number(message: string, min: number, max: number, exclusiveMin = false) {
  return v.pipe(
    v.number(message),
    v.finite(message),
    exclusiveMin ? v.gtValue(min, message) : v.minValue(min, message),
    v.maxValue(max, message),
  );
}

/** A JSON object keyed by `key`; valibot's record alone would also take an array. */
function keyed<K extends v.GenericSchema<string, string>, T extends v.GenericSchema>(key: K, value: T, message: string) {
  return v.pipe(
    v.custom<Record<string, unknown>>((input) => typeof input === 'object' && input !== null && !Array.isArray(input), message),
    v.record(key, value, message),
  );
}

const id = text(LIMITS.id, 1);
const positive = number(`must be a number more than 0 and at most ${formatCount(LIMITS.servings)}`, 0, LIMITS.servings, true);
const minutes = v.nullable(number('must be a number of minutes from 0 to 1,000,000, or null', 0, 1_000_000));

function yearInRange(year: number): boolean {
  return year >= LIMITS.minYear && year <= LIMITS.maxYear;
}

/** True for YYYY-MM-DD naming a real day in the years 1900–2200. */
export function isDateInRange(value: string): boolean {
  return parseIsoDate(value) !== null && yearInRange(Number(value.slice(0, 4)));
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for an ISO timestamp (or plain date) in the years 1900–2200. */
export function isTimestampInRange(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match || !isDateInRange(match[1])) return false;
  const [hours, minutesPart, seconds] = [match[2], match[3], match[4]].map((part) => (part === undefined ? 0 : Number(part)));
  return hours < 24 && minutesPart < 60 && seconds < 60;
}

const dateRange = `${LIMITS.minYear}-01-01 to ${LIMITS.maxYear}-12-31`;
const date = v.pipe(v.string('must be a date written YYYY-MM-DD'), v.check(isDateInRange, `must be a date from ${dateRange} written YYYY-MM-DD`));
const timestamp = v.pipe(
  v.string('must be an ISO timestamp'),
  v.check(isTimestampInRange, `must be an ISO timestamp (YYYY-MM-DDTHH:MM:SSZ) from ${dateRange}`),
);

const grams = number('must be a number of grams from 0 to 1,000,000', 0, 1_000_000);

/** One ingredient line record: its id, its text and the user's fixes. */
export const ingredientLineSchema = v.object(
  {
    id,
    text: text(LIMITS.line),
    food: v.optional(v.nullable(text(LIMITS.id, 1))),
    grams: v.optional(grams),
  },
  'must be an object',
);

const recipeFields = {
  id,
  name: text(LIMITS.name),
  servings: positive,
  steps: list(text(LIMITS.step)),
  tags: list(text(LIMITS.tag)),
  source: v.nullable(text(LIMITS.url)),
  prepMinutes: minutes,
  cookMinutes: minutes,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Optional: backups written before recipes counted their saves have none. */
  rev: v.optional(v.pipe(number('must be a whole number from 0', 0, Number.MAX_SAFE_INTEGER), v.integer('must be a whole number from 0'))),
};

/** A recipe with its ingredient lines as records (backup version 2 and the database). */
export const recipeSchema = v.object({ ...recipeFields, ingredients: list(ingredientLineSchema) }, 'must be an object');

/** A recipe of backup version 1: lines as strings, the user's fixes keyed by line index. */
export const recipeV1Schema = v.object(
  {
    ...recipeFields,
    ingredients: list(text(LIMITS.line)),
    overrides: v.optional(
      keyed(
        v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'must be keyed by line index')),
        v.object(
          {
            food: v.optional(v.nullable(text(LIMITS.id, 1))),
            grams: v.optional(v.nullable(number('must be a number of grams from 0 to 1,000,000, or null', 0, 1_000_000))),
          },
          'must be an object',
        ),
        'must be an object keyed by line index',
      ),
    ),
  },
  'must be an object',
);

export const mealSchema = v.object(
  {
    id,
    date,
    slot: text(LIMITS.tag, 1),
    recipe: v.nullable(id),
    food: v.nullable(text(LIMITS.line)),
    servings: positive,
    leftoverOf: v.optional(v.nullable(id)),
    eaten: v.optional(v.boolean('must be true or false')),
    eaters: v.optional(list(id, MEMBER_LIMITS.members)),
    guests: v.optional(
      v.pipe(
        number(`must be a whole number from 0 to ${MEMBER_LIMITS.guests}`, 0, MEMBER_LIMITS.guests),
        v.integer(`must be a whole number from 0 to ${MEMBER_LIMITS.guests}`),
      ),
    ),
  },
  'must be an object',
);

/** One member of the household: a name, a portion factor and a fiber target. */
export const memberSchema = v.object(
  {
    id,
    name: text(LIMITS.tag, 1),
    portion: number(`must be a number more than 0 and at most ${MEMBER_LIMITS.portion}`, 0, MEMBER_LIMITS.portion, true),
    fiberTarget: number(`must be a number of grams from 1 to ${MEMBER_LIMITS.fiberTarget}`, 1, MEMBER_LIMITS.fiberTarget),
    ageBand: oneOf(AGE_BANDS),
    sex: oneOf(SEXES),
    order: number('must be a number from 0 to 1,000,000', 0, 1_000_000),
  },
  'must be an object',
);

export const foodSchema = v.object(
  {
    id,
    name: text(LIMITS.name, 1),
    aliases: list(text(LIMITS.name)),
    kind: oneOf(['plant', 'fungus', 'animal', 'other'] as const),
    group: oneOf(FOOD_GROUPS),
    crop: v.nullable(text(LIMITS.id, 1)),
    weight: oneOf([0, 0.25, 1] as const),
    colour: v.nullable(oneOf(COLOURS)),
    family: v.nullable(text(LIMITS.id, 1)),
    fiberPer100g: v.nullable(number('must be a number from 0 to 100, or null', 0, 100)),
    kcalPer100g: v.nullable(number('must be a number from 0 to 1,000, or null', 0, 1_000)),
    fermented: oneOf(['none', 'live', 'not-live'] as const),
    servingGrams: v.nullable(number('must be a number of grams more than 0, or null', 0, 100_000, true)),
    prebiotic: v.nullable(oneOf(['inulin', 'gos', 'resistant-starch'] as const)),
    processed: oneOf(['none', 'refined', 'ultra-processed'] as const),
    aisle: oneOf(AISLES),
    pantryStaple: v.boolean('must be true or false'),
    portions: keyed(oneOf(PORTION_UNITS), number('must be a number of grams more than 0', 0, 100_000, true), 'must be an object of unit → grams'),
    buyAs: oneOf(['count', 'weight', 'pack', 'volume', 'none'] as const),
    pack: v.nullable(
      v.object({ name: text(LIMITS.tag, 1), grams: number('must be a number of grams more than 0', 0, 1_000_000, true) }, 'must be an object or null'),
    ),
    boughtAs: v.optional(
      v.nullable(
        v.object(
          { food: id, yield: number('must be a number more than 0', 0, 1_000, true), part: oneOf(['dry', 'juice', 'zest'] as const) },
          'must be an object or null',
        ),
      ),
    ),
    components: list(v.object({ food: id, share: number('must be a number from 0 to 1', 0, 1) }, 'must be an object'), 100),
    source: v.nullable(v.object({ ndb: text(50), description: text(LIMITS.shortText) }, 'must be an object or null')),
    medas: v.optional(v.nullable(oneOf(MEDAS_CLASSES))),
    custom: v.optional(v.boolean('must be true or false')),
  },
  'must be an object',
);

/** Grams of each food, keyed by food id: the pantry's amounts (setting `pantryAmounts`) and what a list's ticks put there. */
export const pantryAmountsSchema = v.pipe(
  keyed(
    v.pipe(v.string(), v.minLength(1, 'must be keyed by food id'), v.maxLength(LIMITS.id, 'must be keyed by food id')),
    number('must be a number of grams from 0 to 1,000,000', 0, 1_000_000),
    'must be an object of food id → grams',
  ),
  v.check((value) => Object.keys(value).length <= LIMITS.listItems, `must hold at most ${formatCount(LIMITS.listItems)} foods`),
);

export const shoppingSchema = v.object(
  {
    id,
    checked: list(text(LIMITS.line), 100_000),
    manual: list(text(LIMITS.line), 100_000),
    stocked: v.optional(pantryAmountsSchema),
  },
  'must be an object',
);

function backupSchema<T extends v.GenericSchema>(recipe: T) {
  return v.object(
    {
      format: v.string('must be a string'),
      version: v.number('must be a number'),
      appVersion: text(100),
      exportedAt: timestamp,
      data: v.object(
        {
          recipes: v.array(recipe, 'must be a list'),
          meals: v.array(mealSchema, 'must be a list'),
          foods: v.array(foodSchema, 'must be a list'),
          settings: v.unknown(),
          shopping: v.array(shoppingSchema, 'must be a list'),
          // Backups before version 3 have none: their household is the `people` setting's adults.
          members: v.optional(list(memberSchema, MEMBER_LIMITS.members)),
        },
        'must be an object',
      ),
    },
    'must be an object',
  );
}

/** Version 1 of the backup file: ingredient lines as strings; settings values are checked apart (see validateBackup). */
export const backupV1Schema = backupSchema(recipeV1Schema);

/** Version 2 and later of the backup file: ingredient lines as records (version 3 adds the household's members). */
export const backupV2Schema = backupSchema(recipeSchema);

/** Checks one settings value is plain JSON of bounded depth and size; returns what is wrong or null. */
export function settingProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    nodes += 1;
    if (nodes > LIMITS.settingNodes) return `is too large (more than ${formatCount(LIMITS.settingNodes)} values)`;
    if (item.depth > LIMITS.settingDepth) return `is nested more than ${LIMITS.settingDepth} levels deep`;
    const current = item.value;
    if (current === null || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'holds a number that is not finite';
      continue;
    }
    if (typeof current === 'string') {
      if (current.length > LIMITS.settingString) return `holds a string longer than ${formatCount(LIMITS.settingString)} characters`;
      continue;
    }
    if (Array.isArray(current)) {
      for (const child of current) stack.push({ value: child, depth: item.depth + 1 });
      continue;
    }
    if (isPlainObject(current)) {
      for (const key of Object.keys(current)) stack.push({ value: current[key], depth: item.depth + 1 });
      continue;
    }
    return 'holds a value that is not JSON';
  }
  return null;
}

/** A settings row as the database keeps it: key → any plain JSON value. */
export const settingRowSchema = v.object(
  {
    key: v.pipe(v.string('must be a string'), v.minLength(1, `key must be 1 to ${LIMITS.settingKey} characters`), v.maxLength(LIMITS.settingKey, `key must be 1 to ${LIMITS.settingKey} characters`)),
    value: v.unknown(),
  },
  'must be an object',
);

/** What a meal needs beyond its fields' types: something to eat. */
export function mealRuleProblem(meal: { recipe: string | null; food: string | null }): string | null {
  return meal.recipe === null && meal.food === null ? 'needs a recipe or a food line (both are null)' : null;
}

/**
 * The record schema of each database table: the one set of limits every
 * write is checked against (editors, imports, restore, sync) and that every
 * backup is written and read with.
 */
export const RECORD_SCHEMAS = {
  recipes: recipeSchema,
  meals: mealSchema,
  foods: foodSchema,
  shopping: shoppingSchema,
  settings: settingRowSchema,
  members: memberSchema,
} as const;

/** A table whose records are checked before they are written. */
export type RecordTable = keyof typeof RECORD_SCHEMAS;

/** True for the name of a table with a record schema. */
export function isRecordTable(name: string): name is RecordTable {
  return Object.hasOwn(RECORD_SCHEMAS, name);
}

/**
 * What is wrong with one record of `table`, as one line naming the table,
 * the record's id and the field (`meals (id "m1").servings: must be …`),
 * or null when it may be written; `name` names the record instead (`the
 * file's meals[3]`). Never throws.
 */
export function recordProblem(table: RecordTable, record: unknown, name?: string): string | null {
  const label = name !== undefined ? name : table === 'settings' && isPlainObject(record) && typeof record.key === 'string' ? `settings[${JSON.stringify(record.key.slice(0, 60))}]` : recordLabel(table, null, record);
  try {
    const result = v.safeParse(RECORD_SCHEMAS[table] as v.GenericSchema, record);
    if (!result.success) return issueMessage(result.issues[0], record, (keys) => fieldPath(label, keys));
    if (table === 'meals') {
      const rule = mealRuleProblem(record as { recipe: string | null; food: string | null });
      if (rule) return `${label}: ${rule}`;
    }
    if (table === 'settings') {
      const problem = settingProblem((record as { value: unknown }).value);
      if (problem) return `${label}: ${problem}`;
    }
    return null;
  } catch (error) {
    // Only reachable for values JSON cannot produce (getters that throw, proxies).
    return `${label}: not a readable record (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The first problem among `records` of `table` (see recordProblem), or null when every one may be written. */
export function recordsProblem(table: RecordTable, records: readonly unknown[]): string | null {
  for (const record of records) {
    const problem = recordProblem(table, record);
    if (problem) return problem;
  }
  return null;
}

/** True for a number of servings every table accepts (more than 0, at most LIMITS.servings). */
export function isServings(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= LIMITS.servings;
}

/** Fields that may be set to null when their value is out of range. */
const NULLABLE_NUMBERS = new Set(['prepMinutes', 'cookMinutes', 'grams', 'fiberPer100g', 'kcalPer100g', 'servingGrams']);

/**
 * A copy of `record` with what can be mended mended, or null when it still
 * fails the checks: servings out of range become 1 (or the largest allowed),
 * text and lists over their limit are cut to it, minutes or grams out of
 * range become empty, a recipe's broken save count is dropped. Never
 * changes `record` itself.
 */
export function repairRecord(table: RecordTable, record: unknown): unknown | null {
  let copy: unknown;
  try {
    copy = structuredClone(record);
  } catch {
    return null;
  }
  const schema = RECORD_SCHEMAS[table] as v.GenericSchema;
  // Each round mends one field; a record has a bounded number of them.
  for (let round = 0; round < 1_000; round += 1) {
    const result = v.safeParse(schema, copy);
    if (result.success) return recordProblem(table, copy) === null ? copy : null;
    const issue = result.issues[0];
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    if (keys.length === 0) return null;
    let parent = copy as Record<string | number, unknown>;
    for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = keys[keys.length - 1];
    const value = parent[key];
    const limit = typeof issue.requirement === 'number' ? issue.requirement : null;
    if (issue.type === 'max_length' && limit !== null && (typeof value === 'string' || Array.isArray(value))) parent[key] = value.slice(0, limit);
    else if (key === 'servings') parent[key] = typeof value === 'number' && value > LIMITS.servings ? LIMITS.servings : 1;
    else if (typeof key === 'string' && NULLABLE_NUMBERS.has(key)) parent[key] = null;
    else if (key === 'rev' && keys.length === 1) delete parent[key];
    else return null;
  }
  return null;
}
