import { DEFAULT_SETTINGS, settingsFromRows, type Settings, type SettingKey } from '../core/settings';
import { readSettingRows, writeSetting } from '../db/settings-repository';
import { db } from './database';
import { live } from './live.svelte';

/** The user's settings, live from the database. */
export class SettingsState {
  #rows = live(
    () => undefined,
    () => readSettingRows(db),
    [],
  );

  readonly current: Settings = $derived(this.#rows.ready ? settingsFromRows(this.#rows.current) : DEFAULT_SETTINGS);
  readonly ready = $derived(this.#rows.ready);

  /** Saves one setting in its own transaction. */
  set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
    return writeSetting(db, key, $state.snapshot(value) as Settings[K]);
  }
}

export const settings = new SettingsState();
