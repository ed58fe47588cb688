import { describe, expect, it } from 'vitest';
import { fixtureLookup } from '../../../tests/fixtures/scoring/foods';
import { recipe, tableParser } from '../../../tests/fixtures/scoring/lines';
import { mealPortions } from '../members';
import { resolveMeals } from '../plan/resolve';
import { buildShoppingList } from '../shopping/build';
import { AISLES, type Meal, type Member } from '../types';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { scoreWeek } from './score-week';
import { scoreWeekMeals } from './week';

const parse = tableParser({
  '100 g kale': { food: 'kale', grams: 100 },
  '100 g chickpeas': { food: 'chickpeas', grams: 100 },
  '100 g lentils': { food: 'lentils', grams: 100 },
  '100 g carrot': { food: 'carrot', grams: 100 },
  '175 g kefir': { food: 'kefir', grams: 175 },
  '100 g blueberries': { food: 'blueberries', grams: 100 },
});

// Each recipe serves one, so a serving's figures read straight off its lines (fiber per 100 g: kale 4, chickpeas 8, lentils 8, carrot 3, blueberries 2).
const lunch = recipe('salad', 1, ['100 g kale', '100 g chickpeas']); // 4 + 8 = 12 g fiber a serving
const dinner = recipe('stew', 1, ['100 g lentils', '100 g carrot']); // 8 + 3 = 11 g fiber a serving
const breakfast = recipe('bowl', 1, ['175 g kefir', '100 g blueberries']); // 2 g fiber and 1 fermented serving (kefir: 175 g a serving)
const recipes = new Map([lunch, dinner, breakfast].map((r) => [r.id, r]));

const ana: Member = { id: 'ana', name: 'Ana', portion: 1, fiberTarget: 25, ageBand: '19-50', sex: 'female', order: 1 };
const ben: Member = { id: 'ben', name: 'Ben', portion: 1, fiberTarget: 38, ageBand: '19-50', sex: 'male', order: 2 };
const cleo: Member = { id: 'cleo', name: 'Cleo', portion: 0.5, fiberTarget: 20, ageBand: '4-8', sex: 'unspecified', order: 3 };
const members = [ana, ben, cleo];

const WEEK = '2026-11-23'; // Monday; the week runs to Sunday 29.
const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

/** A meal whose servings are the portions of those at it, as the planner plans it. */
function meal(id: string, date: string, slot: string, recipeId: string, eating: Pick<Meal, 'eaters' | 'guests'> = {}): Meal {
  const base = { id, date, slot, recipe: recipeId, food: null, ...eating };
  return { ...base, servings: mealPortions(base, members) };
}

// Ben is away at weekday lunches: Ana and Cleo eat them (1 + 0.5 = 1.5 portions).
// Everyone eats every dinner (1 + 1 + 0.5 = 2.5 portions); Saturday's dinner has a guest (3.5 portions).
// Everyone eats Saturday's breakfast (2.5 portions).
const meals: Meal[] = [
  ...days.slice(0, 5).map((date, i) => meal(`lunch${i}`, date, 'lunch', 'salad', { eaters: ['ana', 'cleo'] })),
  ...days.map((date, i) => meal(`dinner${i}`, date, 'dinner', 'stew', date === '2026-11-28' ? { guests: 1 } : {})),
  meal('breakfast', '2026-11-28', 'breakfast', 'bowl'),
];

