import type { LineParser } from '../core/plan/resolve';
import { followLineWrites, newReading, PARSE_BATCH, recipesToParse, staleParses, storeReadings, type NewReading } from '../db/parse-repository';
import { db } from './database';
import { windowStorage, type CacheStorage } from './derived-cache';

/** Where the key of the last complete pass over every recipe is kept (this device's storage): says the library's readings were all stored once. */
const DONE_KEY = 'thirtyfold.parsed-with.v1';

type KeyedParser = LineParser & { key: string };

/** The longest wait for an idle moment before the next slice of work, in ms: under constant work the pass still goes on, slowly. */
const IDLE_TIMEOUT = 2000;
/** The most one slice reads when the browser cannot say how long it will stay idle, in ms. */
const SLICE_MS = 8;

/** Waits for the browser to be idle; resolves with the time until it stops being idle (a short slice where there is no such call). */
const idle = (): Promise<() => number> =>
  new Promise((resolve) => {
    const slice = () => {
      const started = performance.now();
      return () => SLICE_MS - (performance.now() - started);
    };
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback((deadline) => resolve(deadline.didTimeout ? slice() : () => deadline.timeRemaining()), { timeout: IDLE_TIMEOUT });
    } else {
      setTimeout(() => resolve(slice()), 0);
    }
  });

/**
 * Keeps each recipe's stored reading of its lines current, in the
 * background and in idle moments only: once a parser is given, every recipe
 * without a reading under its key (all of them when the foods changed; a
 * check of keys only otherwise), then the recipes written since (an edit, an
 * import, a restore, a change from household sync or another window). The
 * boot sequence has it follow writes from the start and gives it the parser
 * once the app is idle and the catalog has loaded; until a reading is stored,
 * whoever reads a recipe parses its lines as before, so nothing waits for
 * this.
 */
export class ReparseState {
  #parse: KeyedParser | null = null;
  // Plain bookkeeping, not state: nothing is drawn from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pending = new Set<string>();
  #all = false;
  #running: Promise<void> | null = null;
  #again = false;
  #stop: (() => void) | null = null;
  #soon: ReturnType<typeof setTimeout> | undefined;
  readonly #storage: CacheStorage;
  /** Recipes given a new reading since the page loaded. */
  stored = $state(0);

  constructor(storage: CacheStorage = windowStorage()) {
    this.#storage = storage;
  }

  /** Notes the recipes written from now on, to read them once a parser is given. */
  follow(): void {
    this.#stop ??= followLineWrites(db, (ids) => {
      if (ids === null) this.#all = true;
      else for (const id of ids) this.#pending.add(id);
      // After the writer's transaction: a burst of writes (an import) becomes one pass.
      clearTimeout(this.#soon);
      this.#soon = setTimeout(() => void this.run(), 50);
    });
  }

  /** Reads against `parse` from now on: first every recipe without a reading under its key (a check of keys only), then what is written. */
  use(parse: LineParser): void {
    if (parse.key === undefined || parse.key === this.#parse?.key) return;
    this.follow();
    this.#parse = parse as KeyedParser;
    this.#all = true;
    void this.run();
  }

  /** Stores the readings that are due; resolves when none is left (a run already going takes the new work on). */
  run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#pass();
        } while (this.#parse !== null && (this.#again || this.#all || this.#pending.size > 0));
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  async #pass(): Promise<void> {
    const parse = this.#parse;
    if (!parse) return;
    const ids = this.#all ? null : [...this.#pending];
    this.#all = false;
    this.#pending.clear();
    if (ids !== null && ids.length === 0) return;
    const stale = await staleParses(db, parse.key, ids);
    for (let at = 0; at < stale.length; at += PARSE_BATCH) {
      const batch = await recipesToParse(db, stale.slice(at, at + PARSE_BATCH));
      // The lines are read in idle moments only, a few recipes at a time, so the pass never holds the page.
      const readings: NewReading[] = [];
      let next = 0;
      while (next < batch.length) {
        const left = await idle();
        if (this.#parse !== parse) return;
        do {
          const reading = newReading(batch[next], parse);
          if (reading) readings.push(reading);
          next += 1;
        } while (next < batch.length && left() > 1);
      }
      this.stored += await storeReadings(db, readings, parse);
    }
    if (ids === null && this.#storage?.getItem(DONE_KEY) !== parse.key) {
      try {
        this.#storage?.setItem(DONE_KEY, parse.key);
      } catch {
        // Full storage: the next start checks every recipe again, nothing worse.
      }
    }
  }

  /** Stops following writes (tests). */
  stop(): void {
    this.#stop?.();
    this.#stop = null;
    this.#parse = null;
  }
}

export const reparse = new ReparseState();
