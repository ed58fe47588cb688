import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { weekDates } from '../../src/core/dates';
import { readPlanFile } from '../../src/core/plan/plan-file';
import type { Food, ParsedLine, Recipe } from '../../src/core/types';
import { lineTexts, linesFromTexts } from '../../src/core/recipes/lines';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const starterDir = path.join(repoRoot, 'resources/starter');
const catalogPath = path.join(repoRoot, 'resources/foods/catalog.json');
const parserPath = path.join(repoRoot, 'src/core/ingredients/index.ts');
const scoringPath = path.join(repoRoot, 'src/core/scoring/index.ts');

interface StarterRecipe {
  id: string;
  name: string;
  servings: number;
  ingredients: string[];
  steps: string[];
  tags: string[];
  source: string | null;
  prepMinutes: number;
  cookMinutes: number;
}

interface StarterFile {
  format: string;
  recipes: StarterRecipe[];
}

const starterText = readFileSync(path.join(starterDir, 'recipes.json'), 'utf8');
const starter = JSON.parse(starterText) as StarterFile;
const weekText = readFileSync(path.join(starterDir, 'example-week.json'), 'utf8');
const week = readPlanFile(weekText);
const byId = new Map(starter.recipes.map((r) => [r.id, r]));

const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'];

describe('starter recipe library', () => {
  it('has the starter format and at least 32 recipes', () => {
    expect(starter.format).toBe('thirtyfold.starter/1');
    expect(starter.recipes.length).toBeGreaterThanOrEqual(32);
  });

  it('gives every recipe a unique starter- slug id', () => {
    const ids = starter.recipes.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^starter-[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives every recipe a name, servings, ingredients, steps, times and no source', () => {
    for (const recipe of starter.recipes) {
      const at = recipe.id;
      expect(recipe.name.trim(), at).not.toBe('');
      expect(recipe.servings, at).toBeGreaterThan(0);
      expect(recipe.ingredients.length, at).toBeGreaterThanOrEqual(1);
      expect(recipe.steps.length, at).toBeGreaterThanOrEqual(1);
      for (const step of recipe.steps) expect(step.trim(), at).not.toBe('');
      expect(recipe.source, at).toBeNull();
      expect(Number.isInteger(recipe.prepMinutes) && recipe.prepMinutes >= 0, at).toBe(true);
      expect(Number.isInteger(recipe.cookMinutes) && recipe.cookMinutes >= 0, at).toBe(true);
    }
  });

  it('starts every ingredient line with an explicit quantity', () => {
    const bad = starter.recipes.flatMap((r) => r.ingredients.filter((line) => !/^\d/.test(line)).map((line) => `${r.id}: ${line}`));
    expect(bad).toEqual([]);
  });

  it('tags every recipe with a meal slot and covers all four slots', () => {
    for (const recipe of starter.recipes) {
      expect(recipe.tags.some((t) => SLOTS.includes(t)), recipe.id).toBe(true);
      expect(new Set(recipe.tags).size, recipe.id).toBe(recipe.tags.length);
      for (const tag of recipe.tags) expect(tag, recipe.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    for (const slot of SLOTS) {
      expect(starter.recipes.filter((r) => r.tags.includes(slot)).length, slot).toBeGreaterThanOrEqual(4);
    }
  });

  it('has at least 6 recipes with live fermented foods, each saying it is eaten uncooked', () => {
    const fermented = starter.recipes.filter((r) => r.tags.includes('fermented'));
    expect(fermented.length).toBeGreaterThanOrEqual(6);
    for (const recipe of fermented) {
      const steps = recipe.steps.join(' ').toLowerCase();
      expect(/live|uncooked|not cooked|unheated|never heated|off the heat|cold/.test(steps), recipe.id).toBe(true);
    }
  });
});

describe('starter example week', () => {
  it('is a valid plan file for two people starting 2026-11-23', () => {
    expect(week.people).toBe(2);
    expect(week.weekStart).toBe('2026-11-23');
  });

  it('carries each recipe it uses exactly as the library has it', () => {
    expect(week.recipes.length).toBeGreaterThan(0);
    for (const recipe of week.recipes) {
      const original = byId.get(recipe.id);
      expect(original, recipe.id).toBeDefined();
      expect(recipe.name).toBe(original?.name);
      expect(recipe.servings).toBe(original?.servings);
      expect(lineTexts(recipe.ingredients)).toEqual(original?.ingredients);
    }
  });

  it('plans 21 to 25 meals, every recipe meal naming a starter recipe', () => {
    expect(week.meals.length).toBeGreaterThanOrEqual(21);
    expect(week.meals.length).toBeLessThanOrEqual(25);
    for (const meal of week.meals) {
      if (meal.recipe !== null) expect(byId.has(meal.recipe), meal.recipe).toBe(true);
      else expect(meal.food?.trim()).not.toBe('');
      expect(meal.servings).toBeGreaterThan(0);
      expect(SLOTS).toContain(meal.slot);
    }
  });

  it('keeps every meal inside the week and plans all seven days', () => {
    const dates = weekDates(week.weekStart ?? '');
    expect(dates).toHaveLength(7);
    for (const meal of week.meals) expect(dates).toContain(meal.date);
    expect(new Set(week.meals.map((m) => m.date)).size).toBe(7);
  });

  it('eats live fermented recipes on most days', () => {
    const days = new Set(
      week.meals.filter((m) => m.recipe !== null && byId.get(m.recipe)?.tags.includes('fermented')).map((m) => m.date),
    );
    expect(days.size).toBeGreaterThanOrEqual(5);
  });
});

type Parse = (line: string) => ParsedLine;
type IsCooked = (lineText: string, food: Food, recipe: Recipe | null) => boolean;

/** The scoring module's cooked check, or null when it does not export one. */
async function loadIsCooked(): Promise<IsCooked | null> {
  if (!existsSync(scoringPath)) return null;
  const module = (await import(/* @vite-ignore */ pathToFileURL(scoringPath).href)) as Record<string, unknown>;
  return typeof module.isCooked === 'function' ? (module.isCooked as IsCooked) : null;
}

/** Loads the catalog and a parser bound to it, or null while either is not there yet. */
async function loadParser(): Promise<{ foods: Food[]; parse: Parse } | null> {
  if (!existsSync(catalogPath) || !existsSync(parserPath)) return null;
  const foods = JSON.parse(readFileSync(catalogPath, 'utf8')) as Food[];
  const module = (await import(/* @vite-ignore */ pathToFileURL(parserPath).href)) as Record<string, unknown>;
  const create = module.createIngredientParser;
  if (typeof create !== 'function') throw new Error('src/core/ingredients/index.ts does not export createIngredientParser');
  const parse = (create as (foods: Food[]) => unknown)(foods);
  if (typeof parse !== 'function') throw new Error('createIngredientParser did not return a parsing function');
  return { foods, parse: parse as Parse };
}

const haveParser = existsSync(catalogPath) && existsSync(parserPath);
if (!haveParser) console.log('starter.test: food catalog or ingredient parser not present; skipping matching checks');

describe.skipIf(!haveParser)('starter recipes against the food catalog', async () => {
  const loaded = await loadParser();
  const foods = loaded?.foods ?? [];
  const parse: Parse = loaded?.parse ?? (() => {
    throw new Error('no parser');
  });
  const foodById = new Map(foods.map((f) => [f.id, f]));
  const matched = (line: string): Food | null => {
    const id = parse(line).food?.id;
    return id === undefined ? null : (foodById.get(id) ?? null);
  };
  const cropsOf = (lines: readonly string[]): Set<string> => {
    const crops = new Set<string>();
    for (const line of lines) {
      const food = matched(line);
      if (food && (food.kind === 'plant' || food.kind === 'fungus') && food.weight > 0 && food.crop !== null) crops.add(food.crop);
    }
    return crops;
  };
  const allLines = starter.recipes.flatMap((r) => r.ingredients);

  it('matches at least 95% of ingredient lines to a food', () => {
    const unmatched = allLines.filter((line) => matched(line) === null);
    if (unmatched.length > 0) console.log(`starter.test: unmatched lines:\n  ${unmatched.join('\n  ')}`);
    expect(1 - unmatched.length / allLines.length).toBeGreaterThanOrEqual(0.95);
  });

  it('covers at least 80 distinct plant crops across the library', () => {
    expect(cropsOf(allLines).size).toBeGreaterThanOrEqual(80);
  });

  it('finds a live fermented food in every recipe tagged fermented', () => {
    for (const recipe of starter.recipes.filter((r) => r.tags.includes('fermented'))) {
      const live = recipe.ingredients.map(matched).filter((f) => f?.fermented === 'live');
      expect(live.length, recipe.id).toBeGreaterThan(0);
    }
  });

  it.skipIf(!existsSync(scoringPath))('never reads the live food of a fermented recipe as cooked', async () => {
    const isCooked = await loadIsCooked();
    if (isCooked === null) throw new Error('src/core/scoring/index.ts does not export isCooked');
    for (const recipe of starter.recipes.filter((r) => r.tags.includes('fermented'))) {
      const full: Recipe = { ...recipe, ingredients: linesFromTexts(recipe.ingredients), createdAt: '', updatedAt: '' };
      const uncooked = recipe.ingredients.filter((line) => {
        const food = matched(line);
        return food?.fermented === 'live' && !isCooked(line, food, full);
      });
      expect(uncooked.length, recipe.id).toBeGreaterThan(0);
    }
  });

  it('reaches at least 30 plant crops in the example week', () => {
    const lines = week.meals.flatMap((m) =>
      m.recipe !== null ? lineTexts(week.recipes.find((r) => r.id === m.recipe)?.ingredients ?? []) : [m.food ?? ''],
    );
    expect(cropsOf(lines).size).toBeGreaterThanOrEqual(30);
  });
});
