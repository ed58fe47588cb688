import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_FOODS } from '../../../tests/fixtures/ingredients/foods';
import type { ParsedLine } from '../types';
import { createIngredientParser, gramsFor, parseLineWith, buildAliasIndex } from './index';

const parse = createIngredientParser(FIXTURE_FOODS);
const byId = new Map(FIXTURE_FOODS.map((f) => [f.id, f]));

type Row = [line: string, quantity: number | null, quantityMax: number | null, unit: string | null, food: string | null, grams: number | null, optional: boolean];

/** Tricky lines with what a careful reader would write down. */
const TABLE: Row[] = [
  ["2 cups chopped kale", 2, null, "cup", "kale", 42, false],
  ["1 (15-ounce) can chickpeas, drained and rinsed", 1, null, "can", "chickpeas", 425.2, false],
  ["2 x 400g cans chopped tomatoes", 2, null, "can", "canned-tomatoes", 800, false],
  ["1 can (15 oz) black beans, rinsed", 1, null, "can", "black-beans", 425.2, false],
  ["1 15-ounce can black beans", 1, null, "can", "black-beans", 425.2, false],
  ["28-ounce can crushed tomatoes", 1, null, "can", "canned-tomatoes", 793.8, false],
  ["1½ cups flour", 1.5, null, "cup", "flour", 187.5, false],
  ["1 1/2 cups all-purpose flour", 1.5, null, "cup", "flour", 187.5, false],
  ["1-1/2 cups sugar", 1.5, null, "cup", "sugar", 300, false],
  ["1 and 1/2 cups milk", 1.5, null, "cup", "milk", 366, false],
  ["one and a half cups water", 1.5, null, "cup", "water", 355.5, false],
  ["¾ cup plain yogurt", 0.75, null, "cup", "yogurt", 183.8, false],
  ["⅓ cup olive oil", 0.333, null, "cup", "olive-oil", 71.9, false],
  ["2–3 cloves garlic, minced", 2, 3, "clove", "garlic", 6, false],
  ["2-3 medium carrots, diced", 2, 3, null, "carrot", 122, false],
  ["2 to 3 large eggs", 2, 3, null, "egg", 100, false],
  ["1 or 2 jalapeño peppers, seeded", 1, 2, null, "jalapeno", 14, false],
  ["a pinch of salt", 1, null, "pinch", "salt", 0.4, false],
  ["Pinch of ground cinnamon", 1, null, "pinch", "cinnamon", 0.2, false],
  ["a handful of basil leaves", 1, null, "handful", "basil", 10, false],
  ["one onion, diced", 1, null, null, "onion", 110, false],
  ["two lemons", 2, null, null, "lemon", 168, false],
  ["half a lemon", 0.5, null, null, "lemon", 42, false],
  ["a dozen eggs", 12, null, null, "egg", 600, false],
  ["an apple", 1, null, null, "apple", 182, false],
  ["Juice of 1 lemon", 1, null, null, "lemon", 48, false],
  ["Juice of half a lemon", 0.5, null, null, "lemon", 24, false],
  ["Zest of 2 limes", 2, null, null, "lime", null, false],
  ["Finely grated zest of 1 lemon", 1, null, null, "lemon", null, false],
  ["1 lemon, juiced", 1, null, null, "lemon", 48, false],
  ["2 tablespoons fresh lemon juice", 2, null, "tablespoon", "lemon-juice", 30.6, false],
  ["1 T butter", 1, null, "tablespoon", "butter", 14.2, false],
  ["2 t salt", 2, null, "teaspoon", "salt", 12, false],
  ["3 Tbsp. olive oil", 3, null, "tablespoon", "olive-oil", 40.5, false],
  ["4 tbs butter", 4, null, "tablespoon", "butter", 56.8, false],
  ["1 c. milk", 1, null, "cup", "milk", 244, false],
  ["8 fl oz heavy cream", 8, null, "fluid ounce", "heavy-cream", 238, false],
  ["1 lb ground beef", 1, null, "pound", "ground-beef", 453.6, false],
  ["2 lbs potatoes, peeled", 2, null, "pound", "potato", 907.2, false],
  ["500 g spaghetti", 500, null, "gram", "spaghetti", 500, false],
  ["1 kg sweet potatoes", 1, null, "kilogram", "sweet-potato", 1000, false],
  ["250 ml chicken stock", 250, null, "milliliter", "chicken-stock", 253.6, false],
  ["1 l water", 1, null, "liter", "water", 1001.7, false],
  ["1 stick butter", 1, null, "stick", "butter", 113, false],
  ["3 garlic cloves, peeled", 3, null, "clove", "garlic", 9, false],
  ["2 large heads garlic", 2, null, "head", "garlic", 80, false],
  ["2 ribs celery, chopped", 2, null, "stalk", "celery", 80, false],
  ["4 salmon fillets", 4, null, "fillet", "salmon", 680, false],
  ["2 ears corn", 2, null, "ear", "corn", 180, false],
  ["1 bunch kale, stems removed", 1, null, "bunch", "kale", 170, false],
  ["3 sprigs fresh thyme", 3, null, "sprig", "thyme", 3, false],
  ["2 slices sourdough bread", 2, null, "slice", "bread", 56, false],
  ["Salt and pepper to taste", null, null, null, "salt", null, false],
  ["Kosher salt and freshly ground black pepper", null, null, null, "salt", null, false],
  ["1/2 teaspoon freshly ground pepper", 0.5, null, "teaspoon", "black-pepper", 1.2, false],
  ["1 cup chicken stock", 1, null, "cup", "chicken-stock", 240, false],
  ["1 tsp garlic powder", 1, null, "teaspoon", "garlic-powder", 3.1, false],
  ["1 can coconut milk", 1, null, "can", "coconut-milk", 400, false],
  ["2 tbsp peanut butter", 2, null, "tablespoon", "peanut-butter", 32, false],
  ["8 oz egg noodles", 8, null, "ounce", "egg-noodles", 226.8, false],
  ["1 cup almond milk", 1, null, "cup", null, null, false],
  ["1 tsp almond extract", 1, null, "teaspoon", null, null, false],
  ["1 cup grated Parmesan cheese", 1, null, "cup", "parmesan", 100, false],
  ["1 medium red onion, thinly sliced", 1, null, null, "red-onion", 110, false],
  ["3 scallions, sliced", 3, null, null, "scallion", 45, false],
  ["1 cup cherry tomatoes, halved", 1, null, "cup", "cherry-tomato", 149, false],
  ["1 large sweet potato", 1, null, null, "sweet-potato", 180, false],
  ["1 cup half-and-half", 1, null, "cup", "half-and-half", 242, false],
  ["1 cup cooked brown rice", 1, null, "cup", "brown-rice", 195, false],
  ["1/2 cup kimchi, chopped", 0.5, null, "cup", "kimchi", 75, false],
  ["2 eggs", 2, null, null, "egg", 100, false],
  ["3 tablespoons finely chopped parsley (optional)", 3, null, "tablespoon", "parsley", 11.4, true],
  ["Fresh cilantro, for garnish", null, null, null, "cilantro", null, true],
  ["Lime wedges, to serve, optional", null, null, "wedge", "lime", null, true],
  ["Sour cream, for serving (optional)", null, null, null, "sour-cream", null, true],
  ["1 tablespoon soy sauce", 1, null, "tablespoon", "soy-sauce", 16, false],
  ["1 cup (240ml) milk", 1, null, "cup", "milk", 244, false],
  ["1/2 cup sugar (100g)", 0.5, null, "cup", "sugar", 100, false],
  ["200g/7oz butter", 200, null, "gram", "butter", 200, false],
  ["1 cup plus 2 tablespoons flour", 1, null, "cup", "flour", 140.6, false],
  ["2 heaping tablespoons brown sugar", 2, null, "tablespoon", "brown-sugar", 27.5, false],
  ["1 small onion", 1, null, null, "onion", 70, false],
  ["1 large egg, beaten", 1, null, null, "egg", 50, false],
  ["About 2 cups chicken broth", 2, null, "cup", "chicken-stock", 480, false],
  ["1 cup water, divided", 1, null, "cup", "water", 237, false],
  ["2 cups spinach, at room temperature", 2, null, "cup", "spinach", 60, false],
  ["1 tablespoon butter or olive oil", 1, null, "tablespoon", "butter", 14.2, false],
  ["1 cup coconut", 1, null, "cup", "coconut", 80, false],
  ["1 cup shredded coconut", 1, null, "cup", "coconut", 80, false],
  ["2 medjool dates, pitted", 2, null, null, "dates", 48, false],
  ["1 avocado", 1, null, null, "avocado", 201, false],
  ["1 bay leaf", 1, null, "leaf", "bay-leaf", 0.2, false],
  ["1 cup frozen corn kernels", 1, null, "cup", "corn", 145, false],
  ["1 teaspoon vanilla", 1, null, "teaspoon", "vanilla", 4.2, false],
  ["1 teaspoon baking powder", 1, null, "teaspoon", "baking-powder", 4.6, false],
  ["1 cinnamon stick", 1, null, "stick", "cinnamon", 4, false],
  ["1 tomato, chopped", 1, null, null, "tomato", 123, false],
  ["2 tomatoes", 2, null, null, "tomato", 246, false],
  ["1 cup diced tomatoes", 1, null, "cup", "canned-tomatoes", 240, false],
  ["2 tablespoons tomato paste", 2, null, "tablespoon", "tomato-paste", 32, false],
  ["1 cup tomato sauce", 1, null, "cup", null, null, false],
  ["1 tsp cumin seeds", 1, null, "teaspoon", "cumin", 2.1, false],
  ["1 cup rolled oats", 1, null, "cup", "oats", 81, false],
  ["1 cup red lentils, rinsed", 1, null, "cup", "lentils", 192, false],
  ["8 oz mushrooms, sliced", 8, null, "ounce", "mushroom", 226.8, false],
  ["2 zucchini", 2, null, null, "zucchini", 392, false],
  ["1 Granny Smith apple", 1, null, null, "apple", 182, false],
  ["2 bananas, mashed", 2, null, null, "banana", 236, false],
  ["1 cup cheddar cheese, shredded", 1, null, "cup", "cheddar", 113, false],
  ["1 cup heavy cream", 1, null, "cup", "heavy-cream", 238, false],
  ["2 cups white rice", 2, null, "cup", "white-rice", 370, false],
  ["1 tbsp honey", 1, null, "tablespoon", "honey", 21, false],
  ["1 tsp Dijon mustard", 1, null, "teaspoon", "dijon-mustard", 5, false],
  ["1 1-inch piece ginger, grated", 1, null, "piece", "ginger", null, false],
  ["4 1/2-inch-thick slices bread", 4, null, "slice", "bread", 112, false],
  ["3 olives", 3, null, null, "olive", 12, false],
  ["1/4 cup chopped green olives", 0.25, null, "cup", "olive", 33.8, false],
  ["1 lb chicken thighs", 1, null, "pound", "chicken", 453.6, false],
  ["2 chicken breasts", 2, null, null, "chicken", 348, false],
];

