/** A short message shown at the bottom of the window, with an optional action (Undo). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

/** Messages for the user: errors are never swallowed, they end up here. */
export class Notices {
  #next = 1;
  items = $state<Notice[]>([]);

  /** Shows a message; info notices leave after a while, errors stay until dismissed. */
  show(kind: Notice['kind'], text: string, action?: Notice['action']): number {
    const id = this.#next++;
    this.items = [...this.items.slice(-3), { id, kind, text, ...(action ? { action } : {}) }];
    if (kind === 'info') setTimeout(() => this.dismiss(id), action ? 10_000 : 5_000);
    return id;
  }

  info(text: string, action?: Notice['action']): number {
    return this.show('info', text, action);
  }

  /** Shows what went wrong, in words; logs the detail for the developer console. */
  error(context: string, error: unknown): number {
    console.error(context, error);
    return this.show('error', `${context}: ${describeError(error)}`);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id);
  }
}

/** A user-facing sentence for an error, with quota and storage errors named plainly. */
export function describeError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
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
