import { describe, expect, it } from 'vitest';
import { parseNumber, parseQuantity } from './quantity';

function q(line: string): [number | null, number | null, string | null] {
  const r = parseQuantity(line);
  return [r.quantity, r.quantityMax, r.unit];
}

describe('numbers', () => {
  it.each([
    ['2', 2],
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['1/2', 0.5],
    ['1 1/2', 1.5],
    ['½', 0.5],
    ['1½', 1.5],
    ['¾', 0.75],
    ['1/0', null],
    ['abc', null],
  ])('%s → %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe('quantities', () => {
  it.each<[string, number | null, number | null, string | null]>([
    ['3 cups kale', 3, null, 'cup'],
    ['0.5 kg onions', 0.5, null, 'kilogram'],
    ['1/4 tsp salt', 0.25, null, 'teaspoon'],
    ['⅓ cup oil', 0.333, null, 'cup'],
    ['1 1/2 cups flour', 1.5, null, 'cup'],
    ['1½ cups flour', 1.5, null, 'cup'],
    ['1-1/2 cups flour', 1.5, null, 'cup'],
    ['1 and 1/2 cups flour', 1.5, null, 'cup'],
  ])('%s', (line, quantity, max, unit) => {
    const [a, b, u] = q(line);
    expect(a).toBeCloseTo(quantity ?? NaN, 3);
    expect(b).toBe(max);
    expect(u).toBe(unit);
  });
});

describe('ranges', () => {
  it.each<[string, number, number]>([
    ['2-3 cloves garlic', 2, 3],
    ['2 to 3 cups water', 2, 3],
    ['2–3 tbsp oil', 2, 3],
    ['2—3 tbsp oil', 2, 3],
    ['1 or 2 jalapeños', 1, 2],
    ['½-¾ teaspoon salt', 0.5, 0.75],
    ['two to three carrots', 2, 3],
  ])('%s', (line, low, high) => {
    const r = parseQuantity(line);
    expect(r.quantity).toBe(low);
    expect(r.quantityMax).toBe(high);
  });
});

describe('word quantities', () => {
  it.each<[string, number | null, string | null]>([
    ['a lemon', 1, null],
    ['an onion', 1, null],
    ['one onion', 1, null],
    ['two lemons', 2, null],
    ['twelve eggs', 12, null],
    ['half a lemon', 0.5, null],
    ['half an onion', 0.5, null],
    ['a half cup milk', 0.5, 'cup'],
    ['a quarter cup milk', 0.25, 'cup'],
    ['a handful of basil', 1, 'handful'],
    ['a pinch of salt', 1, 'pinch'],
    ['Pinch of salt', 1, 'pinch'],
    ['a dozen eggs', 12, null],
    ['half a dozen eggs', 6, null],
    ['2 dozen clams', 24, null],
    ['a couple of carrots', 2, null],
    ['one and a half cups water', 1.5, 'cup'],
    ['a few sprigs of thyme', null, null],
    ['a little olive oil', null, null],
    ['a 15-ounce can chickpeas', 1, 'can'],
  ])('%s', (line, quantity, unit) => {
    const r = parseQuantity(line);
    expect(r.quantity).toBe(quantity);
    expect(r.unit).toBe(unit);
  });
});

describe('juice and zest', () => {
  it.each<[string, 'juice' | 'zest', number, string]>([
    ['Juice of 1 lemon', 'juice', 1, 'lemon'],
    ['juice of half a lemon', 'juice', 0.5, 'lemon'],
    ['Zest of 2 limes', 'zest', 2, 'limes'],
    ['Finely grated zest of 1 orange', 'zest', 1, 'orange'],
    ['Zest and juice of 1 lemon', 'juice', 1, 'lemon'],
    ['the juice from 2 limes', 'juice', 2, 'limes'],
  ])('%s', (line, part, quantity, description) => {
    const r = parseQuantity(line);
    expect(r.part).toBe(part);
    expect(r.quantity).toBe(quantity);
    expect(r.description).toBe(description);
  });
});

describe('pack sizes', () => {
  it.each<[string, number, string | null, number, string]>([
    ['1 (15-ounce) can chickpeas', 1, 'can', 15, 'ounce'],
    ['2 (14.5 oz) cans tomatoes', 2, 'can', 14.5, 'ounce'],
    ['1 (28 ounce) can tomatoes', 1, 'can', 28, 'ounce'],
    ['1 15-ounce can black beans', 1, 'can', 15, 'ounce'],
    ['2 x 400g cans tomatoes', 2, 'can', 400, 'gram'],
    ['2 x 400 g tins tomatoes', 2, 'can', 400, 'gram'],
    ['1 can (15 oz) beans', 1, 'can', 15, 'ounce'],
    ['28-ounce can crushed tomatoes', 1, 'can', 28, 'ounce'],
    ['1 (8 ounce) package cream cheese', 1, 'package', 8, 'ounce'],
    ['2 (6-ounce) salmon fillets', 2, null, 6, 'ounce'],
  ])('%s', (line, quantity, unit, amount, packUnit) => {
    const r = parseQuantity(line);
    expect(r.quantity).toBe(quantity);
    expect(r.unit).toBe(unit);
    expect(r.pack).toEqual({ amount, unit: packUnit });
  });

  it('reads a weight beside a cup measure as the weight of the whole line', () => {
    expect(parseQuantity('1 cup (240 g) cream').total).toEqual({ amount: 240, unit: 'gram' });
    expect(parseQuantity('1/2 cup sugar (100g)').total).toEqual({ amount: 100, unit: 'gram' });
    expect(parseQuantity('200g/7oz butter').total).toBeNull();
  });

  it('does not read "4 1/2-inch slices" as four and a half', () => {
    expect(parseQuantity('4 1/2-inch-thick slices bread').quantity).toBe(4);
  });
});

describe('sizes and optional lines', () => {
  it.each<[string, 'small' | 'medium' | 'large' | null]>([
    ['1 small onion', 'small'],
    ['2 medium carrots', 'medium'],
    ['3 large eggs', 'large'],
    ['1 extra-large egg', 'large'],
    ['1 extra large egg', 'large'],
    ['2 large heads garlic', 'large'],
    ['1 onion', null],
  ])('%s', (line, size) => {
    expect(parseQuantity(line).size).toBe(size);
  });

  it.each<[string, boolean]>([
    ['1 tbsp parsley (optional)', true],
    ['Chopped chives, optional', true],
    ['Parsley, for garnish', true],
    ['Lime wedges, to serve, optional', true],
    ['Crusty bread, for serving (optional)', true],
    ['Sesame seeds, if desired', true],
    ['Optional: 2 cups cooked chicken', true],
    ['2 cups chopped kale', false],
    ['Salt to taste', false],
  ])('%s → %s', (line, optional) => {
    expect(parseQuantity(line).optional).toBe(optional);
  });
});
