import { describe, expect, it } from 'vitest';
import { formatAmount, readAmount, scaleLine, scaleRecipe } from './scale';
import { linesFromTexts } from './lines';

describe('readAmount', () => {
  it('reads numbers as recipes write them', () => {
    expect(readAmount('2')).toBe(2);
    expect(readAmount('1,5')).toBe(1.5);
    expect(readAmount('1/2')).toBe(0.5);
    expect(readAmount('1 1/2')).toBe(1.5);
    expect(readAmount('½')).toBe(0.5);
    expect(readAmount('1½')).toBe(1.5);
  });
});

describe('formatAmount', () => {
  it('writes kitchen fractions', () => {
    expect(formatAmount(0.5)).toBe('1/2');
    expect(formatAmount(1.5)).toBe('1 1/2');
    expect(formatAmount(2 / 3)).toBe('2/3');
    expect(formatAmount(3)).toBe('3');
    expect(formatAmount(0.999)).toBe('1');
  });

  it('rounds metric amounts to whole numbers', () => {
    expect(formatAmount(266.666, true)).toBe('267');
    expect(formatAmount(7.25, true)).toBe('7.3');
  });
});

describe('scaleLine', () => {
  it('multiplies the leading amount', () => {
    expect(scaleLine('1 1/2 cups brown rice', 2)).toBe('3 cups brown rice');
    expect(scaleLine('2 cloves garlic, minced', 0.5)).toBe('1 cloves garlic, minced');
    expect(scaleLine('½ cup kimchi', 3)).toBe('1 1/2 cup kimchi');
    expect(scaleLine('400g chickpeas', 1.5)).toBe('600g chickpeas');
    expect(scaleLine('200 g kale', 2 / 3)).toBe('133 g kale');
  });

  it('scales both ends of a range', () => {
    expect(scaleLine('2-3 carrots', 2)).toBe('4-6 carrots');
    expect(scaleLine('2 to 3 tbsp miso', 2)).toBe('4 to 6 tbsp miso');
  });

  it('keeps a pack size in brackets and lines without an amount', () => {
    expect(scaleLine('1 (400 g) can chickpeas', 2)).toBe('2 (400 g) can chickpeas');
    expect(scaleLine('salt to taste', 4)).toBe('salt to taste');
    expect(scaleLine('- 2 eggs', 2)).toBe('- 4 eggs');
  });

  it('leaves the line alone for a factor of 1 or a bad factor', () => {
    expect(scaleLine('2 eggs', 1)).toBe('2 eggs');
    expect(scaleLine('2 eggs', 0)).toBe('2 eggs');
    expect(scaleLine('2 eggs', Number.NaN)).toBe('2 eggs');
  });
});

describe('scaleRecipe', () => {
  it('rewrites lines, servings and the grams a line was given, keeping ids and picked foods', () => {
    const ingredients = [...linesFromTexts(['2 cups rice', '1 pinch salt']), { id: 'l3', text: 'pepper', food: 'black-pepper', grams: 2 }];
    const scaled = scaleRecipe({ servings: 4, ingredients }, 6);
    expect(scaled.servings).toBe(6);
    expect(scaled.ingredients).toEqual([
      { id: 'l1', text: '3 cups rice' },
      { id: 'l2', text: '1 1/2 pinch salt' },
      { id: 'l3', text: 'pepper', food: 'black-pepper', grams: 3 },
    ]);
  });

  it('returns the recipe unchanged for bad servings', () => {
    const recipe = { servings: 2, ingredients: linesFromTexts(['1 egg']) };
    expect(scaleRecipe(recipe, 0)).toBe(recipe);
    expect(scaleRecipe(recipe, -1)).toBe(recipe);
  });
});
