/**
 * Household sync benchmarks in real Chromium against a real sync server on
 * 127.0.0.1: the first sync of the library to an empty device beside a restore
 * of its backup, one edit on one device until it is on the other's screen, the
 * size of the household doc beside the backup, and the app's startup on the
 * library with sync on and off. See docs/PERFORMANCE.md.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BrowserContext, Page } from '@playwright/test';
import { newHouseholdKey, type HouseholdKey } from '../../src/sync/code';
import type { HouseholdConfig } from '../../src/sync/household';
import { startSyncServer } from '../../src/sync/server/server';
import { fromSamples, round, type Timing } from './measure';

export interface SyncBenchOptions {
  context: BrowserContext;
  base: string;
  quick: boolean;
  /** Meals in the current week of the library (the startup's readiness check). */
  weekMeals: number;
  recipes: number;
  meals: number;
  /** Median ms of the app's backup restore of the same library, when it was measured. */
  restoreMs: number | null;
  /** Bytes of the library's backup file. */
  backupBytes: number;
  /** Opens the app in a fresh page and resolves once its week is settled; the ms from navigation start and the page. */
  startup: (meals: number) => Promise<{ ms: number; cpuMs: number; page: Page }>;
  progress: (message: string) => void;
  /** Starts a CPU clock over Chromium's processes; the returned function gives the CPU ms used since. */
  cpuClock?: () => () => number;
  /** A folder for Chromium CPU profiles of one first sync and of the app during the first edits (BENCH_PROFILE_DIR). */
  profileDir?: string;
}

type Bench = Window['thirtyfoldBench'];

