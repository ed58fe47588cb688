import { describe, expect, it } from 'vitest';
import { weekDates } from '../dates';
import { FIXTURE_FOODS, fixtureLookup, food } from '../../../tests/fixtures/scoring/foods';
import { eatenLines, foodMeal, recipe, tableParser, type LineReading } from '../../../tests/fixtures/scoring/lines';
import { scoreWeek } from './score-week';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { libraryRecipe, suggest } from './suggest';

const TABLE: Record<string, LineReading> = {
  kale: { food: 'kale', grams: 100 },
  broccoli: { food: 'broccoli', grams: 200 },
  carrot: { food: 'carrot', grams: 120 },
  lentils: { food: 'lentils', grams: 400 },
  onion: { food: 'onion', grams: 100 },
  garlic: { food: 'garlic', grams: 6 },
  cumin: { food: 'cumin', grams: 2 },
  'brown rice': { food: 'rice-brown', grams: 300 },
  'white rice': { food: 'rice-white', grams: 300 },
  sauerkraut: { food: 'sauerkraut', grams: 140 },
  'kimchi, fried': { food: 'kimchi', grams: 70 },
  parsley: { food: 'parsley', grams: 10, optional: true },
};

function weekOf(lines: string[]) {
  const meals = lines.map((line, i) => foodMeal(`m${i}`, '2026-11-23', 'dinner', line, 1));
  return scoreWeek({ lines: eatenLines(meals, [], TABLE), people: 1, weekDates: weekDates('2026-11-23') }, fixtureLookup);
}

const parse = tableParser(TABLE);
const LIBRARY = [
  // dal: lentils 1, onion 1, carrot 1, garlic 0.25, cumin 0.25; fiber 400×8% + 100×2% + 120×3% + 6×2% + 2×10% = 37.92 g for 4 servings.
  recipe('dal', 4, ['lentils', 'onion', 'carrot', 'garlic', 'cumin'], [], 'Red lentil dal'),
  // greens: kale and broccoli are already in the week, brown rice lifts rice from 0 to 1.
  recipe('greens', 2, ['kale', 'broccoli', 'brown rice', 'parsley'], [], 'Greens bowl'),
  // slaw: carrot 1, cabbage 1 (sauerkraut, live: 140 g ÷ 35 g = 4 servings ÷ 2), napa cabbage 1 (kimchi, fried: not live).
  recipe('slaw', 2, ['carrot', 'sauerkraut', 'kimchi, fried'], [], 'Two-cabbage slaw'),
].map((r) => libraryRecipe(r, parse, fixtureLookup));

