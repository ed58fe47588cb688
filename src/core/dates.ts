/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a day. */

const DAY_MS = 86_400_000;

/** Parses YYYY-MM-DD; returns null for anything else, including impossible dates. */
export function parseIsoDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || toIsoDate(date) !== text) return null;
  return date;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date `days` after `iso` (negative goes back). */
export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not a date: ${iso}`);
  return toIsoDate(new Date(date.getTime() + days * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not a date: ${iso}`);
  return date.getUTCDay();
}

/** The first day of the week holding `iso`, for a week starting on `weekStartDay` (0 = Sunday, 1 = Monday). */
export function weekStartOf(iso: string, weekStartDay: number): string {
  const back = (dayOfWeek(iso) - weekStartDay + 7) % 7;
  return addDays(iso, -back);
}

/** The 7 dates of the week starting at `start`. */
export function weekDates(start: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  const da = parseIsoDate(a);
  const db = parseIsoDate(b);
  if (!da || !db) throw new RangeError(`Not a date: ${da ? b : a}`);
  return Math.round((db.getTime() - da.getTime()) / DAY_MS);
}
