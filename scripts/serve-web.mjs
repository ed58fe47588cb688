/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 so Thirtyfold runs in
 * any Chromium browser. Usage: npm run build && npm run preview:web [-- --port N]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_TYPES, CSP, cacheControl } from './web-headers.mjs';

const root = resolve(process.env.RENDERER_OUT ?? resolve(import.meta.dirname, '../out/renderer'));
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 4173));

try {
  await stat(join(root, 'index.html'));
} catch {
  console.error('out/renderer/index.html is missing: run `npm run build` first.');
  process.exit(1);
}

/** The request's path, decoded; null for an address that cannot be read (`/%E0%A4%A`). */
function requestPath(url) {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return null;
  }
}

const server = createServer(async (request, response) => {
  const pathname = requestPath(request.url);
  if (pathname === null || pathname.includes('\0')) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
    return;
  }
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  if (!file.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'cache-control': cacheControl(pathname),
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Thirtyfold is at http://127.0.0.1:${server.address().port}/`);
});
