import type { WeekScore } from '../core/scoring/types';

/** What the planner shows of a week beyond its meals: the scores, and the food each single-food meal's text counts as. */
export interface WeekView {
  score: WeekScore;
  foods: Record<string, { id: string; name: string } | null>;
  /** The key of the four earlier weeks it was worked out with (their crops make plants new or not). */
  earlier: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a remembered value has a week view's shape. The values are written
 * by this app only and keyed by a hash of their inputs; this check is against
 * damaged storage, so it looks at the parts the views read first.
 */
export function isWeekView(value: unknown): value is WeekView {
  if (!isObject(value) || !isObject(value.score) || !isObject(value.foods) || typeof value.earlier !== 'string') return false;
  const score = value.score;
  return (
    typeof score.plantPoints === 'number' &&
    Array.isArray(score.plants) &&
    isObject(score.fiber) &&
    Array.isArray(score.fiber.byDay) &&
    isObject(score.fermented) &&
    isObject(score.rainbow) &&
    isObject(score.prebiotic) &&
    isObject(score.families) &&
    isObject(score.processed) &&
    isObject(score.medas) &&
    Array.isArray(score.medas.items) &&
    Array.isArray(score.unmatched) &&
    Array.isArray(score.optional) &&
    Array.isArray(score.members) &&
    Object.values(value.foods).every((food) => food === null || (isObject(food) && typeof food.id === 'string' && typeof food.name === 'string'))
  );
}
