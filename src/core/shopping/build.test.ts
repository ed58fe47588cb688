import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_FOODS, fixtureLookup } from '../../../tests/fixtures/shopping/foods';
import { fixtureParse } from '../../../tests/fixtures/shopping/parse';
import { resolveMeals, type EatenLine } from '../plan/resolve';
import { AISLES, type Meal, type Recipe } from '../types';
import { buildShoppingList, type ShoppingInput } from './build';
import type { ShoppingItem, ShoppingList, ShoppingOptions } from './types';
import { linesFromTexts } from '../recipes/lines';

function recipe(id: string, name: string, servings: number, ingredients: string[]): Recipe {
  return { id, name, servings, ingredients: linesFromTexts(ingredients), steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: '', updatedAt: '' };
}

let mealCount = 0;
function meal(date: string, slot: string, recipeId: string | null, servings: number, food: string | null = null): Meal {
  mealCount += 1;
  return { id: `m${mealCount}`, date, slot, recipe: recipeId, food, servings };
}

function eaten(meals: Meal[], recipes: Recipe[]): EatenLine[] {
  return resolveMeals(meals, new Map(recipes.map((r) => [r.id, r])), fixtureParse, fixtureLookup);
}

const METRIC: ShoppingOptions = { aisleOrder: [...AISLES], units: 'metric' };

function build(input: Partial<ShoppingInput>, options: Partial<ShoppingOptions> = {}): ShoppingList {
  return buildShoppingList({ lines: [], ...input }, fixtureLookup, fixtureParse, { ...METRIC, ...options });
}

function allItems(list: ShoppingList): ShoppingItem[] {
  return [...list.aisles.flatMap((a) => a.items), ...list.pantry];
}

function item(list: ShoppingList, food: string): ShoppingItem {
  const found = allItems(list).find((i) => i.food === food);
  if (!found) throw new Error(`no item for ${food}`);
  return found;
}