describe('a household of two adults and a child at half a portion, one adult away at weekday lunches', () => {
  const { score } = scoreWeekMeals({ weekStart: WEEK, meals, recipes }, { parse, foods: fixtureLookup, members, settings: DEFAULT_SCORING_SETTINGS });
  const byName = Object.fromEntries(score.members.map((m) => [m.name, m]));

  it('plans each meal for the portions at it', () => {
    expect(meals.filter((m) => m.slot === 'lunch').map((m) => m.servings)).toEqual([1.5, 1.5, 1.5, 1.5, 1.5]);
    expect(meals.filter((m) => m.slot === 'dinner').map((m) => m.servings)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5, 3.5, 2.5]);
    expect(score.portions).toBe(2.5);
    expect(score.people).toBe(3);
  });

  it('Ana: every meal, a full portion', () => {
    // Fiber: 5 lunches × 12 g + 7 dinners × 11 g (her share of Saturday's is 1 of 3.5 portions: 1 serving) + breakfast 2 g
    //        = 60 + 77 + 2 = 139 g over 7 days = 19.857… → 19.9 g a day, against her own 25 g
    //        (lower threshold 25 × 25/30 = 20.8 g): below.
    // Plants: kale, chickpeas, lentils, carrot, blueberries = 5 points. Fermented: 175 g kefir = 1 serving.
    const { score: own, meals: eaten, fiberTarget } = byName.Ana;
    expect(eaten).toBe(13);
    expect(fiberTarget).toBe(25);
    expect(own.fiber.gramsPerDay).toBe(19.9);
    expect(own.fiber.gramsPerDayRaw).toBeCloseTo(139 / 7, 10);
    expect(own.fiber.target).toBe(25);
    expect(own.fiber.lower).toBe(20.8);
    expect(own.fiber.status).toBe('below');
    expect(own.plantPoints).toBe(5);
    expect(own.fermented.servings).toBe(1);
    // Monday: lunch 12 + dinner 11 = 23 g; Saturday: dinner 11 + breakfast 2 = 13 g; Sunday: dinner 11 g.
    expect(own.fiber.byDay.map((d) => d.grams)).toEqual([23, 23, 23, 23, 23, 13, 11]);
  });

  it('Ben: no weekday lunch, so neither kale nor chickpeas count for him', () => {
    // Fiber: 7 dinners × 11 g + breakfast 2 g = 79 g / 7 = 11.286 → 11.3 g a day, against 38 g.
    // Plants: lentils, carrot, blueberries = 3. Fermented: 1 serving.
    const { score: own, meals: eaten } = byName.Ben;
    expect(eaten).toBe(8);
    expect(own.fiber.gramsPerDay).toBe(11.3);
    expect(own.fiber.target).toBe(38);
    expect(own.plantPoints).toBe(3);
    expect(own.plants.map((p) => p.id).sort()).toEqual(['blueberries', 'carrot', 'lentils']);
    expect(own.fermented.servings).toBe(1);
    expect(own.fiber.byDay.map((d) => d.grams)).toEqual([11, 11, 11, 11, 11, 13, 11]);
  });

  it('Cleo: half a portion of every meal', () => {
    // Lunch: 0.5 of the meal's 1.5 portions = half a serving, 6 g × 5 = 30 g; dinners 5.5 g × 7 = 38.5 g;
    // breakfast 1 g. Total 69.5 g / 7 = 9.929 → 9.9 g a day, against 20 g.
    // Plants: 5 (a plant counts whatever the portion). Fermented: 87.5 g kefir = 0.5 servings.
    const { score: own } = byName.Cleo;
    expect(own.fiber.gramsPerDay).toBe(9.9);
    expect(own.fiber.gramsPerDayRaw).toBeCloseTo(69.5 / 7, 10);
    expect(own.fiber.target).toBe(20);
    expect(own.plantPoints).toBe(5);
    expect(own.fermented.servings).toBe(0.5);
  });

  it('the household: what its members ate, per full portion (the guest left out)', () => {
    // Members' fiber together: 139 + 79 + 69.5 = 287.5 g ÷ 2.5 portions = 115 g over 7 days = 16.43 → 16.4 g a day.
    // The same from the meals: lunches 18 g × 1.5/1.5 ÷ 2.5 = 7.2 g × 5 = 36; dinners 27.5 g ÷ 2.5 = 11 g × 6 = 66;
    // Saturday's dinner 38.5 g × 2.5/3.5 ÷ 2.5 = 11 g; breakfast 5 g ÷ 2.5 = 2 g: 36 + 66 + 11 + 2 = 115 g.
    // Plants: anyone's, 5. Fermented: 437.5 g kefir ÷ 2.5 = 175 g = 1 serving.
    expect(score.fiber.gramsPerDayRaw).toBeCloseTo(115 / 7, 10);
    expect(score.fiber.gramsPerDay).toBe(16.4);
    expect(score.fiber.target).toBe(30);
    expect(score.plantPoints).toBe(5);
    expect(score.fermented.servings).toBe(1);
  });

  it('buys for the portions eaten: 7.5 lunch portions of kale, not 12.5', () => {
    // Kale: 5 lunches × 1.5 portions × 100 g = 750 g. Lentils: (6 × 2.5 + 3.5) = 18.5 dinner portions × 100 g = 1850 g.
    const list = buildShoppingList({ lines: resolveMeals(meals, recipes, parse, fixtureLookup) }, fixtureLookup, parse, { aisleOrder: [...AISLES], units: 'metric' });
    const items = [...list.aisles.flatMap((a) => a.items), ...list.pantry];
    expect(items.find((i) => i.food === 'kale')?.grams).toBe(750);
    expect(items.find((i) => i.food === 'lentils')?.grams).toBe(1850);
  });

  it('without members, `people` adults at every meal score as before', () => {
    const everyone = meals.map(({ eaters: _eaters, guests: _guests, ...rest }) => ({ ...rest, servings: 2 }));
    const old = scoreWeekMeals({ weekStart: WEEK, meals: everyone, recipes }, { parse, foods: fixtureLookup, people: 2 }).score;
    // Each of the 2 eats 1 serving of every meal: 5 × 12 + 7 × 11 + 2 = 139 g a week.
    expect(old.fiber.gramsPerDayRaw).toBeCloseTo(139 / 7, 10);
    expect(old.members.map((m) => [m.name, m.score.fiber.gramsPerDay])).toEqual([
      ['Person 1', 19.9],
      ['Person 2', 19.9],
    ]);
  });
});

