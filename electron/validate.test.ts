import { describe, expect, it } from 'vitest';
import { IpcArgumentError, isTrustedSender, validateEmpty, validateFetchPage, validateOpenFile, validateSaveFile, validateSavePdf } from './validate';

const filters = [{ name: 'Backup', extensions: ['json'] }];

describe('IPC argument validation', () => {
  it('accepts well-formed requests', () => {
    expect(validateOpenFile({ title: 'Open', filters })).toEqual({ title: 'Open', filters });
    expect(validateSaveFile({ title: 'Save', suggestedName: 'list.txt', filters, text: 'hi' }).suggestedName).toBe('list.txt');
    expect(validateSavePdf({ title: 'PDF', suggestedName: 'week', pageSize: 'A4', landscape: false }).suggestedName).toBe('week.pdf');
    expect(() => validateEmpty(undefined)).not.toThrow();
  });

  it.each([
    ['not an object', 'nope'],
    ['null', null],
    ['an array', []],
    ['missing title', { filters }],
    ['a numeric title', { title: 5, filters }],
    ['filters not a list', { title: 'x', filters: 'json' }],
    ['an extension with a dot', { title: 'x', filters: [{ name: 'a', extensions: ['.json'] }] }],
    ['an extension with a path', { title: 'x', filters: [{ name: 'a', extensions: ['../etc'] }] }],
    ['too many filters', { title: 'x', filters: Array.from({ length: 11 }, () => filters[0]) }],
  ])('rejects an open-file request with %s', (_case, value) => {
    expect(() => validateOpenFile(value)).toThrow(IpcArgumentError);
  });

  it.each([
    ['a folder in the name', { title: 'x', suggestedName: '../../.bashrc', filters, text: '' }],
    ['a backslash path', { title: 'x', suggestedName: 'a\\b.txt', filters, text: '' }],
    ['an empty name', { title: 'x', suggestedName: ' ', filters, text: '' }],
    ['a NUL byte', { title: 'x', suggestedName: 'a\0.txt', filters, text: '' }],
    ['text that is not a string', { title: 'x', suggestedName: 'a.txt', filters, text: { a: 1 } }],
  ])('rejects a save-file request with %s', (_case, value) => {
    expect(() => validateSaveFile(value)).toThrow(IpcArgumentError);
  });

  it('rejects bad PDF requests', () => {
    expect(() => validateSavePdf({ title: 'x', suggestedName: 'a', pageSize: 'A3', landscape: false })).toThrow(IpcArgumentError);
    expect(() => validateSavePdf({ title: 'x', suggestedName: 'a', pageSize: 'A4', landscape: 'yes' })).toThrow(IpcArgumentError);
    expect(() => validateSavePdf({ title: 'x', suggestedName: '/tmp/a.pdf', pageSize: 'A4', landscape: true })).toThrow(IpcArgumentError);
    expect(() => validateEmpty({ sneaky: true })).toThrow(IpcArgumentError);
  });

  it('trusts only the app page and the dev server', () => {
    expect(isTrustedSender('app://thirtyfold/index.html', undefined)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', undefined)).toBe(false);
    expect(isTrustedSender('https://example.com/', undefined)).toBe(false);
    expect(isTrustedSender('app://other/index.html', undefined)).toBe(false);
    // The dev server matches by exact origin, not by a prefix of the text.
    expect(isTrustedSender('http://localhost:5173/#/plan', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('http://localhost:5173@evil.example/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('app://thirtyfold.evil/index.html', undefined)).toBe(false);
    expect(isTrustedSender('app://thirtyfold/index.html', 'not a url')).toBe(true);
    expect(isTrustedSender(undefined, undefined)).toBe(false);
  });
});

describe('fetch-page validation', () => {
  it('accepts public http(s) addresses', () => {
    expect(validateFetchPage({ url: ' https://example.com/recipes/soup ' }).url).toBe('https://example.com/recipes/soup');
    expect(validateFetchPage({ url: 'http://example.org/a?b=c' }).url).toBe('http://example.org/a?b=c');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.com/x', 'http://localhost:8080/', 'http://127.0.0.1/', 'http://192.168.1.5/', 'http://10.0.0.1/', 'http://172.20.0.1/', 'http://[::1]/', 'http://localhost./', 'http://printer.local./', 'http://100.64.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://224.0.0.1/', 'https://user:pw@example.com/', 'not a url', ''])(
    'refuses %s',
    (url) => {
      expect(() => validateFetchPage({ url })).toThrow(IpcArgumentError);
    },
  );
});
