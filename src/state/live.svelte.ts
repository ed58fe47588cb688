import { watchQuery } from '../db/live';

/** The latest result of a watched database read as rune state. */
export interface Live<T> {
  readonly current: T;
  /** True once the first result arrived. */
  readonly ready: boolean;
  readonly error: Error | null;
  dispose(): void;
}

/**
 * Turns a watched database read (src/db/live.ts) into rune state. `deps` is read synchronously and
 * tracked: when what it returns changes, the query re-subscribes with it.
 * The query re-runs whenever the tables it read change.
 */
export function live<T, D = void>(deps: () => D, query: (deps: D) => Promise<T> | T, initial: T): Live<T> {
  let current = $state.raw(initial);
  let ready = $state(false);
  let error = $state<Error | null>(null);
  const dispose = $effect.root(() => {
    $effect(() => {
      const input = deps();
      return watchQuery(() => query(input), {
        next: (value) => {
          current = value;
          ready = true;
          error = null;
        },
        error: (reason: unknown) => {
          error = reason instanceof Error ? reason : new Error(String(reason));
        },
      });
    });
  });
  return {
    get current() {
      return current;
    },
    get ready() {
      return ready;
    },
    get error() {
      return error;
    },
    dispose,
  };
}
