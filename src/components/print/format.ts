import { dayOfWeek, daysBetween, parseIsoDate } from '../../core/dates';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "23 – 29 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027"; one day reads "23 November 2026". */
export function rangeTitle(from: string, to: string): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return `${from} – ${to}`;
  const month = (d: Date) => MONTHS[d.getUTCMonth()];
  if (from === to) return `${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
  if (a.getUTCFullYear() !== b.getUTCFullYear()) {
    return `${a.getUTCDate()} ${month(a)} ${a.getUTCFullYear()} – ${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
  }
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${a.getUTCDate()} ${month(a)} – ${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
  return `${a.getUTCDate()} – ${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
}

/** "Mon" for an ISO date. */
export function weekday(iso: string): string {
  return parseIsoDate(iso) ? WEEKDAYS[dayOfWeek(iso)] : iso;
}

/** "Mon 23 Nov" for an ISO date. */
export function dayLabel(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${weekday(iso)} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()].slice(0, 3)}`;
}

/** "Breakfast" for "breakfast". */
export function slotName(slot: string): string {
  return slot.charAt(0).toUpperCase() + slot.slice(1);
}

/** Where a meal sits, in words: "Mon dinner", or "Mon 23 Nov dinner" when the range is longer than a week. */
export function mealPlace(date: string, slot: string, from: string, to: string): string {
  const long = parseIsoDate(from) && parseIsoDate(to) ? daysBetween(from, to) >= 7 : true;
  return `${long ? dayLabel(date) : weekday(date)} ${slot}`;
}

/** "1½" style numbers for scores: at most one decimal. */
export function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}
