import { describe, expect, it } from 'vitest';
import { fixtureLookup } from '../../../tests/fixtures/scoring/foods';
import { recipe, tableParser } from '../../../tests/fixtures/scoring/lines';
import { recipeSummary } from './summary';

// Fixture values: kale 4 g fiber/100 g, brown rice 2 g/100 g, kimchi live with a 35 g serving, garlic weight 0.25.
const parse = tableParser({
  '200 g kale': { food: 'kale', grams: 200 },
  '400 g brown rice': { food: 'rice-brown', grams: 400 },
  '140 g kimchi': { food: 'kimchi', grams: 140 },
  '2 cloves garlic': { food: 'garlic', grams: 6 },
  'a sprinkle of magic': { food: null, grams: null },
  'some kale': { food: 'kale', grams: null },
});

describe('recipeSummary', () => {
  it('scores one serving for one person', () => {
    const summary = recipeSummary(recipe('r', 4, ['200 g kale', '400 g brown rice', '140 g kimchi', '2 cloves garlic']), parse, fixtureLookup);
    // Crops: kale 1, rice (brown) 1, napa cabbage (kimchi) 1, garlic 0.25.
    expect(summary.plantPoints).toBe(3.25);
    expect(summary.plants.map((plant) => plant.crop).sort()).toEqual(['allium-sativum', 'brassica-oleracea-kale', 'brassica-rapa-napa', 'oryza-sativa']);
    // (200 × 4 + 400 × 2 + 140 × 2 + 6 × 2) / 100 / 4 servings = 18.92 / 4 = 4.73 → 4.7 g.
    expect(summary.fiberPerServing).toBe(4.7);
    // 140 g / 4 servings / 35 g per serving = 1.
    expect(summary.fermentedServings).toBe(1);
    expect(summary.unmatched).toEqual([]);
  });

  it('reports unmatched lines and lines of unknown grams, but not headers or blanks', () => {
    const summary = recipeSummary(recipe('r', 2, ['For the salad:', 'a sprinkle of magic', '', 'some kale']), parse, fixtureLookup);
    expect(summary.unmatched).toEqual([1]);
    expect(summary.unknownGrams).toEqual([3]);
    expect(summary.plantPoints).toBe(1);
  });

  it('applies a picked food and hand-set grams', () => {
    const summary = recipeSummary(
      { ...recipe('r', 1, []), ingredients: [{ id: 'l1', text: 'a sprinkle of magic', food: 'kale', grams: 50 }] },
      parse,
      fixtureLookup,
    );
    expect(summary.unmatched).toEqual([]);
    expect(summary.plantPoints).toBe(1);
    expect(summary.fiberPerServing).toBe(2);
  });

  it('treats zero servings as one', () => {
    expect(recipeSummary(recipe('r', 0, ['200 g kale']), parse, fixtureLookup).fiberPerServing).toBe(8);
  });
});
