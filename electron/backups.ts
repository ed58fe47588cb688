import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupFileInfo } from '../src/shared/ipc';
import { writeFileDurably } from './files';
import { backupFileName, isBackupFileName } from './validate';

/** How many daily backups stay on disk. */
export const KEEP_BACKUPS = 10;

/** Lists automatic backups, newest first. */
export async function listBackups(folder: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const infos = await Promise.all(
    names.filter(isBackupFileName).map(async (name) => {
      const info = await stat(join(folder, name));
      return { name, modified: info.mtime.toISOString(), bytes: info.size };
    }),
  );
  return infos.sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Writes the day's backup through a temporary file, flushed to disk, and a
 * rename, so a full disk or a power cut leaves the previous backup whole; then
 * keeps only the newest ones.
 */
export async function writeBackup(folder: string, day: string, text: string, keep = KEEP_BACKUPS): Promise<BackupFileInfo> {
  await mkdir(folder, { recursive: true });
  const name = backupFileName(day);
  const target = join(folder, name);
  try {
    await writeFileDurably(target, text);
  } catch (error) {
    await unlink(`${target}.partial`).catch(() => undefined);
    throw error;
  }
  const all = await listBackups(folder);
  await Promise.all(all.slice(keep).map((old) => unlink(join(folder, old.name))));
  const info = await stat(target);
  return { name, modified: info.mtime.toISOString(), bytes: info.size };
}

/** Reads one automatic backup by name (validated by the caller). */
export function readBackup(folder: string, name: string): Promise<string> {
  return readFile(join(folder, name), 'utf8');
}

/** The local calendar day of `now`, YYYY-MM-DD, as the renderer names its daily backup. */
export function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
