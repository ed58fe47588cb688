import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngredientParser } from '../../../src/core/ingredients/index';
import { readPlanFile } from '../../../src/core/plan/plan-file';
import type { Food, ParsedLine } from '../../../src/core/types';
import { scorePlan } from '../../../src/core/scoring/plan';
import { DEFAULT_SCORING_SETTINGS } from '../../../src/core/scoring/settings';

/*
 * Hand-worked weeks scored through the real parser and the real catalog. Each
 * figure below is worked out from the catalog values of the foods the lines
 * match (grams the parser gives × fiber % of the catalog), per person.
 */

const ROOT = path.resolve(__dirname, '../../..');
const CATALOG = path.join(ROOT, 'resources/foods/catalog.json');
const FIXTURES = path.join(ROOT, 'tests/fixtures/scoring');
const hasCatalog = existsSync(CATALOG);
if (!hasCatalog) console.log(`scoring fixture weeks skipped: no catalog at ${CATALOG}`);

let catalog: { parse: (line: string) => ParsedLine; byId: Map<string, Food> } | null = null;

function scoreFixture(name: string, countColourVariants = false) {
  if (!catalog) {
    const foods = JSON.parse(readFileSync(CATALOG, 'utf8')) as Food[];
    catalog = { parse: createIngredientParser(foods), byId: new Map(foods.map((f) => [f.id, f])) };
  }
  const { parse, byId } = catalog;
  const plan = readPlanFile(readFileSync(path.join(FIXTURES, name), 'utf8'));
  return scorePlan(plan, parse, (id) => byId.get(id), { ...DEFAULT_SCORING_SETTINGS, countColourVariants });
}

