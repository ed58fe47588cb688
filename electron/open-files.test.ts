import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv } from './open-files';

describe('files named on the command line', () => {
  it('takes the associated files after the executable of a packaged app', () => {
    expect(filesFromArgv(['/opt/Thirtyfold/thirtyfold', '/home/a/Recipes.paprikarecipes'], true, '/home/a')).toEqual(['/home/a/Recipes.paprikarecipes']);
    expect(filesFromArgv(['C:\\Thirtyfold.exe', 'backup.THIRTYFOLD'], true, '/work')).toEqual([resolve('/work', 'backup.THIRTYFOLD')]);
  });

  it('skips the app folder of an unpackaged run, switches, and files of other kinds', () => {
    const argv = ['/usr/bin/electron', '.', '--no-sandbox', '--allow-file-access-from-files', 'notes.txt', 'week.json', 'soup.paprikarecipe'];
    expect(filesFromArgv(argv, false, '/home/a')).toEqual(['/home/a/soup.paprikarecipe']);
    expect(filesFromArgv(['/usr/bin/electron', '.'], false, '/home/a')).toEqual([]);
  });

  it('takes a file whose name starts with a dash only after --', () => {
    expect(filesFromArgv(['thirtyfold', '-x.thirtyfold', '--', '-y.thirtyfold'], true, '/d')).toEqual(['/d/-y.thirtyfold']);
  });

  it('reads a second instance\'s arguments the same way', () => {
    // Chromium adds its own switches to the second instance's argv.
    const argv = ['/opt/Thirtyfold/thirtyfold', '--original-process-start-time=1', 'Downloads/export.paprikarecipes'];
    expect(filesFromArgv(argv, true, '/home/b')).toEqual(['/home/b/Downloads/export.paprikarecipes']);
  });
});
