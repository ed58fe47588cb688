import { hashText } from '../core/hash';

/** Where a cache lives (window.localStorage in the app); null keeps it in memory only. */
export type CacheStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/**
 * What computed the values: the address of this module's built file, whose
 * name carries a hash of its chunk (the planner, the parser and the scoring
 * rules) and of every chunk it imports. A new build that changes any of them
 * gives every key another value, so no value computed by older code is used.
 */
const CODE = import.meta.url;

interface Entry<T> {
  key: string;
  value: T;
}

export interface DerivedCacheOptions<T> {
  /** The localStorage key. */
  name: string;
  /** Entries kept; the oldest written is dropped beyond this. */
  limit: number;
  /** Whether a stored value has the expected shape (a damaged one is no entry). */
  valid: (value: unknown) => value is T;
}

/**
 * Values worked out from the database, remembered between sessions under a
 * key: a hash of everything they depend on. A value is used only while its
 * key is unchanged; it is derived data, so losing it (another browser,
 * cleared storage, a full disk) costs only time.
 */
export class DerivedCache<T> {
  #entries: Map<string, Entry<T>>;
  readonly #storage: CacheStorage;
  readonly #options: DerivedCacheOptions<T>;

  constructor(storage: CacheStorage, options: DerivedCacheOptions<T>) {
    this.#storage = storage;
    this.#options = options;
    this.#entries = new Map(readEntries(storage, options));
  }

  /** The key for the inputs (and the code that computes from them); any change to either gives another key. */
  static key(inputs: unknown): string {
    return hashText(JSON.stringify([CODE, inputs]));
  }

  /** The remembered value for `slot` (e.g. a week), if `key` still matches. */
  get(slot: string, key: string): T | null {
    const entry = this.#entries.get(slot);
    return entry && entry.key === key ? entry.value : null;
  }

  /** Whether anything is remembered for `slot`, under any key. */
  has(slot: string): boolean {
    return this.#entries.has(slot);
  }

  /** Remembers `value` for `slot` under `key` (a new value under the same key replaces the old one). */
  set(slot: string, key: string, value: T): void {
    const held = this.#entries.get(slot);
    if (held && held.key === key && held.value === value) return;
    this.#entries.delete(slot);
    this.#entries.set(slot, { key, value });
    while (this.#entries.size > this.#options.limit) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    try {
      this.#storage?.setItem(this.#options.name, JSON.stringify([...this.#entries]));
    } catch {
      // A full or unavailable storage only means the next start works the value out again.
    }
  }
}

function readEntries<T>(storage: CacheStorage, options: DerivedCacheOptions<T>): [string, Entry<T>][] {
  try {
    const value = JSON.parse(storage?.getItem(options.name) ?? '[]') as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is [string, Entry<T>] =>
        Array.isArray(item) && typeof item[0] === 'string' && typeof item[1]?.key === 'string' && options.valid(item[1]?.value),
    );
  } catch {
    // A damaged store is an empty one: the values are worked out again.
    return [];
  }
}

/**
 * This window's localStorage, or none: outside a browser, with storage
 * switched off, and in development, where module addresses carry no content
 * hash and so could not tell edited code from the code that computed a value.
 */
export function windowStorage(): CacheStorage {
  if (import.meta.env.DEV) return null;
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
