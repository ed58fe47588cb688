import { describe, expect, it } from 'vitest';
import { weekDates } from '../dates';
import { fixtureLookup } from '../../../tests/fixtures/scoring/foods';
import { eatenLines, foodMeal, recipe, recipeMeal, type LineReading } from '../../../tests/fixtures/scoring/lines';
import { isCooked } from './cooked';
import { scoreWeek } from './score-week';
import { DEFAULT_SCORING_SETTINGS } from './settings';
import { fixtureFood } from '../../../tests/fixtures/scoring/foods';

const WEEK = weekDates('2026-11-23');

/** The identity-trap week of the fixture foods, 2 people. */
function trapWeek() {
  const table: Record<string, LineReading> = {
    '1 red pepper': { food: 'bell-pepper-red', grams: 120 },
    '1 green pepper': { food: 'bell-pepper-green', grams: 120 },
    '2 cups cooked white rice': { food: 'rice-white', grams: 400 },
    '1 cup cooked brown rice': { food: 'rice-brown', grams: 200 },
    '1/2 cup kimchi': { food: 'kimchi', grams: 140 },
    '2 cloves garlic': { food: 'garlic', grams: 6 },
    'parsley, to garnish (optional)': { food: 'parsley', grams: 5, optional: true },
    '100 g kale': { food: 'kale', grams: 100 },
    '200 g broccoli': { food: 'broccoli', grams: 200 },
    '200 g cabbage': { food: 'cabbage', grams: 200 },
    '100 g wholemeal flour': { food: 'flour-wholemeal', grams: 100 },
    '100 g wheat berries': { food: 'wheat-berries', grams: 100 },
    '50 g white flour': { food: 'flour-white', grams: 50 },
    '2 tsp paprika': { food: 'paprika', grams: 4 },
    '1 tbsp chopped basil': { food: 'basil', grams: 4 },
    'salt to taste': { food: 'salt', grams: null },
    '2 tbsp white miso': { food: 'miso', grams: 34 },
    '100 g mushrooms': { food: 'mushroom', grams: 100 },
    '1 slice sourdough': { food: 'sourdough-bread', grams: 50 },
    '1 glass kefir': { food: 'kefir', grams: 250 },
    'kimchi on the side': { food: 'kimchi', grams: 70 },
  };
  const recipes = [
    recipe(
      'stir-fry',
      4,
      ['1 red pepper', '1 green pepper', '2 cups cooked white rice', '1 cup cooked brown rice', '1/2 cup kimchi', '2 cloves garlic', 'parsley, to garnish (optional)'],
      ['Fry the kimchi with the rice for 3 minutes.', 'Serve.'],
      'Kimchi fried rice',
    ),
    recipe('greens', 2, ['100 g kale', '200 g broccoli', '200 g cabbage', '100 g wholemeal flour', '100 g wheat berries', '50 g white flour', '2 tsp paprika', '1 tbsp chopped basil', 'salt to taste']),
    recipe('soup', 2, ['2 tbsp white miso', '100 g mushrooms'], ['Bring the stock to the boil.', 'Stir in the miso and simmer for 2 minutes.']),
  ];
  const meals = [
    recipeMeal('m1', '2026-11-23', 'dinner', 'stir-fry', 2),
    recipeMeal('m2', '2026-11-24', 'dinner', 'greens', 2),
    foodMeal('m3', '2026-11-25', 'breakfast', '1 slice sourdough', 2),
    foodMeal('m4', '2026-11-25', 'breakfast', '1 glass kefir', 2),
    recipeMeal('m5', '2026-11-26', 'lunch', 'soup', 2),
    foodMeal('m6', '2026-11-26', 'dinner', 'kimchi on the side', 2),
    foodMeal('m7', '2026-11-27', 'snack', '1 handful of glorp', 2),
  ];
  return eatenLines(meals, recipes, table);
}

