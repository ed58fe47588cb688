import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestedPortionGrams } from '../../../src/core/scoring/portion';
import { suggest } from '../../../src/core/scoring/suggest';
import type { Food } from '../../../src/core/types';

const ROOT = path.resolve(__dirname, '../../..');
const foods = JSON.parse(readFileSync(path.join(ROOT, 'resources/foods/catalog.json'), 'utf8')) as Food[];
const byId = new Map(foods.map((food) => [food.id, food]));
const portion = (id: string) => {
  const food = byId.get(id);
  if (!food) throw new Error(`no food ${id} in the catalog`);
  return suggestedPortionGrams(food);
};

describe('a suggested portion is one a person eats', () => {
  it('a sprinkle of a dried seaweed, powder or mushroom, not 80 g', () => {
    for (const id of ['agar', 'spirulina', 'tomato-powder', 'porcini']) expect(portion(id), id).toBeLessThanOrEqual(10);
  });

  it('a handful of dried fruit; several of a small fresh fruit; one chili or shallot', () => {
    expect(portion('raisins')).toBe(30);
    expect(portion('dried-mango')).toBe(30);
    expect(portion('grapes')).toBeGreaterThanOrEqual(40);
    expect(portion('strawberries')).toBe(80);
    expect(portion('jalapeno')).toBe(byId.get('jalapeno')!.portions.medium ?? byId.get('jalapeno')!.portions.piece);
    expect(portion('shallot')).toBe(byId.get('shallot')!.portions.medium ?? byId.get('shallot')!.portions.piece);
  });

  it('keeps a whole piece of fruit as it is', () => {
    expect(portion('pear')).toBe(byId.get('pear')!.portions.medium);
    expect(portion('apple')).toBe(byId.get('apple')!.portions.medium);
  });

  it('never more than the smallest pack, nor more energy than a side dish', () => {
    for (const food of foods) {
      if (food.weight <= 0 || food.components.length > 0) continue;
      const grams = suggestedPortionGrams(food);
      expect(grams, food.id).toBeGreaterThan(0);
      if (food.pack) expect(grams, food.id).toBeLessThanOrEqual(food.pack.grams);
      if (food.kcalPer100g) expect((grams * food.kcalPer100g) / 100, food.id).toBeLessThanOrEqual(300);
    }
  });

  it('the suggestions for an empty week propose no portion above 300 kcal or a dried food by the 80 g', () => {
    const { crops } = suggest({ plants: [], catalog: foods, recipes: [] }, (id) => byId.get(id), undefined, { crops: 400 });
    expect(crops.length).toBeGreaterThan(50);
    const agar = crops.find((crop) => crop.id === 'agar');
    if (agar) expect(agar.portionGrams).toBeLessThanOrEqual(10);
    for (const crop of crops) {
      const food = byId.get(crop.id)!;
      expect((crop.portionGrams * (food.kcalPer100g ?? 0)) / 100, crop.id).toBeLessThanOrEqual(300);
    }
  });
});
