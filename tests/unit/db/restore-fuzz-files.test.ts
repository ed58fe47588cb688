import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '../../../src/core/backup';
import { checkRestore } from '../../../src/db/backup-repository';
import { nested, recipeNode, recipePage } from './hostile-files';
import { anyField, copy, dataOf, fieldPath, fuzzRestore, otherValidTexts, rows, validText, type Case } from './restore-cases';
import { contents, expectClear, seededDatabase } from './restore-library';

const truncated: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom(validText, ...otherValidTexts), fc.nat(), fc.constantFrom('', '', ',', '"', 'x', '{', '[1', '\u0000', '}}}'))
  .map(([text, at, junk]) => {
    const cut = text.slice(0, at % text.lastIndexOf('}')) + junk;
    // Cut before the last closing brace, the JSON no longer parses, unless the junk closes it again
    // ("}}}" right after a complete member): then it parses and lacks what was cut.
    let parses = true;
    try {
      JSON.parse(cut);
    } catch {
      parses = false;
    }
    return { text: cut, expected: parses ? /^(?!not a Thirtyfold backup \(not valid JSON)./ : /^not a Thirtyfold backup \(not valid JSON: / };
  });

const deepNesting: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(anyField, fc.integer({ min: 17, max: 3_000 }), fc.boolean()).map(([[table, index, field], depth, arraysOnly]) => {
    const backup = copy();
    rows(backup, table)[index][field] = nested(depth, 'bottom', arraysOnly);
    return { text: JSON.stringify(backup), expected: fieldPath(table, index, field) };
  }),
  fc.tuple(fc.integer({ min: 17, max: 3_000 }), fc.boolean()).map(([depth, arraysOnly]) => {
    const backup = copy();
    (dataOf(backup).settings as Record<string, unknown>).deep = nested(depth, 1, arraysOnly);
    return { text: JSON.stringify(backup), expected: /^settings\["deep"\]: is nested more than 16 levels deep/ };
  }),
  fc.integer({ min: 1, max: 3_000 }).map((depth) => {
    const backup = copy();
    dataOf(backup).recipes = nested(depth, [], true);
    // Lists inside the list of recipes: a list where a recipe belongs.
    return { text: JSON.stringify(backup), expected: /^recipes\[0\]: must be an object/ };
  }),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => ({ text: `${'['.repeat(depth)}${']'.repeat(depth)}`, expected: /^not a Thirtyfold backup \(the file is not a JSON object\)/ })),
);

const SECTIONS = ['recipes', 'meals', 'foods', 'settings', 'shopping'] as const;

const damagedSections: fc.Arbitrary<Case> = fc.oneof(
  fc.constantFrom(...SECTIONS, 'data').map((section) => {
    const backup = copy();
    if (section === 'data') delete backup.data;
    else delete dataOf(backup)[section];
    return { text: JSON.stringify(backup), expected: new RegExp(`^${section}: is missing`) };
  }),
  fc.tuple(fc.constantFrom(...SECTIONS), fc.constantFrom<unknown>('all of it', 5, null, true, { id: 'x' })).map(([section, value]) => {
    const backup = copy();
    dataOf(backup)[section] = section === 'settings' && value !== null && typeof value === 'object' ? [value] : value;
    const expected = section === 'settings' ? /^settings: must be an object of setting key → value/ : new RegExp(`^${section}: must be a list`);
    return { text: JSON.stringify(backup), expected };
  }),
  fc.constantFrom<unknown>('thirtyfold.plan/1', 'Thirtyfold.Backup', 'thirtyfold.backup ', '', 1, null, undefined, ['thirtyfold.backup']).map((format) => {
    const backup = copy();
    if (format === undefined) delete backup.format;
    else backup.format = format;
    return { text: JSON.stringify(backup), expected: /^not a Thirtyfold backup \((?:format is "[^"]*"|it has no "format" field); expected "thirtyfold\.backup"\)/ };
  }),
  fc.oneof(fc.constantFrom<unknown>(0, -1, 1.5, '1', null, undefined, [1], true), fc.integer({ min: BACKUP_VERSION + 1, max: 1_000_000 })).map((version) => {
    const backup = copy();
    if (version === undefined) delete backup.version;
    else backup.version = version;
    const expected = typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION ? /^this backup is version \d+, written by a newer Thirtyfold/ : /^version: must be a whole number from 1/;
    return { text: JSON.stringify(backup), expected };
  }),
);

const notABackup: fc.Arbitrary<Case> = fc.oneof(
  recipePage.map((text) => ({ text })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ text: new TextDecoder('utf-8').decode(bytes) })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ text: JSON.stringify(value) })),
  recipeNode.map((node) => ({ text: JSON.stringify({ '@context': 'https://schema.org', ...node }) })),
  fc.constantFrom('', '\uFEFF', ' ', 'null', '{}', '[]', '"thirtyfold.backup"', '{"format":"thirtyfold.plan/1","recipes":[],"meals":[]}', 'PK\u0003\u0004').map((text) => ({ text })),
).map(({ text }) => ({ text, expected: /^(?:not a Thirtyfold backup|data: is missing|version: must be)/ }));

describe('restoring malformed backup files into a database with data', () => {
  fuzzRestore([
    { name: 'truncated JSON', cases: truncated, runs: 1_200 },
    { name: 'deep nesting', cases: deepNesting, runs: 800 },
    { name: 'sections dropped, wrong format or version', cases: damagedSections, runs: 600 },
    { name: 'not a backup at all (HTML with JSON-LD, bytes, other JSON)', cases: notABackup, runs: 600 },
  ]);
});

describe('what a refused file quotes', () => {
  it('writes line breaks, control and text-direction characters from the file as \\uXXXX', async () => {
    const { db, before } = await seededDatabase();
    const format = await checkRestore(db, JSON.stringify({ format: 'x\u202eevil\u2028\r\u0085', version: 1 }));
    expect(format).toEqual({ ok: false, error: String.raw`not a Thirtyfold backup (format is "x\u202eevil\u2028\r\u0085"; expected "thirtyfold.backup")` });
    const json = await checkRestore(db, '\r\u0000');
    expect(json.ok).toBe(false);
    if (!json.ok) expectClear(json.error, /^not a Thirtyfold backup \(not valid JSON: .*\\u000d/);
    expect(await contents(db)).toBe(before);
    db.close();
  });
});

