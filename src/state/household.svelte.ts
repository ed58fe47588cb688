import { dateTime } from '../core/date-format';
import { HOUSEHOLD_FLAG as FLAG, HOUSEHOLD_SETTING } from '../sync/code';
import type { HouseholdConfig, HouseholdSync, SyncStatus } from '../sync/household';
import { deleteSettingValue, readSettingValue, writeSettingValue } from '../db/settings-repository';
import { followStarterMeals } from '../db/starter-repository';
import { platform } from '../platform';
import { db } from './database';
import { nowIso } from './ids';
import { attempt, notices } from './notices.svelte';


function readConfig(value: unknown): HouseholdConfig | null {
  const row = value as Partial<HouseholdConfig> | null | undefined;
  if (!row || typeof row.id !== 'string' || typeof row.secret !== 'string' || typeof row.server !== 'string') return null;
  return { id: row.id, secret: row.secret, server: row.server, joinedAt: typeof row.joinedAt === 'string' ? row.joinedAt : null };
}

function setFlag(id: string | null): void {
  try {
    if (id) localStorage.setItem(FLAG, id);
    else localStorage.removeItem(FLAG);
  } catch {
    // Without local storage the household still starts, only later (when the app is idle).
  }
}

/** True when this device was in a household when it last ran: read before the database, from local storage. */
export function householdFlagged(): boolean {
  try {
    return localStorage.getItem(FLAG) !== null;
  } catch {
    return false;
  }
}

/**
 * This device's household: create, join, leave, and the sync status. The
 * sync code (Yjs, Hocuspocus) loads only for a device that is in a household.
 */
export class HouseholdState {
  #config = $state<HouseholdConfig | null>(null);
  #status = $state<SyncStatus | null>(null);
  #code = $state<string | null>(null);
  #busy = $state(false);
  #session: HouseholdSync | null = null;
  #resumed = false;

  /** The household this device is in, or null. */
  get config(): HouseholdConfig | null {
    return this.#config;
  }

  /** The sync status while in a household. */
  get status(): SyncStatus | null {
    return this.#status;
  }

  /** The plain code other devices join with. */
  get code(): string | null {
    return this.#code;
  }

  /** True while creating, joining or leaving. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Starts syncing if this device is in a household; loads nothing otherwise. Safe to call more than once. */
  async resume(): Promise<void> {
    if (this.#resumed) return;
    this.#resumed = true;
    const config = readConfig(await readSettingValue(db, HOUSEHOLD_SETTING));
    if (!config) {
      setFlag(null);
      return;
    }
    await attempt('Could not start household sync', () => this.#open(config));
  }

  /** Makes a new household on `server` with this device's data in it. Returns an error message, or null. */
  async create(server: string): Promise<string | null> {
    const { newHouseholdKey, readServerAddress } = await import('../sync/code');
    const address = readServerAddress(server);
    if (!address.ok) return address.error;
    const key = newHouseholdKey((bytes) => crypto.getRandomValues(bytes));
    return this.#start({ ...key, server: address.url, joinedAt: null });
  }

  /** Joins the household of `code` on `server`, merging this device's data into it. Returns an error message, or null. */
  async join(code: string, server: string): Promise<string | null> {
    const { readHouseholdCode, readServerAddress } = await import('../sync/code');
    const address = readServerAddress(server);
    if (!address.ok) return address.error;
    const key = readHouseholdCode(code);
    if (!key) return 'That is not a household code: it has 42 letters and digits in groups of four, e.g. abcd-efgh-…';
    return this.#start({ ...key, server: address.url, joinedAt: null });
  }

  /** Stops syncing on this device and forgets the household; everything stays in the database. Undo joins again. */
  async leave(): Promise<void> {
    const config = this.#config;
    if (!config) return;
    this.#busy = true;
    try {
      await this.#close(true);
      await deleteSettingValue(db, HOUSEHOLD_SETTING);
      setFlag(null);
      await platform.allowSyncServer(null);
      this.#config = null;
      this.#status = null;
      this.#code = null;
    } finally {
      this.#busy = false;
    }
    notices.info('Left the household; this device keeps its data', {
      label: 'Undo',
      run: () => attempt('Could not join the household again', () => this.#open(config)),
    });
  }

  async #start(config: HouseholdConfig): Promise<string | null> {
    if (this.#busy) return 'Wait for the household to finish starting.';
    this.#busy = true;
    try {
      await this.#close(false);
      await writeSettingValue(db, HOUSEHOLD_SETTING, config);
      await this.#open(config);
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      this.#busy = false;
    }
  }

  async #open(config: HouseholdConfig): Promise<void> {
    const [{ HouseholdSync }, { householdCode }, { describeJoin }] = await Promise.all([
      import('../sync/household'),
      import('../sync/code'),
      import('../sync/mirror'),
    ]);
    await writeSettingValue(db, HOUSEHOLD_SETTING, config);
    setFlag(config.id);
    // On the desktop the page reaches only the household's server; a new one is reachable once the page loaded again (it resumes then).
    if ((await platform.allowSyncServer(config.server)).reload) {
      location.reload();
      return;
    }
    this.#config = config;
    this.#code = householdCode(config);
    const session = await HouseholdSync.open({
      db,
      config,
      onStatus: (status) => (this.#status = status),
      // Nothing of this device is replaced without a word.
      onJoined: (summary) => {
        const said = describeJoin(summary);
        if (said) notices.info(said);
        void attempt('Could not update the example week after joining', () => followStarterMeals(db, summary.twins));
      },
    });
    this.#session = session;
    this.#status = session.status;
    if (config.joinedAt === null) void this.#firstJoin(session, config);
  }

  /** The first meeting of this device and the household: once the server answered, both sides' data merge. */
  async #firstJoin(session: HouseholdSync, config: HouseholdConfig): Promise<void> {
    await attempt('Could not merge this device into the household', async () => {
      await session.join();
      if (this.#session !== session) return;
      const joined = { ...config, joinedAt: nowIso() };
      await writeSettingValue(db, HOUSEHOLD_SETTING, joined);
      this.#config = joined;
    });
  }

  async #close(forget: boolean): Promise<void> {
    const session = this.#session;
    this.#session = null;
    if (session) await session.close({ forget });
  }
}

export const household = new HouseholdState();

/** The sync status in plain words: a short form for the sidebar and a sentence for Settings. */
export function describeStatus(status: SyncStatus | null): { short: string; long: string } {
  if (!status) return { short: 'Starting…', long: 'Starting household sync…' };
  const waiting = status.waiting === 1 ? '1 change waiting' : `${status.waiting} changes waiting`;
  const since = status.offlineSince ? dateTime(status.offlineSince, false) : null;
  switch (status.state) {
    case 'synced':
      return status.waiting > 0 ? { short: 'Sending…', long: `Connected, ${waiting}.` } : { short: 'Synced', long: 'Synced with the household.' };
    case 'connecting':
      return { short: 'Connecting…', long: 'Connecting to the server…' };
    case 'refused':
      return { short: 'Refused', long: 'The server refused this household code.' };
    case 'offline':
      return {
        short: status.waiting > 0 ? `Offline, ${status.waiting} waiting` : 'Offline',
        long: `Offline${since ? ` since ${since}` : ''}${status.waiting > 0 ? `, ${waiting}` : ''}. Changes are kept and sent when the server is back.`,
      };
  }
}
