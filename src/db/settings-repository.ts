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
