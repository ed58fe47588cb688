import { addDays } from '../dates';
import type { PlanFile } from '../plan/plan-file';
import type { FoodLookup, LineParser } from '../plan/resolve';
import type { ParsedLine } from '../types';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from './settings';
import type { WeekScore } from './types';
import { scoreWeekMeals } from './week';

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
  const recipes = new Map(plan.recipes.map((r) => [r.id, r]));
  const options = { parse: parseOnce, foods, people: plan.people, members: plan.members, settings };
  if (start === null) return { ...scoreWeekMeals({ weekStart: '', dates: [], meals: [], recipes }, options).score, mealsOutsideWeek: 0 };
  const first = start;
  const end = addDays(first, 6);
  const earlier = plan.meals.filter((m) => m.date < first);
  const { score } = scoreWeekMeals({ weekStart: first, meals: plan.meals, recipes, earlier: earlier.length > 0 ? earlier : undefined }, options);
  return { ...score, mealsOutsideWeek: plan.meals.filter((m) => m.date < first || m.date > end).length };
}
