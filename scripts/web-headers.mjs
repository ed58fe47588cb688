/**
 * The headers the built renderer is served with outside Electron (the preview
 * server and the benchmark): the same strict policy (WebSockets only for household
 * sync), and content types by extension.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Caching: files under assets/ carry a hash of their content in their name, so
 * they never change and may be kept for good (and Chromium keeps their compiled
 * code, as Electron does for app://); everything else is checked every time.
 */
export function cacheControl(pathname) {
  return /(^|\/)assets\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
