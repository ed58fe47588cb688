import { readFileSync, writeFileSync } from 'node:fs';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;

/** Reads the remembered window state; anything unreadable gives the defaults. */
export function readWindowState(path: string): WindowState {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<WindowState>;
    const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : undefined);
    const width = num(data.width);
    const height = num(data.height);
    return {
      x: num(data.x),
      y: num(data.y),
      width: width !== undefined ? Math.max(MIN_WIDTH, width) : DEFAULT_WINDOW_STATE.width,
      height: height !== undefined ? Math.max(MIN_HEIGHT, height) : DEFAULT_WINDOW_STATE.height,
      maximized: data.maximized === true,
    };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Saves the window state; a failure to write only loses the remembered size. */
export function writeWindowState(path: string, state: WindowState): void {
  try {
    writeFileSync(path, JSON.stringify(state));
  } catch (error) {
    console.warn(`Could not remember the window size: ${(error as Error).message}`);
  }
}
