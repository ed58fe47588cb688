import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekDates } from '../dates';
import type { Meal, Recipe } from '../types';
import { FIXTURE_FOODS, fixtureLookup } from '../../../tests/fixtures/scoring/foods';
import { eatenLines, recipe, type LineReading } from '../../../tests/fixtures/scoring/lines';
import { expandFood } from './expand';
import { scoreWeek } from './score-week';
import { DEFAULT_SCORING_SETTINGS } from './settings';

const WEEK = weekDates('2026-11-23');
const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'];
const FOOD_IDS = FIXTURE_FOODS.map((f) => f.id);

interface ItemSpec {
  food: string;
  grams: number;
  optional: boolean;
}
interface MealSpec {
  day: number;
  slot: string;
  asRecipe: boolean;
  recipeServings: number;
  servings: number;
  items: ItemSpec[];
}

const mealArb: fc.Arbitrary<MealSpec> = fc.record({
  day: fc.integer({ min: 0, max: 6 }),
  slot: fc.constantFrom(...SLOTS),
  asRecipe: fc.boolean(),
  recipeServings: fc.integer({ min: 1, max: 6 }),
  servings: fc.integer({ min: 1, max: 6 }),
  items: fc.array(
    fc.record({ food: fc.constantFrom(...FOOD_IDS), grams: fc.integer({ min: 1, max: 500 }), optional: fc.boolean() }).map(
      (item) => ({ ...item, optional: item.optional && item.grams % 7 === 0 }),
    ),
    { minLength: 1, maxLength: 6 },
  ),
});
const weekArb = fc.array(mealArb, { minLength: 0, maxLength: 12 });
const peopleArb = fc.integer({ min: 1, max: 4 });

/** Builds meals, recipes and the line table of a spec; every meal and recipe id is fixed by position. */
function build(specs: readonly MealSpec[], servingsFactor = 1) {
  const meals: Meal[] = [];
  const recipes: Recipe[] = [];
  const table: Record<string, LineReading> = {};
  specs.forEach((spec, i) => {
    const texts = spec.items.map((item, j) => {
      const text = `${item.grams} g ${item.food} #${i}.${j}`;
      table[text] = { food: item.food, grams: item.grams, optional: item.optional };
      return text;
    });
    const date = WEEK[spec.day];
    if (spec.asRecipe) {
      recipes.push(recipe(`r${i}`, spec.recipeServings, texts));
      meals.push({ id: `m${i}`, date, slot: spec.slot, recipe: `r${i}`, food: null, servings: spec.servings * servingsFactor });
    } else {
      meals.push({ id: `m${i}`, date, slot: spec.slot, recipe: null, food: texts[0], servings: spec.servings * servingsFactor });
    }
  });
  return eatenLines(meals, recipes, table);
}

function score(specs: readonly MealSpec[], people = 2, servingsFactor = 1, countColourVariants = false) {
  return scoreWeek({ lines: build(specs, servingsFactor), people, weekDates: WEEK }, fixtureLookup, {
    ...DEFAULT_SCORING_SETTINGS,
    countColourVariants,
  });
}

/** The items a spec really eats (a food meal eats only its first line). */
function eatenItems(spec: MealSpec): ItemSpec[] {
  return (spec.asRecipe ? spec.items : spec.items.slice(0, 1)).filter((item) => !item.optional);
}

