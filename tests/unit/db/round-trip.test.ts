import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, buildBackup } from '../../../src/core/backup';
import { membersFromPeople } from '../../../src/core/members';
import { checkRestore, countDatabase, exportDatabase, replaceDatabase, restoreBackup } from '../../../src/db/backup-repository';
import { migrationHarness } from './harness';
import { library } from './restore-library';

const first = { appVersion: '0.1.0', exportedAt: '2026-11-25T10:00:00.000Z' };
const second = { appVersion: '0.1.0', exportedAt: '2026-11-26T18:30:00.000Z' };

/** The file without its export date, the one line two exports of the same data may differ in. */
function withoutDate(text: string): string {
  return text.replace(/^"exportedAt": "[^"]*",$/m, '');
}

describe('backup round trip of a large library', () => {
  it('export → restore into an empty database → export gives the same file apart from the export date', async () => {
    // The benchmark's library: 10,000 recipes and two years of meals, with leftovers, food-only meals, custom foods, settings and shopping lists.
    const generated = library({ seed: 30, recipes: 10_000, weeks: 104, endDate: '2026-11-29', foods: 50 });
    // A household of three, one of them a child, who is away at every fifth meal; a guest at every seventh.
    const members = membersFromPeople(3, 30).map((m, i) => (i === 2 ? { ...m, name: 'Cleo', portion: 0.5, ageBand: '4-8' as const } : m));
    const data = {
      ...generated,
      members,
      meals: generated.meals.map((meal, i) => ({ ...meal, ...(i % 5 === 0 ? { eaters: ['person-1', 'person-2'] } : {}), ...(i % 7 === 0 ? { guests: 1 } : {}) })),
    };
    const source = migrationHarness().open();
    await replaceDatabase(source, data);
    const exported = await exportDatabase(source, first);
    expect(exported.repaired).toBe(0);
    // Writing and reading back changed nothing: the export is the file of the data itself.
    expect(exported.text).toBe(buildBackup(data, first));

    const target = migrationHarness().open();
    const check = await checkRestore(target, exported.text);
    if (!check.ok) throw new Error(check.error);
    expect(check.current).toEqual({ recipes: 0, meals: 0, foods: 0, settings: 0, shopping: 0, members: 0 });
    expect(check.incoming).toEqual({ recipes: 10_000, meals: data.meals.length, foods: 50, settings: 5, shopping: 104, members: 3 });
    expect(data.meals.length).toBeGreaterThan(2 * 365 * 3);
    let safetyCopy = '';
    const replaced = await restoreBackup(target, check.backup, {
      meta: first,
      keepCopy: async (text) => {
        safetyCopy = text;
        return true;
      },
    });
    expect(replaced?.data).toEqual({ recipes: [], meals: [], foods: [], settings: [], shopping: [], members: [] });
    expect(JSON.parse(safetyCopy)).toMatchObject({ format: BACKUP_FORMAT, data: { recipes: [], meals: [] } });
    expect(await countDatabase(target)).toEqual(check.incoming);

    const again = await exportDatabase(target, second);
    expect(again.repaired).toBe(0);
    expect(again.text).not.toBe(exported.text);
    expect(again.text).toContain(`"exportedAt": "${second.exportedAt}",`);
    expect(withoutDate(again.text)).toBe(withoutDate(exported.text));
    expect(withoutDate(again.text).length).toBeGreaterThan(5_000_000);
    source.close();
    target.close();
  });
});
