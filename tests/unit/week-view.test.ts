import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weekDates } from '../../src/core/dates';
import { createIngredientParser } from '../../src/core/ingredients';
import { readPlanFile } from '../../src/core/plan/plan-file';
import { resolveMeals } from '../../src/core/plan/resolve';
import { scoreWeek } from '../../src/core/scoring';
import type { Food, Recipe } from '../../src/core/types';
import { isWeekView } from '../../src/state/week-view';

const read = (path: string) => readFileSync(new URL(`../../resources/${path}`, import.meta.url), 'utf8');
const catalog = JSON.parse(read('foods/catalog.json')) as Food[];
const starter = JSON.parse(read('starter/recipes.json')) as { recipes: Recipe[] };
const week = readPlanFile(read('starter/example-week.json'));
const byId = new Map(catalog.map((food) => [food.id, food]));
const lookup = (id: string) => byId.get(id);

describe('week view remembered between sessions', () => {
  const recipes = new Map([...starter.recipes, ...week.recipes].map((recipe) => [recipe.id, recipe]));
  const lines = resolveMeals(week.meals, recipes, createIngredientParser(catalog), lookup);
  const dates = weekDates(week.weekStart ?? '2026-11-23');
  const score = scoreWeek({ lines, people: week.people, weekDates: dates, previousCrops: new Set(['kale', 'oat']) }, lookup);

  it('comes back from storage exactly as it was worked out (the example week)', () => {
    expect(score.plants.length).toBeGreaterThan(20);
    const view = { score, foods: { '1 apple': { id: 'apple', name: 'Apple' }, 'glorp': null }, earlier: '0123456789abcd' };
    const stored = JSON.parse(JSON.stringify(view)) as unknown;
    expect(stored).toEqual(view);
    expect(isWeekView(stored)).toBe(true);
  });

  it('refuses damaged values', () => {
    const good = JSON.parse(JSON.stringify({ score, foods: {}, earlier: 'k' })) as { score: Record<string, unknown>; foods: Record<string, unknown>; earlier: string };
    expect(isWeekView(good)).toBe(true);
    for (const damage of [
      null,
      [],
      { score },
      { score: good.score, foods: {} },
      { score: good.score, foods: {}, earlier: null },
      { score: null, foods: {}, earlier: 'k' },
      { score: { ...good.score, plants: {} }, foods: {}, earlier: 'k' },
      { score: { ...good.score, plantPoints: '3' }, foods: {}, earlier: 'k' },
      { score: { ...good.score, fiber: { ...(good.score.fiber as object), byDay: null } }, foods: {}, earlier: 'k' },
      { score: { ...good.score, unmatched: undefined }, foods: {}, earlier: 'k' },
      { score: good.score, foods: { apple: { id: 'apple' } }, earlier: 'k' },
      { score: good.score, foods: [], earlier: 'k' },
    ]) {
      expect(isWeekView(damage)).toBe(false);
    }
  });
});
