import { describe, expect, it } from 'vitest';
import { FIXTURE_BY_ID } from '../../../tests/fixtures/shopping/foods';
import type { Food } from '../types';
import { gramsFor } from '../ingredients';
import { buyAmount, formatNumber, nameInLine, packLabel, pluralize, roundMetricUp } from './units';

function food(id: string): Food {
  const found = FIXTURE_BY_ID.get(id);
  if (!found) throw new Error(id);
  return found;
}

describe('packLabel', () => {
  it('reads a size and container written in the pack name', () => {
    expect(packLabel({ name: '400 g can', grams: 240 }, 'metric')).toEqual({ unit: 'can', one: '400 g can', many: '400 g cans', contents: 'none' });
    expect(packLabel({ name: '1000 g bag', grams: 1000 }, 'metric').one).toBe('1 kg bag');
    expect(packLabel({ name: '1 l carton', grams: 1030 }, 'metric').many).toBe('1 l cartons');
    expect(packLabel({ name: '1 l carton', grams: 1030 }, 'us').one).toBe('34 fl oz carton');
    expect(packLabel({ name: '400 g can', grams: 400 }, 'us').one).toBe('14 oz can');
    expect(packLabel({ name: '1000 g bag', grams: 1000 }, 'us').one).toBe('2.2 lb bag');
    expect(packLabel({ name: '25 g pack', grams: 25 }, 'us').one).toBe('0.9 oz pack');
  });

  it('takes the size from the grams when the name is only a container', () => {
    expect(packLabel({ name: 'jar', grams: 250 }, 'metric')).toEqual({ unit: 'jar', one: '250 g jar', many: '250 g jars', contents: 'none' });
  });

  it('keeps any other name, converting its sizes for US units', () => {
    expect(packLabel({ name: '12 eggs', grams: 600 }, 'metric', 'Egg')).toEqual({ unit: 'pack', one: '12 eggs', many: '12 eggs', contents: 'all' });
    expect(packLabel({ name: '6-pack (300 g)', grams: 300 }, 'us', 'Yogurt')).toEqual({ unit: 'pack', one: '6-pack (10.5 oz)', many: '6-pack (10.5 oz)', contents: 'none' });
  });
});

describe('rounding and wording', () => {
  it('rounds metric amounts up in growing steps', () => {
    expect([0, 1, 5, 5.01, 49, 50, 51, 249, 251, 999, 1001, 4990, 5001].map(roundMetricUp)).toEqual([
      0, 5, 5, 10, 50, 50, 60, 250, 275, 1000, 1050, 5000, 5100,
    ]);
  });

  it('writes quarters as fractions and other numbers with at most two decimals', () => {
    expect([0.25, 0.5, 1.75, 2, 1.333333, 0.1].map(formatNumber)).toEqual(['¼', '½', '1¾', '2', '1.33', '0.1']);
  });

  it('pluralises food and unit names', () => {
    expect(['onion', 'Lemon', 'bunch', 'potato', 'cherry', 'leaf', 'bell pepper, red', 'chickpeas', 'asparagus', 'box', 'glass', 'tomato (plum)', 'jalapeño', 'green chilli'].map(pluralize)).toEqual([
      'onions', 'Lemons', 'bunches', 'potatoes', 'cherries', 'leaves', 'bell peppers, red', 'chickpeas', 'asparagus', 'boxes', 'glasses', 'tomatoes (plum)', 'jalapeños', 'green chillies',
    ]);
  });

  it('lower-cases a name inside a line but leaves acronyms', () => {
    expect(nameInLine('Onion')).toBe('onion');
    expect(nameInLine('UHT milk')).toBe('UHT milk');
  });
});

describe('buyAmount', () => {
  it('falls back to weight when a counted food has no piece weight', () => {
    expect(buyAmount(food('leek'), 300, 'metric').display).toBe('300 g leeks');
    expect(buyAmount(food('kale'), 300, 'metric').display).toBe('300 g kale');
  });

  it('names the container of a sized pack', () => {
    const bagged: Food = { ...food('kale'), buyAs: 'pack', pack: { name: '200 g bag', grams: 200 } };
    expect(buyAmount(bagged, 250, 'metric')).toEqual({ quantity: 2, unit: 'bag', amount: '2 × 200 g bags', display: '2 × 200 g bags kale', grams: 400 });
  });

  it('does not repeat the food name a pack name already holds', () => {
    const eggs: Food = { ...food('egg'), buyAs: 'pack', pack: { name: '12 eggs', grams: 600 } };
    expect(buyAmount(eggs, 700, 'metric')).toEqual({ quantity: 2, unit: 'pack', amount: '2 × 12 eggs', display: '2 × 12 eggs', grams: 1200 });
    const whites: Food = { ...eggs, name: 'Egg white' };
    expect(buyAmount(whites, 100, 'metric').display).toBe('1 × 12 eggs (egg white)');
  });

  it('falls back to weight for a pack food without a pack', () => {
    const loose: Food = { ...food('chickpeas-canned'), pack: null };
    expect(buyAmount(loose, 500, 'metric').amount).toBe('500 g');
  });

  it('never buys less than the meals need', () => {
    for (const id of ['onion', 'kale', 'milk', 'chickpeas-canned', 'garlic', 'egg']) {
      for (const grams of [0.5, 3, 47, 110, 111, 399, 401, 1234]) {
        for (const units of ['metric', 'us'] as const) {
          const amount = buyAmount(food(id), grams, units);
          const bought = gramsFor(food(id), amount.quantity, amount.unit, null);
          expect(bought, `${id} ${grams} ${units}: ${amount.display}`).toBeGreaterThanOrEqual(grams - 1e-6);
        }
      }
    }
  });
});
