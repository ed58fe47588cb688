import { AISLES, COLOURS, FOOD_GROUPS, type Food, type FoodGroup } from '../types';

/** Plant groups (the groups FOOD_GROUPS lists before 'dairy'): every one must be present in a complete catalog. */
export const PLANT_GROUPS: readonly FoodGroup[] = FOOD_GROUPS.slice(0, FOOD_GROUPS.indexOf('dairy'));

/** Lookup tables over a catalog. */
export interface FoodIndex {
  byId: Map<string, Food>;
  /** Foods of each crop, in catalog order. */
  byCrop: Map<string, Food[]>;
  /** Lower-case name or alias → food. */
  byAlias: Map<string, Food>;
}

/** Builds id, crop and alias lookups; the first food wins where names clash. */
export function indexFoods(foods: readonly Food[]): FoodIndex {
  const byId = new Map<string, Food>();
  const byCrop = new Map<string, Food[]>();
  const byAlias = new Map<string, Food>();
  for (const food of foods) {
    if (!byId.has(food.id)) byId.set(food.id, food);
    if (food.crop !== null) {
      const list = byCrop.get(food.crop);
      if (list) list.push(food);
      else byCrop.set(food.crop, [food]);
    }
    for (const name of [food.name.toLowerCase(), ...food.aliases]) {
      if (!byAlias.has(name)) byAlias.set(name, food);
    }
  }
  return { byId, byCrop, byAlias };
}

/** True for foods that score as plants (plants and fungi). */
export function isPlant(food: Food): boolean {
  return food.kind === 'plant' || food.kind === 'fungus';
}

/** Counts of a catalog, by group and in total. */
export interface CatalogStats {
  foods: number;
  plants: number;
  crops: number;
  families: number;
  fermented: { live: number; notLive: number };
  byGroup: Record<FoodGroup, number>;
}

/** Counts foods by group, plus plant, crop, family and fermented totals. */
export function catalogStats(foods: readonly Food[]): CatalogStats {
  const byGroup = Object.fromEntries(FOOD_GROUPS.map((g) => [g, 0])) as Record<FoodGroup, number>;
  const crops = new Set<string>();
  const families = new Set<string>();
  let plants = 0;
  let live = 0;
  let notLive = 0;
  for (const food of foods) {
    byGroup[food.group] += 1;
    if (isPlant(food)) plants += 1;
    if (food.crop !== null) crops.add(food.crop);
    if (food.family !== null) families.add(food.family);
    if (food.fermented === 'live') live += 1;
    if (food.fermented === 'not-live') notLive += 1;
  }
  return { foods: foods.length, plants, crops: crops.size, families: families.size, fermented: { live, notLive }, byGroup };
}

const WEIGHTS = new Set([0, 0.25, 1]);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a catalog for curation mistakes and returns one message per problem
 * (empty when the catalog is sound): bad ids, duplicate ids or aliases, plants
 * without a crop, family or fiber, crops whose foods disagree on kind or
 * family, weights outside {0, 0.25, 1}, live fermented foods without a
 * serving size, bad portions or packs, and components naming unknown foods.
 */
