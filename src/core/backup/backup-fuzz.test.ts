import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtureText from '../../../tests/fixtures/backup/v1-sample.thirtyfold.json?raw';
import { buildBackup, parseBackup, readBackup, validateBackup, type BackupCheck } from './index';
import { linesFromTexts } from '../recipes/lines';

const fixture = JSON.parse(fixtureText) as { data: Record<string, unknown[]> };

type Table = 'recipes' | 'meals' | 'foods' | 'shopping';
type Mutation = (backup: Record<string, unknown>) => void;

function copy(): Record<string, unknown> {
  return structuredClone(fixture) as Record<string, unknown>;
}

function rows(backup: Record<string, unknown>, table: Table): Record<string, unknown>[] {
  return (backup.data as Record<string, Record<string, unknown>[]>)[table];
}

/** Required fields and values that are wrong for each of them whatever else the record holds. */
const REQUIRED: Record<Table, Record<string, fc.Arbitrary<unknown>>> = {
  recipes: {
    id: fc.oneof(fc.constant(''), fc.integer(), fc.constant(null)),
    name: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 })),
    servings: fc.oneof(fc.constant(0), fc.integer({ max: -1 }), fc.constant(Number.NaN), fc.string(), fc.constant(null)),
    ingredients: fc.oneof(fc.string(), fc.array(fc.integer(), { minLength: 1, maxLength: 4 }), fc.constant(null)),
    steps: fc.oneof(fc.string(), fc.constant({})),
    tags: fc.oneof(fc.string(), fc.array(fc.constant(null), { minLength: 1, maxLength: 3 })),
    source: fc.oneof(fc.integer(), fc.constant({}), fc.constant(true)),
    prepMinutes: fc.oneof(fc.integer({ max: -1 }), fc.string(), fc.constant(Infinity)),
    createdAt: fc.oneof(fc.constant(''), fc.integer(), fc.constant('yesterday'), fc.constant('1776-07-04T00:00:00Z')),
  },
  meals: {
    id: fc.oneof(fc.constant(''), fc.integer(), fc.constant(undefined)),
    date: fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2201, max: 9999 })).map((year) => `${String(year).padStart(4, '0')}-06-15`),
    slot: fc.oneof(fc.constant(''), fc.integer()),
    servings: fc.oneof(fc.constant(0), fc.constant('2'), fc.constant(-3)),
    recipe: fc.string({ minLength: 1, maxLength: 10 }).map((id) => `missing-${id}`),
  },
  foods: {
    kind: fc.string({ maxLength: 8 }).filter((s) => !['plant', 'fungus', 'animal', 'other'].includes(s)),
    weight: fc.oneof(fc.constant(0.5), fc.constant(2), fc.constant('1')),
    aisle: fc.constant('Garden centre'),
    pantryStaple: fc.oneof(fc.constant('yes'), fc.constant(1)),
    portions: fc.oneof(fc.constant({ cup: -1 }), fc.constant({ bucket: 3 }), fc.constant([])),
    components: fc.constant([{ food: 'x', share: 2 }]),
  },
  shopping: {
    id: fc.oneof(fc.constant(''), fc.constant(7)),
    checked: fc.oneof(fc.string(), fc.constant([1])),
    manual: fc.constant({ a: 1 }),
  },
};

const table = fc.constantFrom<Table>('recipes', 'meals', 'foods', 'shopping');

function deepValue(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { nested: value };
  return value;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A required field replaced by a wrong value.
  table.chain((name) =>
    fc
      .constantFrom(...Object.keys(REQUIRED[name]))
      .chain((field) => REQUIRED[name][field].map((value): Mutation => Object.assign((backup: Record<string, unknown>) => {
        const record = rows(backup, name)[0];
        if (value === undefined) delete record[field];
        else record[field] = value;
      }, { toString: () => `${name}.${field} = ${JSON.stringify(value)}` }))),
  ),
  // A required field removed.
  table.chain((name) =>
    fc.constantFrom(...Object.keys(REQUIRED[name]).filter((f) => f !== 'recipe')).map((field): Mutation => (backup) => {
      delete rows(backup, name)[0][field];
    }),
  ),
  // A record repeated: duplicate id.
  table.map((name): Mutation => (backup) => {
    rows(backup, name).push(structuredClone(rows(backup, name)[0]));
  }),
  // A string over the limit.
  fc.tuple(fc.integer({ min: 501, max: 3_000 }), fc.constantFrom('name', 'id')).map(([length, field]): Mutation => (backup) => {
    rows(backup, 'recipes')[0][field] = 'é'.repeat(length);
  }),
  fc.integer({ min: 10_001, max: 12_000 }).map((length): Mutation => (backup) => {
    (rows(backup, 'recipes')[1].ingredients as string[]).push('a'.repeat(length));
  }),
  // Deep nesting where a flat value belongs.
  fc.tuple(fc.integer({ min: 17, max: 120 }), fc.constantFrom('settings', 'ingredients', 'name')).map(([depth, where]): Mutation => (backup) => {
    const data = backup.data as Record<string, unknown>;
    if (where === 'settings') (data.settings as Record<string, unknown>).deep = deepValue(depth);
    else rows(backup, 'recipes')[0][where] = where === 'ingredients' ? [deepValue(depth)] : deepValue(depth);
  }),
  // Whole tables or the header damaged.
  fc.tuple(fc.constantFrom('recipes', 'meals', 'foods', 'settings', 'shopping', 'data'), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined))).map(
    ([key, value]): Mutation =>
      (backup) => {
        if (key === 'data') backup.data = value;
        else (backup.data as Record<string, unknown>)[key] = value;
      },
  ),
  fc
    .constantFrom('format', 'version', 'exportedAt', 'appVersion')
    .chain((key) =>
      fc
        .oneof(
          key === 'appVersion' ? fc.string({ minLength: 101, maxLength: 200 }) : fc.string({ maxLength: 20 }).filter((s) => s !== 'thirtyfold.backup'),
          fc.integer({ min: 2 }),
          fc.constant(null),
          fc.constant(undefined),
          fc.double(),
        )
        .map(
          (value): Mutation =>
            (backup) => {
              if (value === undefined) delete backup[key];
              else backup[key] = value;
            },
        ),
    ),
);

