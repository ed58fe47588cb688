import { describe, expect, it } from 'vitest';
import { formatValue, labelEvery, niceMax, ticks } from './scale';

describe('niceMax', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(30)).toBe(50);
    expect(niceMax(25)).toBe(25);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(0.3)).toBe(0.5);
    expect(niceMax(101)).toBe(200);
    expect(niceMax(1)).toBe(1);
  });

  it('gives 1 for zero, negative or non-finite values', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-4)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});

describe('ticks', () => {
  it('spaces ticks evenly from zero to the top', () => {
    expect(ticks(50)).toEqual([0, 12.5, 25, 37.5, 50]);
    expect(ticks(10, 2)).toEqual([0, 5, 10]);
    expect(ticks(1, 0)).toEqual([0, 1]);
  });
});

describe('labelEvery', () => {
  it('keeps every label when there is room', () => {
    const show = labelEvery(4, 12);
    expect([0, 1, 2, 3].every(show)).toBe(true);
  });

  it('thins 52 labels to at most the room, keeping the first and last', () => {
    const show = labelEvery(52, 9);
    const shown = Array.from({ length: 52 }, (_, i) => i).filter(show);
    expect(shown[0]).toBe(0);
    expect(shown.at(-1)).toBe(51);
    expect(shown.length).toBeLessThanOrEqual(9);
    expect(shown.length).toBeGreaterThanOrEqual(6);
  });
});

describe('formatValue', () => {
  it('drops trailing zeros', () => {
    expect(formatValue(2.0)).toBe('2');
    expect(formatValue(2.25, 1)).toBe('2.3');
    expect(formatValue(23.456, 2)).toBe('23.46');
  });
});
