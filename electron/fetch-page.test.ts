import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchPageError, MAX_PAGE_BYTES, fetchPage, isPublicAddress, localHostProblem } from './fetch-page';

const PAGE = '<!doctype html><script type="application/ld+json">{"@type":"Recipe","name":"Soup"}</script>';

/** A real server on 127.0.0.1: each path answers as the test needs. */
let server: Server;
let base = '';
let hits: string[] = [];
const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/page': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  '/json-ld': (_q, r) => r.writeHead(200, { 'content-type': 'application/ld+json' }).end('{"@type":"Recipe","name":"Soup"}'),
  '/image': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end('PNG'),
  '/untyped': (_q, r) => {
    r.removeHeader('content-type');
    r.writeHead(200).end(PAGE);
  },
  '/missing': (_q, r) => r.writeHead(404, { 'content-type': 'text/html' }).end('gone'),
  '/redirect': (_q, r) => r.writeHead(302, { location: '/page' }).end(),
  '/to-private': (_q, r) => r.writeHead(301, { location: `http://router.example:${port()}/page` }).end(),
  '/to-file': (_q, r) => r.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/to-credentials': (_q, r) => r.writeHead(302, { location: `http://user:secret@recipes.example:${port()}/page` }).end(),
  '/loop': (request, r) => {
    const n = Number(new URL(request.url!, base).searchParams.get('n') ?? 0);
    r.writeHead(307, { location: `/loop?n=${n + 1}` }).end();
  },
  // No content-length: the body streams in chunks until the client stops reading.
  '/endless': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      while (!r.destroyed && r.write(chunk));
      if (!r.destroyed) r.once('drain', write);
    };
    r.on('close', () => undefined);
    write();
  },
  '/declared-large': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html', 'content-length': String(MAX_PAGE_BYTES + 1) });
    r.write('<html>');
  },
  '/gzip': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE)),
  // 5 KB on the wire, 50 MB unpacked.
  '/gzip-bomb': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(50 * 1024 * 1024))),
  '/latin1': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from([0x43, 0x72, 0xe8, 0x6d, 0x65])),
};

function port(): number {
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url!, 'http://x').pathname;
    hits.push(path);
    (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${port()}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = [];
});

/** Lets the tests reach the local server: 127.0.0.1 is allowed, everything else is checked as usual. */
const allowTestServer = { checkAddress: (address: string) => address === '127.0.0.1' || isPublicAddress(address) };
/** Names the tests use, resolved without the network. */
const names: Record<string, string[]> = {
  'recipes.example': ['127.0.0.1'],
  'router.example': ['192.168.1.1'],
  'mixed.example': ['93.184.215.14', '10.0.0.7'],
  'metadata.example': ['169.254.169.254'],
  'mapped.example': ['::ffff:127.0.0.1'],
};
const resolve = async (host: string) => (names[host] ?? []).map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchPageError);
    return (error as Error).message;
  }
  throw new Error('the fetch was not refused');
}

