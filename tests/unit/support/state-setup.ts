import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// The app fetches its shipped files from the server it is served by; here they are read from the checkout.
globalThis.fetch = (async (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
  const file = path.join(root, decodeURIComponent(url.split('?')[0]));
  if (!file.startsWith(root + path.sep)) return new Response(null, { status: 404 });
  try {
    return new Response(await readFile(file));
  } catch {
    return new Response(null, { status: 404 });
  }
}) as typeof fetch;
