import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CliError } from '../command';
import { importBytes } from './import';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures', name)));
let counter = 0;
const options = { now: '2026-11-25T12:00:00.000Z', newId: () => `new-${++counter}` };

describe('import FILE detection', () => {
  it('reads an HTML page', () => {
    const { kind, recipes } = importBytes(fixture('import/graph-sections.html'), options);
    expect(kind).toBe('html');
    expect(recipes[0]).toMatchObject({ name: 'Spiced Chickpea Stew & Greens', createdAt: options.now });
    expect(recipes[0].id).toMatch(/^new-\d+$/);
  });

  it('reads a Paprika export and a single Paprika recipe', () => {
    const record = strToU8(JSON.stringify({ name: 'Oats', ingredients: '1 cup oats', directions: 'Soak.', servings: '2' }));
    const zip = importBytes(zipSync({ 'Oats.paprikarecipe': gzipSync(record) }), options);
    expect(zip.kind).toBe('paprika');
    expect(zip.recipes.map((r) => r.name)).toEqual(['Oats']);
    expect(importBytes(gzipSync(record), options).kind).toBe('paprika-recipe');
  });

  it('reads a backup as its stored recipes', () => {
    const { kind, recipes } = importBytes(fixture('backup/v1-sample.thirtyfold.json'), options);
    expect(kind).toBe('backup');
    expect(recipes.map((r) => r.id)).toEqual(['r-kimchi-rice', 'r-lentil-soup']);
  });

  it('reads a JSON-LD document and plain text', () => {
    const jsonLd = strToU8(JSON.stringify({ '@type': 'Recipe', name: 'Toast', recipeIngredient: ['1 slice bread'] }));
    expect(importBytes(jsonLd, options)).toMatchObject({ kind: 'json-ld', recipes: [{ name: 'Toast' }] });
    expect(importBytes(fixture('import/lentil-soup.txt'), options)).toMatchObject({ kind: 'text', recipes: [{ name: 'Red Lentil Soup' }] });
  });

  it('says when a source holds more recipes than one import reads', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ '@type': 'Recipe', name: `Soup ${i}`, recipeIngredient: ['1 cup lentils'] }));
    const result = importBytes(strToU8(JSON.stringify(many)), options);
    expect(result.recipes).toHaveLength(100);
    expect(result.notice).toBe('read 100 of 150 recipes; the rest were left out');
    expect(importBytes(fixture('import/lentil-soup.txt'), options).notice).toBeNull();
  });

  it('turns bad input into one-line CliErrors', () => {
    const bad = (bytes: Uint8Array) => () => importBytes(bytes, options);
    expect(bad(new Uint8Array())).toThrow(new CliError('the file is empty'));
    expect(bad(fixture('import/no-recipe.html'))).toThrow(new CliError('no schema.org Recipe found in this page'));
    expect(bad(strToU8('{"format":"thirtyfold.backup","version":1}'))).toThrow(/^not a usable backup: /);
    expect(bad(strToU8('{"format":"thirtyfold.plan/1","meals":[]}'))).toThrow(CliError);
    expect(bad(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(CliError);
    expect(bad(new Uint8Array([0x00, 0x01, 0x02]))).toThrow(CliError);
  });
});

describe('npm run cli -- import', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'import', ...args], { cwd: repoRoot });

  it('prints the recipes as a JSON array', async () => {
    const { stdout } = await cli('tests/fixtures/import/main-entity.html');
    const recipes = JSON.parse(stdout) as { name: string }[];
    expect(recipes.map((r) => r.name)).toEqual(['Lemon Drizzle Cake']);
  });

  it('exits 2 with one line for a bad file', async () => {
    const failure = await cli('tests/fixtures/import/no-recipe.html').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe('thirtyfold: tests/fixtures/import/no-recipe.html: no schema.org Recipe found in this page\n');
  });
});
