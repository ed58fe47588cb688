import { describe, expect, it } from 'vitest';
import { fixtureLookup } from '../../../tests/fixtures/scoring/foods';
import { foodMeal, tableParser } from '../../../tests/fixtures/scoring/lines';
import { DEFAULT_SETTINGS } from '../settings';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { earlierCrops, scoreWeekMeals, scoringSettingsOf } from './week';

const parse = tableParser({
  'red pepper': { food: 'bell-pepper-red', grams: 120 },
  'green pepper': { food: 'bell-pepper-green', grams: 120 },
  kale: { food: 'kale', grams: 100 },
});
const WEEK = '2026-11-23';
const colours = { ...DEFAULT_SCORING_SETTINGS, countColourVariants: true };

describe('scoreWeekMeals', () => {
  it('count colour variants: a red pepper last week makes a green one this week not new', () => {
    const { score } = scoreWeekMeals(
      {
        weekStart: WEEK,
        meals: [foodMeal('m2', '2026-11-24', 'dinner', 'green pepper', 1), foodMeal('m3', '2026-11-25', 'dinner', 'kale', 1)],
        earlier: [foodMeal('m1', '2026-11-18', 'dinner', 'red pepper', 1)],
        recipes: new Map(),
      },
      { parse, foods: fixtureLookup, people: 1, settings: colours },
    );
    expect(score.plants.map((plant) => [plant.key, plant.isNew])).toEqual([
      ['capsicum-annuum-bell|green', false],
      ['brassica-oleracea-kale|green', true],
    ]);
    expect(score.newPlants).toBe(1);
  });

  it('marks nothing new or not new when the history is unknown, and every plant new when nothing came before', () => {
    const week = { weekStart: WEEK, meals: [foodMeal('m1', '2026-11-24', 'dinner', 'kale', 1)], recipes: new Map() };
    const options = { parse, foods: fixtureLookup, people: 1 };
    expect(scoreWeekMeals(week, options).score.newPlants).toBeNull();
    expect(scoreWeekMeals({ ...week, earlier: [] }, options).score.newPlants).toBe(1);
  });

  it('counts only the four weeks before, and takes remembered crops instead of the earlier meals', () => {
    const options = { parse, foods: fixtureLookup, people: 1, settings: colours };
    const earlier = [foodMeal('old', '2026-10-25', 'dinner', 'kale', 1), foodMeal('m1', '2026-10-26', 'dinner', 'red pepper', 1)];
    expect([...earlierCrops(earlier, WEEK, new Map(), options)]).toEqual(['capsicum-annuum-bell']);
    const week = { weekStart: WEEK, meals: [foodMeal('m2', '2026-11-24', 'dinner', 'kale', 1)], recipes: new Map() };
    expect(scoreWeekMeals({ ...week, earlierCrops: new Set(['brassica-oleracea-kale']) }, options).score.newPlants).toBe(0);
  });
});

describe('scoringSettingsOf', () => {
  it('takes the counting rules and targets out of the settings', () => {
    expect(scoringSettingsOf(DEFAULT_SETTINGS)).toEqual(DEFAULT_SCORING_SETTINGS);
    expect(scoringSettingsOf({ ...DEFAULT_SETTINGS, countColourVariants: true, plantTarget: 40 })).toMatchObject({ countColourVariants: true, plantTarget: 40 });
  });
});
