import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../core/dates';
import type { Meal, Recipe } from '../core/types';
import { db } from './database';
import { fixRecipeLine, history, setMealFood } from './history.svelte';
import { undoStack } from './undo.svelte';
import { linesFromTexts } from '../core/recipes/lines';

function meal(id: string, date: string, food: string): Meal {
  return { id, date, slot: 'lunch', recipe: null, food, servings: 1, leftoverOf: null };
}

const RECIPE: Recipe = {
  id: 'r1',
  name: 'Bowl',
  servings: 2,
  ingredients: linesFromTexts(['1 cup glorp', '2 tbsp blorp']),
  steps: [],
  tags: [],
  source: null,
  prepMinutes: null,
  cookMinutes: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the compared weeks', () => {
  it('are picked by any day inside them', () => {
    history.pick('a', addDays(history.lastWeek, 3));
    expect(history.weekA).toBe(history.lastWeek);
    history.pick('b', addDays(history.lastWeek, -5));
    expect(history.weekB).toBe(addDays(history.lastWeek, -7));
  });
});

describe('fixing lines the scores could not count', () => {
  beforeEach(async () => {
    await db.meals.clear();
    await db.recipes.clear();
  });

  it('saves a picked food and grams on the recipe line, with Undo', async () => {
    await db.recipes.put(RECIPE);
    const line = {
      text: '2 tbsp blorp',
      reason: 'unmatched' as const,
      meal: { id: 'm1', date: '2026-11-23', slot: 'lunch' },
      recipe: { id: 'r1', name: 'Bowl' },
      lineIndex: 1,
      lineId: 'l2',
      food: null,
    };
    await fixRecipeLine(line, { food: 'miso' });
    expect((await db.recipes.get('r1'))?.ingredients).toEqual([{ id: 'l1', text: '1 cup glorp' }, { id: 'l2', text: '2 tbsp blorp', food: 'miso' }]);
    await fixRecipeLine(line, { grams: 34 });
    expect((await db.recipes.get('r1'))?.ingredients[1]).toEqual({ id: 'l2', text: '2 tbsp blorp', food: 'miso', grams: 34 });
    await undoStack.undo();
    expect((await db.recipes.get('r1'))?.ingredients[1]).toEqual({ id: 'l2', text: '2 tbsp blorp', food: 'miso' });
    await expect(fixRecipeLine({ ...line, lineId: 'gone' }, { grams: 3 })).rejects.toThrow('no longer in');
    await expect(fixRecipeLine(line, { grams: -3 })).rejects.toThrow('Grams must be a number');
    await expect(fixRecipeLine({ ...line, recipe: null }, { grams: 3 })).rejects.toThrow('single food');
  });

  it('changes the text of a single-food meal, with Undo, and refuses an empty text', async () => {
    await db.meals.put(meal('m2', '2026-11-24', '1 aple'));
    await setMealFood('m2', ' 1 apple ');
    expect((await db.meals.get('m2'))?.food).toBe('1 apple');
    await undoStack.undo();
    expect((await db.meals.get('m2'))?.food).toBe('1 aple');
    await expect(setMealFood('m2', '  ')).rejects.toThrow('Type what was eaten');
    await expect(setMealFood('gone', '1 pear')).rejects.toThrow('no longer planned');
  });
});
