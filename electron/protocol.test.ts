import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, mimeType, resolveAppPath } from './protocol';

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
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The network is open to WebSockets (household sync) only.
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self' ws: wss:;/);
  });

  it('names content types', () => {
    expect(mimeType('a/index.html')).toContain('text/html');
    expect(mimeType('a/x.js')).toContain('javascript');
    expect(mimeType('a/x.unknown')).toBe('application/octet-stream');
  });
});
