import type { UnitSystem } from './units';

/** Where a shopping line comes from: one ingredient line of a planned meal, or a manual item (meal null). */
export interface ShoppingSource {
  /** Meal id, null for a manual item. */
  meal: string | null;
  date: string | null;
  slot: string | null;
  /** Recipe name, null for a single-food meal or a manual item. */
  recipe: string | null;
  /** The original line text. */
  text: string;
  /** What this meal uses of the line, scaled by its servings: "1 cup cooked brown rice (98 g)". */
  uses: string;
  optional: boolean;
}

/** An amount that could not be turned into grams, listed beside the food's line ("+ 1 bunch"). */
export interface ExtraAmount {
  /** Scaled quantity, null for "to taste" and other lines without a number. */
  quantity: number | null;
  unit: string | null;
  /** "1 bunch", "2 leeks", "to taste". */
  display: string;
}

/** One line of the list: one food, every meal's need of it merged. */
export interface ShoppingItem {
  /** Stable identity for saved check state: the food id. */
  key: string;
  /** Food id. */
  food: string;
  name: string;
  /** What to buy, in `unit`; null when no amount converts to grams. */
  quantity: number | null;
  unit: string | null;
  /** Grams of what the line buys (whole packs, whole items, the rounded weight), null with no quantity. */
  buyGrams: number | null;
  /** The amount without the name: "3", "450 g", "2 × 400 g cans"; with any extras. */
  amount: string;
  /** The whole line: "3 onions", "450 g kale + 1 bunch", "salt, to taste". */
  display: string;
  /** Grams the meals need (unrounded, to 0.1 g), null when none converts. */
  grams: number | null;
  from: ShoppingSource[];
  /** True when every line needing this food is optional. */
  optional: boolean;
  aisle: string;
  extra?: ExtraAmount[];
  /** What the amount covers when the recipes name another form: "about 700 g dry for 2.05 kg cooked brown rice". */
  note?: string;
  /** A pantry staple (by the catalog or the user's choice): the line offers "I have this" / "Buy it". */
  staple: boolean;
  /** The user's remembered choice for this food: have it (pantry) or buy it (list). */
  choice: 'have' | 'buy' | null;
  /** Grams of the need the pantry covers, null when the pantry holds no amount of it. */
  have: number | null;
}

/** A line no food matched, kept with its original text. */
export interface UnmatchedItem {
  /** "text:" + the normalised text. */
  key: string;
  text: string;
  /** The text, with the servings multiplier when it is not 1: "1 cup foo (× 1½)". */
  display: string;
  /** Sum of the servings scales of every line with this text. */
  scale: number;
  from: ShoppingSource[];
  optional: boolean;
}

export interface ShoppingAisle {
  name: string;
  items: ShoppingItem[];
}

export interface ShoppingList {
  aisles: ShoppingAisle[];
  /** Pantry staples: "check you have". */
  pantry: ShoppingItem[];
  /** "Other": lines that matched no food. */
  unmatched: UnmatchedItem[];
}

export interface ShoppingOptions {
  /** Aisle names in the order the shopper walks them; aisles not named come last. */
  aisleOrder: readonly string[];
  /** Food ids the user keeps in stock ("I have this"), listed with pantry staples whatever the amount. */
  pantryIds?: ReadonlySet<string>;
  /** Food ids the user buys even when they are staples ("Buy it"). */
  buyIds?: ReadonlySet<string>;
  /** Grams of each food in the pantry: the list buys only what they do not cover. */
  pantryAmounts?: ReadonlyMap<string, number>;
  units: UnitSystem;
}
