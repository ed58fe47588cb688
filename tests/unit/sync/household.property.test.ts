import fc from 'fast-check';
import { afterAll, beforeAll, it } from 'vitest';
import type { SyncServer } from '../../../src/sync/server/server';
import { closeAll, expectConverged, meal, openDevice, randomKey, recipe, startServer, tempDir, type Device } from './harness';

let dir: Awaited<ReturnType<typeof tempDir>>;
let server: SyncServer;

beforeAll(async () => {
  dir = await tempDir();
  server = await startServer(dir.path);
});

afterAll(async () => {
  await server.stop();
  await dir.remove();
});

const WEEK = '2026-11-23..2026-11-29';
const DEVICES = 3;

type Operation =
  | { kind: 'recipe'; device: number; slot: number; name: string }
  | { kind: 'rename'; device: number; pick: number; name: string }
  | { kind: 'servings'; device: number; pick: number; servings: number }
  | { kind: 'deleteRecipe'; device: number; pick: number }
  | { kind: 'meal'; device: number; slot: number; day: number; pick: number }
  | { kind: 'deleteMeal'; device: number; pick: number }
  | { kind: 'tick'; device: number; item: string }
  | { kind: 'manual'; device: number; item: string }
  | { kind: 'people'; device: number; people: number }
  | { kind: 'offline'; device: number }
  | { kind: 'online'; device: number };

const device = fc.integer({ min: 0, max: DEVICES - 1 });
const pick = fc.nat(20);
const word = fc.constantFrom('dal', 'miso', 'kimchi', 'oats', 'tempeh', 'kefir', 'rye', 'leek');
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('recipe' as const), device, slot: fc.nat(4), name: word }),
  fc.record({ kind: fc.constant('rename' as const), device, pick, name: word }),
  fc.record({ kind: fc.constant('servings' as const), device, pick, servings: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('deleteRecipe' as const), device, pick }),
  fc.record({ kind: fc.constant('meal' as const), device, slot: fc.nat(4), day: fc.nat(6), pick }),
  fc.record({ kind: fc.constant('deleteMeal' as const), device, pick }),
  fc.record({ kind: fc.constant('tick' as const), device, item: word }),
  fc.record({ kind: fc.constant('manual' as const), device, item: word }),
  fc.record({ kind: fc.constant('people' as const), device, people: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('offline' as const), device }),
  fc.record({ kind: fc.constant('online' as const), device }),
);

async function run(devices: Device[], op: Operation): Promise<void> {
  const { db, sync } = devices[op.device];
  const recipes = await db.recipes.toArray();
  const chosen = recipes.length > 0 && 'pick' in op ? recipes[op.pick % recipes.length] : undefined;
  switch (op.kind) {
    case 'recipe':
      // Every device makes its own ids, as the app does with random ids.
      await db.recipes.put(recipe(`r-${op.device}-${op.slot}`, op.name));
      return;
    case 'rename':
      if (chosen) await db.recipes.update(chosen.id, { name: op.name });
      return;
    case 'servings':
      if (chosen) await db.recipes.update(chosen.id, { servings: op.servings });
      return;
    case 'deleteRecipe':
      if (!chosen) return;
      await db.transaction('rw', db.recipes, db.meals, async () => {
        await db.recipes.delete(chosen.id);
        await db.meals.where('recipe').equals(chosen.id).delete();
      });
      return;
    case 'meal':
      if (chosen) await db.meals.put(meal(`m-${op.device}-${op.slot}`, `2026-11-${23 + op.day}`, 'dinner', chosen.id));
      return;
    case 'deleteMeal': {
      const meals = await db.meals.toArray();
      if (meals.length > 0) await db.meals.delete(meals[op.pick % meals.length].id);
      return;
    }
    case 'tick':
    case 'manual':
      await db.transaction('rw', db.shopping, async () => {
        const row = (await db.shopping.get(WEEK)) ?? { id: WEEK, checked: [], manual: [] };
        const field = op.kind === 'tick' ? 'checked' : 'manual';
        const list = row[field].includes(op.item) ? row[field].filter((item) => item !== op.item) : [...row[field], op.item];
        await db.shopping.put({ ...row, [field]: list });
      });
      return;
    case 'people':
      await db.settings.put({ key: 'people', value: op.people });
      return;
    case 'offline':
      sync.goOffline();
      return;
    case 'online':
      sync.goOnline();
      return;
  }
}

it('ends with every device identical to the others and to its own doc after random edits, offline spells and reconnects', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 40 }), async (operations) => {
      const key = randomKey();
      const devices: Device[] = [];
      for (let i = 0; i < DEVICES; i += 1) devices.push(await openDevice(key, server.url, { joined: true }));
      try {
        await Promise.all(devices.map((d) => d.sync.whenSynced()));
        for (const op of operations) await run(devices, op);
        for (const d of devices) d.sync.goOnline();
        await expectConverged(devices, 15_000);
      } finally {
        await closeAll(devices);
      }
    }),
    { numRuns: 12 },
  );
}, 240_000);
