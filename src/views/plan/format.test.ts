import { describe, expect, it } from 'vitest';
import { longDate, placeLabel, shortDate, slotLabel, weekTitle } from './format';

describe('planner date words', () => {
  it('names a week inside one month, across months and across years', () => {
    expect(weekTitle('2026-11-23', '2026-11-29')).toBe('23 – 29 November 2026');
    expect(weekTitle('2026-11-30', '2026-12-06')).toBe('30 November – 6 December 2026');
    expect(weekTitle('2029-12-31', '2030-01-06')).toBe('31 December 2029 – 6 January 2030');
  });

  it('names days and places', () => {
    expect(longDate('2026-11-23')).toBe('Monday 23 November');
    expect(shortDate('2026-11-29')).toBe('29 Nov');
    expect(placeLabel('2026-11-23', 'dinner')).toBe('Mon dinner');
    expect(slotLabel('second breakfast')).toBe('Second breakfast');
  });

  it('leaves text that is no date as it is', () => {
    expect(longDate('soon')).toBe('soon');
    expect(weekTitle('a', 'b')).toBe('a – b');
  });
});
