import type { Backup, BackupInput } from '../core/backup';
import { longDate } from '../core/date-format';
import { daysBetween, weekStartOf } from '../core/dates';
import { formatCount } from '../core/format';
import { readPlanFile, writePlanFile } from '../core/plan/plan-file';
import {
  addPlanFile,
  checkRestore,
  countData,
  exportDatabase,
  readWeekForPlanFile,
  replaceDatabase,
  restoreBackup,
  type ExportedDatabase,
  type TableCounts,
} from '../db/backup-repository';
import { platform } from '../platform';
import type { BackupFileInfo } from '../shared/ipc';
import { HOUSEHOLD_SETTING } from '../sync/code';
import { repairRecords, undoRepair } from '../db/records-repository';
import { deleteRecipesAndMeals, putRecipesAndMeals } from '../db/recipe-repository';
import { db } from './database';
import { newId, nowIso, todayIso } from './ids';
import { attempt, notices } from './notices.svelte';
import { plan } from './plan.svelte';
import { members } from './members.svelte';
import { settings } from './settings.svelte';
import { starter } from './starter.svelte';
import { undoStack } from './undo.svelte';

/** A checked backup waiting for the user to confirm it may replace everything. */
export interface PendingRestore {
  /** File name (or automatic backup name) the backup came from. */
  name: string;
  backup: Backup;
  current: TableCounts;
  incoming: TableCounts;
}

/** Setting rows of this device that a restore keeps when the backup has none: the household it is in. */
const DEVICE_SETTINGS = [HOUSEHOLD_SETTING];

/** A file that cannot be restored, and why, in one line. */
export interface RestoreProblem {
  name: string;
  error: string;
}

/** The data as it was just before the last restore in this session. */
export interface SafetyCopy {
  text: string;
  data: BackupInput;
  takenAt: string;
  /** Name of the backup that replaced it. */
  replacedBy: string;
}

