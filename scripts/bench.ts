/**
 * `npm run bench`: measures Thirtyfold's speed at scale against the budgets of
 * DESIGN.md and writes bench-results/bench.json. `--quick` runs tiny sizes as a
 * smoke test (CI), whose figures mean nothing. See docs/PERFORMANCE.md.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseIngredient } from 'parse-ingredient';
import { buildBackup, parseBackup } from '../src/core/backup';
import { addDays } from '../src/core/dates';
import { buildAliasIndex, createIngredientParser, parseLineWith } from '../src/core/ingredients';
import { readPlanFile } from '../src/core/plan/plan-file';
import { resolveMeals } from '../src/core/plan/resolve';
import { buildSearchIndex, searchRecipes } from '../src/core/recipes/search-index';
import { lineTexts } from '../src/core/recipes/lines';
import { scoreWeekMeals } from '../src/core/scoring';
import { buildShoppingList } from '../src/core/shopping';
import { AISLES, type Food, type Meal, type Member, type Recipe } from '../src/core/types';
import { generateLibrary } from './bench/generate';
import { parseCsv } from './catalog/build';
import { round, table, time, type Timing } from './bench/measure';
import { browserBenchmarks } from './bench/browser';

const root = resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const skipBrowser = process.argv.includes('--no-browser');
// --only=startup,search,views,backup,sync: just those browser steps (the Node figures still run).
// --only=parse,score: just those Node steps, and nothing else.
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const NODE_STEPS = new Set(['parse', 'score']);
const nodeOnly = only !== undefined && [...only].every((step) => NODE_STEPS.has(step));
const wantsNode = (step: string) => !nodeOnly || only.has(step);
const size = quick ? { recipes: 300, weeks: 8, runs: 3, parseLines: 2000 } : { recipes: 10_000, weeks: 104, runs: 30, parseLines: 20_000 };

const catalog = JSON.parse(readFileSync(resolve(root, 'resources/foods/catalog.json'), 'utf8')) as Food[];
const starter = JSON.parse(readFileSync(resolve(root, 'resources/starter/recipes.json'), 'utf8')) as { recipes: (Omit<Recipe, 'ingredients'> & { ingredients: string[] })[] };
const example = readPlanFile(readFileSync(resolve(root, 'resources/starter/example-week.json'), 'utf8'));
const byId = new Map(catalog.map((food) => [food.id, food]));
const lookup = (id: string) => byId.get(id);

function corpusLines(): { lines: string[]; source: string } {
  const nyt = resolve(root, '../shared/data/nyt-ingredients/nyt-ingredients-snapshot-2015-last10pct.csv');
  if (existsSync(nyt)) {
    const lines = parseCsv(readFileSync(nyt, 'utf8'))
      .slice(1)
      .map((row) => row[0] ?? '')
      .filter((line) => line.trim().length > 0);
    return { lines: [...new Set(lines)].slice(0, size.parseLines), source: 'NYT ingredient lines (unique)' };
  }
  const lines = starter.recipes.flatMap((r) => r.ingredients);
  return { lines, source: 'starter library lines' };
}

const loadAtStart = loadavg().map((value) => round(value, 2));

function machine() {
  const [load1, load5, load15] = loadavg().map((value) => round(value, 2));
  let chromium = 'not found';
  try {
    chromium = execSync('chromium --version', { encoding: 'utf8' }).trim();
  } catch {
    /* no Chromium: browser figures are skipped */
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    chromium,
    loadAverageAtStart: { load1: loadAtStart[0], load5: loadAtStart[1], load15: loadAtStart[2] },
    loadAverageAtEnd: { load1, load5, load15 },
    date: new Date().toISOString(),
  };
}

const timings: Timing[] = [];

/** `time`, with the mean CPU time per run (this process) as the note: on a loaded machine wall time mostly measures waiting for a core. */
function timeCpu(name: string, fn: () => unknown, options: { runs?: number; warmup?: number; budgetMs?: number } = {}): Timing {
  const before = process.cpuUsage();
  const timing = time(name, fn, options);
  const used = process.cpuUsage(before);
  const perRun = (used.user + used.system) / 1000 / (timing.runs + (options.warmup ?? 3));
  return { ...timing, note: `CPU ${perRun < 10 ? perRun.toFixed(2) : Math.round(perRun)} ms/run (mean)` };
}
const figures: Record<string, number | string> = {};

