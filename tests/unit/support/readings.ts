import type { FoodLookup, LineParser } from '../../../src/core/plan/resolve';
import { readLines } from '../../../src/core/recipes/lines';
import type { ParsedLine, Recipe } from '../../../src/core/types';

/** A parser under `key` that fails when called: whatever is read through it comes from stored readings only. */
export function refusingParser(key: string): LineParser & { key: string } {
  return Object.assign(
    (line: string): ParsedLine => {
      throw new Error(`parsed "${line}"`);
    },
    { key },
  );
}

/** The foods of a recipe's stored readings under `key`, read without parsing anything. */
export function storedFoods(recipe: Recipe, key: string, lookup: FoodLookup): (string | undefined)[] {
  return readLines(recipe, refusingParser(key), lookup).map((line) => line.food?.id);
}
