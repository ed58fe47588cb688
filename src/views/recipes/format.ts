/** "1 h 15 min" from minutes. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Plant points without trailing zeros: 3, 3.25, 0.5. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** "12 Nov 2026" from an ISO date, in the user's locale. */
export { shortDateWithYear as formatShortDate } from '../../core/date-format';

/** Grams for display: whole grams from 10 up, one decimal below. */
export function formatGrams(grams: number): string {
  return grams >= 10 ? `${Math.round(grams)} g` : `${Math.round(grams * 10) / 10} g`;
}
