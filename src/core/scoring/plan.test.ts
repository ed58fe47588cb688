import { describe, expect, it } from 'vitest';
import { fixtureLookup } from '../../../tests/fixtures/scoring/foods';
import { foodMeal, recipe, recipeMeal, tableParser } from '../../../tests/fixtures/scoring/lines';
import type { PlanFile } from '../plan/plan-file';
import { scorePlan } from './plan';

const parse = tableParser({
  kale: { food: 'kale', grams: 100 },
  apple: { food: 'apple', grams: 180 },
  oats: { food: 'oats', grams: 80 },
  garlic: { food: 'garlic', grams: 3 },
});

describe('scorePlan', () => {
  it('takes the week from the earliest meal when weekStart is absent', () => {
    const plan: PlanFile = {
      people: 1,
      weekStart: null,
      recipes: [recipe('r', 2, ['kale', 'garlic'])],
      meals: [
        recipeMeal('m1', '2026-11-26', 'dinner', 'r', 1),
        foodMeal('m2', '2026-11-25', 'snack', 'apple', 1),
        foodMeal('m3', '2026-12-02', 'snack', 'oats', 1),
      ],
    };
    const score = scorePlan(plan, parse, fixtureLookup);
    expect([score.weekStart, score.weekEnd]).toEqual(['2026-11-25', '2026-12-01']);
    // kale 1, garlic 0.25, apple 1; the oats fall after the week.
    expect(score.plantPoints).toBe(2.25);
    expect(score.mealsOutsideWeek).toBe(1);
    expect(score.newPlants).toBeNull();
  });

  it('marks plants new against meals of the four weeks before weekStart', () => {
    const plan: PlanFile = {
      people: 2,
      weekStart: '2026-11-23',
      recipes: [],
      meals: [
        foodMeal('m1', '2026-10-20', 'snack', 'oats', 2), // more than four weeks before
        foodMeal('m2', '2026-11-10', 'snack', 'apple', 2),
        foodMeal('m3', '2026-11-23', 'snack', 'apple', 2),
        foodMeal('m4', '2026-11-24', 'snack', 'oats', 2),
      ],
    };
    const score = scorePlan(plan, parse, fixtureLookup);
    expect(score.plants.map((p) => [p.id, p.isNew])).toEqual([
      ['apple', false],
      ['oats', true],
    ]);
    expect(score.newPlants).toBe(1);
    expect(score.mealsOutsideWeek).toBe(2);
  });

  it('gives the same output whatever the order of meals and recipes', () => {
    const plan: PlanFile = {
      people: 2,
      weekStart: '2026-11-23',
      recipes: [recipe('a', 2, ['kale', 'garlic']), recipe('b', 4, ['oats', 'apple', 'glorp'])],
      meals: [
        recipeMeal('m1', '2026-11-23', 'dinner', 'a', 2),
        recipeMeal('m2', '2026-11-23', 'breakfast', 'b', 2),
        foodMeal('m3', '2026-11-25', 'snack', 'apple', 2),
        recipeMeal('m4', '2026-11-26', 'lunch', 'b', 3),
      ],
    };
    const reordered: PlanFile = { ...plan, recipes: [...plan.recipes].reverse(), meals: [plan.meals[2], plan.meals[3], plan.meals[0], plan.meals[1]] };
    expect(scorePlan(reordered, parse, fixtureLookup)).toEqual(scorePlan(plan, parse, fixtureLookup));
  });

  it('scores an empty plan as zero', () => {
    const score = scorePlan({ people: 1, weekStart: null, recipes: [], meals: [] }, parse, fixtureLookup);
    expect(score).toMatchObject({ weekStart: null, plantPoints: 0, mealsOutsideWeek: 0 });
  });
});