describe('ingredient lines against the fixture catalog', () => {
  it.each(TABLE)('%s', (line, quantity, quantityMax, unit, food, grams, optional) => {
    const parsed = parse(line);
    expect(parsed.input).toBe(line);
    expect(parsed.quantity).toBe(quantity);
    expect(parsed.quantityMax).toBe(quantityMax);
    expect(parsed.unit).toBe(unit);
    expect(parsed.food?.id ?? null).toBe(food);
    if (grams === null) expect(parsed.grams).toBeNull();
    else expect(parsed.grams).toBeCloseTo(grams, 0);
    expect(parsed.optional).toBe(optional);
  });

  it('has at least 60 lines in the table', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });
});

describe('food matching', () => {
  it('prefers the head noun and longer names', () => {
    expect(parse('1 cup chicken stock').food?.id).toBe('chicken-stock');
    expect(parse('1 tsp garlic powder').food?.id).toBe('garlic-powder');
    expect(parse('1 can coconut milk').food?.id).toBe('coconut-milk');
    expect(parse('2 tbsp peanut butter').food?.id).toBe('peanut-butter');
    expect(parse('8 oz egg noodles').food?.id).toBe('egg-noodles');
    expect(parse('1 medium red onion').food?.id).toBe('red-onion');
  });

  it('returns null for a product the catalog lacks instead of its base food', () => {
    expect(parse('1 cup almond milk').food).toBeNull();
    expect(parse('1 tsp almond extract').food).toBeNull();
    expect(parse('1 cup tomato sauce').food).toBeNull();
    expect(parse('2 tbsp coconut sugar').food).toBeNull();
  });

  it('takes the first of alternatives', () => {
    expect(parse('1 tablespoon butter or olive oil').food?.id).toBe('butter');
    expect(parse('Salt and pepper to taste').food?.id).toBe('salt');
  });

  it('reads bare pepper by the spoon as black pepper and by the piece as a bell pepper', () => {
    expect(parse('1/2 teaspoon pepper').food?.id).toBe('black-pepper');
    expect(parse('Freshly ground pepper').food?.id).toBe('black-pepper');
    expect(parse('1 pepper, diced').food?.id).toBe('bell-pepper-red');
  });

  it('folds plurals and spelling variants', () => {
    expect(parse('3 cherry tomatoes').food?.id).toBe('cherry-tomato');
    expect(parse('2 medjool dates').food?.id).toBe('dates');
    expect(parse('1 cup red lentils').food?.id).toBe('lentils');
    expect(parse('1 cup greek yoghurt').food?.id).toBe('yogurt');
    expect(parse('2 jalapeños').food?.id).toBe('jalapeno');
    expect(parse('2 courgettes').food?.id).toBe('zucchini');
  });

  it('keeps preparation words in the note', () => {
    expect(parse('2 cups chopped kale').note).toBe('chopped');
    expect(parse('1 (15-ounce) can chickpeas, drained and rinsed').note).toBe('drained and rinsed');
    expect(parse('12 finely minced cloves of garlic').note).toBe('finely minced');
  });

  it('is less sure when unknown words surround the food', () => {
    expect(parse('2 cups kale').confidence).toBe(1);
    expect(parse('2 cups lacy frilly kale').confidence).toBeLessThan(1);
    expect(parse('2 cups lacy frilly kale').confidence).toBeGreaterThan(0.5);
  });

  it('falls back to parenthesised text when the main text names nothing', () => {
    const parsed = parse('2 cups greens (kale or chard)');
    expect(parsed.food?.id).toBe('kale');
    expect(parsed.confidence).toBeLessThan(1);
  });
});

