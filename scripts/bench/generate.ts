/**
 * A large, realistic library generated deterministically from a seed: recipes
 * whose lines are real starter-library lines and catalog foods in common
 * phrasings, two years of meals, custom foods and shopping state.
 */
import type { Food, Meal, Recipe, ShoppingState } from '../../src/core/types';
import { addDays } from '../../src/core/dates';
import { linesFromTexts } from '../../src/core/recipes/lines';

/** mulberry32: a small, fast, seedable generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Library {
  recipes: Recipe[];
  meals: Meal[];
  foods: Food[];
  shopping: ShoppingState[];
}

export interface GenerateOptions {
  seed: number;
  recipes: number;
  weeks: number;
  /** Last day of the meal history. */
  endDate: string;
  catalog: readonly Food[];
  /** Real ingredient lines to draw from. */
  lines: readonly string[];
}

const ADJECTIVES = ['Smoky', 'Herby', 'Golden', 'Spiced', 'Green', 'Roasted', 'Charred', 'Creamy', 'Zesty', 'Rustic', 'Warm', 'Crunchy'];
const DISHES = ['bowl', 'stew', 'salad', 'traybake', 'soup', 'curry', 'stir-fry', 'frittata', 'flatbread', 'porridge', 'tacos', 'pilaf'];
const UNITS = ['1 cup', '1/2 cup', '2 tablespoons', '1 teaspoon', '200 g', '150 g', '1', '2', '1 (400 g) can', '100 g'];
const TAGS = ['breakfast', 'lunch', 'dinner', 'snack', 'vegetarian', 'vegan', 'quick', 'fermented', 'batch'];
const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Builds the library; the same options always give the same rows. */
export function generateLibrary(options: GenerateOptions): Library {
  const random = seededRandom(options.seed);
  const plants = options.catalog.filter((food) => food.kind === 'plant' && food.weight > 0);
  const stamp = `${options.endDate}T12:00:00.000Z`;
  const recipes: Recipe[] = [];
  for (let i = 0; i < options.recipes; i++) {
    const count = 6 + Math.floor(random() * 9);
    const ingredients: string[] = [];
    for (let j = 0; j < count; j++) {
      ingredients.push(random() < 0.6 ? pick(random, options.lines) : `${pick(random, UNITS)} ${pick(random, plants).name.toLowerCase()}`);
    }
    const main = pick(random, plants).name.toLowerCase();
    recipes.push({
      id: `bench-recipe-${String(i).padStart(5, '0')}`,
      name: `${pick(random, ADJECTIVES)} ${main} ${pick(random, DISHES)} ${i}`,
      servings: 1 + Math.floor(random() * 6),
      ingredients: linesFromTexts(ingredients),
      steps: ['Prepare the ingredients.', 'Cook until done.', 'Serve.'],
      tags: [pick(random, TAGS), pick(random, TAGS)].filter((tag, k, all) => all.indexOf(tag) === k),
      source: null,
      prepMinutes: 5 + Math.floor(random() * 30),
      cookMinutes: Math.floor(random() * 60),
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
  const meals: Meal[] = [];
  const start = addDays(options.endDate, -7 * options.weeks + 1);
  for (let day = 0; day < options.weeks * 7; day++) {
    const date = addDays(start, day);
    for (const slot of SLOTS) {
      if (slot === 'snack' && random() < 0.5) continue;
      const recipe = pick(random, recipes);
      meals.push({ id: `bench-meal-${date}-${slot}`, date, slot, recipe: recipe.id, food: null, servings: 2 });
    }
  }
  const foods: Food[] = plants.slice(0, 50).map((food, i) => ({ ...food, id: `bench-custom-${i}`, name: `${food.name} (home grown)`, aliases: [], custom: true }));
  const shopping: ShoppingState[] = [];
  for (let week = 0; week < options.weeks; week++) {
    const from = addDays(start, week * 7);
    shopping.push({ id: `${from}..${addDays(from, 6)}`, checked: [pick(random, plants).id, pick(random, plants).id], manual: ['bin bags'] });
  }
  return { recipes, meals, foods, shopping };
}
