import { describe, expect, it } from 'vitest';
import { fixtureLookup } from '../../../tests/fixtures/scoring/foods';
import { eatenLines, foodMeal, type LineReading } from '../../../tests/fixtures/scoring/lines';
import { weekDates } from '../dates';
import { scoreWeek } from '../scoring/score-week';
import type { Meal } from '../types';
import { figuresOf, previousCrops, weekHistory, type WeekScorer } from './index';

const TABLE: Record<string, LineReading> = {
  kale: { food: 'kale', grams: 100 },
  oats: { food: 'oats', grams: 70 },
  apple: { food: 'apple', grams: 180 },
  kefir: { food: 'kefir', grams: 175 },
  garlic: { food: 'garlic', grams: 3 },
};

/** Scores a week's meals through the real scoring, one person. */
const score: WeekScorer = (start, meals) =>
  figuresOf(scoreWeek({ lines: eatenLines(meals, [], TABLE), people: 1, weekDates: weekDates(start) }, fixtureLookup));

let next = 0;
function meal(date: string, line: string, slot = 'lunch'): Meal {
  next += 1;
  return foodMeal(`h${next}`, date, slot, line, 1);
}

describe('weekHistory', () => {
  it('shows weeks without meals as zero weeks, without scoring them', () => {
    const calls: string[] = [];
    const history = weekHistory({
      meals: [meal('2026-11-02', 'kale'), meal('2026-11-24', 'oats')],
      weekStartDay: 1,
      until: '2026-11-25',
      weeks: 4,
      score: (start, meals) => {
        calls.push(start);
        return score(start, meals);
      },
    });
    expect(history.weeks.map((w) => [w.start, w.end, w.meals, w.plantPoints])).toEqual([
      ['2026-11-02', '2026-11-08', 1, 1],
      ['2026-11-09', '2026-11-15', 0, 0],
      ['2026-11-16', '2026-11-22', 0, 0],
      ['2026-11-23', '2026-11-29', 1, 1],
    ]);
    expect(calls).toEqual(['2026-11-02', '2026-11-23']);
    expect(history.weeks[1]).toMatchObject({ fiberGramsPerDay: 0, fermentedServings: 0, firstSeen: 0, distinctSoFar: 1 });
    // Oats 70 g × 10 % = 7 g ÷ 7 days.
    expect(history.weeks[3].fiberGramsPerDay).toBeCloseTo(1, 9);
  });

  it('keeps a week spanning a year boundary together', () => {
    const history = weekHistory({
      meals: [meal('2026-12-28', 'kale'), meal('2027-01-03', 'apple'), meal('2027-01-04', 'oats'), meal('2026-12-27', 'garlic')],
      weekStartDay: 1,
      until: '2027-01-01',
      weeks: 2,
      score,
    });
    expect(history.weeks.map((w) => [w.start, w.end, w.meals, w.plantPoints])).toEqual([
      ['2026-12-21', '2026-12-27', 1, 0.25],
      ['2026-12-28', '2027-01-03', 2, 2],
    ]);
  });

  it('follows the week-start setting (Sunday vs Monday)', () => {
    const meals = [meal('2026-11-22', 'kale'), meal('2026-11-23', 'oats')]; // a Sunday, then a Monday
    const monday = weekHistory({ meals, weekStartDay: 1, until: '2026-11-23', weeks: 2, score });
    expect(monday.weeks.map((w) => [w.start, w.plantPoints])).toEqual([
      ['2026-11-16', 1],
      ['2026-11-23', 1],
    ]);
    const sunday = weekHistory({ meals, weekStartDay: 0, until: '2026-11-23', weeks: 2, score });
    expect(sunday.weeks.map((w) => [w.start, w.plantPoints])).toEqual([
      ['2026-11-15', 0],
      ['2026-11-22', 2],
    ]);
  });

  it('tracks distinct plants, the most eaten and those not seen lately', () => {
    const meals = [
      meal('2026-10-05', 'kale'),
      meal('2026-10-05', 'garlic'),
      meal('2026-10-12', 'kale'),
      meal('2026-10-19', 'apple'),
      meal('2026-11-16', 'apple'),
      meal('2026-11-23', 'apple'),
      meal('2026-11-23', 'kefir'),
    ];
    const history = weekHistory({ meals, weekStartDay: 1, until: '2026-11-25', weeks: 8, score });
    expect(history.weeks.map((w) => w.distinctSoFar)).toEqual([2, 2, 3, 3, 3, 3, 3, 3]);
    expect(history.weeks[0]).toMatchObject({ start: '2026-10-05', firstSeen: 2 });
    expect(history.distinct.map((p) => p.crop)).toEqual(['malus-domestica', 'allium-sativum', 'brassica-oleracea-kale']);
    expect(history.mostOften.map((p) => [p.crop, p.weeks])).toEqual([
      ['malus-domestica', 3],
      ['brassica-oleracea-kale', 2],
      ['allium-sativum', 1],
    ]);
    // Last four weeks are 2026-11-02 … 2026-11-23; garlic last 10-05, kale last 10-12.
    expect(history.notSeenLately.map((p) => [p.crop, p.lastWeek])).toEqual([
      ['allium-sativum', '2026-10-05'],
      ['brassica-oleracea-kale', '2026-10-12'],
    ]);
    expect(history.weeks[7].fermentedServings).toBe(1);
  });

  it('rejects a bad week start day with a clear message', () => {
    expect(() => weekHistory({ meals: [], weekStartDay: 7, until: '2026-11-25', weeks: 4, score })).toThrow(/0 \(Sunday\) to 6/);
    expect(weekHistory({ meals: [], weekStartDay: 0, until: '2026-11-25', weeks: 0, score }).weeks).toEqual([]);
  });
});

describe('previousCrops', () => {
  it('gives the crops of the four weeks before the week', () => {
    const meals = [
      meal('2026-10-25', 'oats'), // 29 days before: outside
      meal('2026-10-26', 'kale'), // 28 days before: inside
      meal('2026-11-22', 'apple'),
      meal('2026-11-23', 'garlic'), // the week itself
    ];
    const crops = previousCrops(meals, '2026-11-23', (earlier) =>
      scoreWeek({ lines: eatenLines(earlier, [], TABLE), people: 1, weekDates: [] }, fixtureLookup).plants.map((p) => p.crop),
    );
    expect([...crops].sort()).toEqual(['brassica-oleracea-kale', 'malus-domestica']);
    expect(previousCrops([], '2026-11-23', () => ['x']).size).toBe(0);
  });
});
