/**
 * Bench-only page: runs the app's own backup and database code in real
 * Chromium IndexedDB (database 'thirtyfold', same origin as the app) and
 * exposes each step on `window.thirtyfoldBench` for page.evaluate.
 */
import { buildBackup, parseBackup, type BackupInput, type SettingRow } from '../../../src/core/backup';
import { DATABASE_NAME, ThirtyfoldDatabase } from '../../../src/db/database';
import { dumpDatabase, repairReferences, replaceDatabase } from '../../../src/db/backup-repository';
import { HOUSEHOLD_FLAG, HOUSEHOLD_SETTING, type HouseholdKey } from '../../../src/sync/code';
import { HouseholdSync, type HouseholdConfig } from '../../../src/sync/household';
import { addMeals, removeMeals } from '../../../src/db/meals-repository';

interface Rows {
  recipes: BackupInput['recipes'];
  meals: BackupInput['meals'];
  foods: BackupInput['foods'];
  shopping: BackupInput['shopping'];
  settings: SettingRow[];
}

const db = new ThirtyfoldDatabase(DATABASE_NAME);

function tables() {
  return [db.recipes, db.meals, db.foods, db.settings, db.shopping];
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/** Empties every table (not timed by callers). */
async function clear(): Promise<void> {
  await db.transaction('rw', tables(), () => Promise.all(tables().map((table) => table.clear())));
}

/** Raw Dexie bulkPut of all rows into emptied tables, one transaction; returns its milliseconds. */
async function bulkPutRows(rows: Rows): Promise<number> {
  await clear();
  const start = performance.now();
  await db.transaction('rw', tables(), async () => {
    await db.recipes.bulkPut(rows.recipes);
    await db.meals.bulkPut(rows.meals);
    await db.foods.bulkPut(rows.foods);
    await db.settings.bulkPut(rows.settings);
    await db.shopping.bulkPut(rows.shopping);
  });
  return performance.now() - start;
}

let exported = '';

/** Resolves once `check` is true, looking every 5 ms (a timer, not a frame: the page may be in the background). */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 600_000): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** Bytes of the Yjs updates y-indexeddb keeps for a household doc on this device (its own IndexedDB database). */
function storedDocBytes(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('updates').objectStore('updates').getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        open.result.close();
        resolve((request.result as Uint8Array[]).reduce((sum, update) => sum + update.byteLength, 0));
      };
    };
  });
}

/** A second device (its own app database and doc), open after `sync.download`: the device edits are made on. */
let device: { db: ThirtyfoldDatabase; sync: HouseholdSync; persistenceName: string } | null = null;