// Parsing throughput: our parse + match, beside plain parse-ingredient on the same lines.
if (wantsNode('parse')) {
  const { lines: parseLines, source } = corpusLines();
  const aliasIndex = buildAliasIndex(catalog);
  // CPU time beside wall time: on a loaded machine the process gets a fraction of a core, and CPU time is what a quiet one would take.
  const cpuMs = (fn: () => Timing): { timing: Timing; cpuMsPerRun: number } => {
    const before = process.cpuUsage();
    const timing = fn();
    const used = process.cpuUsage(before);
    return { timing, cpuMsPerRun: (used.user + used.system) / 1000 / (timing.runs + 1) };
  };
  const parseCpu = cpuMs(() => time('parse + match all lines', () => parseLines.forEach((line) => parseLineWith(aliasIndex, line)), { runs: quick ? 2 : 7, warmup: 1 }));
  const plainCpu = cpuMs(() => time('parse-ingredient alone, same lines', () => parseLines.forEach((line) => parseIngredient(line)), { runs: quick ? 2 : 7, warmup: 1 }));
  const parseRun = { ...parseCpu.timing, note: `CPU ${Math.round(parseCpu.cpuMsPerRun)} ms/run (mean)` };
  const plainRun = { ...plainCpu.timing, note: `CPU ${Math.round(plainCpu.cpuMsPerRun)} ms/run (mean)` };
  timings.push(parseRun, plainRun);
  figures.parseLines = parseLines.length;
  figures.parseSource = source;
  figures.parseLinesPerSecond = Math.round(parseLines.length / (parseRun.medianMs / 1000));
  figures.plainLinesPerSecond = Math.round(parseLines.length / (plainRun.medianMs / 1000));
  figures.parseVsPlainRatio = round(figures.parseLinesPerSecond / figures.plainLinesPerSecond, 2);
  figures.parseLinesPerCpuSecond = Math.round(parseLines.length / (parseCpu.cpuMsPerRun / 1000));
  figures.plainLinesPerCpuSecond = Math.round(parseLines.length / (plainCpu.cpuMsPerRun / 1000));
}

// Week score through the one scorer (household and each member): the example week (typical) for its household
// of two adults at every meal, the same week for two adults and a child at half a portion with one adult away at
// the weekday lunches (four scorings: the household and three members who each eat differently), and each ten times over.
const parse = createIngredientParser(catalog);
const exampleRecipes = new Map(example.recipes.map((r) => [r.id, r]));
const weekStart = example.weekStart ?? '2026-11-23';
const weekdays = new Set(Array.from({ length: 5 }, (_, i) => addDays(weekStart, i)));
const family: Member[] = [
  { id: 'ana', name: 'Ana', portion: 1, fiberTarget: 25, ageBand: '19-50', sex: 'female', order: 1 },
  { id: 'ben', name: 'Ben', portion: 1, fiberTarget: 38, ageBand: '19-50', sex: 'male', order: 2 },
  { id: 'cleo', name: 'Cleo', portion: 0.5, fiberTarget: 20, ageBand: '4-8', sex: 'unspecified', order: 3 },
];
const benAway = (meals: Meal[]) => meals.map((m) => (m.slot === 'lunch' && weekdays.has(m.date) ? { ...m, eaters: ['ana', 'cleo'] } : m));
const scoreOf = (meals: Meal[], members: readonly Member[] = example.members ?? []) =>
  scoreWeekMeals({ weekStart, meals, recipes: exampleRecipes }, { parse, foods: lookup, members });
