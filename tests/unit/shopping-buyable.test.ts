import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/cli/catalog';
import { createIngredientParser } from '../../src/core/ingredients';
import { readPlanFile } from '../../src/core/plan/plan-file';
import { linesFromTexts } from '../../src/core/recipes/lines';
import { resolveMeals } from '../../src/core/plan/resolve';
import { buildShoppingList, type ShoppingItem, type ShoppingList, type ShoppingOptions, type UnitSystem } from '../../src/core/shopping';
import { AISLES, type Meal, type Recipe } from '../../src/core/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const foods = loadCatalog();
const byId = new Map(foods.map((food) => [food.id, food]));
const lookup = (id: string) => byId.get(id);
const parse = createIngredientParser(foods);
const starterFile = JSON.parse(readFileSync(path.join(repoRoot, 'resources/starter/recipes.json'), 'utf8')) as {
  recipes: (Omit<Recipe, 'ingredients'> & { ingredients: string[] })[];
};
const starter = { recipes: starterFile.recipes.map((r): Recipe => ({ ...r, ingredients: linesFromTexts(r.ingredients) })) };
const week = readPlanFile(readFileSync(path.join(repoRoot, 'resources/starter/example-week.json'), 'utf8'));

function recipe(id: string, servings: number, ingredients: string[]): Recipe {
  return { id, name: id, servings, ingredients: linesFromTexts(ingredients), steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: '', updatedAt: '' };
}

function list(meals: Meal[], recipes: Recipe[], options: Partial<ShoppingOptions> = {}, manual: string[] = []): ShoppingList {
  const lines = resolveMeals(meals, new Map(recipes.map((r) => [r.id, r])), parse, lookup);
  return buildShoppingList({ lines, manual }, lookup, parse, { aisleOrder: AISLES, units: 'metric', ...options });
}

/** One dinner of a recipe, eaten whole. */
function once(id: string, ingredients: string[], options: Partial<ShoppingOptions> = {}): ShoppingList {
  return list([{ id: 'm1', date: '2026-11-23', slot: 'dinner', recipe: id, food: null, servings: 1 }], [recipe(id, 1, ingredients)], options);
}

const items = (shopping: ShoppingList): ShoppingItem[] => [...shopping.aisles.flatMap((aisle) => aisle.items), ...shopping.pantry];
const find = (shopping: ShoppingList, food: string): ShoppingItem | undefined => items(shopping).find((item) => item.food === food);
const MEASURES = new Set(['teaspoon', 'tablespoon', 'cup', 'fluid ounce', 'milliliter', 'liter', 'quart', 'gallon']);

describe('the starter library buys', () => {
  const meals: Meal[] = starter.recipes.map((r, index) => ({ id: `m${index}`, date: '2026-11-23', slot: 'dinner', recipe: r.id, food: null, servings: r.servings }));

  for (const units of ['metric', 'us'] as UnitSystem[]) {
    it(`every line of all ${starter.recipes.length} recipes in a unit a shop sells (${units})`, () => {
      const shopping = list(meals, starter.recipes, { units });
      expect(shopping.unmatched.map((item) => item.text)).toEqual([]);
      const unsold = items(shopping).filter((item) => {
        const food = byId.get(item.food);
        if (item.quantity === null || !(item.quantity > 0) || item.extra !== undefined) return true;
        // Spoons, cups and millilitres only for what is sold by volume.
        if (item.unit !== null && MEASURES.has(item.unit) && food?.buyAs !== 'volume') return true;
        // "12 × white rice" is no pack a shop has.
        return /×/.test(item.display) && !/^\d+ × \d/.test(item.display) && item.unit !== 'pack';
      });
      expect(unsold.map((item) => item.display)).toEqual([]);
      expect(find(shopping, 'water')).toBeUndefined();
    });
  }
});

describe('the example week', () => {
  const shopping = list(week.meals, week.recipes);
  const pantry = new Set(shopping.pantry.map((item) => item.food));

  it('keeps main ingredients out of "Check you have"', () => {
    for (const food of ['chickpeas', 'canned-tomatoes', 'black-beans', 'rolled-oats', 'gochujang', 'thai-curry-paste', 'vegetable-stock', 'lentils']) {
      expect(find(shopping, food), food).toBeDefined();
      expect(pantry.has(food), food).toBe(false);
    }
    for (const food of ['cumin', 'black-pepper', 'olive-oil', 'soy-sauce']) expect(pantry.has(food), food).toBe(true);
  });

  it('buys cooked brown rice as dry rice, with the amount it stands for', () => {
    expect(find(shopping, 'brown-rice-cooked')).toBeUndefined();
    const rice = find(shopping, 'brown-rice');
    expect(rice?.display).toBe('1 × 1 kg bag brown rice');
    // 1.65 kg cooked ÷ 2.984 (USDA 20036 367 kcal ÷ 20037 123 kcal) = 553 g dry, plus 200 g dry for the jollof.
    expect(rice?.note).toMatch(/^about 550 g dry for 1\.6\d kg cooked brown rice$/);
  });

  it('makes lemons, lemon juice and zest one line of lemons', () => {
    expect(find(shopping, 'lemon-juice')).toBeUndefined();
    expect(find(shopping, 'lemon-zest')).toBeUndefined();
    expect(find(shopping, 'lemon')?.display).toMatch(/^\d+ lemons$/);
    expect(find(shopping, 'lemon')?.note).toMatch(/lemon juice and .* lemon zest$/);
  });
});