const sync = {
  /**
   * The device holding the library makes the household (its first join uploads
   * everything) and is then closed, its doc kept; returns ms until the server
   * confirmed every change.
   */
  async upload(key: HouseholdKey, server: string): Promise<number> {
    const config: HouseholdConfig = { ...key, server, joinedAt: null };
    const start = performance.now();
    const session = await HouseholdSync.open({ db, config });
    await session.join();
    await until(() => session.status.state === 'synced' && session.status.waiting === 0, 'upload');
    const ms = performance.now() - start;
    await session.close();
    return ms;
  },
  /** Puts the app's database in the household (joined), or out of it, as the app finds it when it starts. */
  async setHousehold(config: HouseholdConfig | null): Promise<void> {
    if (config) {
      await db.settings.put({ key: HOUSEHOLD_SETTING, value: config });
      localStorage.setItem(HOUSEHOLD_FLAG, config.id);
    } else {
      await db.settings.delete(HOUSEHOLD_SETTING);
      localStorage.removeItem(HOUSEHOLD_FLAG);
    }
  },
  /**
   * First sync to an empty device: a new app database joins the household and
   * returns ms until every record is in it, and until the server's answer was
   * in the doc (`syncedMs`). The device stays open for `edit`.
   */
  async download(key: HouseholdKey, server: string, name: string): Promise<{ ms: number; syncedMs: number; counts: Record<string, number> }> {
    await sync.closeDevice();
    const deviceDb = new ThirtyfoldDatabase(`${name}-db`);
    await deviceDb.open();
    const persistenceName = `${name}-doc`;
    const start = performance.now();
    const session = await HouseholdSync.open({ db: deviceDb, config: { ...key, server, joinedAt: null }, persistenceName });
    let syncedMs = NaN;
    void session.whenSynced().then(() => (syncedMs = performance.now() - start));
    await session.join();
    const ms = performance.now() - start;
    device = { db: deviceDb, sync: session, persistenceName };
    return { ms, syncedMs, counts: { recipes: await deviceDb.recipes.count(), meals: await deviceDb.meals.count() } };
  },
  /** Bytes of the household doc: as one Yjs update, and as y-indexeddb keeps it on the device. */
  async docBytes(): Promise<{ encoded: number; stored: number }> {
    if (!device) throw new Error('no device: sync.download first');
    const { encodeStateAsUpdate } = await import('yjs');
    return { encoded: encodeStateAsUpdate(device.sync.doc).byteLength, stored: await storedDocBytes(device.persistenceName) };
  },
  /**
   * One edit on the device through the planner's own write (the meals
   * repository's addMeals, checked by the database like every write): a food
   * meal. Returns the epoch ms (performance.timeOrigin based) it was made at
   * and the one at which the device's doc sent it.
   */
  async edit(meal: { id: string; date: string; slot: string; food: string }): Promise<{ madeAt: number; sentAt: number }> {
    if (!device) throw new Error('no device: sync.download first');
    const { doc, mirror } = device.sync;
    const sent = new Promise<number>((resolve) => {
      const onUpdate = (_update: Uint8Array, origin: unknown) => {
        if (origin !== mirror.origin) return;
        doc.off('update', onUpdate);
        resolve(performance.timeOrigin + performance.now());
      };
      doc.on('update', onUpdate);
    });
    const madeAt = performance.timeOrigin + performance.now();
    await addMeals(device.db, [{ ...meal, recipe: null, servings: 1, leftoverOf: null }]);
    return { madeAt, sentAt: await sent };
  },
  /** Takes an edit's meal off again, as the planner's Delete does. */
  async undoEdit(id: string): Promise<void> {
    if (device) await removeMeals(device.db, [id]);
  },
  /**
   * Resolves with the epoch ms at which the meal `id` is in (`present`) or
   * gone from the app's database, looking every 2 ms; null after 10 s.
   */
  async stored(id: string, present: boolean): Promise<number | null> {
    const start = performance.now();
    while (performance.now() - start < 10_000) {
      if ((await db.meals.get(id) !== undefined) === present) return performance.timeOrigin + performance.now();
      await new Promise((done) => setTimeout(done, 2));
    }
    return null;
  },
  /** Closes the device and removes its databases. */
  async closeDevice(): Promise<void> {
    if (!device) return;
    const { db: deviceDb, sync: session } = device;
    device = null;
    await session.close({ forget: true });
    deviceDb.close();
    await deviceDb.delete();
  },
};

const bench = {
  /** Loads the rows served at `url` with a raw bulkPut; returns the milliseconds of the bulkPut. */
  async seed(url: string): Promise<number> {
    const rows = JSON.parse(await fetchText(url)) as Rows;
    return bulkPutRows(rows);
  },
  /** Raw bulkPut of the rows of the last export (parsed outside the timing). */
  async rawBulkPut(): Promise<number> {
    const data = JSON.parse(exported) as { data: Omit<Rows, 'settings'> & { settings: Record<string, unknown> } };
    const settings = Object.entries(data.data.settings).map(([key, value]) => ({ key, value }));
    return bulkPutRows({ ...data.data, settings });
  },
  /** The app's export: dump in one transaction, repair references, build the JSON text. */
  async exportBackup(): Promise<{ ms: number; bytes: number }> {
    const start = performance.now();
    const { data } = repairReferences(await dumpDatabase(db));
    exported = buildBackup(data, { appVersion: 'bench', exportedAt: new Date().toISOString() });
    return { ms: performance.now() - start, bytes: exported.length };
  },
  /** The app's restore of the last export: parse + validate, then replace every table in one transaction. */
  async restoreBackup(): Promise<number> {
    const text = exported;
    const start = performance.now();
    const backup = parseBackup(text);
    await replaceDatabase(db, backup.data);
    return performance.now() - start;
  },
  /** Row counts, to check a step did what it says. */
  async counts(): Promise<Record<string, number>> {
    return { recipes: await db.recipes.count(), meals: await db.meals.count(), foods: await db.foods.count(), shopping: await db.shopping.count() };
  },
  close(): void {
    db.close();
  },
  sync,
};

declare global {
  interface Window {
    thirtyfoldBench: typeof bench;
  }
}

window.thirtyfoldBench = bench;
document.title = 'Thirtyfold benchmark page (ready)';
