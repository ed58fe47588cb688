import { CUP_ML } from '../ingredients';
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
  /** Grams of what is bought: whole items, whole packs or the rounded amount. */
  grams: number;
}

const GRAMS_PER_OUNCE = 28.349523125;
const GRAMS_PER_POUND = 453.59237;
const ML_PER_CUP = CUP_ML;
const ML_PER_FLUID_OUNCE = CUP_ML / 8;
const ML_PER_QUART = CUP_ML * 4;
const ML_PER_GALLON = CUP_ML * 16;
/** Absorbs floating-point noise so that exactly 2 pieces never round up to 3. */
const EPSILON = 1e-9;

/** Units a shopper buys whole, best first ("1 head garlic", not "1 garlic"); sizes read as the food's own name. */
const COUNT_UNITS: readonly PortionUnit[] = ['head', 'piece', 'medium', 'bunch', 'ear', 'large', 'small'];

/** Grams of one millilitre of the food, from its cup, tablespoon or teaspoon weight. */
function gramsPerMilliliter(food: Food): number | null {
  const { cup, tablespoon, teaspoon } = food.portions;
  if (cup) return cup / CUP_ML;
  if (tablespoon) return tablespoon / (CUP_ML / 16);
  if (teaspoon) return teaspoon / (CUP_ML / 48);
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
  chilli: 'chillies',
  chili: 'chilies',
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
  const match = /^(.*?)(\p{L}+)$/u.exec(head);
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

/**
 * True when the food's plural is a word people use for it ("potatoes", not
 * "salmons"): it is one of its aliases, or the name is already plural ("pine nuts").
 */
function pluralIsAlias(food: Food): boolean {
  let reads = pluralReads.get(food);
  if (reads === undefined) {
    const name = food.name.toLowerCase();
    const plural = pluralize(name);
    reads = plural === name ? /[^su]s$/.test(name) : food.aliases.includes(plural);
    pluralReads.set(food, reads);
  }
  return reads;
}

/** Remembered answers of pluralIsAlias: a list names the same foods again and again. */
const pluralReads = new WeakMap<Food, boolean>();

/**
 * An amount the food's grams could not include: "1 bunch", "½ cup", "2 leeks"
 * for whole items of a food counted that way, "2 × whole milk" otherwise.
 */
export function extraPhrase(food: Food, quantity: number, unit: string | null): string {
  const name = nameInLine(food.name);
  if (unit !== null) return countPhrase(quantity, unit, name);
  const countable = pluralIsAlias(food) || COUNT_UNITS.some((portion) => food.portions[portion] !== undefined);
  return countable ? countPhrase(quantity, null, name) : `${formatNumber(quantity)} × ${name}`;
}

/**
 * A volume the food's grams could not include, rounded up: millilitres
 * ("15 ml", "1.25 l") or US spoons and cups ("2 teaspoons", "1¼ tablespoons", "¾ cup").
 */
export function measureExtra(milliliters: number, units: UnitSystem): { quantity: number; unit: string; display: string } {
  if (units === 'metric') {
    const rounded = roundMetricUp(milliliters);
    if (rounded >= 1000) return { quantity: rounded / 1000, unit: 'liter', display: `${formatDecimal(rounded / 1000)} l` };
    return { quantity: Math.max(rounded, 5), unit: 'milliliter', display: `${Math.max(rounded, 5)} ml` };
  }
  const spoon = ML_PER_CUP / 16;
  const [unit, size] = milliliters < spoon - EPSILON ? ['teaspoon', spoon / 3] : milliliters < ML_PER_CUP / 4 - EPSILON ? ['tablespoon', spoon] : ['cup', ML_PER_CUP];
  const quantity = Math.max(0.25, ceilTo(milliliters / size, 0.25));
  return { quantity, unit, display: countPhrase(quantity, unit, '') };
}

/** A weight in the unit system, rounded up: "450 g", "1.25 kg", "3 oz", "1¼ lb". */
export function weightAmount(grams: number, units: UnitSystem): { quantity: number; unit: string; amount: string; grams: number } {
  if (units === 'us') {
    if (grams < GRAMS_PER_POUND / 4 - EPSILON) {
      const ounces = Math.max(1, ceilTo(grams / GRAMS_PER_OUNCE, 1));
      return { quantity: ounces, unit: 'ounce', amount: `${ounces} oz`, grams: ounces * GRAMS_PER_OUNCE };
    }
    const pounds = ceilTo(grams / GRAMS_PER_POUND, 0.25);
    return { quantity: pounds, unit: 'pound', amount: `${formatNumber(pounds)} lb`, grams: pounds * GRAMS_PER_POUND };
  }
  const rounded = Math.max(roundMetricUp(grams), 5);
  if (rounded >= 1000) return { quantity: rounded / 1000, unit: 'kilogram', amount: `${formatDecimal(rounded / 1000)} kg`, grams: rounded };
  return { quantity: rounded, unit: 'gram', amount: `${rounded} g`, grams: rounded };
}

/** A volume in the unit system, rounded up: "500 ml", "1.5 l", "6 fl oz", "1½ cups", "2 qt". */
function volumeAmount(milliliters: number, units: UnitSystem): { quantity: number; unit: string; amount: string; milliliters: number } {
  if (units === 'us') {
    if (milliliters < ML_PER_CUP - EPSILON) {
      const ounces = Math.max(1, ceilTo(milliliters / ML_PER_FLUID_OUNCE, 1));
      return { quantity: ounces, unit: 'fluid ounce', amount: `${ounces} fl oz`, milliliters: ounces * ML_PER_FLUID_OUNCE };
    }
    if (milliliters < 4 * ML_PER_CUP - EPSILON) {
      const cups = ceilTo(milliliters / ML_PER_CUP, 0.25);
      return { quantity: cups, unit: 'cup', amount: `${formatNumber(cups)} ${cups <= 1 ? 'cup' : 'cups'}`, milliliters: cups * ML_PER_CUP };
    }
    if (milliliters < ML_PER_GALLON - EPSILON) {
      const quarts = ceilTo(milliliters / ML_PER_QUART, 0.25);
      return { quantity: quarts, unit: 'quart', amount: `${formatNumber(quarts)} qt`, milliliters: quarts * ML_PER_QUART };
    }
    const gallons = ceilTo(milliliters / ML_PER_GALLON, 0.25);
    return { quantity: gallons, unit: 'gallon', amount: `${formatNumber(gallons)} gal`, milliliters: gallons * ML_PER_GALLON };
  }
  const rounded = Math.max(roundMetricUp(milliliters), 5);
  if (rounded >= 1000) return { quantity: rounded / 1000, unit: 'liter', amount: `${formatDecimal(rounded / 1000)} l`, milliliters: rounded };
  return { quantity: rounded, unit: 'milliliter', amount: `${rounded} ml`, milliliters: rounded };
}

/** A weight as printed on a pack: "400 g", "1 kg", "14 oz", "2.2 lb". */
function packWeight(grams: number, units: UnitSystem): string {
  if (units === 'us') {
    const ounces = grams / GRAMS_PER_OUNCE;
    if (ounces >= 32) return `${Math.round((grams / GRAMS_PER_POUND) * 10) / 10} lb`;
    return `${ounces < 2 ? Math.round(ounces * 10) / 10 : Math.round(ounces * 2) / 2} oz`;
  }
  return grams >= 1000 ? `${formatDecimal(grams / 1000)} kg` : `${formatDecimal(grams)} g`;
}

/** A volume as printed on a pack: "500 ml", "1 l", "34 fl oz". */
function packVolume(milliliters: number, units: UnitSystem): string {
  if (units === 'us') return `${formatDecimal(Math.round((milliliters / ML_PER_FLUID_OUNCE) * 2) / 2)} fl oz`;
  return milliliters >= 1000 ? `${formatDecimal(milliliters / 1000)} l` : `${formatDecimal(milliliters)} ml`;
}

/** A size written in metric ("400 g", "1 l") in the unit system. */
function packSize(amount: number, unit: string, units: UnitSystem): string {
  switch (unit.toLowerCase()) {
    case 'kg':
      return packWeight(amount * 1000, units);
    case 'ml':
      return packVolume(amount, units);
    case 'l':
      return packVolume(amount * 1000, units);
    default:
      return packWeight(amount, units);
  }
}

const SIZED_CONTAINER = /^(\d+(?:\.\d+)?)\s*(g|kg|ml|l)\s+([a-z]+)$/i;
const CONTAINER = /^[a-z]+$/i;
const SIZE_IN_TEXT = /(\d+(?:\.\d+)?)\s*(kg|g|ml|l)\b/gi;

/** How a pack reads: its unit, and its label for one and for several ("400 g can" / "400 g cans"). */
export interface PackLabel {
  unit: string;
  one: string;
  many: string;
  /** How much of the food's name the label already says: all ("12 eggs" for egg), some ("12 eggs" for egg white) or none. */
  contents: 'all' | 'some' | 'none';
}

/**
 * How a catalog pack reads on the list. Names holding a size and a container
 * ("400 g can", "1 l bottle") become "400 g can" / "14 oz can"; a bare
 * container ("jar") takes its size from the grams; any other name ("12 eggs",
 * "6-pack (300 g)") is kept, with its sizes converted for US units.
 */
export function packLabel(pack: { name: string; grams: number }, units: UnitSystem, foodName = ''): PackLabel {
  const name = pack.name.trim().replace(/\s+/g, ' ');
  const sized = SIZED_CONTAINER.exec(name);
  if (sized || CONTAINER.test(name)) {
    const container = sized ? sized[3] : name;
    const size = sized ? packSize(Number(sized[1]), sized[2], units) : packWeight(pack.grams, units);
    return { unit: container.toLowerCase(), one: `${size} ${container}`, many: `${size} ${pluralize(container)}`, contents: 'none' };
  }
  const label = units === 'us' ? name.replace(SIZE_IN_TEXT, (_, amount: string, unit: string) => packSize(Number(amount), unit, units)) : name;
  const lower = label.toLowerCase();
  const words = foodName.toLowerCase().split(/[^a-z\u00c0-\u024f]+/).filter((word) => word.length > 2);
  const found = words.filter((word) => lower.includes(word.replace(/s$/, ''))).length;
  const contents = words.length > 0 && found === words.length ? 'all' : found > 0 ? 'some' : 'none';
  return { unit: 'pack', one: label, many: label, contents };
}

const packLabels = new WeakMap<Food, Partial<Record<UnitSystem, PackLabel>>>();

/** packLabel, remembered per food and unit system. */
function cachedPackLabel(food: Food, pack: { name: string; grams: number }, units: UnitSystem): PackLabel {
  let labels = packLabels.get(food);
  if (!labels) {
    labels = {};
    packLabels.set(food, labels);
  }
  return (labels[units] ??= packLabel(pack, units, food.name));
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
      return { quantity: count, unit: byName ? 'piece' : unit, amount: byName ? String(count) : countPhrase(count, unit, name), display, grams: count * each };
    }
  }
  if (food.buyAs === 'pack' && food.pack && food.pack.grams > 0) {
    const count = Math.max(1, ceilTo(grams / food.pack.grams, 1));
    const label = cachedPackLabel(food, food.pack, units);
    const amount = `${count} × ${count === 1 ? label.one : label.many}`;
    const display = label.contents === 'all' ? amount : label.contents === 'some' ? `${amount} (${name})` : `${amount} ${name}`;
    return { quantity: count, unit: label.unit, amount, display, grams: count * food.pack.grams };
  }
  if (food.buyAs === 'volume') {
    const density = gramsPerMilliliter(food);
    if (density !== null && density > 0) {
      const { milliliters, ...volume } = volumeAmount(grams / density, units);
      return { ...volume, display: `${volume.amount} ${name}`, grams: milliliters * density };
    }
  }
  const weight = weightAmount(grams, units);
  return { ...weight, display: `${weight.amount} ${pluralIsAlias(food) ? pluralize(name) : name}` };
}
