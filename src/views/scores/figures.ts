/** Chart data of the Scores view, from scored weeks and history weeks (pure). */
import type { Bar } from '../../components/charts/scale';
import type { HistoryWeek } from '../../core/history';
import type { FiberDay } from '../../core/scoring/types';
import type { Prebiotic } from '../../core/types';
import { shortDate, weekdayName } from './review';

/** The three prebiotic classes of SCORING.md, in its order. */
export const PREBIOTIC_LABELS: readonly { id: Prebiotic; label: string }[] = [
  { id: 'inulin', label: 'Inulin / FOS' },
  { id: 'gos', label: 'GOS' },
  { id: 'resistant-starch', label: 'Resistant starch' },
];

/** One bar per day: grams per person, faint when nothing was planned, the slots planned as the note. */
export function fiberBars(days: readonly FiberDay[]): Bar[] {
  return days.map((day) => ({
    label: weekdayName(day.date).slice(0, 3),
    name: `${weekdayName(day.date)} ${shortDate(day.date, false)}`,
    value: day.grams,
    faint: day.slots.length === 0,
    note: day.slots.length ? day.slots.join(', ') : 'nothing planned',
  }));
}

/** One bar per history week for one figure; weeks without meals are faint. */
export function weekBars(weeks: readonly HistoryWeek[], value: (week: HistoryWeek) => number): Bar[] {
  return weeks.map((week) => ({
    label: shortDate(week.start, false),
    name: `Week of ${shortDate(week.start)}`,
    value: value(week),
    faint: week.meals === 0,
    note: week.meals === 0 ? 'nothing planned' : `${week.meals} meal${week.meals === 1 ? '' : 's'}`,
  }));
}
