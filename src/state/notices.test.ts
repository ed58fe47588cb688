import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeError, MAX_NOTICES, NOTICE_MS, Notices } from './notices.svelte';

describe('notices', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('info notices leave on their own; an error stays until dismissed', () => {
    const notices = new Notices();
    notices.info('Saved.');
    const error = notices.error('Could not save', new Error('disk full'));
    vi.advanceTimersByTime(NOTICE_MS.action * 10);
    expect(notices.items.map((notice) => notice.text)).toEqual(['Could not save: disk full']);
    notices.dismiss(error);
    expect(notices.items).toEqual([]);
  });

  it('a database that refused to open is said once, however many actions fail because of it', () => {
    const notices = new Notices();
    const refused = Object.assign(new Error('your data was last opened by a newer version of Thirtyfold'), { name: 'DatabaseTooNew' });
    const first = notices.problem(`Thirtyfold cannot open your data: ${refused.message}`);
    // Dexie wraps the refusal for every later query: "OpenFailedError: DatabaseTooNew …", the refusal as `inner`.
    const wrapped = Object.assign(new Error(`DatabaseTooNew ${refused.message}`), { name: 'OpenFailedError', inner: refused });
    expect(notices.error('Could not add the starter recipes', wrapped)).toBe(first);
    expect(notices.items.map((notice) => notice.text)).toEqual([`Thirtyfold cannot open your data: ${refused.message}`]);
    expect(describeError(wrapped)).toBe(refused.message);
    const closed = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });
    expect(describeError(closed)).toContain('reload this tab');
  });

  it('an error is never pushed out by later info notices', () => {
    const notices = new Notices();
    notices.error('Could not save', new Error('disk full'));
    for (let index = 0; index < 15; index++) notices.info(`Action ${index}`);
    expect(notices.items.length).toBeLessThanOrEqual(MAX_NOTICES);
    expect(notices.items[0].kind).toBe('error');
    expect(notices.items.at(-1)?.text).toBe('Action 14');
  });

  it('a new Undo offer replaces the previous one instead of stacking', () => {
    const notices = new Notices();
    const run = () => {};
    notices.info('Deleted “Soup”', { label: 'Undo', run });
    notices.info('Deleted “Salad”', { label: 'Undo', run });
    notices.info('Moved “Stew”', { label: 'Undo', run });
    expect(notices.items.map((notice) => notice.text)).toEqual(['Moved “Stew”']);
    vi.advanceTimersByTime(NOTICE_MS.action);
    expect(notices.items).toEqual([]);
  });

  it('the same message twice shows once', () => {
    const notices = new Notices();
    notices.info('Storage is persistent.');
    notices.info('Storage is persistent.');
    expect(notices.items).toHaveLength(1);
  });

  it('a notice being read keeps its place, and leaves after it is let go', () => {
    const notices = new Notices();
    const id = notices.info('Copied 3 meals from last week.');
    notices.hold(id);
    vi.advanceTimersByTime(NOTICE_MS.plain * 3);
    expect(notices.items).toHaveLength(1);
    notices.release(id);
    vi.advanceTimersByTime(NOTICE_MS.plain - 1);
    expect(notices.items).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(notices.items).toEqual([]);
  });
});
