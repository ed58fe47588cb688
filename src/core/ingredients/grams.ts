import type { Food, PortionUnit } from '../types';
import type { Measure, Size } from './quantity';
import { CONTAINER_UNITS, CUP_ML, portionFor, unitInfo } from './units';

const VOLUME_PORTIONS: ReadonlyArray<[PortionUnit, number]> = [
  ['cup', CUP_ML],
  ['tablespoon', CUP_ML / 16],
  ['teaspoon', CUP_ML / 48],
];

/** Grams per millilitre from the food's own cup, tablespoon or teaspoon weight (the one nearest in size). */
function gramsPerMl(food: Food, ml: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const [portion, portionMl] of VOLUME_PORTIONS) {
    const grams = food.portions[portion];
    if (grams === undefined || !(grams > 0)) continue;
    const distance = Math.abs(Math.log(ml / portionMl));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = grams / portionMl;
    }
  }
  return best;
}

/** Grams of one measure (mass or volume) of a food, null when its density is unknown. */
export function measureGrams(food: Food, measure: Measure): number | null {
  const info = unitInfo(measure.unit);
  if (!info) return null;
  if (info.kind === 'mass') return measure.amount * info.factor;
  if (info.kind !== 'volume') return null;
  const ml = measure.amount * info.factor;
  const perMl = gramsPerMl(food, ml > 0 ? ml : info.factor);
  return perMl === null ? null : ml * perMl;
}

function countGrams(food: Food, size: Size | null): number | null {
  const p = food.portions;
  if (size !== null && p[size] !== undefined) return p[size] ?? null;
  return p.piece ?? p.medium ?? null;
}

function containerGrams(food: Food, unit: string): number | null {
  const portion = portionFor(unit);
  const known = portion !== null ? food.portions[portion] : undefined;
  if (known !== undefined) return known;
  if (food.pack !== null && CONTAINER_UNITS.has(unit)) {
    const name = food.pack.name.toLowerCase();
    const words = unit === 'can' ? ['can', 'tin'] : unit === 'package' ? ['package', 'pack', 'packet'] : [unit];
    if (words.some((w) => name.includes(w))) return food.pack.grams;
  }
  return null;
}

/**
 * Grams for a line's amount of a food: weight units convert directly, volume
 * through the food's own cup/tablespoon/teaspoon weights, counts through its
 * piece/size/clove/slice… portions, containers through a stated pack size or
 * the food's can/package portion. Null when the catalog does not know: never
 * a made-up weight.
 */
export function gramsFor(food: Food, quantity: number | null, unit: string | null, size: Size | null, pack: Measure | null = null): number | null {
  if (quantity === null || !Number.isFinite(quantity) || quantity < 0) return null;
  let grams: number | null;
  const info = unit !== null ? unitInfo(unit) : undefined;
  if (pack !== null && (unit === null || info?.kind === 'count')) {
    grams = measureGrams(food, pack);
  } else if (unit === null) {
    grams = countGrams(food, size);
  } else if (!info) {
    grams = null;
  } else if (info.kind === 'mass' || (info.kind === 'volume' && food.portions[unit as PortionUnit] === undefined)) {
    return measureGrams(food, { amount: quantity, unit });
  } else if (info.kind === 'volume') {
    grams = food.portions[unit as PortionUnit] ?? null;
  } else if (unit === 'piece') {
    grams = countGrams(food, size);
  } else {
    grams = containerGrams(food, unit);
  }
  return grams === null ? null : grams * quantity;
}
