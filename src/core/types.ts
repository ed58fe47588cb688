/**
 * Domain types shared by every part of the core. Plain data only: these travel
 * through IndexedDB, backup files, the plan file and the command line.
 */

/** What a food is, at the coarsest level. */
export type FoodKind = 'plant' | 'fungus' | 'animal' | 'other';

/** Catalog groups. Plant groups come first; the rest are what real recipes also use. */
export const FOOD_GROUPS = [
  'vegetable',
  'fruit',
  'whole grain',
  'refined grain',
  'legume',
  'nut',
  'seed',
  'herb',
  'spice',
  'mushroom',
  'beverage plant',
  'dairy',
  'egg',
  'meat',
  'fish',
  'oil',
  'sweetener',
  'condiment',
  'baking',
  'beverage',
  'other',
] as const;
export type FoodGroup = (typeof FOOD_GROUPS)[number];

/** The five rainbow colour groups of SCORING.md. */
export const COLOURS = ['red', 'orange/yellow', 'green', 'blue/purple', 'white/tan'] as const;
export type Colour = (typeof COLOURS)[number];

/** Plant-point weights of SCORING.md. */
export type PlantWeight = 0 | 0.25 | 1;

export type Fermented = 'none' | 'live' | 'not-live';

/** Prebiotic class of SCORING.md: inulin/FOS, GOS (high-FODMAP), resistant starch. */
export type Prebiotic = 'inulin' | 'gos' | 'resistant-starch';

export type Processed = 'none' | 'refined' | 'ultra-processed';

/**
 * Food classes of the Mediterranean Diet Adherence Screener (MEDAS, Schröder et al.
 * 2011) that a planned week can be read for; docs/SCORING.md gives each one's serving.
 */
export const MEDAS_CLASSES = [
  'olive-oil',
  'other-fat',
  'butter-cream',
  'vegetable',
  'fruit',
  'legume',
  'dry-legume',
  'nut',
  'fish',
  'shellfish',
  'red-meat',
  'processed-meat',
  'white-meat',
  'sugary-drink',
  'commercial-sweet',
] as const;
export type MedasClass = (typeof MEDAS_CLASSES)[number];

/** Aisles of a typical supermarket, in the default order a shopper walks them. */
export const AISLES = [
  'Produce',
  'Bakery',
  'Dairy & eggs',
  'Meat & fish',
  'Deli & fermented',
  'Grains & pasta',
  'Canned & jarred',
  'Baking',
  'Spices & seasonings',
  'Oils & condiments',
  'Nuts, seeds & dried fruit',
  'International',
  'Frozen',
  'Beverages',
  'Snacks & sweets',
  'Other',
] as const;
export type Aisle = (typeof AISLES)[number];

/**
 * Portion units a food can know the gram weight of, in the order they are
 * written out. Volume units are canonical DESIGN.md names; `piece` is one
 * whole item of medium size.
 */
export const PORTION_UNITS = [
  'cup',
  'tablespoon',
  'teaspoon',
  'piece',
  'small',
  'medium',
  'large',
  'clove',
  'slice',
  'bunch',
  'head',
  'stalk',
  'sprig',
  'leaf',
  'handful',
  'can',
  'package',
  'stick',
  'ear',
  'fillet',
  'pinch',
] as const;
export type PortionUnit = (typeof PORTION_UNITS)[number];

/** How a shopper buys a food: by count, loose by weight, in packs, by volume, or not at all (tap water). */
export type BuyAs = 'count' | 'weight' | 'pack' | 'volume' | 'none';

/** What a recipe's form of a food is made from ("dry" rice for cooked rice, a lemon's "juice" or "zest"). */
export type BoughtPart = 'dry' | 'juice' | 'zest';

/** The food a shopper buys instead: `yield` grams of this food come from 1 g of `food`. */
export interface BoughtAs {
  food: string;
  yield: number;
  part: BoughtPart;
}

export interface FoodComponent {
  /** Food id of the component. */
  food: string;
  /** Share of the composite's grams, 0..1. */
  share: number;
}

export interface FoodSource {
  /** USDA SR Legacy NDB number, e.g. "11233". */
  ndb: string;
  /** USDA description of that entry. */
  description: string;
}

export interface Food {
  /** Slug, stable across releases: "kale", "bell-pepper-red". */
  id: string;
  name: string;
  /** Lower-case names a recipe may use: US/UK names, plurals, phrasings. */
  aliases: string[];
  kind: FoodKind;
  group: FoodGroup;
  /** Counting identity of SCORING.md ("brassica-oleracea-kale" style slug); null for non-plants. */
  crop: string | null;
  weight: PlantWeight;
  colour: Colour | null;
  /** Botanical family, e.g. "Brassicaceae"; null for non-plants. */
  family: string | null;
  fiberPer100g: number | null;
  kcalPer100g: number | null;
  fermented: Fermented;
  /** One serving of a live fermented food in grams (SCORING.md); null otherwise. */
  servingGrams: number | null;
  prebiotic: Prebiotic | null;
  processed: Processed;
  aisle: Aisle;
  pantryStaple: boolean;
  /** Grams per unit; any unit absent is unknown. */
  portions: Partial<Record<PortionUnit, number>>;
  /** How the shopping list shows it. */
  buyAs: BuyAs;
  /** Pack size for buyAs 'pack', e.g. a 400 g can. */
  pack: { name: string; grams: number } | null;
  /** Bought as another food: cooked rice as dry rice, lemon juice as lemons. */
  boughtAs?: BoughtAs | null;
  /** Composite foods (hummus, pesto, granola) expand into these for scoring. */
  components: FoodComponent[];
  source: FoodSource | null;
  /** Its class in the Mediterranean pattern estimate; absent or null for none. */
  medas?: MedasClass | null;
  /** True for foods the user created or edited in the app. */
  custom?: boolean;
}

