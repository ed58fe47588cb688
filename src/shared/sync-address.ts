/**
 * What a household sync server address is, for the page (Settings) and the
 * desktop's main process (the page's Content-Security-Policy names the
 * server) alike.
 */

/** Checks a server address the user typed: ws:// or wss:// with a host name; returns the address or what is wrong. */
export function readServerAddress(text: string): { ok: true; url: string } | { ok: false; error: string } {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: 'The server address is not a web address, e.g. wss://sync.example.org' };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { ok: false, error: 'The server address must start with ws:// or wss://' };
  if (url.username || url.password) return { ok: false, error: 'The server address must not hold a user name or password' };
  if (url.search || url.hash) return { ok: false, error: 'The server address must not have a query or # part' };
  // The desktop app's page may connect to this server only (its Content-Security-Policy names it): a plain host name or IPv4 address.
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(url.hostname)) {
    return { ok: false, error: 'The server address must name its host with letters, digits, dots and dashes (a host name, not an IPv6 address)' };
  }
  return { ok: true, url: `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}` };
}

/** The origin (scheme, host and port) of a server address, as a Content-Security-Policy names it; null when it is not a server address. */
export function serverOrigin(text: string): string | null {
  const address = readServerAddress(text);
  if (!address.ok) return null;
  const url = new URL(address.url);
  return `${url.protocol}//${url.host}`;
}
