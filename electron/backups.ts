import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupFileInfo } from '../src/shared/ipc';
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
 * Writes the day's backup through a temporary file and a rename, so a full
 * disk leaves the previous backup whole; then keeps only the newest ones.
 */
export async function writeBackup(folder: string, day: string, text: string, keep = KEEP_BACKUPS): Promise<BackupFileInfo> {
  await mkdir(folder, { recursive: true });
  const name = backupFileName(day);
  const target = join(folder, name);
  const temporary = `${target}.partial`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
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
