import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/cli/catalog';
import { createIngredientParser } from '../../src/core/ingredients';
import { readPlanFile } from '../../src/core/plan/plan-file';
import type { LineParser } from '../../src/core/plan/resolve';
import { compactReading, expandReading, isParseCurrent, linesFromTexts, parseKey, readLines, storedParse } from '../../src/core/recipes/lines';
import { scoreWeekMeals } from '../../src/core/scoring/week';
import { buildShoppingList } from '../../src/core/shopping';
import { resolveMeals } from '../../src/core/plan/resolve';
import { AISLES, type Food, type Meal, type Recipe } from '../../src/core/types';
import { refusingParser } from './support/readings';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOODS = loadCatalog();
const byId = new Map(FOODS.map((food) => [food.id, food]));
const lookup = (id: string) => byId.get(id);
const starterFile = JSON.parse(readFileSync(path.join(repoRoot, 'resources/starter/recipes.json'), 'utf8')) as {
  recipes: (Omit<Recipe, 'ingredients'> & { ingredients: string[] })[];
};
const STARTER: Recipe[] = starterFile.recipes.map((r) => ({ ...r, ingredients: linesFromTexts(r.ingredients) }));
const STARTER_LINES = [...new Set(STARTER.flatMap((r) => r.ingredients.map((line) => line.text)))];
const EXAMPLE = readPlanFile(readFileSync(path.join(repoRoot, 'resources/starter/example-week.json'), 'utf8'));

type Keyed = LineParser & { key: string };

/** The shipped foods' parser under a key, counting the lines it is asked for. */
function counting(key: string, foods: readonly Food[] = FOODS): Keyed & { asked: string[] } {
  const inner = createIngredientParser(foods);
  const asked: string[] = [];
  return Object.assign((line: string) => (asked.push(line), inner(line)), { key, asked });
}


const KEY = parseKey('catalog-abc.json', []);
/** A result with the recipes' stored readings left out (the recipes themselves are part of it), to compare with one scored from bare recipes. */
const bare = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === 'parsed' && typeof field === 'object' && field !== null && 'with' in field ? undefined : field)));
const withReadings = (recipes: readonly Recipe[], parse: Keyed): Recipe[] => recipes.map((recipe) => ({ ...recipe, parsed: storedParse(recipe, parse) }));

