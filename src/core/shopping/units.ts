import type { Food, PortionUnit } from '../types';

/** Measuring system of the shopping list (a user setting). */
export type UnitSystem = 'metric' | 'us';

/** An amount a shopper buys: the number, its unit name and how to say it. */
export interface BuyAmount {
  quantity: number;
  /** Canonical singular unit: gram, kilogram, ounce, pound, milliliter, liter, fluid ounce, cup, quart, gallon, a count unit (piece, head, bunch …) or the pack name. */
  unit: string;
  /** The amount without the food's name: "450 g", "1¼ lb", "2 × 400 g cans", "3". */
  amount: string;
  /** The whole line: "450 g kale", "3 onions", "2 × 400 g cans chickpeas". */
  display: string;
}

const GRAMS_PER_OUNCE = 28.349523125;
const GRAMS_PER_POUND = 453.59237;
const ML_PER_CUP = 236.5882365;
const ML_PER_FLUID_OUNCE = 29.5735295625;
const ML_PER_QUART = 946.352946;
const ML_PER_GALLON = 3785.411784;
/** Absorbs floating-point noise so that exactly 2 pieces never round up to 3. */
const EPSILON = 1e-9;

const WEIGHT_UNITS: Record<string, number> = {
  gram: 1,
  kilogram: 1000,
  milligram: 0.001,
  ounce: GRAMS_PER_OUNCE,
  pound: GRAMS_PER_POUND,
};

const VOLUME_UNITS: Record<string, number> = {
  milliliter: 1,
  centiliter: 10,
  deciliter: 100,
  liter: 1000,
  teaspoon: ML_PER_CUP / 48,
  tablespoon: ML_PER_CUP / 16,
  cup: ML_PER_CUP,
  'fluid ounce': ML_PER_FLUID_OUNCE,
  pint: ML_PER_CUP * 2,
  quart: ML_PER_QUART,
  gallon: ML_PER_GALLON,
};

/** Units a shopper buys whole, best first; `piece` and `medium` read as the food's own name. */
const COUNT_UNITS: readonly PortionUnit[] = ['piece', 'medium', 'head', 'bunch', 'ear', 'large', 'small'];

/** Grams of one millilitre of the food, from its cup, tablespoon or teaspoon weight. */
function gramsPerMilliliter(food: Food): number | null {
  const { cup, tablespoon, teaspoon } = food.portions;
  if (cup) return cup / VOLUME_UNITS.cup;
  if (tablespoon) return tablespoon / VOLUME_UNITS.tablespoon;
  if (teaspoon) return teaspoon / VOLUME_UNITS.teaspoon;
  return null;
}

/** Grams of one whole item of the food, preferring the medium size. */
function pieceGrams(food: Food, size: 'small' | 'medium' | 'large' | null): number | null {
  const { portions } = food;
  if (size && portions[size]) return portions[size] ?? null;
  return portions.piece ?? portions.medium ?? portions.large ?? portions.small ?? null;
}

/**
 * Grams of `quantity` `unit` of a food, through weight units, volume units and
 * the food's own portion weights (and its pack for "can"/"package"), or null
 * when the food does not know that unit. A null unit means whole items.
 */
export function gramsOf(
  food: Food,
  quantity: number,
  unit: string | null,
  size: 'small' | 'medium' | 'large' | null = null,
): number | null {
  if (unit === null || unit === 'piece') {
    const each = pieceGrams(food, size);
    return each === null ? null : quantity * each;
  }
  const weight = WEIGHT_UNITS[unit];
  if (weight !== undefined) return quantity * weight;
  const portion = food.portions[unit as PortionUnit];
  if (portion !== undefined && portion > 0) return quantity * portion;
  const volume = VOLUME_UNITS[unit];
  if (volume !== undefined) {
    const density = gramsPerMilliliter(food);
    return density === null ? null : quantity * volume * density;
  }
  if (food.pack && (unit === food.pack.name || unit === 'can' || unit === 'package')) return quantity * food.pack.grams;
  return null;
}

/** Rounds up to a multiple of `step`, ignoring floating-point noise. */
function ceilTo(value: number, step: number): number {
  return Math.ceil(value / step - EPSILON) * step;
}

