import { describe, expect, it } from 'vitest';
import fixtureText from '../../../tests/fixtures/backup/v1-sample.thirtyfold.json?raw';
import v2Text from '../../../tests/fixtures/backup/v2-sample.thirtyfold.json?raw';
import v3Text from '../../../tests/fixtures/backup/v3-sample.thirtyfold.json?raw';
import { BACKUP_FORMAT, BackupError, buildBackup, parseBackup, readBackup, settingsToRows, validateBackup, type Backup } from './index';


/** A fresh, valid backup object to damage in one place. */
function sample(): Backup {
  return JSON.parse(fixtureText) as Backup;
}

function errorOf(data: unknown): string {
  const result = validateBackup(data);
  if (result.ok) throw new Error('expected the backup to be rejected');
  return result.error;
}

const meta = { appVersion: '0.1.0', exportedAt: '2026-11-25T10:00:00.000Z' };

describe('the version 1 fixture', () => {
  it('always restores', () => {
    const backup = parseBackup(fixtureText);
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(1);
    expect(backup.data.recipes.map((r) => r.id)).toEqual(['r-kimchi-rice', 'r-lentil-soup']);
    expect(backup.data.meals).toHaveLength(4);
    expect(backup.data.meals[1].leftoverOf).toBe('m-001');
    expect(backup.data.foods[0].portions).toEqual({ cup: 142, tablespoon: 9 });
    expect(backup.data.recipes[0].ingredients.slice(0, 3)).toEqual([
      { id: 'l1', text: '2 cups cooked brown rice' },
      { id: 'l2', text: '1/2 cup kimchi, chopped', food: 'kimchi', grams: 75 },
      { id: 'l3', text: '2 eggs' },
    ]);
    expect(backup.data.recipes[0]).not.toHaveProperty('overrides');
    expect(backup.data.settings.targets).toEqual({ fermentedPerWeek: 7, fiberPerDay: 30, plantPoints: 30 });
    expect(backup.data.shopping[0]).toEqual({ id: '2026-11-23..2026-11-29', checked: ['brown-rice', 'kimchi'], manual: ['dish soap'] });
  });

  it('is written back in the current format, lines as records, as the version 2 sample is', () => {
    const backup = parseBackup(fixtureText);
    const again = buildBackup(backup.data, { appVersion: backup.appVersion, exportedAt: backup.exportedAt });
    const v2 = parseBackup(v2Text);
    expect(again).toBe(buildBackup(v2.data, { appVersion: v2.appVersion, exportedAt: v2.exportedAt }));
    expect(buildBackup(parseBackup(again).data, meta)).toBe(buildBackup(backup.data, meta));
  });
});

describe('the version 2 fixture', () => {
  it('restores with its lines and fixes; its household of `people: 2` becomes two adults, written back as version 3', () => {
    const backup = parseBackup(v2Text);
    expect(backup.version).toBe(2);
    expect(backup.data.recipes[0].ingredients[1]).toEqual({ id: 'l2', text: '1/2 cup kimchi, chopped', food: 'kimchi', grams: 75 });
    expect(backup.data.members).toEqual([1, 2].map((n) => ({ id: `person-${n}`, name: `Person ${n}`, portion: 1, fiberTarget: 30, ageBand: '19-50', sex: 'unspecified', order: n })));
    const again = buildBackup(backup.data, { appVersion: backup.appVersion, exportedAt: backup.exportedAt });
    expect(again).toMatch(/^"version": 3,$/m);
    expect(again.replace(/^"version": 3,$/m, '"version": 2,').replace(/,\n"members": \[\n[^]*?\n\]\n/, '\n')).toBe(v2Text);
    expect(parseBackup(again).data).toEqual(backup.data);
  });
});

