import { describe, expect, it } from 'vitest';
import type { Food } from '../types';
import { catalogStats, indexFoods, validateCatalog } from './catalog';

function make(over: Partial<Food> & { id: string }): Food {
  return {
    name: over.id,
    aliases: [],
    kind: 'plant',
    group: 'vegetable',
    crop: over.id,
    weight: 1,
    colour: 'green',
    family: 'Brassicaceae',
    fiberPer100g: 2,
    kcalPer100g: 30,
    fermented: 'none',
    servingGrams: null,
    prebiotic: null,
    processed: 'none',
    aisle: 'Produce',
    pantryStaple: false,
    portions: {},
    buyAs: 'weight',
    pack: null,
    components: [],
    source: { ndb: '11233', description: 'Kale, raw' },
    ...over,
  };
}

describe('validateCatalog', () => {
  it('accepts a sound catalog', () => {
    const foods = [
      make({ id: 'kale', aliases: ['curly kale'] }),
      make({ id: 'kale-frozen', crop: 'kale' }),
      make({ id: 'egg', kind: 'animal', group: 'egg', crop: null, family: null, weight: 0, colour: null, fiberPer100g: 0 }),
      make({ id: 'slaw', kind: 'other', group: 'other', crop: null, family: null, weight: 0, components: [{ food: 'kale', share: 0.5 }] }),
    ];
    expect(validateCatalog(foods)).toEqual([]);
  });

  it('reports each kind of curation mistake', () => {
    const foods = [
      make({ id: 'Kale', fiberPer100g: null }),
      make({ id: 'kale', aliases: ['greens'], weight: 0.5 as Food['weight'] }),
      make({ id: 'chard', aliases: ['greens'], crop: 'kale', family: 'Amaranthaceae' }),
      make({ id: 'chard', kind: 'fungus', crop: 'kale' }),
      make({ id: 'yogurt', kind: 'animal', group: 'dairy', crop: 'milk', family: null, weight: 0, fermented: 'live' }),
      make({ id: 'mix', kind: 'other', crop: null, family: null, weight: 0, components: [{ food: 'nothing', share: 0.7 }, { food: 'kale', share: 0.6 }] }),
      make({ id: 'can', buyAs: 'pack', portions: { cup: -1 } }),
    ];
    const problems = validateCatalog(foods).join('\n');
    expect(problems).toContain('Kale: id is not a lower-case slug');
    expect(problems).toContain('Kale: plant without fiber');
    expect(problems).toContain('kale: weight 0.5');
    expect(problems).toContain('alias "greens" is also used by kale');
    expect(problems).toContain('chard: duplicate id');
    expect(problems).toContain('crop kale: foods disagree on family');
    expect(problems).toContain('crop kale: foods disagree on kind');
    expect(problems).toContain('yogurt: non-plant with a crop');
    expect(problems).toContain('yogurt: live fermented food without servingGrams');
    expect(problems).toContain('mix: component shares sum to more than 1');
    expect(problems).toContain('mix: component nothing is not in the catalog');
    expect(problems).toContain('can: portion cup is not a positive number');
    expect(problems).toContain('can: bought as a pack without a pack size');
  });
});

describe('indexFoods and catalogStats', () => {
  const foods = [
    make({ id: 'cabbage', aliases: ['white cabbage'] }),
    make({ id: 'red-cabbage', crop: 'cabbage', colour: 'red' }),
    make({ id: 'sauerkraut', crop: 'cabbage', fermented: 'not-live' }),
    make({ id: 'kefir', kind: 'animal', group: 'dairy', crop: null, family: null, weight: 0, fermented: 'live', servingGrams: 175 }),
  ];

  it('groups foods by crop and finds names and aliases', () => {
    const index = indexFoods(foods);
    expect(index.byCrop.get('cabbage')?.map((f) => f.id)).toEqual(['cabbage', 'red-cabbage', 'sauerkraut']);
    expect(index.byAlias.get('white cabbage')?.id).toBe('cabbage');
    expect(index.byAlias.get('kefir')?.id).toBe('kefir');
    expect(index.byId.get('kefir')?.group).toBe('dairy');
  });

  it('counts by group, crop and fermentation', () => {
    const stats = catalogStats(foods);
    expect(stats).toMatchObject({ foods: 4, plants: 3, crops: 1, families: 1, fermented: { live: 1, notLive: 1 } });
    expect(stats.byGroup.vegetable).toBe(3);
    expect(stats.byGroup.dairy).toBe(1);
    expect(stats.byGroup.fruit).toBe(0);
  });
});
