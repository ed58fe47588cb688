/**
 * The one IPC contract between the renderer and the Electron main process.
 * Every channel is named `app:*`; main validates each argument and checks the sender.
 */

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title: string;
  filters: FileFilter[];
}

export interface OpenedFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
  /** UTF-8 text to write. */
  text: string;
}

export interface SavePdfRequest {
  title: string;
  suggestedName: string;
  pageSize: 'A4' | 'Letter';
  landscape: boolean;
}

/** What a save action did: the path written, or null when the user cancelled. */
export interface SaveResult {
  path: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  dataFolder: string;
}

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | { type: 'navigate'; view: string }
  | { type: 'print' }
  | { type: 'save-pdf' }
  | { type: 'new-recipe' }
  | { type: 'import-recipe' }
  /** Files the system asked the app to open (file associations) are waiting: take them with app:take-opened-files. */
  | { type: 'opened-files' }
  | { type: 'export-backup' }
  | { type: 'restore-backup' }
  | { type: 'undo' }
  | { type: 'redo' };

/** One automatic backup on disk. */
export interface BackupFileInfo {
  name: string;
  /** ISO timestamp of the file's last write. */
  modified: string;
  bytes: number;
}

/** Request and response types per invoke channel. */
export interface IpcContract {
  'app:info': { request: void; response: AppInfo };
  'app:print': { request: void; response: boolean };
  'app:save-pdf': { request: SavePdfRequest; response: SaveResult };
  'app:open-file': { request: OpenFileRequest; response: OpenedFile | null };
  'app:save-file': { request: SaveFileRequest; response: SaveResult };
  /** Writes today's automatic backup (one a day, the newest 10 kept). */
  'app:backup-write': { request: { text: string; day: string }; response: BackupFileInfo };
  'app:backup-list': { request: void; response: BackupFileInfo[] };
  'app:backup-read': { request: { name: string }; response: string };
  /** Fetches a recipe page the user asked to import (the only network request the app makes). */
  'app:fetch-page': { request: { url: string }; response: { url: string; html: string } };
  /** The files opened with the app (double-click, "Open with", a second start) since the last call, read and handed over once. */
  'app:take-opened-files': { request: void; response: OpenedFile[] };
  /**
   * Names the household's sync server (null: none), the only server the page
   * may connect to; `reload` says the page must load again to reach it.
   */
  'app:sync-server': { request: { server: string | null }; response: { reload: boolean } };
}

export type IpcChannel = keyof IpcContract;

export const IPC_CHANNELS: readonly IpcChannel[] = [
  'app:info',
  'app:print',
  'app:save-pdf',
  'app:open-file',
  'app:save-file',
  'app:backup-write',
  'app:backup-list',
  'app:backup-read',
  'app:fetch-page',
  'app:take-opened-files',
  'app:sync-server',
];

/** Channel main uses to push menu commands to the renderer. */
export const MENU_CHANNEL = 'app:menu';

/** The object the preload exposes as `window.desktop`. */
export interface DesktopApi {
  invoke<C extends IpcChannel>(channel: C, request: IpcContract[C]['request']): Promise<IpcContract[C]['response']>;
  onMenu(listener: (command: MenuCommand) => void): () => void;
}
