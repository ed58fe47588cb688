/** A short message shown at the bottom of the window, with an optional action (Undo). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

/** How long an info notice stays, in milliseconds: longer when it offers an action such as Undo. */
export const NOTICE_MS = { plain: 5_000, action: 10_000 } as const;
/** At most this many notices are on screen; the oldest info notice makes room, errors never do. */
export const MAX_NOTICES = 3;

/** Messages for the user: errors are never swallowed, they end up here. */
export class Notices {
  #next = 1;
  // Timers and holds are bookkeeping, not shown: plain collections, not reactive ones.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timers = new Map<number, ReturnType<typeof setTimeout>>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #held = new Set<number>();
  items = $state<Notice[]>([]);

  /**
   * Shows a message. Info notices leave on their own (the clock stops while the pointer or focus is on one);
   * a newer notice with the same action replaces the older one, so Undo offers do not stack up.
   * Errors stay until the user dismisses them.
   */
  show(kind: Notice['kind'], text: string, action?: Notice['action']): number {
    const id = this.#next++;
    const kept = this.items.filter(
      (notice) => !(notice.kind === kind && notice.text === text) && !(action && notice.kind === 'info' && notice.action?.label === action.label),
    );
    for (const notice of this.items) if (!kept.includes(notice)) this.#clearTimer(notice.id);
    const items = [...kept, { id, kind, text, ...(action ? { action } : {}) }];
    while (items.length > MAX_NOTICES) {
      const oldestInfo = items.findIndex((notice) => notice.kind === 'info');
      if (oldestInfo < 0 || oldestInfo === items.length - 1) break;
      this.#clearTimer(items[oldestInfo].id);
      items.splice(oldestInfo, 1);
    }
    this.items = items;
    if (kind === 'info') this.#startTimer(id);
    return id;
  }

  info(text: string, action?: Notice['action']): number {
    return this.show('info', text, action);
  }

  /** A problem the user should see until dismissed, with what they can do about it. */
  problem(text: string, action?: Notice['action']): number {
    return this.show('error', text, action);
  }

  /**
   * Shows what went wrong, in words; logs the detail for the developer console.
   * A database that refused to open fails every later action the same way: that
   * is said once, by the notice already saying it.
   */
  error(context: string, error: unknown): number {
    console.error(context, error);
    const refused = refusalOf(error);
    const said = refused ? this.items.find((notice) => notice.kind === 'error' && notice.text.includes(refused.message)) : undefined;
    return said ? said.id : this.show('error', `${context}: ${describeError(error)}`);
  }

  /** Stops an info notice's clock while it is being read (pointer over it, or focus inside it). */
  hold(id: number): void {
    this.#held.add(id);
    this.#clearTimer(id);
  }

  /** Starts the clock again once the pointer and focus have left. */
  release(id: number): void {
    this.#held.delete(id);
    if (this.items.some((notice) => notice.id === id && notice.kind === 'info')) this.#startTimer(id);
  }

  dismiss(id: number): void {
    this.#clearTimer(id);
    this.#held.delete(id);
    this.items = this.items.filter((notice) => notice.id !== id);
  }

  #startTimer(id: number): void {
    this.#clearTimer(id);
    if (this.#held.has(id)) return;
    const notice = this.items.find((item) => item.id === id);
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), notice?.action ? NOTICE_MS.action : NOTICE_MS.plain),
    );
  }

  #clearTimer(id: number): void {
    const timer = this.#timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(id);
  }
}

/** The database's refusal to open (DatabaseTooNew, src/db/database.ts), when `error` is it or wraps it (Dexie wraps it for every query after). */
function refusalOf(error: unknown): Error | null {
  for (let cause = error; cause instanceof Error; cause = (cause as { inner?: unknown }).inner) {
    if (cause.name === 'DatabaseTooNew') return cause;
  }
  return null;
}

/** A user-facing sentence for an error, with quota and storage errors named plainly. */
export function describeError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const refused = refusalOf(error);
  if (refused) return refused.message;
  if (name === 'DatabaseClosedError') {
    return 'this tab has stopped using your data, as Thirtyfold was updated in another tab or window. Nothing was saved; reload this tab to go on.';
  }
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'the disk or the storage for this app is full. Nothing was saved; free some space and try again.';
  }
  // Dexie adds the inner error on a second line ("…\n Name: …"); a notice is one line.
  if (error instanceof Error) return error.message.split('\n')[0].trim();
  return String(error);
}

export const notices = new Notices();

/** Runs a user action and shows any error it throws; the one place such errors are caught. */
export async function attempt<T>(context: string, action: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    notices.error(context, error);
    return undefined;
  }
}
