/** Axis helpers for the SVG charts: a round top value and evenly spaced ticks. */

const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest "round" number (1, 2, 2.5 or 5 × 10^k) at or above `value`; 1 for nothing to show. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of STEPS) {
    const candidate = step * power;
    if (candidate >= value - 1e-9) return candidate;
  }
  return 10 * power;
}

/** `count` + 1 ticks from 0 to `max` inclusive, rounded to 2 decimals. */
export function ticks(max: number, count = 4): number[] {
  const parts = Math.max(1, Math.floor(count));
  return Array.from({ length: parts + 1 }, (_, i) => Math.round(((max * i) / parts) * 100) / 100);
}

/**
 * Which of `total` x labels to print so that at most `room` show, always
 * keeping the first and the last.
 */
export function labelEvery(total: number, room: number): (index: number) => boolean {
  if (total <= room || room < 2) return () => true;
  const step = Math.ceil((total - 1) / (room - 1));
  return (index) => index === total - 1 || (index % step === 0 && total - 1 - index >= step / 2);
}

/** A number with at most `digits` decimals and no trailing zeros. */
export function formatValue(value: number, digits = 1): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** One bar of a bar chart: its axis label, its full name for the table and tooltip, and its value. */
export interface Bar {
  label: string;
  name: string;
  value: number;
  /** Drawn faint (e.g. a day with nothing planned). */
  faint?: boolean;
  /** Extra words for the table row (e.g. the slots planned). */
  note?: string;
}

/** A reference line across a chart (a target or a lower threshold). */
export interface Rule {
  value: number;
  label: string;
}

/** One line of a line chart: a name and one value per x label. */
export interface Series {
  name: string;
  values: number[];
}
