import fc from 'fast-check';
import { describe } from 'vitest';
import { anyField, anyTable, copy, dataOf, fieldPath, FIELDS, fuzzRestore, rowCount, rows, type Case, type Kind, type Table } from './restore-cases';

/** Values that are wrong for every field of a kind, whatever the record holds. */
const WRONG: Record<Kind, readonly unknown[]> = {
  id: [7, true, null, [], {}, ['r-1'], ''],
  string: [7, true, null, [], {}, ['text']],
  nullableString: [7, false, [], {}, ['text'], { text: 'x' }],
  positive: ['2', true, null, [], {}, 0, -1, 2e6],
  nullableNumber: ['5', true, [], {}, -1, 2e6, [5]],
  list: ['1 cup flour', 5, null, {}, [5], [null], [{}], [['nested']]],
  enum: ['zz-not-one-of-them', 7, null, true, []],
  nullableEnum: ['zz-not-one-of-them', 7, true, []],
  bool: ['yes', 1, null, [], 'false'],
  object: [[], 'x', null, 5, { cup: -1 }, { bucket: 3 }],
  nullableObject: ['x', 5, [], true, {}],
  objectList: ['x', 5, null, {}, [5], [{ food: 'x', share: 2 }]],
};

/** Limits of string fields (src/core/backup/schema.ts) and list fields whose items are strings. */
const STRING_LIMITS: readonly { table: Table; field: string; limit: number; item?: true }[] = [
  { table: 'recipes', field: 'id', limit: 200 },
  { table: 'recipes', field: 'name', limit: 500 },
  { table: 'recipes', field: 'source', limit: 5_000 },
  { table: 'recipes', field: 'ingredients', limit: 10_000, item: true },
  { table: 'recipes', field: 'steps', limit: 50_000, item: true },
  { table: 'recipes', field: 'tags', limit: 200, item: true },
  { table: 'meals', field: 'slot', limit: 200 },
  { table: 'meals', field: 'food', limit: 10_000 },
  { table: 'meals', field: 'recipe', limit: 200 },
  { table: 'foods', field: 'name', limit: 500 },
  { table: 'foods', field: 'aliases', limit: 500, item: true },
  { table: 'shopping', field: 'checked', limit: 10_000, item: true },
  { table: 'shopping', field: 'manual', limit: 10_000, item: true },
];

const wrongType: fc.Arbitrary<Case> = anyField.chain(([table, index, field]) =>
  fc.constantFrom(...WRONG[FIELDS[table][field]]).map((value) => {
    const backup = copy();
    rows(backup, table)[index][field] = value;
    return { text: JSON.stringify(backup), expected: fieldPath(table, index, field) };
  }),
);

const hugeText = fc.oneof(
  { weight: 19, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 60 }) },
);

const hugeString: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(fc.constantFrom(...STRING_LIMITS), fc.nat(), hugeText, fc.constantFrom('x', 'é', '🍅', '<', '\\', '"')).map(([target, at, factor, unit]) => {
    const backup = copy();
    const index = at % rowCount(target.table);
    const record = rows(backup, target.table)[index];
    const value = unit.repeat(Math.ceil((target.limit * factor + 1) / unit.length));
    let path = target.field;
    if (target.item) {
      const list = record[target.field] as string[];
      const position = at % (list.length + 1);
      list.splice(position, 0, value);
      path = `${target.field}[${position}]`;
    } else {
      record[target.field] = value;
    }
    return { text: JSON.stringify(backup), expected: fieldPath(target.table, index, path) };
  }),
  fc.integer({ min: 100_001, max: 400_000 }).map((length) => {
    const backup = copy();
    (dataOf(backup).settings as Record<string, unknown>).notes = 'n'.repeat(length);
    return { text: JSON.stringify(backup), expected: /^settings\["notes"\]: holds a string longer than 100,000 characters/ };
  }),
  fc.integer({ min: 101, max: 5_000 }).map((length) => {
    const backup = copy();
    backup.appVersion = 'v'.repeat(length);
    return { text: JSON.stringify(backup), expected: /^appVersion: must be a string of at most 100 characters/ };
  }),
);