describe('grams', () => {
  const kale = byId.get('kale')!;
  const onion = byId.get('onion')!;
  const flour = byId.get('flour')!;

  it('converts weights directly and volumes through the food portions', () => {
    expect(gramsFor(kale, 100, 'gram', null)).toBe(100);
    expect(gramsFor(kale, 1, 'ounce', null)).toBeCloseTo(28.35, 2);
    expect(gramsFor(kale, 2, 'cup', null)).toBe(42);
    expect(gramsFor(flour, 1, 'tablespoon', null)).toBeCloseTo(7.8, 5);
    expect(gramsFor(flour, 3, 'teaspoon', null)).toBeCloseTo(7.8, 1);
    expect(gramsFor(flour, 236.6, 'milliliter', null)).toBeCloseTo(125, 5);
  });

  it('chooses the portion by size and falls back to a piece', () => {
    expect(gramsFor(onion, 1, null, 'small')).toBe(70);
    expect(gramsFor(onion, 1, null, 'large')).toBe(150);
    expect(gramsFor(onion, 2, null, null)).toBe(220);
  });

  it('is null when the catalog does not know, never invented', () => {
    expect(gramsFor(kale, 1, 'clove', null)).toBeNull();
    expect(gramsFor(byId.get('salmon')!, 1, 'cup', null)).toBeNull();
    expect(gramsFor(kale, null, 'cup', null)).toBeNull();
    expect(gramsFor(kale, 1, 'furlong', null)).toBeNull();
    expect(parse('Zest of 2 limes').grams).toBeNull();
  });

  it('uses a stated pack size or the food can portion for cans', () => {
    expect(gramsFor(byId.get('chickpeas')!, 2, 'can', null)).toBe(480);
    expect(gramsFor(byId.get('canned-tomatoes')!, 1, 'can', null)).toBe(400);
    expect(gramsFor(kale, 1, 'can', null)).toBeNull();
    expect(gramsFor(kale, 2, 'can', null, { amount: 10, unit: 'ounce' })).toBeCloseTo(567, 0);
  });
});

