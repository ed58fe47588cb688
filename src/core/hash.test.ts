import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText } from './hash';

describe('hashText', () => {
  it('is stable and 14 hex digits', () => {
    expect(hashText('')).toMatch(/^[0-9a-f]{14}$/);
    expect(hashText('kale')).toBe(hashText('kale'));
    expect(hashText('kale')).not.toBe(hashText('kalf'));
    expect(hashText('kale', 1)).not.toBe(hashText('kale'));
  });

  it('tells apart texts that differ in one character (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (text, at, delta) => {
        const i = at % text.length;
        const other = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + delta) % 0x10000) + text.slice(i + 1);
        return other === text || hashText(other) !== hashText(text);
      }),
      { numRuns: 2000 },
    );
  });
});