export function validateCatalog(foods: readonly Food[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const aliasOwner = new Map<string, string>();
  const groups = new Set<string>(FOOD_GROUPS);
  const aisles = new Set<string>(AISLES);
  const colours = new Set<string>(COLOURS);
  for (const food of foods) {
    const at = `${food.id}:`;
    if (!SLUG.test(food.id)) problems.push(`${at} id is not a lower-case slug`);
    if (ids.has(food.id)) problems.push(`${at} duplicate id`);
    ids.add(food.id);
    if (food.name.trim() === '') problems.push(`${at} empty name`);
    for (const alias of new Set([food.name.toLowerCase(), ...food.aliases])) {
      if (alias !== alias.toLowerCase() || alias.trim() !== alias || alias === '') problems.push(`${at} alias "${alias}" is not trimmed lower case`);
      const owner = aliasOwner.get(alias);
      if (owner !== undefined && owner !== food.id) problems.push(`${at} alias "${alias}" is also used by ${owner}`);
      else aliasOwner.set(alias, food.id);
    }
    if (new Set(food.aliases).size !== food.aliases.length) problems.push(`${at} repeated alias`);
    if (!groups.has(food.group)) problems.push(`${at} unknown group "${food.group}"`);
    if (!aisles.has(food.aisle)) problems.push(`${at} unknown aisle "${food.aisle}"`);
    if (!WEIGHTS.has(food.weight)) problems.push(`${at} weight ${food.weight} is not 0, 0.25 or 1`);
    if (food.colour !== null && !colours.has(food.colour)) problems.push(`${at} unknown colour "${food.colour}"`);
    if (isPlant(food)) {
      if (food.crop === null || !SLUG.test(food.crop)) problems.push(`${at} plant without a crop slug`);
      if (food.family === null || food.family === '') problems.push(`${at} plant without a family`);
      if (food.fiberPer100g === null) problems.push(`${at} plant without fiber`);
      if ((food.group === 'vegetable' || food.group === 'fruit') && food.colour === null) problems.push(`${at} fruit or vegetable without a colour`);
    } else {
      if (food.crop !== null) problems.push(`${at} non-plant with a crop`);
      if (food.weight !== 0) problems.push(`${at} non-plant with a plant weight`);
    }
    if (food.fiberPer100g !== null && !(food.fiberPer100g >= 0 && food.fiberPer100g <= 100)) problems.push(`${at} fiber out of range`);
    if (food.kcalPer100g !== null && !(food.kcalPer100g >= 0 && food.kcalPer100g <= 910)) problems.push(`${at} kcal out of range`);
    if (food.fermented === 'live' && !(food.servingGrams !== null && food.servingGrams > 0)) problems.push(`${at} live fermented food without servingGrams`);
    if (food.fermented !== 'live' && food.servingGrams !== null) problems.push(`${at} servingGrams on a food that is not live`);
    for (const [unit, grams] of Object.entries(food.portions)) {
      if (!(typeof grams === 'number' && grams > 0 && Number.isFinite(grams))) problems.push(`${at} portion ${unit} is not a positive number`);
    }
    if (food.buyAs === 'pack' && (food.pack === null || !(food.pack.grams > 0))) problems.push(`${at} bought as a pack without a pack size`);
    if (food.buyAs !== 'pack' && food.pack !== null) problems.push(`${at} pack given but not bought as a pack`);
    let shares = 0;
    for (const part of food.components) {
      shares += part.share;
      if (!(part.share > 0 && part.share <= 1)) problems.push(`${at} component ${part.food} share out of range`);
      if (part.food === food.id) problems.push(`${at} lists itself as a component`);
    }
    if (shares > 1 + 1e-9) problems.push(`${at} component shares sum to more than 1`);
  }
  const byId = new Map(foods.map((food) => [food.id, food]));
  for (const food of foods) {
    for (const part of food.components) {
      if (!ids.has(part.food)) problems.push(`${food.id}: component ${part.food} is not in the catalog`);
    }
    if (food.boughtAs) {
      const target = byId.get(food.boughtAs.food);
      if (!target) problems.push(`${food.id}: bought as ${food.boughtAs.food}, which is not in the catalog`);
      else if (target.id === food.id || target.boughtAs) problems.push(`${food.id}: bought as ${target.id}, which is itself bought as another food`);
      if (!(food.boughtAs.yield > 0 && Number.isFinite(food.boughtAs.yield))) problems.push(`${food.id}: yield is not a positive number`);
    }
  }
  for (const [crop, list] of indexFoods(foods).byCrop) {
    const kinds = new Set(list.map((f) => f.kind));
    const families = new Set(list.map((f) => f.family));
    if (kinds.size > 1) problems.push(`crop ${crop}: foods disagree on kind (${[...kinds].join(', ')})`);
    if (families.size > 1) problems.push(`crop ${crop}: foods disagree on family (${[...families].join(', ')})`);
  }
  return problems;
}
