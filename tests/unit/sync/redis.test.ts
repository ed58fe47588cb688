import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServer } from '../../../src/sync/server/server';
import { closeAll, eventually, expectConverged, meal, openDevice, randomKey, recipe, startServer, tempDir, type Device } from './harness';

const installed = spawnSync('redis-server', ['--version']).status === 0;
if (!installed) console.warn('Skipping the two-instance sync test: redis-server is not installed (apt-get install redis-server; .ci/run does).');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe.skipIf(!installed)('two sync server instances behind one Redis', () => {
  let redis: ChildProcess;
  let redisPort: number;
  let dirs: Awaited<ReturnType<typeof tempDir>>[] = [];
  let servers: SyncServer[] = [];
  const devices: Device[] = [];

  beforeAll(async () => {
    const redisDir = await tempDir();
    dirs.push(redisDir);
    redisPort = await freePort();
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir.path, '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      redis.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
      redis.on('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
    for (let i = 0; i < 2; i += 1) {
      const dir = await tempDir();
      dirs.push(dir);
      servers.push(await startServer(dir.path, { redis: { host: '127.0.0.1', port: redisPort } }));
    }
  });

  afterAll(async () => {
    await closeAll(devices);
    for (const server of servers) await server.stop();
    redis?.kill('SIGTERM');
    await new Promise((resolve) => redis?.once('exit', resolve));
    for (const dir of dirs) await dir.remove();
    servers = [];
    dirs = [];
  });

  it('converges a device on the first instance with one on the second', async () => {
    const key = randomKey();
    const a = await openDevice(key, servers[0].url, { joined: true });
    const b = await openDevice(key, servers[1].url, { joined: true });
    devices.push(a, b);
    await Promise.all([a.sync.whenSynced(), b.sync.whenSynced()]);
    await a.db.recipes.put(recipe('r1', 'Kimchi pancakes'));
    await a.db.meals.put(meal('m1', '2026-11-23', 'dinner', 'r1'));
    await b.db.shopping.put({ id: '2026-11-23..2026-11-29', checked: ['scallion'], manual: [] });
    await eventually(async () => {
      expect(await b.db.meals.get('m1')).toBeDefined();
      expect(await a.db.shopping.get('2026-11-23..2026-11-29')).toBeDefined();
    });
    await b.db.recipes.update('r1', { servings: 2 });
    await eventually(async () => expect((await a.db.recipes.get('r1'))!.servings).toBe(2));
    await expectConverged([a, b]);
  });

  it('checks the secret on both instances against the one stored in Redis', async () => {
    const key = randomKey();
    const a = await openDevice(key, servers[0].url, { joined: true });
    devices.push(a);
    await a.sync.whenSynced();
    const intruder = await openDevice({ ...key, secret: randomKey().secret }, servers[1].url, { joined: true });
    devices.push(intruder);
    await eventually(() => expect(intruder.sync.status.state).toBe('refused'));
  });
});
