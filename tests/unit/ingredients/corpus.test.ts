import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Food } from '../../../src/core/types';
import { createIngredientParser } from '../../../src/core/ingredients';

const repoRoot = path.resolve(__dirname, '../../..');
const dataRoot = path.resolve(repoRoot, '../shared/data');
const catalogPath = path.join(repoRoot, 'resources/foods/catalog.json');
const ready = existsSync(dataRoot) && existsSync(catalogPath);
if (!ready) console.log('ingredients: ../shared/data or the catalog is absent; corpus checks skipped');

/** Quoted CSV fields of the NYT file: input and name columns of each row. */
function nytRows(): Array<{ index: number; input: string; name: string }> {
  const text = readFileSync(path.join(dataRoot, 'nyt-ingredients/nyt-ingredients-snapshot-2015-last10pct.csv'), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  return rows.slice(1).map((r, index) => ({ index, input: r[0] ?? '', name: r[1] ?? '' }));
}

describe.skipIf(!ready)('corpus recognition (dev split of the NYT lines, English recipe pages)', () => {
  const foods = ready ? (JSON.parse(readFileSync(catalogPath, 'utf8')) as Food[]) : [];
  const parse = createIngredientParser(foods);

  it('recognises a food in at least 95% of named NYT dev lines', () => {
    const rows = nytRows().filter((r) => r.index % 5 !== 0 && r.input.trim() !== '' && r.name.trim() !== '');
    const recognised = rows.filter((r) => parse(r.input).food !== null).length;
    expect(rows.length).toBeGreaterThan(10_000);
    expect(recognised / rows.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the NYT lines primed in one batch exactly as one by one', () => {
    const lines = nytRows().map((r) => r.input);
    const batch = createIngredientParser(foods);
    batch.prime(lines);
    const single = createIngredientParser(foods);
    const differing = lines.filter((line) => JSON.stringify(batch(line)) !== JSON.stringify(single(line)));
    expect(lines.length).toBeGreaterThan(10_000);
    expect(differing).toEqual([]);
  });

  it('recognises a food in at least 94% of English recipe-page lines', () => {
    const dir = path.join(dataRoot, 'recipe-pages');
    const lines: string[] = [];
    for (const site of readdirSync(dir, { withFileTypes: true })) {
      if (!site.isDirectory()) continue;
      for (const file of readdirSync(path.join(dir, site.name)).filter((f) => f.endsWith('.json'))) {
        const page = JSON.parse(readFileSync(path.join(dir, site.name, file), 'utf8')) as { language?: string; ingredients?: string[] };
        if (String(page.language ?? '').toLowerCase().startsWith('en')) lines.push(...(page.ingredients ?? []));
      }
    }
    expect(lines.length).toBeGreaterThan(1000);
    const recognised = lines.filter((line) => parse(line).food !== null).length;
    expect(recognised / lines.length).toBeGreaterThanOrEqual(0.94);
  });
});
