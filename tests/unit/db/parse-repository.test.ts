import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { exportDatabase } from '../../../src/db/backup-repository';
import { createIngredientParser } from '../../../src/core/ingredients';
import type { LineParser } from '../../../src/core/plan/resolve';
import { resolveMeals } from '../../../src/core/plan/resolve';
import { parseKey } from '../../../src/core/recipes/lines';
import type { Food } from '../../../src/core/types';
import { followLineWrites, staleParses, storeParses } from '../../../src/db/parse-repository';
import { migrationHarness } from './harness';
import { mealRow, recipeRow } from './rows';
import { storedFoods } from '../support/readings';

const FOODS = JSON.parse(readFileSync(new URL('../../../resources/foods/catalog.json', import.meta.url), 'utf8')) as Food[];
const lookup = (id: string) => FOODS.find((food) => food.id === id);

/** A parser over the shipped foods that counts the lines it reads. */
function counting(custom: Food[] = []): LineParser & { key: string; lines: string[] } {
  const inner = createIngredientParser([...FOODS, ...custom]);
  const lines: string[] = [];
  const parse = ((line: string) => (lines.push(line), inner(line))) as LineParser & { key: string; lines: string[] };
  return Object.assign(parse, { key: parseKey('catalog.test.json', custom), lines });
}

async function fresh() {
  const db = migrationHarness().open();
  await db.open();
  return db;
}

describe("recipes keep their lines' readings", () => {
  it('stores readings once; reading the week then parses none of those lines', async () => {
    const db = await fresh();
    await db.recipes.bulkAdd([recipeRow('a'), recipeRow('b', { ingredients: [{ id: 'l1', text: '200 g kale' }, { id: 'l2', text: '1 can chickpeas' }] })]);
    const parse = counting();
    expect((await staleParses(db, parse.key, null)).sort()).toEqual(['a', 'b']);
    expect(await storeParses(db, ['a', 'b'], parse)).toBe(2);
    expect(await staleParses(db, parse.key, null)).toEqual([]);
    const stored = await db.recipes.get('b');
    expect(stored?.parsed?.with).toBe(parse.key);
    expect(storedFoods(stored!, parse.key, lookup)).toEqual(['kale', expect.stringMatching(/chickpea/)]);
    // Storing a reading changes neither the recipe's time nor anything else of it.
    expect(stored?.updatedAt).toBe(recipeRow('b').updatedAt);

    parse.lines.length = 0;
    const eaten = resolveMeals([mealRow('m', { recipe: 'b', food: null })], new Map([['b', stored!]]), parse, lookup);
    expect(eaten.map((line) => line.parsed.food?.id)).toEqual(['kale', expect.stringMatching(/chickpea/)]);
    expect(parse.lines).toEqual([]);
    db.close();
  });

  it('reads a recipe again when a line changes, and every recipe when the foods change', async () => {
    const db = await fresh();
    await db.recipes.bulkAdd([recipeRow('a'), recipeRow('b')]);
    const parse = counting();
    await storeParses(db, ['a', 'b'], parse);
    const told = new Set<string>();
    const stop = followLineWrites(db, (ids) => ids?.forEach((id) => told.add(id)));
    await db.recipes.update('a', { ingredients: [{ id: 'l1', text: '2 cups red lentils' }] });
    await db.recipes.update('b', { name: 'Renamed' });
    await db.recipes.add(recipeRow('c'));
    await vi.waitFor(() => expect([...told].sort()).toEqual(['a', 'b', 'c']));
    // Of the recipes written, those whose lines changed (or are new) need a reading; a renamed one does not.
    expect((await staleParses(db, parse.key, [...told])).sort()).toEqual(['a', 'c']);
    parse.lines.length = 0;
    await storeParses(db, ['a', 'b', 'c'], parse);
    expect(parse.lines.sort()).toEqual(['1 cup red lentils', '2 cups red lentils']);
    stop();

    const withOwnFood = counting([{ ...FOODS[0], id: 'my-food', name: 'My food', custom: true }]);
    expect(withOwnFood.key).not.toBe(parse.key);
    expect((await staleParses(db, withOwnFood.key, null)).sort()).toEqual(['a', 'b', 'c']);
    db.close();
  });

  it('keeps readings out of the backup', async () => {
    const db = await fresh();
    await db.recipes.add(recipeRow('a'));
    await storeParses(db, ['a'], counting());
    const backup = await exportDatabase(db, { appVersion: '0.1.0', exportedAt: '2026-12-03T10:00:00.000Z' });
    expect(backup.text).not.toContain('"parsed"');
    db.close();
  });
});
