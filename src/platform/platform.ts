import type { AppInfo, BackupFileInfo, FileFilter, MenuCommand } from '../shared/ipc';

/** One file the user picked. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** What the renderer may ask of the machine it runs on, desktop or browser. */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  info(): Promise<AppInfo>;
  /** Prints the current page (the view's print stylesheet applies). */
  print(): Promise<void>;
  /** Saves the current page as PDF; returns where, or null when cancelled. The browser offers its print dialog instead. */
  savePdf(options: { title: string; suggestedName: string; pageSize: 'A4' | 'Letter'; landscape?: boolean }): Promise<string | null>;
  openFile(options: { title: string; filters: FileFilter[] }): Promise<PickedFile | null>;
  /** Saves text to a file the user names; returns where (the file name in a browser), or null when cancelled. */
  saveFile(options: { title: string; suggestedName: string; filters: FileFilter[]; text: string; mime?: string }): Promise<string | null>;
  /** Fetches a web page to import a recipe from (desktop only; null in a browser, where the user pastes the page instead). */
  readonly fetchPage: ((url: string) => Promise<{ url: string; html: string }>) | null;
  /** Automatic daily backups in the user-data folder (desktop only; null in a browser). */
  readonly backups: {
    write(text: string, day: string): Promise<BackupFileInfo>;
    list(): Promise<BackupFileInfo[]>;
    read(name: string): Promise<string>;
  } | null;
  /** Listens for application-menu commands (desktop only); returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** Files the system opened with the app since the last call (desktop; always none in a browser). */
  takeOpenedFiles(): Promise<PickedFile[]>;
  /**
   * Names the household's sync server (null: none). On the desktop it is the
   * only server the page may connect to, and `reload` says the page must load
   * again to reach it; a browser's policy is its server's, and never reloads.
   */
  allowSyncServer(server: string | null): Promise<{ reload: boolean }>;
}