/** Step for rounding a metric weight or volume up: coarser as the amount grows. */
function metricStep(value: number): number {
  if (value < 50) return 5;
  if (value < 250) return 10;
  if (value < 1000) return 25;
  if (value < 5000) return 50;
  return 100;
}

/** Rounds a metric amount up to a sensible step (never less than one step). */
export function roundMetricUp(value: number): number {
  if (value <= 0) return 0;
  return Math.max(ceilTo(value, metricStep(value)), 5);
}

const FRACTIONS: Record<number, string> = { 0.25: '¼', 0.5: '½', 0.75: '¾' };

/** Writes a number with quarter fractions ("1¼", "½") or at most two decimals. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const whole = Math.floor(rounded);
  const fraction = FRACTIONS[Math.round((rounded - whole) * 100) / 100];
  if (fraction) return whole === 0 ? fraction : `${whole}${fraction}`;
  return String(rounded);
}

/** Writes a decimal with at most two places and no trailing zeros ("1.25", "1.5", "2"). */
function formatDecimal(value: number): string {
  return String(Math.round(value * 100) / 100);
}

const IRREGULAR: Record<string, string> = {
  leaf: 'leaves',
  loaf: 'loaves',
  potato: 'potatoes',
  tomato: 'tomatoes',
  mango: 'mangoes',
  knife: 'knives',
  half: 'halves',
  calf: 'calves',
  fish: 'fish',
  squash: 'squash',
  celery: 'celery',
  garlic: 'garlic',
  lettuce: 'lettuce',
  tofu: 'tofu',
  rice: 'rice',
  bok: 'bok',
  choy: 'choy',
};

