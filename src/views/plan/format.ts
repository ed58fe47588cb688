import { dateRange, shortWeekday } from '../../core/date-format';

export { longDate, longWeekday, shortDate, shortWeekday } from '../../core/date-format';

/** "23 – 29 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027" (in the user's locale). */
export function weekTitle(start: string, end: string): string {
  return dateRange(start, end);
}

/** "Breakfast" for "breakfast". */
export function slotLabel(slot: string): string {
  return slot.charAt(0).toUpperCase() + slot.slice(1);
}

/** "Mon dinner": a meal's place in words. */
export function placeLabel(date: string, slot: string): string {
  return `${shortWeekday(date)} ${slot}`;
}
