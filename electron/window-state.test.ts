import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, MIN_WIDTH, readWindowState, writeWindowState } from './window-state';

describe('window state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thirtyfold-window-'));

  it('round-trips size, position and maximised', () => {
    const path = join(dir, 'a.json');
    writeWindowState(path, { x: 10, y: 20, width: 1400, height: 900, maximized: true });
    expect(readWindowState(path)).toEqual({ x: 10, y: 20, width: 1400, height: 900, maximized: true });
  });

  it('falls back to defaults for a missing or broken file and enforces the minimum size', () => {
    expect(readWindowState(join(dir, 'missing.json'))).toEqual(DEFAULT_WINDOW_STATE);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{not json');
    expect(readWindowState(broken)).toEqual(DEFAULT_WINDOW_STATE);
    const tiny = join(dir, 'tiny.json');
    writeFileSync(tiny, JSON.stringify({ width: 10, height: 'x' }));
    expect(readWindowState(tiny).width).toBe(MIN_WIDTH);
    expect(readWindowState(tiny).height).toBe(DEFAULT_WINDOW_STATE.height);
  });
});
