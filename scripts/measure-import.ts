/**
 * Measures recipe import on the recipe-pages corpus (../shared/data/recipe-pages):
 * a page passes when its imported name matches the expected title and its
 * ingredient lines match the expected ones, after white space and HTML entity
 * normalisation. Prints the figure and every failure.
 *
 *   npx tsx scripts/measure-import.ts [corpus-folder]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseRecipesFromHtml } from '../src/core/import/json-ld';
import { decodeEntities } from '../src/core/import/text';

export interface PageResult {
  site: string;
  name: string;
  ok: boolean;
  /** Passes with white space, entities and fraction characters normalised only (no case, quote or dash folding). */
  strictOk: boolean;
  /** Why the page failed, empty when it passed. */
  problems: string[];
}

export interface CorpusResult {
  total: number;
  passed: number;
  strictPassed: number;
  share: number;
  pages: PageResult[];
}

/** The corpus folder beside the repository, as every test that reads shared data finds it. */
export function defaultCorpusFolder(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return path.resolve(repoRoot, '../shared/data/recipe-pages');
}

/** The strict comparison: HTML entities, white space and fraction characters (½ = 1/2) only. */
export function normaliseStrict(text: string): string {
  return decodeEntities(decodeEntities(text))
    .normalize('NFKC')
    .replace(/\u2044/g, '/')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
}

/** Normalises a title or ingredient line for the main comparison: entities, white space, case, quote and dash styles, and
 * fraction characters (½ and 1/2 compare equal, as `&frac12;` is only another way to write it). */
export function normaliseForComparison(text: string): string {
  return decodeEntities(decodeEntities(text))
    .normalize('NFKC')
    .replace(/\u2044/g, '/')
    .replace(/<[^>]*>/g, '')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim()
    .toLowerCase();
}

interface ManifestRow {
  site: string;
  name: string;
  htmlPath: string;
  expectedPath: string;
}

function readManifest(folder: string): ManifestRow[] {
  const lines = readFileSync(path.join(folder, 'manifest.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  const column = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    // The first four columns never hold commas; titles later in the row may.
    const cells = line.split(',');
    return {
      site: cells[column('site')],
      name: cells[column('name')],
      htmlPath: cells[column('html_gz_path')],
      expectedPath: cells[column('expected_json_path')],
    };
  });
}

function comparePage(folder: string, row: ManifestRow): PageResult {
  const expected = JSON.parse(readFileSync(path.join(folder, row.expectedPath), 'utf8')) as { title: string; ingredients: string[] };
  const html = gunzipSync(readFileSync(path.join(folder, row.htmlPath))).toString('utf8');
  const problems: string[] = [];
  let strictMatch = false;
  try {
    const draft = parseRecipesFromHtml(html)[0];
    strictMatch =
      normaliseStrict(draft.name) === normaliseStrict(expected.title) &&
      draft.ingredients.length === expected.ingredients.length &&
      draft.ingredients.every((line, index) => normaliseStrict(line) === normaliseStrict(expected.ingredients[index]));
    if (normaliseForComparison(draft.name) !== normaliseForComparison(expected.title)) {
      problems.push(`name ${JSON.stringify(draft.name)} ≠ expected ${JSON.stringify(expected.title)}`);
    }
    const got = draft.ingredients.map(normaliseForComparison);
    const want = expected.ingredients.map(normaliseForComparison);
    if (got.length !== want.length) problems.push(`${got.length} ingredient lines ≠ expected ${want.length}`);
    const differing = want.findIndex((line, index) => got[index] !== line);
    if (differing >= 0 && differing < got.length) {
      problems.push(`ingredient ${differing + 1}: ${JSON.stringify(draft.ingredients[differing])} ≠ expected ${JSON.stringify(expected.ingredients[differing])}`);
    }
  } catch (error) {
    problems.push(`import failed: ${(error as Error).message}`);
  }
  return { site: row.site, name: row.name, ok: problems.length === 0, strictOk: problems.length === 0 && strictMatch, problems };
}

/** Imports every page of the corpus and compares it with the expected output. */
export function measureCorpus(folder: string = defaultCorpusFolder()): CorpusResult {
  const pages = readManifest(folder).map((row) => comparePage(folder, row));
  const passed = pages.filter((page) => page.ok).length;
  const strictPassed = pages.filter((page) => page.strictOk).length;
  return { total: pages.length, passed, strictPassed, share: pages.length ? passed / pages.length : 0, pages };
}

function main(): void {
  const folder = process.argv[2] ? path.resolve(process.argv[2]) : defaultCorpusFolder();
  if (!existsSync(path.join(folder, 'manifest.csv'))) {
    process.stderr.write(`measure-import: no corpus at ${folder}\n`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const result = measureCorpus(folder);
  const seconds = (performance.now() - started) / 1000;
  for (const page of result.pages.filter((p) => !p.ok)) {
    process.stdout.write(`FAIL ${page.site}/${page.name}\n${page.problems.map((p) => `  ${p}`).join('\n')}\n`);
  }
  for (const page of result.pages.filter((p) => p.ok && !p.strictOk)) {
    process.stdout.write(`CASE OR PUNCTUATION ONLY ${page.site}/${page.name}\n`);
  }
  const percent = (count: number) => ((count / result.total) * 100).toFixed(1);
  process.stdout.write(`${result.passed}/${result.total} pages imported with the expected name and ingredient lines (${percent(result.passed)}%) in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`${result.strictPassed}/${result.total} (${percent(result.strictPassed)}%) also match without case, quote and dash folding\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
