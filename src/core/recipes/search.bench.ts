import { bench, describe } from 'vitest';
import { orderRecipes } from './library';
import { buildSearchIndex, searchRecipes, type SearchDocument } from './search-index';

const FOODS = [
  'kale', 'chickpeas', 'garlic', 'onion', 'red onion', 'carrot', 'celery', 'tomato', 'spinach', 'brown rice',
  'rolled oats', 'kefir', 'yogurt', 'miso', 'kimchi', 'sauerkraut', 'lentils', 'black beans', 'walnuts', 'almonds',
  'apple', 'banana', 'blueberries', 'lemon', 'lime', 'ginger', 'cumin', 'paprika', 'basil', 'parsley',
  'olive oil', 'butter', 'eggs', 'chicken thighs', 'salmon', 'tofu', 'tempeh', 'quinoa', 'barley', 'broccoli',
  'cauliflower', 'sweet potato', 'potato', 'zucchini', 'bell pepper', 'mushrooms', 'leek', 'fennel', 'beetroot', 'cabbage',
];
const UNITS = ['cup', 'cups', 'tbsp', 'tsp', 'g', 'cloves', 'can', ''];
const DISHES = ['soup', 'stew', 'salad', 'bowl', 'curry', 'bake', 'porridge', 'stir-fry', 'traybake', 'wraps'];

/** A deterministic pseudo-random sequence (no Math.random in core). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const next = sequence(7);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
const docs: SearchDocument[] = Array.from({ length: 10_000 }, (_, n) => {
  const main = pick(FOODS);
  const lines = Array.from({ length: 8 + Math.floor(next() * 10) }, () => `${1 + Math.floor(next() * 4)} ${pick(UNITS)} ${pick(FOODS)}`);
  return { id: `r${n}`, name: `${main} and ${pick(FOODS)} ${pick(DISHES)} ${n}`, ingredients: lines, plants: lines.map((line) => line.split(' ').slice(2).join(' ')) };
});
const index = buildSearchIndex(docs);
const empty = new Map();

describe('recipe search over 10,000 recipes', () => {
  bench('build the index', () => {
    buildSearchIndex(docs);
  }, { iterations: 5 });
  bench('one-letter query "k"', () => {
    searchRecipes(index, 'k', 100);
  });
  bench('prefix query "chick"', () => {
    searchRecipes(index, 'chick', 100);
  });
  bench('two words "kale soup"', () => {
    searchRecipes(index, 'kale soup', 100);
  });
  bench('empty query, name order', () => {
    searchRecipes(index, '', 100);
  });
  bench('"chick" sorted by recent use', () => {
    orderRecipes(index, 'chick', { sort: 'recent', limit: 100, lastUsed: empty, summaries: empty });
  });
});
