import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogStats, indexFoods, isPlant, PLANT_GROUPS, validateCatalog } from '../../src/core/foods/catalog';
import type { Food } from '../../src/core/types';
import { buildCatalog, formatCatalog } from '../../scripts/catalog/build';
import { CATALOG_FILE, loadBuildInput, usdaAvailable, USDA_DIR } from '../../scripts/catalog/load';

const committedText = readFileSync(CATALOG_FILE, 'utf8');
const foods = JSON.parse(committedText) as Food[];
const { byId, byAlias } = indexFoods(foods);

function food(id: string): Food {
  const found = byId.get(id);
  if (!found) throw new Error(`no food ${id} in the catalog`);
  return found;
}

const hasUsda = usdaAvailable();
if (!hasUsda) console.warn(`catalog rebuild test skipped: USDA data not found at ${USDA_DIR}`);

describe.skipIf(!hasUsda)('catalog build', () => {
  it('rebuilding from the curation tables and USDA gives the committed file byte for byte', () => {
    const rebuilt = buildCatalog(loadBuildInput());
    expect(rebuilt).toEqual(foods);
    expect(formatCatalog(rebuilt)).toBe(committedText);
  });
});

describe('committed catalog', () => {
  it('passes validation', () => {
    expect(validateCatalog(foods)).toEqual([]);
  });

  it('is sorted by id with unique ids and aliases', () => {
    const ids = foods.map((f) => f.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const names = foods.flatMap((f) => [...new Set([f.name.toLowerCase(), ...f.aliases])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has the required breadth', () => {
    const stats = catalogStats(foods);
    expect(stats.foods).toBeGreaterThanOrEqual(900);
    expect(stats.plants).toBeGreaterThanOrEqual(600);
    expect(stats.fermented.live + stats.fermented.notLive).toBeGreaterThanOrEqual(40);
    for (const group of PLANT_GROUPS) expect(stats.byGroup[group], group).toBeGreaterThan(0);
    for (const group of ['dairy', 'egg', 'meat', 'fish', 'oil', 'sweetener', 'condiment', 'baking'] as const) {
      expect(stats.byGroup[group], group).toBeGreaterThan(0);
    }
  });

  it('gives every plant fiber and a USDA source or a composite recipe', () => {
    for (const f of foods.filter(isPlant)) {
      expect(f.fiberPer100g, f.id).not.toBeNull();
      expect(f.source !== null || f.components.length > 0, f.id).toBe(true);
    }
  });

  it('finds common recipe names through aliases', () => {
    const expected: Record<string, string> = {
      aubergine: 'eggplant',
      courgette: 'zucchini',
      'coriander leaves': 'cilantro',
      rocket: 'arugula',
      scallion: 'spring-onion',
      'green onion': 'spring-onion',
      'garbanzo beans': 'chickpeas',
      capsicum: 'bell-pepper',
      'extra-virgin olive oil': 'extra-virgin-olive-oil',
      'flat-leaf parsley': 'parsley',
      'canned chickpeas': 'chickpeas',
      'all-purpose flour': 'flour',
      'plain flour': 'flour',
      'kosher salt': 'salt',
      'freshly ground black pepper': 'black-pepper',
      'unsalted butter': 'butter',
      'large eggs': 'egg',
      'chicken broth': 'chicken-stock',
    };
    for (const [alias, id] of Object.entries(expected)) expect(byAlias.get(alias)?.id, alias).toBe(id);
  });
});

describe('identity facts of SCORING.md', () => {
  it('red and green bell peppers are one crop, paprika another', () => {
    expect(food('bell-pepper-red').crop).toBe(food('bell-pepper-green').crop);
    expect(food('bell-pepper-red').colour).not.toBe(food('bell-pepper-green').colour);
    expect(food('paprika').crop).not.toBe(food('bell-pepper-red').crop);
    expect(food('paprika').weight).toBe(0.25);
  });

  it('splits Brassica oleracea into kale, broccoli, cabbage, cauliflower, kohlrabi and sprouts', () => {
    const crops = ['kale', 'broccoli', 'cabbage', 'cauliflower', 'kohlrabi', 'brussels-sprouts'].map((id) => food(id).crop);
    expect(new Set(crops).size).toBe(6);
    expect(food('red-cabbage').crop).toBe(food('cabbage').crop);
    expect(food('red-onion').crop).toBe(food('onion').crop);
    expect(food('beetroot').crop).not.toBe(food('swiss-chard').crop);
  });

  it('counts fermented vegetables as their vegetable', () => {
    expect(food('sauerkraut').crop).toBe(food('cabbage').crop);
    expect(food('sauerkraut-raw').crop).toBe(food('cabbage').crop);
    expect(food('kimchi').crop).toBe(food('napa-cabbage').crop);
    expect(food('kimchi').crop).not.toBe(food('cabbage').crop);
  });

  it('weights forms of a grain by refinement but keeps one crop', () => {
    expect(food('white-rice').weight).toBe(0);
    expect(food('brown-rice').weight).toBe(1);
    expect(food('white-rice').crop).toBe(food('brown-rice').crop);
    expect(food('flour').crop).toBe(food('whole-wheat-flour').crop);
    expect(food('bulgur').crop).toBe('wheat');
    expect(food('pasta').crop).toBe('wheat');
    expect(food('pasta').weight).toBe(0);
    expect(food('rolled-oats').crop).toBe(food('oat-flour').crop);
    expect(food('orange-juice').weight).toBe(0);
    expect(food('sugar').weight).toBe(0);
  });

  it('knows tahini is sesame and garlic, herbs and spices weigh a quarter', () => {
    expect(food('tahini').crop).toBe(food('sesame-seeds').crop);
    expect(food('tahini').weight).toBe(1);
    for (const id of ['garlic', 'ginger', 'chilli-flakes', 'basil', 'cumin', 'black-tea', 'coffee', 'cocoa-powder', 'dark-chocolate', 'extra-virgin-olive-oil']) {
      expect(food(id).weight, id).toBe(0.25);
    }
    expect(food('coriander-seed').crop).not.toBe(food('cilantro').crop);
    expect(food('tofu').weight).toBe(1);
    expect(food('tempeh').weight).toBe(1);
  });

  it('marks live and not-live fermented foods with SCORING.md servings', () => {
    expect(food('sourdough-bread').fermented).toBe('not-live');
    expect(food('sauerkraut').fermented).toBe('not-live');
    expect(food('soy-sauce').fermented).toBe('not-live');
    expect(food('dill-pickles').fermented).toBe('none');
    expect(food('kefir')).toMatchObject({ fermented: 'live', servingGrams: 175 });
    expect(food('yogurt')).toMatchObject({ fermented: 'live', servingGrams: 175 });
    expect(food('kimchi')).toMatchObject({ fermented: 'live', servingGrams: 35 });
    expect(food('miso')).toMatchObject({ fermented: 'live', servingGrams: 17 });
    expect(food('cottage-cheese')).toMatchObject({ fermented: 'live', servingGrams: 180 });
    expect(food('cheddar')).toMatchObject({ fermented: 'live', servingGrams: 30 });
    expect(food('kombucha')).toMatchObject({ fermented: 'live', servingGrams: 180 });
    expect(food('pickle-brine')).toMatchObject({ fermented: 'live', servingGrams: 22 });
  });

  it('expands composites into known plant components', () => {
    const hummus = food('hummus');
    expect(hummus.components.map((c) => c.food)).toEqual(expect.arrayContaining(['chickpeas', 'tahini', 'garlic']));
    const pesto = food('pesto');
    expect(pesto.components.map((c) => c.food)).toEqual(expect.arrayContaining(['basil', 'pine-nuts', 'parmesan']));
    expect(hummus.crop).toBeNull();
  });

  it('uses USDA portion weights for common ingredients', () => {
    expect(food('onion').portions).toMatchObject({ medium: 110, cup: 160 });
    expect(food('garlic').portions.clove).toBe(3);
    expect(food('flour').portions.cup).toBe(125);
    expect(food('butter').portions.tablespoon).toBe(14.2);
    expect(food('egg').portions.large).toBe(50);
    expect(food('flour').fiberPer100g).toBe(2.7);
    expect(food('lentils').fiberPer100g).toBe(10.7);
  });
});
