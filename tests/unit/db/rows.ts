import type { Meal, Recipe } from '../../../src/core/types';

/** A small valid recipe row; `extra` replaces fields. */
export function recipeRow(id: string, extra: Partial<Recipe> = {}): Recipe {
  return {
    id,
    name: `Recipe ${id}`,
    servings: 4,
    ingredients: [{ id: 'l1', text: '1 cup red lentils' }],
    steps: ['Simmer.'],
    tags: ['dinner'],
    source: null,
    prepMinutes: 10,
    cookMinutes: 30,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...extra,
  };
}

/** A valid single-food meal row on Monday 23 November 2026; `extra` replaces fields. */
export function mealRow(id: string, extra: Partial<Meal> = {}): Meal {
  return { id, date: '2026-11-23', slot: 'dinner', recipe: null, food: '1 apple', servings: 2, leftoverOf: null, ...extra };
}
