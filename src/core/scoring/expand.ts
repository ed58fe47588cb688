import type { FoodLookup } from '../plan/resolve';
import type { Food } from '../types';

const MAX_DEPTH = 4;

/**
 * The foods a food counts as for plant points and badges: itself, or for a
 * composite (hummus, pesto, granola) its components, expanded recursively.
 * A composite whose components are all unknown falls back to itself.
 */
export function expandFood(food: Food, lookup: FoodLookup, cache?: Map<string, readonly Food[]>): readonly Food[] {
  const cached = cache?.get(food.id);
  if (cached) return cached;
  const out: Food[] = [];
  collect(food, lookup, out, new Set(), 0);
  const result = out.length > 0 ? out : [food];
  cache?.set(food.id, result);
  return result;
}

function collect(food: Food, lookup: FoodLookup, out: Food[], seen: Set<string>, depth: number): void {
  if (seen.has(food.id)) return;
  seen.add(food.id);
  if (food.components.length === 0 || depth >= MAX_DEPTH) {
    out.push(food);
    return;
  }
  const before = out.length;
  for (const component of food.components) {
    const part = lookup(component.food);
    if (part) collect(part, lookup, out, seen, depth + 1);
  }
  if (out.length === before) out.push(food);
}

/** The counting key of a plant food: its crop, or crop + colour when colour variants count separately. */
export function cropKey(food: Food, countColourVariants: boolean): string | null {
  if (food.crop === null) return null;
  return countColourVariants && food.colour !== null ? `${food.crop}|${food.colour}` : food.crop;
}