/** What the browser says about this app's storage. */
export interface StorageStatus {
  supported: boolean;
  /** True: the browser will not clear the data under storage pressure; null while unknown. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

const BACKUP_FILTERS = [{ name: 'Thirtyfold backup', extensions: ['json'] }];
const WEEK_FILTERS = [{ name: 'Thirtyfold week plan', extensions: ['json'] }];
/** How often the app checks whether a new day needs its automatic backup. */
const AUTOMATIC_CHECK_MS = 15 * 60_000;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "43 recipes, 120 meals, 2 custom foods, 5 settings, 1 shopping list and 3 household members". */
export function describeCounts(counts: TableCounts): string {
  const parts = [
    plural(counts.recipes, 'recipe'),
    plural(counts.meals, 'planned meal'),
    plural(counts.foods, 'custom food'),
    plural(counts.settings, 'setting'),
    plural(counts.shopping, 'shopping list'),
    plural(counts.members, 'household member'),
  ];
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Suggested file name of a backup written on `day`. */
export function backupFileName(day: string): string {
  return `thirtyfold-backup-${day}.thirtyfold.json`;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Backups and restore, automatic daily backups, storage persistence, and the
 * week file. Restores are checked whole before anything changes, confirmed by
 * the user, and written in one transaction; a copy of the data they replaced
 * stays in memory so the restore can be undone.
 */
export class BackupState {
  pending = $state.raw<PendingRestore | null>(null);
  problem = $state.raw<RestoreProblem | null>(null);
  /** What long work is going on ("Restoring…"), null when idle. */
  busy = $state<string | null>(null);
  safety = $state.raw<SafetyCopy | null>(null);
  /** In a browser: download the current data before a restore replaces it. */
  downloadSafetyCopy = $state(true);
  automatic = $state.raw<BackupFileInfo[]>([]);
  lastAutomaticDay = $state<string | null>(null);
  storage = $state<StorageStatus>({ supported: false, persisted: null, usage: null, quota: null });
  readonly hasAutomatic = platform.backups !== null;
  #started = false;

  /** The current data as backup text; dangling meal links are repaired; a record that fails the checks is named in `problem`. */
  async currentText(): Promise<ExportedDatabase> {
    const info = await platform.info();
    return exportDatabase(db, { appVersion: info.version, exportedAt: nowIso() });
  }

  /**
   * Tells the user a backup was written with a record that fails the checks
   * (so it would not restore as it is), names it, and offers to fix it.
   */
  reportProblem(what: string, problem: string): void {
    notices.problem(`${what}, but one record fails the checks and would stop it from restoring: ${problem}.`, {
      label: 'Fix it',
      run: () => attempt('Could not fix the data', () => this.fixRecords()),
    });
  }

  /** Mends the records that fail the checks (see repairRecords), with Undo; names any it could not mend. */
  async fixRecords(): Promise<void> {
    const repair = await repairRecords(db);
    if (repair.before.length > 0) {
      undoStack.push(
        `Fixed ${plural(repair.before.length, 'record')}; the next backup will restore`,
        () => undoRepair(db, repair),
        async () => {
          await repairRecords(db);
        },
      );
    }
    if (repair.left.length > 0) {
      notices.problem(`${plural(repair.left.length, 'record')} cannot be fixed on its own; edit or delete it: ${repair.left[0].problem}.`);
    } else if (repair.before.length === 0) {
      notices.info('Every record passes the checks.');
    }
  }

  /** Saves everything to one backup file the user names; returns where, or null when cancelled. */
  async exportBackup(): Promise<string | null> {
    this.busy = 'Writing the backup…';
    try {
      const { text, data, repaired, problem } = await this.currentText();
      const where = await platform.saveFile({
        title: 'Export a backup',
        suggestedName: backupFileName(todayIso()),
        filters: BACKUP_FILTERS,
        text,
        mime: 'application/json',
      });
      if (where && problem) this.reportProblem('Backup saved', problem);
      else if (where) {
        const fixed = repaired ? ` (${plural(repaired, 'meal')} pointing at deleted meals or recipes left unlinked)` : '';
        notices.info(`Backup saved: ${describeCounts(countData(data))}${fixed}.`);
      }
      return where;
    } finally {
      this.busy = null;
    }
  }

  /** Asks for a backup file and checks it; the confirm dialog follows. */
  async chooseRestoreFile(): Promise<void> {
    const file = await platform.openFile({ title: 'Restore a backup', filters: BACKUP_FILTERS });
    if (file) await this.prepareRestore(decode(file.bytes), file.name);
  }

  /** Reads one automatic backup and checks it; the confirm dialog follows. */
  async restoreAutomatic(name: string): Promise<void> {
    if (!platform.backups) return;
    await this.prepareRestore(await platform.backups.read(name), name);
  }

  /** Checks a whole backup file; shows what it would replace, or exactly what is wrong. Changes nothing. */
  async prepareRestore(text: string, name: string): Promise<void> {
    this.pending = null;
    this.problem = null;
    const check = await checkRestore(db, text);
    if (!check.ok) {
      this.problem = { name, error: check.error };
      return;
    }
    this.pending = { name, backup: check.backup, current: check.current, incoming: check.incoming };
  }

  cancelRestore(): void {
    this.pending = null;
    this.problem = null;
  }

  /**
   * Replaces everything with the pending backup: first a safety copy of the
   * current data (today's automatic backup on the desktop; a download in a
   * browser when asked; always in memory), then one transaction.
   */
  async confirmRestore(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.busy = 'Restoring…';
    try {
      const info = await platform.info();
      const day = todayIso();
      const copy = await restoreBackup(db, pending.backup, {
        meta: { appVersion: info.version, exportedAt: nowIso() },
        // A backup from before this device joined its household leaves it in the household: the restore then reaches every device.
        keep: DEVICE_SETTINGS,
        keepCopy: async (text, problem) => {
          if (problem) this.reportProblem('The copy of your current data was kept', problem);
          if (platform.backups) {
            await platform.backups.write(text, day);
            this.lastAutomaticDay = day;
            return true;
          }
          if (!this.downloadSafetyCopy) return true;
          const saved = await platform.saveFile({
            title: 'Save a copy of the current data',
            suggestedName: `thirtyfold-before-restore-${day}.thirtyfold.json`,
            filters: BACKUP_FILTERS,
            text,
            mime: 'application/json',
          });
          // Cancelling the safety download cancels the restore.
          return Boolean(saved);
        },
      });
      if (!copy) return;
      const safety: SafetyCopy = { text: copy.text, data: copy.data, takenAt: nowIso(), replacedBy: pending.name };
      this.safety = safety;
      this.pending = null;
      undoStack.push(
        `Restored ${describeCounts(pending.incoming)} from ${pending.name}`,
        () => replaceDatabase(db, safety.data),
        () => replaceDatabase(db, pending.backup.data, DEVICE_SETTINGS),
      );
      if (platform.backups) await this.listAutomatic();
    } finally {
      this.busy = null;
    }
  }

  /** Puts back the data the last restore replaced. */
  async undoRestore(): Promise<void> {
    const safety = this.safety;
    if (!safety) return;
    this.busy = 'Putting your data back…';
    try {
      await replaceDatabase(db, safety.data);
      this.safety = null;
      notices.info(`Your data from before restoring ${safety.replacedBy} is back.`);
    } finally {
      this.busy = null;
    }
  }

  async listAutomatic(): Promise<void> {
    if (platform.backups) this.automatic = await platform.backups.list();
  }

  /** Writes today's automatic backup (desktop only). */
  async writeAutomatic(): Promise<void> {
    if (!platform.backups) return;
    const day = todayIso();
    const { text, problem } = await this.currentText();
    await platform.backups.write(text, day);
    if (problem) this.reportProblem("Today's automatic backup was written", problem);
    this.lastAutomaticDay = day;
    await this.listAutomatic();
  }

  /**
   * Once per window: asks for persistent storage, and on the desktop writes
   * today's backup once the data has loaded, then again when the day changes.
   */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    void attempt('Could not check the storage', () => this.refreshStorage(true));
    if (!platform.backups) return;
    void attempt('Could not write the automatic backup', async () => {
      await starter.settled;
      await this.writeAutomatic();
    });
    setInterval(() => {
      if (this.lastAutomaticDay !== todayIso()) void attempt('Could not write the automatic backup', () => this.writeAutomatic());
    }, AUTOMATIC_CHECK_MS);
  }

  /** Reads persistence and usage; with `ask`, first asks the browser to keep the data. */
  async refreshStorage(ask = false): Promise<void> {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage) {
      this.storage = { supported: false, persisted: null, usage: null, quota: null };
      return;
    }
    let persisted = storage.persisted ? await storage.persisted() : null;
    if (ask && persisted === false && storage.persist) persisted = await storage.persist();
    const estimate = storage.estimate ? await storage.estimate() : {};
    this.storage = { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
  }

  /** Asks the browser again to keep the data under storage pressure. */
  async requestPersistence(): Promise<void> {
    await this.refreshStorage(true);
    notices.info(this.storage.persisted ? 'Storage is persistent.' : 'The browser did not grant persistent storage; keep exporting backups.');
  }

  /** Saves the week on screen as a plan file: its meals and the recipes they use. */
  async exportWeek(): Promise<string | null> {
    const weekStart = plan.weekStart;
    const weekEnd = plan.weekEnd;
    const { meals: usable, recipes } = await readWeekForPlanFile(db, weekStart, weekEnd);
    if (usable.length === 0) throw new Error(`the week of ${longDate(weekStart)} has no meals to export`);
    const text = writePlanFile({ members: members.list, weekStart, recipes, meals: usable });
    const where = await platform.saveFile({
      title: 'Export this week',
      suggestedName: `thirtyfold-week-${weekStart}.json`,
      filters: WEEK_FILTERS,
      text,
      mime: 'application/json',
    });
    if (where) notices.info(`Week of ${weekStart} saved: ${plural(usable.length, 'meal')}, ${plural(recipes.length, 'recipe')}.`);
    return where;
  }

  /** Asks for a plan file and adds it onto the week on screen. */
  async chooseWeekFile(): Promise<void> {
    const file = await platform.openFile({ title: 'Import a week', filters: WEEK_FILTERS });
    if (file) await this.importWeek(decode(file.bytes), file.name);
  }

  /**
   * Adds a plan file's recipes and meals in one transaction, with Undo: its
   * meals move onto the week on screen (each keeps its weekday); a recipe
   * with the same name and ingredients as one already stored is reused, and
   * one whose id is taken gets a new id.
   */
  async importWeek(text: string, name: string): Promise<number> {
    let file;
    try {
      file = readPlanFile(text);
    } catch (error) {
      throw new Error(`${name} is not a week plan file: ${(error as Error).message}`, { cause: error });
    }
    if (file.meals.length === 0) throw new Error(`${name} holds no meals`);
    const target = plan.weekStart;
    const first = file.meals.reduce((min, meal) => (meal.date < min ? meal.date : min), file.meals[0].date);
    const sourceStart = file.weekStart ?? weekStartOf(first, settings.current.weekStartDay);
    const added = await addPlanFile(db, file, { shift: daysBetween(sourceStart, target), now: nowIso(), newId });
    const label = `Imported ${plural(added.meals.length, 'meal')}${added.recipes.length ? ` and ${plural(added.recipes.length, 'new recipe')}` : ''} onto the week of ${longDate(target)}`;
    undoStack.push(
      label,
      () => deleteRecipesAndMeals(db, added),
      () => putRecipesAndMeals(db, added),
    );
    return added.meals.length;
  }
}

export const backup = new BackupState();
