import type { Food, Meal, Member, Recipe, ShoppingState } from '../types';

/** Format tag of a backup file. */
export const BACKUP_FORMAT = 'thirtyfold.backup';

/** The version this build writes. Versions are append-only: every older one must still restore. */
export const BACKUP_VERSION = 3;

export type { SettingRow, ShoppingState } from '../types';

/** Everything a backup holds. */
export interface BackupData {
  recipes: Recipe[];
  meals: Meal[];
  /** Only foods the user created or edited (`custom: true`); the shipped catalog is not copied. */
  foods: Food[];
  /** Settings as key → value. */
  settings: Record<string, unknown>;
  shopping: ShoppingState[];
  /** The household's members (version 3); older backups hold none and restore the `people` setting's adults. */
  members: Member[];
}

/** A whole backup file. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Version of the app that wrote the file. */
  appVersion: string;
  /** When the file was written: an ISO timestamp. */
  exportedAt: string;
  data: BackupData;
}

/** Thrown when a backup cannot be read or written; the message is one line for the user. */
export class BackupError extends Error {
  override name = 'BackupError';
}