function expectRejected(result: BackupCheck): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.length).toBeGreaterThan(0);
  expect(result.error).not.toContain('\n');
  // That prefix would mean an exception escaped the checks.
  expect(result.error.startsWith('not a readable backup')).toBe(false);
}

describe('backup validation under malformed input', () => {
  it('rejects 10,000 damaged backups with a one-line message and never throws', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const backup = copy();
        for (const apply of mutations) {
          try {
            apply(backup);
          } catch {
            // An earlier mutation may have removed what a later one edits.
          }
        }
        runs += 1;
        expectRejected(validateBackup(backup));
      }),
      { numRuns: 7_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fixtureText.lastIndexOf('}') - 1 }), (cut) => {
        runs += 1;
        expectRejected(readBackup(fixtureText.slice(0, cut)));
      }),
      { numRuns: 1_500 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.anything({ maxDepth: 3 })), (value) => {
        runs += 1;
        expectRejected(validateBackup(value));
        expectRejected(readBackup(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')));
      }),
      { numRuns: 1_500 },
    );
    expect(runs).toBeGreaterThanOrEqual(10_000);
  });

  it('survives nesting deeper than JSON.stringify can write', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expectRejected(readBackup(text));
    const backup = copy();
    (backup.data as Record<string, unknown>).settings = { deep: deepValue(100_000) };
    expectRejected(validateBackup(backup));
  });
});

const isoDay = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true });
const idText = fc.string({ minLength: 1, maxLength: 12 });

const validData = fc
  .record({
    recipes: fc.uniqueArray(
      fc.record({
        id: idText,
        name: fc.string({ maxLength: 40 }),
        servings: fc.integer({ min: 1, max: 12 }),
        ingredients: fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }).map(linesFromTexts),
        steps: fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 }),
        tags: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }),
        source: fc.option(fc.webUrl(), { nil: null }),
        prepMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        cookMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        createdAt: isoDay.map((d) => d.toISOString()),
        updatedAt: isoDay.map((d) => d.toISOString()),
      }),
      { selector: (r) => r.id, maxLength: 5 },
    ),
    settings: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
    shopping: fc.uniqueArray(fc.record({ id: idText, checked: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), manual: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }) }), {
      selector: (s) => s.id,
      maxLength: 3,
    }),
  })
  .chain((base) =>
    fc
      .uniqueArray(
        fc.record({
          id: idText,
          date: isoDay.map((d) => d.toISOString().slice(0, 10)),
          slot: fc.constantFrom('breakfast', 'lunch', 'dinner', 'snack'),
          recipe: base.recipes.length ? fc.option(fc.constantFrom(...base.recipes.map((r) => r.id)), { nil: null }) : fc.constant(null),
          food: fc.string({ minLength: 1, maxLength: 20 }),
          servings: fc.double({ min: 0.25, max: 8, noNaN: true }),
        }),
        { selector: (m) => m.id, maxLength: 6 },
      )
      .map((meals) => ({ ...base, meals: meals.map((m) => ({ ...m, food: m.recipe === null ? m.food : null })), foods: [] })),
  );

describe('backup round trip', () => {
  it('build → parse → build is identical for any valid library', () => {
    fc.assert(
      fc.property(validData, (data) => {
        const meta = { appVersion: '1.2.3', exportedAt: '2026-11-25T10:00:00.000Z' };
        const text = buildBackup(data, meta);
        const backup = parseBackup(text);
        expect(buildBackup(backup.data, meta)).toBe(text);
        expect(backup.data.recipes).toHaveLength(data.recipes.length);
      }),
      { numRuns: 150 },
    );
  });
});