describe('merging one food across units', () => {
  const recipes = [
    recipe('curry', 'Chickpea curry', 4, ['2 cups chopped onion', '1 can chickpeas', '1 can coconut milk']),
    recipe('soup', 'Onion soup', 2, ['1 onion', '150 g onion']),
  ];
  const lines = eaten([meal('2026-11-23', 'dinner', 'curry', 4), meal('2026-11-24', 'lunch', 'soup', 2)], recipes);

  it('adds cups, whole onions and grams into one line', () => {
    const list = build({ lines });
    const onions = allItems(list).filter((i) => i.food === 'onion');
    expect(onions).toHaveLength(1);
    // 2 cups × 160 g + 1 × 110 g + 150 g = 580 g; 580 / 110 = 5.27 → 6 onions
    expect(onions[0].grams).toBe(580);
    expect(onions[0].quantity).toBe(6);
    expect(onions[0].unit).toBe('piece');
    expect(onions[0].display).toBe('6 onions');
    expect(onions[0].from.map((f) => f.recipe)).toEqual(['Chickpea curry', 'Onion soup', 'Onion soup']);
    expect(onions[0].from[0]).toMatchObject({ date: '2026-11-23', slot: 'dinner', text: '2 cups chopped onion' });
  });

  it('converts a line the parser gave no grams for through the food portions', () => {
    const line = lines[0];
    const stripped: EatenLine = { ...line, parsed: { ...line.parsed, grams: null }, mealGrams: null };
    const list = build({ lines: [stripped] });
    expect(item(list, 'onion').grams).toBe(320);
  });

  it('reads a dozen as twelve pieces', () => {
    const eggs = eaten([meal('2026-11-23', 'breakfast', null, 1, '1 dozen eggs')], []);
    expect(eggs[0].mealGrams).toBeNull();
    const list = build({ lines: eggs, manual: ['2 eggs'] });
    expect(item(list, 'egg').display).toBe('14 eggs');
  });

  it('keeps amounts that do not convert beside the food', () => {
    const greens = eaten(
      [meal('2026-11-23', 'dinner', 'g', 2)],
      [recipe('g', 'Greens', 2, ['3 cups kale', '1 bunch kale', '1 bunch cilantro', '2 tbsp cilantro', 'salt to taste', '2 leeks'])],
    );
    const list = build({ lines: greens });
    const kale = item(list, 'kale');
    expect(kale.grams).toBe(63);
    expect(kale.display).toBe('70 g kale + 1 bunch');
    expect(kale.extra).toEqual([{ quantity: 1, unit: 'bunch', display: '1 bunch' }]);
    expect(item(list, 'cilantro').display).toBe('5 g cilantro + 1 bunch');
    const salt = item(list, 'salt');
    expect(salt.grams).toBeNull();
    expect(salt.quantity).toBeNull();
    expect(salt.display).toBe('salt, to taste');
    const leek = item(list, 'leek');
    expect(leek.display).toBe('2 leeks');
    expect(leek.grams).toBeNull();
  });

  it('rounds unconverted counts up to whole items and volumes up to sensible steps', () => {
    const odd = eaten([meal('2026-11-23', 'dinner', 'o', 3)], [recipe('o', 'Odd', 4, ['1 bunch cilantro', '1/3 cup leeks', '1 leek', '1 cup milk'])]);
    const list = build({ lines: odd });
    expect(item(list, 'cilantro').display).toBe('1 bunch cilantro');
    expect(item(list, 'leek').extra?.map((e) => e.display)).toEqual(['1 leek', '60 ml']);
    expect(item(list, 'leek').display).toBe('1 leek + 60 ml');
  });

  it('adds up volumes of a food whose density is unknown', () => {
    const leeks = eaten([meal('2026-11-23', 'dinner', 'l', 2)], [recipe('l', 'Leeks', 2, ['1/4 cup leeks', '2 tablespoons leeks', '1 teaspoon leeks'])]);
    expect(item(build({ lines: leeks }), 'leek').extra).toEqual([{ quantity: 100, unit: 'milliliter', display: '100 ml' }]);
    expect(item(build({ lines: leeks }, { units: 'us' }), 'leek').display).toBe('½ cup leek');
  });

  it('buys the smallest amount of a food whose grams round to nothing', () => {
    const pinch = fixtureParse('1 pinch cumin');
    const list = build({ manual: [{ ...pinch, grams: 0 }, { ...fixtureParse('1 pinch salt'), grams: 0 }] }, { pantryIds: new Set() });
    expect(item(list, 'cumin').display).toBe('5 g cumin');
    expect(item(list, 'cumin').grams).toBe(0);
    expect(item(list, 'salt').display).toBe('5 g salt');
  });

  it('shows a food known only in unconverted units with its name', () => {
    const only = eaten([meal('2026-11-23', 'dinner', 'h', 4)], [recipe('h', 'Herbs', 2, ['1 bunch cilantro'])]);
    const cilantro = item(build({ lines: only }), 'cilantro');
    expect(cilantro.display).toBe('2 bunches cilantro');
    expect(cilantro.extra?.[0].quantity).toBe(2);
  });
});

