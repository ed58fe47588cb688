import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { command as scoreCommand } from '../../../src/cli/commands/score';
import { addDays } from '../../../src/core/dates';
import { lineTexts, linesFromTexts } from '../../../src/core/recipes/lines';
import type { WeekScore } from '../../../src/core/scoring/types';
import type { Meal, Member, Recipe } from '../../../src/core/types';
// The app's boot sequence decides what loads (the catalog, for a week not remembered).
import '../../../src/state/boot.svelte';
import { db } from '../../../src/state/database';
import { plan } from '../../../src/state/plan.svelte';
import { weekScore } from '../../../src/state/week-score.svelte';
import { settings } from '../../../src/state/settings.svelte';

/*
 * The app and the command line score a week by the same core function; these
 * tests check it end to end: the week as the planner shows it (the state layer
 * over the database, fake-indexeddb here) against the CLI's `score` on a plan
 * file holding the same meals and recipes.
 */

const folder = mkdtempSync(path.join(tmpdir(), 'thirtyfold-agreement-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Real ingredient lines: colour variants of one crop, forms of one crop, composites, spices, optional and unknown lines. */
const LINES = [
  '1 red bell pepper, sliced',
  '1 green bell pepper, diced',
  '1 yellow pepper',
  '1 cup cooked white rice',
  '1 cup cooked brown rice',
  '200 g kale',
  '1 head broccoli',
  '1/2 red cabbage, shredded',
  '1 red onion',
  '1 white onion, chopped',
  '2 cloves garlic',
  '1 tsp ground cumin',
  '1 tsp smoked paprika',
  '3 tbsp hummus',
  '2 tbsp pesto',
  '1/2 cup kimchi',
  '3/4 cup plain yogurt',
  '1 tbsp white miso',
  '100 g rolled oats',
  '2 slices sourdough bread',
  '1 can chickpeas, drained',
  '1 cup red lentils',
  '1 green apple',
  '1 red apple',
  '1 banana',
  '30 g walnuts',
  '2 tbsp extra-virgin olive oil',
  '1 tbsp chopped parsley, to garnish (optional)',
  '1 tsp salt',
  '2 eggs',
  '1 handful of glorp',
];
const FOOD_MEALS = ['1 apple', '1 banana', '200 g spinach', '1 red pepper', '1 green pepper', '150 g kefir', 'a handful of almonds', '1 zorblax'];
const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'];

interface Case {
  people: number;
  /** Household members by portion (null: `people` adults, a plan file of format /1). */
  household: number[] | null;
  countColourVariants: boolean;
  fiberPer1000kcal: boolean;
  recipes: Recipe[];
  /** Meals as days after the start of the week scored (negative: earlier weeks). */
  meals: { day: number; slot: string; recipe: number | null; food: string; servings: number; eaters: number[] | null; guests: number }[];
}

const recipeArbitrary = fc.record({
  servings: fc.integer({ min: 1, max: 6 }),
  lines: fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 7 }),
  cooked: fc.boolean(),
});

const caseArbitrary = fc
  .record({
    people: fc.integer({ min: 1, max: 4 }),
    household: fc.option(fc.array(fc.constantFrom(0.5, 0.75, 1), { minLength: 1, maxLength: 4 }), { nil: null }),
    countColourVariants: fc.boolean(),
    fiberPer1000kcal: fc.boolean(),
    recipes: fc.array(recipeArbitrary, { minLength: 1, maxLength: 6 }),
  })
  .chain((base) =>
    fc
      .array(
        fc.record({
          // Six weeks before the week up to its last day: the four earlier weeks count, older ones must not.
          day: fc.integer({ min: -42, max: 6 }),
          slot: fc.constantFrom(...SLOTS),
          recipe: fc.option(fc.integer({ min: 0, max: base.recipes.length - 1 }), { nil: null, freq: 3 }),
          food: fc.constantFrom(...FOOD_MEALS),
          servings: fc.constantFrom(0.5, 1, 2, 3, 4),
          eaters: fc.option(fc.subarray([0, 1, 2, 3]), { nil: null }),
          guests: fc.constantFrom(0, 0, 1, 2),
        }),
        { minLength: 1, maxLength: 24 },
      )
      .map(
        (meals): Case => ({
          ...base,
          recipes: base.recipes.map((r, index) => ({
            id: `r${index}`,
            name: `Recipe ${index}`,
            servings: r.servings,
            ingredients: linesFromTexts(r.lines),
            steps: r.cooked ? ['Stir the kimchi and yogurt into the hot pan and simmer for 5 minutes.'] : ['Mix and serve.'],
            tags: [],
            source: null,
            prepMinutes: null,
            cookMinutes: null,
            createdAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:00.000Z',
          })),
          meals,
        }),
      ),
  );

let weeks = 0;
/** A week of its own for every case, so that no live answer for an earlier case can be taken for this one. */
function nextWeek(): string {
  weeks += 1;
  return addDays('2031-01-06', 70 * weeks);
}

function mealsOf(value: Case, weekStart: string): Meal[] {
  const size = value.household?.length ?? 0;
  return value.meals.map((meal, index) => {
    const eaters = value.household && meal.eaters ? meal.eaters.filter((at) => at < size).map((at) => `p${at}`) : undefined;
    const guests = value.household ? meal.guests : 0;
    return {
      // The ids a plan file's meals get when it is read: their place in the file.
      id: `m${index + 1}`,
      date: addDays(weekStart, meal.day),
      slot: meal.slot,
      recipe: meal.recipe === null ? null : `r${meal.recipe}`,
      food: meal.recipe === null ? meal.food : null,
      servings: meal.servings,
      leftoverOf: null,
      ...(eaters && (eaters.length > 0 || guests > 0) ? { eaters } : {}),
      ...(guests > 0 ? { guests } : {}),
    };
  });
}

