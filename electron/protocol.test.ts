import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, mimeType, resolveAppPath } from './protocol';

const root = '/opt/thirtyfold/out/renderer';

describe('app:// protocol', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppPath('app://thirtyfold/', root)).toBe(`${root}/index.html`);
    expect(resolveAppPath('app://thirtyfold/index.html', root)).toBe(`${root}/index.html`);
    expect(resolveAppPath('app://thirtyfold/assets/index-abc.js?x=1#y', root)).toBe(`${root}/assets/index-abc.js`);
  });

  it.each([
    'app://thirtyfold/../../etc/passwd',
    'app://thirtyfold/%2e%2e/%2e%2e/etc/passwd',
    'app://thirtyfold/assets/..%2f..%2f..%2fetc/passwd',
    'app://thirtyfold/..%5c..%5cwindows',
    'app://thirtyfold/a%00b',
    'app://thirtyfold/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    const path = resolveAppPath(url, root);
    if (path !== null) expect(path.startsWith(`${root}/`)).toBe(true);
    else expect(path).toBeNull();
  });

  it('never escapes the root, whatever the path', () => {
    for (const url of ['app://thirtyfold/../x', 'app://thirtyfold/a/../../x', 'app://thirtyfold/%2e%2e%2fx']) {
      const path = resolveAppPath(url, root);
      expect(path === null || path.startsWith(`${root}/`)).toBe(true);
    }
  });

  it('has a strict Content-Security-Policy', () => {
    for (const policy of [contentSecurityPolicy(null), contentSecurityPolicy('wss://sync.example.org')]) {
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });

  it('lets the page connect to the household’s sync server only, and nowhere outside a household', () => {
    expect(contentSecurityPolicy(null)).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(contentSecurityPolicy('wss://sync.example.org')).toMatch(/(^|; )connect-src 'self' wss:\/\/sync\.example\.org(;|$)/);
    expect(contentSecurityPolicy('ws://127.0.0.1:4410')).toMatch(/(^|; )connect-src 'self' ws:\/\/127\.0\.0\.1:4410(;|$)/);
    expect(contentSecurityPolicy(null)).not.toMatch(/wss?:/);
  });

  it('names content types', () => {
    expect(mimeType('a/index.html')).toContain('text/html');
    expect(mimeType('a/x.js')).toContain('javascript');
    expect(mimeType('a/x.unknown')).toBe('application/octet-stream');
  });
});
