import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, readBackup, writeBackup } from './backups';
import { IpcArgumentError, validateBackupRead, validateBackupWrite } from './validate';

describe('automatic backups on disk', () => {
  it('writes one file a day, replaces the same day, and keeps only the newest', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'thirtyfold-backups-')), 'backups');
    expect(await listBackups(folder)).toEqual([]);
    for (let day = 1; day <= 12; day++) await writeBackup(folder, `2026-11-${String(day).padStart(2, '0')}`, `{"day":${day}}`, 10);
    await writeBackup(folder, '2026-11-12', '{"day":"12 again"}', 10);
    const list = await listBackups(folder);
    expect(list.map((b) => b.name)).toEqual(Array.from({ length: 10 }, (_, i) => `thirtyfold-backup-2026-11-${String(12 - i).padStart(2, '0')}.json`));
    expect(await readBackup(folder, list[0].name)).toBe('{"day":"12 again"}');
    expect(readdirSync(folder).some((name) => name.endsWith('.partial'))).toBe(false);
    expect(existsSync(join(folder, 'thirtyfold-backup-2026-11-01.json'))).toBe(false);
  });

  it('refuses names that are not automatic backups and days that are not dates', () => {
    for (const name of ['../secrets.json', 'thirtyfold-backup-2026-11-01.json/../../x', 'notes.txt', '']) {
      expect(() => validateBackupRead({ name })).toThrow(IpcArgumentError);
    }
    expect(validateBackupRead({ name: 'thirtyfold-backup-2026-11-01.json' }).name).toBe('thirtyfold-backup-2026-11-01.json');
    const today = '2026-11-01';
    expect(() => validateBackupWrite({ text: '{}', day: '../x' }, today)).toThrow(IpcArgumentError);
    expect(() => validateBackupWrite({ text: 5, day: '2026-11-01' }, today)).toThrow(IpcArgumentError);
  });

  it('takes only a real day next to today for an automatic backup', () => {
    const today = '2026-03-01';
    for (const day of ['2026-02-28', '2026-03-01', '2026-03-02']) expect(validateBackupWrite({ text: '{}', day }, today).day).toBe(day);
    for (const day of ['0000-01-01', '9999-12-31', '2026-02-30', '2026-13-01', '2026-03-00', '2026-03-03', '2025-03-01']) {
      expect(() => validateBackupWrite({ text: '{}', day }, today)).toThrow(new IpcArgumentError('day must be today'));
    }
    expect(validateBackupWrite({ text: '{}', day: '2027-01-01' }, '2026-12-31').day).toBe('2027-01-01');
  });
});