/** The case's members, as the database and the plan file hold them. */
function membersOf(value: Case): Member[] {
  return (value.household ?? []).map((portion, at) => ({
    id: `p${at}`,
    name: `Member ${at}`,
    portion,
    fiberTarget: 20 + 5 * at,
    ageBand: portion < 1 ? '4-8' : '19-50',
    sex: 'unspecified',
    order: at + 1,
  }));
}

/** The week as the planner shows it: everything written to the database, the planner moved onto the week. */
async function appScore(value: Case, weekStart: string, meals: Meal[]): Promise<WeekScore> {
  await db.transaction('rw', db.meals, db.recipes, db.members, async () => {
    await db.meals.clear();
    await db.recipes.clear();
    await db.members.clear();
    await db.recipes.bulkPut(value.recipes);
    await db.meals.bulkPut(meals);
    await db.members.bulkPut(membersOf(value));
  });
  await settings.set('people', value.people);
  await settings.set('countColourVariants', value.countColourVariants);
  await settings.set('fiberPer1000kcal', value.fiberPer1000kcal);
  plan.goTo(weekStart);
  const inWeek = meals.filter((meal) => meal.date >= weekStart && meal.date <= addDays(weekStart, 6)).length;
  await vi.waitFor(
    () => {
      expect(settings.current).toMatchObject({ people: value.people, countColourVariants: value.countColourVariants, fiberPer1000kcal: value.fiberPer1000kcal });
      expect(plan.weekStart).toBe(weekStart);
      expect(plan.meals).toHaveLength(inWeek);
      expect(weekScore.ready).toBe(true);
      expect(weekScore.score.members.length).toBe(value.household?.length ?? value.people);
    },
    { timeout: 20_000, interval: 5 },
  );
  return JSON.parse(JSON.stringify(weekScore.score)) as WeekScore;
}

/** The same week through the command line: a plan file with every meal and recipe, and `score FILE`. */
async function cliScore(value: Case, weekStart: string, meals: Meal[]): Promise<WeekScore> {
  const file = path.join(folder, `week-${weekStart}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...(value.household
        ? { format: 'thirtyfold.plan/2', members: membersOf(value).map(({ order: _order, ...member }: Member) => member) }
        : { format: 'thirtyfold.plan/1', people: value.people }),
      weekStart,
      recipes: value.recipes.map((r) => ({ id: r.id, name: r.name, servings: r.servings, ingredients: lineTexts(r.ingredients), steps: r.steps })),
      meals: meals.map((m) => ({
        ...(m.recipe === null ? { date: m.date, slot: m.slot, food: m.food, servings: m.servings } : { date: m.date, slot: m.slot, recipe: m.recipe, servings: m.servings }),
        ...(m.eaters ? { eaters: m.eaters } : {}),
        ...(m.guests ? { guests: m.guests } : {}),
      })),
    }),
  );
  const args = [file, ...(value.countColourVariants ? ['--count-colours'] : []), ...(value.fiberPer1000kcal ? ['--fiber-per-1000-kcal'] : [])];
  const { mealsOutsideWeek: _outside, ...score } = (await scoreCommand(args, { stdin: () => '' })) as WeekScore & { mealsOutsideWeek: number };
  return JSON.parse(JSON.stringify(score)) as WeekScore;
}

/**
 * A plan file without any earlier meal does not say what was eaten before, so
 * the CLI marks nothing new or not new (null); the planner knows the database
 * holds nothing earlier and marks every plant new. Apart from that the two
 * must be the same.
 */
function withUnknownHistory(score: WeekScore): WeekScore {
  return {
    ...score,
    newPlants: null,
    plants: score.plants.map((plant) => ({ ...plant, isNew: null })),
    members: score.members.map((member) => ({ ...member, score: withUnknownHistory(member.score) })),
  };
}

describe('the app and the command line score a week alike', () => {
  beforeEach(async () => {
    await db.settings.clear();
  });

  it('count colour variants: a red pepper last week makes a green one this week not new', async () => {
    const value: Case = {
      people: 2,
      household: null,
      countColourVariants: true,
      fiberPer1000kcal: false,
      recipes: [],
      meals: [
        { day: -5, slot: 'dinner', recipe: null, food: '1 red pepper', servings: 1, eaters: null, guests: 0 },
        { day: 1, slot: 'dinner', recipe: null, food: '1 green pepper', servings: 1, eaters: null, guests: 0 },
      ],
    };
    const weekStart = nextWeek();
    const meals = mealsOf(value, weekStart);
    const app = await appScore(value, weekStart, meals);
    const cli = await cliScore(value, weekStart, meals);
    const pepper = app.plants.find((plant) => plant.crop === 'bell-pepper');
    expect(pepper).toMatchObject({ id: 'bell-pepper-green', key: 'bell-pepper|green', isNew: false });
    expect(app.newPlants).toBe(0);
    expect(app).toEqual(cli);
  });

  it('gives identical scores for random libraries and weeks', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (value) => {
        await db.settings.clear();
        const weekStart = nextWeek();
        const meals = mealsOf(value, weekStart);
        const app = await appScore(value, weekStart, meals);
        const cli = await cliScore(value, weekStart, meals);
        const hasHistory = meals.some((meal) => meal.date < weekStart);
        if (hasHistory) expect(app).toEqual(cli);
        else {
          expect(cli.newPlants).toBeNull();
          expect(app.newPlants).toBe(app.plantCount);
          expect(withUnknownHistory(app)).toEqual(cli);
        }
      }),
      { numRuns: 100 },
    );
  });
});