/** One ingredient line understood: the DESIGN.md `parse` contract plus extras. */
export interface ParsedLine {
  input: string;
  quantity: number | null;
  quantityMax: number | null;
  /** Canonical singular English unit name (cup, tablespoon, gram, clove, can …) or null. */
  unit: string | null;
  food: { id: string; name: string } | null;
  /** Grams for the whole line (at `quantity`), null when unknown. */
  grams: number | null;
  optional: boolean;
  /** Preparation and other words left over ("chopped", "drained"). */
  note: string | null;
  /** 0..1: how sure the food match is. */
  confidence: number;
  /** Size word when present; chooses the portion weight. */
  size: 'small' | 'medium' | 'large' | null;
}

/**
 * One ingredient line of a recipe: the text as written plus the user's own
 * fixes, which travel with the line wherever it moves.
 */
export interface IngredientLine {
  /** Stable within its recipe across edits (a string, so a sync document can key it). */
  id: string;
  /** The line as written ("2 cups cooked brown rice"). */
  text: string;
  /** The food the user picked: a food id, or null for "not counted"; absent means the parser's. */
  food?: string | null;
  /** Grams of the whole line the user typed; absent means the parser's. */
  grams?: number;
}

/**
 * One line's reading as a recipe keeps it: the numbers and the food's id, no
 * copy of the food or of the text. `text` is a hash of the line it was read
 * from (`hashText`, src/core/hash.ts); `flags` holds `optional` (1) and the size
 * word (2 small, 4 medium, 6 large). See `src/core/recipes/lines.ts`.
 */
export type StoredReading = [
  text: string,
  food: string | null,
  quantity: number | null,
  quantityMax: number | null,
  unit: string | null,
  grams: number | null,
  flags: number,
  confidence: number,
  note: string | null,
];

/**
 * What the parser read from a recipe's lines, kept with the recipe so that
 * nothing parses a line twice. `with` names the foods it was read against
 * (`parseKey`); an entry counts only while `with` matches the current foods and
 * the hash of its line's text matches (see `src/core/recipes/lines.ts`).
 * The readings are one string (JSON of `StoredReading[]`), so that reading the
 * whole library copies one value per recipe for them, not ten small arrays.
 * Readings stored in an earlier format (a list of whole `ParsedLine` objects)
 * count as out of date and are read again.
 */
export interface StoredParse {
  with: string;
  /** A hash of all the lines' texts in order (`hashText` of their JSON): every line is current when it matches. */
  texts: string;
  /** JSON of one `StoredReading` per ingredient line, in line order. */
  lines: string;
}

/** A recipe as stored and as scored. */
export interface Recipe {
  id: string;
  name: string;
  servings: number;
  /** Ingredient lines, in order. */
  ingredients: IngredientLine[];
  /** The parser's reading of the lines; derived, recomputed, never written to backups or plan files. */
  parsed?: StoredParse;
  steps: string[];
  tags: string[];
  source: string | null;
  prepMinutes: number | null;
  cookMinutes: number | null;
  createdAt: string;
  updatedAt: string;
  /**
   * How many times the recipe has been saved (absent before the first save
   * that counted): each save adds one, so an editor can tell the recipe was
   * saved elsewhere since it was opened. Not indexed.
   */
  rev?: number;
}

/** One planned meal: a recipe or a single food line. */
export interface Meal {
  id: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  slot: string;
  recipe: string | null;
  /** A single food line ("1 apple") when `recipe` is null. */
  food: string | null;
  servings: number;
  /** For "cook once, eat twice": the meal this one is the leftover of. */
  leftoverOf?: string | null;
  /** Marked as cooked and eaten: it needs nothing more from the shop. */
  eaten?: boolean;
  /** The household members who eat it, by id; absent: everyone. */
  eaters?: string[];
  /** One-off extra people at the meal, each eating a full portion. */
  guests?: number;
}

/** An age band of the fiber recommendations (IOM 2005 Dietary Reference Intakes). */
export const AGE_BANDS = ['1-3', '4-8', '9-13', '14-18', '19-50', '51+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SEXES = ['female', 'male', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];

/** One person of the household: their portion and their own fiber target. */
export interface Member {
  id: string;
  name: string;
  /** Share of a full portion this person eats: an adult 1, a young child 0.5. */
  portion: number;
  /** Grams of fiber a day this person aims for. */
  fiberTarget: number;
  ageBand: AgeBand;
  sex: Sex;
  /** Place in the household's list, smallest first. */
  order: number;
}

/** Saved state of one shopping list (a date range): checked item keys and manual items. */
export interface ShoppingState {
  /** The list's key, "FROM..TO" in ISO dates. */
  id: string;
  checked: string[];
  manual: string[];
  /** Grams put in the pantry by ticking this list's lines, by food id (taken out again on untick). */
  stocked?: Record<string, number>;
}

/** One key-value row of the settings table. */
export interface SettingRow {
  key: string;
  value: unknown;
}
