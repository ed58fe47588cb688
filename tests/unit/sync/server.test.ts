import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { householdCode, readHouseholdCode, readServerAddress, serverOrigin } from '../../../src/sync/code';
import type { SyncServer } from '../../../src/sync/server/server';
import { closeAll, eventually, meal, openDevice, randomKey, startServer, tempDir, type Device } from './harness';
import { authMessage, closed, tryAuth, updateMessage } from './protocol';

let dir: Awaited<ReturnType<typeof tempDir>>;
let server: SyncServer & { lines: string[] };
let devices: Device[] = [];

beforeEach(async () => {
  dir = await tempDir();
  server = await startServer(dir.path, { maxMessageBytes: 8 * 1024 * 1024 });
  devices = [];
});

afterEach(async () => {
  await closeAll(devices);
  await server.stop();
  await dir.remove();
});

/** A household made by a first device, with one meal in it. */
async function household() {
  const key = randomKey();
  const first = await openDevice(key, server.url, { joined: true });
  devices.push(first);
  await first.sync.whenSynced();
  await first.db.meals.put(meal('m1', '2026-11-23', 'dinner', null, '1 bowl of miso soup'));
  await eventually(() => expect(first.sync.status.waiting).toBe(0));
  return { key, first };
}

/** The server still serves: a new device of the household receives the meal. */
async function expectStillServing(key: ReturnType<typeof randomKey>): Promise<void> {
  const device = await openDevice(key, server.url, { joined: true });
  devices.push(device);
  await eventually(async () => expect(await device.db.meals.get('m1')).toBeDefined());
}