describe('the version 3 fixture', () => {
  it('restores its members and who eats each meal, and writes back byte for byte', () => {
    const backup = parseBackup(v3Text);
    expect(backup.version).toBe(3);
    expect(backup.data.members.map((m) => [m.name, m.portion, m.fiberTarget])).toEqual([
      ['Ana', 1, 25],
      ['Ben', 1, 38],
      ['Cleo', 0.5, 20],
    ]);
    expect(backup.data.meals[2]).toMatchObject({ eaters: ['m-cleo'], servings: 0.5 });
    expect(backup.data.meals[3]).toMatchObject({ guests: 1, servings: 3.5 });
    expect(buildBackup(backup.data, { appVersion: backup.appVersion, exportedAt: backup.exportedAt })).toBe(v3Text);
  });

  it('refuses a member with no portion, two members with one id, and a fraction of a guest', () => {
    const bad = (change: (data: Record<string, unknown[]>) => void): string => {
      const data = JSON.parse(v3Text);
      change(data.data);
      return errorOf(data);
    };
    expect(bad((d) => ((d.members[2] as { portion: number }).portion = 0))).toMatch(/^members\[2\] \(id "m-cleo"\)\.portion: must be a number more than 0/);
    expect(bad((d) => d.members.push(d.members[0]))).toMatch(/^members\[3\] \(id "m-ana"\): duplicate id/);
    expect(bad((d) => ((d.meals[3] as { guests: number }).guests = 0.5))).toMatch(/^meals\[3\] \(id "m-004"\)\.guests: must be a whole number/);
  });

  it('leaves the parser\'s stored reading out of the file', () => {
    const backup = parseBackup(v2Text);
    const parsed = { with: 'catalog|0|00000000', texts: '', lines: '[]' };
    const text = buildBackup({ ...backup.data, recipes: backup.data.recipes.map((r) => ({ ...r, parsed })) }, meta);
    expect(text).not.toContain('"parsed"');
    expect(parseBackup(text).data.recipes[0]).not.toHaveProperty('parsed');
  });

  it('refuses string lines, a line without an id and repeated line ids', () => {
    const strings = JSON.parse(v2Text) as Backup;
    (strings.data.recipes[0].ingredients as unknown[])[0] = '2 cups rice';
    expect(errorOf(strings)).toBe('recipes[0] (id "r-kimchi-rice").ingredients[0]: must be an object');
    const noId = JSON.parse(v2Text) as Backup;
    delete (noId.data.recipes[0].ingredients[0] as { id?: string }).id;
    expect(errorOf(noId)).toBe('recipes[0] (id "r-kimchi-rice").ingredients[0].id: is missing');
    const twice = JSON.parse(v2Text) as Backup;
    twice.data.recipes[0].ingredients[1].id = 'l1';
    expect(errorOf(twice)).toBe('recipes[0] (id "r-kimchi-rice").ingredients[1].id: duplicate line id "l1" in this recipe');
    const badGrams = JSON.parse(v2Text) as Backup;
    badGrams.data.recipes[0].ingredients[1].grams = -4;
    expect(errorOf(badGrams)).toMatch(/^recipes\[0\] \(id "r-kimchi-rice"\)\.ingredients\[1\]\.grams: must be a number of grams/);
  });
});

describe('buildBackup', () => {
  it('gives the same bytes whatever the order of records, keys and settings', () => {
    const data = parseBackup(fixtureText).data;
    const shuffled = {
      recipes: [...data.recipes].reverse().map((r) => Object.fromEntries(Object.entries(r).reverse()) as typeof r),
      meals: [...data.meals].reverse(),
      foods: data.foods,
      settings: settingsToRows(data.settings).reverse(),
      shopping: data.shopping,
      members: [...data.members].reverse(),
    };
    expect(buildBackup(shuffled, meta)).toBe(buildBackup(data, meta));
  });

  it('takes settings as rows or as an object', () => {
    const data = parseBackup(fixtureText).data;
    expect(buildBackup({ ...data, settings: settingsToRows(data.settings) }, meta)).toBe(buildBackup(data, meta));
  });

  it('writes an empty library', () => {
    const text = buildBackup({ recipes: [], meals: [], foods: [], settings: {}, shopping: [] }, meta);
    expect(parseBackup(text).data).toEqual({ recipes: [], meals: [], foods: [], settings: {}, shopping: [], members: [] });
  });

  it('refuses to write data that would not restore, naming the record', () => {
    const data = parseBackup(fixtureText).data;
    data.meals[0].recipe = 'r-missing';
    expect(() => buildBackup(data, meta)).toThrow(BackupError);
    expect(() => buildBackup(data, meta)).toThrow('meals[0] (id "m-001").recipe: no recipe with id "r-missing" in this backup');
  });
});

