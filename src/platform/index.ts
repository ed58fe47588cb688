import type { DesktopApi } from '../shared/ipc';
import { browserPlatform } from './browser';
import { electronPlatform } from './electron';
import type { Platform } from './platform';

export type { Platform, PickedFile } from './platform';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

/** The platform the renderer runs on: Electron when the preload exposed `window.desktop`, else the browser. */
export const platform: Platform = typeof window !== 'undefined' && window.desktop ? electronPlatform(window.desktop) : browserPlatform();
