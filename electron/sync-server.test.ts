import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextSyncOrigin, readSyncOrigin, writeSyncOrigin } from './sync-server';
import { IpcArgumentError, validateSyncServer } from './validate';

describe('the sync server the page may reach', () => {
  it('is the origin of the household’s server; a new one needs a reload, none does not', () => {
    expect(nextSyncOrigin(null, 'wss://sync.example.org/households')).toEqual({ origin: 'wss://sync.example.org', reload: true });
    expect(nextSyncOrigin('wss://sync.example.org', 'wss://sync.example.org')).toEqual({ origin: 'wss://sync.example.org', reload: false });
    expect(nextSyncOrigin('wss://sync.example.org', 'ws://127.0.0.1:4410')).toEqual({ origin: 'ws://127.0.0.1:4410', reload: true });
    expect(nextSyncOrigin('wss://sync.example.org', null)).toEqual({ origin: null, reload: false });
  });

  it('is kept in a file and read back only when it is still a server origin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thirtyfold-sync-origin-'));
    const path = join(dir, 'sync-server.json');
    expect(readSyncOrigin(path)).toBeNull();
    writeSyncOrigin(path, 'wss://sync.example.org:8443');
    expect(readSyncOrigin(path)).toBe('wss://sync.example.org:8443');
    writeSyncOrigin(path, null);
    expect(readSyncOrigin(path)).toBeNull();
    for (const origin of ["wss://a.example 'unsafe-inline'", 'https://example.org', 'ws://*', 'wss://sync.example.org/path', 42]) {
      writeFileSync(path, JSON.stringify({ origin }));
      expect(readSyncOrigin(path)).toBeNull();
    }
    writeFileSync(path, 'not json');
    expect(readSyncOrigin(path)).toBeNull();
    expect(readFileSync(path, 'utf8')).toBe('not json');
  });

  it('is named by the page only as a ws:// or wss:// address with a plain host name', () => {
    expect(validateSyncServer({ server: 'wss://sync.example.org' })).toEqual({ server: 'wss://sync.example.org' });
    expect(validateSyncServer({ server: null })).toEqual({ server: null });
    for (const server of [
      'https://sync.example.org',
      'ws://a;b.example',
      "ws://a'b.example",
      'ws://a b.example',
      'ws://*.example.org',
      'wss://[::1]:4410',
      'wss://user:pw@sync.example.org',
      'x'.repeat(3000),
      42,
    ]) {
      expect(() => validateSyncServer({ server })).toThrow(IpcArgumentError);
    }
    expect(() => validateSyncServer('wss://sync.example.org')).toThrow(IpcArgumentError);
  });
});
