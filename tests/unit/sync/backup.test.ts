import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildBackup, parseBackup } from '../../../src/core/backup';
import { dumpDatabase, repairReferences, replaceDatabase, restoreBackup } from '../../../src/db/backup-repository';
import { ThirtyfoldDatabase } from '../../../src/db/database';
import { HOUSEHOLD_SETTING } from '../../../src/sync/code';
import { HouseholdSync, type HouseholdConfig } from '../../../src/sync/household';
import type { SyncServer } from '../../../src/sync/server/server';
import { closeAll, expectConverged, meal, openDevice, randomKey, recipe, startServer, tempDir, type Device } from './harness';

let dir: Awaited<ReturnType<typeof tempDir>>;
let server: SyncServer & { lines: string[] };
let devices: Device[] = [];

beforeEach(async () => {
  dir = await tempDir();
  server = await startServer(dir.path);
  devices = [];
});

afterEach(async () => {
  await closeAll(devices);
  await server.stop();
  await dir.remove();
});

/** Two joined devices, each keeping its household in its settings as the app does (state/household.svelte.ts). */
async function household(): Promise<[Device, Device]> {
  const key = randomKey();
  for (let i = 0; i < 2; i += 1) {
    const device = await openDevice(key, server.url, { joined: true });
    await device.db.settings.put({ key: HOUSEHOLD_SETTING, value: device.config });
    devices.push(device);
  }
  await Promise.all(devices.map((device) => device.sync.whenSynced()));
  return [devices[0], devices[1]];
}

/** The app's backup file of a database: dump, repair references, build the JSON text. */
async function backupOf(db: ThirtyfoldDatabase): Promise<string> {
  const { data } = repairReferences(await dumpDatabase(db));
  return buildBackup(data, { appVersion: 'test', exportedAt: '2026-11-30T12:00:00Z' });
}

describe('backups of a device in a household', () => {
  it('hold the household, and restored on a new device resume syncing without bringing back what the household deleted or changed since', async () => {
    const [a, b] = await household();
    await a.db.recipes.bulkPut([recipe('r1', 'Dal'), recipe('r2', 'Soup')]);
    await a.db.meals.put(meal('m1', '2026-11-23', 'dinner', 'r1'));
    await expectConverged([a, b]);
    const text = await backupOf(a.db);

    // After the backup the household moves on: a recipe deleted, another changed.
    await b.db.recipes.delete('r2');
    await b.db.recipes.update('r1', { name: 'Dal, the household’s', updatedAt: '2026-11-29T10:00:00Z' });
    await expectConverged([a, b]);

    // A new device: the backup restored into an empty database, which then knows its household (and no doc of it).
    const db = new ThirtyfoldDatabase(`restored-${Math.random()}`);
    await db.open();
    await replaceDatabase(db, parseBackup(text).data);
    const config = (await db.settings.get(HOUSEHOLD_SETTING))?.value as HouseholdConfig;
    expect(config).toEqual(a.config);
    expect(config.joinedAt).not.toBeNull();
    const persistenceName = `restored-doc-${Math.random()}`;
    const c: Device = { name: 'restored', db, config, persistenceName, sync: await HouseholdSync.open({ db, config, persistenceName, WebSocket }) };
    devices.push(c);

    await expectConverged([a, b, c]);
    expect(await c.db.recipes.get('r2')).toBeUndefined();
    expect((await c.db.recipes.get('r1'))?.name).toBe('Dal, the household’s');
    expect((await a.db.meals.get('m1'))?.recipe).toBe('r1');
    // The household had everything in the backup: the restored device sent none of it back as new.
    expect(a.sync.doc.store.clients.has(c.sync.doc.clientID)).toBe(false);

    // From then on it is a device of the household like the others.
    await c.db.meals.put(meal('m2', '2026-11-24', 'lunch', 'r1'));
    await expectConverged([a, b, c]);
    expect(await b.db.meals.get('m2')).toBeDefined();
  });

  it('adds what only the restored backup holds to the household', async () => {
    const [a, b] = await household();
    await a.db.recipes.put(recipe('r1', 'Dal'));
    await expectConverged([a, b]);
    // A recipe that never reached the household (written with the sync closed), then the backup.
    await a.sync.close();
    await a.db.recipes.put(recipe('offline', 'Written while closed', { updatedAt: '2026-11-28T10:00:00Z' }));
    const text = await backupOf(a.db);
    a.db.close();
    devices.splice(0, 1);

    const db = new ThirtyfoldDatabase(`restored-${Math.random()}`);
    await db.open();
    await replaceDatabase(db, parseBackup(text).data);
    const config = (await db.settings.get(HOUSEHOLD_SETTING))?.value as HouseholdConfig;
    const persistenceName = `restored-doc-${Math.random()}`;
    const c: Device = { name: 'restored', db, config, persistenceName, sync: await HouseholdSync.open({ db, config, persistenceName, WebSocket }) };
    devices.push(c);
    await expectConverged([b, c]);
    expect((await b.db.recipes.get('offline'))?.name).toBe('Written while closed');
  });

  it('restored on the device while it syncs, restore it for the whole household and keep the device in it', async () => {
    const [a, b] = await household();
    await a.db.recipes.put(recipe('r1', 'Dal'));
    await expectConverged([a, b]);
    const text = await backupOf(a.db);
    await b.db.recipes.put(recipe('r3', 'Added after the backup'));
    await b.db.recipes.update('r1', { name: 'Renamed after the backup' });
    await expectConverged([a, b]);

    await replaceDatabase(a.db, parseBackup(text).data);
    await expectConverged([a, b]);
    expect(await b.db.recipes.get('r3')).toBeUndefined();
    expect((await b.db.recipes.get('r1'))?.name).toBe('Dal');
    expect((await a.db.settings.get(HOUSEHOLD_SETTING))?.value).toEqual(a.config);
  });

  it('made before the device joined, restore for the whole household and leave the device in it', async () => {
    const [a, b] = await household();
    const before = new ThirtyfoldDatabase(`before-joining-${Math.random()}`);
    await before.open();
    await before.recipes.put(recipe('old', 'From before the household'));
    const text = await backupOf(before);
    before.close();
    expect(parseBackup(text).data.settings).not.toHaveProperty(HOUSEHOLD_SETTING);

    await a.db.recipes.put(recipe('r1', 'Dal'));
    await expectConverged([a, b]);
    // The app's restore keeps this device's household row when the backup has none.
    const restored = await restoreBackup(a.db, parseBackup(text), {
      meta: { appVersion: 'test', exportedAt: '2026-11-30T12:00:00Z' },
      keepCopy: async () => true,
      keep: [HOUSEHOLD_SETTING],
    });
    expect(restored).not.toBeNull();
    expect((await a.db.settings.get(HOUSEHOLD_SETTING))?.value).toEqual(a.config);
    await expectConverged([a, b]);
    expect(await b.db.recipes.get('r1')).toBeUndefined();
    expect((await b.db.recipes.get('old'))?.name).toBe('From before the household');

    // Without the kept row the same restore forgets the household, and the next start would leave it without a word.
    await replaceDatabase(b.db, parseBackup(text).data);
    expect(await b.db.settings.get(HOUSEHOLD_SETTING)).toBeUndefined();
  });
});
