import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, dayOfWeek, weekStartOf } from '../../src/core/dates';
import { readPlanFile } from '../../src/core/plan/plan-file';
import type { Meal } from '../../src/core/types';
import { db } from '../../src/state/database';
import { todayIso } from '../../src/state/ids';
import { readStarterRecipes, readStarterRecord, shiftExampleWeek, starter, STARTER_KEY } from '../../src/state/starter.svelte';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const recipesText = readFileSync(path.join(repoRoot, 'resources/starter/recipes.json'), 'utf8');
const weekText = readFileSync(path.join(repoRoot, 'resources/starter/example-week.json'), 'utf8');
const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'];

function meal(date: string, slot: string, recipe: string | null): Meal {
  return { id: `${date}-${slot}`, date, slot, recipe, food: recipe ? null : '1 apple', servings: 2 };
}

describe('shiftExampleWeek', () => {
  it('moves meals by whole weeks onto the given week, keeping weekdays', () => {
    const meals = [meal('2026-11-23', 'dinner', 'r1'), meal('2026-11-29', 'lunch', 'r2')];
    const moved = shiftExampleWeek(meals, '2026-11-23', '2027-03-01', SLOTS);
    expect(moved.map((m) => m.date)).toEqual(['2027-03-01', '2027-03-07']);
    expect(moved.map((m) => dayOfWeek(m.date))).toEqual([1, 0]);
    expect(new Set(moved.map((m) => m.id)).size).toBe(2);
    expect(moved.every((m) => !meals.some((old) => old.id === m.id))).toBe(true);
  });

  it('keeps every meal inside a week that starts on Sunday', () => {
    const meals = [meal('2026-11-23', 'dinner', 'r1'), meal('2026-11-29', 'lunch', 'r2')];
    const moved = shiftExampleWeek(meals, '2026-11-23', '2026-12-06', SLOTS);
    expect(moved.map((m) => m.date)).toEqual(['2026-12-07', '2026-12-06']);
  });

  it('links a lunch to the same recipe cooked for dinner the day before, and nothing else', () => {
    const meals = [
      meal('2026-11-23', 'dinner', 'chili'),
      meal('2026-11-24', 'lunch', 'chili'),
      meal('2026-11-23', 'breakfast', 'oats'),
      meal('2026-11-24', 'breakfast', 'oats'),
      meal('2026-11-26', 'lunch', 'chili'),
    ];
    const moved = shiftExampleWeek(meals, '2026-11-23', '2026-11-23', SLOTS);
    expect(moved[1].leftoverOf).toBe(moved[0].id);
    expect(moved[3].leftoverOf).toBeNull();
    expect(moved[4].leftoverOf).toBeNull();
    expect(moved[0].leftoverOf).toBeNull();
  });
});

describe('starter files', () => {
  it('reads the shipped starter recipes with their times and a load stamp', () => {
    const recipes = readStarterRecipes(recipesText, '2026-01-01T00:00:00.000Z');
    expect(recipes.length).toBeGreaterThan(10);
    expect(recipes.every((r) => r.id.startsWith('starter-') && r.updatedAt === '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(recipes.some((r) => typeof r.prepMinutes === 'number')).toBe(true);
  });

  it('refuses a file in another format with a one-line message', () => {
    expect(() => readStarterRecipes('{"format":"x","recipes":[]}', 'now')).toThrow(/thirtyfold\.starter\/1/);
    expect(() => readStarterRecipes('not json', 'now')).toThrow(/not valid JSON/);
    expect(() => readStarterRecipes('{"format":"thirtyfold.starter/1","recipes":[{"id":"a"}]}', 'now')).toThrow(/recipes\.0/);
  });

  it('treats a malformed stored record as already decided', () => {
    expect(readStarterRecord(undefined)).toBeNull();
    expect(readStarterRecord('junk')).toMatchObject({ status: 'skipped', recipeIds: [] });
    expect(readStarterRecord({ status: 'loaded', recipeIds: ['a'], mealIds: 3 })).toMatchObject({ status: 'loaded', recipeIds: ['a'], mealIds: [] });
  });
});

describe('first run against an in-memory database', () => {
  beforeAll(() => {
    vi.stubGlobal('fetch', async (url: string) => {
      const text = String(url).includes('example-week') ? weekText : recipesText;
      return new Response(text, { status: 200 });
    });
  });

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('loads the library and the example week once, onto this week', async () => {
    const example = readPlanFile(weekText);
    expect(await starter.loadIfFirstRun()).toBe(true);
    expect(await starter.loadIfFirstRun()).toBe(false);
    const meals = await db.meals.toArray();
    expect(meals).toHaveLength(example.meals.length);
    const weekStart = weekStartOf(todayIso(), 1);
    expect(meals.every((m) => m.date >= weekStart && m.date <= addDays(weekStart, 6))).toBe(true);
    expect(meals.filter((m) => m.leftoverOf).length).toBeGreaterThan(0);
    const record = readStarterRecord((await db.settings.get(STARTER_KEY))?.value);
    expect(record?.status).toBe('loaded');
    expect(record?.mealIds).toHaveLength(example.meals.length);
    expect(await db.recipes.count()).toBe(record?.recipeIds.length);
  });
});
