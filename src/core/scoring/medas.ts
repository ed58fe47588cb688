import type { EatenLine, FoodLookup } from '../plan/resolve';
import type { Food, MedasClass } from '../types';

/**
 * Serving sizes and thresholds of the 14-item Mediterranean Diet Adherence
 * Screener (Schröder et al., J Nutr 2011;141:1140, Table 1) as this estimate
 * reads them; docs/SCORING.md gives the reasons. Where the screener gives a
 * range (red meat 100–150 g, fish 100–150 g) the low end is used.
 */
export const MEDAS_SERVINGS = Object.freeze({
  /** One tablespoon of olive oil (USDA SR Legacy 04053). */
  oliveOilTablespoon: 13.5,
  vegetable: 200,
  /** One unit of fruit, about a medium apple or orange. */
  fruit: 150,
  redMeat: 100,
  butterCream: 12,
  /** One glass of a sweet or fizzy drink. */
  sugaryDrink: 200,
  legume: 150,
  /** Dried pulses weigh about 2.5 times as much cooked. */
  dryLegumeYield: 2.5,
  fish: 100,
  shellfish: 200,
  nut: 30,
});

export type MedasStatus = 'met' | 'not-met' | 'not-assessable' | 'not-scored';

export type MedasItemId =
  | 'olive-oil-main'
  | 'olive-oil-amount'
  | 'vegetables'
  | 'fruit'
  | 'red-meat'
  | 'butter-cream'
  | 'sugary-drinks'
  | 'wine'
  | 'legumes'
  | 'fish'
  | 'commercial-sweets'
  | 'nuts'
  | 'white-meat'
  | 'sofrito';

/** A food that counted for (or, for the "less than" items, against) an item. */
export interface MedasFood {
  id: string;
  name: string;
  /** Grams per person over the week (after any dried-pulse yield), 1 decimal; null for a dish counted by times. */
  grams: number | null;
  /** Times a dish was eaten (the sofrito item); null for a food counted by grams. */
  times: number | null;
}

/** One screener item as estimated from the planned week. */
export interface MedasItem {
  /** Item number in the screener, 1–14. */
  number: number;
  id: MedasItemId;
  /** Short name for lists and tables. */
  label: string;
  /** What the screener asks, with its threshold. */
  criterion: string;
  status: MedasStatus;
  /** The week's figure in `unit`, 1 decimal; null when not assessable or not scored. */
  amount: number | null;
  amountRaw: number | null;
  unit: string;
  /** How the figure was worked out from the plan. */
  rule: string;
  /** Why the item cannot be read from this plan (not-assessable and not-scored). */
  reason: string | null;
  foods: MedasFood[];
  /** What would meet the item, when it is not met; never for wine. */
  hint: string | null;
}

/** The MEDAS estimate of one week, per person. */
export interface MedasEstimate {
  items: MedasItem[];
  /** Items met. */
  met: number;
  /** Items that could be read from the plan (met or not met). */
  assessable: number;
  /** Items the estimate scores at all: 13, wine is never scored. */
  scored: number;
}

/** What the estimate reads: the same lines, shares and days scoreWeek uses. */
export interface MedasInput {
  lines: readonly EatenLine[];
  /** The fraction of each line's meal grams that is one person's (scoreWeek's `share`), in the order of `lines`. */
  shares: readonly number[];
  days: number;
}

interface Part {
  food: Food;
  share: number;
}

const MAX_DEPTH = 4;
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ALLIUM_CROPS = new Set(['onion', 'garlic', 'leek']);

/**
 * Estimates the 14-item Mediterranean Diet Adherence Screener from a planned
 * week: each item met, not met or not assessable, with the foods behind it and
 * the rule used. Wine (item 8) is never scored and never suggested. Figures are
 * per person: grams are each line's meal grams × the person's share, as in scoreWeek.
 */
