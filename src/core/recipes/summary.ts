import type { EatenLine, FoodLookup, LineParser } from '../plan/resolve';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from '../scoring/settings';
import { scoreWeekMeals } from '../scoring/week';
import type { NotLiveFood } from '../scoring/types';
import type { Meal, Recipe } from '../types';

/** The date the one-serving meal is scored on; any fixed date works. */
const SUMMARY_DATE = '2000-01-03';

/** A recipe's own scores for one serving eaten by one person. */
export interface RecipeSummary {
  /** Weighted plant points of its distinct crops. */
  plantPoints: number;
  /** Its crops, with the points each scores. */
  plants: { key: string; crop: string; name: string; points: number }[];
  /** Grams of fiber in one serving, 1 decimal. */
  fiberPerServing: number;
  /** Live fermented servings in one serving, 2 decimals. */
  fermentedServings: number;
  /** Fermented foods in it that count for nothing, and why (no live cultures, or cooked in this recipe). */
  notLive: NotLiveFood[];
  /** The lines resolved at one serving (food after the user's fixes, grams of one serving). */
  lines: EatenLine[];
  /** Line numbers with no food matched. */
  unmatched: number[];
  /** Line numbers with a food but unknown grams. */
  unknownGrams: number[];
}

/**
 * Scores one serving of a recipe as if one person ate it on one day, with the
 * week scorer, so the numbers agree with the planner's: plant points, fiber
 * per serving and live fermented servings. Header lines ("For the sauce:")
 * and blank lines are neither matched nor flagged.
 */
export function recipeSummary(
  recipe: Pick<Recipe, 'id' | 'name' | 'servings' | 'ingredients' | 'steps'> & Partial<Recipe>,
  parse: LineParser,
  lookup: FoodLookup,
  settings: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): RecipeSummary {
  const full: Recipe = {
    tags: [],
    source: null,
    prepMinutes: null,
    cookMinutes: null,
    createdAt: '',
    updatedAt: '',
    ...recipe,
    servings: recipe.servings > 0 ? recipe.servings : 1,
  };
  const meal: Meal = { id: 'summary', date: SUMMARY_DATE, slot: 'dinner', recipe: full.id, food: null, servings: 1 };
  const { score, lines } = scoreWeekMeals(
    { weekStart: SUMMARY_DATE, dates: [SUMMARY_DATE], meals: [meal], recipes: new Map([[full.id, full]]) },
    { parse, foods: lookup, people: 1, settings },
  );
  const unmatched: number[] = [];
  const unknownGrams: number[] = [];
  for (const line of lines) {
    if (isHeaderOrBlank(line.parsed.input)) continue;
    if (line.food === null) unmatched.push(line.lineIndex);
    else if (line.parsed.grams === null) unknownGrams.push(line.lineIndex);
  }
  return {
    plantPoints: score.plantPoints,
    plants: score.plants.map((plant) => ({ key: plant.key, crop: plant.crop, name: plant.name, points: plant.points })),
    fiberPerServing: score.fiber.gramsPerDay,
    fermentedServings: Math.round(score.fermented.servingsRaw * 100) / 100,
    notLive: score.fermented.notLive,
    lines,
    unmatched,
    unknownGrams,
  };
}

/** Blank lines and section headers ("For the dressing:") are not ingredients. */
export function isHeaderOrBlank(line: string): boolean {
  const text = line.trim();
  return text === '' || (text.endsWith(':') && !/\d/.test(text));
}
