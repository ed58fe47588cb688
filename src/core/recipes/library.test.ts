import { describe, expect, it } from 'vitest';
import { recipe } from '../../../tests/fixtures/scoring/lines';
import type { Meal } from '../types';
import { filterRecipes, lastUsedDates, libraryCrops, libraryTags, newPlants, orderRecipes } from './library';
import { buildSearchIndex } from './search-index';
import type { RecipeSummary } from './summary';
import { lineTexts } from './lines';

function summary(points: number, crops: string[]): RecipeSummary {
  return {
    plantPoints: points,
    plants: crops.map((crop) => ({ key: crop, crop, name: crop[0].toUpperCase() + crop.slice(1), points: 1 })),
    fiberPerServing: 0,
    fermentedServings: 0,
    notLive: [],
    lines: [],
    unmatched: [],
    unknownGrams: [],
  };
}

const library = [
  { ...recipe('a', 2, ['200 g kale']), name: 'Apple crumble', tags: ['dessert'] },
  { ...recipe('b', 2, ['1 can beans']), name: 'Bean chilli', tags: ['dinner', 'vegan'] },
  { ...recipe('c', 2, ['2 apples']), name: 'Carrot and apple salad', tags: ['lunch', 'vegan'] },
];
const summaries = new Map([
  ['a', summary(2, ['apple', 'oat'])],
  ['b', summary(5, ['bean', 'tomato', 'onion', 'pepper', 'cumin'])],
  ['c', summary(3, ['carrot', 'apple', 'walnut'])],
]);
const index = buildSearchIndex(library.map((r) => ({ id: r.id, name: r.name, ingredients: lineTexts(r.ingredients), plants: [] })));

function meal(recipeId: string | null, date: string): Meal {
  return { id: `${recipeId}-${date}`, date, slot: 'dinner', recipe: recipeId, food: recipeId ? null : '1 apple', servings: 1 };
}

describe('library helpers', () => {
  it('finds the latest planned date of each recipe', () => {
    const used = lastUsedDates([meal('a', '2026-01-05'), meal('a', '2026-03-01'), meal('b', '2026-02-01'), meal(null, '2026-04-01')]);
    expect([...used]).toEqual([
      ['a', '2026-03-01'],
      ['b', '2026-02-01'],
    ]);
  });

  it('lists tags and crops once', () => {
    expect(libraryTags(library)).toEqual(['dessert', 'dinner', 'lunch', 'vegan']);
    const crops = libraryCrops(summaries.values());
    expect(crops.find((c) => c.crop === 'apple')?.count).toBe(2);
    expect(crops.map((c) => c.name)).toEqual([...crops.map((c) => c.name)].sort((x, y) => x.localeCompare(y)));
  });

  it('filters by tag, by crop and by plants new to the week', () => {
    const none = { tag: '', crop: '', planned: null };
    expect(filterRecipes(library, summaries, none)).toBeUndefined();
    expect([...filterRecipes(library, summaries, { ...none, tag: 'vegan' })!]).toEqual(['b', 'c']);
    expect([...filterRecipes(library, summaries, { ...none, crop: 'apple' })!]).toEqual(['a', 'c']);
    const planned = new Set(['apple', 'oat', 'carrot', 'walnut']);
    expect([...filterRecipes(library, summaries, { ...none, planned })!]).toEqual(['b']);
    expect(newPlants(summaries.get('c'), new Set(['apple'])).map((p) => p.crop)).toEqual(['carrot', 'walnut']);
  });

  it('orders by name, recent use and plant points', () => {
    const base = { limit: 10, lastUsed: new Map([['c', '2026-05-01'], ['a', '2026-01-01']]), summaries };
    expect(orderRecipes(index, '', { ...base, sort: 'best' }).ids).toEqual(['a', 'b', 'c']);
    expect(orderRecipes(index, '', { ...base, sort: 'recent' }).ids).toEqual(['c', 'a', 'b']);
    expect(orderRecipes(index, '', { ...base, sort: 'points' }).ids).toEqual(['b', 'c', 'a']);
    // "apple": the name match "Apple crumble" ranks first by best match, name order puts it first too.
    expect(orderRecipes(index, 'apple', { ...base, sort: 'best' }).ids).toEqual(['a', 'c']);
    expect(orderRecipes(index, 'apple', { ...base, sort: 'points', limit: 1 })).toEqual({ ids: ['c'], total: 2 });
  });
});
