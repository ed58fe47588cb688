/** What the LayerChart charts share: their data types, padding and the few layout choices d3-scale does not make. */

/** Room around the plot: the y ticks on the left, the target and lower line labels on the right, the x labels below. */
export const PADDING = { top: 10, right: 84, bottom: 22, left: 36 };

/** Attributes that keep a chart's inner text out of the accessibility tree: the chart's own name or value already says it. */
export const HIDDEN = { 'aria-hidden': 'true' } as const;

/** The top of a value axis that starts at 0: the largest value, or 1 when there is nothing above 0 to show. */
export function topOf(values: readonly number[]): number {
  const top = Math.max(0, ...values.filter(Number.isFinite));
  return top > 0 ? top : 1;
}

/**
 * Which of `total` x labels to print so that at most `room` show, always
 * keeping the first and the last.
 */
export function labelEvery(total: number, room: number): (index: number) => boolean {
  if (total <= room || room < 2) return () => true;
  const step = Math.ceil((total - 1) / (room - 1));
  // A label closer than one step to the last one would run into it, so it gives way.
  return (index) => index === total - 1 || (index % step === 0 && total - 1 - index >= step);
}

/** The x keys to label on a plot `width` pixels wide, about one label per 48 px. */
export function axisTicks(keys: readonly string[], width: number): string[] {
  const show = labelEvery(keys.length, Math.max(2, Math.floor(width / 48)));
  return keys.filter((_, index) => show(index));
}

/** How far to push two rule labels apart (each, in pixels) so that lines at `a` and `b` px keep their labels readable. */
export function ruleLabelGap(a: number, b: number): number {
  return Math.max(0, 12 - Math.abs(a - b)) / 2;
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
