import { parseIsoDate } from '../dates';
import { gramsFor, unitInfo } from '../ingredients';
import type { EatenLine, FoodLookup, LineParser } from '../plan/resolve';
import type { BoughtPart, Food, ParsedLine } from '../types';
import type { ExtraAmount, ShoppingItem, ShoppingList, ShoppingOptions, ShoppingSource, UnmatchedItem } from './types';
import { buyAmount, countPhrase, extraPhrase, formatNumber, measureExtra, nameInLine, roundMetricUp, weightAmount, type UnitSystem } from './units';

/** What a shopping list is built from. */
export interface ShoppingInput {
  /** Ingredient lines of planned meals (resolveMeals), already scaled by servings. */
  lines: readonly EatenLine[];
  /** Items the user added by hand: text parsed like recipe lines, or lines already parsed. */
  manual?: readonly (string | ParsedLine)[];
  /** First date of the range, inclusive (YYYY-MM-DD); no lower bound when absent. */
  from?: string | null;
  /** Last date of the range, inclusive; no upper bound when absent. */
  to?: string | null;
}

type Vague = 'to taste' | 'as needed';

/** Extras key for volumes summed in millilitres. */
const VOLUME_KEY = ' volume';
/** Volume units too small and vague to sum as millilitres: "a pinch" stays a pinch. */
const TINY_MEASURES = new Set(['pinch', 'dash', 'drop']);

/** Grams of one form a recipe names (cooked rice, lemon juice), bought as another food. */
interface FormGrams {
  food: Food;
  /** Grams of the form itself. */
  grams: number;
}

interface PartEntry {
  /** Grams of the bought food this part needs. */
  grams: number;
  forms: Map<string, FormGrams>;
}

interface FoodEntry {
  food: Food;
  /** Grams of the food named as itself. */
  grams: number;
  /** Grams needed for forms bought as this food, by part: dry for cooked, juice and zest of one fruit. */
  parts: Map<BoughtPart, PartEntry>;
  known: boolean;
  extras: Map<string, { quantity: number; unit: string | null }>;
  vague: Vague | null;
  from: ShoppingSource[];
  optional: boolean;
  manual: boolean;
}

interface TextEntry {
  scale: number;
  from: ShoppingSource[];
  optional: boolean;
}

/** Lower-case, single-spaced, trimmed: the identity of an unmatched line. */
export function normaliseText(text: string): string {
  return (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/, '');
}

/** Section headings inside ingredient lists ("For the sauce:") are not things to buy. */
function isHeading(parsed: ParsedLine, text: string): boolean {
  return text === '' || (parsed.food === null && parsed.quantity === null && /:\s*$/.test(text));
}

/**
 * Builds the shopping list for the meals in a date range (inclusive at both
 * ends) plus manual items. Every line of the same food becomes one item:
 * grams from all lines add up, whatever unit each used, and amounts that do
 * not convert to grams stay beside it as extras ("+ 1 bunch"). Items are
 * shown in the unit a shopper buys in, grouped by aisle in
 * `options.aisleOrder`; pantry staples (and `options.pantryIds`) go to
 * `pantry` unless added by hand; lines no food matched go to `unmatched`
 * with their text. Meals with zero servings need nothing. A range such as
 * "2–3" buys the upper amount.
 */