describe('suggest', () => {
  const week = weekOf(['kale', 'broccoli', 'white rice']);
  const result = suggest({ plants: week.plants, catalog: FIXTURE_FOODS, recipes: LIBRARY }, fixtureLookup, DEFAULT_SCORING_SETTINGS, {
    crops: 50,
  });

  it('ranks recipes greedily by the points they add', () => {
    // Start: dal 3.5, greens 1 (rice 0 → 1; parsley is optional), slaw 3.
    // Pick dal (3.5); then slaw adds cabbage + napa cabbage = 2 (carrot now planned); then greens 1.
    expect(result.recipes.map((r) => [r.id, r.points])).toEqual([
      ['dal', 3.5],
      ['slaw', 2],
      ['greens', 1],
    ]);
    expect(result.recipes[0].fiberPerDayRaw).toBeCloseTo(37.92 / 4 / 7, 9);
    expect(result.recipes[0].fermentedPerWeek).toBe(0);
    expect(result.recipes[1].fermentedPerWeek).toBe(2);
    expect(result.recipes[1].adds.map((a) => a.key)).toEqual(['brassica-rapa-napa', 'brassica-oleracea-cabbage']);
    expect(result.recipes[2].adds).toEqual([{ key: 'oryza-sativa', name: 'Brown rice', points: 1 }]);
  });

  it('suggests one food per crop not yet planned, weight first', () => {
    const keys = result.crops.map((c) => c.key);
    expect(keys).not.toContain('brassica-oleracea-kale');
    expect(new Set(keys).size).toBe(keys.length);
    // Rice is planned at 0 points: brown rice would add 1.
    expect(result.crops.find((c) => c.key === 'oryza-sativa')).toMatchObject({ id: 'rice-brown', points: 1 });
    // Cabbage: plain cabbage (common) beats sauerkraut (fermented); white before red by fiber tie → shorter name.
    expect(result.crops.find((c) => c.key === 'brassica-oleracea-cabbage')?.id).toBe('cabbage');
    expect(result.crops.find((c) => c.key === 'brassica-rapa-napa')?.id).toBe('napa-cabbage');
    const firstQuarter = result.crops.findIndex((c) => c.points === 0.25);
    expect(result.crops.slice(0, firstQuarter).every((c) => c.points === 1)).toBe(true);
    expect(result.crops.slice(firstQuarter).every((c) => c.points === 0.25)).toBe(true);
    // Among whole foods of weight 1, more fiber first: oats (10 %, 80 g) before button mushroom (1 %).
    expect(keys.indexOf('avena-sativa')).toBeLessThan(keys.indexOf('agaricus-bisporus'));
    // Carrot: one medium (60 g) × 3 % ÷ 7 days.
    expect(result.crops.find((c) => c.key === 'daucus-carota')?.fiberPerDayRaw).toBeCloseTo(1.8 / 7, 9);
  });

  it('respects limits and stops when nothing adds points', () => {
    const all = suggest({ plants: week.plants, catalog: FIXTURE_FOODS, recipes: LIBRARY }, fixtureLookup, DEFAULT_SCORING_SETTINGS, {
      crops: 3,
      recipes: 10,
    });
    expect(all.crops).toHaveLength(3);
    expect(all.recipes).toHaveLength(3);
    const full = weekOf(['kale', 'broccoli', 'lentils', 'onion', 'carrot', 'garlic', 'cumin', 'brown rice', 'sauerkraut', 'kimchi, fried']);
    const none = suggest({ plants: full.plants, catalog: [], recipes: LIBRARY }, fixtureLookup);
    expect(none.recipes).toEqual([]);
  });

  it('does not depend on library order', () => {
    const reversed = suggest(
      { plants: week.plants, catalog: [...FIXTURE_FOODS].reverse(), recipes: [...LIBRARY].reverse() },
      fixtureLookup,
      DEFAULT_SCORING_SETTINGS,
      { crops: 50 },
    );
    expect(reversed).toEqual(result);
  });

  it('ranks familiar foods first at equal points and caps the portion of a big piece', () => {
    const catalog = [
      food({ id: 'durian', name: 'Durian', group: 'fruit', crop: 'durio', fiberPer100g: 4, portions: { piece: 600 } }),
      food({ id: 'pear', name: 'Pear', aliases: ['pear', 'pears', 'conference pear', 'bosc pear', 'williams pear'], group: 'fruit', crop: 'pyrus', fiberPer100g: 3, portions: { medium: 178 } }),
    ];
    const crops = suggest({ plants: [], catalog, recipes: [] }, fixtureLookup).crops;
    expect(crops.map((c) => [c.id, c.portionGrams])).toEqual([
      ['pear', 178],
      ['durian', 80],
    ]);
    // 80 g × 4 % ÷ 7 days.
    expect(crops[1].fiberPerDayRaw).toBeCloseTo(3.2 / 7, 9);
  });

  it('prefers common foods within a crop', () => {
    const catalog = [
      food({ id: 'apple-dried', name: 'Dried apple', group: 'fruit', crop: 'malus', fiberPer100g: 9, processed: 'refined' }),
      food({ id: 'apple', name: 'Apple', group: 'fruit', crop: 'malus', fiberPer100g: 2 }),
    ];
    expect(suggest({ plants: [], catalog, recipes: [] }, fixtureLookup).crops.map((c) => c.id)).toEqual(['apple']);
  });
});