describe('members who eat alike share one scoring, each against their own fiber target', () => {
  // Two adults at every meal: each eats a full serving of every meal, the household's own share.
  const together = meals.filter((m) => m.slot !== 'lunch').map(({ eaters: _eaters, guests: _guests, ...rest }) => ({ ...rest, servings: 2 }));
  const pair = [ana, ben];

  it('each gets the figures a scoring of their own lines would give, read against their own target', () => {
    const { score, lines } = scoreWeekMeals({ weekStart: WEEK, meals: together, recipes }, { parse, foods: fixtureLookup, members: pair });
    // Dinners 7 × 11 g + breakfast 2 g = 79 g ÷ 7 = 11.3 g a day for each; Ana against 25 g, Ben against 38 g.
    for (const [member, target, lower] of [
      [ana, 25, 20.8],
      [ben, 38, 31.7],
    ] as const) {
      const own = score.members.find((m) => m.id === member.id)!.score;
      const alone = scoreWeek(
        { lines, people: 1, share: () => 0.5, weekDates: days },
        fixtureLookup,
        { ...DEFAULT_SCORING_SETTINGS, fiberTarget: target, fiberLower: (target * DEFAULT_SCORING_SETTINGS.fiberLower) / DEFAULT_SCORING_SETTINGS.fiberTarget },
      );
      expect(own).toEqual({ ...alone, portions: 1 });
      expect(own.fiber).toMatchObject({ gramsPerDay: 11.3, target, lower, status: 'below' });
    }
    expect(score.fiber).toMatchObject({ gramsPerDay: 11.3, target: 30, lower: 25 });
  });

  it('scaled to 14 g per 1000 kcal, every member reads the same target from the kcal eaten', () => {
    const settings = { ...DEFAULT_SCORING_SETTINGS, fiberPer1000kcal: true };
    const { score } = scoreWeekMeals({ weekStart: WEEK, meals: together, recipes }, { parse, foods: fixtureLookup, members: pair, settings });
    const [a, b] = score.members.map((m) => m.score.fiber);
    expect(a.basis).toBe('per-1000-kcal');
    expect(a.kcalPerDay).toBeGreaterThan(0);
    expect(a.target).toBeCloseTo((a.kcalPerDayRaw * 14) / 1000, 1);
    expect(b.target).toBe(a.target);
    expect(score.fiber.target).toBe(a.target);
  });
});