export function buildShoppingList(
  input: ShoppingInput,
  lookup: FoodLookup,
  parse: LineParser,
  options: ShoppingOptions,
): ShoppingList {
  const from = input.from ?? null;
  const to = input.to ?? null;
  if (from !== null && parseIsoDate(from) === null) throw new RangeError(`Not a date: ${from}`);
  if (to !== null && parseIsoDate(to) === null) throw new RangeError(`Not a date: ${to}`);
  if (from !== null && to !== null && from > to) throw new RangeError(`The range starts (${from}) after it ends (${to})`);

  const foods = new Map<string, FoodEntry>();
  const texts = new Map<string, TextEntry>();

  const add = (parsed: ParsedLine, food: Food | null, scale: number, mealGrams: number | null, base: Omit<ShoppingSource, 'uses'>, manual: boolean): void => {
    const text = parsed.input.trim();
    if (isHeading(parsed, text) || !(scale > 0)) return;
    // Tap water and the like: nothing to buy.
    if (food !== null && food.buyAs === 'none') return;
    if (food === null) {
      const source: ShoppingSource = { ...base, uses: scale === 1 ? text : `${text} (× ${formatNumber(scale)})` };
      const key = normaliseText(text);
      const entry = texts.get(key);
      if (entry) {
        entry.scale += scale;
        entry.from.push(source);
        entry.optional &&= parsed.optional;
      } else {
        texts.set(key, { scale, from: [source], optional: parsed.optional });
      }
      return;
    }
    const { quantity, quantityMax } = parsed;
    const amount = quantityMax !== null && quantity !== null && quantityMax > quantity ? quantityMax : quantity;
    let grams: number | null = null;
    if (mealGrams !== null && !(mealGrams === 0 && quantity === null)) {
      grams = amount !== null && quantity !== null && quantity > 0 ? (mealGrams * amount) / quantity : mealGrams;
    } else if (amount !== null) {
      const each = gramsOf(food, amount, parsed.unit, parsed.size);
      grams = each === null ? null : each * scale;
    }
    // Cooked rice is bought dry, lemon juice as lemons: the line joins the food a shopper buys.
    const bought = grams !== null && food.boughtAs ? lookup(food.boughtAs.food) : undefined;
    const target = bought && bought.buyAs !== 'none' && food.boughtAs && food.boughtAs.yield > 0 ? bought : food;
    let entry = foods.get(target.id);
    if (!entry) {
      entry = { food: target, grams: 0, parts: new Map(), known: false, extras: new Map(), vague: null, from: [], optional: true, manual: false };
      foods.set(target.id, entry);
    }
    entry.from.push({ ...base, uses: usesPhrase(food, parsed, amount, scale, grams, options.units) });
    entry.optional &&= parsed.optional;
    entry.manual ||= manual;

    if (grams !== null && target !== food && food.boughtAs) {
      const { part: name, yield: ratio } = food.boughtAs;
      let part = entry.parts.get(name);
      if (!part) {
        part = { grams: 0, forms: new Map() };
        entry.parts.set(name, part);
      }
      part.grams += grams / ratio;
      const form = part.forms.get(food.id);
      if (form) form.grams += grams;
      else part.forms.set(food.id, { food, grams });
      entry.known = true;
    } else if (grams !== null) {
      entry.grams += grams;
      entry.known = true;
    } else if (amount !== null) {
      // Volumes add up even when the food's density is unknown: ¼ cup + 2 tablespoons is one amount.
      const info = parsed.unit === null ? undefined : unitInfo(parsed.unit);
      const measured = info !== undefined && info.kind === 'volume' && !TINY_MEASURES.has(info.name);
      const unitKey = measured ? VOLUME_KEY : (parsed.unit ?? '');
      const value = amount * scale * (measured ? info.factor : 1);
      const extra = entry.extras.get(unitKey);
      if (extra) extra.quantity += value;
      else entry.extras.set(unitKey, { quantity: value, unit: measured ? 'milliliter' : parsed.unit });
    } else if (entry.vague !== 'to taste') {
      entry.vague = /\bto taste\b/i.test(text) ? 'to taste' : 'as needed';
    }
  };

  for (const line of input.lines) {
    const { meal } = line;
    if ((from !== null && meal.date < from) || (to !== null && meal.date > to)) continue;
    // A meal marked eaten needs nothing more.
    if (meal.eaten === true) continue;
    const source = {
      meal: meal.id,
      date: meal.date,
      slot: meal.slot,
      recipe: line.recipe?.name ?? null,
      text: line.parsed.input,
      optional: line.parsed.optional,
    };
    add(line.parsed, line.food, line.scale, line.mealGrams, source, false);
  }
  for (const item of input.manual ?? []) {
    const parsed = typeof item === 'string' ? parse(item) : item;
    const food = parsed.food ? (lookup(parsed.food.id) ?? null) : null;
    const source = { meal: null, date: null, slot: null, recipe: null, text: parsed.input, optional: parsed.optional };
    add(parsed, food, 1, parsed.grams, source, true);
  }

  const aisleRank = new Map<string, number>();
  options.aisleOrder.forEach((name, index) => {
    const key = name.toLowerCase();
    if (!aisleRank.has(key)) aisleRank.set(key, index);
  });
  const rankOf = (aisle: string): number => aisleRank.get(aisle.toLowerCase()) ?? Number.MAX_SAFE_INTEGER;
  const byAisle = (a: string, b: string): number => rankOf(a) - rankOf(b) || compare(a, b);
  const byItem = (a: ShoppingItem, b: ShoppingItem): number => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.key, b.key);

  const aisles = new Map<string, ShoppingItem[]>();
  const pantry: ShoppingItem[] = [];
  for (const entry of foods.values()) {
    const item = toItem(entry, options);
    if (inPantrySection(entry, item)) {
      pantry.push(item);
    } else {
      const list = aisles.get(item.aisle);
      if (list) list.push(item);
      else aisles.set(item.aisle, [item]);
    }
  }
  pantry.sort((a, b) => byAisle(a.aisle, b.aisle) || byItem(a, b));

  const unmatched: UnmatchedItem[] = [];
  for (const [key, entry] of texts) {
    const from = sortSources(entry.from);
    const text = from[0].text.trim();
    const times = entry.scale === 1 ? '' : ` (× ${formatNumber(entry.scale)})`;
    unmatched.push({
      key: `text:${key}`,
      text,
      display: `${text}${times}`,
      scale: Math.round(entry.scale * 1000) / 1000,
      from,
      optional: entry.optional,
    });
  }
  unmatched.sort((a, b) => compare(a.key, b.key));

  return {
    aisles: [...aisles.keys()].sort(byAisle).map((name) => ({ name, items: (aisles.get(name) ?? []).sort(byItem) })),
    pantry,
    unmatched,
  };
}