describe('scoreWeek properties', () => {
  it('adding a meal never lowers plant points', () => {
    fc.assert(
      fc.property(weekArb, mealArb, peopleArb, (specs, extra, people) => {
        expect(score([...specs, extra], people).plantPoints).toBeGreaterThanOrEqual(score(specs, people).plantPoints);
      }),
    );
  });

  it('repeating a meal or a crop never raises plant points', () => {
    fc.assert(
      fc.property(weekArb.filter((s) => s.length > 0), fc.nat(), fc.integer({ min: 0, max: 6 }), (specs, pick, day) => {
        const base = score(specs).plantPoints;
        const again = { ...specs[pick % specs.length], day };
        expect(score([...specs, again]).plantPoints).toBe(base);
        expect(score([...specs, again], 2, 1, true).plantPoints).toBe(score(specs, 2, 1, true).plantPoints);
      }),
    );
  });

  it('eating another form of a planned crop that weighs no more never raises plant points', () => {
    fc.assert(
      fc.property(weekArb, fc.nat(), fc.integer({ min: 1, max: 300 }), (specs, pick, grams) => {
        const base = score(specs);
        const forms = base.plants.flatMap((plant) =>
          FIXTURE_FOODS.filter((f) => f.crop === plant.crop && f.components.length === 0 && f.weight <= plant.points),
        );
        fc.pre(forms.length > 0);
        const form = forms[pick % forms.length];
        const extra: MealSpec = { day: 3, slot: 'snack', asRecipe: false, recipeServings: 1, servings: 1, items: [{ food: form.id, grams, optional: false }] };
        expect(score([...specs, extra]).plantPoints).toBe(base.plantPoints);
      }),
    );
  });

  it('scaling every serving by k scales fiber by k and leaves plant points unchanged', () => {
    fc.assert(
      fc.property(weekArb, fc.constantFrom(0.5, 1.5, 2, 3, 10), peopleArb, (specs, k, people) => {
        const one = score(specs, people);
        const scaled = score(specs, people, k);
        expect(scaled.plantPoints).toBe(one.plantPoints);
        expect(scaled.fiber.gramsPerDayRaw).toBeCloseTo(one.fiber.gramsPerDayRaw * k, 6);
        expect(scaled.fermented.servingsRaw).toBeCloseTo(one.fermented.servingsRaw * k, 6);
        scaled.fiber.byDay.forEach((day, i) => expect(day.gramsRaw).toBeCloseTo(one.fiber.byDay[i].gramsRaw * k, 6));
      }),
    );
  });

  it('removing a crop lowers points by exactly its weight when nothing else supplies it', () => {
    fc.assert(
      fc.property(weekArb, fc.nat(), (specs, pick) => {
        const eaten = specs.flatMap(eatenItems).map((item) => fixtureLookup(item.food)!);
        const fromComposites = new Set(
          eaten.filter((f) => f.components.length > 0).flatMap((f) => expandFood(f, fixtureLookup).map((p) => p.crop)),
        );
        const candidates = [...new Set(eaten.filter((f) => f.components.length === 0 && f.crop !== null).map((f) => f.crop!))]
          .filter((crop) => !fromComposites.has(crop))
          .sort();
        fc.pre(candidates.length > 0);
        const crop = candidates[pick % candidates.length];
        const weight = Math.max(...eaten.filter((f) => f.crop === crop && f.components.length === 0).map((f) => f.weight));
        const without = specs
          .map((spec) => ({ ...spec, items: eatenItems(spec).filter((item) => fixtureLookup(item.food)!.crop !== crop) }))
          .filter((spec) => spec.items.length > 0);
        expect(score(specs).plantPoints - score(without).plantPoints).toBe(weight);
      }),
    );
  });

  it('meal and line order do not change the output', () => {
    fc.assert(
      fc.property(weekArb, peopleArb, fc.boolean(), (specs, people, colours) => {
        const lines = build(specs);
        const settings = { ...DEFAULT_SCORING_SETTINGS, countColourVariants: colours };
        const base = scoreWeek({ lines, people, weekDates: WEEK }, fixtureLookup, settings);
        const shuffled = fc.sample(fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }), { numRuns: 1, seed: specs.length })[0];
        expect(scoreWeek({ lines: shuffled, people, weekDates: WEEK }, fixtureLookup, settings)).toEqual(base);
        expect(scoreWeek({ lines: [...lines].reverse(), people, weekDates: WEEK }, fixtureLookup, settings)).toEqual(base);
      }),
    );
  });

  it('counting colour variants separately never lowers plant points', () => {
    fc.assert(
      fc.property(weekArb, (specs) => {
        expect(score(specs, 2, 1, true).plantPoints).toBeGreaterThanOrEqual(score(specs).plantPoints);
      }),
    );
  });
});