async function benchPage(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/bench/`);
  await page.waitForFunction(() => 'thirtyfoldBench' in window);
  return page;
}

/** Today in this machine's time zone, as the app's planner opens on it. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Installed in the app page: `arm(text)` starts watching the week grid, and
 * `seen` resolves with the epoch ms (performance.timeOrigin based, the same
 * clock as the other page's) of the first frame whose grid shows `text`.
 */
const SEEN_PROBE = `(() => {
  window.thirtyfoldSeen = {
    seen: null,
    arm(text) {
      window.thirtyfoldSeen.seen = new Promise((resolve) => {
        let done = false;
        const finish = (value) => {
          if (done) return;
          done = true;
          observer.disconnect();
          resolve(value);
        };
        const shown = () => (document.querySelector('.grid[role="region"]')?.textContent ?? '').includes(text);
        const observer = new MutationObserver(() => {
          if (shown()) requestAnimationFrame(() => finish(performance.timeOrigin + performance.now()));
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        setTimeout(() => finish(null), 10000);
      });
    },
  };
})();`;

/** Resolves with the ms waited once the page's main thread has had no long task (over 50 ms) for 3 s; at most 3 minutes. */
const SETTLED = `new Promise((resolve) => {
  const start = performance.now();
  let last = start;
  new PerformanceObserver(() => (last = performance.now())).observe({ type: 'longtask' });
  const check = () => (performance.now() - last > 3000 || performance.now() - start > 180000 ? resolve(performance.now() - start) : setTimeout(check, 250));
  setTimeout(check, 250);
})`;

/** Starts Chromium's CPU profiler on `page`; the returned function stops it and writes a .cpuprofile for Chrome DevTools. */
async function startProfile(page: Page): Promise<(file: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async (file) => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  };
}

function fileBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    total += statSync(path).isDirectory() ? fileBytes(path) : statSync(path).size;
  }
  return total;
}

export async function syncBenchmarks(options: SyncBenchOptions): Promise<{ timings: Timing[]; figures: Record<string, number | string> }> {
  const { context, base, quick, progress } = options;
  const runs = quick ? { download: 1, edits: 5, startup: 2 } : { download: 3, edits: 30, startup: 8 };
  const timings: Timing[] = [];
  const figures: Record<string, number | string> = {};
  const dataDir = mkdtempSync(join(tmpdir(), 'tf-bench-sync-'));
  const server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
  const key: HouseholdKey = newHouseholdKey((bytes) => crypto.getRandomValues(bytes));
  const joined: HouseholdConfig = { ...key, server: server.url, joinedAt: new Date().toISOString() };
  try {
    // The app's database holds the library: it makes the household, uploading everything.
    let bench = await benchPage(context, base);
    progress('sync: the device with the library makes the household');
    figures.syncUploadMs = round(await bench.evaluate(([k, url]) => (window.thirtyfoldBench as Bench).sync.upload(k, url), [key, server.url] as const), 0);

    // Each first sync beside a restore of the same library's backup, in turn in the same page, so both see the same load.
    await bench.evaluate(() => (window.thirtyfoldBench as Bench).exportBackup());
    const downloads: number[] = [];
    const synced: number[] = [];
    const restores: number[] = [];
    const cpu = { download: [] as number[], server: [] as number[], restore: [] as number[] };
    const cpuClock = options.cpuClock ?? (() => () => NaN);
    for (let run = 1; run <= runs.download; run++) {
      progress(`sync: restore of the same backup, ${run} of ${runs.download}`);
      let cpuSince = cpuClock();
      restores.push(await bench.evaluate(() => (window.thirtyfoldBench as Bench).restoreBackup()));
      cpu.restore.push(cpuSince());
      progress(`sync: first sync to an empty device, ${run} of ${runs.download}`);
      const profiled = run === 1 && options.profileDir ? await startProfile(bench) : null;
      cpuSince = cpuClock();
      const serverSince = process.cpuUsage();
      const { ms, syncedMs, counts } = await bench.evaluate(
        ([k, url, name]) => (window.thirtyfoldBench as Bench).sync.download(k, url, name),
        [key, server.url, `tf-bench-device-${run}`] as const,
      );
      const serverCpu = process.cpuUsage(serverSince);
      cpu.download.push(cpuSince());
      // The server runs in this process (beside Playwright's side of the page calls).
      cpu.server.push((serverCpu.user + serverCpu.system) / 1000);
      if (profiled) await profiled(join(options.profileDir!, 'sync-first.cpuprofile'));
      if (counts.recipes !== options.recipes || counts.meals !== options.meals) {
        throw new Error(`the new device holds ${counts.recipes} recipes and ${counts.meals} meals after its first sync`);
      }
      downloads.push(ms);
      synced.push(syncedMs);
    }
    const medianOf = (values: number[]) => fromSamples('', values).medianMs;
    const download = fromSamples(
      `sync: first sync of the library to an empty device (${options.recipes} recipes)`,
      downloads,
      undefined,
      `Chromium CPU ${Math.round(medianOf(cpu.download))} ms, server ${Math.round(medianOf(cpu.server))} ms (medians)`,
    );
    const restore = fromSamples('sync: restore of the same backup, in turn with the first syncs', restores, undefined, `Chromium CPU ${Math.round(medianOf(cpu.restore))} ms (median)`);
    timings.push(download, restore);
    figures.syncFirstServerAnswerMs = round(medianOf(synced), 0);
    figures.syncFirstVsRestoreInTurn = round(download.medianMs / restore.medianMs, 2);
    figures.syncFirstVsRestoreInTurnCpu = round((medianOf(cpu.download) + medianOf(cpu.server)) / medianOf(cpu.restore), 2);
    if (options.restoreMs !== null) figures.syncFirstVsRestore = round(download.medianMs / options.restoreMs, 2);
    const bytes = await bench.evaluate(() => (window.thirtyfoldBench as Bench).sync.docBytes());
    figures.syncDocEncodedBytes = bytes.encoded;
    figures.syncDocStoredBytes = bytes.stored;
    figures.syncDocStoredVsBackup = round(bytes.stored / options.backupBytes, 2);

    // One edit on the new device (the bench page) until it is on the app's screen (the first device).
    await bench.evaluate((config) => (window.thirtyfoldBench as Bench).sync.setHousehold(config), joined);
    const app = (await options.startup(options.weekMeals)).page;
    await app.bringToFront();
    await app.waitForFunction(() => document.querySelector('[data-testid="sidebar-sync"]')?.textContent === 'Synced', undefined, { timeout: 120_000 });
    // After it starts, the app reads every recipe's lines in the background: edits are timed on a settled app (as typing is), once
    // its main thread has had no long task for 3 s.
    figures.syncEditSettleMs = round(await app.evaluate(SETTLED), 0);
    await app.evaluate(SEEN_PROBE);
    const visibility = await Promise.all([app, bench].map((page) => page.evaluate(() => document.visibilityState)));
    figures.syncEditPagesVisibility = visibility.join(' / ');
    // The device's page (the bench page, same origin as the app) also watches the app's database. (A third page opened
    // over the app's made Chromium draw the app once a second after a few edits: the edits then waited for its frames.)
    const profiled = options.profileDir ? await startProfile(app) : null;
    const stages = { sent: [] as number[], stored: [] as number[], shown: [] as number[] };
    // The server runs in this process: how long its event loop was held up during the edits (saving the household among others).
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const date = today();
    for (let run = 1; run <= runs.edits; run++) {
      progress(`sync: one edit to the other device's screen, ${run} of ${runs.edits}`);
      const food = `${100 + run} g walnuts`;
      const id = `tf-bench-sync-edit-${run}`;
      await app.evaluate((text) => (window as unknown as { thirtyfoldSeen: { arm(text: string): void } }).thirtyfoldSeen.arm(text), food);
      const stored = bench.evaluate(([meal, present]) => (window.thirtyfoldBench as Bench).sync.stored(meal, present), [id, true] as const);
      const { madeAt, sentAt } = await bench.evaluate((meal) => (window.thirtyfoldBench as Bench).sync.edit(meal), { id, date, slot: 'snack', food });
      const seenAt = await app.evaluate(() => (window as unknown as { thirtyfoldSeen: { seen: Promise<number | null> } }).thirtyfoldSeen.seen);
      const storedAt = await stored;
      if (seenAt === null || storedAt === null) throw new Error(`the edit “${food}” did not show on the other device within 10 s`);
      stages.sent.push(sentAt - madeAt);
      stages.stored.push(storedAt - madeAt);
      stages.shown.push(seenAt - madeAt);
      if (profiled && run === 10) await profiled(join(options.profileDir!, 'sync-edits-app.cpuprofile'));
      await bench.evaluate((meal) => (window.thirtyfoldBench as Bench).sync.undoEdit(meal), id);
      await bench.evaluate(([meal, present]) => (window.thirtyfoldBench as Bench).sync.stored(meal, present), [id, false] as const);
      await app.waitForFunction((text) => !(document.querySelector('.grid[role="region"]')?.textContent ?? '').includes(text), food, { timeout: 30_000 });
      await app.waitForTimeout(200);
    }
    loopDelay.disable();
    figures.syncEditNodeLoopDelayMaxMs = round(loopDelay.max / 1e6, 0);
    figures.syncEditNodeLoopDelayP99Ms = round(loopDelay.percentile(99) / 1e6, 0);
    if (profiled && runs.edits < 10) await profiled(join(options.profileDir!, 'sync-edits-app.cpuprofile'));
    // Every sample counts, the first ones too; the first 5 and the rest are given apart as well.
    timings.push(fromSamples('sync: one edit on a device until shown on the other (loopback)', stages.shown, 250));
    timings.push(fromSamples('sync: … until in the other device’s database', stages.stored, 250));
    figures.syncEditSentMedianMs = round(medianOf(stages.sent), 1);
    figures.syncEditShownFirst5MedianMs = round(medianOf(stages.shown.slice(0, 5)), 1);
    figures.syncEditShownAfter5MedianMs = round(medianOf(stages.shown.slice(5)), 1);
    figures.syncEditShownMaxMs = round(Math.max(...stages.shown), 1);
    await app.close();
    await bench.evaluate(() => (window.thirtyfoldBench as Bench).sync.closeDevice());
    await bench.close();

    // Startups on the library, in turn with the app in the household and out of it.
    const on: number[] = [];
    const off: number[] = [];
    const startCpu = { on: [] as number[], off: [] as number[] };
    for (let run = 0; run < 2 * (runs.startup + 1); run++) {
      const inHousehold = run % 2 === 1;
      progress(`sync: startup with sync ${inHousehold ? 'on' : 'off'}, ${run < 2 ? 'warm-up' : `run ${Math.floor(run / 2)} of ${runs.startup}`}`);
      bench = await benchPage(context, base);
      await bench.evaluate((config) => (window.thirtyfoldBench as Bench).sync.setHousehold(config), inHousehold ? joined : null);
      await bench.evaluate(() => (window.thirtyfoldBench as Bench).close());
      await bench.close();
      const started = await options.startup(options.weekMeals);
      await started.page.close();
      if (run < 2) continue;
      (inHousehold ? on : off).push(started.ms);
      (inHousehold ? startCpu.on : startCpu.off).push(started.cpuMs);
    }
    const cpuNote = (values: number[]) => {
      const median = fromSamples('', values).medianMs;
      return Number.isNaN(median) ? undefined : `Chromium CPU ${Math.round(median)} ms (median)`;
    };
    const offTiming = fromSamples(`startup to interactive week, ${options.recipes} recipes, sync off (in turn with on)`, off, 1000, cpuNote(startCpu.off));
    const onTiming = fromSamples(`startup to interactive week, ${options.recipes} recipes, sync on`, on, 1000, cpuNote(startCpu.on));
    timings.push(offTiming, onTiming);
    figures.syncStartupOnVsOff = round(onTiming.medianMs / offTiming.medianMs, 2);
    figures.syncStartupOnVsOffCpu = round(medianOf(startCpu.on) / medianOf(startCpu.off), 2);
    bench = await benchPage(context, base);
    await bench.evaluate(() => (window.thirtyfoldBench as Bench).sync.setHousehold(null));
    await bench.close();
  } finally {
    // Stopping saves every open household doc to its file.
    await server.stop();
  }
  figures.syncDocServerFileBytes = fileBytes(join(dataDir, 'households'));
  figures.syncDocServerVsBackup = round(figures.syncDocServerFileBytes / options.backupBytes, 2);
  rmSync(dataDir, { recursive: true, force: true });
  return { timings, figures };
}
