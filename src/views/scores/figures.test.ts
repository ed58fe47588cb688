import { describe, expect, it } from 'vitest';
import type { HistoryWeek } from '../../core/history';
import { fiberBars, weekBars } from './figures';

describe('fiberBars', () => {
  it('gives one bar a day, faint and noted when nothing was planned', () => {
    const bars = fiberBars([
      { date: '2026-11-23', grams: 12.4, gramsRaw: 12.38, slots: ['breakfast', 'dinner'] },
      { date: '2026-11-24', grams: 0, gramsRaw: 0, slots: [] },
    ]);
    expect(bars).toEqual([
      { label: 'Mon', name: 'Monday 23 Nov', value: 12.4, faint: false, note: 'breakfast, dinner' },
      { label: 'Tue', name: 'Tuesday 24 Nov', value: 0, faint: true, note: 'nothing planned' },
    ]);
  });
});

describe('weekBars', () => {
  it('gives one bar a week with the chosen figure', () => {
    const week = (start: string, meals: number, plantPoints: number): HistoryWeek => ({
      start,
      end: start,
      meals,
      plantPoints,
      fiberGramsPerDay: 0,
      fermentedServings: 0,
      firstSeen: 0,
      distinctSoFar: 0,
    });
    const bars = weekBars([week('2026-11-16', 0, 0), week('2026-11-23', 3, 4.25)], (w) => w.plantPoints);
    expect(bars.map((bar) => [bar.label, bar.name, bar.value, bar.faint, bar.note])).toEqual([
      ['16 Nov', 'Week of 16 Nov 2026', 0, true, 'nothing planned'],
      ['23 Nov', 'Week of 23 Nov 2026', 4.25, false, '3 meals'],
    ]);
  });
});
