import { afterEach, describe, expect, it } from 'vitest';
import { dateRange, dateTime, dayLabel, longDate, setFormatLocale, shortDate, shortDateWithYear, shortWeekday } from './date-format';

describe('dates in words', () => {
  afterEach(() => setFormatLocale('en-GB'));

  it('writes British English in en-GB', () => {
    setFormatLocale('en-GB');
    expect(shortWeekday('2026-11-23')).toBe('Mon');
    expect(shortDate('2026-11-23')).toBe('23 Nov');
    expect(shortDateWithYear('2026-11-23')).toBe('23 Nov 2026');
    expect(dayLabel('2026-11-23')).toBe('Mon 23 Nov');
    expect(longDate('2026-11-23')).toBe('Monday 23 November');
    expect(dateRange('2026-11-23', '2026-11-29')).toBe('23 – 29 November 2026');
    expect(dateRange('2026-11-30', '2026-12-06')).toBe('30 November – 6 December 2026');
    expect(dateRange('2029-12-31', '2030-01-06')).toBe('31 December 2029 – 6 January 2030');
    expect(dateRange('2026-11-23', '2026-11-23')).toBe('23 November 2026');
    expect(dateRange('2026-11-23', '2026-11-29', 'short')).toBe('23 – 29 Nov 2026');
  });

  it('follows the locale it is given: the same days in American English', () => {
    setFormatLocale('en-US');
    expect(shortDate('2026-11-23')).toBe('Nov 23');
    expect(dateRange('2026-11-30', '2026-12-06')).toBe('November 30 – December 6, 2026');
  });

  it('never shifts a calendar day by time zone', () => {
    setFormatLocale('en-GB');
    // 1 January is 1 January everywhere: the day is formatted in UTC, as it is stored.
    expect(shortDateWithYear('2027-01-01')).toBe('1 Jan 2027');
  });

  it('writes moments with their time, and leaves text that is no date as it is', () => {
    setFormatLocale('en-GB');
    expect(dateTime('2026-12-03T14:05:00')).toMatch(/^Thu,? 3 Dec 2026,? 14:05$/);
    expect(dateTime('2026-12-03T14:05:00', false)).toMatch(/^3 Dec 2026,? 14:05$/);
    expect(dateTime('soon')).toBe('soon');
    expect(longDate('soon')).toBe('soon');
    expect(dateRange('a', 'b')).toBe('a – b');
  });
});