const missingIds: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(anyTable, fc.nat()).map(([table, at]) => {
    const backup = copy();
    const index = at % rowCount(table);
    delete rows(backup, table)[index].id;
    return { text: JSON.stringify(backup), expected: new RegExp(`^${table}\\[${index}\\]\\.id: is missing`) };
  }),
  fc.nat().map((at) => {
    // A meal whose recipe is gone.
    const backup = copy();
    const meals = rows(backup, 'meals').filter((meal) => meal.recipe !== null);
    const gone = meals[at % meals.length].recipe;
    dataOf(backup).recipes = rows(backup, 'recipes').filter((recipe) => recipe.id !== gone);
    return { text: JSON.stringify(backup), expected: /^meals\[\d+\] \(id "[^"]*"\)\.recipe: no recipe with id "bench-recipe-\d+" in this backup/ };
  }),
  fc.constant(null).map(() => {
    // A leftover whose cooked meal is gone.
    const backup = copy();
    const leftover = rows(backup, 'meals').find((meal) => meal.leftoverOf)!;
    dataOf(backup).meals = rows(backup, 'meals').filter((meal) => meal.id !== leftover.leftoverOf);
    return { text: JSON.stringify(backup), expected: /^meals\[\d+\] \(id "[^"]*"\)\.leftoverOf: no meal with id "[^"]+" in this backup/ };
  }),
);

const duplicateIds: fc.Arbitrary<Case> = fc.tuple(anyTable, fc.nat(), fc.nat(), fc.boolean()).map(([table, a, b, clone]) => {
  const backup = copy();
  const list = rows(backup, table);
  const source = a % list.length;
  if (clone || list.length < 2) {
    list.splice(b % (list.length + 1), 0, structuredClone(list[source]));
  } else {
    const target = (source + 1 + (b % (list.length - 1))) % list.length;
    list[target].id = list[source].id;
  }
  return { text: JSON.stringify(backup), expected: new RegExp(`^${table}\\[\\d+\\] \\(id "[^"]*"\\): duplicate id \\(also ${table}\\[\\d+\\]\\)`) };
});

const badDay = fc.oneof(
  fc.constantFrom('2026-13-45', '2026-02-30', '2026-00-10', '2026-11-31', '2026-2-3', '0000-00-00', '1899-12-31', '2201-01-01', '', 'tomorrow', '99999-01-01', '+099999-01-01', '2026-11-25T10:00:00Z', '2026-11-25 '),
  fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2201, max: 99_999 })).map((year) => `${String(year).padStart(4, '0')}-06-15`),
);
const badStamp = fc.oneof(
  fc.constantFrom('2026-13-45T00:00:00Z', '2026-11-25T25:00:00Z', '2026-11-25T10:60:00Z', '1776-07-04T00:00:00Z', '+099999-01-01T00:00:00.000Z', 'Invalid Date', '2026-11-25T10:00:00ZZ', ''),
  fc
    .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
    .filter((date) => date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 2200)
    .map((date) => date.toISOString()),
  badDay.map((day) => `${day}T12:00:00.000Z`),
);

const datesOutOfRange: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(fc.nat(), badDay).map(([at, day]) => {
    const backup = copy();
    const index = at % rowCount('meals');
    rows(backup, 'meals')[index].date = day;
    return { text: JSON.stringify(backup), expected: new RegExp(`${fieldPath('meals', index, 'date').source}: must be a date from 1900-01-01 to 2200-12-31 written YYYY-MM-DD`) };
  }),
  fc.tuple(fc.nat(), fc.constantFrom('createdAt', 'updatedAt'), badStamp).map(([at, field, stamp]) => {
    const backup = copy();
    const index = at % rowCount('recipes');
    rows(backup, 'recipes')[index][field] = stamp;
    return { text: JSON.stringify(backup), expected: new RegExp(`${fieldPath('recipes', index, field).source}: must be an ISO timestamp`) };
  }),
  badStamp.map((stamp) => {
    const backup = copy();
    backup.exportedAt = stamp;
    return { text: JSON.stringify(backup), expected: /^exportedAt: must be an ISO timestamp/ };
  }),
);

describe('restoring backups with malformed records into a database with data', () => {
  fuzzRestore([
    { name: 'a field of the wrong type', cases: wrongType, runs: 1_600 },
    { name: 'huge strings', cases: hugeString, runs: 800 },
    { name: 'missing ids and dangling references', cases: missingIds, runs: 600 },
    { name: 'duplicate ids', cases: duplicateIds, runs: 800 },
    { name: 'dates out of range', cases: datesOutOfRange, runs: 1_000 },
  ]);
});