describe('which addresses the recipe fetch may reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['192.0.2.1', 'documentation'],
    ['::', 'IPv6 unspecified'],
    ['::1', 'IPv6 loopback'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with a zone'],
    ['fc00::1', 'IPv6 unique local'],
    ['fd12:3456::1', 'IPv6 unique local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
    ['64:ff9b::a00:1', 'NAT64 of a private address'],
    ['2002:c0a8:101::1', '6to4 of a private address'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['not an address', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '100.63.255.255', '100.128.0.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('allows the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each(['localhost', 'localhost.', 'LOCALHOST', 'app.localhost', 'printer.local', 'printer.local.', 'nas.home.arpa', 'db.internal', 'intranet', 'router'])('refuses the local name %s before any lookup', (host) => {
    expect(localHostProblem(host)).not.toBeNull();
  });

  it.each(['recipes.example.com', 'www.bbcgoodfood.com', 'example.com.', '8.8.8.8', '[2606:4700::1111]'])('lets %s through to the address check', (host) => {
    expect(localHostProblem(host)).toBeNull();
  });
});

describe('fetching a recipe page', () => {
  it('refuses the test server itself with the real address check, without sending it anything', async () => {
    expect(await refusal(fetchPage(`${base}/page`))).toBe('the app only fetches public web pages: 127.0.0.1 leads to 127.0.0.1, an address on this computer or a private network');
    expect(await refusal(fetchPage(`http://[::1]:${port()}/page`))).toMatch(/leads to ::1/);
    expect(await refusal(fetchPage(`http://[::ffff:127.0.0.1]:${port()}/page`))).toMatch(/leads to ::ffff:7f00:1/);
    expect(await refusal(fetchPage(`http://localhost.:${port()}/page`))).toBe('the app only fetches public web pages: localhost is a name on this computer or its network');
    expect(await refusal(fetchPage(`http://2130706433:${port()}/page`))).toMatch(/leads to 127\.0\.0\.1/);
    expect(hits).toEqual([]);
  });

  it('refuses a name that resolves to a local address, also when only one of its addresses is', async () => {
    expect(await refusal(fetchPage(`http://recipes.example:${port()}/page`, { resolve }))).toMatch(/recipes\.example leads to 127\.0\.0\.1/);
    expect(await refusal(fetchPage(`http://mixed.example:${port()}/page`, { resolve }))).toMatch(/mixed\.example leads to 10\.0\.0\.7/);
    expect(await refusal(fetchPage(`http://metadata.example/latest/meta-data`, { resolve }))).toMatch(/leads to 169\.254\.169\.254/);
    expect(await refusal(fetchPage(`http://mapped.example:${port()}/page`, { resolve }))).toMatch(/leads to ::ffff:127\.0\.0\.1/);
    expect(await refusal(fetchPage('http://nowhere.example/', { resolve }))).toBe('the site nowhere.example could not be found');
    expect(hits).toEqual([]);
  });

  it('reads an HTML page, or JSON-LD served as such, and connects only to the checked address', async () => {
    expect(await fetchPage(`${base}/page`, allowTestServer)).toEqual({ url: `${base}/page`, html: PAGE });
    expect((await fetchPage(`${base}/json-ld`, allowTestServer)).html).toContain('"Recipe"');
    // The name resolves (here) to the test server, which the injected check allows.
    expect((await fetchPage(`http://recipes.example:${port()}/page`, { ...allowTestServer, resolve })).html).toBe(PAGE);
  });

  it('refuses what is not a page by its content type', async () => {
    expect(await refusal(fetchPage(`${base}/image`, allowTestServer))).toBe('the address gives "image/png", not a web page');
    expect(await refusal(fetchPage(`${base}/untyped`, allowTestServer))).toBe('the address gives data of no stated type, not a web page');
    expect(await refusal(fetchPage(`${base}/missing`, allowTestServer))).toBe('the site answered 404 Not Found');
  });

  it('follows redirects by hand, checking each hop, at most 5', async () => {
    expect((await fetchPage(`${base}/redirect`, allowTestServer)).url).toBe(`${base}/page`);
    expect(hits).toEqual(['/redirect', '/page']);
    hits = [];
    expect(await refusal(fetchPage(`${base}/to-private`, { ...allowTestServer, resolve }))).toMatch(/router\.example leads to 192\.168\.1\.1/);
    expect(hits).toEqual(['/to-private']);
    expect(await refusal(fetchPage(`${base}/to-file`, allowTestServer))).toBe('the address must start with http:// or https://');
    expect(await refusal(fetchPage(`${base}/to-credentials`, allowTestServer))).toBe('the address must not carry a user name or password');
    hits = [];
    expect(await refusal(fetchPage(`${base}/loop`, allowTestServer))).toBe('the site redirected more than 5 times');
    expect(hits).toHaveLength(6);
  });

  it('stops reading at 5 MB, with or without a content-length', async () => {
    expect(await refusal(fetchPage(`${base}/endless`, allowTestServer))).toBe('the page is larger than 5 MB');
    expect(await refusal(fetchPage(`${base}/declared-large`, allowTestServer))).toBe('the page is larger than 5 MB');
  });

  it('unpacks a compressed page within the same limit, and reads its charset', async () => {
    expect((await fetchPage(`${base}/gzip`, allowTestServer)).html).toBe(PAGE);
    expect(await refusal(fetchPage(`${base}/gzip-bomb`, allowTestServer))).toBe('the page is larger than 5 MB');
    expect((await fetchPage(`${base}/latin1`, allowTestServer)).html).toBe('Crème');
  });

  it('refuses addresses that are not http(s) web addresses', async () => {
    expect(await refusal(fetchPage('ftp://recipes.example.com/soup'))).toBe('the address must start with http:// or https://');
    expect(await refusal(fetchPage('not a url'))).toBe('the address is not a web address');
    expect(await refusal(fetchPage('http://user:pw@recipes.example.com/'))).toBe('the address must not carry a user name or password');
  });
});
