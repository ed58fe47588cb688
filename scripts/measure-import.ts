/**
 * Measures recipe import on the recipe-pages corpus (../shared/data/recipe-pages):
 * a page passes when its imported name matches the expected title and its
 * ingredient lines match the expected ones, allowing only white space and HTML
 * entity differences (a vulgar fraction character counts as its entity and
 * slash forms: ½ = &frac12; = 1/2). Prints the figure and every failure, and two
 * figures beside it: without the fraction rule, and with case, quote and dash
 * styles folded as well (looser than the rule, for information only).
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
  /** Passes the rule: white space, HTML entities and fraction characters may differ, nothing else. */
  ok: boolean;
  /** Passes with white space and HTML entities only (½ and 1/2 differ). */
  literalOk: boolean;
  /** Passes once case, quote and dash styles are folded too; looser than the rule. */
  foldedOk: boolean;
  /** Why the page failed the rule, empty when it passed. */
  problems: string[];
}

export interface CorpusResult {
  total: number;
  passed: number;
  literalPassed: number;
  foldedPassed: number;
  share: number;
  pages: PageResult[];
}

/** The corpus folder beside the repository, as every test that reads shared data finds it. */
export function defaultCorpusFolder(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return path.resolve(repoRoot, '../shared/data/recipe-pages');
}

const VULGAR_FRACTIONS: Record<string, string> = {
  '½': '1/2',
  '⅓': '1/3',
  '⅔': '2/3',
  '¼': '1/4',
  '¾': '3/4',
  '⅕': '1/5',
  '⅖': '2/5',
  '⅗': '3/5',
  '⅘': '4/5',
  '⅙': '1/6',
  '⅚': '5/6',
  '⅐': '1/7',
  '⅛': '1/8',
  '⅜': '3/8',
  '⅝': '5/8',
  '⅞': '7/8',
  '⅑': '1/9',
  '⅒': '1/10',
};

/** White space and HTML entities only: entities decoded (also when escaped twice), Unicode composed (NFC),
 * invisible characters (zero-width spaces, soft hyphens) removed, runs of white space and non-breaking spaces made one
 * space, ends trimmed. */
export function normaliseLiteral(text: string): string {
  return decodeEntities(decodeEntities(text))
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rule: as normaliseLiteral, and a fraction character equals its slash form (½ = 1/2, 1½ = 1 1/2, 1⁄2 = 1/2). */
export function normaliseForComparison(text: string): string {
  return normaliseLiteral(
    decodeEntities(decodeEntities(text))
      .replace(/[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]/g, (fraction) => ` ${VULGAR_FRACTIONS[fraction]}`)
      .replace(/\u2044/g, '/'),
  );
}

/** Looser than the rule, for information: also folds case, curly quotes and dash styles. */
export function normaliseFolded(text: string): string {
  return normaliseForComparison(text)
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
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

function matches(name: string, lines: string[], expected: { title: string; ingredients: string[] }, normalise: (text: string) => string): boolean {
  return (
    normalise(name) === normalise(expected.title) &&
    lines.length === expected.ingredients.length &&
    lines.every((line, index) => normalise(line) === normalise(expected.ingredients[index]))
  );
}

function comparePage(folder: string, row: ManifestRow): PageResult {
  const expected = JSON.parse(readFileSync(path.join(folder, row.expectedPath), 'utf8')) as { title: string; ingredients: string[] };
  const html = gunzipSync(readFileSync(path.join(folder, row.htmlPath))).toString('utf8');
  const problems: string[] = [];
  let literalOk = false;
  let foldedOk = false;
  try {
    const draft = parseRecipesFromHtml(html)[0];
    literalOk = matches(draft.name, draft.ingredients, expected, normaliseLiteral);
    foldedOk = matches(draft.name, draft.ingredients, expected, normaliseFolded);
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
  return { site: row.site, name: row.name, ok: problems.length === 0, literalOk, foldedOk, problems };
}

/** Imports every page of the corpus and compares it with the expected output. */
export function measureCorpus(folder: string = defaultCorpusFolder()): CorpusResult {
  const pages = readManifest(folder).map((row) => comparePage(folder, row));
  const passed = pages.filter((page) => page.ok).length;
  const literalPassed = pages.filter((page) => page.literalOk).length;
  const foldedPassed = pages.filter((page) => page.foldedOk).length;
  return { total: pages.length, passed, literalPassed, foldedPassed, share: pages.length ? passed / pages.length : 0, pages };
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
  for (const page of result.pages.filter((p) => !p.ok && p.foldedOk)) {
    process.stdout.write(`  (${page.site} differs only in case, quotes or dashes)\n`);
  }
  const percent = (count: number) => ((count / result.total) * 100).toFixed(1);
  process.stdout.write(
    `${result.passed}/${result.total} pages imported with the expected name and ingredient lines (${percent(result.passed)}%), white space, entities and fraction characters allowed to differ, in ${seconds.toFixed(1)} s\n`,
  );
  process.stdout.write(`${result.literalPassed}/${result.total} (${percent(result.literalPassed)}%) with white space and entities only (½ ≠ 1/2)\n`);
  process.stdout.write(`${result.foldedPassed}/${result.total} (${percent(result.foldedPassed)}%) with case, quotes and dashes folded as well (looser than the rule)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
