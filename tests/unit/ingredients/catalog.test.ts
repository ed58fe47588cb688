import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Food } from '../../../src/core/types';
import { createIngredientParser } from '../../../src/core/ingredients';

const repoRoot = path.resolve(__dirname, '../../..');
const catalogPath = path.join(repoRoot, 'resources/foods/catalog.json');
const hasCatalog = existsSync(catalogPath);
if (!hasCatalog) console.log('ingredients: resources/foods/catalog.json absent; real-catalog checks skipped');

describe.skipIf(!hasCatalog)('ingredient lines against the real catalog', () => {
  const foods = hasCatalog ? (JSON.parse(readFileSync(catalogPath, 'utf8')) as Food[]) : [];
  const parse = createIngredientParser(foods);

  it.each<[string, RegExp, string | null]>([
    ['2 cups chopped kale', /kale/, 'cup'],
    ['1 (15-ounce) can chickpeas, drained and rinsed', /chickpea/, 'can'],
    ['Juice of 1 lemon', /^lemon$/, null],
    ['3 garlic cloves, minced', /^garlic$/, 'clove'],
    ['1 cup chicken stock', /stock|broth/, 'cup'],
    ['1 tsp garlic powder', /garlic-powder/, 'teaspoon'],
    ['1 can coconut milk', /coconut-milk/, 'can'],
    ['2 tbsp peanut butter', /peanut-butter/, 'tablespoon'],
    ['8 oz egg noodles', /egg-noodle/, 'ounce'],
    ['1 large onion, diced', /onion/, null],
    ['1/2 cup kimchi, chopped', /kimchi/, 'cup'],
    ['1/2 teaspoon freshly ground black pepper', /black-pepper/, 'teaspoon'],
    ['1 red bell pepper, seeded', /bell-pepper/, null],
    ['2 tablespoons extra-virgin olive oil', /olive-oil/, 'tablespoon'],
  ])('%s', (line, food, unit) => {
    const parsed = parse(line);
    expect(parsed.food?.id ?? '').toMatch(food);
    expect(parsed.unit).toBe(unit);
  });

  it('gives grams from the catalog portions', () => {
    expect(parse('1 (15-ounce) can chickpeas').grams).toBeCloseTo(425, 0);
    expect(parse('100 g kale').grams).toBe(100);
    expect(parse('2 cups chopped kale').grams).toBeGreaterThan(0);
  });

  it('names no food for lines without one', () => {
    for (const line of ['', '🍅🍅', '12345', '!!!', 'x'.repeat(10_000), 'For the sauce:']) expect(parse(line).food).toBeNull();
  });
});
