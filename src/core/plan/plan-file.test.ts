import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT, PlanFileError, readPlanFile, writePlanFile } from './plan-file';

const v2 = {
  format: 'thirtyfold.plan/2',
  weekStart: '2026-11-23',
  members: [
    { id: 'ana', name: 'Ana', portion: 1, fiberTarget: 25 },
    { id: 'ben', name: 'Ben', sex: 'male' },
    { id: 'cleo', name: 'Cleo', portion: 0.5, ageBand: '4-8' },
  ],
  recipes: [{ id: 'r1', name: 'Soup', servings: 4, ingredients: ['1 cup red lentils'] }],
  meals: [
    { date: '2026-11-23', slot: 'lunch', recipe: 'r1', eaters: ['ana', 'cleo'] },
    { date: '2026-11-23', slot: 'dinner', recipe: 'r1', guests: 1 },
    { date: '2026-11-24', slot: 'dinner', recipe: 'r1', servings: 4 },
  ],
};

describe('the plan file, format /2', () => {
  it('reads members (defaults from age and sex) and who eats each meal; a meal without servings is for the portions at it', () => {
    const plan = readPlanFile(JSON.stringify(v2));
    expect(plan.people).toBe(3);
    expect(plan.members?.map((m) => [m.id, m.portion, m.fiberTarget, m.ageBand, m.sex])).toEqual([
      ['ana', 1, 25, '19-50', 'unspecified'],
      ['ben', 1, 38, '19-50', 'male'],
      ['cleo', 0.5, 20, '4-8', 'unspecified'],
    ]);
    // Ana and Cleo: 1.5 portions; everyone and a guest: 3.5; servings given: kept.
    expect(plan.meals.map((m) => [m.servings, m.eaters ?? null, m.guests ?? 0])).toEqual([
      [1.5, ['ana', 'cleo'], 0],
      [3.5, null, 1],
      [4, null, 0],
    ]);
  });

  it('writes what it reads', () => {
    const plan = readPlanFile(JSON.stringify(v2));
    const again = readPlanFile(writePlanFile(plan));
    expect(again).toEqual(plan);
    expect(JSON.parse(writePlanFile(plan)).format).toBe(PLAN_FORMAT);
  });

  it('still reads format /1: `people` adults at every meal, servings defaulting to people', () => {
    const plan = readPlanFile(JSON.stringify({ format: 'thirtyfold.plan/1', people: 2, meals: [{ date: '2026-11-23', slot: 'snack', food: '1 apple' }] }));
    expect(plan.members?.map((m) => m.name)).toEqual(['Person 1', 'Person 2']);
    expect(plan.meals[0].servings).toBe(2);
    expect(plan.meals[0]).not.toHaveProperty('eaters');
  });

  it('refuses an eater who is not a member, a repeated member id, members in a /1 file, and a meal nobody eats', () => {
    const bad = (change: Record<string, unknown>) => () => readPlanFile(JSON.stringify({ ...v2, ...change }));
    expect(bad({ meals: [{ date: '2026-11-23', slot: 'lunch', recipe: 'r1', eaters: ['dan'] }] })).toThrow('meals.0.eaters: unknown member id "dan"');
    expect(bad({ members: [v2.members[0], v2.members[0]] })).toThrow('members: duplicate member id "ana"');
    expect(bad({ format: 'thirtyfold.plan/1' })).toThrow(PlanFileError);
    expect(bad({ meals: [{ date: '2026-11-23', slot: 'lunch', recipe: 'r1', eaters: [] }] })).toThrow('meals.0: nobody eats it');
    expect(bad({ members: [{ id: 'x', name: 'X', portion: 0 }] })).toThrow(/^members\.0\.portion: must be a number more than 0/);
  });
});
