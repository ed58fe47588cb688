import type { LineParser } from '../core/plan/resolve';
import { followLineWrites, PARSE_BATCH, staleParses, storeParses } from '../db/parse-repository';
import { db } from './database';
import { windowStorage, type CacheStorage } from './derived-cache';

/** Where the key of the last complete pass over every recipe is kept (this device's storage; losing it costs one more pass). */
const DONE_KEY = 'thirtyfold.parsed-with.v1';

type KeyedParser = LineParser & { key: string };

/** A pause between batches, so that reading a large library never holds the page. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Keeps each recipe's stored reading of its lines current, in the
 * background: all recipes when the foods change (the parser's key differs
 * from the one the last complete pass was made with), and the recipes just
 * written (an edit, an import, a restore, a change from household sync or
 * another window). The boot sequence has it follow writes from the start and
 * gives it the parser once the app is idle and the catalog has loaded; until
 * a reading is stored, whoever reads a recipe parses its lines as before, so
 * nothing waits for this.
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

  /** Reads against `parse` from now on: every recipe is checked when its key is not the one the last complete pass used. */
  use(parse: LineParser): void {
    if (parse.key === undefined || parse.key === this.#parse?.key) return;
    this.follow();
    this.#parse = parse as KeyedParser;
    if (this.#storage?.getItem(DONE_KEY) !== parse.key) this.#all = true;
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
      if (this.#parse !== parse) return;
      this.stored += await storeParses(db, stale.slice(at, at + PARSE_BATCH), parse);
      await breathe();
    }
    if (ids === null) {
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
