import { dayOfWeek, parseIsoDate } from '../../core/dates';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Mon" for an ISO date. */
export function shortWeekday(iso: string): string {
  return WEEKDAYS[dayOfWeek(iso)].slice(0, 3);
}

/** "Monday" for an ISO date. */
export function longWeekday(iso: string): string {
  return WEEKDAYS[dayOfWeek(iso)];
}

/** "23 Nov" for an ISO date. */
export function shortDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()].slice(0, 3)}`;
}

/** "Monday 23 November" for an ISO date. */
export function longDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${longWeekday(iso)} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** "23 – 29 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027". */
export function weekTitle(start: string, end: string): string {
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  if (!a || !b) return `${start} – ${end}`;
  const month = (d: Date) => MONTHS[d.getUTCMonth()];
  if (a.getUTCFullYear() !== b.getUTCFullYear()) {
    return `${a.getUTCDate()} ${month(a)} ${a.getUTCFullYear()} – ${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
  }
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${a.getUTCDate()} ${month(a)} – ${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
  return `${a.getUTCDate()} – ${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
}

/** "Breakfast" for "breakfast". */
export function slotLabel(slot: string): string {
  return slot.charAt(0).toUpperCase() + slot.slice(1);
}

/** "Mon dinner": a meal's place in words. */
export function placeLabel(date: string, slot: string): string {
  return `${shortWeekday(date)} ${slot}`;
}