describe('household codes', () => {
  it('reads back the code it shows, typed in any case with spaces, and refuses anything else', () => {
    const key = randomKey();
    const code = householdCode(key);
    expect(code).toMatch(/^([a-z2-7]{4}-){10}[a-z2-7]{2}$/);
    expect(readHouseholdCode(code)).toEqual(key);
    expect(readHouseholdCode(` ${code.toUpperCase().replace(/-/g, ' ')} `)).toEqual(key);
    expect(readHouseholdCode(code.slice(1))).toBeNull();
    expect(readHouseholdCode(code.replace(/^./, '1'))).toBeNull();
  });

  it('takes ws:// and wss:// server addresses only', () => {
    expect(readServerAddress(' wss://sync.example.org/ ')).toEqual({ ok: true, url: 'wss://sync.example.org' });
    expect(readServerAddress('ws://127.0.0.1:4410')).toEqual({ ok: true, url: 'ws://127.0.0.1:4410' });
    expect(readServerAddress('https://sync.example.org')).toMatchObject({ ok: false, error: expect.stringMatching(/ws:\/\/ or wss:\/\//) });
    expect(readServerAddress('sync')).toMatchObject({ ok: false });
    expect(readServerAddress('wss://user:pw@sync.example.org')).toMatchObject({ ok: false });
    // The desktop's page policy names the server's host: nothing else may hide in it.
    for (const address of ['ws://a;b.example', "ws://a'b.example", 'ws://*.example.org', 'wss://[::1]:4410', 'ws://a,b.example']) {
      expect(readServerAddress(address)).toMatchObject({ ok: false });
    }
    expect(serverOrigin('wss://Sync.Example.org:443/households/')).toBe('wss://sync.example.org');
    expect(serverOrigin('ws://127.0.0.1:4410')).toBe('ws://127.0.0.1:4410');
    expect(serverOrigin('https://sync.example.org')).toBeNull();
  });
});

describe('the sync server', () => {
  it('refuses a wrong or missing secret and gives the refused device nothing', async () => {
    const { key } = await household();
    const wrong = { ...key, secret: randomKey().secret };
    const intruder = await openDevice(wrong, server.url, { joined: true });
    devices.push(intruder);
    await eventually(() => expect(intruder.sync.status.state).toBe('refused'));
    expect(intruder.sync.status.lastError).toMatch(/refused this household code/);
    expect(await intruder.db.meals.count()).toBe(0);
    expect((await tryAuth(server.url, key.id, '')).answer).toBe('denied');
    expect((await tryAuth(server.url, key.id, key.secret)).answer).toBe('authenticated');
    expect(server.lines.filter((line) => line.includes('refused'))).toHaveLength(2);
    expect(server.lines.some((line) => line.includes(key.secret))).toBe(false);
  });

  it('keeps secrets hashed on disk', async () => {
    const { key } = await household();
    await server.stop();
    const stored = JSON.parse(await (await import('node:fs/promises')).readFile(join(dir.path, 'households.json'), 'utf8'));
    expect(Object.keys(stored)).toEqual([key.id]);
    expect(JSON.stringify(stored)).not.toContain(key.secret);
    expect(stored[key.id].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await readdir(join(dir.path, 'households'))).toEqual([`${key.id}.ydoc`]);
    server = await startServer(dir.path);
  });

  it('survives a wrong secret a thousand times and then still serves the household', async () => {
    const { key } = await household();
    const answers: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const tries = await Promise.all(Array.from({ length: 100 }, () => tryAuth(server.url, key.id, randomKey().secret)));
      answers.push(...tries.map((result) => result.answer));
      for (const { socket } of tries) socket.terminate();
    }
    expect(answers.filter((answer) => answer === 'denied')).toHaveLength(1000);
    await expectStillServing(key);
  });

  it('closes the connection of a refused try, so every guess costs a new connection', async () => {
    const { key } = await household();
    const { answer, socket } = await tryAuth(server.url, key.id, randomKey().secret);
    expect(answer).toBe('denied');
    expect(await closed(socket)).toBe(4401);
  });

  it('survives malformed messages before and after authentication', async () => {
    const { key } = await household();
    const garbage = [new Uint8Array([]), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), new Uint8Array(1000).fill(7), new TextEncoder().encode('hello')];
    for (const bytes of garbage) {
      const socket = new WebSocket(server.url);
      await new Promise((resolve) => socket.on('open', resolve));
      socket.send(bytes);
      socket.send('not binary at all');
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.terminate();
    }
    const { answer, socket } = await tryAuth(server.url, key.id, key.secret);
    expect(answer).toBe('authenticated');
    socket.send(updateMessage(key.id, new Uint8Array([1, 2, 3, 250, 251])));
    socket.send(new Uint8Array([...authMessage(key.id, key.secret).slice(0, 5)]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.terminate();
    await expectStillServing(key);
  });

  it('survives a client that disconnects in the middle of an update', async () => {
    const { key } = await household();
    const { socket } = await tryAuth(server.url, key.id, key.secret);
    // A frame announcing 1 MB of payload, cut off after a few hundred bytes.
    const header = Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4]);
    const raw = (socket as unknown as { _socket: import('node:net').Socket })._socket;
    raw.write(Buffer.concat([header, Buffer.alloc(300, 9)]));
    raw.destroy();
    await expectStillServing(key);
  });

  it('refuses an update over the size limit and keeps the document as it was', async () => {
    const { key, first } = await household();
    const { socket } = await tryAuth(server.url, key.id, key.secret);
    const doc = new Y.Doc();
    doc.getMap('recipes').set('huge', 'x'.repeat(50 * 1024 * 1024));
    const code = closed(socket);
    socket.send(updateMessage(key.id, Y.encodeStateAsUpdate(doc)));
    expect(await code).toBe(1009);
    await expectStillServing(key);
    expect(first.sync.doc.getMap('recipes').has('huge')).toBe(false);
  });

  it('logs one line per connection', async () => {
    const { key } = await household();
    const before = server.lines.length;
    await expectStillServing(key);
    expect(server.lines.slice(before)).toEqual([expect.stringMatching(new RegExp(`connected ${key.id} from `))]);
  });
});