const ODD_LINES = ['', ' ', '\t\n', 'x'.repeat(10_000), '🍅'.repeat(3000), '%%%%', '12345', '1/0 cups', '-2 cups', '((((((', ')))', '1 (', '1 (15-ounce', '½½½½', '1 x', 'juice of', 'Zest of', 'a', 'an', 'of of of', '999999999999999999999 cups salt', 'NaN cups', 'Infinity kale', '\u0000\u0001', '１ cup kale', 'constructor', '__proto__', '2 toString cups hasOwnProperty'];

/** Problems with a parsed line, empty when it is well formed. */
function problems(parsed: ParsedLine, input: string): string[] {
  const out: string[] = [];
  if (parsed.input !== input) out.push('input changed');
  for (const n of [parsed.quantity, parsed.quantityMax, parsed.grams]) if (n !== null && !Number.isFinite(n)) out.push(`not finite: ${n}`);
  if (parsed.unit !== null && typeof parsed.unit !== 'string') out.push('unit');
  if (typeof parsed.optional !== 'boolean') out.push('optional');
  if (!(parsed.confidence >= 0 && parsed.confidence <= 1)) out.push(`confidence ${parsed.confidence}`);
  if (parsed.note !== null && typeof parsed.note !== 'string') out.push('note');
  if (![null, 'small', 'medium', 'large'].includes(parsed.size)) out.push(`size ${String(parsed.size)}`);
  if (parsed.food !== null && !byId.has(parsed.food.id)) out.push('unknown food');
  if (parsed.food === null && parsed.grams !== null) out.push('grams without food');
  return out;
}

