/**
 * Browser-side benchmarks in real Chromium: startup of the built renderer to an
 * interactive week (empty database and the large library), recipe search
 * keypress-to-screen, backup export/restore beside a raw Dexie bulkPut, the
 * bundle size and the renderer's JS heap. See docs/PERFORMANCE.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { settingsToRows } from '../../src/core/backup';
import { addDays, daysBetween, weekStartOf } from '../../src/core/dates';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/browser';
import type { Library } from './generate';
import { fromSamples, round, type Timing } from './measure';
import { CONTENT_TYPES, CSP, cacheControl } from '../web-headers.mjs';
import { syncBenchmarks } from './sync';

const APP_OUT = '/tmp/tf-bench-app';
const PAGE_OUT = '/tmp/tf-bench-page';
const PORTS = [4451, 4452, 4453, 4454, 4455, 4456, 4457, 4458, 4459];
/** Last week of the generated history (bench.ts generates up to 2026-11-29). */
const LIBRARY_LAST_WEEK = '2026-11-23';
const WEEK_START_DAY = 1;

interface Options {
  root: string;
  quick: boolean;
  library: Library;
  backupText: string;
  /** Which browser steps to run (all when absent: startup, search, views, backup, sync): `--only=startup,search` for quicker repeated runs while profiling. */
  only?: ReadonlySet<string>;
}

/**
 * CPU time (user + system) of a process and each of its descendants, in
 * clock ticks by pid, read from /proc (Linux; empty elsewhere). On a loaded
 * machine wall time mostly measures waiting for a core; CPU time is what the
 * work costs.
 */
function treeTicks(rootPid: number | undefined): Map<number, number> {
  const result = new Map<number, number>();
  if (rootPid === undefined || !existsSync('/proc/self/stat')) return result;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we read.
    }
  }
  for (const [pid, stat] of stats) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = stats.get(at)?.parent) {
      if (at === rootPid) {
        result.set(pid, stat.ticks);
        break;
      }
    }
  }
  return result;
}

/** Starts a CPU clock over Chromium's processes; the returned function gives the CPU ms used since (NaN when /proc is missing). */
function cpuClock(rootPid: number | undefined): () => number {
  const before = treeTicks(rootPid);
  return () => {
    const after = treeTicks(rootPid);
    if (after.size === 0) return NaN;
    let ticks = 0;
    // Per process, so a renderer that exits meanwhile does not subtract its whole life.
    for (const [pid, now] of after) ticks += now - (before.get(pid) ?? 0);
    return ticks * 10;
  };
}

/** The Chromium that Playwright started as a child of this process. */
function chromiumPid(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const parent = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && comm.startsWith('chrom')) return Number(name);
    } catch {
      // The process ended while we read.
    }
  }
  return undefined;
}

function progress(message: string): void {
  process.stderr.write(`  browser: ${message}\n`);
}