describe('amounts a shopper buys', () => {
  function single(text: string, units: 'metric' | 'us' = 'metric'): ShoppingItem {
    const list = build({ manual: [text] }, { units, pantryIds: new Set() });
    return allItems(list)[0];
  }

  it('rounds weights up to steps that grow with the amount', () => {
    expect(single('12 g kale').display).toBe('15 g kale');
    expect(single('63 g kale').amount).toBe('70 g');
    expect(single('430 g kale').amount).toBe('450 g');
    expect(single('451 g kale').amount).toBe('475 g');
    expect(single('1210 g kale').amount).toBe('1.25 kg');
    expect(single('1000 g kale').amount).toBe('1 kg');
    expect(single('1 g kale').amount).toBe('5 g');
  });

  it('never shows false precision', () => {
    for (const grams of [1, 7.3, 33.33, 101.7, 333.333, 999.9, 1234.5678, 4321]) {
      const shown = single(`${grams} g kale`);
      expect(shown.quantity).toBeGreaterThanOrEqual(grams / (shown.unit === 'kilogram' ? 1000 : 1));
      expect(shown.amount).toMatch(/^(\d+ g|\d+(\.\d{1,2})? kg)$/);
      if (shown.unit === 'gram') expect(shown.quantity! % 5).toBe(0);
    }
  });

  it('uses ounces and quarter pounds for US units', () => {
    expect(single('450 g kale', 'us').amount).toBe('1 lb');
    expect(single('500 g kale', 'us').amount).toBe('1¼ lb');
    expect(single('80 g kale', 'us').amount).toBe('3 oz');
    expect(single('1 lb kale', 'us').amount).toBe('1 lb');
    expect(single('1 lb kale', 'us').unit).toBe('pound');
  });

  it('counts things bought whole, rounded up', () => {
    expect(single('1 tablespoon lemon juice').display).toBe('1 lemon');
    expect(single('3 lemons').display).toBe('3 lemons');
    expect(single('250 g lemons').display).toBe('3 lemons');
    expect(single('2 large eggs').display).toBe('2 eggs');
    expect(single('6 cloves garlic').display).toBe('1 head garlic');
    expect(single('20 cloves garlic').display).toBe('2 heads garlic');
  });

  it('uses the pack size for cans and jars', () => {
    expect(single('1 can chickpeas').display).toBe('1 × 400 g can chickpeas');
    expect(single('3 cups chickpeas').display).toBe('2 × 400 g cans chickpeas');
    expect(single('3 cups chickpeas').quantity).toBe(2);
    expect(single('3 cups chickpeas').unit).toBe('can');
    expect(single('1 can chickpeas', 'us').amount).toBe('1 × 14 oz can');
    expect(single('1 cup sauerkraut').display).toBe('1 × 500 g jar sauerkraut');
  });

  it('uses volume for liquids', () => {
    expect(single('2 cups milk').display).toBe('475 ml milk');
    expect(single('5 cups milk').amount).toBe('1.2 l');
    expect(single('2 cups milk', 'us').amount).toBe('2 cups');
    expect(single('1 cup milk', 'us').amount).toBe('1 cup');
    expect(single('100 g milk', 'us').amount).toBe('4 fl oz');
  });

  it('buys the upper end of a range', () => {
    expect(single('2-3 lemons').display).toBe('3 lemons');
    expect(single('2-3 lemons').grams).toBe(252);
  });
});

