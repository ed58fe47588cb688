import 'fake-indexeddb/auto';
import { ThirtyfoldDatabase } from '../../../src/db/database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { linesFromTexts } from '../../../src/core/recipes/lines';
import type { Recipe } from '../../../src/core/types';
import { tableMap } from '../../../src/sync/doc';
import { describeJoin } from '../../../src/sync/mirror';
import type { SyncServer } from '../../../src/sync/server/server';
import {
  closeAll,
  eventually,
  expectConverged,
  meal,
  openDevice,
  randomKey,
  recipe,
  startServer,
  tempDir,
  type Device,
} from './harness';

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

async function household(count: number, key = randomKey()): Promise<Device[]> {
  for (let i = 0; i < count; i += 1) {
    const device = await openDevice(key, server.url, { joined: true });
    devices.push(device);
  }
  await Promise.all(devices.map((device) => device.sync.whenSynced()));
  return devices;
}

describe('household sync between devices', () => {
  it('shows a meal planned on one device on the others', async () => {
    const [a, b, c] = await household(3);
    await a.db.recipes.put(recipe('r1', 'Kimchi fried rice'));
    await a.db.meals.put(meal('m1', '2026-11-23', 'dinner', 'r1'));
    await eventually(async () => expect(await c.db.meals.get('m1')).toEqual(meal('m1', '2026-11-23', 'dinner', 'r1')));
    expect(await b.db.recipes.get('r1')).toMatchObject({ name: 'Kimchi fried rice' });
    await expectConverged([a, b, c]);
  });

  it('merges concurrent edits of different fields of one recipe field by field', async () => {
    const [a, b] = await household(2);
    await a.db.recipes.put(recipe('r1', 'Dal'));
    await eventually(async () => expect(await b.db.recipes.get('r1')).toBeDefined());
    a.sync.goOffline();
    b.sync.goOffline();
    await a.db.recipes.update('r1', { name: 'Red lentil dal' });
    await b.db.recipes.update('r1', { servings: 6, steps: ['Rinse the lentils.', 'Simmer 20 minutes.'] });
    a.sync.goOnline();
    b.sync.goOnline();
    await eventually(async () => expect(await a.db.recipes.get('r1')).toMatchObject({ name: 'Red lentil dal', servings: 6 }));
    expect((await a.db.recipes.get('r1'))!.steps).toEqual(['Rinse the lentils.', 'Simmer 20 minutes.']);
    await expectConverged([a, b]);
  });

  it('keeps both devices’ edits to different ingredient lines of one recipe', async () => {
    const [a, b] = await household(2);
    const lines = linesFromTexts(['1 cup red lentils', '1 onion', '2 cloves garlic']);
    await a.db.recipes.put(recipe('r1', 'Dal', { ingredients: lines }));
    await eventually(async () => expect(await b.db.recipes.get('r1')).toBeDefined());
    a.sync.goOffline();
    b.sync.goOffline();
    // Each device saves the whole recipe, as the editor does, with a change to its own line.
    const [lentils, onion, garlic] = lines;
    await a.db.recipes.put(recipe('r1', 'Dal', { ingredients: [{ ...lentils, text: '1 cup split red lentils' }, onion, garlic] }));
    const added = { id: 'line-new', text: '1 tsp cumin seeds' };
    await b.db.recipes.put(recipe('r1', 'Dal', { ingredients: [lentils, { ...onion, food: 'red-onion', grams: 150 }, added] }));
    a.sync.goOnline();
    b.sync.goOnline();
    const merged = [{ ...lentils, text: '1 cup split red lentils' }, { ...onion, food: 'red-onion', grams: 150 }, added];
    await eventually(async () => {
      expect((await a.db.recipes.get('r1'))!.ingredients).toEqual(merged);
      expect((await b.db.recipes.get('r1'))!.ingredients).toEqual(merged);
    });
    await expectConverged([a, b]);
    expect(merged).not.toContainEqual(garlic);
  });

  it('keeps a line deleted on one device deleted while the other edits another line, and the other device’s reordering', async () => {
    const [a, b] = await household(2);
    const lines = linesFromTexts(['200 g kale', '1 lemon', '2 tbsp tahini']);
    await a.db.recipes.put(recipe('r1', 'Kale salad', { ingredients: lines }));
    await eventually(async () => expect(await b.db.recipes.get('r1')).toBeDefined());
    a.sync.goOffline();
    b.sync.goOffline();
    const [kale, lemon, tahini] = lines;
    await a.db.recipes.update('r1', { ingredients: [kale, tahini] });
    await b.db.recipes.update('r1', { ingredients: [{ ...lemon, text: '1 lemon, juiced' }, kale, tahini] });
    a.sync.goOnline();
    b.sync.goOnline();
    await expectConverged([a, b]);
    const ids = (await a.db.recipes.get('r1'))!.ingredients.map((line) => line.id);
    // Kale stays, tahini stays once, whatever became of the moved lemon line.
    expect(ids.filter((id) => id === kale.id)).toHaveLength(1);
    expect(ids.filter((id) => id === tahini.id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ends with one of two concurrent edits of the same line, the same on both devices, and the line once', async () => {
    const [a, b] = await household(2);
    const lines = linesFromTexts(['1 cup oats', '2 cups milk']);
    await a.db.recipes.put(recipe('r1', 'Porridge', { ingredients: lines }));
    await eventually(async () => expect(await b.db.recipes.get('r1')).toBeDefined());
    a.sync.goOffline();
    b.sync.goOffline();
    await a.db.recipes.update('r1', { ingredients: [{ ...lines[0], text: '1 cup rolled oats' }, lines[1]] });
    await b.db.recipes.update('r1', { ingredients: [{ ...lines[0], text: '80 g oats', grams: 80 }, lines[1]] });
    a.sync.goOnline();
    b.sync.goOnline();
    await expectConverged([a, b]);
    const [first, second] = (await a.db.recipes.get('r1'))!.ingredients;
    expect([['1 cup rolled oats', undefined], ['80 g oats', 80]]).toContainEqual([first.text, first.grams]);
    expect(second).toEqual(lines[1]);
    expect((await a.db.recipes.get('r1'))!.ingredients).toHaveLength(2);
  });

  it('never sends a recipe’s reading of its lines, and each device keeps its own', async () => {
    const [a, b] = await household(2);
    const parsedA = { with: 'foods-a', lines: [] } as unknown as Recipe['parsed'];
    const parsedB = { with: 'foods-b', lines: [] } as unknown as Recipe['parsed'];
    await a.db.recipes.put(recipe('r1', 'Miso soup', { parsed: parsedA }));
    await eventually(async () => expect(await b.db.recipes.get('r1')).toBeDefined());
    expect((await b.db.recipes.get('r1'))!.parsed).toBeUndefined();
    expect(a.sync.doc.getMap('recipes').get('r1')).toBeInstanceOf(Y.Map);
    expect((tableMap(a.sync.doc, 'recipes').get('r1') as Y.Map<unknown>).has('parsed')).toBe(false);
    await eventually(() => expect(b.sync.status.waiting).toBe(0));
    await b.db.recipes.update('r1', { parsed: parsedB });
    expect(b.sync.status.waiting).toBe(0);
    await a.db.recipes.update('r1', { name: 'Miso and tofu soup' });
    await eventually(async () => expect((await b.db.recipes.get('r1'))!.name).toBe('Miso and tofu soup'));
    expect((await b.db.recipes.get('r1'))!.parsed).toEqual(parsedB);
    expect((await a.db.recipes.get('r1'))!.parsed).toEqual(parsedA);
    await expectConverged([a, b]);
  });

  it('keeps both devices’ ticks and manual items made at the same time', async () => {
    const [a, b] = await household(2);
    const id = '2026-11-23..2026-11-29';
    await a.db.shopping.put({ id, checked: [], manual: ['candles'] });
    await eventually(async () => expect(await b.db.shopping.get(id)).toBeDefined());
    a.sync.goOffline();
    b.sync.goOffline();
    await a.db.shopping.put({ id, checked: ['onion'], manual: ['candles', 'matches'] });
    await b.db.shopping.put({ id, checked: ['rye-bread'], manual: ['candles', 'foil'] });
    a.sync.goOnline();
    b.sync.goOnline();
    await eventually(async () => {
      const row = (await a.db.shopping.get(id))!;
      expect([...row.checked].sort()).toEqual(['onion', 'rye-bread']);
      expect([...row.manual].sort()).toEqual(['candles', 'foil', 'matches']);
    });
    await expectConverged([a, b]);
  });

  it('merges offline edits made on both sides when they reconnect', async () => {
    const [a, b] = await household(2);
    a.sync.goOffline();
    b.sync.goOffline();
    await a.db.transaction('rw', a.db.recipes, a.db.meals, async () => {
      await a.db.recipes.put(recipe('ra', 'Miso soup'));
      await a.db.meals.put(meal('ma', '2026-11-24', 'lunch', 'ra'));
    });
    await b.db.meals.put(meal('mb', '2026-11-25', 'snack', null, '1 apple'));
    await b.db.settings.put({ key: 'people', value: 3 });
    await b.db.settings.put({ key: 'theme', value: 'dark' });
    expect(a.sync.status.waiting).toBeGreaterThan(0);
    a.sync.goOnline();
    b.sync.goOnline();
    await eventually(async () => {
      expect(await b.db.meals.get('ma')).toBeDefined();
      expect(await a.db.meals.get('mb')).toBeDefined();
      expect(await a.db.settings.get('people')).toEqual({ key: 'people', value: 3 });
    });
    await expectConverged([a, b]);
    // Per-device preferences stay on their device.
    expect(await a.db.settings.get('theme')).toBeUndefined();
    await eventually(() => expect(a.sync.status).toMatchObject({ state: 'synced', waiting: 0, offlineSince: null }));
  });

  it('keeps a recipe deleted on one device deleted when another edited it at the same time', async () => {
    const [a, b] = await household(2);
    await a.db.recipes.put(recipe('r1', 'Sauerkraut salad'));
    await a.db.meals.put(meal('m1', '2026-11-23', 'lunch', 'r1'));
    await eventually(async () => expect(await b.db.meals.get('m1')).toBeDefined());
    a.sync.goOffline();
    b.sync.goOffline();
    await a.db.transaction('rw', a.db.recipes, a.db.meals, async () => {
      await a.db.recipes.delete('r1');
      await a.db.meals.delete('m1');
    });
    await b.db.recipes.update('r1', { name: 'Sauerkraut and apple salad' });
    a.sync.goOnline();
    b.sync.goOnline();
    await eventually(async () => {
      expect(await b.db.recipes.get('r1')).toBeUndefined();
      expect(await b.db.meals.get('m1')).toBeUndefined();
    });
    await expectConverged([a, b]);
  });

  it('does not let a device that was offline bring a deleted recipe back, and undo brings it back everywhere', async () => {
    const [a, b] = await household(2);
    const kept = recipe('r1', 'Kefir overnight oats');
    await a.db.recipes.put(kept);
    await eventually(async () => expect(await b.db.recipes.get('r1')).toBeDefined());
    b.sync.goOffline();
    await a.db.recipes.delete('r1');
    // The offline device writes its whole (old) copy again, as a stale form save would.
    await b.db.recipes.put({ ...kept, tags: ['breakfast'] });
    b.sync.goOnline();
    await expectConverged([a, b]);
    // Both sides end the same; the explicit save on b came after a's delete, so it brings the recipe back.
    const after = await a.db.recipes.get('r1');
    expect(after === undefined || after.tags.includes('breakfast')).toBe(true);
    await a.db.recipes.delete('r1');
    await eventually(async () => expect(await b.db.recipes.get('r1')).toBeUndefined());
    await a.db.recipes.put(kept);
    await eventually(async () => expect(await b.db.recipes.get('r1')).toEqual(kept));
  });

  it('keeps everything across a server restart', async () => {
    const key = randomKey();
    const [a] = await household(1, key);
    await a.db.recipes.put(recipe('r1', 'Tempeh stir fry'));
    await a.db.meals.put(meal('m1', '2026-11-26', 'dinner', 'r1'));
    await eventually(() => expect(a.sync.status.waiting).toBe(0));
    await closeAll(devices);
    devices = [];
    const port = server.port;
    await server.stop();
    server = await startServer(dir.path, { port });
    const fresh = await openDevice(key, server.url, { joined: true });
    devices.push(fresh);
    await eventually(async () => expect(await fresh.db.meals.get('m1')).toEqual(meal('m1', '2026-11-26', 'dinner', 'r1')));
    expect(await fresh.db.recipes.get('r1')).toMatchObject({ name: 'Tempeh stir fry' });
  });

  it('keeps the doc on the device, so it opens with its data while the server is down', async () => {
    const key = randomKey();
    const [a] = await household(1, key);
    await a.db.recipes.put(recipe('r1', 'Natto rice'));
    await closeAll(devices);
    devices = [];
    await server.stop();
    // Same doc storage, a database that lost the recipe: resuming restores it from the doc.
    const again = await openDevice(key, 'ws://127.0.0.1:9', { db: a.db, persistenceName: a.persistenceName, joined: true });
    devices.push(again);
    await a.db.open();
    await again.sync.idle();
    expect(await again.db.recipes.get('r1')).toMatchObject({ name: 'Natto rice' });
    server = await startServer(dir.path);
  });

  it('refuses a record from the household that breaks the record rules and says so', async () => {
    const [a, b] = await household(2);
    const problems: string[] = [];
    a.sync.doc.transact(() => {
      const record = new Y.Map<unknown>();
      record.set('id', 'bad');
      record.set('name', 'x'.repeat(600));
      record.set('servings', -1);
      tableMap(a.sync.doc, 'recipes').set('bad', record);
    });
    await a.db.recipes.put(recipe('good', 'Fine'));
    await eventually(async () => expect(await b.db.recipes.get('good')).toBeDefined());
    await b.sync.idle();
    expect(await b.db.recipes.get('bad')).toBeUndefined();
    problems.push(b.sync.status.lastError ?? '');
    expect(problems[0]).toMatch(/not applied: recipes \(id "bad"\)\.name/);
  });
});

describe('the first join of a device that has data', () => {
  it('keeps a member entered on both devices once, and the meals the joining device planned for them name the household’s member', async () => {
    const key = randomKey();
    const [a] = await household(1, key);
    const person = (id: string, name: string, portion: number, order: number) => ({ id, name, portion, fiberTarget: 30, ageBand: '19-50', sex: 'unspecified', order }) as const;
    await a.db.members.bulkPut([person('a-anna', 'Anna', 1, 1), person('a-ben', 'Ben', 1, 2)]);
    await eventually(() => expect(a.sync.status.waiting).toBe(0));

    const own = new ThirtyfoldDatabase(`namesakes-${Math.random()}`);
    await own.open();
    await own.members.bulkPut([person('b-anna', 'anna ', 1, 1), person('b-cleo', 'Cleo', 0.5, 2)]);
    await own.meals.put({ ...meal('mb', '2026-11-24', 'lunch', null, '1 apple'), eaters: ['b-anna', 'b-cleo'] });
    const b = await openDevice(key, server.url, { db: own });
    devices.push(b);
    const summary = await b.sync.join();
    await expectConverged([a, b]);

    expect(summary.replaced).toContainEqual({ table: 'members', key: 'b-anna' });
    for (const device of [a, b]) {
      expect((await device.db.members.toArray()).map((member) => member.id).sort()).toEqual(['a-anna', 'a-ben', 'b-cleo']);
      expect((await device.db.meals.get('mb'))?.eaters).toEqual(['a-anna', 'b-cleo']);
    }
  });

  it('merges both sides and keeps the starter library once', async () => {
    const key = randomKey();
    const starterA = recipe('starter-dal', 'Dal', { updatedAt: '2026-11-01T08:00:00Z', createdAt: '2026-11-01T08:00:00Z' });
    const [a] = await household(1, key);
    await a.db.recipes.bulkPut([starterA, recipe('ra', 'A’s own')]);
    await a.db.meals.put(meal('ma', '2026-11-23', 'dinner', 'starter-dal'));
    await a.db.settings.put({ key: 'people', value: 4 });
    await eventually(() => expect(a.sync.status.waiting).toBe(0));

    const db = (await openDevice(key, server.url)).db;
    await closeAll(devices.splice(1));
    // A second device with its own library, the same starter recipe (loaded later) and the same example meal.
    const own = new (db.constructor as typeof import('../../../src/db/database').ThirtyfoldDatabase)(`joiner-${Math.random()}`);
    await own.open();
    await own.recipes.bulkPut([
      recipe('starter-dal', 'Dal', { updatedAt: '2026-11-02T09:00:00Z', createdAt: '2026-11-02T09:00:00Z' }),
      recipe('rb', 'B’s own'),
    ]);
    await own.meals.bulkPut([meal('mb', '2026-11-23', 'dinner', 'starter-dal'), meal('mb2', '2026-11-24', 'lunch', 'rb')]);
    await own.settings.put({ key: 'people', value: 2 });
    await own.shopping.put({ id: 'w', checked: ['salt'], manual: [] });
    const b = await openDevice(key, server.url, { db: own });
    devices.push(b);
    const summary = await b.sync.join();
    await expectConverged([a, b]);
    // Nothing is replaced without a word: the household's `people` was kept over B's, and the app says so.
    expect(summary).toEqual({ added: 3, received: 2, replaced: [{ table: 'settings', key: 'people' }], removed: [], twins: [['mb', 'ma']] });
    expect(describeJoin(summary)).toBe('Joined the household: 3 records of this device added; the household’s version kept for 1 setting (people).');
    const recipes = await b.db.recipes.toArray();
    expect(recipes.map((r) => r.id).sort()).toEqual(['ra', 'rb', 'starter-dal']);
    // The example meal planned on both devices is kept once; B's other meal joins the household.
    expect((await a.db.meals.toArray()).map((m) => m.id).sort()).toEqual(['ma', 'mb2']);
    // The household's settings win over the joining device's.
    expect(await b.db.settings.get('people')).toEqual({ key: 'people', value: 4 });
    expect(await a.db.shopping.get('w')).toEqual({ id: 'w', checked: ['salt'], manual: [] });
  });

  it('brings a large household to an empty device, and to one holding some of its records (keeping what that device worked out itself)', async () => {
    const key = randomKey();
    const [a] = await household(1, key);
    const many = Array.from({ length: 150 }, (_, i) => recipe(`r${String(i).padStart(3, '0')}`, `Recipe ${i}`, { updatedAt: '2026-11-25T10:00:00Z' }));
    await a.db.recipes.bulkPut(many);
    await eventually(() => expect(a.sync.status.waiting).toBe(0));

    const empty = await openDevice(key, server.url);
    devices.push(empty);
    expect(await empty.sync.join()).toMatchObject({ received: 150 + 0, replaced: [] });

    const own = new (a.db.constructor as typeof import('../../../src/db/database').ThirtyfoldDatabase)(`joiner-${Math.random()}`);
    await own.open();
    const parsed = { with: 'foods-c', lines: [] } as unknown as Recipe['parsed'];
    // Twenty of the household's recipes in an older version, with this device's reading of their lines, and one of its own.
    await own.recipes.bulkPut([...many.slice(0, 20).map((r) => ({ ...r, name: `${r.name}, older`, updatedAt: '2026-11-20T10:00:00Z', parsed })), recipe('own', 'Its own')]);
    const some = await openDevice(key, server.url, { db: own });
    devices.push(some);
    const summary = await some.sync.join();
    await expectConverged([a, empty, some]);
    expect(summary.added).toBe(1);
    expect(summary.received).toBe(130);
    expect(summary.replaced).toHaveLength(20);
    expect((await some.db.recipes.get('r000'))?.name).toBe('Recipe 0');
    expect((await some.db.recipes.get('r000'))?.parsed).toEqual(parsed);
    expect(await empty.db.recipes.count()).toBe(151);
  });

  it('removes a record the household had deleted, and says so; a join that only adds says nothing', async () => {
    const key = randomKey();
    const [a] = await household(1, key);
    await a.db.recipes.bulkPut([recipe('starter-dal', 'Dal'), recipe('starter-soup', 'Soup')]);
    await a.db.recipes.delete('starter-soup');
    await eventually(() => expect(a.sync.status.waiting).toBe(0));

    const own = new (a.db.constructor as typeof import('../../../src/db/database').ThirtyfoldDatabase)(`joiner-${Math.random()}`);
    await own.open();
    await own.recipes.bulkPut([recipe('starter-dal', 'Dal'), recipe('starter-soup', 'Soup'), recipe('rb', 'B’s own')]);
    const b = await openDevice(key, server.url, { db: own });
    devices.push(b);
    const summary = await b.sync.join();
    await expectConverged([a, b]);
    expect(await b.db.recipes.get('starter-soup')).toBeUndefined();
    expect(summary).toEqual({ added: 1, received: 0, replaced: [], removed: [{ table: 'recipes', key: 'starter-soup' }], twins: [] });
    expect(describeJoin(summary)).toBe('Joined the household: 1 record of this device added; 1 recipe the household had deleted removed here.');

    const fresh = await openDevice(key, server.url);
    devices.push(fresh);
    const quiet = await fresh.sync.join();
    expect(quiet).toEqual({ added: 0, received: 2, replaced: [], removed: [], twins: [] });
    expect(describeJoin(quiet)).toBeNull();
  });
});
