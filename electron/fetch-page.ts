import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The largest page read, counted on the bytes as they arrive (after decompression), whatever the headers say. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** Redirects followed, each one checked as the first address was. */
export const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 20_000;
/** Content types of a recipe page: HTML, or JSON-LD served as such. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'application/ld+json']);

/** Thrown for a page the app will not fetch or read; the message is one line for the user. */
export class FetchPageError extends Error {
  override name = 'FetchPageError';
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface FetchPageOptions {
  /** True for an address the app may connect to; defaults to isPublicAddress. Tests pass their own to reach 127.0.0.1. */
  checkAddress?: (address: string, family: 4 | 6) => boolean;
  /** Resolves a host name to every address it has; defaults to the system resolver. */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001::', 23], // protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address carried inside an IPv6 one (IPv4-mapped, NAT64, 6to4, IPv4-compatible), or null. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return null;
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(groups[6], groups[7]); // ::ffff:a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6], groups[7]); // 64:ff9b::/96
  if (groups[0] === 0x2002) return v4(groups[1], groups[2]); // 6to4
  if (zeros(0, 6) && (groups[6] !== 0 || groups[7] > 1)) return v4(groups[6], groups[7]); // ::a.b.c.d
  return null;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function expandIpv6(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right].map((group) => parseInt(group, 16));
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}

/**
 * True for an address on the public internet: not loopback, private,
 * link-local, carrier-grade NAT, multicast, broadcast, unspecified, reserved or
 * documentation space, in IPv4 or IPv6 (IPv4 carried in IPv6 is checked as IPv4).
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const inner = embeddedIpv4(address);
  if (inner !== null) return isPublicAddress(inner);
  return !blocked.check(address.split('%')[0], 'ipv6');
}

/** Names that only ever mean this computer or the local network. */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'home', 'home.arpa', 'corp'];

/**
 * Why a URL's host is not a public web site before any lookup, or null: local
 * names (`localhost.`, `*.local.`, `*.home.arpa`, …) and names of one label
 * (resolved on the local network). The trailing dot of a name is ignored.
 */
export function localHostProblem(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.+$/, '');
  if (isIP(host)) return null;
  if (host === '' || LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return `${host || hostname} is a name on this computer or its network`;
  if (!host.includes('.')) return `${host} is a name on the local network, not a web site`;
  return null;
}

/** Checks one URL of the chain: http(s), no credentials, a public-looking name. Returns the parsed URL. */
export function checkUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchPageError('the address is not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchPageError('the address must start with http:// or https://');
  if (url.username || url.password) throw new FetchPageError('the address must not carry a user name or password');
  const problem = localHostProblem(url.hostname);
  if (problem) throw new FetchPageError(`the app only fetches public web pages: ${problem}`);
  return url;
}

async function systemResolve(host: string): Promise<ResolvedAddress[]> {
  try {
    const found = await dnsLookup(host, { all: true, verbatim: true });
    return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  } catch {
    throw new FetchPageError(`the site ${host} could not be found`);
  }
}

/** Every address of the host, each checked; the connection then goes only to these (no second lookup). */
async function checkedAddresses(url: URL, options: Required<FetchPageOptions>): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const addresses = family ? [{ address: host, family: family as 4 | 6 }] : await options.resolve(host);
  if (addresses.length === 0) throw new FetchPageError(`the site ${host} could not be found`);
  const refused = addresses.find(({ address, family: f }) => !options.checkAddress(address, f));
  if (refused) throw new FetchPageError(`the app only fetches public web pages: ${host} leads to ${refused.address}, an address on this computer or a private network`);
  return addresses;
}

function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

function get(url: URL, addresses: ResolvedAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'GET',
      signal,
      lookup: pinnedLookup(addresses),
      headers: { accept: 'text/html,application/xhtml+xml,application/ld+json;q=0.9', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'Thirtyfold recipe import' },
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

/** The response body, decompressed, read only up to MAX_PAGE_BYTES: past that the stream is stopped. */
async function readBody(response: IncomingMessage): Promise<Buffer> {
  const length = Number(response.headers['content-length'] ?? 0);
  if (length > MAX_PAGE_BYTES) {
    response.destroy();
    throw new FetchPageError('the page is larger than 5 MB');
  }
  const encoding = String(response.headers['content-encoding'] ?? 'identity').toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  if (!decoder && encoding !== 'identity') {
    response.destroy();
    throw new FetchPageError(`the site sent the page in an encoding the app cannot read (${encoding.slice(0, 40)})`);
  }
  const body = decoder ? response.pipe(decoder) : response;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_PAGE_BYTES) throw new FetchPageError('the page is larger than 5 MB');
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchPageError) throw error;
    throw new FetchPageError('the page could not be read (the connection broke or its data is damaged)');
  } finally {
    response.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks);
}

function decodeText(body: Buffer, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/**
 * Fetches one recipe page the user asked for. Every address of every hop is
 * resolved and checked before connecting (and the connection goes only to
 * the checked addresses), redirects are followed by hand (at most 5), the body
 * is read up to 5 MB whatever `content-length` says, and only HTML or JSON-LD
 * is accepted. Throws FetchPageError with a one-line reason.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<{ url: string; html: string }> {
  const settings: Required<FetchPageOptions> = {
    checkAddress: options.checkAddress ?? ((addressToCheck) => isPublicAddress(addressToCheck)),
    resolve: options.resolve ?? systemResolve,
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    let url = checkUrl(address);
    for (let hop = 0; ; hop += 1) {
      const addresses = await checkedAddresses(url, settings);
      const response = await get(url, addresses, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && status !== 304 && location) {
        response.destroy();
        if (hop >= MAX_REDIRECTS) throw new FetchPageError(`the site redirected more than ${MAX_REDIRECTS} times`);
        url = checkUrl(new URL(location, url));
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new FetchPageError(`the site answered ${status} ${(response.statusMessage ?? '').slice(0, 60)}`.trim());
      }
      const contentType = String(response.headers['content-type'] ?? '');
      const mediaType = contentType.split(';')[0].trim().toLowerCase();
      if (!PAGE_TYPES.has(mediaType)) {
        response.destroy();
        throw new FetchPageError(`the address gives ${mediaType ? JSON.stringify(mediaType.slice(0, 60)) : 'data of no stated type'}, not a web page`);
      }
      return { url: url.toString(), html: decodeText(await readBody(response), contentType) };
    }
  } catch (error) {
    if (error instanceof FetchPageError) throw error;
    if (controller.signal.aborted) throw new FetchPageError('the site did not answer within 20 seconds');
    throw new FetchPageError(`the site could not be reached (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
}