describe('sections', () => {
  const recipes = [recipe('r', 'Everything', 2, ['2 eggs', '1 onion', '1 can chickpeas', '1 tsp cumin', '1 tbsp olive oil', 'salt', '1 cup brown rice', '1 lime, optional', 'For the sauce:', '2 cups frobnicated widgets'])];
  const lines = eaten([meal('2026-11-23', 'dinner', 'r', 2)], recipes);

  it('orders aisles by the given order, unknown aisles last', () => {
    const list = build({ lines });
    expect(list.aisles.map((a) => a.name)).toEqual(['Produce', 'Dairy & eggs', 'Grains & pasta', 'Canned & jarred', 'Spices & seasonings']);
    const custom = build({ lines }, { aisleOrder: ['Spices & seasonings', 'canned & jarred', 'Produce'] });
    expect(custom.aisles.map((a) => a.name)).toEqual(['Spices & seasonings', 'Canned & jarred', 'Produce', 'Dairy & eggs', 'Grains & pasta']);
  });

  it('sorts items by name inside an aisle', () => {
    const list = build({ lines });
    expect(list.aisles[0].items.map((i) => i.food)).toEqual(['lime', 'onion']);
  });

  it('puts pantry staples and user-marked foods in the pantry section', () => {
    const list = build({ lines });
    expect(list.pantry.map((i) => i.food)).toEqual(['salt', 'olive-oil']);
    const marked = build({ lines }, { pantryIds: new Set(['cumin', 'brown-rice']) });
    expect(marked.pantry.map((i) => i.food)).toEqual(['brown-rice', 'cumin', 'salt', 'olive-oil']);
    expect(allItems(marked).filter((i) => i.food === 'cumin')).toHaveLength(1);
  });

  it('lists a pantry food added by hand among the aisles', () => {
    const list = build({ lines, manual: ['1 cup olive oil'] });
    expect(list.pantry.map((i) => i.food)).toEqual(['salt']);
    const oil = list.aisles.find((a) => a.name === 'Oils & condiments')?.items[0];
    expect(oil?.grams).toBe(229.5);
    expect(oil?.from.at(-1)).toEqual({ meal: null, date: null, slot: null, recipe: null, text: '1 cup olive oil', uses: '1 cup olive oil (216 g)', optional: false });
  });

  it('keeps unmatched lines under Other with their text, and skips headings', () => {
    const list = build({ lines, manual: ['2 cups Frobnicated  widgets', 'paper towels'] });
    expect(list.unmatched.map((u) => u.key)).toEqual(['text:2 cups frobnicated widgets', 'text:paper towels']);
    const widgets = list.unmatched[0];
    expect(widgets.text).toBe('2 cups frobnicated widgets');
    expect(widgets.scale).toBe(2);
    expect(widgets.display).toBe('2 cups frobnicated widgets (× 2)');
    expect(widgets.from.map((f) => f.meal)).toEqual([lines[0].meal.id, null]);
    expect(widgets.from[0].recipe).toBe('Everything');
    expect(list.unmatched[1].display).toBe('paper towels');
    expect(JSON.stringify(list)).not.toContain('For the sauce');
  });

  it('marks optional items, unless another meal needs them', () => {
    const list = build({ lines });
    expect(item(list, 'lime').optional).toBe(true);
    expect(item(list, 'onion').optional).toBe(false);
    const both = build({ lines, manual: ['1 lime'] });
    expect(item(both, 'lime').optional).toBe(false);
    expect(item(both, 'lime').display).toBe('2 limes');
  });

  it('gives every item a stable key', () => {
    const list = build({ lines });
    for (const i of allItems(list)) expect(i.key).toBe(i.food);
    const keys = [...allItems(list), ...list.unmatched].map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('drops nothing: every line shows up somewhere', () => {
    const list = build({ lines });
    const texts = new Set([...allItems(list).flatMap((i) => i.from), ...list.unmatched.flatMap((u) => u.from)].map((f) => f.text));
    for (const { text } of recipes[0].ingredients) if (text !== 'For the sauce:') expect(texts).toContain(text);
  });
});

describe('dates and servings', () => {
  const soup = recipe('soup', 'Lentil soup', 4, ['4 carrots', '2 onions']);
  const meals = [
    meal('2026-11-22', 'dinner', 'soup', 4),
    meal('2026-11-23', 'dinner', 'soup', 4),
    meal('2026-11-29', 'lunch', 'soup', 2),
    meal('2026-11-30', 'dinner', 'soup', 4),
    meal('2026-12-06', 'dinner', 'soup', 4),
    meal('2026-12-07', 'dinner', 'soup', 4),
  ];
  const lines = eaten(meals, [soup]);

  it('filters by a range inclusive at both ends, across two weeks', () => {
    const list = build({ lines, from: '2026-11-23', to: '2026-12-06' });
    const carrots = item(list, 'carrot');
    // 4 + 2 + 4 + 4 carrots of 61 g
    expect(carrots.grams).toBe(14 * 61);
    expect(carrots.from.map((f) => f.date)).toEqual(['2026-11-23', '2026-11-29', '2026-11-30', '2026-12-06']);
    expect(item(list, 'onion').quantity).toBe(7);
  });

  it('takes every meal when no range is given, and nothing outside one', () => {
    expect(item(build({ lines }), 'carrot').grams).toBe(22 * 61);
    const empty = build({ lines, from: '2027-01-01', to: '2027-01-07' });
    expect(empty).toEqual({ aisles: [], pantry: [], unmatched: [] });
  });

  it('needs nothing for a meal of zero servings', () => {
    const zero = eaten([meal('2026-11-23', 'dinner', 'soup', 0), meal('2026-11-24', 'snack', null, 0, 'frobnicator')], [soup]);
    expect(build({ lines: zero })).toEqual({ aisles: [], pantry: [], unmatched: [] });
  });

  it('scales fractional servings and rounds counts up', () => {
    const half = eaten([meal('2026-11-23', 'dinner', 'soup', 1.5)], [soup]);
    const list = build({ lines: half });
    expect(item(list, 'onion').grams).toBe(82.5);
    expect(item(list, 'onion').display).toBe('1 onion');
    expect(item(list, 'carrot').grams).toBe(91.5);
    expect(item(list, 'carrot').display).toBe('100 g carrots');
  });

  it('is for the whole household: servings, not people, set the amount', () => {
    const forSix = eaten([meal('2026-11-23', 'dinner', 'soup', 6)], [soup]);
    expect(item(build({ lines: forSix }), 'onion').display).toBe('3 onions');
  });

  it('rejects a bad range', () => {
    expect(() => build({ lines, from: '2026-12-01', to: '2026-11-01' })).toThrow(RangeError);
    expect(() => build({ lines, from: '2026-02-30' })).toThrow(/Not a date/);
  });
});

describe('determinism and speed of the single pass', () => {
  it('gives the same list whatever order the meals come in', () => {
    const recipes = [
      recipe('a', 'A', 2, ['1 onion', '1 cup kale', '1 can chickpeas', 'mystery']),
      recipe('b', 'B', 2, ['2 cups chopped onion', '1 lemon', 'salt', 'mystery']),
    ];
    const meals = [meal('2026-11-23', 'dinner', 'a', 2), meal('2026-11-24', 'dinner', 'b', 3), meal('2026-11-25', 'lunch', 'a', 1)];
    const forward = build({ lines: eaten(meals, recipes) });
    const backward = build({ lines: eaten([...meals].reverse(), recipes) });
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  it('keeps every gram and every line, in any order (property)', () => {
    const pool = ['2 cups chopped onion', '1 onion', '150 g onion', '1 bunch kale', '3 cups kale', '1 can chickpeas', 'salt to taste', '1 lime, optional', 'mystery', '1 bunch cilantro', '2 cups milk', '2 eggs'];
    const lineArb = fc.record({
      text: fc.constantFrom(...pool),
      day: fc.integer({ min: 20, max: 30 }),
      servings: fc.constantFrom(0, 0.5, 1, 2, 3.5),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 25 }), fc.integer({ min: 0, max: 1000 }), (specs, seed) => {
        const meals = specs.map((spec) => meal(`2026-11-${spec.day}`, 'dinner', null, spec.servings, spec.text));
        const lines = eaten(meals, []);
        const list = build({ lines, from: '2026-11-22', to: '2026-11-28' });
        const shuffled = [...lines];
        let state = seed + 1;
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          state = (state * 1103515245 + 12345) % 2147483648;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(JSON.stringify(build({ lines: shuffled, from: '2026-11-22', to: '2026-11-28' }))).toBe(JSON.stringify(list));
        const inRange = lines.filter((l) => l.meal.date >= '2026-11-22' && l.meal.date <= '2026-11-28' && l.scale > 0);
        const sources = allItems(list).reduce((n, i) => n + i.from.length, 0) + list.unmatched.reduce((n, u) => n + u.from.length, 0);
        expect(sources).toBe(inRange.length);
        for (const i of allItems(list)) {
          const mine = inRange.filter((l) => l.food?.id === i.food);
          const want = mine.reduce((g, l) => g + (l.mealGrams ?? 0), 0);
          // lines the parser gave no grams are converted here, so they only add
          if (mine.every((l) => l.mealGrams !== null)) expect(i.grams ?? 0).toBeCloseTo(want, 0);
          else expect(i.grams ?? 0).toBeGreaterThanOrEqual(want - 0.1);
        }
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('handles 200 recipes of lines in one list', () => {
    const names = FIXTURE_FOODS.map((f) => f.aliases[0] ?? f.name.toLowerCase());
    const recipes = Array.from({ length: 200 }, (_, r) =>
      recipe(`r${r}`, `Recipe ${r}`, 4, Array.from({ length: 12 }, (_, l) => `${(l % 3) + 1} ${['cups', 'g', ''][l % 3]} ${names[(r + l) % names.length]}`)),
    );
    const meals = recipes.map((r, i) => meal(`2026-11-${String(23 + (i % 7)).padStart(2, '0')}`, 'dinner', r.id, 2));
    const list = build({ lines: eaten(meals, recipes) });
    const sources = allItems(list).reduce((n, i) => n + i.from.length, 0) + list.unmatched.reduce((n, u) => n + u.from.length, 0);
    expect(sources).toBe(2400);
    expect(allItems(list).length).toBeLessThanOrEqual(FIXTURE_FOODS.length);
  });
});
