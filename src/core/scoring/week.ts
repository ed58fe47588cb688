import { weekDates } from '../dates';
import { previousCrops } from '../history/index';
import { resolveMeals, type EatenLine, type FoodLookup, type LineParser } from '../plan/resolve';
import type { Settings } from '../settings';
import { eatersOf, householdPortions, mealPortions, membersFromPeople } from '../members';
import type { Meal, Member, Recipe } from '../types';
import { fiberVerdict, scoreWeek, sortLines } from './score-week';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import type { MemberScore, WeekScore } from './types';

/**
 * How a week is scored: the foods and the parser that read its lines, who
 * eats, and the user's counting rules. One object, so that a new rule is one
 * more field rather than one more argument at every caller.
 */
export interface ScoreOptions {
  parse: LineParser;
  foods: FoodLookup;
  /** People sharing the meals, all adults at every meal (used when `members` is not given). */
  people?: number;
  /** The household's members, in order: who eats which meal and how much (a meal's `eaters` and `guests`). */
  members?: readonly Member[];
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
  const household = householdShares(membersOf(options));
  return previousCrops(meals, weekStart, (earlier) =>
    scoredCrops(
      scoreWeek(
        { lines: resolveMeals(earlier, recipes, options.parse, options.foods), people: household.people, share: household.share, weekDates: [] },
        options.foods,
        options.settings ?? DEFAULT_SCORING_SETTINGS,
      ),
    ),
  );
}

/** The household the options name: their members, or `people` adults. */
function membersOf(options: ScoreOptions): readonly Member[] {
  if (options.members && options.members.length > 0) return options.members;
  return membersFromPeople(options.people ?? 1, (options.settings ?? DEFAULT_SCORING_SETTINGS).fiberTarget);
}

/** How a meal's grams divide among those at it: every eater's portion factor, a full portion for each guest. */
interface MealSplit {
  /** Portions at the meal (the divisor). */
  portions: number;
  /** The members at it. */
  eaters: ReadonlySet<string>;
  /** Portions of the household's own members at it. */
  members: number;
}

/**
 * The household's share of each line, per full portion: what its members ate
 * of the meal (guests' portions left out) ÷ the household's portions. Two
 * adults at every meal: each line's grams ÷ 2, as before there were members.
 */
function householdShares(members: readonly Member[]) {
  const total = householdPortions(members);
  const splits = new Map<Meal, MealSplit>();
  const split = (meal: Meal): MealSplit => {
    let found = splits.get(meal);
    if (!found) {
      const eaters = eatersOf(meal, members);
      let own = 0;
      for (const member of eaters) own += member.portion;
      found = { portions: mealPortions(meal, members), eaters: new Set(eaters.map((member) => member.id)), members: own };
      splits.set(meal, found);
    }
    return found;
  };
  return {
    people: members.length,
    portions: total,
    split,
    share: (line: EatenLine): number => {
      const at = split(line.meal);
      return at.portions > 0 && total > 0 ? at.members / at.portions / total : 0;
    },
  };
}

/** A member's own counting rules: the household's, against their own fiber target (the lower line scaled alike). */
export function memberSettings(member: Member, settings: ScoringSettings): ScoringSettings {
  return {
    ...settings,
    fiberTarget: member.fiberTarget,
    fiberLower: settings.fiberTarget > 0 ? (member.fiberTarget * settings.fiberLower) / settings.fiberTarget : member.fiberTarget,
  };
}

/**
 * Scores a week against its earlier weeks: the one way every part of the app
 * and the command line turns planned meals into scores (the planner, the
 * Scores review, suggestions, the printed report, a recipe's summary and the
 * CLI's `score`), so that they agree on every figure and on what is new.
 *
 * The household (per full portion) and each member are scored from the same
 * lines with their own share of each meal. Whoever has the same share of
 * every meal as someone already scored (an adult at every meal of a household
 * that always eats together has the household's) gets that score, read
 * against their own fiber target, rather than the lines counted again.
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
  const settings = options.settings ?? DEFAULT_SCORING_SETTINGS;
  const members = membersOf(options);
  const household = householdShares(members);
  // Sorted once here, each scoring below finds its lines in order already.
  const input = { lines: sortLines(lines, options.slots), sorted: true, weekDates: dates, slots: options.slots, previousCrops: previous };
  const meals = [...new Set(lines.map((line) => line.meal))];

  // One scoring for each different list of shares of the week's meals.
  const scored = new Map<string, WeekScore>();
  const scoreShares = (shareOf: (meal: Meal) => number, people: number, portions: number, rules: ScoringSettings): WeekScore => {
    const shares = new Map(meals.map((meal) => [meal, shareOf(meal)]));
    const key = meals.map((meal) => shares.get(meal)).join(' ');
    let score = scored.get(key);
    if (!score) {
      score = scoreWeek({ ...input, people, share: (line) => shares.get(line.meal) ?? 0 }, options.foods, settings);
      scored.set(key, score);
    }
    const fiber = { ...score.fiber, ...fiberVerdict(score.fiber.gramsPerDayRaw, score.fiber.kcalPerDayRaw, rules) };
    return { ...score, people, portions, members: [], fiber };
  };

  const own = (meal: Meal): number => {
    const at = household.split(meal);
    return at.portions > 0 && household.portions > 0 ? at.members / at.portions / household.portions : 0;
  };
  const score = scoreShares(own, household.people, household.portions, settings);
  // Each member: a plant counts for those who ate it, their share of each meal by portion, against their own fiber target.
  const perMember: MemberScore[] = members.map((member) => {
    const share = (meal: Meal): number => {
      const at = household.split(meal);
      return at.portions > 0 && at.eaters.has(member.id) ? member.portion / at.portions : 0;
    };
    let eaten = 0;
    for (const meal of meals) if (household.split(meal).eaters.has(member.id)) eaten += 1;
    const memberScore = scoreShares(share, 1, member.portion, memberSettings(member, settings));
    return { id: member.id, name: member.name, portion: member.portion, fiberTarget: member.fiberTarget, meals: eaten, score: memberScore };
  });
  return { score: { ...score, members: perMember }, lines };
}
