import { describe, expect, it } from 'vitest';
import { axisTicks, formatValue, labelEvery, ruleLabelGap, topOf } from './scale';

describe('topOf', () => {
  it('is the largest value, ignoring what is not finite', () => {
    expect(topOf([3, 30, 25])).toBe(30);
    expect(topOf([0.3, Number.NaN])).toBe(0.3);
  });

  it('gives 1 when nothing is above zero', () => {
    expect(topOf([])).toBe(1);
    expect(topOf([0, -4])).toBe(1);
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

  it('never prints a label right next to the last one', () => {
    const shown = Array.from({ length: 12 }, (_, i) => i).filter(labelEvery(12, 7));
    expect(shown).toEqual([0, 2, 4, 6, 8, 11]);
  });
});

describe('axisTicks', () => {
  const keys = Array.from({ length: 12 }, (_, i) => String(i));

  it('labels every key when each gets 48 px', () => {
    expect(axisTicks(keys, 600)).toEqual(keys);
  });

  it('thins the keys on a narrow plot, keeping the first and last', () => {
    const shown = axisTicks(keys, 200);
    expect(shown.length).toBeLessThanOrEqual(4);
    expect(shown[0]).toBe('0');
    expect(shown.at(-1)).toBe('11');
  });
});

describe('ruleLabelGap', () => {
  it('pushes labels of close lines apart and leaves distant ones alone', () => {
    expect(ruleLabelGap(40, 40)).toBe(6);
    expect(ruleLabelGap(40, 48)).toBe(2);
    expect(ruleLabelGap(40, 80)).toBe(0);
  });
});

describe('formatValue', () => {
  it('drops trailing zeros', () => {
    expect(formatValue(2.0)).toBe('2');
    expect(formatValue(2.25, 1)).toBe('2.3');
    expect(formatValue(23.456, 2)).toBe('23.46');
  });
});