const tenfold = Array.from({ length: 10 }, (_, k) => example.meals.map((m) => ({ ...m, id: `${m.id}-${k}` }))).flat();
if (wantsNode('score')) {
  figures.typicalWeekMeals = example.meals.length;
  figures.typicalWeekLines = resolveMeals(example.meals, exampleRecipes, parse, lookup).length;
  timings.push(timeCpu('score a typical week (resolve + score, 2 adults)', () => scoreOf(example.meals), { runs: size.runs * 10, budgetMs: 2 }));
  timings.push(timeCpu('score a 10x week (2 adults)', () => scoreOf(tenfold), { runs: size.runs * 3, budgetMs: 16 }));
  const away = benAway(example.meals);
  const tenfoldAway = benAway(tenfold);
  timings.push(timeCpu('score a typical week, 2 adults + child, 1 away at lunches', () => scoreOf(away, family), { runs: size.runs * 10, budgetMs: 2 }));
  timings.push(timeCpu('score a 10x week, 2 adults + child, 1 away', () => scoreOf(tenfoldAway, family), { runs: size.runs * 3, budgetMs: 16 }));
}

if (nodeOnly) {
  console.log(table(timings));
  console.log('\nFigures:');
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
  console.log('\nMachine:', JSON.stringify(machine()));
  process.exit(0);
}

// The large library.
const library = generateLibrary({
  seed: 30,
  recipes: size.recipes,
  weeks: size.weeks,
  endDate: '2026-11-29',
  catalog,
  lines: starter.recipes.flatMap((r) => r.ingredients),
});
figures.libraryRecipes = library.recipes.length;
figures.libraryMeals = library.meals.length;
const libraryById = new Map(library.recipes.map((r) => [r.id, r]));

// Shopping list for 7, 50 and 200 recipes (one meal each, household of 2).
for (const count of [7, 50, 200]) {
  const meals: Meal[] = library.recipes.slice(0, count).map((r, i) => ({ id: `s${i}`, date: addDays('2026-11-23', i % 7), slot: 'dinner', recipe: r.id, food: null, servings: 2 }));
  resolveMeals(meals, libraryById, parse, lookup);
  timings.push(
    timeCpu(`shopping list, ${count} recipes`, () => buildShoppingList({ lines: resolveMeals(meals, libraryById, parse, lookup) }, lookup, parse, { aisleOrder: AISLES, units: 'metric' }), {
      runs: size.runs,
      ...(count === 200 ? { budgetMs: 16 } : {}),
    }),
  );
}

// Recipe search over the library (core part; keypress-to-screen is measured in the browser).
const docs = library.recipes.map((r) => ({ id: r.id, name: r.name, ingredients: lineTexts(r.ingredients), plants: [] as string[] }));
timings.push(timeCpu(`build search index, ${docs.length} recipes`, () => buildSearchIndex(docs), { runs: quick ? 2 : 5, warmup: 1 }));
const searchIndex = buildSearchIndex(docs);
for (const query of ['k', 'kale', 'smoky lentil', 'chick']) {
  timings.push(timeCpu(`search "${query}"`, () => searchRecipes(searchIndex, query), { runs: size.runs }));
}

// Backup format over the library (core part; restore into IndexedDB is measured in the browser).
const backupInput = { recipes: library.recipes, meals: library.meals, foods: library.foods, settings: { people: 2 }, shopping: library.shopping };
const backupText = buildBackup(backupInput, { appVersion: 'bench', exportedAt: '2026-11-29T12:00:00.000Z' });
figures.backupBytes = backupText.length;
timings.push(timeCpu('backup: build JSON of the library', () => buildBackup(backupInput, { appVersion: 'bench', exportedAt: '2026-11-29T12:00:00.000Z' }), { runs: quick ? 2 : 5, warmup: 1 }));
timings.push(timeCpu('backup: parse + validate the library', () => parseBackup(backupText), { runs: quick ? 2 : 5, warmup: 1 }));

const browser = skipBrowser ? null : await browserBenchmarks({ root, quick, library, backupText, only });
if (browser) {
  timings.push(...browser.timings);
  Object.assign(figures, browser.figures);
}

const result = { machine: machine(), quick, sizes: size, figures, timings };
mkdirSync(resolve(root, 'bench-results'), { recursive: true });
writeFileSync(resolve(root, `bench-results/bench${quick ? '-quick' : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(table(timings));
console.log('\nFigures:');
for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
console.log('\nMachine:', JSON.stringify(result.machine));
if (quick) console.log('\n(--quick: tiny sizes for a smoke test; these figures are not the benchmark.)');
