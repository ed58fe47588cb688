/**
 * Bench-only page: runs the app's own backup and database code in real
 * Chromium IndexedDB (database 'thirtyfold', same origin as the app) and
 * exposes each step on `window.thirtyfoldBench` for page.evaluate.
 */
import { buildBackup, parseBackup, type BackupInput, type SettingRow } from '../../../src/core/backup';
import { DATABASE_NAME, ThirtyfoldDatabase } from '../../../src/db/database';
import { dumpDatabase, repairReferences, replaceDatabase } from '../../../src/db/backup-repository';

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
};

declare global {
  interface Window {
    thirtyfoldBench: typeof bench;
  }
}

window.thirtyfoldBench = bench;
document.title = 'Thirtyfold benchmark page (ready)';