/** Builds the renderer and the bench page into /tmp; BENCH_REUSE_BUILD=1 keeps an existing build (for repeated runs). */
function build(root: string): void {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(join(APP_OUT, 'index.html')) && existsSync(join(PAGE_OUT, 'index.html'))) return;
  const run = (args: string[], env: Record<string, string>) => {
    try {
      execFileSync('npx', args, { cwd: root, env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      throw new Error(`vite ${args.slice(2).join(' ')}: ${String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim()}`);
    }
  };
  run(['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'error'], { RENDERER_OUT: APP_OUT });
  run(['vite', 'build', '--config', 'scripts/bench/vite.bench.config.ts', '--logLevel', 'error'], { BENCH_PAGE_OUT: PAGE_OUT });
}

/** Serves /app/ (the built renderer), /bench/ (the bench page) and /data/ (rows from Node) on one origin, so both share IndexedDB. */
async function serve(data: Record<string, string>): Promise<{ server: Server; base: string }> {
  const roots: Record<string, string> = { app: APP_OUT, bench: PAGE_OUT };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [, top, ...rest] = pathname.split('/');
    if (top === 'data' && data[rest.join('/')] !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(data[rest.join('/')]);
      return;
    }
    const dir = roots[top];
    const file = dir ? normalize(join(dir, rest.join('/') || 'index.html')) : '';
    if (!dir || !file.startsWith(dir + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': cacheControl(pathname) });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  for (const port of PORTS) {
    const ok = await new Promise<boolean>((done) => {
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => done(true));
    });
    if (ok) return { server, base: `http://127.0.0.1:${port}` };
  }
  throw new Error(`no free port among ${PORTS.join(', ')}`);
}

/** The library with its meal history moved by whole weeks so its last week is the current week (the planner opens on today). */
function currentWeekRows(library: Library): { rows: string; weekMeals: number } {
  const today = new Date();
  const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const weekStart = weekStartOf(todayIso, WEEK_START_DAY);
  const shift = daysBetween(LIBRARY_LAST_WEEK, weekStart);
  const meals = shift === 0 ? library.meals : library.meals.map((meal) => ({ ...meal, date: addDays(meal.date, shift) }));
  const weekEnd = addDays(weekStart, 6);
  const weekMeals = meals.filter((meal) => meal.date >= weekStart && meal.date <= weekEnd).length;
  const settings = settingsToRows({ people: 2 });
  return { rows: JSON.stringify({ recipes: library.recipes, meals, foods: library.foods, shopping: library.shopping, settings }), weekMeals };
}

/**
 * Installed in every app page before its scripts run: after each DOM change,
 * at the next animation frame, logs what the week view shows. Startup is the
 * first frame from which the view no longer changes (week grid, meal names,
 * scores and sidebar all final), timed from navigation start.
 */
const READINESS_PROBE = `(() => {
  if (!location.pathname.startsWith('/app/')) return;
  const log = [];
  let pending = false;
  let lastMutation = 0;
  const snapshot = () => {
    const grid = document.querySelector('.grid[role="region"]');
    const main = document.querySelector('main');
    return {
      key: main ? main.textContent : '',
      meals: grid ? grid.querySelectorAll('.meal').length : -1,
      empty: !!document.querySelector('[data-testid="empty-week"]'),
    };
  };
  const observer = new MutationObserver(() => {
    lastMutation = performance.now();
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      log.push({ t: performance.now(), ...snapshot() });
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  window.thirtyfoldStartup = {
    lastMutation: () => lastMutation,
    /** Stops watching (its snapshots would otherwise be timed inside later measures). */
    stop: () => observer.disconnect(),
    readyAt(meals) {
      const now = snapshot();
      if (now.meals !== meals || (meals === 0 && !now.empty)) return null;
      let at = null;
      for (let i = log.length - 1; i >= 0 && log[i].key === now.key; i--) at = log[i].t;
      return at;
    },
  };
})();`;

/**
 * Waits until the startup probe of `page` answers `until` (a JavaScript
 * expression), asking every 100 ms through a bare CDP `Runtime.evaluate`:
 * Playwright's own waiting would first inject its helper script into the page,
 * tens of milliseconds of main-thread work inside the very startup measured.
 */
async function probe<T>(cdp: CDPSession, expression: string, until: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`startup probe: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    const value = result.value as T;
    if (until(value)) return value;
    if (Date.now() > deadline) throw new Error(`startup probe: no answer to ${expression} within 120 s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const readyAt = (meals: number) => `window.thirtyfoldStartup ? window.thirtyfoldStartup.readyAt(${meals}) : null`;

/** Opens the app in `page` and resolves once the week with `meals` meals is first seen ready. */
async function openUntilReady(page: Page, base: string, meals: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${base}/app/?starter=0#/plan`);
  await probe<number | null>(cdp, readyAt(meals), (value) => value !== null);
  return cdp;
}

/**
 * Opens the app in a fresh page of `context` and returns ms from navigation
 * start to the settled, interactive week, and the CPU ms all of Chromium used
 * until the week was first seen ready.
 */
async function startupOnce(context: BrowserContext, base: string, meals: number, pid?: number): Promise<{ ms: number; cpuMs: number; page: Page }> {
  const page = await context.newPage();
  const cpuSince = cpuClock(pid);
  const cdp = await openUntilReady(page, base, meals);
  const cpuMs = cpuSince();
  // Quiet for 750 ms: nothing left to render.
  await probe<boolean>(cdp, 'performance.now() - window.thirtyfoldStartup.lastMutation() > 750', (quiet) => quiet);
  const ms = await probe<number | null>(cdp, readyAt(meals), () => true);
  await cdp.detach();
  if (ms === null) throw new Error('the week view changed back after it was ready');
  return { ms, cpuMs, page };
}

/**
 * Records a Chromium trace (for DevTools' Performance panel) of `work` in
 * `page` through CDP's Tracing domain, into `file`.
 */
async function traced(page: Page, categories: string[], file: string, work: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (event) => done(event.stream ?? '')));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReturnAsStream' });
  await work();
  await cdp.send('Tracing.end');
  const stream = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  writeFileSync(file, chunks.join(''));
  await cdp.detach();
}

const STARTUP_TRACE = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'navigation', 'IndexedDB'];

/** One startup under Chromium's CPU profiler (CDP Profiler), written as a .cpuprofile for Chrome DevTools. */
async function profiledStartup(context: BrowserContext, base: string, meals: number, file: string): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await (await openUntilReady(page, base, meals)).detach();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  await cdp.detach();
  await page.close();
  // One more startup under Chromium's tracing (DevTools' Performance panel): script, style, layout, paint, loading and IndexedDB.
  const tracedPage = await context.newPage();
  await traced(tracedPage, STARTUP_TRACE, file.replace(/\.cpuprofile$/, '.trace.json'), async () => {
    await (await openUntilReady(tracedPage, base, meals)).detach();
  });
  await tracedPage.close();
}

