import { describe, expect, it } from 'vitest';
import { FIXTURE_FOODS } from '../../../tests/fixtures/scoring/foods';
import { searchFoods } from './food-search';

describe('searchFoods', () => {
  it('puts names starting with the query first, then name words, then aliases', () => {
    expect(searchFoods(FIXTURE_FOODS, 'rice').map((food) => food.id).slice(0, 2)).toEqual(['rice-brown', 'rice-white']);
    expect(searchFoods(FIXTURE_FOODS, 'cab').map((food) => food.id)).toEqual(['cabbage', 'cabbage-red', 'napa-cabbage']);
    expect(searchFoods(FIXTURE_FOODS, 'miso paste').map((food) => food.id)).toEqual(['miso']);
  });

  it('needs every word and gives nothing for an empty query', () => {
    expect(searchFoods(FIXTURE_FOODS, 'red cab').map((food) => food.id)).toEqual(['cabbage-red']);
    expect(searchFoods(FIXTURE_FOODS, '  ')).toEqual([]);
  });
});
