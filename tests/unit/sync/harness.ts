import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { ThirtyfoldDatabase } from '../../../src/db/database';
import { linesFromTexts } from '../../../src/core/recipes/lines';
import { newHouseholdKey, type HouseholdKey } from '../../../src/sync/code';
import { HouseholdSync, type HouseholdConfig } from '../../../src/sync/household';
import { readTable } from '../../../src/sync/doc';
import { SHARED_TABLES, PRIMARY_KEY, isSharedRow, withoutDerived, type SharedTable } from '../../../src/sync/tables';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../../src/sync/server/server';
import { expect } from 'vitest';
import type { Meal, Recipe } from '../../../src/core/types';

let counter = 0;

export function randomKey(): HouseholdKey {
  return newHouseholdKey((bytes) => crypto.getRandomValues(bytes));
}

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'thirtyfold-sync-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A sync server on 127.0.0.1 with a free port, logging into `lines`. */
export async function startServer(dataDir: string, options: Partial<SyncServerOptions> = {}): Promise<SyncServer & { lines: string[] }> {
  const lines: string[] = [];
  const server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: (line) => lines.push(line), ...options });
  return Object.assign(server, { lines });
}

/** One device: its own app database and its own copy of the household doc, both in fake-indexeddb. */
export interface Device {
  name: string;
  db: ThirtyfoldDatabase;
  sync: HouseholdSync;
  config: HouseholdConfig;
  persistenceName: string;
}

export async function openDevice(
  key: HouseholdKey,
  url: string,
  options: { name?: string; db?: ThirtyfoldDatabase; persistenceName?: string; joined?: boolean } = {},
): Promise<Device> {
  counter += 1;
  const name = options.name ?? `device-${counter}`;
  const db = options.db ?? new ThirtyfoldDatabase(`thirtyfold-test-${name}-${counter}-${Math.random()}`);
  await db.open();
  const persistenceName = options.persistenceName ?? `household-${name}-${counter}-${Math.random()}`;
  const config: HouseholdConfig = { ...key, server: url, joinedAt: options.joined ? '2026-11-30T10:00:00Z' : null };
  const sync = await HouseholdSync.open({ db, config, persistenceName, WebSocket });
  return { name, db, sync, config, persistenceName };
}

/** Waits until `check` passes (it throws while not yet true), up to `timeout` ms. */
export async function eventually(check: () => Promise<void> | void, timeout = 10_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

function sortRows(rows: Record<string, unknown>[], key: string): Record<string, unknown>[] {
  return [...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
}

function clean(row: Record<string, unknown>): Record<string, unknown> {
  // No key list for stringify: it would apply to nested records too (an ingredient line's `text`).
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The shared tables of a device's database, in key order, as plain data, without the fields each device works out itself. */
export async function sharedTables(db: ThirtyfoldDatabase): Promise<Record<SharedTable, unknown[]>> {
  const result = {} as Record<SharedTable, unknown[]>;
  for (const table of SHARED_TABLES) {
    const rows = (await (db as unknown as Record<string, { toArray(): Promise<Record<string, unknown>[]> }>)[table].toArray()).filter((row) =>
      isSharedRow(table, row),
    );
    result[table] = sortRows(rows, PRIMARY_KEY[table]).map((row) => canonical(clean(withoutDerived(table, row))));
  }
  return result;
}

/** The shared tables as the device's doc holds them. */
export function docTables(device: Device): Record<SharedTable, unknown[]> {
  const result = {} as Record<SharedTable, unknown[]>;
  for (const table of SHARED_TABLES) {
    result[table] = sortRows([...readTable(device.sync.doc, table).values()], PRIMARY_KEY[table]).map((row) => canonical(row));
  }
  return result;
}

export function recipe(id: string, name: string, extra: Partial<Recipe> = {}): Recipe {
  return {
    id,
    name,
    servings: 4,
    ingredients: linesFromTexts(['2 cups cooked brown rice', '1/2 cup kimchi']),
    steps: ['Fry the rice.'],
    tags: [],
    source: null,
    prepMinutes: null,
    cookMinutes: 10,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    ...extra,
  };
}

export function meal(id: string, date: string, slot: string, recipeId: string | null, food: string | null = null): Meal {
  return { id, date, slot, recipe: recipeId, food, servings: 2, leftoverOf: null };
}

export async function closeAll(devices: Device[]): Promise<void> {
  for (const device of devices) {
    await device.sync.close();
    device.db.close();
  }
}

/** Waits until every device's shared tables equal the first device's, and each equals its own doc. */
export async function expectConverged(list: Device[], timeout = 10_000): Promise<void> {
  await eventually(async () => {
    const first = await sharedTables(list[0].db);
    for (const device of list) {
      await device.sync.idle();
      expect(await sharedTables(device.db)).toEqual(first);
      expect(docTables(device)).toEqual(first);
    }
  }, timeout);
}
