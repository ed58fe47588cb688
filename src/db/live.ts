import { liveQuery } from 'dexie';

/** What a watched query reports: each new result, or why it failed. */
export interface WatchObserver<T> {
  next(value: T): void;
  error(reason: unknown): void;
}

/**
 * Runs a read and runs it again whenever a table it read changes (Dexie's
 * liveQuery), reporting each result; the returned function stops it. The
 * state layer turns this into rune state (src/state/live.svelte.ts) without
 * knowing which database library answers.
 */
export function watchQuery<T>(query: () => Promise<T> | T, observer: WatchObserver<T>): () => void {
  const subscription = liveQuery(query).subscribe({ next: (value) => observer.next(value), error: (reason: unknown) => observer.error(reason) });
  return () => subscription.unsubscribe();
}
