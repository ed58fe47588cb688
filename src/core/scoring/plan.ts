import { addDays, weekDates } from '../dates';
import type { PlanFile } from '../plan/plan-file';
import { resolveMeals, type FoodLookup, type LineParser } from '../plan/resolve';
import type { ParsedLine } from '../types';
import { previousCrops } from '../history/index';
import { scoreWeek } from './score-week';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import type { WeekScore } from './types';

/** A plan file's week score, plus how many meals fell outside the week. */
export interface PlanScore extends WeekScore {
  mealsOutsideWeek: number;
}

/**
 * Scores the week of a plan file: `weekStart` (or the earliest meal date) and
 * the 6 days after. Meals before the week, when the file has any, are the
 * history behind the "new plant" marks (the four weeks before).
 */
export function scorePlan(
  plan: PlanFile,
  parse: LineParser,
  foods: FoodLookup,
  settings: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): PlanScore {
  const memo = new Map<string, ParsedLine>();
  const parseOnce: LineParser = (line) => {
    let parsed = memo.get(line);
    if (!parsed) memo.set(line, (parsed = parse(line)));
    return parsed;
  };
  let start = plan.weekStart;
  for (const meal of plan.meals) if (!plan.weekStart && (start === null || meal.date < start)) start = meal.date;
  const dates = start ? weekDates(start) : [];
  const end = start ? addDays(start, 6) : '';
  const recipes = new Map(plan.recipes.map((r) => [r.id, r]));
  const inWeek = plan.meals.filter((m) => start !== null && m.date >= start && m.date <= end);
  const hasHistory = start !== null && plan.meals.some((m) => m.date < start);
  const previous =
    hasHistory && start
      ? previousCrops(plan.meals, start, (earlier) =>
          scoreWeek({ lines: resolveMeals(earlier, recipes, parseOnce, foods), people: plan.people, weekDates: [] }, foods, settings)
            .plants.filter((p) => p.points > 0)
            .map((p) => p.crop),
        )
      : undefined;
  const score = scoreWeek(
    { lines: resolveMeals(inWeek, recipes, parseOnce, foods), people: plan.people, weekDates: dates, previousCrops: previous },
    foods,
    settings,
  );
  return { ...score, mealsOutsideWeek: plan.meals.length - inWeek.length };
}
