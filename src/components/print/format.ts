import { dateRange, dayLabel, shortWeekday } from '../../core/date-format';
import { daysBetween, parseIsoDate } from '../../core/dates';

/** "23 – 29 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027"; one day reads "23 November 2026". */
export function rangeTitle(from: string, to: string): string {
  return dateRange(from, to);
}

/** "Mon" for an ISO date. */
export function weekday(iso: string): string {
  return shortWeekday(iso);
}

export { dayLabel };

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