function wellFormed(parsed: ParsedLine, input: string): void {
  expect(problems(parsed, input)).toEqual([]);
}

/** Characters that stress the grammar: digits, fractions, dashes, brackets, accents, emoji, controls. */
const TRICKY_CHARS = fc.constantFrom(...'0123456789 ½¼¾⅓⅔⅛-–—/.,;:()[]xX×"\'’éñüß🍅🥕👩‍🍳\u0000\u200b\u00a0\t\n'.split(''), 'cup', 'tbsp', 'T', 'oz', 'kale', 'of', 'juice', 'and', 'or');

/** Any Unicode code point, lone surrogates included. */
const ANY_CODE_POINT = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));

describe('bad input', () => {
  it.each(ODD_LINES)('never throws and finds no food with confidence in %j', (line) => {
    const parsed = parse(line);
    wellFormed(parsed, line);
    if (line !== 'Infinity kale' && line !== '１ cup kale' && line !== '999999999999999999999 cups salt') expect(parsed.food).toBeNull();
  });

  it('parses a 10,000-character line quickly enough to stay interactive', () => {
    const parsed = parse(`2 cups kale ${'and more '.repeat(1200)}`);
    expect(parsed.food?.id).toBe('kale');
  });

  it('treats headings as no food', () => {
    expect(parse('For the dressing:').food).toBeNull();
  });

  it('survives arbitrary strings (property)', () => {
    const index = buildAliasIndex(FIXTURE_FOODS);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: TRICKY_CHARS, maxLength: 80 }), fc.string({ unit: ANY_CODE_POINT, maxLength: 80 })), (line) => {
        return problems(parseLineWith(index, line), line).length === 0;
      }),
      { numRuns: 500 },
    );
  });

  it('survives lines built from ingredient-like pieces (property)', () => {
    const piece = fc.constantFrom('1', '½', '1 1/2', '2-3', 'a', 'half', '(15-ounce)', 'can', 'cups', 'tbsp', 'T', 'of', 'juice', 'zest', 'kale', 'garlic', 'powder', 'and', 'or', ',', '(', ')', 'optional', 'x', '400g', 'large', 'pepper', '🍅', '-', '/');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const line = pieces.join(' ');
        return problems(parse(line), line).length === 0;
      }),
      { numRuns: 500 },
    );
  });
});

describe('memoised parser', () => {
  it('reads lines primed in one batch exactly as one by one (property)', () => {
    const piece = fc.constantFrom('1', '½', '1 1/2', '2-3', 'a', 'half', '(15-ounce)', 'can', 'cups', 'tbsp', 'of', 'juice', 'zest', 'kale', 'garlic', 'plus', '2 tablespoons', 'or', ',', '(', ')', 'optional', '400g', 'large', 'For the sauce:', '', ' ', '-');
    const line = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const batch = createIngredientParser(FIXTURE_FOODS);
        batch.prime(lines);
        const single = createIngredientParser(FIXTURE_FOODS);
        return lines.every((text) => JSON.stringify(batch(text)) === JSON.stringify(single(text)));
      }),
      { numRuns: 300 },
    );
  });


  it('returns the same result for the same line and stays bounded', () => {
    const p = createIngredientParser(FIXTURE_FOODS);
    const first = p('2 cups chopped kale');
    expect(p('2 cups chopped kale')).toBe(first);
    for (let i = 0; i < 6000; i++) p(`${i} cups kale`);
    expect(p('2 cups chopped kale')).toEqual(first);
  });
});
