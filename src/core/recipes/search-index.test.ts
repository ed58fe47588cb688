import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchRecipes, searchTokens, type SearchDocument } from './search-index';

const docs: SearchDocument[] = [
  { id: 'r1', name: 'Kale and white bean soup', ingredients: ['200 g kale', '1 can cannellini beans', '2 cloves garlic'], plants: ['Kale', 'Cannellini beans', 'Garlic'] },
  { id: 'r2', name: 'Garlic bread', ingredients: ['1 baguette', '4 cloves garlic', '50 g butter'], plants: ['Garlic'] },
  { id: 'r3', name: 'Green smoothie', ingredients: ['1 handful cavolo nero', '1 banana'], plants: ['Kale', 'Banana'] },
  { id: 'r4', name: 'Crème brûlée', ingredients: ['4 egg yolks', '500 ml cream'], plants: [] },
  { id: 'r5', name: 'Beans on toast', ingredients: ['1 can baked beans', '2 slices bread'], plants: ['Haricot beans'] },
];
const index = buildSearchIndex(docs);

describe('searchTokens', () => {
  it('folds case and accents and drops numbers and stop words', () => {
    expect(searchTokens('2 cups of Crème Fraîche')).toEqual(['cups', 'creme', 'fraiche']);
  });
});

describe('searchRecipes', () => {
  it('finds recipes by a prefix of a word in the name, the ingredients or the plants', () => {
    expect(searchRecipes(index, 'smoo').ids).toEqual(['r3']);
    expect(searchRecipes(index, 'cannell').ids).toEqual(['r1']);
    expect(searchRecipes(index, 'banan').ids).toEqual(['r3']);
  });

  it('finds a recipe by the plant its line matched even when the line says it differently', () => {
    expect(searchRecipes(index, 'kale').ids).toEqual(['r1', 'r3']);
  });

  it('ranks a name match above an ingredient match above a plant-only match', () => {
    expect(searchRecipes(index, 'garlic').ids).toEqual(['r2', 'r1']);
    expect(searchRecipes(index, 'bread').ids).toEqual(['r2', 'r5']);
  });

  it('requires every word of the query', () => {
    expect(searchRecipes(index, 'bean kale').ids).toEqual(['r1']);
    expect(searchRecipes(index, 'bean banana').ids).toEqual([]);
  });

  it('matches singular queries against plural words', () => {
    expect(searchRecipes(index, 'bean').ids).toEqual(['r5', 'r1']);
  });

  it('ignores accents in the query and in the recipes', () => {
    expect(searchRecipes(index, 'creme brulee').ids).toEqual(['r4']);
    expect(searchRecipes(index, 'BRÛLÉE').ids).toEqual(['r4']);
  });

  it('lists everything in name order for an empty query, and counts past the limit', () => {
    const result = searchRecipes(index, '  ', 2);
    expect(result.ids).toEqual(['r5', 'r4']);
    expect(result.total).toBe(5);
  });

  it('keeps only the recipes a filter allows', () => {
    expect(searchRecipes(index, 'garlic', 100, new Set(['r1'])).ids).toEqual(['r1']);
    expect(searchRecipes(index, '', 100, new Set(['r3', 'r2'])).ids).toEqual(['r2', 'r3']);
  });

  it('answers an empty library and a query with no match', () => {
    expect(searchRecipes(buildSearchIndex([]), 'kale')).toEqual({ ids: [], total: 0 });
    expect(searchRecipes(index, 'zzz')).toEqual({ ids: [], total: 0 });
  });
});