export function estimateMedas(input: MedasInput, foods: FoodLookup): MedasEstimate {
  const days = input.days > 0 ? input.days : 7;
  const grams = new Map<MedasClass, Map<string, { food: Food; grams: number }>>();
  const sweetMeals = new Map<string, Set<string>>();
  const sofritoMeals = new Map<string, { tomato: Set<string>; allium: Set<string>; oil: Set<string> }>();
  const mealNames = new Map<string, string>();
  let counted = 0;
  let drinksPlanned = false;
  // A week eats the same few foods again and again: each one's parts are worked out once.
  const partsOf = new Map<Food, Part[]>();

  for (let at = 0; at < input.lines.length; at++) {
    const line = input.lines[at];
    if (line.parsed.optional || !(line.scale > 0) || !line.food) continue;
    if (line.mealGrams === null || !Number.isFinite(line.mealGrams)) continue;
    counted += 1;
    const meal = line.meal;
    mealNames.set(meal.id, line.recipe?.name ?? line.food.name);
    const perPerson = line.mealGrams * (input.shares[at] ?? 0);
    if (!(perPerson > 0)) continue;
    let foodParts = partsOf.get(line.food);
    if (!foodParts) partsOf.set(line.food, (foodParts = parts(line.food, foods)));
    for (const { food, share } of foodParts) {
      if (food.group === 'beverage' || food.id.endsWith('-juice') || food.medas === 'sugary-drink') drinksPlanned = true;
      const cls = food.medas ?? null;
      const g = perPerson * share * (cls === 'dry-legume' ? MEDAS_SERVINGS.dryLegumeYield : 1);
      if (cls) addGrams(grams, cls, food, g);
      if (cls === 'commercial-sweet') {
        let set = sweetMeals.get(meal.id);
        if (!set) sweetMeals.set(meal.id, (set = new Set()));
        set.add(food.id);
      }
      let sofrito = sofritoMeals.get(meal.id);
      if (!sofrito) sofritoMeals.set(meal.id, (sofrito = { tomato: new Set(), allium: new Set(), oil: new Set() }));
      if (food.crop === 'tomato') sofrito.tomato.add(food.id);
      if (food.crop !== null && ALLIUM_CROPS.has(food.crop)) sofrito.allium.add(food.id);
      if (cls === 'olive-oil') sofrito.oil.add(food.id);
    }
  }

  const total = (...classes: MedasClass[]): number => {
    let sum = 0;
    for (const cls of classes) for (const entry of grams.get(cls)?.values() ?? []) sum += entry.grams;
    return sum;
  };
  const list = (...classes: MedasClass[]): MedasFood[] => {
    const merged = new Map<string, { food: Food; grams: number }>();
    for (const cls of classes) for (const entry of grams.get(cls)?.values() ?? []) addTo(merged, entry.food, entry.grams);
    return [...merged.values()]
      .sort((a, b) => b.grams - a.grams || (a.food.id < b.food.id ? -1 : 1))
      .map(({ food, grams: g }) => ({ id: food.id, name: food.name, grams: round1(g), times: null }));
  };

  const empty = counted === 0;
  const emptyReason = 'nothing with known amounts is planned this week';
  const items: MedasItem[] = [];
  const push = (item: Omit<MedasItem, 'amount' | 'amountRaw'> & { amountRaw: number | null }): void => {
    const blocked = empty && item.status !== 'not-scored';
    items.push({
      ...item,
      status: blocked ? 'not-assessable' : item.status,
      reason: blocked ? emptyReason : item.reason,
      amountRaw: blocked ? null : item.amountRaw,
      amount: blocked || item.amountRaw === null ? null : round1(item.amountRaw),
      hint: blocked ? null : item.hint,
      foods: blocked ? [] : item.foods,
    });
  };

  const olive = total('olive-oil');
  const fat = olive + total('other-fat', 'butter-cream');
  const noFat = fat === 0;
  const oliveShare = noFat ? null : olive / fat;
  push({
    number: 1,
    id: 'olive-oil-main',
    label: 'Olive oil as the main fat',
    criterion: 'Olive oil is the main culinary fat',
    status: noFat ? 'not-assessable' : olive > fat / 2 ? 'met' : 'not-met',
    amountRaw: oliveShare === null ? null : oliveShare * 100,
    unit: '% of added fat',
    rule: 'met when olive oil is more than half of the grams of added fat (oils, butter, margarine, lard, cream)',
    reason: noFat ? 'no cooking fat is planned' : null,
    foods: list('olive-oil', 'other-fat', 'butter-cream'),
    hint: noFat || olive > fat / 2 ? null : 'Cooking with olive oil instead of other fats would meet the olive oil item.',
  });

  const tablespoons = olive / days / MEDAS_SERVINGS.oliveOilTablespoon;
  push({
    number: 2,
    id: 'olive-oil-amount',
    label: 'Olive oil, 4 tablespoons a day',
    criterion: '4 or more tablespoons of olive oil a day',
    status: noFat ? 'not-assessable' : tablespoons >= 4 ? 'met' : 'not-met',
    amountRaw: noFat ? null : tablespoons,
    unit: 'tablespoons a day',
    rule: `olive oil grams per person ÷ ${days} days ÷ ${MEDAS_SERVINGS.oliveOilTablespoon} g a tablespoon`,
    reason: noFat ? 'no cooking fat is planned' : null,
    foods: list('olive-oil'),
    hint: noFat || tablespoons >= 4 ? null : `About ${formatAmount(4 - tablespoons)} more tablespoons of olive oil a day would meet this item.`,
  });

  const vegetables = total('vegetable') / days / MEDAS_SERVINGS.vegetable;
  push(
    atLeast(3, 'vegetables', 'Vegetables, 2 servings a day', '2 or more servings of vegetables a day (200 g each)', vegetables, 2, 'servings a day', {
      rule: `vegetable grams per person ÷ ${days} days ÷ ${MEDAS_SERVINGS.vegetable} g; potatoes do not count; whether one serving is raw is not checked`,
      foods: list('vegetable'),
      hint: `About ${formatAmount((2 - vegetables) * MEDAS_SERVINGS.vegetable)} g more vegetables a day would meet the vegetable item.`,
    }),
  );

  const fruit = total('fruit') / days / MEDAS_SERVINGS.fruit;
  push(
    atLeast(4, 'fruit', 'Fruit, 3 a day', '3 or more pieces of fruit a day, fruit juice included', fruit, 3, 'pieces a day', {
      rule: `fruit and juice grams per person ÷ ${days} days ÷ ${MEDAS_SERVINGS.fruit} g a piece`,
      foods: list('fruit'),
      hint: `${capital(countWords(3 - fruit))} more ${plural(3 - fruit, 'piece')} of fruit a day would meet the fruit item.`,
    }),
  );

  const redMeat = total('red-meat', 'processed-meat') / days / MEDAS_SERVINGS.redMeat;
  push(
    lessThan(5, 'red-meat', 'Red and processed meat, under 1 a day', 'Less than 1 serving of red meat, burgers or meat products (ham, sausage) a day', redMeat, 1, 'servings a day', {
      rule: `red and processed meat grams per person ÷ ${days} days ÷ ${MEDAS_SERVINGS.redMeat} g`,
      foods: list('red-meat', 'processed-meat'),
      hint: 'Swapping some red or processed meat for fish, poultry or legumes would meet the red meat item.',
    }),
  );

  const butter = total('butter-cream') / days / MEDAS_SERVINGS.butterCream;
  push(
    lessThan(6, 'butter-cream', 'Butter, margarine, cream, under 1 a day', 'Less than 1 serving of butter, margarine or cream a day (12 g)', butter, 1, 'servings a day', {
      rule: `butter, margarine and cream grams per person ÷ ${days} days ÷ ${MEDAS_SERVINGS.butterCream} g`,
      foods: list('butter-cream'),
      hint: 'Using olive oil in place of some butter or cream would meet this item.',
    }),
  );

  const drinks = total('sugary-drink') / days / MEDAS_SERVINGS.sugaryDrink;
  const drinkItem = lessThan(7, 'sugary-drinks', 'Sweet or fizzy drinks, under 1 a day', 'Less than 1 sweet or carbonated drink a day', drinks, 1, 'drinks a day', {
    rule: `sweet and fizzy drink grams per person ÷ ${days} days ÷ ${MEDAS_SERVINGS.sugaryDrink} ml a glass; read only when the plan holds drinks`,
    foods: list('sugary-drink'),
    hint: 'Water in place of some sweet or fizzy drinks would meet this item.',
  });
  if (!drinksPlanned) {
    drinkItem.status = 'not-assessable';
    drinkItem.reason = 'the plan holds no drinks, so it says nothing about them';
    drinkItem.amountRaw = null;
    drinkItem.hint = null;
  }
  push(drinkItem);

  push({
    number: 8,
    id: 'wine',
    label: 'Wine',
    criterion: 'The screener asks about wine; this estimate does not score it',
    status: 'not-scored',
    amountRaw: null,
    unit: '',
    rule: 'never scored',
    reason: 'Wine is not scored and never encouraged; the estimate counts the other 13 items.',
    foods: [],
    hint: null,
  });

  const legumes = total('legume', 'dry-legume') / MEDAS_SERVINGS.legume;
  push(
    atLeast(9, 'legumes', 'Legumes, 3 a week', '3 or more servings of legumes a week (150 g each)', legumes, 3, 'servings a week', {
      rule: `legume grams per person ÷ ${MEDAS_SERVINGS.legume} g; dried pulses count ${MEDAS_SERVINGS.dryLegumeYield} times their weight (cooked)`,
      foods: list('legume', 'dry-legume'),
      hint: `${capital(countWords(3 - legumes))} more legume ${plural(3 - legumes, 'meal')} would meet the legume item.`,
    }),
  );

  const fish = total('fish') / MEDAS_SERVINGS.fish + total('shellfish') / MEDAS_SERVINGS.shellfish;
  push(
    atLeast(10, 'fish', 'Fish or shellfish, 3 a week', '3 or more servings of fish or shellfish a week', fish, 3, 'servings a week', {
      rule: `fish grams per person ÷ ${MEDAS_SERVINGS.fish} g, plus shellfish grams ÷ ${MEDAS_SERVINGS.shellfish} g`,
      foods: list('fish', 'shellfish'),
      hint: `${capital(countWords(3 - fish))} fish ${plural(3 - fish, 'meal')} would meet the fish item.`,
    }),
  );

  push(
    lessThan(11, 'commercial-sweets', 'Shop-bought sweets, under 3 a week', 'Commercial (not homemade) sweets or pastries less than 3 times a week', sweetMeals.size, 3, 'times a week', {
      rule: 'planned meals holding a shop-bought cake, biscuit, pastry or custard, each counted once; homemade bakes are not counted',
      foods: list('commercial-sweet'),
      hint: `Fruit or a homemade bake in place of ${countWords(sweetMeals.size - 2)} of the shop-bought sweets would meet this item.`,
    }),
  );

  const nuts = total('nut') / MEDAS_SERVINGS.nut;
  push(
    atLeast(12, 'nuts', 'Nuts, 3 a week', '3 or more servings of nuts (peanuts included) a week (30 g each)', nuts, 3, 'servings a week', {
      rule: `nut and peanut grams per person ÷ ${MEDAS_SERVINGS.nut} g`,
      foods: list('nut'),
      hint: `${capital(countWords(3 - nuts))} ${plural(3 - nuts, 'handful')} of nuts (30 g) would meet the nut item.`,
    }),
  );

  const white = total('white-meat');
  const red = total('red-meat', 'processed-meat');
  const noMeat = white === 0 && red === 0;
  push({
    number: 13,
    id: 'white-meat',
    label: 'Chicken, turkey or rabbit over red meat',
    criterion: 'Chicken, turkey or rabbit preferred to veal, pork, burgers or sausage',
    status: noMeat ? 'not-assessable' : white > red ? 'met' : 'not-met',
    amountRaw: noMeat ? null : (white / (white + red)) * 100,
    unit: '% of meat grams',
    rule: 'met when chicken, turkey and rabbit are more grams than red and processed meat',
    reason: noMeat ? 'no meat is planned' : null,
    foods: list('white-meat', 'red-meat', 'processed-meat'),
    hint: noMeat || white > red ? null : 'Chicken, turkey or rabbit in place of some red meat would meet this item.',
  });

  const sofrito = [...sofritoMeals.entries()].filter(([, s]) => s.tomato.size > 0 && s.allium.size > 0 && s.oil.size > 0);
  const sofritoFoods = new Map<string, MedasFood>();
  for (const [mealId] of sofrito) {
    const name = mealNames.get(mealId) ?? mealId;
    const entry = sofritoFoods.get(name);
    if (entry) entry.times = (entry.times ?? 0) + 1;
    else sofritoFoods.set(name, { id: mealId, name, grams: null, times: 1 });
  }
  push(
    atLeast(14, 'sofrito', 'Sofrito dishes, 2 a week', 'Dishes with sofrito (tomato with onion, leek or garlic, cooked in olive oil) 2 or more times a week', sofrito.length, 2, 'times a week', {
      rule: 'planned meals holding tomato, onion, leek or garlic, and olive oil, each counted once',
      foods: [...sofritoFoods.values()],
      hint: `${capital(countWords(2 - sofrito.length))} more ${plural(2 - sofrito.length, 'dish', 'dishes')} with tomato and onion or garlic cooked in olive oil would meet the sofrito item.`,
    }),
  );

  let met = 0;
  let assessable = 0;
  for (const item of items) {
    if (item.status === 'met') met += 1;
    if (item.status === 'met' || item.status === 'not-met') assessable += 1;
  }
  return { items, met, assessable, scored: items.length - 1 };
}

