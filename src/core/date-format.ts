import { parseIsoDate } from './dates';

/**
 * Dates in words, in the user's locale: the one place the app turns a date
 * into text (planner, shopping list, scores review, printed pages, backups,
 * sync status). Calendar dates (YYYY-MM-DD) are shown as the day they name,
 * in UTC, so no time zone shifts them; moments (a backup's time, "offline
 * since") in the local time zone. Formatters are made once per locale:
 * building one costs far more than using it.
 */

let locale: string | undefined;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats in `next` from now on (undefined: the runtime's own locale, the user's). */
export function setFormatLocale(next: string | undefined): void {
  locale = next;
  formatters.clear();
}

function formatter(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = formatters.get(name);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(name, found);
  }
  return found;
}

const CALENDAR = { timeZone: 'UTC' } as const;

/** ICU puts thin and narrow spaces around range dashes and before "PM": plain spaces read, copy and search the same. */
function plain(text: string): string {
  return text.replace(/[\u2009\u202f]/g, ' ');
}

function calendar(name: string, options: Intl.DateTimeFormatOptions, iso: string): string {
  const date = parseIsoDate(iso);
  return date ? plain(formatter(name, { ...options, ...CALENDAR }).format(date)) : iso;
}

/** "Mon". */
export function shortWeekday(iso: string): string {
  return calendar('weekday', { weekday: 'short' }, iso);
}

/** "Monday". */
export function longWeekday(iso: string): string {
  return calendar('long-weekday', { weekday: 'long' }, iso);
}

/** "23 Nov". */
export function shortDate(iso: string): string {
  return calendar('short', { day: 'numeric', month: 'short' }, iso);
}

/** "23 Nov 2026". */
export function shortDateWithYear(iso: string): string {
  return calendar('short-year', { day: 'numeric', month: 'short', year: 'numeric' }, iso);
}

/** "Mon 23 Nov". */
export function dayLabel(iso: string): string {
  return calendar('day', { weekday: 'short', day: 'numeric', month: 'short' }, iso);
}

/** "Monday 23 November". */
export function longDate(iso: string): string {
  return calendar('long', { weekday: 'long', day: 'numeric', month: 'long' }, iso);
}

/**
 * A span of days: "23 – 29 November 2026", "30 November – 6 December 2026",
 * "31 December 2029 – 6 January 2030"; one day reads "23 November 2026".
 * `month: 'short'` gives "23 – 29 Nov 2026".
 */
export function dateRange(from: string, to: string, month: 'long' | 'short' = 'long'): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return `${from} – ${to}`;
  const range = formatter(`range-${month}`, { day: 'numeric', month, year: 'numeric', ...CALENDAR });
  return plain(from === to ? range.format(a) : range.formatRange(a <= b ? a : b, a <= b ? b : a));
}

/** A moment, "Thu 3 Dec 2026, 14:05" (`weekday: false` leaves the day name out); the text itself when it is no time. */
export function dateTime(moment: string | number, weekday = true): string {
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return String(moment);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  return plain(formatter(weekday ? 'moment-weekday' : 'moment', weekday ? { ...options, weekday: 'short' } : options).format(date));
}
