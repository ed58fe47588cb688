import type { Colour, FoodGroup, Prebiotic } from '../types';
import type { MedasEstimate } from './medas';

/** Where a plant or line was eaten. */
export interface MealRef {
  id: string;
  date: string;
  slot: string;
}

/** One counted crop of the week. */
export interface PlantEntry {
  /** Food id of the form that gave the crop its points. */
  id: string;
  /** Counting key: the crop, or crop + colour when colour variants count separately. */
  key: string;
  /** The crop identity (SCORING.md). */
  crop: string;
  name: string;
  /** Highest weight among the forms eaten (1, 0.25 or 0). */
  points: number;
  group: FoodGroup;
  colour: Colour | null;
  family: string | null;
  /** Every food id eaten for this crop, sorted. */
  foods: string[];
  /** Every colour eaten for this crop, in rainbow order. */
  colours: Colour[];
  meals: MealRef[];
  /** Not eaten in the previous four weeks; null when no history was given. */
  isNew: boolean | null;
}

export interface FiberDay {
  date: string;
  /** Grams per person, 1 decimal. */
  grams: number;
  gramsRaw: number;
  /** Slots with at least one meal planned that day, in slot order. */
  slots: string[];
}

export type FiberStatus = 'below' | 'lower' | 'target';

export interface FiberScore {
  /** 7-day average grams per person per day, 1 decimal. */
  gramsPerDay: number;
  gramsPerDayRaw: number;
  target: number;
  lower: number;
  basis: 'grams' | 'per-1000-kcal';
  /** Average kcal per person per day from foods with a known kcal value, 0 decimals. */
  kcalPerDay: number;
  kcalPerDayRaw: number;
  status: FiberStatus;
  byDay: FiberDay[];
  /** Foods eaten whose fiber value is unknown (counted as 0). */
  unknownFiber: { id: string; name: string }[];
}

export interface FermentedFood {
  id: string;
  name: string;
  /** Grams per person over the week, 1 decimal. */
  grams: number;
  /** Servings per person over the week, 2 decimals. */
  servings: number;
  servingsRaw: number;
}

export interface NotLiveFood {
  id: string;
  name: string;
  /** 'not-live': the food holds no live cultures; 'cooked': a live food cooked in the recipe. */
  reason: 'not-live' | 'cooked';
  grams: number;
}

export interface FermentedScore {
  /** Live-culture servings per person per week, 1 decimal. */
  servings: number;
  servingsRaw: number;
  target: number;
  studyLevel: number;
  studyLevelReached: boolean;
  foods: FermentedFood[];
  notLive: NotLiveFood[];
}

export interface RainbowBadge {
  count: number;
  of: number;
  colours: Colour[];
  missing: Colour[];
}

export interface PrebioticBadge {
  /** Distinct prebiotic foods. */
  count: number;
  classes: Record<Prebiotic, { id: string; name: string }[]>;
  /** True when a GOS food (high-FODMAP) is present: worth a note for people with IBS. */
  fodmapNote: boolean;
}

export interface FamiliesBadge {
  count: number;
  names: string[];
}

export interface ProcessedBadge {
  /** Share of the week's known grams from refined or ultra-processed foods, 0..1, 3 decimals. */
  share: number;
  shareRaw: number;
  /** Per person over the week. */
  refinedGrams: number;
  ultraProcessedGrams: number;
  totalGrams: number;
  foods: { id: string; name: string; processed: 'refined' | 'ultra-processed'; grams: number }[];
}

/** A line the scores could not fully use. */
export interface UncountedLine {
  text: string;
  reason: 'unmatched' | 'unknown-grams' | 'optional';
  meal: MealRef;
  recipe: { id: string; name: string } | null;
  lineIndex: number;
  /** The id of the recipe's line record, null for a single-food meal. */
  lineId: string | null;
  /** The food matched, when any. */
  food: { id: string; name: string } | null;
}

/** The scores of one week, per person. */
export interface WeekScore {
  weekStart: string | null;
  weekEnd: string | null;
  days: number;
  /** Members of the household. */
  people: number;
  /** Full portions the household eats at a meal everyone is at (two adults and a child at 0.5: 2.5); the household's figures are per full portion. */
  portions: number;
  /** Each member's own figures, in the household's order (empty in a member's own score). */
  members: MemberScore[];
  /** Sum of the weighted points of the distinct crops. */
  plantPoints: number;
  plantTarget: number;
  /** Crops that scored more than 0 points. */
  plantCount: number;
  /** Crops scoring points that are new against the previous four weeks; null without history. */
  newPlants: number | null;
  plants: PlantEntry[];
  fiber: FiberScore;
  fermented: FermentedScore;
  rainbow: RainbowBadge;
  prebiotic: PrebioticBadge;
  families: FamiliesBadge;
  processed: ProcessedBadge;
  /** The Mediterranean pattern (MEDAS) estimate of the week, per person. */
  medas: MedasEstimate;
  /** Lines with no food or with unknown grams, so the user sees what was not counted. */
  unmatched: UncountedLine[];
  /** Lines marked optional, left out of every score. */
  optional: UncountedLine[];
}

/** One member's week: their own figures, against their own fiber target. */
export interface MemberScore {
  id: string;
  name: string;
  portion: number;
  fiberTarget: number;
  /** Meals of the week they eat. */
  meals: number;
  score: WeekScore;
}
