import { hashText } from '../core/hash';

/** Where the cache lives (window.localStorage in the app); null keeps it in memory only. */
export type CacheStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

const STORAGE_KEY = 'thirtyfold.previous-crops.v1';
/** Weeks remembered; the oldest written is dropped beyond this. */
const LIMIT = 16;

interface Entry {
  key: string;
  crops: string[];
}

/**
 * The crops of the four weeks before each week shown, remembered between
 * sessions: working them out means reading and scoring four weeks of recipes,
 * the largest part of opening the planner on a big library. An entry is used
 * only while its key — a hash of everything the crops depend on (the meals,
 * their recipes, the catalog and the scoring settings) — is unchanged; it is
 * derived data, so losing it (another browser, cleared storage) costs only time.
 */
export class CropCache {
  #entries: Map<string, Entry>;
  readonly #storage: CacheStorage;

  constructor(storage: CacheStorage) {
    this.#storage = storage;
    this.#entries = new Map(readEntries(storage));
  }

  /** The key for the inputs; any change to them gives another key. */
  static key(inputs: unknown): string {
    return hashText(JSON.stringify(inputs));
  }

  /** The remembered crops of the weeks before `weekStart`, if `key` still matches. */
  get(weekStart: string, key: string): Set<string> | null {
    const entry = this.#entries.get(weekStart);
    return entry && entry.key === key ? new Set(entry.crops) : null;
  }

  set(weekStart: string, key: string, crops: Iterable<string>): void {
    this.#entries.delete(weekStart);
    this.#entries.set(weekStart, { key, crops: [...crops].sort() });
    while (this.#entries.size > LIMIT) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify([...this.#entries]));
    } catch {
      // A full or unavailable storage only means the next start works the crops out again.
    }
  }
}

function readEntries(storage: CacheStorage): [string, Entry][] {
  try {
    const value = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is [string, Entry] =>
        Array.isArray(item) &&
        typeof item[0] === 'string' &&
        typeof item[1]?.key === 'string' &&
        Array.isArray(item[1]?.crops) &&
        item[1].crops.every((crop: unknown) => typeof crop === 'string'),
    );
  } catch {
    // A damaged entry is no entry: the crops are worked out again.
    return [];
  }
}
