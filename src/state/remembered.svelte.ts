import { DerivedCache, type CacheStorage, type DerivedCacheOptions } from './derived-cache';

/** One value to remember: for `slot` (e.g. a week), under the key of what it was worked out from. */
export interface RememberedEntry<T> {
  slot: string;
  key: string;
  value: T;
}

/**
 * A derived value remembered between sessions (in localStorage, through
 * `DerivedCache`): `recall` answers while the key of its inputs is unchanged,
 * and `follow` writes each new value from an effect, so that working a value
 * out (a `$derived`) never writes storage.
 */
export class Remembered<T> {
  readonly #cache: DerivedCache<T>;

  constructor(storage: CacheStorage, options: DerivedCacheOptions<T>) {
    this.#cache = new DerivedCache(storage, options);
  }

  /** The key for the inputs (and the code that computes from them). */
  static key(inputs: unknown): string {
    return DerivedCache.key(inputs);
  }

  /** The value remembered for `slot` under `key`, or null. */
  recall(slot: string, key: string): T | null {
    return this.#cache.get(slot, key);
  }

  /** Whether anything is remembered for `slot`, under any key. */
  has(slot: string): boolean {
    return this.#cache.has(slot);
  }

  /**
   * Remembers, from an effect, what `entry` gives each time it changes (null:
   * nothing worth remembering now). `entry` should read the value only when it
   * is to be written, so that remembering never works out a value nobody needs.
   */
  follow(entry: () => RememberedEntry<T> | null): () => void {
    return $effect.root(() => {
      $effect(() => {
        const next = entry();
        if (next) this.#cache.set(next.slot, next.key, next.value);
      });
    });
  }
}
