import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngredientParser } from '../../../src/core/ingredients/index';
import { readPlanFile } from '../../../src/core/plan/plan-file';
import { scorePlan } from '../../../src/core/scoring/plan';
import type { MedasEstimate, MedasItemId, MedasStatus } from '../../../src/core/scoring/medas';
import type { Food } from '../../../src/core/types';

/*
 * Hand-worked MEDAS weeks, scored through the real parser and the committed
 * catalog. Every line gives its grams, so each figure below can be checked on
 * paper: grams per person = line grams × servings eaten ÷ recipe servings ÷ people
 * (a food meal's line is one serving per person). Servings (docs/SCORING.md):
 * olive oil 13.5 g a tablespoon, vegetables 200 g, fruit 150 g, red meat 100 g,
 * butter/cream 12 g, sweet drink 200 g, legumes 150 g (dried × 2.5), fish 100 g,
 * shellfish 200 g, nuts 30 g. The week has 7 days.
 */

const ROOT = path.resolve(__dirname, '../../..');
const foods = JSON.parse(readFileSync(path.join(ROOT, 'resources/foods/catalog.json'), 'utf8')) as Food[];
const byId = new Map(foods.map((f) => [f.id, f]));
const parse = createIngredientParser(foods);

const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

interface PlanMeal {
  date: string;
  slot: string;
  recipe?: string;
  food?: string;
  servings?: number;
}

function estimate(people: number, recipes: object[], meals: PlanMeal[]): MedasEstimate {
  const plan = readPlanFile(JSON.stringify({ format: 'thirtyfold.plan/1', people, weekStart: DAYS[0], recipes, meals }));
  return scorePlan(plan, parse, (id) => byId.get(id)).medas;
}

function daily(food: string, slot: string, days: readonly string[] = DAYS): PlanMeal[] {
  return days.map((date) => ({ date, slot, food }));
}

function statuses(medas: MedasEstimate): Record<MedasItemId, MedasStatus> {
  return Object.fromEntries(medas.items.map((item) => [item.id, item.status])) as Record<MedasItemId, MedasStatus>;
}

function amount(medas: MedasEstimate, id: MedasItemId): number | null {
  return medas.items.find((item) => item.id === id)?.amount ?? null;
}