type ItemBase = Omit<MedasItem, 'amount' | 'amountRaw'> & { amountRaw: number | null };

/** An item met when the week's value is at least its threshold. */
function atLeast(...args: CompareArgs): ItemBase {
  return compared((value, threshold) => value >= threshold, ...args);
}

/** An item met when the week's value is below its threshold. */
function lessThan(...args: CompareArgs): ItemBase {
  return compared((value, threshold) => value < threshold, ...args);
}

type CompareArgs = [
  number: number,
  id: MedasItemId,
  label: string,
  criterion: string,
  value: number,
  threshold: number,
  unit: string,
  more: { rule: string; foods: MedasFood[]; hint: string },
];

function compared(meets: (value: number, threshold: number) => boolean, ...[number, id, label, criterion, value, threshold, unit, more]: CompareArgs): ItemBase {
  const met = meets(value, threshold);
  return { number, id, label, criterion, status: met ? 'met' : 'not-met', amountRaw: value, unit, rule: more.rule, reason: null, foods: more.foods, hint: met ? null : more.hint };
}

/** A food and its composite parts with their shares of its grams (pesto: basil, olive oil, pine nuts …). */
function parts(food: Food, lookup: FoodLookup): Part[] {
  const out: Part[] = [];
  collect(food, 1, lookup, out, new Set(), 0);
  return out.length > 0 ? out : [{ food, share: 1 }];
}

