import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, detectImportFile, detectImportText, leftOutNotice, readRecipesFromHtml, readRecipesFromJsonLd } from './index';

/** Bytes that look random (xorshift), the same on every run. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = 0x9e3779b9;
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

describe('what an import file holds', () => {
  it('tells each kind from the content', () => {
    expect(detectImportFile(zipSync({ 'a.paprikarecipe': strToU8('{}') })).kind).toBe('paprika');
    expect(detectImportFile(gzipSync(strToU8('{}'))).kind).toBe('paprika-recipe');
    expect(detectImportFile(strToU8('\uFEFF{"format":"thirtyfold.backup","version":1}')).kind).toBe('backup');
    expect(detectImportFile(strToU8('{"format":"thirtyfold.plan/1","meals":[]}')).kind).toBe('plan');
    expect(detectImportFile(strToU8('{"@type":"Recipe","name":"Toast"}'))).toEqual({ kind: 'json-ld', value: { '@type': 'Recipe', name: 'Toast' } });
    expect(detectImportFile(strToU8('<!doctype html><title>Soup</title>')).kind).toBe('html');
    expect(detectImportFile(strToU8('Soup\nIngredients\n1 cup lentils')).kind).toBe('text');
    expect(detectImportFile(strToU8('Crème brûlée\nIngredients\n2 œufs')).kind).toBe('text');
  });

  it('refuses binary data, empty files and other Thirtyfold files', () => {
    const binary = 'the file is binary, not an HTML page, Paprika export, backup or recipe text';
    expect(() => detectImportFile(noise(5 * 1024 * 1024))).toThrow(new ImportError(binary));
    expect(() => detectImportFile(strToU8('Soup\0\0\0'))).toThrow(new ImportError(binary));
    expect(() => detectImportFile(new Uint8Array([0xff, 0xfe, ...strToU8('S\0o\0u\0p\0')]))).toThrow(new ImportError(binary));
    expect(() => detectImportFile(new Uint8Array())).toThrow(new ImportError('the file is empty'));
    expect(() => detectImportText(JSON.stringify({ format: 'thirtyfold.\u001b[2Jsettings' }))).toThrow(/^this is a "thirtyfold\.\\u001b\[2Jsettings" file, not recipes/);
  });
});

describe('recipes left out past the cap', () => {
  const recipes = (count: number) => Array.from({ length: count }, (_, i) => ({ '@type': 'Recipe', name: `Soup ${i + 1}`, recipeIngredient: ['1 cup lentils'] }));

  it('says how many a JSON-LD document held when it reads only the first 100', () => {
    const read = readRecipesFromJsonLd({ '@graph': recipes(90_000) });
    expect(read.drafts).toHaveLength(100);
    expect(read.total).toBe(90_000);
    expect(leftOutNotice(read)).toBe('read 100 of 90,000 recipes; the rest were left out');
  });

  it('counts across the JSON-LD blocks of a page', () => {
    const block = (count: number) => `<script type="application/ld+json">${JSON.stringify(recipes(count))}</script>`;
    const read = readRecipesFromHtml(`<html><head>${block(80)}${block(70)}</head></html>`);
    expect(read.drafts).toHaveLength(100);
    expect(leftOutNotice(read)).toBe('read 100 of 150 recipes; the rest were left out');
    expect(leftOutNotice(readRecipesFromJsonLd(recipes(100)))).toBeNull();
  });
});