describe('buyable lines', () => {
  it('one lemon, 100 g juice and 5 g zest are about 4 lemons', () => {
    // 84 g + max(100 g ÷ 0.571, 5 g ÷ 0.071): the zest comes off the juiced fruit. 259 g ÷ 84 g = 3.1 → 4.
    const shopping = once('r', ['1 lemon', '100 g lemon juice', '5 g lemon zest']);
    expect(items(shopping).map((item) => item.display)).toEqual(['4 lemons']);
    expect(items(shopping)[0].note).toBe('for 100 g lemon juice and 5 g lemon zest');
  });

  it('limes and oranges join the same way', () => {
    const shopping = once('r', ['2 tbsp lime juice', '1 tsp lime zest', '1 orange', 'zest of 1 orange']);
    expect(items(shopping).map((item) => item.display).sort()).toEqual(['1 lime', '2 oranges']);
  });

  it('cooked pasta and pulses buy their dry form', () => {
    const shopping = once('r', ['500 g cooked pasta', '2 cups cooked chickpeas from dried']);
    expect(find(shopping, 'pasta')?.note).toMatch(/^about 2\d\d g dry for 500 g cooked pasta$/);
    expect(find(shopping, 'chickpeas-dried')).toBeDefined();
    expect(find(shopping, 'pasta-cooked')).toBeUndefined();
  });

  it('pickled onions come in jars', () => {
    expect(items(once('r', ['4 pickled onions'])).map((item) => item.display)).toEqual(['2 × 300 g jars pickled red onions']);
  });

  it('toasted sesame seeds by the spoon have grams', () => {
    const seeds = find(once('r', ['2 tsp toasted sesame seeds']), 'toasted-sesame-seeds');
    expect(seeds?.grams).toBe(6);
    expect(seeds?.display).toBe('1 × 100 g bag toasted sesame seeds');
  });
});

describe('staples by kind and amount', () => {
  it('a pinch of a staple is checked, a week of it is bought', () => {
    expect(once('r', ['2 tbsp whole-wheat flour']).pantry.map((item) => item.food)).toEqual(['whole-wheat-flour']);
    const lots = once('r', ['2 kg whole-wheat flour']);
    expect(lots.pantry).toEqual([]);
    expect(find(lots, 'whole-wheat-flour')?.display).toBe('2 × 1.5 kg bags whole-wheat flour');
  });

  it('the user\'s "I have this" and "Buy it" win over the rule and are reported', () => {
    const have = once('r', ['2 kg whole-wheat flour'], { pantryIds: new Set(['whole-wheat-flour']) });
    expect(have.pantry.map((item) => [item.food, item.choice, item.staple])).toEqual([['whole-wheat-flour', 'have', true]]);
    const buy = once('r', ['1 tsp cumin'], { buyIds: new Set(['cumin']) });
    expect(buy.pantry).toEqual([]);
    expect(find(buy, 'cumin')?.choice).toBe('buy');
  });
});

describe('pantry amounts', () => {
  it('buys what the pantry does not cover, rounded to a buy unit', () => {
    const shopping = once('r', ['750 g red lentils', '1 kg potatoes'], { pantryAmounts: new Map([['red-lentils', 500], ['potato', 400]]) });
    const lentils = find(shopping, 'red-lentils');
    expect(lentils?.have).toBe(500);
    expect(lentils?.grams).toBe(750);
    expect(lentils?.display).toBe('1 × 500 g bag red lentils');
    expect(lentils?.note).toBe('750 g needed, 500 g from the pantry');
    expect(find(shopping, 'potato')?.display).toBe('600 g potatoes');
  });

  it('lists a need the pantry covers under "Check you have"', () => {
    const shopping = once('r', ['750 g red lentils'], { pantryAmounts: new Map([['red-lentils', 1000]]) });
    expect(shopping.aisles).toEqual([]);
    expect(shopping.pantry.map((item) => [item.display, item.quantity, item.have])).toEqual([['red lentils: in the pantry', null, 750]]);
  });

  it('takes cooked rice off the dry rice in the pantry', () => {
    // 2 cups cooked brown rice = 404 g, ÷ 2.984 = 135 g dry; 100 g in the pantry leaves 31 g: one bag.
    const shopping = once('r', ['2 cups cooked brown rice'], { pantryAmounts: new Map([['brown-rice', 100]]) });
    expect(find(shopping, 'brown-rice')?.have).toBe(100);
    expect(find(shopping, 'brown-rice')?.quantity).toBe(1);
  });
});

describe('meals marked eaten', () => {
  it('need nothing more from the shop', () => {
    const soup = recipe('soup', 2, ['750 g red lentils']);
    const meals: Meal[] = [
      { id: 'a', date: '2026-11-23', slot: 'dinner', recipe: 'soup', food: null, servings: 2, eaten: true },
      { id: 'b', date: '2026-11-24', slot: 'dinner', recipe: 'soup', food: null, servings: 1 },
    ];
    expect(find(list(meals, [soup]), 'red-lentils')?.grams).toBe(375);
  });
});

describe('what each meal uses', () => {
  it('a pot eaten over two days shows half the line on each day', () => {
    const pot = recipe('pot', 4, ['2 cups cooked brown rice']);
    const meals: Meal[] = [
      { id: 'a', date: '2026-11-23', slot: 'dinner', recipe: 'pot', food: null, servings: 2 },
      { id: 'b', date: '2026-11-24', slot: 'lunch', recipe: 'pot', food: null, servings: 2, leftoverOf: 'a' },
    ];
    const rice = find(list(meals, [pot]), 'brown-rice');
    expect(rice?.from.map((source) => [source.meal, source.uses])).toEqual([
      ['a', '1 cup cooked brown rice (202 g)'],
      ['b', '1 cup cooked brown rice (202 g)'],
    ]);
  });
});