/** Grams of an amount through the food's portions, reading "dozen" and other multi-piece counts as pieces. */
function gramsOf(food: Food, quantity: number, unit: string | null, size: ParsedLine['size']): number | null {
  const grams = gramsFor(food, quantity, unit, size);
  if (grams !== null || unit === null) return grams;
  const info = unitInfo(unit);
  return info && info.kind === 'count' && info.factor > 1 ? gramsFor(food, quantity * info.factor, null, size) : null;
}

/** Plain code-unit comparison: the same order on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sources by date (manual items last), then slot, meal and text: the same order whatever order the meals came in. */
function sortSources(sources: ShoppingSource[]): ShoppingSource[] {
  const key = (source: ShoppingSource) => `${source.date ?? '\uffff'}\u0000${source.slot ?? ''}\u0000${source.meal ?? ''}\u0000${source.text}`;
  const keyed = sources.map((source) => ({ source, key: key(source) }));
  keyed.sort((a, b) => compare(a.key, b.key));
  return keyed.map((entry) => entry.source);
}

/** Rounds an unconverted measure up to a quarter, so "0.3 cup" reads "½ cup". */
function quarterUp(quantity: number): number {
  return Math.max(0.25, Math.ceil(quantity * 4 - 1e-9) / 4);
}

/** Grams of the food the entry needs: itself, the dry form of cooked lines, and the fruit its juice or zest comes from (the same fruits give both). */
function neededGrams(entry: FoodEntry): number {
  const part = (name: BoughtPart) => entry.parts.get(name)?.grams ?? 0;
  return entry.grams + part('dry') + Math.max(part('juice'), part('zest'));
}

/**
 * Above this many grams a week's need of a staple is bought, not checked:
 * one whole pack, or 500 g of a staple sold loose.
 */
export function stapleLimit(food: Food): number {
  return food.pack && food.pack.grams > 0 ? food.pack.grams : 500;
}

/** True when the food belongs in "Check you have" rather than its aisle. */
function inPantrySection(entry: FoodEntry, item: ShoppingItem): boolean {
  if (entry.manual) return false;
  if (item.have !== null) return item.quantity === null && entry.known;
  if (item.choice === 'buy') return false;
  if (item.choice === 'have') return true;
  return entry.food.pantryStaple && !(entry.known && neededGrams(entry) >= stapleLimit(entry.food));
}

/** What one meal uses of a line, scaled by its servings: "1 cup cooked brown rice (98 g)", "2 onions", "salt, to taste". */
function usesPhrase(food: Food, parsed: ParsedLine, amount: number | null, scale: number, grams: number | null, units: UnitSystem): string {
  if (amount === null) return parsed.input.trim();
  const name = nameInLine(food.name);
  const quantity = Math.round(amount * scale * 100) / 100;
  const phrase = parsed.unit === null ? countPhrase(quantity, null, name) : `${countPhrase(quantity, parsed.unit, name)} ${name}`;
  const info = parsed.unit === null ? undefined : unitInfo(parsed.unit);
  const weighed = info !== undefined && info.kind === 'mass';
  return grams !== null && !weighed && grams > 0 ? `${phrase} (${plainWeight(grams, units)})` : phrase;
}

