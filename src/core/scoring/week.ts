import { weekDates } from '../dates';
import { previousCrops } from '../history/index';
import { resolveMeals, type EatenLine, type FoodLookup, type LineParser } from '../plan/resolve';
import type { Settings } from '../settings';
import type { Meal, Recipe } from '../types';
import { scoreWeek } from './score-week';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import type { WeekScore } from './types';

/**
 * How a week is scored: the foods and the parser that read its lines, who
 * eats, and the user's counting rules. One object, so that a new rule is one
 * more field rather than one more argument at every caller.
 */
export interface ScoreOptions {
  parse: LineParser;
  foods: FoodLookup;
  /** People sharing the meals; every figure is per person. */
  people: number;
  /** Counting rules and targets (default: those of SCORING.md). */
  settings?: ScoringSettings;
  /** Slot order for display (default breakfast, lunch, dinner, snack). */
  slots?: readonly string[];
}

/** One week to score: its meals, the recipes they eat, and what came before it. */
export interface WeekToScore {
  /** First day of the week; the week is it and the 6 days after. */
  weekStart: string;
  /** Meals of the week; meals dated outside it are ignored. */
  meals: readonly Meal[];
  /** The recipes the meals eat (the earlier meals' too), by id. */
  recipes: ReadonlyMap<string, Recipe>;
  /**
   * The meals before the week (only the four weeks before it count). Omitted
   * when the history is unknown: then no plant is marked new or not
   * (`newPlants` is null). An empty list means nothing was eaten before.
   */
  earlier?: readonly Meal[];
  /** The earlier weeks' crops as `earlierCrops` worked them out before (remembered); used instead of `earlier`. */
  earlierCrops?: ReadonlySet<string>;
  /** The dates scored and averaged over (default the week's 7 days; a recipe's own summary scores a one-day week; empty: every meal, over 7 days). */
  dates?: readonly string[];
}

/** A scored week and the ingredient lines it was scored from. */
export interface ScoredWeek {
  score: WeekScore;
  lines: EatenLine[];
}

/** The scoring rules out of the user's settings. */
export function scoringSettingsOf(settings: Settings): ScoringSettings {
  return {
    plantTarget: settings.plantTarget,
    fiberTarget: settings.fiberTarget,
    fiberLower: settings.fiberLower,
    fiberPer1000kcal: settings.fiberPer1000kcal,
    fermentedTarget: settings.fermentedTarget,
    fermentedStudyLevel: settings.fermentedStudyLevel,
    countColourVariants: settings.countColourVariants,
  };
}

/**
 * The crops a week's score counts as eaten: those of its plants with points.
 * Crops, not counting keys: with colour variants counted apart, a red pepper
 * and a green one are two plants of one crop, and a crop eaten earlier is not
 * new again in another colour (SCORING.md, "New plants").
 */
export function scoredCrops(score: WeekScore): string[] {
  return [...new Set(score.plants.filter((plant) => plant.points > 0).map((plant) => plant.crop))];
}

/** The crops eaten in the four weeks before the week starting `weekStart`, for the "new plant" marks. */
export function earlierCrops(
  meals: readonly Meal[],
  weekStart: string,
  recipes: ReadonlyMap<string, Recipe>,
  options: ScoreOptions,
): Set<string> {
  return previousCrops(meals, weekStart, (earlier) =>
    scoredCrops(
      scoreWeek(
        { lines: resolveMeals(earlier, recipes, options.parse, options.foods), people: options.people, weekDates: [] },
        options.foods,
        options.settings ?? DEFAULT_SCORING_SETTINGS,
      ),
    ),
  );
}

/**
 * Scores a week against its earlier weeks: the one way every part of the app
 * and the command line turns planned meals into scores (the planner, the
 * Scores review, suggestions, the printed report, a recipe's summary and the
 * CLI's `score`), so that they agree on every figure and on what is new.
 */
export function scoreWeekMeals(week: WeekToScore, options: ScoreOptions): ScoredWeek {
  const dates = week.dates ?? weekDates(week.weekStart);
  const inWeek = new Set(dates);
  const lines = resolveMeals(
    dates.length === 0 ? week.meals : week.meals.filter((meal) => inWeek.has(meal.date)),
    week.recipes,
    options.parse,
    options.foods,
  );
  const previous = week.earlierCrops ?? (week.earlier ? earlierCrops(week.earlier, week.weekStart, week.recipes, options) : undefined);
  const score = scoreWeek(
    { lines, people: options.people, weekDates: dates, slots: options.slots, previousCrops: previous },
    options.foods,
    options.settings ?? DEFAULT_SCORING_SETTINGS,
  );
  return { score, lines };
}