describe('scoreWeek on the identity-trap week (fixture foods, 2 people)', () => {
  const score = scoreWeek({ lines: trapWeek(), people: 2, weekDates: WEEK }, fixtureLookup);

  it('collapses colours, forms and keeps brassica crops apart', () => {
    // bell pepper 1 (red + green once), rice 1 (white 0, brown 1), napa cabbage 1 (kimchi),
    // garlic 0.25, kale 1, broccoli 1, cabbage 1, wheat 1 (wholemeal, berries; white flour
    // and sourdough 0), paprika 0.25 (own crop beside the pepper), basil 0.25, soy 1 (miso),
    // mushroom 1; parsley is an optional garnish: 9 + 0.75 = 9.75 over 12 crops.
    expect(score.plantPoints).toBe(9.75);
    expect(score.plantCount).toBe(12);
    const byCrop = new Map(score.plants.map((p) => [p.crop, p]));
    expect(byCrop.get('capsicum-annuum-bell')).toMatchObject({ points: 1, foods: ['bell-pepper-green', 'bell-pepper-red'], colours: ['red', 'green'] });
    expect(byCrop.get('oryza-sativa')).toMatchObject({ id: 'rice-brown', points: 1, foods: ['rice-brown', 'rice-white'] });
    expect(byCrop.get('triticum-aestivum')).toMatchObject({ id: 'flour-wholemeal', points: 1 });
    expect(byCrop.get('triticum-aestivum')?.foods).toEqual(['flour-white', 'flour-wholemeal', 'sourdough-bread', 'wheat-berries']);
    expect(byCrop.get('capsicum-annuum-paprika')?.points).toBe(0.25);
    expect(byCrop.get('allium-sativum')?.points).toBe(0.25);
    expect(byCrop.has('petroselinum-crispum')).toBe(false);
    expect(byCrop.get('brassica-rapa-napa')?.meals).toEqual([
      { id: 'm1', date: '2026-11-23', slot: 'dinner' },
      { id: 'm6', date: '2026-11-26', slot: 'dinner' },
    ]);
    expect(score.newPlants).toBeNull();
  });

  it('counts colour variants separately when asked', () => {
    const separate = scoreWeek({ lines: trapWeek(), people: 2, weekDates: WEEK }, fixtureLookup, {
      ...DEFAULT_SCORING_SETTINGS,
      countColourVariants: true,
    });
    // Only the pepper has two colours eaten: 9.75 + 1.
    expect(separate.plantPoints).toBe(10.75);
    expect(separate.plants.filter((p) => p.crop === 'capsicum-annuum-bell').map((p) => p.key).sort()).toEqual([
      'capsicum-annuum-bell|green',
      'capsicum-annuum-bell|red',
    ]);
  });

  it('computes fiber per person per day with per-day bars and planned slots', () => {
    // Mon (stir-fry, scale 0.5): peppers 60 g ×2 % ×2, brown rice 100 g ×2 %, kimchi 70 g ×2 %,
    //   garlic 3 g ×2 % = 1.2+1.2+2+1.4+0.06 = 5.86 g ÷ 2 people = 2.93
    // Tue (greens, scale 1): kale 4 + broccoli 6 + cabbage 4 + wholemeal 10 + berries 10
    //   + white flour 1.5 + paprika 1.2 + basil 0.08 = 36.78 ÷ 2 = 18.39 (salt has no grams)
    // Wed: sourdough 100 g × 3 % = 3 ÷ 2 = 1.5; kefir 0
    // Thu: miso 34 g × 5 % = 1.7, mushrooms 1, kimchi 140 g × 2 % = 2.8 → 5.5 ÷ 2 = 2.75
    // Week 25.57 ÷ 7 = 3.653
    expect(score.fiber.gramsPerDayRaw).toBeCloseTo(25.57 / 7, 9);
    expect(score.fiber.gramsPerDay).toBe(3.7);
    expect(score.fiber.byDay.map((d) => d.grams)).toEqual([2.9, 18.4, 1.5, 2.8, 0, 0, 0]);
    expect(score.fiber.byDay[0].gramsRaw).toBeCloseTo(2.93, 9);
    expect(score.fiber.byDay.map((d) => d.slots)).toEqual([['dinner'], ['dinner'], ['breakfast'], ['lunch', 'dinner'], ['snack'], [], []]);
    expect(score.fiber).toMatchObject({ target: 30, lower: 25, basis: 'grams', status: 'below' });
    expect(score.fiber.unknownFiber).toEqual([]);
  });

  it('counts only live, uncooked fermented foods', () => {
    // kimchi on the side: 140 g ÷ 2 = 70 g ÷ 35 g = 2 servings; kefir 500 g ÷ 2 = 250 g ÷ 175 g = 1.4286.
    // Kimchi in the stir-fry is fried and the miso simmered: cooked, not live. Sourdough is never live.
    expect(score.fermented.servingsRaw).toBeCloseTo(2 + 250 / 175, 9);
    expect(score.fermented.servings).toBe(3.4);
    expect(score.fermented.foods).toEqual([
      { id: 'kefir', name: 'Kefir', grams: 250, servings: 1.43, servingsRaw: 250 / 175 },
      { id: 'kimchi', name: 'Kimchi', grams: 70, servings: 2, servingsRaw: 2 },
    ]);
    expect(score.fermented.notLive).toEqual([
      { id: 'kimchi', name: 'Kimchi', reason: 'cooked', grams: 35 },
      { id: 'miso', name: 'Miso', reason: 'cooked', grams: 17 },
      { id: 'sourdough-bread', name: 'Sourdough bread', reason: 'not-live', grams: 50 },
    ]);
    expect(score.fermented.studyLevelReached).toBe(false);
  });

  it('fills the badges', () => {
    // Fruit and vegetables: peppers red + green, kimchi red, garlic white/tan, kale/broccoli/cabbage green.
    expect(score.rainbow).toEqual({ count: 3, of: 5, colours: ['red', 'green', 'white/tan'], missing: ['orange/yellow', 'blue/purple'] });
    expect(score.prebiotic.count).toBe(5);
    expect(score.prebiotic.classes.inulin.map((f) => f.id)).toEqual(['flour-wholemeal', 'garlic', 'wheat-berries']);
    expect(score.prebiotic.classes['resistant-starch'].map((f) => f.id)).toEqual(['rice-brown', 'rice-white']);
    expect(score.prebiotic.fodmapNote).toBe(false);
    expect(score.families.names).toEqual(['Agaricaceae', 'Amaryllidaceae', 'Brassicaceae', 'Fabaceae', 'Lamiaceae', 'Poaceae', 'Solanaceae']);
    // Grams per person: Mon 493/2, Tue 758/2, Wed 600/2, Thu 274/2 = 1062.5; refined: white rice 100,
    // white flour 25, sourdough 50 = 175 → 16.5 %.
    expect(score.processed.totalGrams).toBe(1062.5);
    expect(score.processed.refinedGrams).toBe(175);
    expect(score.processed.share).toBe(0.165);
  });

  it('lists what could not be counted, and the optional lines', () => {
    expect(score.unmatched.map((u) => [u.text, u.reason, u.meal.id, u.recipe?.id ?? null])).toEqual([
      ['salt to taste', 'unknown-grams', 'm2', 'greens'],
      ['1 handful of glorp', 'unmatched', 'm7', null],
    ]);
    expect(score.optional.map((u) => u.text)).toEqual(['parsley, to garnish (optional)']);
  });

  it('marks plants new against the previous four weeks', () => {
    const withHistory = scoreWeek(
      { lines: trapWeek(), people: 2, weekDates: WEEK, previousCrops: new Set(['brassica-oleracea-kale', 'oryza-sativa']) },
      fixtureLookup,
    );
    expect(withHistory.newPlants).toBe(10);
    expect(withHistory.plants.find((p) => p.crop === 'brassica-oleracea-kale')?.isNew).toBe(false);
    expect(withHistory.plants.find((p) => p.crop === 'allium-sativum')?.isNew).toBe(true);
    // A crop eaten earlier is not new in another colour, even while colour variants count apart.
    const byColour = scoreWeek(
      { lines: trapWeek(), people: 2, weekDates: WEEK, previousCrops: new Set(['capsicum-annuum-bell']) },
      fixtureLookup,
      { ...DEFAULT_SCORING_SETTINGS, countColourVariants: true },
    );
    expect(byColour.plants.filter((p) => p.crop === 'capsicum-annuum-bell').map((p) => [p.key, p.isNew])).toEqual([
      ['capsicum-annuum-bell|green', false],
      ['capsicum-annuum-bell|red', false],
    ]);
  });
});