describe('validateBackup names what is wrong', () => {
  it('a bad number, with table, index, id and field', () => {
    const backup = sample();
    backup.data.recipes[1].servings = 0;
    expect(errorOf(backup)).toBe('recipes[1] (id "r-lentil-soup").servings: must be a number more than 0 and at most 1,000,000');
  });

  it('a missing field', () => {
    const backup = sample();
    delete (backup.data.meals[2] as Partial<(typeof backup.data.meals)[number]>).slot;
    expect(errorOf(backup)).toBe('meals[2] (id "m-003").slot: is missing');
  });

  it('a wrong type deep inside a record', () => {
    const backup = sample();
    (backup.data.recipes[0].ingredients as unknown[])[2] = 42;
    expect(errorOf(backup)).toBe('recipes[0] (id "r-kimchi-rice").ingredients[2]: must be a string');
  });

  it('an enum value that does not exist', () => {
    const backup = sample();
    (backup.data.foods[0] as { fermented: string }).fermented = 'sometimes';
    expect(errorOf(backup)).toBe('foods[0] (id "grandmas-sauerkraut").fermented: must be one of "none", "live", "not-live"');
  });

  it('an unknown portion unit', () => {
    const backup = sample();
    (backup.data.foods[0].portions as Record<string, number>).bucket = 5;
    expect(errorOf(backup)).toMatch(/^foods\[0\] \(id "grandmas-sauerkraut"\)\.portions(\.bucket)?: must be one of "cup"/);
  });

  it('a list where an object keyed by unit or line belongs', () => {
    const backup = sample();
    (backup.data.foods[0] as { portions: unknown }).portions = [];
    expect(errorOf(backup)).toBe('foods[0] (id "grandmas-sauerkraut").portions: must be an object of unit → grams');
    const other = sample();
    (other.data.recipes[0] as unknown as { overrides: unknown }).overrides = [{ grams: 5 }];
    expect(errorOf(other)).toBe('recipes[0] (id "r-kimchi-rice").overrides: must be an object keyed by line index');
  });

  it('duplicate ids', () => {
    const backup = sample();
    backup.data.recipes.push({ ...backup.data.recipes[0] });
    expect(errorOf(backup)).toBe('recipes[2] (id "r-kimchi-rice"): duplicate id (also recipes[0])');
  });

  it('a meal pointing to a recipe that is not there', () => {
    const backup = sample();
    backup.data.recipes.splice(1, 1);
    expect(errorOf(backup)).toBe('meals[3] (id "m-004").recipe: no recipe with id "r-lentil-soup" in this backup');
  });

  it('a leftover of a meal that is not there', () => {
    const backup = sample();
    backup.data.meals[1].leftoverOf = 'm-gone';
    expect(errorOf(backup)).toBe('meals[1] (id "m-002").leftoverOf: no meal with id "m-gone" in this backup');
  });

  it('a meal with neither recipe nor food', () => {
    const backup = sample();
    backup.data.meals[2].food = null;
    expect(errorOf(backup)).toBe('meals[2] (id "m-003"): needs a recipe or a food line (both are null)');
  });

  it('dates out of range or impossible', () => {
    for (const date of ['1899-12-31', '2201-01-01', '2026-02-30', '26-11-23', '2026-11-23T00:00:00Z']) {
      const backup = sample();
      backup.data.meals[0].date = date;
      expect(errorOf(backup)).toBe('meals[0] (id "m-001").date: must be a date from 1900-01-01 to 2200-12-31 written YYYY-MM-DD');
    }
    const backup = sample();
    backup.data.recipes[0].createdAt = '9999-01-01T00:00:00Z';
    expect(errorOf(backup)).toMatch(/^recipes\[0\] \(id "r-kimchi-rice"\)\.createdAt: must be an ISO timestamp/);
  });

  it('strings over the limit', () => {
    const backup = sample();
    backup.data.recipes[0].name = 'x'.repeat(501);
    expect(errorOf(backup)).toBe('recipes[0] (id "r-kimchi-rice").name: must be a string of at most 500 characters');
  });

  it('counts the other problems', () => {
    const backup = sample();
    backup.data.recipes[0].servings = -1;
    backup.data.recipes[1].servings = -1;
    expect(errorOf(backup)).toBe('recipes[0] (id "r-kimchi-rice").servings: must be a number more than 0 and at most 1,000,000 (and 1 more problem)');
  });

  it('names a record given as a list, not each of its fields', () => {
    const backup = sample() as unknown as { data: { recipes: unknown[] } };
    backup.data.recipes[0] = [];
    expect(errorOf(backup)).toMatch(/^recipes\[0\]: must be an object( \(and \d+ more problems?\))?$/);
    backup.data.recipes[0] = { ...sample().data.recipes[0], source: ['x'] };
    expect(errorOf(backup)).toMatch(/^recipes\[0\] \(id "[^"]+"\)\.source: must be/);
  });

  it('settings that are too deep or not JSON', () => {
    const backup = sample();
    let deep: unknown = 1;
    for (let i = 0; i < 40; i += 1) deep = [deep];
    backup.data.settings.deep = deep;
    expect(errorOf(backup)).toBe('settings["deep"]: is nested more than 16 levels deep');
    const other = sample();
    (other.data as { settings: unknown }).settings = [1, 2];
    expect(errorOf(other)).toBe('settings: must be an object of setting key → value');
  });

  it('the wrong file, or a newer version', () => {
    expect(errorOf(null)).toBe('not a Thirtyfold backup (the file is not a JSON object)');
    expect(errorOf({ format: 'thirtyfold.plan/1' })).toBe('not a Thirtyfold backup (format is "thirtyfold.plan/1"; expected "thirtyfold.backup")');
    expect(errorOf({ ...sample(), version: 4 })).toBe('this backup is version 4, written by a newer Thirtyfold; this app reads backup versions up to 3');
    expect(errorOf({ ...sample(), version: 0.5 })).toBe('version: must be a whole number from 1');
    expect(errorOf({ ...sample(), data: undefined })).toBe('data: is missing');
  });

  it('keeps a "__proto__" setting as a plain key', () => {
    const text = fixtureText.replace('"people":2', '"__proto__":{"polluted":true},"people":2');
    const backup = parseBackup(text);
    expect(Object.keys(backup.data.settings)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(buildBackup(backup.data, meta)).toContain('"__proto__":{"polluted":true}');
  });
});

describe('readBackup and parseBackup', () => {
  it('report unreadable JSON in one line', () => {
    const result = readBackup(fixtureText.slice(0, 200));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^not a Thirtyfold backup \(not valid JSON: [^\n]+\)$/);
    expect(() => parseBackup('{')).toThrow(BackupError);
  });

  it('accept a byte order mark', () => {
    expect(readBackup(`\uFEFF${fixtureText}`).ok).toBe(true);
  });
});
