import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Sends a raw request path (no URL normalising on the client side) and returns the status. */
function get(port: number, path: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('preview server', () => {
  let server: ChildProcess;
  let port = 0;
  let root = '';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'thirtyfold-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Thirtyfold</title>');
    server = spawn(process.execPath, [resolve(import.meta.dirname, 'serve-web.mjs'), '--port', '0'], {
      env: { ...process.env, RENDERER_OUT: root },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    port = await new Promise<number>((done, fail) => {
      let output = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /127\.0\.0\.1:(\d+)/.exec(output);
        if (match) done(Number(match[1]));
      });
      server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
    });
  });

  afterAll(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 400 to a malformed address and stays up', async () => {
    expect(await get(port, '/%E0%A4%A')).toBe(400);
    expect(server.exitCode).toBeNull();
    expect(await get(port, '/')).toBe(200);
  });

  it('refuses paths outside its folder and answers 404 for missing files', async () => {
    expect(await get(port, '/..%2f..%2fetc%2fpasswd')).toBe(403);
    expect(await get(port, '/missing.js')).toBe(404);
  });
});
