import { settingsFromRows, type Settings, type SettingKey } from '../core/settings';
import type { SettingRow } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

/** The stored setting rows, as they are (the state layer fills in defaults as they arrive). */
export function readSettingRows(db: ThirtyfoldDatabase): Promise<SettingRow[]> {
  return db.settings.toArray();
}

/** All settings, defaults filled in. */
export async function readSettings(db: ThirtyfoldDatabase): Promise<Settings> {
  return settingsFromRows(await db.settings.toArray());
}

/** Saves one setting (pass plain values, not UI proxies). */
export async function writeSetting<K extends SettingKey>(db: ThirtyfoldDatabase, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}

/** One stored setting row's value, as stored (undefined: none). */
export async function readSettingValue(db: ThirtyfoldDatabase, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

/** Stores one setting row as it is (a record kept beside the settings, e.g. this device's household). */
export async function writeSettingValue(db: ThirtyfoldDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** Removes one setting row. */
export async function deleteSettingValue(db: ThirtyfoldDatabase, key: string): Promise<void> {
  await db.settings.delete(key);
}