/** English plural of one word. */
function pluralWord(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return word[0] === lower[0] ? irregular : irregular[0].toUpperCase() + irregular.slice(1);
  if (/[^s]s$/i.test(word)) return word;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * Plural of a food or unit name: the last word before any comma or bracket
 * ("bell pepper, red" → "bell peppers, red"); names already plural stay.
 */
export function pluralize(name: string): string {
  const cut = name.search(/[,(]/);
  const head = cut === -1 ? name : name.slice(0, cut).trimEnd();
  const tail = cut === -1 ? '' : name.slice(head.length);
  const match = /^(.*?)([A-Za-z]+)$/.exec(head);
  if (!match) return name;
  return `${match[1]}${pluralWord(match[2])}${tail}`;
}

/** A food name as it reads inside a sentence: lower-case first letter unless it looks like an acronym. */
export function nameInLine(name: string): string {
  if (name.length > 1 && name[1] === name[1].toLowerCase()) return name[0].toLowerCase() + name.slice(1);
  return name;
}

/** "1 bunch", "2 bunches", "½ cup", "3 onions" for a unit or, with a null unit, the food's name. */
export function countPhrase(quantity: number, unit: string | null, foodName: string): string {
  const singular = quantity > 0 && quantity <= 1;
  if (unit === null) return `${formatNumber(quantity)} ${singular ? foodName : pluralize(foodName)}`;
  return `${formatNumber(quantity)} ${singular ? unit : pluralize(unit)}`;
}

/** A weight in the unit system, rounded up: "450 g", "1.25 kg", "3 oz", "1¼ lb". */
function weightAmount(grams: number, units: UnitSystem): { quantity: number; unit: string; amount: string } {
  if (units === 'us') {
    if (grams < GRAMS_PER_POUND / 4 - EPSILON) {
      const ounces = Math.max(1, ceilTo(grams / GRAMS_PER_OUNCE, 1));
      return { quantity: ounces, unit: 'ounce', amount: `${ounces} oz` };
    }
    const pounds = ceilTo(grams / GRAMS_PER_POUND, 0.25);
    return { quantity: pounds, unit: 'pound', amount: `${formatNumber(pounds)} lb` };
  }
  const rounded = roundMetricUp(grams);
  if (rounded >= 1000) return { quantity: rounded / 1000, unit: 'kilogram', amount: `${formatDecimal(rounded / 1000)} kg` };
  return { quantity: rounded, unit: 'gram', amount: `${rounded} g` };
}

/** A volume in the unit system, rounded up: "500 ml", "1.5 l", "6 fl oz", "1½ cups", "2 qt". */
function volumeAmount(milliliters: number, units: UnitSystem): { quantity: number; unit: string; amount: string } {
  if (units === 'us') {
    if (milliliters < ML_PER_CUP - EPSILON) {
      const ounces = Math.max(1, ceilTo(milliliters / ML_PER_FLUID_OUNCE, 1));
      return { quantity: ounces, unit: 'fluid ounce', amount: `${ounces} fl oz` };
    }
    if (milliliters < 4 * ML_PER_CUP - EPSILON) {
      const cups = ceilTo(milliliters / ML_PER_CUP, 0.25);
      return { quantity: cups, unit: 'cup', amount: `${formatNumber(cups)} ${cups <= 1 ? 'cup' : 'cups'}` };
    }
    if (milliliters < ML_PER_GALLON - EPSILON) {
      const quarts = ceilTo(milliliters / ML_PER_QUART, 0.25);
      return { quantity: quarts, unit: 'quart', amount: `${formatNumber(quarts)} qt` };
    }
    const gallons = ceilTo(milliliters / ML_PER_GALLON, 0.25);
    return { quantity: gallons, unit: 'gallon', amount: `${formatNumber(gallons)} gal` };
  }
  const rounded = roundMetricUp(milliliters);
  if (rounded >= 1000) return { quantity: rounded / 1000, unit: 'liter', amount: `${formatDecimal(rounded / 1000)} l` };
  return { quantity: rounded, unit: 'milliliter', amount: `${rounded} ml` };
}

/** A pack's own size as printed on it: "400 g", "1 kg", "14 oz", "2 lb". */
function packSize(grams: number, units: UnitSystem): string {
  if (units === 'us') {
    const ounces = Math.round((grams / GRAMS_PER_OUNCE) * 2) / 2;
    if (ounces >= 32 && ounces % 16 === 0) return `${ounces / 16} lb`;
    return `${formatDecimal(ounces)} oz`;
  }
  return grams >= 1000 ? `${formatDecimal(grams / 1000)} kg` : `${formatDecimal(grams)} g`;
}

/**
 * The amount a shopper buys for `grams` of a food, following Food.buyAs:
 * whole items counted and rounded up ("3 onions"), packs ("2 × 400 g cans
 * chickpeas"), volume for liquids, and otherwise weight in sensible steps
 * ("450 g", "1¼ lb"). Falls back to weight when the food lacks the portion
 * or pack weight its buyAs needs.
 */
export function buyAmount(food: Food, grams: number, units: UnitSystem): BuyAmount {
  const name = nameInLine(food.name);
  if (food.buyAs === 'count') {
    for (const unit of COUNT_UNITS) {
      const each = food.portions[unit];
      if (!each || each <= 0) continue;
      const count = Math.max(1, ceilTo(grams / each, 1));
      const byName = unit === 'piece' || unit === 'medium' || unit === 'large' || unit === 'small';
      const display = byName ? countPhrase(count, null, name) : `${countPhrase(count, unit, name)} ${name}`;
      return { quantity: count, unit: byName ? 'piece' : unit, amount: byName ? String(count) : countPhrase(count, unit, name), display };
    }
  }
  if (food.buyAs === 'pack' && food.pack && food.pack.grams > 0) {
    const count = Math.max(1, ceilTo(grams / food.pack.grams, 1));
    const amount = `${count} × ${packSize(food.pack.grams, units)} ${count === 1 ? food.pack.name : pluralize(food.pack.name)}`;
    return { quantity: count, unit: food.pack.name, amount, display: `${amount} ${name}` };
  }
  if (food.buyAs === 'volume') {
    const density = gramsPerMilliliter(food);
    if (density !== null && density > 0) {
      const volume = volumeAmount(grams / density, units);
      return { ...volume, display: `${volume.amount} ${name}` };
    }
  }
  const weight = weightAmount(grams, units);
  return { ...weight, display: `${weight.amount} ${name}` };
}