function item(medas: MedasEstimate, id: MedasItemId) {
  const found = medas.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe('MEDAS estimate: hand-worked weeks', () => {
  it('week A, a Mediterranean week for one: all 13 scored items met', () => {
    /*
     * One person. Daily: 60 g extra-virgin olive oil, 450 g broccoli, 500 g apples.
     * Tomato sauce (1 serving: 400 g canned tomatoes, 100 g onion, 30 g olive oil) twice.
     * Once: 10 g butter, 200 g orange juice, 60 g cookies, 100 g ground beef.
     * 3 × 200 g chickpeas, 3 × 120 g salmon, 4 × 30 g almonds, 2 × 150 g chicken breast.
     *
     *  1 olive oil main fat: olive 7×60 + 2×30 = 480 g; fat 480 + 10 butter = 490 g;
     *    480/490 = 98.0 % > 50 %                                               → met
     *  2 olive oil amount: 480 / 7 / 13.5 = 5.08 tbsp a day ≥ 4               → met
     *  3 vegetables: 7×450 + 2×(400+100) = 4150 g; 4150/7/200 = 2.96 ≥ 2      → met
     *  4 fruit: 7×500 + 200 juice = 3700 g; 3700/7/150 = 3.52 ≥ 3             → met
     *  5 red meat: 100 / 7 / 100 = 0.14 a day < 1                             → met
     *  6 butter: 10 / 7 / 12 = 0.12 a day < 1                                 → met
     *  7 sweet drinks: drinks planned (orange juice), 0 sweet ones = 0 < 1    → met
     *  8 wine: not scored
     *  9 legumes: 600 / 150 = 4 ≥ 3                                           → met
     * 10 fish: 360 / 100 = 3.6 ≥ 3                                            → met
     * 11 shop-bought sweets: 1 meal with cookies, 1 < 3                       → met
     * 12 nuts: 120 / 30 = 4 ≥ 3                                               → met
     * 13 white over red meat: 300 g chicken > 100 g beef                      → met
     * 14 sofrito: tomato sauce twice (tomato, onion, olive oil), 2 ≥ 2        → met
     * Total 13 met of 13 assessable.
     */
    const sauce = { id: 'sauce', name: 'Tomato sauce', servings: 1, ingredients: ['400 g canned tomatoes', '100 g onion', '30 g olive oil'] };
    const medas = estimate(1, [sauce], [
      ...daily('60 g extra-virgin olive oil', 'lunch'),
      ...daily('450 g broccoli', 'dinner'),
      ...daily('500 g apples', 'snack'),
      { date: DAYS[0], slot: 'dinner', recipe: 'sauce' },
      { date: DAYS[3], slot: 'dinner', recipe: 'sauce' },
      { date: DAYS[0], slot: 'breakfast', food: '10 g butter' },
      { date: DAYS[1], slot: 'breakfast', food: '200 g orange juice' },
      { date: DAYS[2], slot: 'snack', food: '60 g cookies' },
      { date: DAYS[4], slot: 'dinner', food: '100 g ground beef' },
      ...daily('200 g chickpeas', 'lunch', DAYS.slice(0, 3)),
      ...daily('120 g salmon', 'dinner', DAYS.slice(1, 4)),
      ...daily('30 g almonds', 'snack', DAYS.slice(0, 4)),
      ...daily('150 g chicken breast', 'dinner', DAYS.slice(5, 7)),
    ]);
    expect(medas.met).toBe(13);
    expect(medas.assessable).toBe(13);
    expect(medas.scored).toBe(13);
    expect(amount(medas, 'olive-oil-main')).toBe(98);
    expect(amount(medas, 'olive-oil-amount')).toBe(5.1);
    expect(amount(medas, 'vegetables')).toBe(3);
    expect(amount(medas, 'fruit')).toBe(3.5);
    expect(amount(medas, 'red-meat')).toBe(0.1);
    expect(amount(medas, 'butter-cream')).toBe(0.1);
    expect(amount(medas, 'sugary-drinks')).toBe(0);
    expect(amount(medas, 'legumes')).toBe(4);
    expect(amount(medas, 'fish')).toBe(3.6);
    expect(amount(medas, 'commercial-sweets')).toBe(1);
    expect(amount(medas, 'nuts')).toBe(4);
    expect(amount(medas, 'white-meat')).toBe(75);
    expect(amount(medas, 'sofrito')).toBe(2);
    expect(item(medas, 'wine').status).toBe('not-scored');
    expect(item(medas, 'wine').reason).toMatch(/not scored and never encouraged/);
    expect(item(medas, 'fish').foods).toEqual([{ id: 'salmon', name: 'Salmon', grams: 360, times: null }]);
    expect(item(medas, 'sofrito').foods).toEqual([{ id: expect.any(String), name: 'Tomato sauce', grams: null, times: 2 }]);
    expect(medas.items.every((i) => i.hint === null)).toBe(true);
  });

  it('week B, a Western week for two: only the butter item met', () => {
    /*
     * Two people. Bolognese (4 servings: 500 g ground beef, 400 g canned tomatoes, 100 g onion,
     * 30 g sunflower oil) eaten 3 times at 2 servings: per person per meal = grams × 2/4 ÷ 2 = grams/4.
     * Fry-up (2 servings: 200 g bacon, 200 g pork sausages, 30 g butter) twice at 2 servings:
     * per person per meal = grams × 2/2 ÷ 2 = grams/2.
     * Daily 330 g cola and 150 g apples (food meals, 2 servings: one line each per person);
     * 60 g doughnuts on four days.
     *
     *  1 olive oil main fat: olive 0 g of fat 3×30/4 + 2×30/2 = 22.5 + 30 = 52.5 g → not met
     *  2 olive oil amount: 0 tbsp                                             → not met
     *  3 vegetables: 3×(400+100)/4 = 375 g; 375/7/200 = 0.27                  → not met
     *  4 fruit: 7×150 = 1050 g; 1050/7/150 = 1                                → not met
     *  5 red meat: beef 3×500/4 = 375, bacon 2×200/2 = 200, sausage 200: 775 g;
     *    775/7/100 = 1.11 a day ≥ 1                                           → not met
     *  6 butter: 2×30/2 = 30 g; 30/7/12 = 0.36 a day < 1                      → met
     *  7 sweet drinks: 7×330 = 2310 g; 2310/7/200 = 1.65 a day ≥ 1            → not met
     *  9 legumes 0, 10 fish 0, 12 nuts 0                                      → not met
     * 11 shop-bought sweets: 4 meals with doughnuts, 4 ≥ 3                    → not met
     * 13 white over red: 0 g poultry, 775 g red and processed                 → not met
     * 14 sofrito: bolognese has tomato and onion but no olive oil, 0          → not met
     * Total 1 met of 13 assessable.
     */
    const bolognese = {
      id: 'bolognese',
      name: 'Bolognese',
      servings: 4,
      ingredients: ['500 g ground beef', '400 g canned tomatoes', '100 g onion', '30 g sunflower oil'],
    };
    const fryUp = { id: 'fry-up', name: 'Fry-up', servings: 2, ingredients: ['200 g bacon', '200 g pork sausages', '30 g butter'] };
    const medas = estimate(2, [bolognese, fryUp], [
      ...DAYS.slice(0, 3).map((date) => ({ date, slot: 'dinner', recipe: 'bolognese', servings: 2 })),
      ...DAYS.slice(5, 7).map((date) => ({ date, slot: 'breakfast', recipe: 'fry-up', servings: 2 })),
      ...daily('330 g cola', 'lunch'),
      ...daily('150 g apples', 'snack'),
      ...daily('60 g doughnuts', 'snack', DAYS.slice(0, 4)),
    ]);
    expect(statuses(medas)).toEqual({
      'olive-oil-main': 'not-met',
      'olive-oil-amount': 'not-met',
      vegetables: 'not-met',
      fruit: 'not-met',
      'red-meat': 'not-met',
      'butter-cream': 'met',
      'sugary-drinks': 'not-met',
      wine: 'not-scored',
      legumes: 'not-met',
      fish: 'not-met',
      'commercial-sweets': 'not-met',
      nuts: 'not-met',
      'white-meat': 'not-met',
      sofrito: 'not-met',
    });
    expect(medas.met).toBe(1);
    expect(medas.assessable).toBe(13);
    expect(amount(medas, 'olive-oil-main')).toBe(0);
    expect(amount(medas, 'vegetables')).toBe(0.3);
    expect(amount(medas, 'fruit')).toBe(1);
    expect(amount(medas, 'red-meat')).toBe(1.1);
    expect(amount(medas, 'butter-cream')).toBe(0.4);
    expect(amount(medas, 'sugary-drinks')).toBe(1.7);
    expect(amount(medas, 'commercial-sweets')).toBe(4);
    expect(amount(medas, 'sofrito')).toBe(0);
    expect(item(medas, 'red-meat').foods).toEqual([
      { id: 'ground-beef', name: 'Ground beef', grams: 375, times: null },
      { id: 'bacon', name: 'Bacon', grams: 200, times: null },
      { id: 'pork-sausage', name: 'Pork sausages', grams: 200, times: null },
    ]);
    expect(item(medas, 'fish').hint).toBe('Three fish meals would meet the fish item.');
    expect(item(medas, 'legumes').hint).toBe('Three more legume meals would meet the legume item.');
    expect(item(medas, 'fruit').hint).toBe('Two more pieces of fruit a day would meet the fruit item.');
    expect(item(medas, 'sofrito').hint).toMatch(/^Two more dishes with tomato/);
    expect(item(medas, 'wine').hint).toBeNull();
    expect(medas.items.some((i) => /wine/i.test(i.hint ?? ''))).toBe(false);
  });

  it('week C, a vegetarian week with no drinks: composites, dried pulses, items not assessable', () => {
    /*
     * One person. 250 g marinara twice (catalog composite: canned tomatoes 0.8, onion 0.05,
     * extra-virgin olive oil 0.03, garlic 0.02, basil 0.01): per meal 200 g tomato, 12.5 g
     * onion, 7.5 g olive oil, 5 g garlic. 100 g red lentils (dried) twice; 300 g spinach on
     * three days; 450 g strawberries daily; 20 g walnuts on four days. No meat, no drinks.
     *
     *  1 olive oil main fat: 15 g olive oil is all the fat, 100 %            → met
     *  2 olive oil amount: 15 / 7 / 13.5 = 0.16 tbsp a day                    → not met
     *  3 vegetables: 2×(200+12.5+5) + 3×300 = 1335 g; 1335/7/200 = 0.95       → not met
     *  4 fruit: 7×450 = 3150 g; 3150/7/150 = 3.0, exactly the threshold       → met
     *  5 red meat 0, 6 butter 0, 11 shop-bought sweets 0                     → met
     *  7 sweet drinks: the plan holds no drinks                               → not assessable
     *  9 legumes: 2×100 × 2.5 = 500 g cooked; 500/150 = 3.33 ≥ 3              → met
     * 10 fish: 0                                                              → not met
     * 12 nuts: 80 / 30 = 2.67 < 3                                             → not met
     * 13 white over red: no meat planned                                      → not assessable
     * 14 sofrito: marinara twice (tomato, onion and garlic, olive oil)        → met
     * Total 7 met of 11 assessable.
     */
    const medas = estimate(1, [], [
      ...daily('250 g marinara', 'dinner', [DAYS[0], DAYS[2]]),
      ...daily('100 g red lentils', 'lunch', [DAYS[1], DAYS[3]]),
      ...daily('300 g spinach', 'dinner', [DAYS[4], DAYS[5], DAYS[6]]),
      ...daily('450 g strawberries', 'breakfast'),
      ...daily('20 g walnuts', 'snack', DAYS.slice(0, 4)),
    ]);
    expect(statuses(medas)).toEqual({
      'olive-oil-main': 'met',
      'olive-oil-amount': 'not-met',
      vegetables: 'not-met',
      fruit: 'met',
      'red-meat': 'met',
      'butter-cream': 'met',
      'sugary-drinks': 'not-assessable',
      wine: 'not-scored',
      legumes: 'met',
      fish: 'not-met',
      'commercial-sweets': 'met',
      nuts: 'not-met',
      'white-meat': 'not-assessable',
      sofrito: 'met',
    });
    expect(medas.met).toBe(7);
    expect(medas.assessable).toBe(11);
    expect(amount(medas, 'olive-oil-main')).toBe(100);
    expect(amount(medas, 'olive-oil-amount')).toBe(0.2);
    expect(amount(medas, 'vegetables')).toBe(1);
    expect(item(medas, 'vegetables').amountRaw).toBeCloseTo(1335 / 7 / 200, 9);
    expect(amount(medas, 'fruit')).toBe(3);
    expect(amount(medas, 'legumes')).toBe(3.3);
    expect(amount(medas, 'nuts')).toBe(2.7);
    expect(item(medas, 'legumes').foods).toEqual([{ id: 'red-lentils', name: expect.any(String), grams: 500, times: null }]);
    expect(item(medas, 'olive-oil-main').foods).toEqual([{ id: 'extra-virgin-olive-oil', name: 'Extra-virgin olive oil', grams: 15, times: null }]);
    expect(item(medas, 'sugary-drinks').reason).toMatch(/no drinks/);
    expect(item(medas, 'sugary-drinks').amount).toBeNull();
    expect(item(medas, 'white-meat').reason).toBe('no meat is planned');
    expect(item(medas, 'nuts').hint).toBe('One handful of nuts (30 g) would meet the nut item.');
    expect(item(medas, 'olive-oil-amount').hint).toBe('About 4 more tablespoons of olive oil a day would meet this item.');
  });

  it('an empty week: every scored item not assessable, wine not scored', () => {
    const medas = estimate(2, [], []);
    expect(medas.met).toBe(0);
    expect(medas.assessable).toBe(0);
    expect(medas.items.filter((i) => i.status === 'not-assessable')).toHaveLength(13);
    expect(medas.items.find((i) => i.id === 'wine')?.status).toBe('not-scored');
    expect(medas.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('optional lines and lines of unknown grams are left out', () => {
    const recipe = { id: 'r', name: 'Fish supper', servings: 1, ingredients: ['300 g salmon', '200 g salmon, to serve (optional)', 'some olive oil'] };
    const medas = estimate(1, [recipe], [{ date: DAYS[0], slot: 'dinner', recipe: 'r' }]);
    expect(amount(medas, 'fish')).toBe(3);
    expect(item(medas, 'olive-oil-main').status).toBe('not-assessable');
  });
});