describe("a recipe's stored readings", () => {
  it('give back exactly what the parser reads, for every starter line and for any text', () => {
    const parse = createIngredientParser(FOODS);
    for (const text of STARTER_LINES) expect(expandReading(compactReading(parse(text)), text, lookup)).toEqual(parse(text));
    const piece = fc.constantFrom(...STARTER_LINES, '½', '2-3', 'large', 'small', 'optional', '(drained)', 'or to taste', 'cups', ',', ':');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 6 }), (pieces) => {
        const text = pieces.join(' ');
        expect(expandReading(compactReading(parse(text)), text, lookup)).toEqual(parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('are used while the key matches: reading a stored recipe parses nothing', () => {
    const [recipe] = withReadings([STARTER[0]], counting(KEY));
    expect(isParseCurrent(recipe, refusingParser(KEY))).toBe(true);
    expect(readLines(recipe, refusingParser(KEY), lookup)).toEqual(STARTER[0].ingredients.map((line) => createIngredientParser(FOODS)(line.text)));
  });

  it('are read again for a changed line only, and for every line when the catalog version or the user foods change', () => {
    const [recipe] = withReadings([STARTER[1]], counting(KEY));
    const texts = recipe.ingredients.map((line) => line.text);

    // One line edited: that line is parsed, the others come from the stored readings.
    const edited = { ...recipe, ingredients: recipe.ingredients.map((line, i) => (i === 1 ? { ...line, text: '3 cups baby spinach' } : line)) };
    const same = counting(KEY);
    expect(isParseCurrent(edited, same)).toBe(false);
    expect(readLines(edited, same, lookup)[1].food?.id).toBe('spinach');
    expect(same.asked).toEqual(['3 cups baby spinach']);

    // Lines moved: each is matched by its text, so a moved line is read again rather than given another line's reading.
    const moved = { ...recipe, ingredients: [...recipe.ingredients].reverse() };
    const afterMove = counting(KEY);
    expect(readLines(moved, afterMove, lookup).map((line) => line.input)).toEqual([...texts].reverse());

    // Another catalog version: every line is parsed.
    const catalogChanged = counting(parseKey('catalog-def.json', []));
    expect(isParseCurrent(recipe, catalogChanged)).toBe(false);
    readLines(recipe, catalogChanged, lookup);
    expect(catalogChanged.asked).toEqual(texts);

    // The user's foods changed: another key, every line parsed against the new foods.
    const mine: Food = { ...byId.get('spinach')!, id: 'my-spinach', name: 'My spinach', aliases: ['garden spinach'], custom: true };
    const foodsChanged = counting(parseKey('catalog-abc.json', [mine]), [...FOODS, mine]);
    expect(foodsChanged.key).not.toBe(KEY);
    readLines(recipe, foodsChanged, lookup);
    expect(foodsChanged.asked).toEqual(texts);

    // A parser without a key (foods not all known yet) never takes a stored reading.
    const unkeyed = createIngredientParser(FOODS);
    expect(isParseCurrent(recipe, unkeyed)).toBe(false);
  });

  it('stored in the earlier format (whole parsed lines) count as out of date', () => {
    const parse = createIngredientParser(FOODS);
    const old = { ...STARTER[2], parsed: { with: KEY, lines: STARTER[2].ingredients.map((line) => parse(line.text)) } } as unknown as Recipe;
    const now = counting(KEY);
    expect(isParseCurrent(old, now)).toBe(false);
    expect(readLines(old, now, lookup)).toEqual(STARTER[2].ingredients.map((line) => parse(line.text)));
    expect(now.asked).toHaveLength(STARTER[2].ingredients.length);
  });

  it('score and shop a week exactly as parsing does: the example week and random weeks over the starter library', () => {
    const stored = new Map(withReadings(STARTER, counting(KEY)).map((recipe) => [recipe.id, recipe]));
    const parsed = new Map(STARTER.map((recipe) => [recipe.id, recipe]));
    const exampleStored = new Map(withReadings(EXAMPLE.recipes, counting(KEY)).map((recipe) => [recipe.id, recipe]));
    const exampleParsed = new Map(EXAMPLE.recipes.map((recipe) => [recipe.id, recipe]));
    const weekStart = EXAMPLE.meals.map((meal) => meal.date).sort()[0];
    // Single-food meals have no stored reading: the refusing parser would fail on them, so both sides parse those.
    const fresh = createIngredientParser(FOODS);
    const storedOnly = Object.assign((line: string) => fresh(line), { key: KEY });
    const score = (recipes: ReadonlyMap<string, Recipe>, meals: readonly Meal[], parse: LineParser) =>
      scoreWeekMeals({ weekStart, meals, recipes, earlier: [] }, { parse, foods: lookup, people: 2 });
    const shop = (recipes: ReadonlyMap<string, Recipe>, meals: readonly Meal[], parse: LineParser) =>
      buildShoppingList({ lines: resolveMeals(meals, recipes, parse, lookup) }, lookup, parse, { aisleOrder: AISLES, units: 'metric' });

    expect(bare(score(exampleStored, EXAMPLE.meals, storedOnly))).toEqual(bare(score(exampleParsed, EXAMPLE.meals, createIngredientParser(FOODS))));
    expect(bare(shop(exampleStored, EXAMPLE.meals, storedOnly))).toEqual(bare(shop(exampleParsed, EXAMPLE.meals, createIngredientParser(FOODS))));

    const ids = STARTER.map((recipe) => recipe.id);
    const meal = fc.record({ day: fc.integer({ min: 0, max: 6 }), recipe: fc.constantFrom(...ids), servings: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(meal, { maxLength: 12 }), (specs) => {
        const meals: Meal[] = specs.map((spec, i) => ({
          id: `m${i}`,
          date: `2026-11-${String(23 + spec.day).padStart(2, '0')}`,
          slot: 'dinner',
          recipe: spec.recipe,
          food: null,
          servings: spec.servings,
        }));
        const week = { weekStart: '2026-11-23', meals, earlier: [] };
        const fromStored = scoreWeekMeals({ ...week, recipes: stored }, { parse: refusingParser(KEY), foods: lookup, people: 2 });
        const fromParsing = scoreWeekMeals({ ...week, recipes: parsed }, { parse: createIngredientParser(FOODS), foods: lookup, people: 2 });
        expect(bare(fromStored)).toEqual(bare(fromParsing));
      }),
      { numRuns: 60 },
    );
  });
});
