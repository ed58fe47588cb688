/**
 * Measures the ingredient parser on real lines:
 *   npx tsx scripts/measure-parser.ts [--split dev|test] [--misses N] [--json FILE]
 *
 * - NYT labelled lines (../shared/data/nyt-ingredients): rows whose index % 5 != 0
 *   are the dev split (misses may be printed for study); index % 5 == 0 is held out
 *   and only ever reported as figures.
 * - Every ingredient line of the English recipe pages (../shared/data/recipe-pages).
 * - Throughput of parse + match over all those lines.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIngredient } from 'parse-ingredient';
import type { Food, ParsedLine } from '../src/core/types';
import { buildAliasIndex, createIngredientParser, matchTokens, parseLineWith } from '../src/core/ingredients';
import { parseCsv } from './catalog/build';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = path.resolve(repoRoot, '../shared/data');
const catalogPath = path.join(repoRoot, 'resources/foods/catalog.json');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const NAME_STOP = new Set(
  ['fresh', 'freshly', 'ground', 'chopped', 'large', 'small', 'medium', 'whole', 'dried', 'dry', 'of', 'and', 'or', 'the', 'a', 'cold', 'hot', 'warm', 'extra', 'virgin', 'raw', 'cooked', 'finely', 'grated', 'sliced', 'minced', 'diced', 'red', 'green', 'white', 'black', 'yellow', 'sweet', 'good', 'quality', 'kosher', 'sea', 'plain'].map((w) => matchTokens(w)[0]),
);

function contentWords(text: string): Set<string> {
  return new Set(matchTokens(text.replace(/\\[tnr]/g, ' ')).filter((w) => !NAME_STOP.has(w) && !/^\d/.test(w)));
}

/** True when the chosen food's name or aliases share a content word with the NYT name. */
function agrees(food: Food, nytName: string): boolean {
  const nyt = contentWords(nytName);
  for (const name of [food.name, ...food.aliases]) for (const w of contentWords(name)) if (nyt.has(w)) return true;
  return false;
}

function sameQuantity(a: number | null, nyt: number): boolean {
  const ours = a ?? 0;
  return Math.abs(ours - nyt) <= 0.02 + 0.01 * nyt;
}

interface NytRow {
  index: number;
  input: string;
  name: string;
  qty: number;
  unit: string;
}

function loadNyt(): NytRow[] {
  const file = path.join(dataRoot, 'nyt-ingredients/nyt-ingredients-snapshot-2015-last10pct.csv');
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0];
  const col = (n: string) => header.indexOf(n);
  return rows.slice(1).map((r, index) => ({
    index,
    input: r[col('input')] ?? '',
    name: r[col('name')] ?? '',
    qty: Number(r[col('qty')] ?? 0) || 0,
    unit: r[col('unit')] ?? '',
  }));
}

function loadPageLines(): string[] {
  const dir = path.join(dataRoot, 'recipe-pages');
  const lines: string[] = [];
  for (const site of readdirSync(dir, { withFileTypes: true })) {
    if (!site.isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, site.name))) {
      if (!file.endsWith('.json')) continue;
      const page = JSON.parse(readFileSync(path.join(dir, site.name, file), 'utf8')) as { language?: string; ingredients?: string[] };
      if (!String(page.language ?? '').toLowerCase().startsWith('en')) continue;
      for (const line of page.ingredients ?? []) lines.push(line);
    }
  }
  return lines;
}

function pct(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((1000 * n) / d) / 10;
}