/** A weight to read, not to buy: "8 g", "325 g", "1.25 kg", "3.5 oz", "1.2 lb". */
function plainWeight(grams: number, units: UnitSystem): string {
  if (units === 'us') {
    const ounces = grams / 28.349523125;
    return ounces < 16 ? `${Math.max(0.1, Math.round(ounces * 10) / 10)} oz` : `${Math.round((ounces / 16) * 100) / 100} lb`;
  }
  if (grams < 250) return `${Math.max(1, Math.round(grams))} g`;
  if (grams < 1000) return `${Math.round(grams / 5) * 5} g`;
  return `${Math.round(grams / 10) / 100} kg`;
}

/** "about 700 g dry for 2.05 kg cooked brown rice", "for 100 g lemon juice and 5 g lemon zest". */
function conversionNote(entry: FoodEntry, units: UnitSystem): string | undefined {
  if (entry.parts.size === 0) return undefined;
  const forms = [...entry.parts.values()].flatMap((part) => [...part.forms.values()]);
  forms.sort((a, b) => compare(a.food.id, b.food.id));
  const list = forms.map((form) => `${plainWeight(form.grams, units)} ${nameInLine(form.food.name)}`);
  const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
  const dry = entry.parts.get('dry');
  if (dry && entry.parts.size === 1 && entry.food.buyAs !== 'count') {
    const about = units === 'metric' ? `${formatMetric(roundMetricUp(dry.grams))}` : weightAmount(dry.grams, units).amount;
    return `about ${about} dry for ${joined}`;
  }
  return `for ${joined}`;
}

/** "700 g", "1.2 kg". */
function formatMetric(grams: number): string {
  return grams >= 1000 ? `${Math.round(grams / 100) / 10} kg` : `${grams} g`;
}

function toItem(entry: FoodEntry, options: ShoppingOptions): ShoppingItem {
  const { food } = entry;
  const name = nameInLine(food.name);
  const need = neededGrams(entry);
  const stocked = options.pantryAmounts?.get(food.id);
  const have = stocked !== undefined && entry.known ? Math.min(Math.max(stocked, 0), need) : null;
  const toBuy = have === null ? need : need - have;
  // A known but tiny amount (a pinch the parser rounded to 0 g) still buys the smallest unit.
  const buys = entry.known && (toBuy > 0 || (have === null && entry.extras.size === 0 && entry.vague === null));
  const main = buys ? buyAmount(food, toBuy, options.units) : null;
  const extra: ExtraAmount[] = [...entry.extras.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([key, { quantity, unit }]) => {
      if (key === VOLUME_KEY) return measureExtra(quantity, options.units);
      const rounded = unit === null || unitInfo(unit)?.kind === 'count' ? Math.max(1, Math.ceil(quantity - 1e-9)) : quarterUp(quantity);
      return { quantity: rounded, unit, display: extraPhrase(food, rounded, unit) };
    });

  const amountParts: string[] = [];
  const displayParts: string[] = [];
  if (main) {
    amountParts.push(main.amount);
    displayParts.push(main.display);
  } else if (have !== null) {
    amountParts.push('in the pantry');
    displayParts.push(`${name}: in the pantry`);
  }
  for (const e of extra) {
    amountParts.push(e.display);
    displayParts.push(displayParts.length === 0 && e.unit !== null ? `${e.display} ${name}` : e.display);
  }
  if (entry.vague) {
    extra.push({ quantity: null, unit: null, display: entry.vague });
    amountParts.push(amountParts.length ? `more ${entry.vague}` : entry.vague);
    if (displayParts.length) displayParts.push(`more ${entry.vague}`);
    else displayParts.push(`${name}, ${entry.vague}`);
  }

  const notes: string[] = [];
  const conversion = conversionNote(entry, options.units);
  if (conversion) notes.push(conversion);
  if (have !== null && have > 0) notes.push(`${plainWeight(need, options.units)} needed, ${plainWeight(have, options.units)} from the pantry`);

  const choice = options.buyIds?.has(food.id) ? 'buy' : options.pantryIds?.has(food.id) ? 'have' : null;
  const item: ShoppingItem = {
    key: food.id,
    food: food.id,
    name: food.name,
    quantity: main ? main.quantity : null,
    unit: main ? main.unit : null,
    buyGrams: main ? main.grams : null,
    amount: amountParts.join(' + '),
    display: displayParts.join(' + '),
    grams: entry.known ? Math.round(need * 10) / 10 : null,
    from: sortSources(entry.from),
    optional: entry.optional,
    aisle: food.aisle,
    staple: food.pantryStaple || choice !== null,
    choice,
    have: have === null ? null : Math.round(have * 10) / 10,
  };
  if (extra.length) item.extra = extra;
  if (notes.length) item.note = notes.join('; ');
  return item;
}