describe.skipIf(!hasCatalog)('hand-worked weeks (real parser and catalog)', () => {
  it('identity traps week', () => {
    const s = scoreFixture('week-traps.json');
    // Plants: bell pepper 1 (red + green once), rice 1 (cooked white 0 + cooked brown 1),
    // napa cabbage 1 (kimchi), kale 1, broccoli 1, cabbage 1 (three Brassica oleracea crops),
    // wheat 1 (whole-wheat flour 1, wheat berries 1, plain flour 0, sourdough 0),
    // button mushroom 1, garlic 0.25, dried oregano 0.25, soybean 0.25 (miso);
    // parsley "to garnish (optional)" is left out. 8 + 0.75 = 8.75 over 11 crops.
    expect(s.plantPoints).toBe(8.75);
    expect(s.plantCount).toBe(11);
    const crops = Object.fromEntries(s.plants.map((p) => [p.crop, p]));
    expect(crops['rice']).toMatchObject({ id: 'brown-rice-cooked', points: 1 });
    expect(crops['wheat'].foods).toEqual(['flour', 'sourdough-bread', 'wheat-berries', 'whole-wheat-flour']);
    expect(crops['bell-pepper'].foods).toEqual(['bell-pepper-green', 'bell-pepper-red']);
    expect(crops['parsley']).toBeUndefined();
    // Two colours of pepper count twice when colour variants count separately.
    expect(scoreFixture('week-traps.json', true).plantPoints).toBe(9.75);

    // Fiber, people 2. Mon fried rice at 2 of 4 servings (scale 0.5): red pepper 59.5 g × 2.1 % = 1.2495,
    // green pepper 59.5 × 1.7 % = 1.0115, white rice 158 × 0.4 % = 0.632, brown rice 101 × 1.6 % = 1.616,
    // kimchi 37.5 × 1.6 % = 0.6, garlic 3 × 2.1 % = 0.063 → 5.172 ÷ 2 = 2.586.
    // Tue greens (scale 1): kale 100 × 3.6 % = 3.6, broccoli 200 × 2.6 % = 5.2, cabbage 200 × 2.5 % = 5,
    // whole-wheat flour 100 × 10.7 % = 10.7, wheat berries 100 × 12.2 % = 12.2, flour 50 × 2.7 % = 1.35,
    // oregano 1 × 42.5 % = 0.425 (salt has no grams) → 38.475 ÷ 2 = 19.2375.
    // Wed sourdough 200 g × 2.2 % = 4.4, kefir 0 → 2.2. Thu miso 34 × 5.4 % = 1.836, mushrooms 100 × 1 % = 1,
    // kimchi 140 × 1.6 % = 2.24 → 5.076 ÷ 2 = 2.538. Week 26.5615 ÷ 7 = 3.7945.
    expect(s.fiber.byDay.map((d) => d.gramsRaw)).toEqual([2.586, 19.2375, 2.2, 2.538, 0, 0, 0].map((g) => expect.closeTo(g, 9)));
    expect(s.fiber.gramsPerDayRaw).toBeCloseTo(26.5615 / 7, 9);
    expect(s.fiber.gramsPerDay).toBe(3.8);
    expect(s.fiber.status).toBe('below');

    // Fermented: kimchi on the side 140 g ÷ 2 = 70 g ÷ 35 = 2; kefir 500 g ÷ 2 = 250 g ÷ 175 = 1.43;
    // kimchi fried in the wok and miso simmered are cooked; sourdough is never live.
    expect(s.fermented.servingsRaw).toBeCloseTo(2 + 250 / 175, 9);
    expect(s.fermented.foods.map((f) => f.id)).toEqual(['kefir', 'kimchi']);
    expect(s.fermented.notLive.map((f) => [f.id, f.reason, f.grams])).toEqual([
      ['kimchi', 'cooked', 18.8],
      ['miso', 'cooked', 17],
      ['sourdough-bread', 'not-live', 100],
    ]);

    expect(s.rainbow.colours).toEqual(['red', 'green', 'white/tan']);
    expect(s.families.count).toBe(7);
    // Refined: cooked white rice 79 g, plain flour 25 g, sourdough 100 g = 204 g of 1071.75 g per person.
    expect(s.processed.shareRaw).toBeCloseTo(204 / 1071.75, 9);
    expect(s.unmatched.map((u) => [u.reason, u.text])).toEqual([
      ['unknown-grams', 'salt to taste'],
      ['unmatched', '1 handful of glorp'],
    ]);
    expect(s.optional.map((u) => u.text)).toEqual(['1 tablespoon chopped parsley, to garnish (optional)']);
  });

  it('low-diversity week', () => {
    const s = scoreFixture('week-low.json');
    // Plants: banana 1, canned tomatoes 1; spaghetti and white bread (wheat), white rice and
    // sunflower oil all weigh 0 → 2 points from 5 crops.
    expect(s.plantPoints).toBe(2);
    expect(s.plants.map((p) => [p.crop, p.points])).toEqual([
      ['banana', 1],
      ['tomato', 1],
      ['wheat', 0],
      ['sunflower', 0],
      ['rice', 0],
    ]);
    // Fiber, 1 person. Pasta at 1 of 2 servings: spaghetti 100 g × 3.2 % = 3.2, tomatoes 200 × 1.9 % = 3.8 → 7.
    // Chicken and rice at 1 of 2: white rice 92.5 × 1.3 % = 1.2025. White bread 58 g × 2.7 % = 1.566.
    // Banana 118 × 2.6 % = 3.068. Mon 7 + 1.566, Tue 1.2025 + 1.566, Wed 7 + 3.068, Thu 1.2025, Fri 7.
    expect(s.fiber.byDay.map((d) => d.gramsRaw)).toEqual([8.566, 2.7685, 10.068, 1.2025, 7, 0, 0].map((g) => expect.closeTo(g, 9)));
    expect(s.fiber.gramsPerDayRaw).toBeCloseTo(29.605 / 7, 9);
    expect(s.fiber.gramsPerDay).toBe(4.2);
    expect(s.fiber.byDay[0].slots).toEqual(['breakfast', 'dinner']);
    // Parmesan (aged cheese, live): 15 g × 3 pasta dinners = 45 g ÷ 30 g = 1.5 servings.
    expect(s.fermented.servingsRaw).toBeCloseTo(1.5, 9);
    expect(s.rainbow.count).toBe(2);
    // Refined: spaghetti 300, white rice 185, white bread 116, sunflower oil 21, sugar 6.3 = 628.3 of 1949.5 g.
    expect(s.processed.shareRaw).toBeCloseTo(628.3 / 1949.5, 9);
    expect(s.unmatched).toEqual([]);
  });

  it('diverse week', () => {
    const s = scoreFixture('week-diverse.json');
    // 32 crops at 1 point (almond, apple, avocado, banana, blueberry, bok choy, broccoli, button mushroom,
    // tomato, carrot, celery, chia, chickpea, rice, quinoa, cucumber, grape, lemon, onion, orange, pear,
    // pumpkin seed, raspberry, bell pepper, lentil, oat, cabbage (sauerkraut), sesame, spinach, sweet potato,
    // soybean (tofu), walnut) and 5 at 0.25 (cumin, olive — extra-virgin 0.25 beats olive oil 0 —, garlic,
    // ginger, parsley) = 33.25.
    expect(s.plantPoints).toBe(33.25);
    expect(s.plantCount).toBe(37);
    expect(s.plants.find((p) => p.crop === 'olive')).toMatchObject({ id: 'extra-virgin-olive-oil', points: 0.25 });
    // Fiber, people 2, every meal 2 servings.
    // Oats (scale 1): oats 81 × 10.1 % = 8.181, blueberries 74 × 2.4 % = 1.776, walnuts 14.6 × 6.7 % = 0.9782,
    //   chia 2 tbsp × 12 g = 24 × 34.4 % = 8.256 → 19.1912.
    // Lentil soup (scale 0.5): lentils 96 × 10.8 % = 10.368, onion 55 × 1.7 % = 0.935, carrots 61 × 2.8 % = 1.708,
    //   celery 40 × 1.6 % = 0.64, garlic 3 × 2.1 % = 0.063, tomatoes 200 × 1.9 % = 3.8, cumin 1.05 × 10.5 % = 0.11025,
    //   spinach 30 × 2.2 % = 0.66 → 18.28425.
    // Salmon: sweet potatoes 260 × 3 % = 7.8, broccoli 350 × 2.6 % = 9.1 → 16.9.
    // Mon (oats, soup, salmon) 54.37545 ÷ 2 = 27.187725.
    // Tue quinoa salad: quinoa 185 × 2.8 % = 5.18, chickpeas 240 × 6.4 % = 15.36, cucumber 201 × 0.5 % = 1.005,
    //   pepper 119 × 2.1 % = 2.499, parsley 15 × 3.3 % = 0.495, pumpkin seeds 32.3 × 6 % = 1.938 → 26.477;
    //   stir-fry: tofu 200 × 0.9 % = 1.8, mushrooms 2, bok choy 250 × 1 % = 2.5, ginger 6 × 2 % = 0.12,
    //   brown rice 202 × 1.6 % = 3.232, sesame 9 × 11.8 % = 1.062 → 10.714; 37.191 ÷ 2 = 18.5955.
    // Wed (oats, soup) 37.47545 ÷ 2 = 18.737725. Thu apple 364 × 2.4 % + pear 356 × 3.1 % = 19.772 ÷ 2 = 9.886.
    // Fri raspberries 246 × 6.5 % + almonds 71.6 × 12.5 % = 24.94 ÷ 2 = 12.47.
    // Sat avocado 300 × 6.7 % + orange 262 × 2.4 % = 26.388 ÷ 2 = 13.194.
    // Sun grapes 302 × 0.9 % + sauerkraut 142 × 2.9 % + banana 236 × 2.6 % = 12.972 ÷ 2 = 6.486.
    // Week 106.55695 ÷ 7 = 15.222.
    expect(s.fiber.byDay.map((d) => d.gramsRaw)).toEqual(
      [27.187725, 18.5955, 18.737725, 9.886, 12.47, 13.194, 6.486].map((g) => expect.closeTo(g, 9)),
    );
    expect(s.fiber.gramsPerDay).toBe(15.2);
    // Yogurt 245 g in each of two oat breakfasts ÷ 2 people = 245 g ÷ 175 = 1.4; this sauerkraut is not live.
    expect(s.fermented.servingsRaw).toBeCloseTo(1.4, 9);
    expect(s.fermented.notLive.map((f) => f.id)).toEqual(['sauerkraut']);
    expect(s.rainbow.count).toBe(5);
    expect(s.prebiotic.fodmapNote).toBe(true);
    expect(s.prebiotic.classes.gos.map((f) => f.id)).toEqual(['chickpeas', 'red-lentils']);
    expect(s.families.count).toBe(21);
    // Chia seeds now have a tablespoon weight; only the lemon's juice has no grams.
    expect(s.unmatched.map((u) => u.text)).toEqual(['1 lemon, juiced']);
  });
});