function main(): void {
  if (!existsSync(dataRoot)) {
    console.error(`measure-parser: ${dataRoot} not found; nothing to measure`);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(catalogPath)) {
    console.error('measure-parser: resources/foods/catalog.json not found (run npm run catalog)');
    process.exitCode = 2;
    return;
  }
  const split = arg('--split') ?? 'dev';
  const misses = Number(arg('--misses') ?? 0);
  const foods = JSON.parse(readFileSync(catalogPath, 'utf8')) as Food[];
  const byId = new Map(foods.map((f) => [f.id, f]));
  const index = buildAliasIndex(foods);
  const parse = (line: string): ParsedLine => parseLineWith(index, line);

  const nyt = loadNyt().filter((r) => (split === 'test' ? r.index % 5 === 0 : r.index % 5 !== 0) && r.input.trim() !== '');
  let named = 0;
  let recognised = 0;
  let agreeing = 0;
  let qtyOurs = 0;
  let qtyLib = 0;
  let unitOurs = 0;
  let unitLib = 0;
  const unmatched: string[] = [];
  const disagreeing: string[] = [];
  const qtyDiff: string[] = [];
  const unitDiff: string[] = [];
  for (const row of nyt) {
    const ours = parse(row.input);
    const lib = parseIngredient(row.input, { normalizeUOM: true })[0];
    if (sameQuantity(ours.quantity, row.qty)) qtyOurs++;
    else qtyDiff.push(`${row.input}  | nyt ${row.qty} ours ${ours.quantity} lib ${lib?.quantity ?? null}`);
    if (sameQuantity(lib?.quantity ?? null, row.qty)) qtyLib++;
    if ((ours.unit ?? '') === row.unit) unitOurs++;
    else unitDiff.push(`${row.input}  | nyt "${row.unit}" ours "${ours.unit ?? ''}" lib "${lib?.unitOfMeasureID ?? ''}"`);
    if ((lib?.unitOfMeasureID ?? '') === row.unit) unitLib++;
    if (row.name.trim() === '') continue;
    named++;
    if (!ours.food) {
      unmatched.push(`${row.input}  | nyt name: ${row.name}`);
      continue;
    }
    recognised++;
    const food = byId.get(ours.food.id);
    if (food && agrees(food, row.name)) agreeing++;
    else disagreeing.push(`${row.input}  | nyt: ${row.name} | ours: ${ours.food.id}`);
  }

  const pageLines = loadPageLines();
  let pageRecognised = 0;
  const pageMisses: string[] = [];
  for (const line of pageLines) {
    if (parse(line).food) pageRecognised++;
    else pageMisses.push(line);
  }

  // Throughput reads only the inputs (every NYT line of both splits, and the pages), never the labels.
  const all = [...loadNyt().map((r) => r.input).filter((l) => l.trim() !== ''), ...pageLines];
  const rounds = Number(arg('--rounds') ?? 7);
  // Best of several rounds, in wall-clock time and in this process's CPU time (the latter
  // is what other work on a busy machine does not steal).
  const rate = (run: () => void): { wall: number; cpu: number } => {
    let wall = 0;
    let cpu = 0;
    for (let r = 0; r < rounds; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      run();
      const seconds = (performance.now() - t0) / 1000;
      const used = process.cpuUsage(c0);
      wall = Math.max(wall, all.length / seconds);
      cpu = Math.max(cpu, all.length / ((used.user + used.system) / 1e6));
    }
    return { wall: Math.round(wall), cpu: Math.round(cpu) };
  };
  const ours = rate(() => {
    const fresh = createIngredientParser(foods);
    for (const line of all) fresh(line);
  });
  const lib = rate(() => {
    for (const line of all) parseIngredient(line);
  });
  let warmRate = 0;
  const warm = createIngredientParser(foods);
  for (const line of pageLines) warm(line);
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const line of pageLines) warm(line);
    warmRate = Math.max(warmRate, pageLines.length / ((performance.now() - t0) / 1000));
  }

  const figures = {
    catalogFoods: foods.length,
    nyt: {
      split,
      lines: nyt.length,
      linesWithName: named,
      recognisedPct: pct(recognised, named),
      agreeingPctOfRecognised: pct(agreeing, recognised),
      quantityAgreementPct: { ours: pct(qtyOurs, nyt.length), parseIngredient: pct(qtyLib, nyt.length) },
      unitAgreementPct: { ours: pct(unitOurs, nyt.length), parseIngredient: pct(unitLib, nyt.length) },
    },
    recipePages: { englishLines: pageLines.length, recognisedPct: pct(pageRecognised, pageLines.length) },
    throughput: {
      lines: all.length,
      rounds,
      linesPerSecondUncached: ours.wall,
      linesPerCpuSecondUncached: ours.cpu,
      linesPerSecondMemoised: Math.round(warmRate),
      parseIngredientAlone: { linesPerSecond: lib.wall, linesPerCpuSecond: lib.cpu },
    },
  };
  console.log(JSON.stringify(figures, null, 2));
  const out = arg('--json');
  if (out) writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  if (misses > 0) {
    if (split !== 'dev') {
      console.error('measure-parser: examples are shown for the dev split only');
      return;
    }
    const show = (title: string, list: string[]) => {
      console.log(`\n## ${title} (${list.length})`);
      for (const l of list.slice(0, misses)) console.log(`  ${l}`);
    };
    show('NYT dev: no food', unmatched);
    show('NYT dev: food disagrees with name', disagreeing);
    show('NYT dev: quantity differs', qtyDiff);
    show('NYT dev: unit differs', unitDiff);
    show('Recipe pages: no food', pageMisses);
  }
}

main();
