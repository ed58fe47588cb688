import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareNames, formatCount, printable } from './format';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(-1234567)).toBe('-1,234,567');
  });

  it('leaves numbers that are not whole as they are', () => {
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });

  it('agrees with the en-US locale format for every safe integer', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => formatCount(n) === n.toLocaleString('en-US')));
  });
});

describe('compareNames', () => {
  it('orders as localeCompare does (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => Math.sign(compareNames(a, b)) === Math.sign(a.localeCompare(b))));
    expect(['banana', 'Apple', 'apple', 'Éclair', 'cherry'].sort(compareNames)).toEqual(['banana', 'Apple', 'apple', 'Éclair', 'cherry'].sort((a, b) => a.localeCompare(b)));
  });
});

describe('printable', () => {
  it('writes control, line-separator and direction characters as \\uXXXX and leaves the rest', () => {
    expect(printable('a\u0000b\rc\u0085d\u2028e\u202ef')).toBe('a\\u0000b\\u000dc\\u0085d\\u2028e\\u202ef');
    expect(printable('Grüne Soße ½ – ok')).toBe('Grüne Soße ½ – ok');
  });
});
