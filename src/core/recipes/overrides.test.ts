import { describe, expect, it } from 'vitest';
import { compactLines, remapOverrides } from './overrides';

describe('remapOverrides', () => {
  const before = ['2 eggs', '1 blorp', 'salt'];
  const overrides = { 1: { food: 'kale' } };

  it('follows a line when lines are added or removed above it', () => {
    expect(remapOverrides(before, ['1 cup rice', '2 eggs', '1 blorp', 'salt'], overrides)).toEqual({ 2: { food: 'kale' } });
    expect(remapOverrides(before, ['1 blorp', 'salt'], overrides)).toEqual({ 0: { food: 'kale' } });
  });

  it('keeps the override on a line edited in place', () => {
    expect(remapOverrides(before, ['2 eggs', '3 blorps', 'salt'], overrides)).toEqual({ 1: { food: 'kale' } });
  });

  it('drops the override of a deleted line', () => {
    expect(remapOverrides(before, ['2 eggs', 'salt'], overrides)).toEqual({});
  });
});

describe('compactLines', () => {
  it('drops blank lines and renumbers the overrides', () => {
    expect(compactLines(['', ' 2 eggs ', '', '1 blorp'], { 3: { food: 'kale', grams: 10 }, 0: {} })).toEqual({
      ingredients: ['2 eggs', '1 blorp'],
      overrides: { 1: { food: 'kale', grams: 10 } },
    });
  });
});
