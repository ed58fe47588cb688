import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { BackupInput } from '../../../src/core/backup';
import type { Food } from '../../../src/core/types';
import { dumpDatabase, replaceDatabase } from '../../../src/db/backup-repository';
import type { ThirtyfoldDatabase } from '../../../src/db/database';
import { generateLibrary } from '../../../scripts/bench/generate';
import { migrationHarness } from './harness';

const root = resolve(import.meta.dirname, '../../..');

/** The shipped food catalog and the starter library's ingredient lines, as the benchmark's generator uses them. */
export const catalog = JSON.parse(readFileSync(resolve(root, 'resources/foods/catalog.json'), 'utf8')) as Food[];
export const starterLines = (JSON.parse(readFileSync(resolve(root, 'resources/starter/recipes.json'), 'utf8')) as { recipes: { ingredients: string[] }[] }).recipes.flatMap(
  (recipe) => recipe.ingredients,
);

export const meta = { appVersion: '0.1.0', exportedAt: '2026-11-25T10:00:00.000Z' };

/**
 * A generated library with what generation leaves out added: a recipe with
 * fixed lines, leftovers, food-only meals and settings. The same arguments
 * always give the same rows.
 */
export function library(options: { seed: number; recipes: number; weeks: number; endDate: string; foods?: number }): BackupInput {
  const generated = generateLibrary({ ...options, catalog, lines: starterLines });
  const [first, ...rest] = generated.recipes;
  const meals = generated.meals.map((meal, i) => {
    if (i % 7 === 3) return { ...meal, recipe: generated.meals[i - 1].recipe, leftoverOf: generated.meals[i - 1].id };
    if (i % 11 === 5) return { ...meal, recipe: null, food: '1 apple' };
    return meal;
  });
  return {
    recipes: [
      {
        ...first,
        ingredients: first.ingredients.map((line, i) => (i === 0 ? { ...line, food: 'kimchi', grams: 75 } : i === 2 ? { ...line, food: null } : line)),
      },
      ...rest,
    ],
    meals,
    foods: generated.foods.slice(0, options.foods ?? 3),
    settings: {
      people: 2 + (options.seed % 3),
      units: 'metric',
      weekStartDay: 1,
      slots: ['breakfast', 'lunch', 'dinner', 'snack'],
      targets: { plantPoints: 30, fiberPerDay: 30, fermentedPerWeek: 7 },
    },
    shopping: generated.shopping,
  };
}

/** A small library: 6 recipes and one week of meals. */
export function smallLibrary(seed: number, endDate: string): BackupInput {
  return library({ seed, recipes: 6, weeks: 1, endDate });
}

/** A fresh in-memory database holding a small library, and its whole contents as text. */
export async function seededDatabase(db: ThirtyfoldDatabase = migrationHarness().open()): Promise<{ db: ThirtyfoldDatabase; before: string }> {
  await replaceDatabase(db, smallLibrary(1, '2026-11-29'));
  return { db, before: await contents(db) };
}

/**
 * Checks after each case that the database still holds `before`; a case
 * that changed it gets the database reseeded before the next case runs, so
 * one failure does not spoil the cases (and the shrinking) after it.
 */
export function unchangedGuard(db: ThirtyfoldDatabase, before: string) {
  let dirty = false;
  return {
    async ready(): Promise<void> {
      if (!dirty) return;
      await seededDatabase(db);
      dirty = false;
    },
    async check(): Promise<void> {
      const after = await contents(db);
      dirty = after !== before;
      expect(after).toBe(before);
    },
  };
}

/** The whole database as text: equal text means equal contents. */
export async function contents(db: ThirtyfoldDatabase): Promise<string> {
  return JSON.stringify(await dumpDatabase(db));
}

/**
 * One line a person can read, saying what `expected` says: no stack, no
 * object dump, no line break, and (unless `quotesFile` allows them in text
 * quoted from the file) no control or text-direction characters.
 */
export function expectClear(message: string, expected: RegExp, options: { quotesFile?: boolean } = {}): void {
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/\[object \w+\]|\bat .+:\d+:\d+|[\n\r\u2028\u2029]/);
  if (!options.quotesFile) expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  expect(message.length).toBeLessThan(400);
  expect(message).toMatch(expected);
}
