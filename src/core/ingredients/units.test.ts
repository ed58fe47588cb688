import { describe, expect, it } from 'vitest';
import { canonicalUnit, unitInfo } from './units';

const SPELLINGS: Array<[string, string]> = [
  ['tbsp', 'tablespoon'],
  ['Tbsp.', 'tablespoon'],
  ['tbs', 'tablespoon'],
  ['T', 'tablespoon'],
  ['T.', 'tablespoon'],
  ['tablespoons', 'tablespoon'],
  ['tsp', 'teaspoon'],
  ['tsp.', 'teaspoon'],
  ['t', 'teaspoon'],
  ['teaspoons', 'teaspoon'],
  ['c.', 'cup'],
  ['C', 'cup'],
  ['cups', 'cup'],
  ['oz', 'ounce'],
  ['oz.', 'ounce'],
  ['ounces', 'ounce'],
  ['lb', 'pound'],
  ['lbs', 'pound'],
  ['lbs.', 'pound'],
  ['g', 'gram'],
  ['grams', 'gram'],
  ['kg', 'kilogram'],
  ['ml', 'milliliter'],
  ['mL', 'milliliter'],
  ['millilitres', 'milliliter'],
  ['l', 'liter'],
  ['L', 'liter'],
  ['litres', 'liter'],
  ['fl oz', 'fluid ounce'],
  ['fl. oz.', 'fluid ounce'],
  ['fluid ounces', 'fluid ounce'],
  ['pint', 'pint'],
  ['pints', 'pint'],
  ['qt', 'quart'],
  ['quarts', 'quart'],
  ['gallon', 'gallon'],
  ['stick', 'stick'],
  ['sticks', 'stick'],
  ['cloves', 'clove'],
  ['can', 'can'],
  ['tins', 'can'],
  ['jar', 'jar'],
  ['package', 'package'],
  ['pkg', 'package'],
  ['packets', 'package'],
  ['pinches', 'pinch'],
  ['dash', 'dash'],
  ['bunches', 'bunch'],
  ['heads', 'head'],
  ['stalks', 'stalk'],
  ['ribs', 'stalk'],
  ['sprigs', 'sprig'],
  ['slices', 'slice'],
  ['handfuls', 'handful'],
  ['pieces', 'piece'],
  ['pcs', 'piece'],
  ['leaves', 'leaf'],
  ['fillets', 'fillet'],
];

describe('canonicalUnit', () => {
  it.each(SPELLINGS)('%s → %s', (spelling, name) => {
    expect(canonicalUnit(spelling)).toBe(name);
  });

  it('knows nothing of sizes or made-up words', () => {
    for (const word of ['large', 'medium', 'small', 'kale', '', 'cupful of', 'tt']) expect(canonicalUnit(word)).toBeNull();
  });

  it('keeps capital T and small t apart', () => {
    expect(canonicalUnit('T')).not.toBe(canonicalUnit('t'));
  });
});

describe('unitInfo', () => {
  it('converts US volumes through the 236.6 ml cup', () => {
    const cup = unitInfo('cup')!.factor;
    expect(unitInfo('tablespoon')!.factor * 16).toBeCloseTo(cup, 9);
    expect(unitInfo('teaspoon')!.factor * 48).toBeCloseTo(cup, 9);
    expect(cup).toBeCloseTo(236.6, 5);
  });

  it('has exact weights', () => {
    expect(unitInfo('ounce')!.factor).toBeCloseTo(28.3495, 4);
    expect(unitInfo('pound')!.factor).toBeCloseTo(453.592, 3);
    expect(unitInfo('kilogram')).toEqual({ name: 'kilogram', kind: 'mass', factor: 1000 });
  });
});
