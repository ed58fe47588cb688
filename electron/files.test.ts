import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDay } from './backups';
import { OpenFileError, readPickedFile, writeFileDurably } from './files';
import { testOverrides } from './test-env';

const folder = () => mkdtempSync(join(tmpdir(), 'thirtyfold-files-'));

describe('files main reads for the renderer', () => {
  it('reads a file within the limit', async () => {
    const path = join(folder(), 'soup.html');
    writeFileSync(path, '<html>soup</html>');
    expect(new TextDecoder().decode(await readPickedFile(path, 100))).toBe('<html>soup</html>');
  });

  it('refuses a file over the limit, and a folder, before reading them', async () => {
    const dir = folder();
    const path = join(dir, 'big.paprikarecipes');
    writeFileSync(path, Buffer.alloc(3_000_001));
    await expect(readPickedFile(path, 3_000_000)).rejects.toThrow(new OpenFileError('the file is larger than 3 MB'));
    await expect(readPickedFile(dir)).rejects.toThrow(new OpenFileError('this is not a file'));
  });
});

describe('writing a file durably', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = folder();
    const target = join(dir, 'thirtyfold-backup-2026-11-01.json');
    await writeFileDurably(target, '{"v":1}');
    await writeFileDurably(target, '{"v":2}');
    expect(readFileSync(target, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir)).toEqual(['thirtyfold-backup-2026-11-01.json']);
  });

  it('leaves the old file as it was when the write cannot happen', async () => {
    const dir = folder();
    const target = join(dir, 'backup.json');
    writeFileSync(target, 'old');
    // The temporary file's place is taken by a folder, so writing it fails.
    mkdirSync(`${target}.partial`);
    await expect(writeFileDurably(target, 'new')).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('names the local day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('test-only environment', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173', THIRTYFOLD_USER_DATA: '/tmp/profile', THIRTYFOLD_PDF_PATH: '/tmp/out.pdf' };

  it('is read in development and by the test suites', () => {
    expect(testOverrides(env, false)).toEqual({ devServerUrl: 'http://localhost:5173', userData: '/tmp/profile', pdfPath: '/tmp/out.pdf' });
    expect(testOverrides({}, false)).toEqual({ devServerUrl: undefined, userData: undefined, pdfPath: undefined });
  });

  it('is ignored by a packaged app', () => {
    expect(testOverrides(env, true)).toEqual({ devServerUrl: undefined, userData: undefined, pdfPath: undefined });
  });
});