describe('scoreWeek rules', () => {
  it('expands composites into crops but uses the composite fiber value', () => {
    const lines = eatenLines([foodMeal('m1', '2026-11-23', 'lunch', '200 g hummus', 1)], [], {
      '200 g hummus': { food: 'hummus', grams: 200 },
    });
    const score = scoreWeek({ lines, people: 1, weekDates: WEEK }, fixtureLookup);
    // chickpeas 1, tahini 1, lemon 1, garlic 0.25, extra-virgin olive oil 0.25.
    expect(score.plantPoints).toBe(3.5);
    expect(score.plants.map((p) => p.id).sort()).toEqual(['chickpeas', 'garlic', 'lemon', 'olive-oil-extra-virgin', 'tahini']);
    // 200 g × 6 % = 12 g on one day ÷ 7.
    expect(score.fiber.gramsPerDayRaw).toBeCloseTo(12 / 7, 9);
    expect(score.prebiotic.fodmapNote).toBe(true);
  });

  it('ignores lines outside the week and meals of zero servings', () => {
    const lines = eatenLines(
      [foodMeal('m1', '2026-11-30', 'lunch', 'kale', 1), foodMeal('m2', '2026-11-24', 'lunch', 'kale', 0)],
      [],
      { kale: { food: 'kale', grams: 100 } },
    );
    const score = scoreWeek({ lines, people: 1, weekDates: WEEK }, fixtureLookup);
    expect(score.plantPoints).toBe(0);
    expect(score.fiber.gramsPerDayRaw).toBe(0);
    expect(score.fiber.byDay[1].slots).toEqual(['lunch']);
  });

  it('scales the fiber target to 14 g per 1000 kcal when asked', () => {
    // 700 g oats a week at 380 kcal/100 g = 2660 kcal ÷ 7 = 380 kcal/day → target 5.32 g, lower 5.32 × 25/30.
    const lines = eatenLines([foodMeal('m1', '2026-11-23', 'breakfast', 'oats', 1)], [], { oats: { food: 'oats', grams: 700 } });
    const score = scoreWeek({ lines, people: 1, weekDates: WEEK }, fixtureLookup, { ...DEFAULT_SCORING_SETTINGS, fiberPer1000kcal: true });
    expect(score.fiber.kcalPerDay).toBe(380);
    expect(score.fiber.target).toBe(5.3);
    expect(score.fiber.lower).toBe(4.4);
    expect(score.fiber.basis).toBe('per-1000-kcal');
    // 70 g fiber ÷ 7 = 10 g/day, above the scaled target.
    expect(score.fiber.status).toBe('target');
  });

  it('reports foods with unknown fiber and reaches the study-level badge', () => {
    const lines = eatenLines(
      [foodMeal('m1', '2026-11-23', 'snack', 'yogurt', 1), foodMeal('m2', '2026-11-23', 'snack', 'salt', 1)],
      [],
      { yogurt: { food: 'yogurt', grams: 42 * 175 }, salt: { food: 'salt', grams: 1 } },
    );
    const score = scoreWeek({ lines, people: 1, weekDates: WEEK }, fixtureLookup);
    expect(score.fermented.servings).toBe(42);
    expect(score.fermented.studyLevelReached).toBe(true);
    expect(score.fiber.unknownFiber).toEqual([{ id: 'salt', name: 'Salt' }]);
  });

  it('gives empty scores for an empty week', () => {
    const score = scoreWeek({ lines: [], people: 3, weekDates: WEEK }, fixtureLookup);
    expect(score).toMatchObject({ plantPoints: 0, plantCount: 0, plants: [], unmatched: [], days: 7, people: 3 });
    expect(score.fiber.byDay).toHaveLength(7);
    expect(score.rainbow.count).toBe(0);
    expect(score.processed.share).toBe(0);
  });
});

describe('isCooked', () => {
  const kimchi = fixtureFood('kimchi');
  const miso = fixtureFood('miso');
  const r = (steps: string[]) => recipe('r', 1, [], steps);

  it('reads the line text', () => {
    expect(isCooked('1 cup cooked kimchi', kimchi, null)).toBe(true);
    expect(isCooked('1 cup kimchi, chopped', kimchi, null)).toBe(false);
  });

  it('reads step sentences naming the food with a cooking word', () => {
    expect(isCooked('2 tbsp white miso', miso, r(['Whisk in the miso paste and simmer gently.']))).toBe(true);
    expect(isCooked('1/2 cup kimchi', kimchi, r(['Stir-fry the kimchi in oil.']))).toBe(true);
    expect(isCooked('1/2 cup kimchi', kimchi, r(['Sauté the onion. Top with kimchi to serve.']))).toBe(false);
    expect(isCooked('2 tbsp miso', miso, r(['Roast the squash.', 'Mix miso into the dressing.']))).toBe(false);
    expect(isCooked('2 tbsp miso', miso, r(['Bake the misoyaki cod.']))).toBe(false);
  });
});