function collect(food: Food, share: number, lookup: FoodLookup, out: Part[], seen: Set<string>, depth: number): void {
  if (seen.has(food.id)) return;
  seen.add(food.id);
  if (food.components.length === 0 || depth >= MAX_DEPTH) {
    out.push({ food, share });
    return;
  }
  const before = out.length;
  for (const component of food.components) {
    const part = lookup(component.food);
    if (part) collect(part, share * component.share, lookup, out, seen, depth + 1);
  }
  if (out.length === before) out.push({ food, share });
}

function addGrams(map: Map<MedasClass, Map<string, { food: Food; grams: number }>>, cls: MedasClass, food: Food, grams: number): void {
  let byFood = map.get(cls);
  if (!byFood) map.set(cls, (byFood = new Map()));
  addTo(byFood, food, grams);
}

function addTo(map: Map<string, { food: Food; grams: number }>, food: Food, grams: number): void {
  const entry = map.get(food.id);
  if (entry) entry.grams += grams;
  else map.set(food.id, { food, grams });
}

function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function formatAmount(value: number): string {
  return value >= 10 ? String(Math.round(value / 10) * 10) : String(Math.max(0.5, Math.ceil(value * 2) / 2));
}

/** A whole number of servings still missing, in words ("two"). */
function countWords(missing: number): string {
  const n = Math.max(1, Math.ceil(missing - 1e-9));
  return n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String(n);
}

function plural(missing: number, one: string, many = `${one}s`): string {
  return Math.max(1, Math.ceil(missing - 1e-9)) === 1 ? one : many;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