/**
 * Empties what the app remembers between sessions to start faster (its week
 * views and crops: src/state/derived-cache.ts), from another page of the same
 * origin. The app keeps nothing else in local storage (see the README).
 */
async function forgetRemembered(context: BrowserContext, base: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/bench/`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

/**
 * `runs` measured startups after `warmups` unmeasured ones (whose times are
 * returned apart); with `forget`, the app's remembered views are emptied
 * before each, as on a start after the week or its recipes changed.
 */
async function startupRuns(
  context: BrowserContext,
  base: string,
  meals: number,
  runs: number,
  options: { pid?: number; warmups?: number; forget?: boolean } = {},
): Promise<{ wall: number[]; cpu: number[]; warmups: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const warmups: number[] = [];
  const skip = options.warmups ?? 1;
  for (let i = 0; i < skip + runs; i++) {
    const run = i < skip ? `warm-up ${i + 1} of ${skip}` : `run ${i + 1 - skip} of ${runs}`;
    progress(`startup with ${meals} meals this week${options.forget ? ', nothing remembered' : ''}, ${run}`);
    if (options.forget) await forgetRemembered(context, base);
    const { ms, cpuMs, page } = await startupOnce(context, base, meals, options.pid);
    await page.close();
    if (i < skip) warmups.push(ms);
    else {
      wall.push(ms);
      cpu.push(cpuMs);
    }
  }
  return { wall, cpu, warmups };
}

function median(values: number[]): number {
  return fromSamples('', values).medianMs;
}

/** JS heap of the page after a full garbage collection, in MiB (CDP Performance.getMetrics). */
async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
  return round(used / 1024 ** 2, 1);
}

interface SearchWindow {
  thirtyfoldSearch: { arm(): void; result: Promise<number | null> | null };
}

/** In the Recipes view: from a key's keydown to the frame after the view's DOM changed (MutationObserver, then rAF, then a task). */
const SEARCH_PROBE = `(() => {
  const probe = {
    result: null,
    arm() {
      probe.result = new Promise((resolve) => {
        const main = document.querySelector('main');
        let start = -1;
        let done = false;
        const observer = new MutationObserver(() => {
          if (start < 0) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => finish(performance.now() - start);
            channel.port2.postMessage(0);
          });
        });
        const finish = (value) => {
          if (done) return;
          done = true;
          observer.disconnect();
          resolve(value);
        };
        const onKeydown = (event) => {
          start = event.timeStamp;
          window.removeEventListener('keydown', onKeydown, true);
        };
        window.addEventListener('keydown', onKeydown, true);
        if (main) observer.observe(main, { childList: true, subtree: true, characterData: true });
        setTimeout(() => finish(null), 5000);
      });
    },
  };
  window.thirtyfoldSearch = probe;
})();`;

async function searchSamples(page: Page, queries: string[], pid?: number): Promise<{ samples: number[]; cpu: number[]; unchanged: number; keys: string[] }> {
  await page.evaluate(() => {
    location.hash = '#/recipes';
  });
  const box = page.getByRole('searchbox', { name: 'Search recipes' });
  await box.waitFor({ timeout: 60_000 });
  await page.locator('#recipe-results li').first().waitFor({ timeout: 60_000 });
  // Let the background reading of every recipe's ingredients finish: typing is measured on a settled library.
  await page.waitForFunction(() => !document.querySelector('[data-testid="recipe-count"] .progress'), undefined, { timeout: 900_000, polling: 250 });
  await page.evaluate(() => (window as unknown as { thirtyfoldStartup?: { stop(): void } }).thirtyfoldStartup?.stop());
  await page.evaluate(SEARCH_PROBE);
  const samples: number[] = [];
  const cpu: number[] = [];
  const keys: string[] = [];
  let unchanged = 0;
  for (const query of queries) {
    await box.fill('');
    await page.waitForTimeout(300);
    await box.focus();
    for (const [i, key] of [...query].entries()) {
      await page.evaluate(() => (window as unknown as SearchWindow).thirtyfoldSearch.arm());
      const cpuSince = cpuClock(pid);
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      const ms = await page.evaluate(() => (window as unknown as SearchWindow).thirtyfoldSearch.result);
      const typed = query.slice(0, i + 1).replace(/ /g, '␣');
      if (ms === null) unchanged += 1;
      else {
        samples.push(ms);
        cpu.push(cpuSince());
      }
      keys.push(`${typed}:${ms === null ? 'same' : Math.round(ms)}`);
      await page.waitForTimeout(100);
    }
  }
  return { samples, cpu, unchanged, keys };
}

/**
 * From a started app (the planner's week drawn), goes to `hash` and returns
 * ms until the frame after `selector` first matches (then a task, as for a
 * search key): the time to open that view, its chunk and its data included.
 */
async function openView(page: Page, hash: string, selector: string): Promise<number> {
  await page.evaluate(() => (window as unknown as { thirtyfoldStartup?: { stop(): void } }).thirtyfoldStartup?.stop());
  // A string, as the other probes: the bundler's helpers for named functions do not exist in the page.
  return page.evaluate(`new Promise((resolve, reject) => {
    const start = performance.now();
    location.hash = ${JSON.stringify(hash)};
    const check = () => {
      if (document.querySelector(${JSON.stringify(selector)})) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(0);
      } else if (performance.now() - start > 120000) reject(new Error('not shown within 120 s'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`) as Promise<number>;
}

/** Opens `view` from a fresh start under Chromium's CPU profiler (CDP Profiler), and once more under its tracing. */
async function profiledView(context: BrowserContext, base: string, meals: number, view: { hash: string; selector: string }, file: string): Promise<void> {
  const page = (await startupOnce(context, base, meals)).page;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await openView(page, view.hash, view.selector);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  await cdp.detach();
  await page.close();
  const tracedPage = (await startupOnce(context, base, meals)).page;
  await traced(tracedPage, STARTUP_TRACE, file.replace(/\.cpuprofile$/, '.trace.json'), async () => {
    await openView(tracedPage, view.hash, view.selector);
  });
  await tracedPage.close();
}

/** Types `query` into the search box (already on the Recipes view) under Chromium's CPU profiler. */
async function profiledSearch(page: Page, query: string, file: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search recipes' });
  await box.fill('');
  await page.waitForTimeout(300);
  await box.focus();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (const key of query) {
    await page.keyboard.press(key);
    await page.waitForTimeout(100);
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  await cdp.detach();
  // The same keys again under Chromium's tracing (open in DevTools' Performance panel): style, layout and paint per key.
  await box.fill('');
  await page.waitForTimeout(300);
  await box.focus();
  await traced(page, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'], file.replace(/\.cpuprofile$/, '.trace.json'), async () => {
    for (const key of query) {
      await page.keyboard.press(key);
      await page.waitForTimeout(100);
    }
  });
}

/** Raw and gzip sizes of the built renderer's files, in KiB. */
function bundleSizes(): Record<string, number> {
  const sizes: Record<string, number> = { jsKiB: 0, jsGzipKiB: 0, cssKiB: 0, cssGzipKiB: 0, jsonKiB: 0, jsonGzipKiB: 0, totalKiB: 0, totalGzipKiB: 0 };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {
        walk(file);
        continue;
      }
      const body = readFileSync(file);
      const raw = body.length / 1024;
      const gzip = gzipSync(body, { level: 9 }).length / 1024;
      const kind = extname(name).slice(1);
      if (kind === 'js' || kind === 'css' || kind === 'json') {
        sizes[`${kind}KiB`] += raw;
        sizes[`${kind}GzipKiB`] += gzip;
      }
      sizes.totalKiB += raw;
      sizes.totalGzipKiB += gzip;
    }
  };
  walk(APP_OUT);
  // What the first view loads: the files index.html names (entry script, module preloads, styles, preloaded catalog).
  const html = readFileSync(join(APP_OUT, 'index.html'), 'utf8');
  sizes.startupJsKiB = 0;
  sizes.startupJsGzipKiB = 0;
  for (const [, href] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)) {
    const body = readFileSync(join(APP_OUT, href));
    sizes.startupJsKiB += body.length / 1024;
    sizes.startupJsGzipKiB += gzipSync(body, { level: 9 }).length / 1024;
  }
  return Object.fromEntries(Object.entries(sizes).map(([key, value]) => [key, round(value, 1)]));
}

/**
 * Browser-side benchmarks; null (with a message) when Chromium or the build is
 * not available, so the Node figures still come out.
 */
export async function browserBenchmarks(options: Options): Promise<{ timings: Timing[]; figures: Record<string, number | string> } | null> {
  const { root, quick, library } = options;
  const wants = (step: 'startup' | 'search' | 'views' | 'backup' | 'sync') => !options.only || options.only.has(step);
  try {
    progress('building the renderer and the bench page');
    build(root);
  } catch (error) {
    console.error(`Browser benchmarks skipped: the build failed (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
  progress('built the renderer and the bench page');
  const { rows, weekMeals } = currentWeekRows(library);
  const { server, base } = await serve({ 'rows.json': rows });
  // A profile of its own, as the desktop app has: IndexedDB in files, and Chromium keeps the scripts' compiled code
  // between starts (an off-the-record context keeps neither). It lives on a RAM disk when there is one
  // (BENCH_PROFILE_ROOT overrides), so that a virtual machine's slow disk does not stand in for a computer's SSD.
  const profileRoot = process.env.BENCH_PROFILE_ROOT ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  const profile = mkdtempSync(join(profileRoot, 'tf-bench-profile-'));
  progress(`Chromium profile in ${profile}`);
  const context = await chromium
    .launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } })
    .catch((error: Error) => {
      console.error(`Browser benchmarks skipped: Chromium did not start (${error.message.split('\n')[0]})`);
      return null;
    });
  if (!context) {
    server.close();
    rmSync(profile, { recursive: true, force: true });
    return null;
  }
  const pid = chromiumPid();
  const runs = quick ? { startup: 2, forgotten: 1, views: 1, backup: 1 } : { startup: 12, forgotten: 6, views: 6, backup: 3 };
  const queries = quick ? ['kal'] : ['chickpea', 'smoky kale', 'garlic', 'lentil soup', 'tomato', 'oat'];
  const cpuNote = (values: number[]) => (Number.isNaN(median(values)) ? undefined : `Chromium CPU ${Math.round(median(values))} ms (median)`);
  const timings: Timing[] = [];
  const figures: Record<string, number | string> = {};
  // BENCH_PROFILE_DIR=folder also writes Chromium CPU profiles of one startup (empty and large), of typing a search and of opening each view.
  const profileDir = process.env.BENCH_PROFILE_DIR;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  try {
    await context.addInitScript({ content: READINESS_PROBE });
    // Pages the persistent context opened with itself are not fresh starts.
    await Promise.all(context.pages().map((page) => page.close()));

    // Two unmeasured starts: on the first Chromium has no compiled code of the scripts yet; it keeps it from the second on.
    const empty = await startupRuns(context, base, 0, wants('startup') ? runs.startup : 0, { pid, warmups: 2 });
    figures.startupFirstEverMs = round(empty.warmups[0] ?? NaN, 0);
    const emptyTiming = fromSamples('startup to interactive week, empty database', empty.wall, 1000, cpuNote(empty.cpu));
    if (profileDir) await profiledStartup(context, base, 0, join(profileDir, 'startup-empty.cpuprofile'));
    const probe = await startupOnce(context, base, 0);
    figures.heapEmptyMiB = await heapMiB(probe.page);
    await probe.page.close();

    const benchPage = await context.newPage();
    await benchPage.goto(`${base}/bench/`);
    await benchPage.waitForFunction(() => 'thirtyfoldBench' in window);
    figures.seedBulkPutMs = round(await benchPage.evaluate((url) => window.thirtyfoldBench.seed(url), `${base}/data/rows.json`), 1);
    await benchPage.evaluate(() => window.thirtyfoldBench.close());
    // A library this device has not read yet: no complete pass of line readings was made over it (the empty starts made one).
    await benchPage.evaluate(() => localStorage.removeItem('thirtyfold.parsed-with.v1'));
    await benchPage.close();

    // Once per catalog on a device, the app stores every recipe's reading of its lines in idle moments
    // (src/state/reparse.svelte.ts). The first start on the library is left open until that pass is complete (timed from
    // the start, with Chromium's CPU); what is measured after it meets the library as a user does from then on.
    const passStarted = performance.now();
    const passCpu = cpuClock(pid);
    const first = await startupOnce(context, base, weekMeals);
    // The first start on the library: nothing remembered of its week.
    figures.startupLargeFirstMs = round(first.ms, 0);
    const warm = first.page;
    await warm.waitForFunction(() => localStorage.getItem('thirtyfold.parsed-with.v1'), undefined, { timeout: 600_000, polling: 250 });
    figures.reparseLibraryMs = round(performance.now() - passStarted, 0);
    figures.reparseLibraryCpuMs = round(passCpu(), 0);
    await warm.close();

    // One more unmeasured start on the library; the measured ones show the week as it was left.
    const large = await startupRuns(context, base, weekMeals, wants('startup') ? runs.startup : 0, { pid, warmups: 1 });
    const largeTiming = fromSamples(`startup to interactive week, ${library.recipes.length} recipes`, large.wall, 1000, cpuNote(large.cpu));
    // Starts on the library after the week or its recipes changed: nothing remembered, the week worked out from scratch.
    const forgot = await startupRuns(context, base, weekMeals, wants('startup') ? runs.forgotten : 0, { pid, warmups: 0, forget: true });
    const forgotTiming = fromSamples(
      `startup to interactive week, ${library.recipes.length} recipes, nothing remembered`,
      forgot.wall,
      undefined,
      cpuNote(forgot.cpu),
    );
    if (wants('startup')) timings.push(emptyTiming, largeTiming, forgotTiming);
    figures.startupWeekMeals = weekMeals;
    figures.startupLargeVsEmpty = round(largeTiming.medianMs / emptyTiming.medianMs, 2);
    figures.startupEmptyCpuMs = round(median(empty.cpu), 0);
    figures.startupLargeCpuMs = round(median(large.cpu), 0);
    figures.startupLargeVsEmptyCpu = round(median(large.cpu) / median(empty.cpu), 2);

    if (profileDir) await profiledStartup(context, base, weekMeals, join(profileDir, 'startup-large.cpuprofile'));
    const page = (await startupOnce(context, base, weekMeals)).page;
    figures.heapLargeMiB = await heapMiB(page);
    if (wants('search')) {
      progress('recipe search');
      const search = await searchSamples(page, queries, pid);
      timings.push(fromSamples(`recipe search, keypress to screen (${library.recipes.length} recipes)`, search.samples, 50, cpuNote(search.cpu)));
      figures.searchKeysWithoutChange = search.unchanged;
      figures.searchPerKeyMs = search.keys.join(' ');
      figures.heapAfterSearchMiB = await heapMiB(page);
      if (profileDir) await profiledSearch(page, 'smoky kale', join(profileDir, 'search.cpuprofile'));
    }
    await page.close();

    if (wants('views')) {
      // Each from a fresh start on the library's week: the view's chunk, its data and its first drawing, cold.
      const views = [
        { name: 'open the shopping list', hash: '#/shopping', selector: 'section.aisle' },
        { name: 'open the scores review', hash: '#/scores', selector: '[data-testid="scores-rainbow"]' },
      ];
      for (const view of views) {
        const samples: number[] = [];
        const cpu: number[] = [];
        for (let run = 1; run <= runs.views; run++) {
          progress(`${view.name}, ${run}`);
          const started = (await startupOnce(context, base, weekMeals)).page;
          const cpuSince = cpuClock(pid);
          samples.push(await openView(started, view.hash, view.selector));
          cpu.push(cpuSince());
          await started.close();
        }
        timings.push(fromSamples(`${view.name} (${library.recipes.length} recipes)`, samples, undefined, cpuNote(cpu)));
        if (profileDir) await profiledView(context, base, weekMeals, view, join(profileDir, `view-${view.hash.slice(2)}.cpuprofile`));
      }
    }

    let restoreMedianMs: number | null = null;
    if (wants('backup')) {
      const backupPage = await context.newPage();
      await backupPage.goto(`${base}/bench/`);
      await backupPage.waitForFunction(() => 'thirtyfoldBench' in window);
      progress('backup export and restore');
      const exportMs: number[] = [];
      const restoreMs: number[] = [];
      const rawMs: number[] = [];
      const cpu = { export: [] as number[], restore: [] as number[], raw: [] as number[] };
      const withCpu = async <T>(step: () => Promise<T>): Promise<{ value: T; cpuMs: number }> => {
        const cpuSince = cpuClock(pid);
        const value = await step();
        return { value, cpuMs: cpuSince() };
      };
      for (let i = 0; i <= runs.backup; i++) {
        const exported = await withCpu(() => backupPage.evaluate(() => window.thirtyfoldBench.exportBackup()));
        const restored = await withCpu(() => backupPage.evaluate(() => window.thirtyfoldBench.restoreBackup()));
        const raw = await withCpu(() => backupPage.evaluate(() => window.thirtyfoldBench.rawBulkPut()));
        figures.backupExportBytes = exported.value.bytes;
        if (i === 0) continue;
        exportMs.push(exported.value.ms);
        restoreMs.push(restored.value);
        rawMs.push(raw.value);
        cpu.export.push(exported.cpuMs);
        cpu.restore.push(restored.cpuMs);
        cpu.raw.push(raw.cpuMs);
      }
      const counts = await backupPage.evaluate(() => window.thirtyfoldBench.counts());
      if (counts.recipes !== library.recipes.length || counts.meals !== library.meals.length) {
        throw new Error(`the database holds ${counts.recipes} recipes and ${counts.meals} meals after the backup runs`);
      }
      const exportTiming = fromSamples('backup export in Chromium (dump + build JSON)', exportMs, 3000, cpuNote(cpu.export));
      const restoreTiming = fromSamples('backup restore in Chromium (parse + validate + replace)', restoreMs, 3000, cpuNote(cpu.restore));
      const rawTiming = fromSamples('raw Dexie bulkPut of the same rows', rawMs, undefined, cpuNote(cpu.raw));
      timings.push(exportTiming, restoreTiming, rawTiming);
      figures.backupExportVsBulkPut = round(exportTiming.medianMs / rawTiming.medianMs, 2);
      figures.backupRestoreVsBulkPut = round(restoreTiming.medianMs / rawTiming.medianMs, 2);
      figures.backupExportVsBulkPutCpu = round(median(cpu.export) / median(cpu.raw), 2);
      figures.backupRestoreVsBulkPutCpu = round(median(cpu.restore) / median(cpu.raw), 2);
      restoreMedianMs = restoreTiming.medianMs;
      await backupPage.close();
    }

    if (wants('sync')) {
      const sync = await syncBenchmarks({
        context,
        base,
        quick,
        weekMeals,
        recipes: library.recipes.length,
        meals: library.meals.length,
        restoreMs: restoreMedianMs,
        backupBytes: Number(figures.backupExportBytes ?? options.backupText.length),
        startup: (meals) => startupOnce(context, base, meals, pid),
        progress,
        cpuClock: () => cpuClock(pid),
        profileDir,
      });
      timings.push(...sync.timings);
      Object.assign(figures, sync.figures);
    }
    for (const [key, value] of Object.entries(bundleSizes())) figures[`bundle${key[0].toUpperCase()}${key.slice(1)}`] = value;
    const versionPage = await context.newPage();
    const cdp = await context.newCDPSession(versionPage);
    figures.chromiumVersion = (await cdp.send('Browser.getVersion')).product;
    await versionPage.close();
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return { timings, figures };
}
