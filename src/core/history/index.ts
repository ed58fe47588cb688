import { addDays, daysBetween, parseIsoDate, weekStartOf } from '../dates';
import { compareText } from '../scoring/score-week';
import type { WeekScore } from '../scoring/types';
import type { Meal } from '../types';

/** The figures of one week that the history keeps. */
export interface WeekFigures {
  plantPoints: number;
  fiberGramsPerDay: number;
  fermentedServings: number;
  /** Mediterranean pattern items met (of 13); absent counts as none. */
  medasMet?: number;
  /** The crops that scored, with a display name. */
  plants: readonly { crop: string; name: string }[];
  /** Meals of the week the one scored eats (a member's own); absent: every meal of the week. */
  meals?: number;
}

/** Scores one week's meals (sorted by date, slot, id); called only for weeks with meals. */
export type WeekScorer = (weekStart: string, meals: readonly Meal[]) => WeekFigures;

export interface HistoryInput {
  meals: readonly Meal[];
  /** First day of the week: 0 = Sunday … 6 = Saturday. */
  weekStartDay: number;
  /** A date inside the last week shown (usually today). */
  until: string;
  /** How many weeks to show, ending with the week of `until`. */
  weeks: number;
  score: WeekScorer;
  /** Weeks without a plant before it is "not seen for a while" (default 4). */
  staleAfter?: number;
}

export interface HistoryWeek {
  start: string;
  end: string;
  /** Meals of the week eaten by whoever the history is of (every meal for the household). */
  meals: number;
  plantPoints: number;
  fiberGramsPerDay: number;
  fermentedServings: number;
  /** Mediterranean pattern items met (of 13); absent counts as none. */
  medasMet?: number;
  /** Plants seen for the first time in the period this week. */
  firstSeen: number;
  /** Distinct plants over the period up to and including this week. */
  distinctSoFar: number;
}

export interface PlantHistory {
  crop: string;
  name: string;
  /** Weeks of the period the plant was eaten in. */
  weeks: number;
  firstWeek: string;
  lastWeek: string;
}

export interface History {
  /** Oldest first; weeks with no meals are zero weeks. */
  weeks: HistoryWeek[];
  /** Every distinct plant over the period, by name. */
  distinct: PlantHistory[];
  /** Plants eaten in the most weeks first. */
  mostOften: PlantHistory[];
  /** Plants not eaten in the last `staleAfter` weeks, longest absent first. */
  notSeenLately: PlantHistory[];
}

/** The history figures of a scored week: its headline numbers and the crops that scored points. */
export function figuresOf(score: WeekScore): WeekFigures {
  return {
    plantPoints: score.plantPoints,
    fiberGramsPerDay: score.fiber.gramsPerDayRaw,
    fermentedServings: score.fermented.servingsRaw,
    medasMet: score.medas.met,
    plants: score.plants.filter((p) => p.points > 0).map((p) => ({ crop: p.crop, name: p.name })),
  };
}

/**
 * Aggregates the Scores review: per-week figures for the last N weeks, the running
 * set of distinct plants, the plants eaten most often and those not seen lately.
 */
export function weekHistory(input: HistoryInput): History {
  const day = input.weekStartDay;
  if (!Number.isInteger(day) || day < 0 || day > 6) throw new RangeError(`week start day must be 0 (Sunday) to 6 (Saturday), not ${day}`);
  if (parseIsoDate(input.until) === null) throw new RangeError(`not a date: ${input.until}`);
  const count = Number.isFinite(input.weeks) ? Math.max(0, Math.floor(input.weeks)) : 0;
  const staleAfter = input.staleAfter ?? 4;
  const lastStart = weekStartOf(input.until, day);
  const firstStart = addDays(lastStart, -7 * Math.max(count - 1, 0));

  const byWeek: Meal[][] = Array.from({ length: count }, () => []);
  for (const meal of input.meals) {
    if (parseIsoDate(meal.date) === null) continue;
    const offset = daysBetween(firstStart, meal.date);
    const index = Math.floor(offset / 7);
    if (offset >= 0 && index < count) byWeek[index].push(meal);
  }

  const plants = new Map<string, PlantHistory>();
  const weeks: HistoryWeek[] = [];
  byWeek.forEach((meals, index) => {
    const start = addDays(firstStart, 7 * index);
    let figures: WeekFigures = { plantPoints: 0, fiberGramsPerDay: 0, fermentedServings: 0, medasMet: 0, plants: [] };
    if (meals.length > 0) {
      meals.sort((a, b) => compareText(a.date, b.date) || compareText(a.slot, b.slot) || compareText(a.id, b.id));
      figures = input.score(start, meals);
    }
    let firstSeen = 0;
    const seenThisWeek = new Set<string>();
    for (const plant of figures.plants) {
      if (seenThisWeek.has(plant.crop)) continue;
      seenThisWeek.add(plant.crop);
      const known = plants.get(plant.crop);
      if (known) {
        known.weeks += 1;
        known.lastWeek = start;
      } else {
        plants.set(plant.crop, { crop: plant.crop, name: plant.name, weeks: 1, firstWeek: start, lastWeek: start });
        firstSeen += 1;
      }
    }
    weeks.push({
      start,
      end: addDays(start, 6),
      meals: figures.meals ?? meals.length,
      plantPoints: figures.plantPoints,
      fiberGramsPerDay: figures.fiberGramsPerDay,
      fermentedServings: figures.fermentedServings,
      medasMet: figures.medasMet ?? 0,
      firstSeen,
      distinctSoFar: plants.size,
    });
  });

  const byName = (a: PlantHistory, b: PlantHistory) => compareText(a.name, b.name) || compareText(a.crop, b.crop);
  const distinct = [...plants.values()].sort(byName);
  const staleBefore = addDays(lastStart, -7 * (staleAfter - 1));
  return {
    weeks,
    distinct,
    mostOften: [...distinct].sort((a, b) => b.weeks - a.weeks || byName(a, b)),
    notSeenLately: distinct
      .filter((p) => p.lastWeek < staleBefore)
      .sort((a, b) => compareText(a.lastWeek, b.lastWeek) || byName(a, b)),
  };
}

/**
 * The crops of the `weeks` weeks (default 4) before the week starting `weekStart`,
 * for the "new plant" marks. `cropsOf` gives the crops a set of meals scores.
 */
export function previousCrops(
  meals: readonly Meal[],
  weekStart: string,
  cropsOf: (meals: readonly Meal[]) => Iterable<string>,
  weeks = 4,
): Set<string> {
  const from = addDays(weekStart, -7 * weeks);
  const earlier = meals
    .filter((m) => parseIsoDate(m.date) !== null && m.date >= from && m.date < weekStart)
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.slot, b.slot) || compareText(a.id, b.id));
  return earlier.length > 0 ? new Set(cropsOf(earlier)) : new Set();
}
